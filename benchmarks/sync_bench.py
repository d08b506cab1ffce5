"""Sync benchmark: full and incremental bundles between an office and one laptop.

    .venv/bin/python -m benchmarks.sync_bench DEMO_DIR PASSPHRASE_FILE [--out results.json]

DEMO_DIR is a demo vault (``asd-desktop demo --cases 5000``); it is copied, never changed.
Export and import run as the real command line (``asd-desktop bundle …``) in child
processes, so each figure includes start-up and unlock, and each process's peak memory
is its own (from ``wait4``). The incremental round is also timed in one process with
both databases open (the ≤ 1 s target is about the exchange, not Python's start-up).
The floor is age-encrypting the same plaintext (manifest + signature + compressed
payload) alone with pyrage.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyrage
from sqlalchemy import select

from asd_desktop.domain.enums import ContactKind
from asd_desktop.models import Case
from asd_desktop.models.sync import SyncIdentity
from asd_desktop.services import vault
from asd_desktop.services.cases import CaseInput, ContactInput
from asd_desktop.storage.bundle_file import DeviceKeys, read_manifest_unverified

CLI = [sys.executable, "-m", "asd_desktop"]


def run_measured(args: list[str]) -> tuple[float, float, str]:
    """Like run(), with the child's own peak RSS from wait4 (MiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen([*CLI, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    assert proc.stderr is not None
    out = proc.stdout.read()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(args)} failed: {err.decode()}")
    return wall, usage.ru_maxrss / 1024, out.decode()


def main() -> int:
    """Run the benchmark and print/write the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("demo", type=Path)
    parser.add_argument("passphrase_file", type=Path)
    parser.add_argument("--out", type=Path, default=Path("benchmarks/sync_results.json"))
    args = parser.parse_args()
    pw_file = str(args.passphrase_file)
    passphrase = args.passphrase_file.read_text(encoding="utf-8").splitlines()[0]
    work = Path(tempfile.mkdtemp(prefix="asd-sync-bench."))
    try:
        office, laptop, stick = work / "o", work / "l", work / "stick"
        shutil.copytree(args.demo, office)
        common_o = ["--data-dir", str(office), "--passphrase-file", pw_file]
        common_l = ["--data-dir", str(laptop), "--passphrase-file", pw_file]
        run_measured(["device", "init-office", "--name", "ASD Bench", *common_o])
        _w, _r, out = run_measured(
            ["device", "enroll", "--name", "Laptop Bench", "--out", str(stick), *common_o]
        )
        code = next(x.split()[1] for x in out.splitlines() if x.startswith("Einrichtungscode"))
        enroll_file = next(stick.glob("*.asdenroll"))
        (work / "code").write_text(code + "\n", encoding="utf-8")
        run_measured(["vault", "init", *common_l])
        run_measured(
            ["device", "join", str(enroll_file), "--code-file", str(work / "code"), *common_l]
        )
        assign_s, _r, _o = run_measured(["device", "assign", "Laptop Bench", "--all", *common_o])
        startup_s, startup_rss, _o = run_measured(["device", "list", *common_o])

        export_s, export_rss, out = run_measured(
            ["bundle", "export", "--to", "Laptop Bench", "--out", str(stick), *common_o]
        )
        bundle = Path(out.splitlines()[0].split(": ", 1)[1])
        records = int(out.splitlines()[1].split()[0])
        import_s, import_rss, _o = run_measured(["bundle", "import", str(bundle), *common_l])

        # Floor: age-encrypting the same plaintext alone.
        ov = vault.unlock_vault(office, passphrase)
        with ov.database.session_factory() as s:
            ident = s.get(SyncIdentity, 1)
            assert ident is not None
            keys = DeviceKeys(
                signing_private=ident.signing_private, age_identity=ident.age_identity
            )
        ov.close()
        _m, manifest_bytes, signature, payload = read_manifest_unverified(
            bundle, [keys.age_identity]
        )
        plaintext = b"ASD-BUNDLE\x00v1\n" + len(manifest_bytes).to_bytes(4, "big")
        plaintext += manifest_bytes + signature + payload
        recipient = pyrage.x25519.Recipient.from_str(keys.age_recipient)
        start = time.perf_counter()
        pyrage.encrypt(plaintext, [recipient])
        floor_s = time.perf_counter() - start
        del plaintext, payload

        # The laptop acknowledges, then 50 cases change at the office.
        _wall, _r, out = run_measured(
            ["bundle", "export", "--to", "ASD Bench", "--out", str(stick), *common_l]
        )
        run_measured(["bundle", "import", out.splitlines()[0].split(": ", 1)[1], *common_o])
        o = vault.unlock_vault(office, passphrase)
        laptop_vault = vault.unlock_vault(laptop, passphrase)
        try:
            with o.database.session_factory() as s:
                cases = list(s.scalars(select(Case).order_by(Case.id).limit(50)))
            for case in cases:
                _amend(o, case, " Nachtrag.")
                o.cases.record_contact(
                    case.id,
                    ContactInput(
                        occurred_at=dt.datetime(2026, 11, 24, 10, 0),
                        kind=next(iter(ContactKind)),
                        note="Telefonat zur Terminabsprache.",
                    ),
                )
            start = time.perf_counter()
            inc = o.sync.export(laptop_vault.database.device_id, stick)
            inc_export_s = time.perf_counter() - start
            start = time.perf_counter()
            inc_report = laptop_vault.sync.import_bundle(inc.path)
            inc_import_s = time.perf_counter() - start
            assert o.sync.pending_changes(laptop_vault.database.device_id) > 0  # not yet acked
        finally:
            o.close()
            laptop_vault.close()
        # And once more as the command line does it, for the same kind of change.
        o = vault.unlock_vault(office, passphrase)
        try:
            for case in cases:
                _amend(o, case, " Zweiter Nachtrag.")
        finally:
            o.close()
        cli_inc_export_s, _r, out = run_measured(
            ["bundle", "export", "--to", "Laptop Bench", "--out", str(stick), *common_o]
        )
        cli_inc_import_s, _r, _o = run_measured(
            ["bundle", "import", out.splitlines()[0].split(": ", 1)[1], *common_l]
        )

        results = {
            "date": dt.date.today().isoformat(),
            "cpu_count": os.cpu_count(),
            "load_average": os.getloadavg(),
            "records_full": records,
            "bundle_bytes_full": bundle.stat().st_size,
            "assign_all_s": round(assign_s, 2),
            "cli_startup_unlock_s": round(startup_s, 2),
            "cli_startup_rss_mib": round(startup_rss),
            "full_export_s": round(export_s, 2),
            "full_export_peak_rss_mib": round(export_rss),
            "full_import_s": round(import_s, 2),
            "full_import_peak_rss_mib": round(import_rss),
            "floor_age_encrypt_s": round(floor_s, 3),
            "incremental_records": inc.total,
            "incremental_changed_at_laptop": inc_report.total,
            "incremental_export_s": round(inc_export_s, 3),
            "incremental_import_s": round(inc_import_s, 3),
            "incremental_total_s": round(inc_export_s + inc_import_s, 3),
            "cli_incremental_export_s": round(cli_inc_export_s, 2),
            "cli_incremental_import_s": round(cli_inc_import_s, 2),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    targets = {
        "full_export_s": 10,
        "full_import_s": 20,
        "incremental_total_s": 1,
        "full_export_peak_rss_mib": 500,
        "full_import_peak_rss_mib": 500,
    }
    missed = 0
    for key, value in results.items():
        target = targets.get(key)
        mark = ""
        if target is not None:
            ok = float(value) <= target  # type: ignore[arg-type]
            missed += not ok
            mark = f"  (Ziel ≤ {target}: {'erreicht' if ok else 'VERFEHLT'})"
        print(f"{key:34} {value}{mark}")
    return 1 if missed else 0


def _amend(o: vault.OpenVault, case: Case, addition: str) -> None:
    """Change a case's description through the service, as a caseworker's edit."""
    o.cases.update_case(
        case.id,
        CaseInput(
            file_number=case.file_number,
            family_name=case.family_name,
            opened_on=case.opened_on,
            caseworker=case.caseworker,
            description=(case.description or "") + addition,
        ),
    )


if __name__ == "__main__":
    raise SystemExit(main())

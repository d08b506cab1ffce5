"""Measure unlock without key derivation on a large demo vault, beside an empty-database floor.

Run from the repository root::

    .venv/bin/python benchmarks/unlock.py                      # builds a 5000-case demo
    .venv/bin/python benchmarks/unlock.py --data-dir D --passphrase-file P   # an existing one

The key is derived once (Argon2id is not what is measured). Each round then opens the
database with that key as the application does after the passphrase (``open_with_key``:
engine, schema check, device row, audit entry) up to the point where the case list can be
queried, and closes it again. The same is done on an empty database made in the same run
(the floor: what an unlock costs with no records at all), alternating the two. For
comparison it also measures the path every unlock took before: the same open followed by
Alembic's upgrade and the full ``PRAGMA foreign_key_check`` (``migrate``), and, for
information, the case list query itself. Writes ``benchmarks/unlock_results.json``;
exit code 1 if the median unlock on the demo is over the target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from asd_desktop.services import vault
from asd_desktop.services.cases import CaseQuery
from asd_desktop.storage.database import migrate
from asd_desktop.storage.paths import vault_path
from asd_desktop.storage.vault import Vault

TARGET_MS = 50.0
RESULTS = Path(__file__).with_name("unlock_results.json")
#: A throwaway passphrase for a vault of invented families, deleted with its folder.
DEMO_PASSPHRASE = "Benchmark-Demo-Tresor-2014"


def _ms(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return 1000 * (time.perf_counter() - start)


def _unlock(data_dir: Path, key: bytes) -> None:
    vault.open_with_key(data_dir, key).close()


def _unlock_then_migrate(data_dir: Path, key: bytes) -> None:
    opened = vault.open_with_key(data_dir, key)
    try:
        migrate(opened.database.engine)
    finally:
        opened.close()


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(ordered[-1], 2),
    }


def _build_demo(data_dir: Path, passphrase_file: Path, cases: int, contacts: int) -> float:
    """Make the demo vault in a child process (as ``asd-desktop demo`` does); seconds taken."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from asd_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
            "demo",
            "--data-dir",
            str(data_dir),
            "--passphrase-file",
            str(passphrase_file),
            "--cases",
            str(cases),
            "--contacts-per-case",
            str(contacts),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def measure(data_dir: Path, passphrase: str, rounds: int) -> dict[str, Any]:
    """Time unlock on ``data_dir`` and on an empty database, alternating, ``rounds`` each."""
    key = Vault.load(vault_path(data_dir)).unlock(passphrase)
    with tempfile.TemporaryDirectory(prefix="asd-bench-empty-") as tmp:
        empty_dir, empty_key = Path(tmp), os.urandom(32)
        _unlock(empty_dir, empty_key)  # made (and migrated) once, outside the measurement
        _unlock(data_dir, key)  # warm-up: imports, first page reads
        demo: list[float] = []
        floor: list[float] = []
        for round_no in range(rounds):
            pair = [
                (demo, lambda: _unlock(data_dir, key)),
                (floor, lambda: _unlock(empty_dir, empty_key)),
            ]
            for samples, call in pair if round_no % 2 == 0 else reversed(pair):
                samples.append(_ms(call))
        before = [_ms(lambda: _unlock_then_migrate(data_dir, key)) for _ in range(rounds)]
    opened = vault.open_with_key(data_dir, key)
    try:
        cases = len(opened.cases.list_cases(CaseQuery(status=None)))
        listing = [
            _ms(lambda: opened.cases.list_cases(CaseQuery(status=None))) for _ in range(rounds)
        ]
    finally:
        opened.close()
    unlock = _stats(demo)
    return {
        "cases": cases,
        "rounds": rounds,
        "unlock_without_kdf": unlock,
        "empty_database_floor": _stats(floor),
        "previous_path_with_migrate_and_fk_check": _stats(before),
        "case_list_query": _stats(listing),
        "target_ms": TARGET_MS,
        "met": unlock["median_ms"] <= TARGET_MS,
    }


def main() -> int:
    """Build or take a demo vault, measure, print the figures and write the JSON file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="existing (demo) vault")
    parser.add_argument("--passphrase-file", type=Path, help="its passphrase, first line")
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--contacts-per-case", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="asd-bench-unlock-") as tmp:
        demo_build_s = None
        if args.data_dir is None:
            data_dir, pw_file = Path(tmp) / "demo", Path(tmp) / "passphrase"
            pw_file.write_text(DEMO_PASSPHRASE + "\n", encoding="utf-8")
            print(f"Lege einen Demo-Tresor mit {args.cases} Fällen an …", file=sys.stderr)
            demo_build_s = round(
                _build_demo(data_dir, pw_file, args.cases, args.contacts_per_case), 1
            )
        else:
            data_dir, pw_file = args.data_dir, args.passphrase_file
            if pw_file is None:
                parser.error("--passphrase-file gehört zu --data-dir")
        passphrase = pw_file.read_text(encoding="utf-8").splitlines()[0]
        result = measure(data_dir, passphrase, args.rounds)
    result |= {
        "demo_build_s": demo_build_s,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "measured_at": dt.datetime.now().isoformat(timespec="seconds"),
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    rows = [
        ("unlock without KDF, 5000-case demo", "unlock_without_kdf"),
        ("floor: the same on an empty database", "empty_database_floor"),
        ("before: unlock + migrate + full FK check", "previous_path_with_migrate_and_fk_check"),
        ("case list query (for information)", "case_list_query"),
    ]
    print(f"{'':44} {'median':>9} {'p95':>9} {'max':>9}   ({result['cases']} cases)")
    for label, name in rows:
        s = result[name]
        print(f"{label:44} {s['median_ms']:7.1f}ms {s['p95_ms']:7.1f}ms {s['max_ms']:7.1f}ms")
    print(f"target: median unlock ≤ {TARGET_MS:.0f} ms: {'met' if result['met'] else 'MISSED'}")
    print(f"written: {RESULTS}")
    return 0 if result["met"] else 1


if __name__ == "__main__":
    sys.exit(main())

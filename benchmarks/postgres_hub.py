"""The office hub on PostgreSQL against the SQLite hub, measured in the same run.

    .venv/bin/python -m benchmarks.postgres_hub [--cases 5000] [--laptops 50] [--search-cases 50000]
        [--json benchmarks/postgres_hub_results.json]

A throwaway PostgreSQL cluster is started from the installed binaries (tests/pg.py: a Unix
socket, as ``nobody`` under root; fsync stays ON here, unlike in the tests). Figures:

1. Full import of a laptop's bundle: a laptop holds the demo (``--cases``, 10 contacts
   each, all opened on the laptop) and sends its first bundle to a new office; imported
   by the office on SQLite and on PostgreSQL. Target on PostgreSQL: ≤ 20 s.
2. Moving that 5000-case hub (``office migrate``: copy, compare both dumps).
3. ``--laptops`` incremental bundles of 100 changed cases each (every laptop holds its
   own 100 cases; each bundle is signed by its laptop), imported by 4 workstation
   processes at once into PostgreSQL, and one after another into SQLite (one file, one
   writer). Nothing may be lost: every change arrives, every bundle is recorded once.
4. Search p95 over ``--search-cases`` cases (names with diacritics, 2 persons each):
   150 queries (prefixes of 2-6 letters, Aktenzeichen parts, two words), the set of
   matching case ids as the case list asks for it. Target on PostgreSQL: ≤ 50 ms.
   Floor: one round trip (``SELECT 1``) on each database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from asd_desktop.demo import fill_demo
from asd_desktop.domain.sync_states import AssignmentState, DeviceRole
from asd_desktop.models import Case, Person
from asd_desktop.models.ids import Hlc, uuid7
from asd_desktop.models.sync import CaseAssignment, ImportedBundle, SyncDevice, SyncIdentity
from asd_desktop.services import vault
from asd_desktop.services.sync import rows
from asd_desktop.storage import search, server
from asd_desktop.storage.bundle_file import (
    DeviceKeys,
    read_manifest_unverified,
    write_bundle,
)
from asd_desktop.storage.engine import create_encrypted_engine
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.transfer import copy_hub
from asd_desktop.storage.vault import Vault
from tests.pg import Cluster, start_cluster

PASSPHRASE = "Benchmark-Passphrase-lang-genug-42"
TODAY = dt.date(2026, 11, 24)
CHANGED_PER_LAPTOP = 100
WORKSTATIONS = 4


def _seconds(start: float) -> float:
    return round(time.perf_counter() - start, 2)


def _open(folder: Path, url: str | None) -> vault.OpenVault:
    server.use_server(folder, url)
    return vault.unlock_vault(folder, PASSPHRASE)


def _move(cluster: Cluster, folder: Path, name: str) -> str:
    """``office migrate`` without the command line: copy the office of ``folder`` to a new db."""
    key = Vault.load(vault_path(folder)).unlock(PASSPHRASE)
    url = cluster.url(cluster.create_database(template="template1", prefix=name))
    source = create_encrypted_engine(db_path(folder), key)
    target = server.create_server_engine(url)
    server.register_key(target, lambda: key)
    try:
        copy_hub(source, target)
    finally:
        source.dispose()
        target.dispose()
    return url


# --- 1 and 2: a laptop's full bundle, and the move ---------------------------------------------


def full_import(cluster: Cluster, work: Path, cases: int) -> dict[str, Any]:
    office = vault.create_vault(work / "o", PASSPHRASE, PASSPHRASE)
    office.sync.init_office("ASD Bench")
    enrolled = office.sync.enroll("Laptop L", work / "stick")
    office_id = office.database.device_id
    office.close()
    laptop = vault.create_vault(work / "l", PASSPHRASE, PASSPHRASE)
    laptop.sync.join(enrolled.path, enrolled.code)
    fill_demo(
        laptop.database.session_factory,
        laptop.database.device_id,
        cases=cases,
        contacts_per_case=10,
        seed=7,
        today=TODAY,
    )
    bundle = laptop.sync.export(office_id, work / "stick").path
    laptop.close()
    pg_url = _move(cluster, work / "o", "office")  # the new, empty office on the server
    result: dict[str, Any] = {"cases": cases, "bundle_mb": round(bundle.stat().st_size / 2**20, 1)}
    for backend, url in (("sqlite", None), ("postgresql", pg_url)):
        ov = _open(work / "o", url)
        start = time.perf_counter()
        report = ov.sync.import_bundle(bundle)
        result[f"{backend}_s"] = _seconds(start)
        result[f"{backend}_rows"] = sum(report.changed.values())
        ov.close()
    result["pg_url"] = pg_url
    # 2: the 5000-case hub moves (copy, then both dumps compared).
    start = time.perf_counter()
    moved = _move(cluster, work / "o", "moved")
    copy_s = _seconds(start)
    source, target = _open(work / "o", None), _open(work / "o", moved)
    same = source.sync.dump() == target.sync.dump()
    source.close()
    target.close()
    server.use_server(work / "o", None)
    result["move"] = {"copy_s": copy_s, "with_compare_s": _seconds(start), "dumps_equal": same}
    return result


# --- 3: 50 laptops, 4 workstations ---------------------------------------------------------------


def _laptops(
    ov: vault.OpenVault, count: int, keys: list[DeviceKeys]
) -> list[tuple[str, list[str]]]:
    """Register ``count`` laptops, each holding its own 100 cases (the same on both hubs)."""
    laptops = []
    with ov.database.session_factory.begin() as s:
        case_ids = sorted(s.scalars(select(Case.id).where(Case.deleted.is_(False))))
        for n in range(count):
            device_id = f"00000000-0000-7000-8000-{n:012d}"
            s.add(
                SyncDevice(
                    device_id=device_id,
                    name=f"Laptop {n:02d}",
                    role=DeviceRole.LAPTOP,
                    signing_public=keys[n].signing_public,
                    age_recipient=keys[n].age_recipient,
                    enrolled_at=dt.datetime(2026, 11, 1),
                    acked={},
                    next_sequence=1,
                )
            )
            mine = case_ids[n * CHANGED_PER_LAPTOP : (n + 1) * CHANGED_PER_LAPTOP]
            for case_id in mine:
                s.add(
                    CaseAssignment(
                        case_id=case_id,
                        device_id=device_id,
                        state=AssignmentState.ACTIVE,
                        assigned_at_counter=0,
                        changed_at=dt.datetime(2026, 11, 1),
                    )
                )
            laptops.append((device_id, mine))
    return laptops


def _bundles(
    ov: vault.OpenVault,
    laptops: list[tuple[str, list[str]]],
    keys: list[DeviceKeys],
    template: dict[str, Any],
    out: Path,
) -> list[Path]:
    """One bundle per laptop: its 100 cases, each changed there once, signed by it."""
    office_id = ov.database.device_id
    table = Case.__table__
    encode = rows.row_encoder(table)  # type: ignore[arg-type]
    paths = []
    with ov.database.session_factory() as s:
        office_counter = s.execute(text("SELECT counter FROM local_device")).scalar_one()
        for n, (device_id, case_ids) in enumerate(laptops):
            lines = []
            for counter, row in enumerate(
                s.connection().execute(select(table).where(table.c.id.in_(case_ids))), start=1
            ):
                data = encode(row)
                data["description"] = f"{data['description']} (Hausbesuch {n})"
                data["version_vector"] = {**data["version_vector"], device_id: counter}
                data["origin_device"] = device_id
                data["origin_counter"] = counter
                data["hlc"] = Hlc(1_800_000_000_000 + counter, 0).encode()
                lines.append(json.dumps({"t": "cases", "r": data}, ensure_ascii=False).encode())
            manifest = {k: v for k, v in template.items() if k != "payload"}
            knowledge = {k: v for k, v in template["knowledge"].items() if k != office_id}
            manifest.update(
                bundle_id=uuid7(),
                sender={"device_id": device_id, "key_fingerprint": keys[n].fingerprint},
                recipients=[office_id],
                sequence=1,
                knowledge={**knowledge, device_id: len(lines), office_id: office_counter},
                base={},
                counts={"cases": len(lines)},
            )
            path = out / f"laptop-{n:02d}.asdbundle"
            recipients = [template["_office_recipient"], keys[n].age_recipient]
            write_bundle(path, manifest, lines, keys[n], recipients)
            paths.append(path)
    return paths


def many_laptops(cluster: Cluster, work: Path, first: dict[str, Any], count: int) -> dict[str, Any]:
    keys = [DeviceKeys.generate() for _ in range(count)]
    office = work / "o"
    sqlite_dir, pg_dir = work / "o-sqlite", work / "o-pg"
    shutil.copytree(office, sqlite_dir)
    pg_url = _move(cluster, office, "many")
    shutil.copytree(office, pg_dir, ignore=shutil.ignore_patterns("asd.db*"))
    template: dict[str, Any] = {}
    paths: list[Path] = []
    for folder, url in ((sqlite_dir, None), (pg_dir, pg_url)):
        ov = _open(folder, url)
        laptops = _laptops(ov, count, keys)
        if not paths:
            with ov.database.session_factory() as s:
                ident = s.get(SyncIdentity, 1)
                assert ident is not None
                office_keys = DeviceKeys(ident.signing_private, ident.age_identity)
            stick = work / "stick"
            first_bundle = next(stick.glob("*.asdbundle"))
            lap = _open(work / "l", None)
            with lap.database.session_factory() as s:
                lap_ident = s.get(SyncIdentity, 1)
                assert lap_ident is not None
                lap_age = lap_ident.age_identity
            lap.close()
            template, *_ = read_manifest_unverified(first_bundle, [lap_age])
            template["_office_recipient"] = office_keys.age_recipient
            (work / "many").mkdir()
            paths = _bundles(ov, laptops, keys, template, work / "many")
        ov.close()
    result: dict[str, Any] = {"laptops": count, "cases_per_bundle": CHANGED_PER_LAPTOP}
    # SQLite: one writer, one bundle after another (in one process, as a workstation would).
    ov = _open(sqlite_dir, None)
    start = time.perf_counter()
    for path in paths:
        ov.sync.import_bundle(path)
    result["sqlite_serial_s"] = _seconds(start)
    result["sqlite_check"] = _check(ov, count)
    ov.close()
    # PostgreSQL: 4 workstation processes, each its own data folder with the office vault.
    pw = work / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    groups = [paths[w::WORKSTATIONS] for w in range(WORKSTATIONS)]
    folders = []
    for w in range(WORKSTATIONS):
        folder = work / f"ws{w}"
        folder.mkdir()
        shutil.copy2(pg_dir / "vault.json", folder / "vault.json")
        folders.append(folder)
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "benchmarks.postgres_hub", "--worker", str(folder), pg_url]
            + [str(p) for p in group],
            stdout=subprocess.PIPE,
            text=True,
        )
        for folder, group in zip(folders, groups, strict=True)
    ]
    outs = [p.communicate()[0] for p in procs]
    result["postgresql_4_workstations_s"] = _seconds(start)
    done = [json.loads(o) for o in outs]
    result["postgresql_import_s_per_workstation"] = [d["import_s"] for d in done]
    # From the first workstation's first import to the last one's end (start-up and unlock
    # of the four processes left out, as the SQLite figure runs in one open process).
    result["postgresql_import_window_s"] = round(
        max(d["end"] for d in done) - min(d["start"] for d in done), 2
    )
    ov = _open(pg_dir, pg_url)
    result["postgresql_check"] = _check(ov, count)
    ov.close()
    return result


def _check(ov: vault.OpenVault, count: int) -> dict[str, int]:
    with ov.database.session_factory() as s:
        changed = s.scalar(
            select(func.count()).select_from(Case).where(Case.description.like("%(Hausbesuch %"))
        )
        bundles = s.scalar(select(func.count()).select_from(ImportedBundle))
    return {
        "changed_cases": int(changed or 0),
        "bundles": int(bundles or 0),
        "expected": count * 100,
    }


def worker(folder: Path, url: str, paths: list[Path]) -> None:
    """One workstation: unlock once, import its bundles one after another."""
    ov = _open(folder, url)
    start, wall = time.perf_counter(), time.time()
    for path in paths:
        ov.sync.import_bundle(path)
    print(json.dumps({"import_s": _seconds(start), "start": wall, "end": time.time()}))
    ov.close()


# --- 4: search over 50,000 cases --------------------------------------------------------------

_FAMILIES = [
    "Yılmaz",
    "Öztürk",
    "Wójcik",
    "Kowalski",
    "Müller",
    "Schröder",
    "Søndergård",
    "Đorđević",
    "Łukaszewicz",
    "Şahin",
    "Nguyễn",
    "Al-Zein",
    "Becker",
    "Hoffmann",
    "Krüger",
    "Weiß",
    "Jäger",
    "Günther",
    "Özdemir",
    "Dąbrowski",
    "Novák",
    "Petrović",
    "Kaya",
    "Demir",
    "Fischer",
    "Wagner",
    "Schulz",
    "Koch",
    "Bauer",
    "Richter",
    "Klein",
    "Wolf",
    "Neumann",
    "Schwarz",
    "Zimmermann",
    "Braun",
    "Hofmann",
    "Hartmann",
    "Lange",
    "Schmitt",
    "Werner",
    "Krause",
    "Meier",
    "Lehmann",
]
_FIRST = [
    "Şükrü",
    "İpek",
    "Łukasz",
    "Zoë",
    "Jürgen",
    "Ömer",
    "Bjørn",
    "Đurđa",
    "Ayşe",
    "Mehmet",
    "Anna",
    "Lena",
    "Mia",
    "Emma",
    "Ben",
    "Paul",
    "Leon",
    "Finn",
    "Noah",
    "Elias",
    "Fatma",
    "Emir",
    "Aleksandra",
    "Jakub",
    "Zofia",
    "Milan",
    "Ivana",
    "Sophie",
    "Marie",
    "Lukas",
]


def _fill_search(ov: vault.OpenVault, count: int) -> None:
    rnd = random.Random(11)
    device = ov.database.device_id
    stamp = {"origin_device": device, "hlc": "", "deleted": False, "unknown_fields": {}}
    with ov.database.session_factory.begin() as s:
        conn = s.connection()
        for start in range(0, count, 5000):
            cases, persons = [], []
            for n in range(start, min(count, start + 5000)):
                family = rnd.choice(_FAMILIES)
                case_id = f"00000000-0000-7000-9000-{n:012d}"
                cases.append(
                    {
                        "id": case_id,
                        "file_number": f"ASD-{2016 + n % 10}-{n:06d}",
                        "family_name": family,
                        "description": rnd.choice(("Schulabsentismus", "Trennung", "Kinderschutz")),
                        "opened_on": TODAY,
                        "caseworker": "Frau Krüger",
                        "version_vector": {device: n + 1},
                        "origin_counter": n + 1,
                        **stamp,
                    }
                )
                for k in range(2):
                    persons.append(
                        {
                            "id": f"00000000-0000-7000-a000-{2 * n + k:012d}",
                            "case_id": case_id,
                            "last_name": family,
                            "first_name": rnd.choice(_FIRST),
                            "version_vector": {device: n + 1},
                            "origin_counter": n + 1,
                            **stamp,
                        }
                    )
            conn.execute(insert(Case.__table__), cases)  # type: ignore[arg-type]
            conn.execute(insert(Person.__table__), persons)  # type: ignore[arg-type]
        search.reindex_all(s)


def _queries() -> list[str]:
    rnd = random.Random(5)
    queries = []
    for _ in range(150):
        kind = rnd.random()
        if kind < 0.5:
            word = rnd.choice(_FAMILIES)
            queries.append(word[: rnd.randint(2, min(6, len(word)))])
        elif kind < 0.7:
            queries.append(f"{rnd.randint(0, 49999):06d}"[: rnd.randint(3, 6)])
        elif kind < 0.85:
            queries.append(f"{rnd.choice(_FIRST)[:4]} {rnd.choice(_FAMILIES)[:3]}".lower())
        else:
            queries.append(rnd.choice(_FIRST)[:3].upper())
    return queries


def search_p95(cluster: Cluster, work: Path, count: int) -> dict[str, Any]:
    url = cluster.url(cluster.create_database(prefix="search"))
    result: dict[str, Any] = {"cases": count, "queries": 150}
    for backend, folder, target in (
        ("sqlite", work / "s-sqlite", None),
        ("postgresql", work / "s-pg", url),
    ):
        server.use_server(folder, target)
        ov = vault.create_vault(folder, PASSPHRASE, PASSPHRASE)
        start = time.perf_counter()
        _fill_search(ov, count)
        result[f"{backend}_fill_s"] = _seconds(start)
        if backend == "postgresql":
            with ov.database.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        times, floor, hits = [], [], 0
        with ov.database.session_factory() as s:
            for q in _queries() * 2:  # the first pass warms the caches
                t0 = time.perf_counter()
                found = search.search_case_ids(s, q)
                times.append((time.perf_counter() - t0) * 1000)
                hits += len(found or ())
                t0 = time.perf_counter()
                s.execute(text("SELECT 1")).scalar()
                floor.append((time.perf_counter() - t0) * 1000)
        warm = sorted(times[150:])
        result[backend] = {
            "p50_ms": round(statistics.median(warm), 2),
            "p95_ms": round(warm[int(0.95 * len(warm)) - 1], 2),
            "max_ms": round(warm[-1], 2),
            "floor_select1_p95_ms": round(sorted(floor[150:])[142], 3),
            "hits_total": hits // 2,
        }
        ov.close()
    return result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--laptops", type=int, default=50)
    parser.add_argument("--search-cases", type=int, default=50_000)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--only-search", action="store_true", help="only figure 4")
    parser.add_argument("--skip-search", action="store_true", help="figures 1-3 only")
    parser.add_argument("--worker", nargs="+", default=None)
    args = parser.parse_args()
    if args.worker:
        folder, url, *paths = args.worker
        worker(Path(folder), url, [Path(p) for p in paths])
        return 0
    cluster = start_cluster(durable=True)
    work = Path(tempfile.mkdtemp(prefix="asd-pg-bench."))
    try:
        results: dict[str, Any] = {"date": dt.date.today().isoformat()}
        if not args.only_search:
            results["full_import"] = full_import(cluster, work, args.cases)
            print(json.dumps(results["full_import"], indent=1), flush=True)
            results["many_laptops"] = many_laptops(
                cluster, work, results["full_import"], args.laptops
            )
            print(json.dumps(results["many_laptops"], indent=1), flush=True)
        if not args.skip_search:
            results["search"] = search_p95(cluster, work, args.search_cases)
            print(json.dumps(results["search"], indent=1), flush=True)
        if args.json:
            previous = json.loads(args.json.read_text()) if args.json.exists() else {}
            merged = {**previous, **results}
            args.json.write_text(json.dumps(merged, indent=1) + "\n", encoding="utf-8")
    finally:
        cluster.stop()
        shutil.rmtree(cluster.root, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

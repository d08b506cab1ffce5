"""``asd-desktop bench``: the measured figures of the README, taken on a (demo) case file.

Run from the source checkout (``benchmarks/`` is not part of the installed package);
the command line imports this module when ``asd-desktop bench`` is called.

It measures unlocking with and without the key derivation, the time from unlock
to a painted case list, search latency, opening a case, and the SQLCipher
overhead as the ratio encrypted/unencrypted on one mixed workload. Results go
to standard output as a table or as one JSON object; nothing personal is
printed (queries and names stay inside the process).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from asd_desktop.demo import CaseSpec, generate_specs, write_with_service
from asd_desktop.models.case import Contact
from asd_desktop.models.errors import AsdError
from asd_desktop.services import vault
from asd_desktop.services.cases import CaseQuery, CaseRow, CaseService
from asd_desktop.storage.database import Database, migrate
from asd_desktop.storage.paths import vault_path
from asd_desktop.storage.plain_engine import create_plain_engine_for_benchmark
from asd_desktop.storage.vault import Vault

EXIT_OK, EXIT_MISSED = 0, 1

#: Targets of issue 2 (seconds, milliseconds, ratio).
TARGET_LIST_PAINTED_S = 0.5
TARGET_SEARCH_P95_MS = 50.0
TARGET_CASE_OPEN_MS = 100.0
TARGET_OVERHEAD_RATIO = 1.5

#: Words and fragments that occur in the demo data, and some that never do.
_NOTE_WORDS = (
    "Hausaufgaben",
    "Kita",
    "Frühstück",
    "Dolmetscherin",
    "Hilfeplangespräch",
    "Elternkurs",
    "Schimmel",
    "Großmutter",
)
_FOLDED = ("yilmaz", "wojcik", "dvorak", "sukru", "dogan", "zak", "lukasz", "rehor", "sahin")
_NO_HITS = ("Xylophon", "qqqzzz", "Quantenphysik", "ASD-Q-1999", "Zeppelin")


@dataclass(frozen=True)
class Stats:
    """Timings of one measurement, in the unit of its name."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        """The median run."""
        return statistics.median(self.runs)

    @property
    def p95(self) -> float:
        """The 95th percentile (nearest rank)."""
        ordered = sorted(self.runs)
        return ordered[max(0, min(len(ordered) - 1, round(0.95 * len(ordered)) - 1))]

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "median": round(self.median, 4),
            "p95": round(self.p95, 4),
            "min": round(min(self.runs), 4),
            "max": round(max(self.runs), 4),
            "n": len(self.runs),
        }


def run_bench(
    data_dir: Path,
    passphrase: str,
    *,
    as_json: bool,
    rounds: int = 3,
    workload_cases: int = 30,
) -> int:
    """Measure everything on the case file in ``data_dir`` and print the results.

    Args:
        data_dir: A data folder with a vault (normally the 5000-case demo).
        passphrase: Its passphrase.
        as_json: Print one JSON object instead of a table.
        rounds: Repetitions of the expensive measurements (unlock, paint).
        workload_cases: Size of the encrypted/unencrypted comparison workload.

    Returns:
        0 if every target was met, 1 if one was missed.
    """
    if not vault.vault_exists(data_dir):
        raise AsdError(
            f"Im Datenordner »{data_dir}« gibt es keinen Tresor. Bitte zuerst einen "
            "Demo-Tresor anlegen: asd-desktop demo --data-dir … --passphrase-file … --cases 5000"
        )
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with vault.DataDirLock(data_dir):
        results = _measure(data_dir, passphrase, rounds, workload_cases)
    if as_json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(format_table(results))
    return EXIT_OK if results["all_targets_met"] else EXIT_MISSED


def _measure(data_dir: Path, passphrase: str, rounds: int, workload_cases: int) -> dict[str, Any]:
    unlock_kdf = Stats(
        tuple(
            _timed(lambda: vault.unlock_vault(data_dir, passphrase).close()) for _ in range(rounds)
        )
    )
    key = Vault.load(vault_path(data_dir)).unlock(passphrase)
    unlock_no_kdf = Stats(
        tuple(_timed(lambda: vault.open_with_key(data_dir, key).close()) for _ in range(rounds))
    )
    painted_total, painted_after, list_query = _measure_list_painted(data_dir, passphrase, rounds)

    opened = vault.open_with_key(data_dir, key)
    try:
        rows = opened.cases.list_cases(CaseQuery(status=None))
        with opened.database.session_factory() as s:
            contacts = int(s.scalar(select(func.count(Contact.id))) or 0)
            cipher = str(s.execute(text("PRAGMA cipher_version")).scalar() or "")
        queries = search_queries(rows)
        search = _measure_search(opened.cases, queries, passes=2)
        case_open = _measure_case_open(opened.cases, rows, count=30)
    finally:
        opened.close()
    overhead = measure_overhead(workload_cases, rounds)

    targets = {
        "list_painted_after_unlock_s": _target(painted_after.median, TARGET_LIST_PAINTED_S),
        "search_p95_ms": _target(search.p95, TARGET_SEARCH_P95_MS),
        "case_open_p95_ms": _target(case_open.p95, TARGET_CASE_OPEN_MS),
        "sqlcipher_overhead_ratio": _target(overhead["ratio"], TARGET_OVERHEAD_RATIO),
    }
    return {
        "data": {"cases": len(rows), "contacts": contacts},
        "machine": machine_info(cipher),
        "unlock_with_kdf_s": unlock_kdf.as_dict(),
        "unlock_without_kdf_s": unlock_no_kdf.as_dict(),
        "list_query_s": list_query.as_dict(),
        "list_painted_after_unlock_s": painted_after.as_dict(),
        "unlock_to_list_painted_s": painted_total.as_dict(),
        "search_ms": search.as_dict() | {"queries": len(queries)},
        "case_open_ms": case_open.as_dict(),
        "sqlcipher_overhead": overhead,
        "peak_rss_mib": peak_rss_mib(),
        "targets": targets,
        "all_targets_met": all(t["met"] for t in targets.values()),
    }


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _search_s(cases: CaseService, query: str) -> float:
    start = time.perf_counter()
    cases.list_cases(CaseQuery(text=query, status=None))
    return time.perf_counter() - start


def _open_s(cases: CaseService, case_id: str) -> float:
    start = time.perf_counter()
    cases.get_case(case_id)
    return time.perf_counter() - start


def _target(value: float, limit: float) -> dict[str, Any]:
    return {"value": round(value, 4), "target": limit, "met": value <= limit}


# --- unlock → case list painted ---------------------------------------------------------


def _measure_list_painted(data_dir: Path, passphrase: str, rounds: int) -> tuple[Stats, ...]:
    """From unlock start (and from unlock done) until the case list is painted offscreen."""
    from PySide6.QtWidgets import QApplication, QTableView

    from asd_desktop.ui.case_list_model import CaseListModel

    app = QApplication.instance() or QApplication([])
    # The application window is already up when the caseworker unlocks: warm Qt once.
    warm = QTableView()
    warm.setModel(CaseListModel())
    warm.show()
    app.processEvents()
    warm.grab()
    warm.close()
    warm.deleteLater()

    total: list[float] = []
    after: list[float] = []
    query: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        opened = vault.unlock_vault(data_dir, passphrase)
        unlocked = time.perf_counter()
        try:
            rows = opened.cases.list_cases(CaseQuery(status=None))
            listed = time.perf_counter()
            model = CaseListModel()
            view = QTableView()
            view.resize(1100, 700)
            view.setModel(model)
            model.set_rows(rows)
            view.show()
            app.processEvents()
            view.grab()
            painted = time.perf_counter()
            view.close()
            view.deleteLater()
            model.deleteLater()
            app.processEvents()
        finally:
            opened.close()
        total.append(painted - start)
        after.append(painted - unlocked)
        query.append(listed - unlocked)
    return Stats(tuple(total)), Stats(tuple(after)), Stats(tuple(query))


# --- search and case opening --------------------------------------------------------------


def search_queries(rows: Sequence[CaseRow], count: int = 50) -> list[str]:
    """``count`` varied queries drawn from the case list (same list → same queries)."""
    rng = random.Random(2014)
    names = sorted({r.family_name for r in rows})
    numbers = sorted(r.file_number for r in rows)
    picked: list[str] = []
    if names:
        picked += rng.sample(names, k=min(10, len(names)))
        picked += [n[: max(3, len(n) // 2)] for n in rng.sample(names, k=min(8, len(names)))]
        picked += [
            f"{a} {b}"
            for a, b in zip(rng.sample(names, k=min(2, len(names))), _NOTE_WORDS, strict=False)
        ]
    picked += list(_FOLDED)
    if numbers:
        for number in rng.sample(numbers, k=min(3, len(numbers))):
            picked += [number, number[-5:], number[:10]]
    picked += list(_NOTE_WORDS)
    picked += list(_NO_HITS)
    while len(picked) < count:
        picked.append(rng.choice(_NOTE_WORDS + _FOLDED))
    return picked[:count]


def _measure_search(cases: CaseService, queries: Sequence[str], passes: int) -> Stats:
    """Milliseconds per query over ``passes`` passes (the first pass starts cold)."""
    runs = [1000 * _search_s(cases, q) for _ in range(passes) for q in queries]
    return Stats(tuple(runs))


def _measure_case_open(cases: CaseService, rows: Sequence[CaseRow], count: int) -> Stats:
    """Milliseconds for ``get_case`` (including its audit entry) over ``count`` cases."""
    rng = random.Random(8)
    chosen = rng.sample(list(rows), k=min(count, len(rows)))
    return Stats(tuple(1000 * _open_s(cases, r.id) for r in chosen))


# --- SQLCipher overhead ---------------------------------------------------------------------


def measure_overhead(workload_cases: int, rounds: int = 3) -> dict[str, Any]:
    """Run one mixed workload on an encrypted and an unencrypted database; compare.

    The workload goes through the services: create cases with their people, areas
    and contacts (one transaction per call, as in the app), search, list, and open
    each case. Fresh databases are built per round in a temporary folder, which is
    deleted afterwards; the order alternates between rounds and each phase's median
    is compared. The unencrypted copy is acceptable only because the data is
    generated fiction: nothing personal ever touches the plain file.
    """
    today = dt.date.today()
    specs = list(generate_specs(workload_cases, 10, seed=77, today=today))
    queries = [*_FOLDED, *_NOTE_WORDS, *_NO_HITS, *(s.case.family_name for s in specs[:10])]
    runs: dict[str, list[dict[str, float]]] = {"encrypted": [], "plain": []}
    with tempfile.TemporaryDirectory(prefix="asd-bench-") as tmp:
        for round_no in range(rounds):
            order = ("encrypted", "plain") if round_no % 2 == 0 else ("plain", "encrypted")
            for variant in order:
                path = Path(tmp) / f"{variant}-{round_no}.db"
                if variant == "encrypted":
                    database = Database.open(path, os.urandom(32))
                else:
                    engine = create_plain_engine_for_benchmark(path)
                    migrate(engine)
                    database = Database(engine)
                try:
                    runs[variant].append(_workload(database, specs, queries))
                finally:
                    database.close()
    enc = _median_phases(runs["encrypted"])
    plain = _median_phases(runs["plain"])
    return {
        "ratio": round(enc["total"] / plain["total"], 3),
        "encrypted_s": {k: round(v, 4) for k, v in enc.items()},
        "plain_s": {k: round(v, 4) for k, v in plain.items()},
        "phase_ratios": {k: round(enc[k] / plain[k], 3) for k in enc if plain[k] > 0},
        "workload": {
            "cases": len(specs),
            "contacts": sum(s.contact_count for s in specs),
            "searches": len(queries),
            "case_opens": len(specs),
            "rounds": rounds,
        },
    }


def _median_phases(runs: Sequence[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def _workload(
    database: Database, specs: Sequence[CaseSpec], queries: Sequence[str]
) -> dict[str, float]:
    cases = CaseService(database.session_factory, database.device_id)
    insert = _timed(lambda: write_with_service(database.session_factory, database.device_id, specs))
    search = sum(_search_s(cases, q) for q in queries)
    rows = cases.list_cases(CaseQuery(status=None))
    listing = _timed(lambda: cases.list_cases(CaseQuery(status=None)))
    opening = sum(_open_s(cases, r.id) for r in rows)
    return {
        "insert": insert,
        "search": search,
        "list": listing,
        "open": opening,
        "total": insert + search + listing + opening,
    }


# --- machine and output ---------------------------------------------------------------------


def machine_info(cipher_version: str = "") -> dict[str, Any]:
    """Where the figures were measured."""
    from PySide6 import __version__ as pyside_version

    return {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "ram_gib": _ram_gib(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlcipher": cipher_version,
        "pyside6": pyside_version,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gib() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (AttributeError, ValueError, OSError):
        return None


def peak_rss_mib() -> float | None:
    """The process's peak resident memory (None where the platform does not tell)."""
    if sys.platform == "win32":
        return None
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (2**20 if sys.platform == "darwin" else 2**10), 1)


def format_table(r: dict[str, Any]) -> str:
    """The human summary (German / English) of a :func:`run_bench` result."""

    def mark(key: str) -> str:
        return "erfüllt / met" if r["targets"][key]["met"] else "VERFEHLT / MISSED"

    m = r["machine"]
    o = r["sqlcipher_overhead"]
    lines = [
        f"Messung / benchmark: {r['data']['cases']} Fälle / cases, "
        f"{r['data']['contacts']} Kontakte / contacts",
        f"Rechner / machine: {m['cpus']} × {m['cpu_model']}, {m['ram_gib']} GiB RAM, "
        f"Python {m['python']}, SQLCipher {m['sqlcipher']}",
        "",
        f"{'Messgröße / measure':<58}{'Median':>10}{'p95':>10}  Ziel / target",
        "-" * 100,
    ]

    def row(label: str, key: str, target: str = "", met_key: str = "") -> None:
        s = r[key]
        result = f"  {target} ({mark(met_key)})" if met_key else ""
        lines.append(f"{label:<58}{s['median']:>10.3f}{s['p95']:>10.3f}{result}")

    row("Entsperren mit KDF / unlock with KDF (s)", "unlock_with_kdf_s")
    row("Entsperren ohne KDF / unlock without KDF (s)", "unlock_without_kdf_s")
    row("Fallliste abfragen / case list query (s)", "list_query_s")
    row(
        "Entsperrt → Liste gezeichnet / unlocked → list painted (s)",
        "list_painted_after_unlock_s",
        f"≤ {TARGET_LIST_PAINTED_S}",
        "list_painted_after_unlock_s",
    )
    row("Entsperren → Liste gezeichnet / unlock → painted (s)", "unlock_to_list_painted_s")
    row("Suche / search (ms)", "search_ms", f"p95 ≤ {TARGET_SEARCH_P95_MS:g}", "search_p95_ms")
    row(
        "Fall öffnen / open a case (ms)",
        "case_open_ms",
        f"p95 ≤ {TARGET_CASE_OPEN_MS:g}",
        "case_open_p95_ms",
    )
    lines += [
        f"{'SQLCipher-Mehraufwand / overhead (verschl./unverschl.)':<58}{o['ratio']:>10.3f}"
        f"{'':>10}  ≤ {TARGET_OVERHEAD_RATIO} ({mark('sqlcipher_overhead_ratio')})",
        "    je Phase / per phase: "
        + ", ".join(f"{k} {v:.2f}" for k, v in o["phase_ratios"].items()),
        f"{'Höchster Speicherbedarf / peak RSS (MiB)':<58}{r['peak_rss_mib']:>10}",
        "",
        "Alle Ziele erfüllt / all targets met."
        if r["all_targets_met"]
        else "Mindestens ein Ziel verfehlt / at least one target missed.",
    ]
    return "\n".join(lines)

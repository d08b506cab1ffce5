"""Wiedervorlage on the 5000-case demo: the list of dates, marking done, the calendar export.

Run from the source checkout::

    .venv/bin/python -m benchmarks.deadlines --json benchmarks/deadlines_results.json

Builds a demo vault in a temporary folder (generated fictional cases, 50 contacts
each, as ``asd-desktop demo --cases 5000``), then measures, each beside a floor taken
in the same run (the cheapest query on the same database, so a loaded machine shows):

- ``DeadlineService.items()`` for all cases, for one week and for one month;
- marking a step done (its transaction refreshes the case summary) and the case list
  read afterwards;
- the calendar export (first: every item new; second: nothing changed).

Nothing personal is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text

from asd_desktop.demo import fill_demo
from asd_desktop.domain.enums import DueKind
from asd_desktop.services import vault
from asd_desktop.services.cases import CaseQuery

PASSPHRASE = "Benchmark-Wiedervorlage-2026"
TARGETS_MS = {
    "items_all": 100.0,
    "items_week": 100.0,
    "items_month": 100.0,
    "list_after_done": 50.0,
    "calendar_export_first": 2000.0,
    "calendar_export_again": 2000.0,
}


def _timed(call: Callable[[], object], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        # The fastest run: the cost without other jobs on the (shared) machine.
        "min_ms": round(times[0], 2),
        "median_ms": round(statistics.median(times), 2),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 2),
        "runs": runs,
    }


def run(cases: int, contacts: int, reuse: Path | None = None) -> dict[str, Any]:
    """Build the demo (or unlock ``reuse``, a demo vault made with this passphrase) and measure.

    Marking done and exporting change the vault: a reused one is a scratch copy.
    """
    results: dict[str, Any] = {"cases": cases, "contacts_per_case": contacts}
    with tempfile.TemporaryDirectory(prefix="asd-bench-deadlines-") as tmp:
        if reuse is not None:
            opened = vault.unlock_vault(reuse, PASSPHRASE)
        else:
            opened = vault.create_vault(Path(tmp) / "daten", PASSPHRASE, PASSPHRASE)
        try:
            db = opened.database
            if reuse is None:
                start = time.perf_counter()
                fill_demo(
                    db.session_factory,
                    db.device_id,
                    cases=cases,
                    contacts_per_case=contacts,
                    seed=1,
                )
                results["demo_build_s"] = round(time.perf_counter() - start, 1)
            today = dt.date.today()
            deadlines = opened.deadlines
            items = deadlines.items()
            results["open_items"] = len(items)
            results["open_items_by_kind"] = {
                k.value: sum(1 for i in items if i.kind is k) for k in DueKind
            }
            results["overdue"] = deadlines.summary(today).overdue
            with db.session_factory() as s:
                results["steps_total"] = s.execute(text("SELECT count(*) FROM steps")).scalar()

            def floor() -> None:
                with db.session_factory() as s:
                    s.execute(text("SELECT count(*) FROM cases")).scalar()

            results["floor"] = _timed(floor, 30)
            # A second floor: reading every case's Aktenzeichen (5000 rows), what any list pays.
            results["floor_case_numbers"] = _timed(
                lambda: opened.cases.list_cases(CaseQuery(status=None)), 10
            )
            week_end = today + dt.timedelta(days=6)
            month_end = today + dt.timedelta(days=30)
            results["items_all"] = _timed(deadlines.items, 15)
            results["items_week"] = _timed(lambda: deadlines.items(start=today, end=week_end), 30)
            results["items_month"] = _timed(lambda: deadlines.items(start=today, end=month_end), 30)
            steps = [i for i in items if i.kind is DueKind.STEP][:20]
            marks: list[float] = []
            lists: list[float] = []
            for item in steps:
                start = time.perf_counter()
                deadlines.mark_done(item.key, today, "Benchmark")
                marks.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                opened.cases.list_cases(CaseQuery(status=None))
                lists.append((time.perf_counter() - start) * 1000)
            results["mark_done"] = {
                "min_ms": round(min(marks), 2),
                "median_ms": round(statistics.median(marks), 2),
                "runs": len(marks),
            }
            results["list_after_done"] = {
                "min_ms": round(min(lists), 2),
                "median_ms": round(statistics.median(lists), 2),
                "p95_ms": round(sorted(lists)[max(0, int(len(lists) * 0.95) - 1)], 2),
                "runs": len(lists),
            }
            out = Path(tmp) / "Termine.ics"
            start = time.perf_counter()
            summary = opened.calendar.export(out)
            results["calendar_export_first"] = {
                "median_ms": round((time.perf_counter() - start) * 1000, 1),
                "events": summary.items,
                "bytes": out.stat().st_size,
                "runs": 1,
            }
            results["calendar_export_again"] = _timed(lambda: opened.calendar.export(out), 3)
        finally:
            opened.close()
    results["met"] = {
        name: results[name]["median_ms"] <= target for name, target in TARGETS_MS.items()
    }
    return results


def main() -> int:
    """Run and print (or write) the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--contacts", type=int, default=50)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument(
        "--reuse", type=Path, default=None, help="a scratch demo vault with this passphrase"
    )
    args = parser.parse_args()
    results = run(args.cases, args.contacts, args.reuse)
    text_out = json.dumps(results, indent=2)
    if args.json:
        args.json.write_text(text_out + "\n", encoding="utf-8")
    print(text_out)
    return 0 if all(results["met"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())

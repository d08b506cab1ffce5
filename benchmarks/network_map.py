"""Netzwerkkarte: painting 60 entries, dragging one, the diff of two versions, the A4 page.

Run from the source checkout::

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.network_map \\
        --json benchmarks/network_results.json

Each figure has a floor measured in the same run, so a busy machine shows:

- paint: the window's canvas (the same QPainter code the tab uses) at its size on
  a 1366×768 screen, painted onto an image: an empty map (floor) and 60 entries
  with their relation lines, names and goal marks (target ≤ 30 ms, the scene
  built anew as after every change);
- drag: one entry moved under the mouse and the canvas painted again, per move
  (target ≤ 20 ms, i.e. ≥ 50 frames per second); floor: a paint with nothing moved;
- diff: "Was hat sich verändert?" between two versions of 60 entries where about
  half changed (target ≤ 10 ms); floor: indexing the two versions by id;
- page: the A4 PDF of 60 entries (target ≤ 300 ms); floor: the page of an empty map.

Beside wall-clock min/median/p95 each figure carries the median CPU time of the
measuring thread, which a machine shared by many jobs inflates much less.

All names are invented.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from asd_desktop.domain.network import (
    HORIZONS,
    SECTORS,
    Direction,
    MapEntry,
    Support,
    diff,
)
from asd_desktop.reports.network_map import NetworkMapPrint, network_map_pdf
from asd_desktop.ui.network_map.canvas import NetworkCanvas

TARGETS_MS = {"paint_60": 30.0, "drag_per_move": 20.0, "diff_60": 10.0, "page_60": 300.0}
#: The canvas's size in the case window on a 1366×768 screen (splitter 3:2).
CANVAS = (860, 560)

_FIRST = ["Ayşe", "Karim", "Nour", "Jana", "Doğan", "Łukasz", "Fatma", "Ali", "Sabine", "Ole"]
_LAST = ["Kaya", "Al Zein", "Nowak", "Petersen", "Yılmaz", "Wójcik", "Schneider", "Haddad"]
_ROLE = ["(Nachbarin)", "(Trainer)", "(Klassenlehrerin)", "(Tante)", "", "", "(Kita)"]


def entries(n: int, seed: int = 7) -> list[MapEntry]:
    """``n`` invented entries spread over sectors and horizons, some with goals."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {rng.choice(_ROLE)}".strip()
        supports = tuple(s for s in Support if rng.random() < 0.35)
        goals = tuple(f"Z{g}: Ziel {g}" for g in range(1, 4) if rng.random() < 0.2)
        out.append(
            MapEntry(
                id=f"e{i:03d}",
                name=name,
                sector=rng.choice(SECTORS),
                horizon=rng.choice(HORIZONS),
                supports=supports,
                direction=rng.choice(tuple(Direction)),
                conflict=rng.random() < 0.1,
                goals=goals,
            )
        )
    return out


def changed(before: list[MapEntry], seed: int = 8) -> list[MapEntry]:
    """A later version: about half the entries moved, supports changed, a few gone and new."""
    rng = random.Random(seed)
    after = []
    for e in before:
        if rng.random() < 0.08:
            continue
        if rng.random() < 0.5:
            e = replace(
                e,
                horizon=rng.choice(HORIZONS),
                supports=tuple(s for s in Support if rng.random() < 0.4),
                conflict=not e.conflict if rng.random() < 0.2 else e.conflict,
            )
        after.append(e)
    return after + entries(5, seed=99)


def _timed(call: Callable[[], object], runs: int) -> dict[str, float]:
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.thread_time()
        call()
        cpu.append((time.thread_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "min_ms": round(times[0], 3),
        "median_ms": round(statistics.median(times), 3),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 3),
        # CPU time of this thread: what the work costs, without waiting for the 2 shared cores.
        "cpu_median_ms": round(statistics.median(cpu), 3),
        "runs": runs,
    }


def run(runs: int) -> dict[str, Any]:
    """Measure everything once; returns the figures."""
    app = QApplication.instance() or QApplication([])
    assert app is not None
    results: dict[str, Any] = {"entries": 60, "canvas": list(CANVAS)}
    sixty = entries(60)
    canvas = NetworkCanvas()
    canvas.resize(*CANVAS)
    image = QImage(CANVAS[0], CANVAS[1], QImage.Format.Format_ARGB32_Premultiplied)

    def paint() -> None:
        painter = QPainter(image)
        try:
            canvas.paint_on(painter)
        finally:
            painter.end()

    def fresh(which: list[MapEntry]) -> Callable[[], None]:
        def call() -> None:
            canvas.show_map(which, "Muharem Al Zein")
            paint()

        return call

    results["floor_paint_empty"] = _timed(fresh([]), runs)
    results["paint_60"] = _timed(fresh(sixty), runs)
    canvas.show_map(sixty, "Muharem Al Zein")
    paint()
    results["floor_paint_unchanged"] = _timed(paint, runs)

    # Drag: the first entry follows a path around the map, one paint per mouse move.
    canvas.select(sixty[0].id)
    path = [canvas.widget_point(0.8 * x / 40 - 0.4, 0.5 - 0.02 * x) for x in range(80)]
    step = iter(path * (runs // len(path) + 2))

    def move() -> None:
        canvas.drag_to(next(step))
        paint()

    results["drag_per_move"] = _timed(move, max(runs, 80))
    results["drag_fps_median"] = round(1000 / results["drag_per_move"]["median_ms"], 1)

    later = changed(sixty)
    results["floor_diff_index"] = _timed(
        lambda: ({e.id: e for e in sixty}, {e.id: e for e in later}), runs
    )
    results["diff_60"] = _timed(lambda: diff(sixty, later), runs)
    results["diff_60_changes"] = len(diff(sixty, later).changes)

    def page(which: list[MapEntry]) -> Callable[[], bytes]:
        return lambda: network_map_pdf(
            NetworkMapPrint("ASD-M-2024-0113", "Al Zein", "Muharem Al Zein", "Fassung 2", which)
        )

    page(sixty)()  # fonts registered once, as in a running program
    pdf_runs = max(5, runs // 4)
    results["floor_page_empty"] = _timed(page([]), pdf_runs)
    results["page_60"] = _timed(page(sixty), pdf_runs)
    results["page_60_bytes"] = len(page(sixty)())
    results["targets_ms"] = TARGETS_MS
    results["met"] = {
        key: results[key]["median_ms"] <= target for key, target in TARGETS_MS.items()
    }
    results["met_cpu"] = {
        key: results[key]["cpu_median_ms"] <= target for key, target in TARGETS_MS.items()
    }
    return results


def main() -> None:
    """Command line: run and print (and optionally write) the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = run(args.runs)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

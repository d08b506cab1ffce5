"""``asd-desktop goal-check``: the goal checker's hints on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from asd_desktop.cli.common import EXIT_OK, Handler, SubParsers


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``goal-check`` command; returns its handler."""
    goal_check = sub.add_parser(
        "goal-check",
        help="Ziele prüfen: Hinweise zu Maßnahmen, unklaren Worten, fehlendem »bis wann« …",
        description="Prüft Zielformulierungen, eine je Zeile von der Standardeingabe oder als "
        "Argumente, und gibt Hinweise aus. Hinweise sind keine Fehler: Exit-Code 0.",
    )
    goal_check.add_argument("texts", nargs="*", metavar="ZIEL", help="zu prüfende Ziele")
    goal_check.add_argument(
        "--json", action="store_true", help="je Ziel eine Zeile JSON: text und findings"
    )
    return {"goal-check": _goal_check}


def _goal_check(args: argparse.Namespace, data_dir: Path) -> int:
    """Print the goal checker's findings for each goal (arguments, else one per stdin line)."""
    import json

    from asd_desktop.domain.goal_checker import CODE_LABELS
    from asd_desktop.language import check_goal_analysed

    if args.texts:
        lines: list[str] = list(args.texts)
    else:
        raw = getattr(sys.stdin, "buffer", None)
        text = raw.read().decode("utf-8", errors="replace") if raw else sys.stdin.read()
        lines = text.splitlines()
    first = True
    for line in lines:
        goal = line.strip()
        if not goal:
            continue
        findings = check_goal_analysed(goal)
        if args.json:
            record = {
                "text": goal,
                "findings": [{"code": f.code, "message": f.message} for f in findings],
            }
            print(json.dumps(record, ensure_ascii=False))
            continue
        if not first:
            print()
        first = False
        print(f"Ziel: {goal}")
        if not findings:
            print("  keine Hinweise")
        for f in findings:
            print(f"  - {CODE_LABELS[f.code]} ({f.code}): {f.message}")
    return EXIT_OK

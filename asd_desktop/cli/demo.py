"""``asd-desktop demo`` (a vault of fictional families) and ``asd-desktop bench`` (measurements)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from asd_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    Handler,
    SubParsers,
    add_data_dir,
    add_passphrase,
    check_data_dir,
    count,
    read_passphrase_file,
)
from asd_desktop.models.errors import AsdError


def register(sub: SubParsers) -> dict[str, Handler]:
    """Add the ``demo`` and ``bench`` commands; returns their handlers."""
    demo = sub.add_parser("demo", help="einen Demo-Tresor mit erfundenen Familien anlegen")
    add_data_dir(demo)
    add_passphrase(demo)
    demo.add_argument(
        "--cases",
        type=count(1),
        default=None,
        metavar="ANZAHL",
        help="so viele erzeugte Fälle statt der ausgeschriebenen Familien (z. B. 5000)",
    )
    demo.add_argument(
        "--contacts-per-case",
        type=count(0),
        default=50,
        metavar="ANZAHL",
        help="Kontakte je erzeugtem Fall (Vorgabe 50)",
    )
    demo.add_argument(
        "--seed", type=int, default=2014, metavar="ZAHL", help="Startwert des Zufalls"
    )

    bench = sub.add_parser("bench", help="Messungen auf einem Demo-Tresor")
    add_data_dir(bench)
    add_passphrase(bench)
    bench.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    bench.add_argument(
        "--rounds",
        type=count(1),
        default=3,
        metavar="ANZAHL",
        help="Wiederholungen der teuren Messungen (Vorgabe 3)",
    )
    bench.add_argument(
        "--workload-cases",
        type=count(1),
        default=30,
        metavar="ANZAHL",
        help="Fälle im Vergleich verschlüsselt/unverschlüsselt (Vorgabe 30)",
    )
    return {"demo": _demo, "bench": _bench}


def _demo(args: argparse.Namespace, data_dir: Path) -> int:
    from asd_desktop.demo import fill_demo
    from asd_desktop.demo.wirkung import (
        DEMO_COSTS,
        DEMO_PILOT,
        add_generated_hilfen,
        write_wirkung_demo,
    )
    from asd_desktop.demo.wirkung_plan import BASELINE, UNTIL
    from asd_desktop.services import vault
    from asd_desktop.services.wirkung import REST, Choice, save_choice, save_costs

    pw = read_passphrase_file(args.passphrase_file)
    check_data_dir(data_dir, vault_needed=False)
    if vault.vault_exists(data_dir):
        raise AsdError(
            f"Im Ordner »{data_dir}« gibt es bereits einen Tresor; er bleibt unverändert. "
            "Der Demo-Tresor wird nur in einem neuen, leeren Ordner angelegt: bitte mit "
            "--data-dir einen anderen Ordner angeben."
        )
    problem = vault.passphrase_problem(pw, pw)
    if problem:
        raise AsdError(problem)
    with vault.DataDirLock(data_dir):
        opened = vault.create_vault(data_dir, pw, pw)
        try:
            summary = fill_demo(
                opened.database.session_factory,
                opened.database.device_id,
                cases=args.cases,
                contacts_per_case=args.contacts_per_case,
                seed=args.seed,
                progress=lambda done, total: print(
                    f"\r{done}/{total} Fälle", end="", file=sys.stderr, flush=True
                ),
            )
            factory, device = opened.database.session_factory, opened.database.device_id
            if args.cases is None:
                # Walle and the city around it: the Wirkungsbericht's table from the source.
                write_wirkung_demo(factory, device)
            else:
                # Several Hilfen per case over the years; each case's team and district.
                add_generated_hilfen(factory, device, args.seed, dt.date.today())
        finally:
            opened.close()
        if args.cases is None:
            # The Walle project's own costs, for the Wirkungsbericht's net effect.
            save_costs(data_dir, DEMO_PILOT, DEMO_COSTS)
            # The window opens on the source's comparison: Walle, the city, 2011-2012.
            save_choice(data_dir, Choice(DEMO_PILOT.key, REST.key, BASELINE, UNTIL))
    print(file=sys.stderr)
    print(f"Demo-Tresor angelegt in {data_dir}: {summary}")
    return EXIT_OK


def _bench(args: argparse.Namespace, data_dir: Path) -> int:
    # The benchmark lives in the source checkout's benchmarks/, not in the installed wheel.
    try:
        from benchmarks.demo_bench import run_bench
    except ModuleNotFoundError as exc:
        if exc.name not in ("benchmarks", "benchmarks.demo_bench"):
            raise
        print(
            "Fehler: Die Messungen laufen nur aus dem Quellcode-Verzeichnis (Ordner "
            "benchmarks/); im installierten Paket sind sie nicht enthalten.",
            file=sys.stderr,
        )
        return EXIT_ERROR

    # run_bench names the missing demo vault and how to make one.
    pw = read_passphrase_file(args.passphrase_file)
    check_data_dir(data_dir, vault_needed=False)
    return run_bench(
        data_dir,
        pw,
        as_json=args.json,
        rounds=max(1, args.rounds),
        workload_cases=max(1, args.workload_cases),
    )

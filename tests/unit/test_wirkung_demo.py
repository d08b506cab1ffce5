"""The Wirkungsbericht on the Walle demo, from a real SQLCipher database: the source's table.

ESPQ Zweijahresbericht 2011–2012 (source document, section 3): Walle against the
city, 1 January 2011 and 31 December 2012.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from asd_desktop.cli.app import main
from asd_desktop.demo.generator_pools import ORIGINS
from asd_desktop.demo.wirkung import DEMO_COSTS, DEMO_PILOT, write_wirkung_demo
from asd_desktop.demo.wirkung_plan import BASELINE, MEASURE_GROUPS, UNTIL
from asd_desktop.domain.wirkung import (
    CASES_KEY,
    MEASURES_KEY,
    Side,
    WirkungReport,
    aggregate,
    change,
    group_key,
)
from asd_desktop.models.errors import ValidationError
from asd_desktop.services import vault
from asd_desktop.services.wirkung import (
    REST,
    CaseGroup,
    GroupKind,
    WirkungService,
    load_costs,
    save_costs,
)
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, WirkungService]]:
    """A vault holding only the Walle demo, its project costs stored."""
    data_dir = tmp_path_factory.mktemp("wirkung") / "daten"
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    write_wirkung_demo(opened.database.session_factory, opened.database.device_id)
    save_costs(data_dir, DEMO_PILOT, DEMO_COSTS)
    yield data_dir, WirkungService(opened.database.session_factory)
    opened.close()


@pytest.fixture(scope="module")
def report(demo: tuple[Path, WirkungService]) -> WirkungReport:
    data_dir, service = demo
    return service.report(DEMO_PILOT, REST, BASELINE, UNTIL, load_costs(data_dir, DEMO_PILOT))


def one_decimal(value: float | None) -> float:
    assert value is not None
    return round(value, 1)


def test_the_report_says_what_the_evaluation_said(report: WirkungReport):
    def changes(key: str) -> tuple[float, float]:
        row = report.row(key)
        return one_decimal(change(row.pilot)), one_decimal(change(row.comparison))

    assert changes(group_key("ambulant")) == (-29.0, 7.9)
    assert changes(group_key("stationaer")) == (-6.3, 7.7)
    assert changes(MEASURES_KEY) == (-18.2, 7.8)
    assert changes("sgb8_31") == (-52.2, 4.8)
    assert changes("alternative") == (120.0, 105.4)
    assert one_decimal(change(report.row(group_key("beratung")).pilot)) == 71.4
    assert one_decimal(change(report.row(CASES_KEY).pilot)) == 1.0


def test_spending_falls_in_walle_rises_in_the_city_and_the_adjusted_effect(
    report: WirkungReport,
):
    assert report.pilot_spending.years == (2011, 2012)
    assert round(report.pilot_spending.change or 0, 2) == -5.04
    assert round(report.comparison_spending.change or 0, 2) == 4.51
    effect = report.effect
    assert round(effect.adjusted_points or 0, 2) == -9.55
    # "rund 600.000 Euro", "knapp 280.000 Euro" after staff, training and evaluation.
    assert 590_000 <= (effect.saved_gross or 0) <= 610_000
    assert effect.project_costs.total == 320_000
    assert 270_000 <= (effect.saved_net or 0) < 280_000


def test_the_method_s_indicators_are_counted(report: WirkungReport):
    decisions, agreements = report.indicators
    assert decisions.pilot.total == report.row(MEASURES_KEY).pilot.begun
    assert (decisions.pilot.percent or 0) > (decisions.comparison.percent or 0)
    assert agreements.pilot.total > 0
    assert (agreements.pilot.percent or 0) > (agreements.comparison.percent or 0)


def test_the_sql_counts_what_the_plain_rows_count(demo: tuple[Path, WirkungService]):
    _, service = demo
    sql = service.report(DEMO_PILOT, REST, BASELINE, UNTIL)
    rows = service.help_rows(DEMO_PILOT, REST)
    plain = aggregate(rows, BASELINE, UNTIL, MEASURE_GROUPS)
    for (side, _group, kind), tally in plain.by_kind.items():
        if kind == "sgb8_31":
            assert sql.row(kind).tally(side) == tally
    for side in Side:
        assert sql.row(CASES_KEY).tally(side) == plain.cases[side]
        assert sql.spending(side).cases == plain.spending_cases[side]
        for index, year in enumerate(sql.pilot_spending.years):
            assert sql.spending(side).euros[index] == pytest.approx(
                plain.spending[(side, year)], abs=0.01
            )


def test_groups_by_name_and_a_named_comparison(demo: tuple[Path, WirkungService]):
    _, service = demo
    names = {g.label for g in service.groups()}
    assert {"Bezirk Walle", "Bezirk Findorff", "Team Junge Menschen Walle"} <= names
    assert service.find_group("walle") == DEMO_PILOT  # the district before its Sozialräume
    assert service.find_group("Team Junge Menschen Walle").kind is GroupKind.TEAM
    with pytest.raises(ValidationError, match="Bezirk Findorff"):
        service.find_group("Blumenthal", "Pilotgruppe")
    findorff = service.report(
        DEMO_PILOT, CaseGroup(GroupKind.DISTRICT, "Findorff"), BASELINE, UNTIL
    )
    assert findorff.comparison_label == "Bezirk Findorff"
    assert 0 < findorff.row(MEASURES_KEY).comparison.baseline < 319
    with pytest.raises(ValidationError, match="nach dem ersten"):
        service.report(DEMO_PILOT, REST, UNTIL, BASELINE)


def run_cli(data_dir: Path, tmp_path: Path, *args: str) -> int:
    secret = tmp_path / "pw.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return main(
        [
            "report",
            "wirkung",
            "--data-dir",
            str(data_dir),
            "--passphrase-file",
            str(secret),
            *args,
        ]
    )


def test_the_command_prints_writes_csv_and_pdf(
    demo: tuple[Path, WirkungService], tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    data_dir, _ = demo
    out_csv, out_pdf = tmp_path / "wirkung.csv", tmp_path / "wirkung.pdf"
    code = run_cli(
        data_dir,
        tmp_path,
        "--pilot",
        "Walle",
        "--baseline",
        "01.01.2011",
        "--until",
        "2012-12-31",
        "--csv",
        str(out_csv),
        "--pdf",
        str(out_pdf),
    )
    printed = capsys.readouterr().out
    assert code == 0
    spfh = next(line for line in printed.splitlines() if "Familienhilfe" in line)
    assert "\u221252,2 %" in spfh
    assert "+4,8 %" in spfh
    assert "\u22129,55 %" in printed
    assert "Nach Projektkosten (320.000 €): 278.792 €" in printed
    # The CSV parsed back: the same figures, one row per group.
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8-sig")), delimiter=";"))
    by = {(r["Merkmal"], r["Gruppe"]): r for r in rows}
    spfh_row = by[("Sozialpädagogische Familienhilfe (§ 31)", "Bezirk Walle")]
    assert (spfh_row["Anfang"], spfh_row["Ende"], spfh_row["Veränderung in %"]) == (
        "46",
        "22",
        "-52,2",
    )
    assert by[("Alternative Einzelfallhilfe", "Rest der Datenbank")]["Veränderung in %"] == (
        "105,4"
    )
    assert (
        by[("bereinigte Veränderung (Prozentpunkte)", "Bezirk Walle")]["Veränderung in %"]
        == "-9,55"
    )
    # The PDF: the same table, and no name of any family.
    text = subprocess.run(
        ["pdftotext", "-layout", str(out_pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "Wirkungsbericht" in text
    assert "\u221252,2 %" in text
    assert "\u22125,04 %" in text
    assert "598.792 €" in text
    family_names = {n for o in ORIGINS for n in o.family_names}
    assert not [n for n in family_names if n in text or n in printed]


def test_the_command_says_in_german_what_is_wrong(
    demo: tuple[Path, WirkungService], tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    data_dir, _ = demo
    code = run_cli(
        data_dir, tmp_path, "--pilot", "Atlantis", "--baseline", "1.1.2011", "--until", "31.12.2012"
    )
    err = capsys.readouterr().err
    assert code != 0
    assert "»Atlantis« gibt es hier nicht" in err
    assert "Bezirk Walle" in err
    code = run_cli(
        data_dir, tmp_path, "--pilot", "Walle", "--baseline", "31.12.2012", "--until", "1.1.2011"
    )
    assert code != 0
    assert "zweite Stichtag muss nach dem ersten" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run_cli(data_dir, tmp_path, "--pilot", "Walle", "--baseline", "gestern", "--until", "x")
    assert "kein Datum" in capsys.readouterr().err
    missing = tmp_path / "fehlt" / "w.csv"
    code = run_cli(
        data_dir,
        tmp_path,
        "--pilot",
        "Walle",
        "--baseline",
        "1.1.2011",
        "--until",
        "31.12.2012",
        "--csv",
        str(missing),
    )
    assert code != 0
    assert "gibt es nicht" in capsys.readouterr().err
    assert not missing.exists()


def test_a_report_about_a_day_nobody_had_help_is_all_zero(demo: tuple[Path, WirkungService]):
    _, service = demo
    empty = service.report(DEMO_PILOT, REST, dt.date(1990, 1, 1), dt.date(1991, 1, 1))
    assert empty.row(MEASURES_KEY).pilot.baseline == 0
    assert empty.pilot_spending.change is None
    assert empty.effect.saved_net is None


def test_generated_cases_get_a_district_and_several_hilfen(tmp_path: Path):
    from asd_desktop.demo import fill_demo
    from asd_desktop.demo.wirkung import add_generated_hilfen

    opened = vault.create_vault(tmp_path / "daten", PASSPHRASE, PASSPHRASE)
    try:
        factory, device = opened.database.session_factory, opened.database.device_id
        today = dt.date(2026, 6, 1)
        fill_demo(factory, device, cases=40, contacts_per_case=0, seed=3, today=today)
        written = add_generated_hilfen(factory, device, 3, today)
        service = WirkungService(factory)
        districts = [g for g in service.groups() if g.kind is GroupKind.DISTRICT]
        assert districts
        assert written >= 2 * 40 * 0.8  # two to five in a row, fewer only for short cases
        report = service.report(districts[0], REST, dt.date(2024, 1, 1), dt.date(2025, 12, 31))
        both = report.row(CASES_KEY)
        assert both.pilot.until + both.comparison.until > 0
        rows = service.help_rows(districts[0], REST)
        assert len(rows) == written  # every generated case is in one of the two groups
        assert all(r.end is None or r.end >= r.start for r in rows)
    finally:
        opened.close()

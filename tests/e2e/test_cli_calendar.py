"""``asd-desktop calendar export``: the office calendar file, exit codes and German messages."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from asd_desktop import cli
from asd_desktop.domain.enums import Area
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.steps import StepInput
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()


@pytest.fixture
def pw_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def with_steps(data_dir):
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case = opened.cases.create_case(
            CaseInput("ASD-M-2024-0113", "Nowak", TODAY, "Frau Krüger"),
            AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Krüger"),
        )
        opened.steps.add_step(case.id, StepInput("Kita anrufen", TODAY + dt.timedelta(days=2)))
    finally:
        opened.close()


def _export(data_dir, pw_file, out):
    return cli.main(
        [
            "calendar",
            "export",
            "--out",
            str(out),
            "--data-dir",
            str(data_dir),
            "--passphrase-file",
            pw_file,
        ]
    )


def test_export_writes_the_file_and_names_it_an_export(
    data_dir, pw_file, with_steps, tmp_path, capsys
):
    out = tmp_path / "Termine.ics"
    assert _export(data_dir, pw_file, out) == cli.EXIT_OK
    said = capsys.readouterr().out
    assert str(out) in said
    assert "Export auf Ihren Wunsch" in said
    assert "keine Namen" in said
    cal = Calendar.from_ical(out.read_bytes())
    [event] = cal.walk("VEVENT")
    assert str(event["SUMMARY"]) == "ASD-M-2024-0113 · Nächster Schritt"
    text = out.read_text(encoding="utf-8")
    assert "Nowak" not in text
    assert "Kita anrufen" not in text


def test_a_missing_folder_fails_in_german_with_exit_2(
    data_dir, pw_file, with_steps, tmp_path, capsys
):
    out = tmp_path / "gibt-es-nicht" / "Termine.ics"
    assert _export(data_dir, pw_file, out) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "existiert nicht" in err
    assert "nichts geschrieben" in err
    assert not out.parent.exists()


def test_a_wrong_passphrase_fails_with_exit_2(data_dir, with_steps, tmp_path, capsys):
    wrong = tmp_path / "falsch.txt"
    wrong.write_text("falsch\n", encoding="utf-8")
    out = tmp_path / "Termine.ics"
    assert _export(data_dir, str(wrong), out) == cli.EXIT_ERROR
    assert capsys.readouterr().err.startswith("Fehler:")
    assert not out.exists()


def test_the_command_needs_an_out_file(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["calendar", "export"])
    assert exit_.value.code == 2
    assert "--out" in capsys.readouterr().err

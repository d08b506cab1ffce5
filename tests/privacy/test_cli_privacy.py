"""``asd-desktop privacy``: due list, four eyes on the command line, ids for re-deleting."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from asd_desktop import cli
from asd_desktop.domain.enums import Area, CaseStatus
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput
from tests.conftest import PASSPHRASE


def test_privacy_commands(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case = opened.cases.create_case(
            CaseInput("ASD-2001-7", "Nowak", dt.date(2001, 1, 1)),
            AreaInput(Area.SERVICE, dt.date(2001, 1, 1), "Beratung", "Frau Krüger"),
        )
        opened.cases.set_status(case.id, CaseStatus.CLOSED, dt.date(2002, 5, 1))
    finally:
        opened.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    common = ["--data-dir", str(data_dir), "--passphrase-file", str(pw)]

    assert cli.main(["privacy", "due", *common]) == 0
    assert "ASD-2001-7\t01.01.2013\tfällig" in capsys.readouterr().out
    assert (
        cli.main(["privacy", "propose", "--case", "ASD-2001-7", "--by", "Frau Meier", *common]) == 0
    )
    capsys.readouterr()
    code = cli.main(
        [
            "privacy",
            "delete",
            "--case",
            "ASD-2001-7",
            "--by",
            "Frau Meier",
            "--confirm",
            "ASD-2001-7",
            *common,
        ]
    )
    assert code != 0
    assert "andere Person" in capsys.readouterr().err
    code = cli.main(
        [
            "privacy",
            "delete",
            "--case",
            "ASD-2001-7",
            "--by",
            "Herr Schulz",
            "--confirm",
            "ASD-2001-7",
            *common,
        ]
    )
    assert code == 0
    assert "endgültig gelöscht" in capsys.readouterr().out
    assert cli.main(["privacy", "deleted", *common]) == 0
    assert case.id in capsys.readouterr().out

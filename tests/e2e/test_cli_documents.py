"""``asd-desktop documents export``: a case's stored documents as files, by Aktenzeichen."""

from __future__ import annotations

import hashlib

import pytest

from asd_desktop import cli
from asd_desktop.services import vault
from tests.conftest import PASSPHRASE
from tests.unit.test_documents import FILE_NUMBER, PEOPLE, make_agreement


@pytest.fixture
def pw_file(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def printed(data_dir):
    """A closed case file holding one case with two printed Zielvereinbarungen."""
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        _, agreement_id = make_agreement(opened)
        first = opened.documents.print_goal_agreement(agreement_id)
        make_agreement(opened, "ASD-W-2026-0001")  # another case: not exported
        stored = {first.sha256: opened.documents.content(first.id)}
    finally:
        opened.close()
    return stored


def _export(data_dir, pw_file, out, case=FILE_NUMBER):
    return cli.main(
        [
            "documents",
            "export",
            "--case",
            case,
            "--out",
            str(out),
            "--data-dir",
            str(data_dir),
            "--passphrase-file",
            pw_file,
        ]
    )


def test_export_writes_the_stored_documents_and_says_where(
    data_dir, pw_file, printed, tmp_path, capsys
):
    out = tmp_path / "akte"

    assert _export(data_dir, pw_file, out) == 0

    printed_out = capsys.readouterr().out
    files = sorted(out.iterdir())
    assert len(files) == 1
    data = files[0].read_bytes()
    assert printed[hashlib.sha256(data).hexdigest()] == data
    assert str(files[0]) in printed_out
    assert "1 Dokument geschrieben" in printed_out
    for name in (*PEOPLE, "Wójcik"):
        assert name not in files[0].name
        assert name not in printed_out


def test_export_again_gives_the_same_files(data_dir, pw_file, printed, tmp_path, capsys):
    out = tmp_path / "akte"
    assert _export(data_dir, pw_file, out) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    assert _export(data_dir, pw_file, out) == 0

    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_unknown_aktenzeichen_is_a_german_error_with_exit_2(
    data_dir, pw_file, printed, tmp_path, capsys
):
    out = tmp_path / "akte"

    assert _export(data_dir, pw_file, out, case="ASD-NICHT-DA") == 2

    err = capsys.readouterr().err
    assert "Fehler: Es gibt keinen Fall mit dem Aktenzeichen »ASD-NICHT-DA«." in err
    assert not out.exists()


def test_wrong_passphrase_exports_nothing(data_dir, printed, tmp_path, capsys):
    wrong = tmp_path / "falsch.txt"
    wrong.write_text("Das-ist-nicht-die-Passphrase\n", encoding="utf-8")
    out = tmp_path / "akte"

    assert _export(data_dir, str(wrong), out) == 2

    assert "Fehler:" in capsys.readouterr().err
    assert not out.exists()


def test_case_and_out_are_required(data_dir, pw_file, capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["documents", "export", "--data-dir", str(data_dir), "--passphrase-file", pw_file])
    assert exited.value.code == 2
    assert "--case" in capsys.readouterr().err

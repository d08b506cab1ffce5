"""``asd-desktop documents verify``: a saved PDF and a typed code, on a closed case file."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from asd_desktop import cli
from asd_desktop.models.documents import Document
from asd_desktop.services import vault
from tests.conftest import PASSPHRASE
from tests.unit.test_documents import make_agreement


@pytest.fixture
def saved(data_dir, tmp_path):
    """A closed case file with one printed Zielvereinbarung, saved as a file; its code."""
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        _, agreement_id = make_agreement(opened)
        view = opened.documents.print_goal_agreement(agreement_id)
        path = tmp_path / "zv.pdf"
        opened.documents.save_copy(view.id, path)
        with opened.database.session_factory() as s:
            code = s.scalars(select(Document.proof_code)).one()
    finally:
        opened.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return path, code, ["--data-dir", str(data_dir), "--passphrase-file", str(pw)]


def test_verify_a_file_and_a_changed_copy_and_a_code(saved, capsys):
    path, code, options = saved
    assert cli.main(["documents", "verify", str(path), *options]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("echt und unverändert, gespeichert am ")

    changed = path.with_name("zv-geaendert.pdf")
    content = bytearray(path.read_bytes())
    content[len(content) // 2] ^= 0x20
    changed.write_bytes(bytes(content))
    assert cli.main(["documents", "verify", str(changed), *options]) == 1
    assert capsys.readouterr().out.splitlines()[0] == "verändert"

    assert cli.main(["documents", "verify", "--code", code, *options]) == 0
    assert capsys.readouterr().out.startswith("echt und unverändert, gespeichert am ")
    typo = code.replace(code[0], "Z" if code[0] != "Z" else "Y", 1)
    assert cli.main(["documents", "verify", "--code", typo, *options]) == 1
    assert capsys.readouterr().out.startswith("Tippfehler?")

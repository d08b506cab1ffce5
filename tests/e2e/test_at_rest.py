"""A stolen laptop reveals nothing: the files at rest, and the office's way back in."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import apsw  # from apsw-sqlite3mc (test extra): an independent SQLCipher 4 reader
import pyrage
import pytest

from asd_desktop import cli
from asd_desktop.domain.enums import Area, ContactKind, Role
from asd_desktop.models.errors import WrongPassphraseError
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput, PersonInput
from asd_desktop.storage.paths import DB_FILE, VAULT_FILE, db_path
from tests.conftest import PASSPHRASE

NAMES = ("Şükrü Yılmaz", "Małgorzata Wójcik", "Zzyzxtestname")
NOTE = "Zzyzxnotiz: Şükrü Yılmaz berichtet über den Schulweg von Małgorzata Wójcik."


def needles(secret_texts: tuple[str, ...]) -> dict[str, bytes]:
    """Every form a name could take on disk: as typed, folded as the index does, UTF-8/16."""
    forms: set[str] = set()
    for text in secret_texts:
        for word in [text, *text.split()]:
            plain = unicodedata.normalize("NFKD", word.translate(str.maketrans("ıł", "il")))
            plain = "".join(c for c in plain if not unicodedata.combining(c))
            forms.update({word, word.lower(), plain, plain.lower()})
    found: dict[str, bytes] = {}
    for form in forms:
        if len(form) < 5:
            continue
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            found[f"{form!r} ({enc})"] = form.encode(enc)
    return found


def leaks(path: Path, secrets: dict[str, bytes]) -> list[str]:
    """The secrets whose bytes appear in the file at ``path``."""
    data = path.read_bytes()
    return [label for label, raw in secrets.items() if raw in data]


@pytest.fixture
def office_identity(tmp_path: Path) -> tuple[pyrage.x25519.Identity, Path]:
    ident = pyrage.x25519.Identity.generate()
    path = tmp_path / "dienststelle.key"
    path.write_text(f"# Schlüssel der Dienststelle\n{ident}\n", encoding="utf-8")
    return ident, path


def _write(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _fill(opened: vault.OpenVault) -> None:
    """Cases, people and a contact whose names we then look for in the files."""
    today = dt.date(2024, 3, 4)
    for i, name in enumerate(NAMES):
        last = name.split()[-1]
        row = opened.cases.create_case(
            CaseInput(f"AZ-2024-{i:03d}", last, today, caseworker="Frau Test", description=NOTE),
            AreaInput(Area.GREY, today, f"Sorge um {name}", "Team Süd"),
        )
        opened.cases.add_person(
            row.id,
            PersonInput(
                last,
                name.split()[0],
                birth_date=dt.date(2015, 6, 7),
                address=f"{name}, Lindenstraße 3",
                roles=(Role.CHILD,),
            ),
        )
        opened.cases.record_contact(
            row.id,
            ContactInput(
                dt.datetime(2024, 3, 5, 10, 30), ContactKind.HOME_VISIT_ANNOUNCED, note=NOTE
            ),
        )


def _print_db_key(data_dir: Path, identity_file: Path) -> str:
    """``asd-desktop vault recover --print-db-key`` run as a real program."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "asd_desktop",
            "vault",
            "recover",
            "--data-dir",
            str(data_dir),
            "--identity",
            str(identity_file),
            "--print-db-key",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout.strip()


def _assert_nothing_readable(data_dir: Path, secrets: dict[str, bytes]) -> list[str]:
    files = sorted(p.name for p in data_dir.iterdir() if p.is_file())
    for name in files:
        assert leaks(data_dir / name, secrets) == [], f"{name} holds plain text"
    return files


def test_files_at_rest_hold_no_names_and_only_sqlcipher_with_the_recovered_key_reads_them(
    tmp_path: Path, office_identity: tuple[pyrage.x25519.Identity, Path]
):
    ident, identity_file = office_identity
    data_dir = tmp_path / "daten"
    pw_file = _write(tmp_path / "pw.txt", PASSPHRASE)
    code = cli.main(
        [
            "vault",
            "init",
            "--data-dir",
            str(data_dir),
            "--passphrase-file",
            str(pw_file),
            "--recovery-recipient",
            str(ident.to_public()),
        ]
    )
    assert code == cli.EXIT_OK

    opened = vault.unlock_vault(data_dir, PASSPHRASE)
    try:
        _fill(opened)
        # While open, the newest pages sit in the write-ahead log.
        assert (data_dir / f"{DB_FILE}-wal").stat().st_size > 0
        assert (data_dir / f"{DB_FILE}-shm").exists()
        key_hex = _print_db_key(data_dir, identity_file)
        key = bytes.fromhex(key_hex)
        secrets = needles((*NAMES, NOTE, PASSPHRASE))
        secrets |= {"data key": key, "data key (hex)": key_hex.encode("ascii")}
        secrets |= {"data key (HEX)": key_hex.upper().encode("ascii")}
        open_files = _assert_nothing_readable(data_dir, secrets)
        assert {DB_FILE, f"{DB_FILE}-wal", f"{DB_FILE}-shm", VAULT_FILE} <= set(open_files)
    finally:
        opened.close()

    closed_files = _assert_nothing_readable(data_dir, secrets)
    assert {DB_FILE, VAULT_FILE} <= set(closed_files)
    # The names really were stored (so the absence above means encryption, not loss).
    reopened = vault.open_with_key(data_dir, key)
    try:
        assert sorted(r.family_name for r in reopened.cases.list_cases()) == sorted(
            n.split()[-1] for n in NAMES
        )
    finally:
        reopened.close()

    # Plain SQLite sees no database at all.
    plain = sqlite3.connect(f"file:{db_path(data_dir)}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            plain.execute("SELECT name FROM sqlite_master").fetchall()
    finally:
        plain.close()

    # An independent SQLCipher 4 implementation reads it with the recovered key.
    conn = apsw.Connection(str(db_path(data_dir)), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        conn.execute("pragma cipher='sqlcipher'")
        conn.execute("pragma legacy=4")
        conn.execute(f"pragma key=\"x'{key_hex}'\"")
        cases = conn.execute(
            "SELECT file_number, family_name, description FROM cases ORDER BY file_number"
        ).fetchall()
        persons = {r[0] for r in conn.execute("SELECT first_name || ' ' || last_name FROM persons")}
        notes = {r[0] for r in conn.execute("SELECT note FROM contacts")}
    finally:
        conn.close()
    assert [(c[0], c[1]) for c in cases] == [
        (f"AZ-2024-{i:03d}", n.split()[-1]) for i, n in enumerate(NAMES)
    ]
    assert {c[2] for c in cases} == {NOTE}
    assert persons == set(NAMES) - {"Zzyzxtestname"} | {"Zzyzxtestname Zzyzxtestname"}
    assert notes == {NOTE}

    # A wrong key gets nothing out of the independent reader either.
    wrong = apsw.Connection(str(db_path(data_dir)), flags=apsw.SQLITE_OPEN_READONLY)
    try:
        wrong.execute("pragma cipher='sqlcipher'")
        wrong.execute("pragma legacy=4")
        wrong.execute(f"pragma key=\"x'{'00' * 32}'\"")
        with pytest.raises(apsw.NotADBError):
            wrong.execute("SELECT count(*) FROM cases").fetchall()
    finally:
        wrong.close()


def test_recover_sets_a_new_passphrase_and_the_old_one_stops_working(
    tmp_path: Path, office_identity: tuple[pyrage.x25519.Identity, Path], capsys
):
    ident, identity_file = office_identity
    data_dir = tmp_path / "daten"
    pw_file = _write(tmp_path / "pw.txt", PASSPHRASE)
    new_pw = "Neue-Passphrase-vom-Amt-2024"
    new_file = _write(tmp_path / "neu.txt", new_pw)
    args = ["--data-dir", str(data_dir)]
    assert cli.main(["vault", "init", *args, "--passphrase-file", str(pw_file)]) == 0
    opened = vault.unlock_vault(data_dir, PASSPHRASE)
    _fill(opened)
    opened.close()
    # The recovery key can be added later, too.
    code = cli.main(
        [
            "vault",
            "set-recovery",
            *args,
            "--passphrase-file",
            str(pw_file),
            "--recipient",
            str(ident.to_public()),
        ]
    )
    assert code == 0
    db_before = db_path(data_dir).read_bytes()
    capsys.readouterr()

    code = cli.main(
        [
            "vault",
            "recover",
            *args,
            "--identity",
            str(identity_file),
            "--new-passphrase-file",
            str(new_file),
        ]
    )
    assert code == cli.EXIT_OK
    assert "Neue Passphrase gesetzt." in capsys.readouterr().out

    # Re-wrapped, not re-encrypted.
    assert db_path(data_dir).read_bytes() == db_before
    with pytest.raises(WrongPassphraseError):
        vault.unlock_vault(data_dir, PASSPHRASE)
    reopened = vault.unlock_vault(data_dir, new_pw)
    try:
        assert len(reopened.cases.list_cases()) == len(NAMES)
    finally:
        reopened.close()
    # The office key still works after the new passphrase was set.
    key_hex = _print_db_key(data_dir, identity_file)
    assert len(key_hex) == 64
    int(key_hex, 16)


def test_the_leak_search_finds_names_in_an_unencrypted_database(tmp_path: Path):
    """The search above would see the names if they were stored in plain text."""
    path = tmp_path / "plain.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (name TEXT)")
    conn.executemany("INSERT INTO t VALUES (?)", [(n,) for n in NAMES])
    conn.commit()
    conn.close()
    found = leaks(path, needles(NAMES))
    assert "'Şükrü' (utf-8)" in found
    assert "'Zzyzxtestname' (utf-8)" in found
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("x Wójcik y".encode("utf-16-le"))
    assert "'Wójcik' (utf-16-le)" in leaks(utf16, needles(NAMES))

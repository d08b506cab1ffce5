"""The vault: wrapping the data key, parameters read from disk, passphrases, atomic writes."""

from __future__ import annotations

import base64
import errno
import itertools
import json
import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import argon2.low_level
import pyrage
import pytest

from asd_desktop.models.errors import (
    AsdError,
    StorageFullError,
    ValidationError,
    VaultDamagedError,
    WrongPassphraseError,
)
from asd_desktop.services import vault
from asd_desktop.storage import vault as vault_file
from asd_desktop.storage.paths import db_path, vault_path
from asd_desktop.storage.vault import KdfParams, Vault, passphrase_problem
from tests.conftest import PASSPHRASE

NEW_PASSPHRASE = "Regenschirm-Gartenzaun-17"


@pytest.fixture(scope="module")
def vault_doc() -> dict[str, Any]:
    """A valid vault file as a dict (one KDF run for the whole module)."""
    made, _key = Vault.create(PASSPHRASE)
    doc: dict[str, Any] = json.loads(made.to_json())
    return doc


@pytest.fixture
def kdf_spy(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Records every Argon2 call (and still runs it)."""
    calls: list[dict[str, Any]] = []
    real = argon2.low_level.hash_secret_raw

    def spy(**kwargs: Any) -> bytes:
        calls.append(kwargs)
        return real(**kwargs)

    monkeypatch.setattr(argon2.low_level, "hash_secret_raw", spy)
    monkeypatch.setattr(vault_file, "hash_secret_raw", spy)
    return calls


# --- create and unlock -----------------------------------------------------------------


def test_create_then_unlock_gives_the_same_data_key_and_the_database(data_dir: Path, kdf_spy):
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    device = opened.database.device_id
    opened.close()
    assert vault.vault_exists(data_dir)
    assert db_path(data_dir).exists()
    assert oct(vault_path(data_dir).stat().st_mode & 0o777) == "0o600"

    reopened = vault.unlock_vault(data_dir, PASSPHRASE)
    try:
        assert reopened.database.device_id == device
    finally:
        reopened.close()
    # The file holds the design's Argon2id floor, and that is what was used.
    doc = json.loads(vault_path(data_dir).read_bytes())
    assert doc["kdf"]["name"] == "argon2id"
    assert doc["kdf"]["time_cost"] >= 3
    assert doc["kdf"]["memory_kib"] >= 64 * 1024
    assert doc["kdf"]["parallelism"] == 4
    assert len(base64.b64decode(doc["kdf"]["salt"])) == 16
    assert kdf_spy[-1]["memory_cost"] == doc["kdf"]["memory_kib"]
    assert kdf_spy[-1]["type"] is argon2.low_level.Type.ID


def test_two_vaults_have_different_keys_salts_and_nonces():
    a, key_a = Vault.create(PASSPHRASE)
    b, key_b = Vault.create(PASSPHRASE)
    assert key_a != key_b
    assert len(key_a) == 32
    assert a.kdf.salt != b.kdf.salt
    assert a.nonce != b.nonce
    assert key_a not in a.to_json()


def test_wrong_passphrase_is_refused_in_german_and_changes_nothing(opened):
    data_dir = opened.data_dir
    opened.close()
    before = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    with pytest.raises(WrongPassphraseError) as err:
        vault.unlock_vault(data_dir, PASSPHRASE + "x")
    assert "Passphrase ist nicht richtig" in err.value.message
    after = {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()}
    assert after == before


def test_a_second_vault_in_the_same_folder_is_refused(opened):
    before = vault_path(opened.data_dir).read_bytes()
    with pytest.raises(AsdError, match="bereits einen Tresor"):
        vault.create_vault(opened.data_dir, NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert vault_path(opened.data_dir).read_bytes() == before


def test_a_database_without_its_vault_is_not_overwritten(tmp_path: Path):
    data_dir = tmp_path / "daten"
    data_dir.mkdir()
    db_path(data_dir).write_bytes(b"alte Daten")
    with pytest.raises(AsdError, match="Datenbank ohne Tresor"):
        vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    assert db_path(data_dir).read_bytes() == b"alte Daten"
    assert not vault_path(data_dir).exists()


def test_a_too_short_passphrase_creates_nothing(data_dir: Path):
    with pytest.raises(ValidationError) as err:
        vault.create_vault(data_dir, "kurz", "kurz")
    assert "mindestens 12 Zeichen" in err.value.problems["passphrase"]
    assert not data_dir.exists()


def test_missing_vault_file_says_so(tmp_path: Path):
    with pytest.raises(VaultDamagedError, match="keinen Tresor"):
        vault.unlock_vault(tmp_path, PASSPHRASE)


# --- parameters read from the file ------------------------------------------------------


def _set(path: list[str], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target = doc
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value

    return change


def _drop(path: list[str]) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        target = doc
        for part in path[:-1]:
            target = target[part]
        del target[path[-1]]

    return change


KIB_64_GIB = 64 * 1024 * 1024

TAMPERED = {
    "memory 64 GiB": _set(["kdf", "memory_kib"], KIB_64_GIB),
    "memory 2^40": _set(["kdf", "memory_kib"], 2**40),
    "memory 1 KiB (too weak)": _set(["kdf", "memory_kib"], 1),
    "time cost 10^6": _set(["kdf", "time_cost"], 10**6),
    "time cost 1 (too weak)": _set(["kdf", "time_cost"], 1),
    "parallelism 0": _set(["kdf", "parallelism"], 0),
    "parallelism 2^24": _set(["kdf", "parallelism"], 2**24),
    "negative time cost": _set(["kdf", "time_cost"], -3),
    "negative memory": _set(["kdf", "memory_kib"], -65536),
    "memory as string": _set(["kdf", "memory_kib"], "65536"),
    "time cost as float": _set(["kdf", "time_cost"], 3.0),
    "time cost as bool": _set(["kdf", "time_cost"], True),
    "memory null": _set(["kdf", "memory_kib"], None),
    "parallelism as list": _set(["kdf", "parallelism"], [4]),
    "missing time cost": _drop(["kdf", "time_cost"]),
    "missing memory": _drop(["kdf", "memory_kib"]),
    "missing salt": _drop(["kdf", "salt"]),
    "missing kdf": _drop(["kdf"]),
    "missing wrap": _drop(["passphrase_wrap"]),
    "kdf is a string": _set(["kdf"], "argon2id"),
    "other kdf": _set(["kdf", "name"], "pbkdf2"),
    "salt 8 bytes": _set(["kdf", "salt"], base64.b64encode(b"\x01" * 8).decode()),
    "salt 1 MiB": _set(["kdf", "salt"], base64.b64encode(b"\x01" * 40000).decode()),
    "salt not base64": _set(["kdf", "salt"], "$$$ kein base64 $$$"),
    "salt as number": _set(["kdf", "salt"], 12345),
    "nonce too short": _set(["passphrase_wrap", "nonce"], base64.b64encode(b"n" * 8).decode()),
    "ciphertext too long": _set(
        ["passphrase_wrap", "ciphertext"], base64.b64encode(b"c" * 4000).decode()
    ),
    "unknown version": _set(["version"], 99),
    "foreign format": _set(["format"], "keepass"),
    "recovery wrap is a string": _set(["recovery_wrap"], "age1xyz"),
    "recovery wrap without age": _set(["recovery_wrap"], {"recipient": "age1xyz"}),
}

RAW_FILES = {
    "empty": b"",
    "not json": b"Dies ist kein Tresor.",
    "binary": os.urandom(512),
    "invalid utf-8": b'{"format": "\xff\xfe"}',
    "json null": b"null",
    "json list": b"[1, 2, 3]",
    "json string": b'"asd-desktop-vault"',
    "deep nesting": b"[" * 60000,
    "huge number": b'{"version": ' + b"9" * 50000 + b"}",
    "huge file": b" " * (10 * 1024 * 1024) + b"{}",
}


def _assert_refused_without_kdf(path: Path, calls: list[dict[str, Any]]) -> None:
    with pytest.raises(VaultDamagedError) as err:
        vault.unlock_vault(path.parent, PASSPHRASE)
    assert "Der Tresor (vault.json) ist beschädigt" in err.value.message
    assert "Sicherung" in err.value.message
    # Refused while reading: Argon2 never saw the absurd values.
    assert calls == []


@pytest.mark.parametrize("change", TAMPERED.values(), ids=TAMPERED.keys())
def test_tampered_parameters_are_refused_before_the_kdf_runs(
    tmp_path: Path, vault_doc: dict[str, Any], kdf_spy, change
):
    doc = json.loads(json.dumps(vault_doc))
    change(doc)
    path = vault_path(tmp_path)
    path.write_bytes(json.dumps(doc).encode())
    _assert_refused_without_kdf(path, kdf_spy)


@pytest.mark.parametrize("raw", RAW_FILES.values(), ids=RAW_FILES.keys())
def test_malformed_vault_files_are_refused_before_the_kdf_runs(tmp_path: Path, kdf_spy, raw):
    path = vault_path(tmp_path)
    path.write_bytes(raw)
    _assert_refused_without_kdf(path, kdf_spy)


def test_a_giant_vault_file_is_refused_without_reading_it(tmp_path: Path, kdf_spy):
    path = vault_path(tmp_path)
    with path.open("wb") as f:
        f.truncate(512 * 1024 * 1024)  # sparse: takes no disk space
    tracemalloc.start()
    try:
        with pytest.raises(VaultDamagedError, match="zu groß"):
            vault.unlock_vault(tmp_path, PASSPHRASE)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024
    assert kdf_spy == []


def test_the_untampered_document_is_accepted(tmp_path: Path, vault_doc: dict[str, Any], kdf_spy):
    """The tampering tests above start from a file that does unlock."""
    path = vault_path(tmp_path)
    path.write_bytes(json.dumps(vault_doc).encode())
    key = Vault.load(path).unlock(PASSPHRASE)
    assert len(key) == 32
    assert len(kdf_spy) == 1


def test_parameters_at_the_caps_are_accepted_and_used(vault_doc: dict[str, Any]):
    doc = json.loads(json.dumps(vault_doc))
    doc["kdf"].update(time_cost=16, memory_kib=512 * 1024, parallelism=8)
    salt = base64.b64decode(doc["kdf"]["salt"])
    doc["kdf"]["check"] = KdfParams(16, 512 * 1024, 8, salt).check()  # made so, not tampered
    parsed = Vault.from_json(json.dumps(doc).encode())
    assert parsed.kdf == KdfParams(16, 512 * 1024, 8, parsed.kdf.salt)


# --- changing the passphrase -------------------------------------------------------------


def test_change_passphrase_rewraps_without_touching_the_database(opened):
    data_dir = opened.data_dir
    opened.close()
    db_before = db_path(data_dir).read_bytes()
    vault_before = vault_path(data_dir).read_bytes()

    vault.change_passphrase(data_dir, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)

    assert db_path(data_dir).read_bytes() == db_before
    assert vault_path(data_dir).read_bytes() != vault_before
    with pytest.raises(WrongPassphraseError):
        vault.unlock_vault(data_dir, PASSPHRASE)
    reopened = vault.unlock_vault(data_dir, NEW_PASSPHRASE)
    reopened.close()


def test_change_passphrase_with_the_wrong_old_one_changes_nothing(opened):
    before = vault_path(opened.data_dir).read_bytes()
    with pytest.raises(WrongPassphraseError):
        vault.change_passphrase(opened.data_dir, NEW_PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    with pytest.raises(ValidationError, match="stimmen nicht überein"):
        vault.change_passphrase(opened.data_dir, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE + "!")
    assert vault_path(opened.data_dir).read_bytes() == before


# --- recovery by the office -------------------------------------------------------------


def test_recovery_wrap_round_trip_through_the_file():
    office = pyrage.x25519.Identity.generate()
    made, key = Vault.create(PASSPHRASE, str(office.to_public()))
    parsed = Vault.from_json(made.to_json())
    assert parsed.recovery_recipient == str(office.to_public())
    assert parsed.recover(str(office)) == key
    # Re-wrapping under a new passphrase keeps the office's way in.
    assert parsed.rewrap(key, NEW_PASSPHRASE).recover(str(office)) == key


def test_a_wrong_office_identity_is_refused_in_german():
    office = pyrage.x25519.Identity.generate()
    made, _key = Vault.create(PASSPHRASE, str(office.to_public()))
    other = pyrage.x25519.Identity.generate()
    with pytest.raises(AsdError) as err:
        made.recover(str(other))
    assert "Schlüssel der Dienststelle" in err.value.message
    with pytest.raises(AsdError, match="AGE-SECRET-KEY"):
        made.recover("kein Schlüssel")


def test_recovery_without_a_recovery_key_and_a_bad_recipient_are_refused(opened):
    with pytest.raises(AsdError, match="keinen Wiederherstellungsschlüssel"):
        vault.recover_data_key(opened.data_dir, str(pyrage.x25519.Identity.generate()))
    before = vault_path(opened.data_dir).read_bytes()
    with pytest.raises(AsdError, match="beginnt mit »age1…«"):
        vault.set_recovery_recipient(opened.data_dir, PASSPHRASE, "age1kaputt")
    assert vault_path(opened.data_dir).read_bytes() == before


def test_set_recovery_then_recover_with_a_new_passphrase(opened):
    office = pyrage.x25519.Identity.generate()
    data_dir = opened.data_dir
    vault.set_recovery_recipient(data_dir, PASSPHRASE, str(office.to_public()))
    key = vault.recover_data_key(data_dir, str(office))
    vault.unlock_with_recovery(data_dir, str(office), NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert Vault.load(vault_path(data_dir)).unlock(NEW_PASSPHRASE) == key
    with pytest.raises(WrongPassphraseError):
        Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)


# --- passphrase rules and throttling -----------------------------------------------------


def test_passphrase_rules():
    eleven, twelve = "a" * 11, "b" * 12
    problem = passphrase_problem(eleven, eleven)
    assert problem is not None
    assert "mindestens 12 Zeichen" in problem
    assert passphrase_problem(twelve, twelve) is None
    assert passphrase_problem(twelve) is None
    mismatch = passphrase_problem(twelve, "c" * 12)
    assert mismatch is not None
    assert "stimmen nicht überein" in mismatch
    spaced = passphrase_problem(" " + twelve)
    assert spaced is not None
    assert "Leerzeichen" in spaced
    # Length counts characters, not bytes.
    assert passphrase_problem("ßüöäğışłżřéè") is None


def test_unlock_throttle_grows_and_caps():
    throttle = vault.UnlockThrottle()
    waits = [throttle.failed() for _ in range(12)]
    assert waits[0] == 0.0
    assert waits[1] > 0.0
    assert all(b >= a for a, b in itertools.pairwise(waits))
    assert waits[2] > waits[1]
    assert max(waits) == vault.UnlockThrottle.MAX_DELAY_S
    assert waits[-1] == vault.UnlockThrottle.MAX_DELAY_S
    assert 0.0 < throttle.remaining() <= vault.UnlockThrottle.MAX_DELAY_S
    throttle.succeeded()
    assert throttle.remaining() == 0.0
    assert throttle.failed() == 0.0


# --- atomic writes ----------------------------------------------------------------------


def _leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if ".tmp" in p.name]


@pytest.mark.parametrize("failing", ["replace", "write"])
def test_a_full_disk_leaves_the_old_vault_file_intact(
    opened, monkeypatch: pytest.MonkeyPatch, failing: str
):
    data_dir = opened.data_dir
    before = vault_path(data_dir).read_bytes()

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, failing, disk_full)
    with pytest.raises(StorageFullError) as err:
        vault.change_passphrase(data_dir, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()

    assert "Datenträger ist voll" in err.value.message
    assert "nichts verändert" in err.value.message
    assert vault_path(data_dir).read_bytes() == before
    assert _leftovers(data_dir) == []
    Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)


def test_another_write_failure_gets_a_german_message_too(opened, monkeypatch: pytest.MonkeyPatch):
    before = vault_path(opened.data_dir).read_bytes()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(AsdError, match="konnte nicht gespeichert werden"):
        vault.change_passphrase(opened.data_dir, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    monkeypatch.undo()
    assert vault_path(opened.data_dir).read_bytes() == before
    assert _leftovers(opened.data_dir) == []

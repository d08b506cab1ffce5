"""The vault: the database's data key, wrapped under the passphrase and the office's key.

The data key is 32 random bytes that SQLCipher uses as a raw key. It is never
stored in the clear: once wrapped with AES-256-GCM under a key derived from the
passphrase by Argon2id, and optionally once more age-encrypted to the office's
recovery public key (X25519). Changing the passphrase re-wraps the same key.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pyrage
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from asd_desktop.models.errors import AsdError, VaultDamagedError, WrongPassphraseError
from asd_desktop.storage.atomic import atomic_write
from asd_desktop.storage.paths import special_file_problem

VAULT_FORMAT = "asd-desktop-vault"
#: Version 2 binds the key-derivation parameters to the wrapped key (see ``KdfParams.check``).
VAULT_VERSION = 2
READABLE_VERSIONS = (1, 2)
MIN_PASSPHRASE_LENGTH = 12

#: Floors (the design's minimum) and caps (so a crafted file cannot exhaust memory or time).
MIN_TIME_COST, MAX_TIME_COST = 3, 16
MIN_MEMORY_KIB, MAX_MEMORY_KIB = 64 * 1024, 512 * 1024
MIN_PARALLELISM, MAX_PARALLELISM = 4, 8
SALT_BYTES = 16
#: A real vault file is about 1 KiB; anything beyond this is refused unread.
MAX_VAULT_BYTES = 64 * 1024
KEY_BYTES = 32

_AAD = b"asd-desktop vault v1: data key"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters as stored in the vault file."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4
    salt: bytes = b""

    def derive(self, passphrase: str) -> bytes:
        """The 256-bit wrapping key for ``passphrase``."""
        return hash_secret_raw(
            secret=passphrase.encode("utf-8"),
            salt=self.salt,
            time_cost=self.time_cost,
            memory_cost=self.memory_kib,
            parallelism=self.parallelism,
            hash_len=KEY_BYTES,
            type=Type.ID,
        )

    def canonical(self) -> bytes:
        """The parameters as bytes: the checksum covers them, the wrapped key is bound to them."""
        return json.dumps(
            ["argon2id", self.time_cost, self.memory_kib, self.parallelism, _b64(self.salt)],
            separators=(",", ":"),
        ).encode("ascii")

    def check(self) -> str:
        """The checksum stored beside the parameters: a changed number shows as damage.

        It is not keyed (nothing is, before the passphrase is known): it tells a changed or
        damaged file from a wrong passphrase. A forger who also recomputes it gains nothing:
        the key is bound to the parameters (``aad``), so the vault does not open either way.
        """
        return hashlib.sha256(b"asd-desktop vault kdf check\0" + self.canonical()).hexdigest()


@dataclass(frozen=True)
class Vault:
    """The parsed vault file; immutable, every change returns a new one."""

    kdf: KdfParams
    nonce: bytes
    wrapped_key: bytes
    recovery_recipient: str | None = None
    recovery_wrapped_key: bytes | None = None
    #: 1: the wrapped key is bound to a fixed label only (files made before version 2).
    version: int = VAULT_VERSION

    @property
    def aad(self) -> bytes:
        """What the wrapping authenticates beside the key: from version 2, the parameters."""
        return _AAD if self.version == 1 else _AAD + b"\0" + self.kdf.canonical()

    @classmethod
    def create(cls, passphrase: str, recovery_recipient: str | None = None) -> tuple[Vault, bytes]:
        """A new vault around a fresh random data key; returns it and the key."""
        data_key = os.urandom(KEY_BYTES)
        vault = cls._wrap(data_key, passphrase)
        if recovery_recipient:
            vault = vault.with_recovery(data_key, recovery_recipient)
        return vault, data_key

    @classmethod
    def _wrap(cls, data_key: bytes, passphrase: str) -> Vault:
        kdf = KdfParams(salt=os.urandom(SALT_BYTES))
        nonce = os.urandom(12)
        aad = cls(kdf=kdf, nonce=nonce, wrapped_key=b"").aad
        wrapped = AESGCM(kdf.derive(passphrase)).encrypt(nonce, data_key, aad)
        return cls(kdf=kdf, nonce=nonce, wrapped_key=wrapped)

    def unlock(self, passphrase: str) -> bytes:
        """The data key, or :class:`WrongPassphraseError`."""
        try:
            key = AESGCM(self.kdf.derive(passphrase)).decrypt(
                self.nonce, self.wrapped_key, self.aad
            )
        except InvalidTag as exc:
            raise WrongPassphraseError(
                "Die Passphrase ist nicht richtig. Bitte erneut eingeben "
                "(auf Groß- und Kleinschreibung und die Feststelltaste achten)."
            ) from exc
        if len(key) != KEY_BYTES:
            raise _damaged("der Schlüssel hat eine falsche Länge")
        return key

    def rewrap(self, data_key: bytes, new_passphrase: str) -> Vault:
        """The same data key under a new passphrase (fresh salt and nonce)."""
        fresh = self._wrap(data_key, new_passphrase)
        return replace(
            self,
            kdf=fresh.kdf,
            nonce=fresh.nonce,
            wrapped_key=fresh.wrapped_key,
            version=VAULT_VERSION,
        )

    def with_recovery(self, data_key: bytes, recipient: str) -> Vault:
        """Also wrap the data key to the office's age X25519 recovery key."""
        rec = recovery_recipient(recipient)
        wrapped = pyrage.encrypt(data_key, [rec])
        return replace(self, recovery_recipient=recipient.strip(), recovery_wrapped_key=wrapped)

    def recover(self, identity: str) -> bytes:
        """The data key, unwrapped with the office's age identity."""
        if self.recovery_wrapped_key is None:
            raise AsdError(
                "Dieser Tresor hat keinen Wiederherstellungsschlüssel der Dienststelle; "
                "ohne Passphrase lässt er sich nicht öffnen."
            )
        try:
            ident = pyrage.x25519.Identity.from_str(identity.strip())
            key: bytes = pyrage.decrypt(self.recovery_wrapped_key, [ident])
        except Exception as exc:
            raise AsdError(
                "Mit diesem Schlüssel der Dienststelle lässt sich der Tresor nicht öffnen. "
                "Bitte die Schlüsseldatei der Dienststelle (AGE-SECRET-KEY-…) prüfen."
            ) from exc
        if len(key) != KEY_BYTES:
            raise _damaged("der Schlüssel hat eine falsche Länge")
        return bytes(key)

    # --- file format -----------------------------------------------------------------

    def to_json(self) -> bytes:
        """The vault file's bytes."""
        doc: dict[str, Any] = {
            "format": VAULT_FORMAT,
            "version": self.version,
            "kdf": {
                "name": "argon2id",
                "time_cost": self.kdf.time_cost,
                "memory_kib": self.kdf.memory_kib,
                "parallelism": self.kdf.parallelism,
                "salt": _b64(self.kdf.salt),
                **({"check": self.kdf.check()} if self.version >= 2 else {}),
            },
            "passphrase_wrap": {
                "cipher": "aes-256-gcm",
                "nonce": _b64(self.nonce),
                "ciphertext": _b64(self.wrapped_key),
            },
        }
        if self.recovery_wrapped_key is not None:
            doc["recovery_wrap"] = {
                "recipient": self.recovery_recipient,
                "age": _b64(self.recovery_wrapped_key),
            }
        return json.dumps(doc, indent=2, sort_keys=True).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> Vault:
        """Parse and check a vault file; parameters outside the caps are refused."""
        if len(raw) > MAX_VAULT_BYTES:
            raise _damaged("die Datei ist zu groß")
        try:
            doc = json.loads(raw)
            if doc["format"] != VAULT_FORMAT:
                raise _damaged("die Datei ist kein Tresor von asd-desktop")
            version = doc["version"]
            if type(version) is not int or version not in READABLE_VERSIONS:
                raise _damaged(f"unbekannte Version {doc['version']!r}")
            k = doc["kdf"]
            if k["name"] != "argon2id":
                raise _damaged("unbekanntes Schlüsselverfahren")
            kdf = KdfParams(
                time_cost=_bounded(k["time_cost"], MIN_TIME_COST, MAX_TIME_COST),
                memory_kib=_bounded(k["memory_kib"], MIN_MEMORY_KIB, MAX_MEMORY_KIB),
                parallelism=_bounded(k["parallelism"], MIN_PARALLELISM, MAX_PARALLELISM),
                salt=_unb64(k["salt"]),
            )
            if len(kdf.salt) != SALT_BYTES:
                raise _damaged("das Salz hat eine falsche Länge")
            if version >= 2 and k["check"] != kdf.check():
                raise _damaged("die Parameter der Schlüsselableitung wurden verändert")
            w = doc["passphrase_wrap"]
            nonce, wrapped = _unb64(w["nonce"]), _unb64(w["ciphertext"])
            if len(nonce) != 12 or len(wrapped) != KEY_BYTES + 16:
                raise _damaged("der verschlüsselte Schlüssel hat eine falsche Länge")
            rec = doc.get("recovery_wrap")
            return cls(
                kdf=kdf,
                nonce=nonce,
                wrapped_key=wrapped,
                recovery_recipient=str(rec["recipient"]) if rec else None,
                recovery_wrapped_key=_unb64(rec["age"]) if rec else None,
                version=version,
            )
        except VaultDamagedError:
            raise
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise _damaged("die Datei ist unvollständig oder verändert") from exc

    @classmethod
    def load(cls, path: Path) -> Vault:
        """Read the vault file at ``path``; a FIFO or device in its place is refused unread."""
        special = special_file_problem(path)
        if special:
            raise _damaged(f"»{path.name}« {special}")
        try:
            # O_NONBLOCK: should the file turn into a FIFO after the check, open does not wait.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as f:
                if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
                    raise _damaged(f"»{path.name}« ist keine gewöhnliche Datei")
                raw = f.read(MAX_VAULT_BYTES + 1)  # a crafted giant file is never read whole
        except FileNotFoundError as exc:
            raise VaultDamagedError(
                f"Im Datenordner »{path.parent}« gibt es keinen Tresor (vault.json). Bitte den "
                "Datenordner prüfen oder den Tresor aus der Sicherung zurückspielen."
            ) from exc
        except OSError as exc:
            raise _damaged("die Datei kann nicht gelesen werden") from exc
        return cls.from_json(raw)

    def save(self, path: Path) -> None:
        """Write the vault file atomically (old or new, never half)."""
        atomic_write(path, self.to_json())


def passphrase_problem(passphrase: str, repeated: str | None = None) -> str | None:
    """Why a new passphrase is not acceptable, in German, or None if it is."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return (
            f"Die Passphrase muss mindestens {MIN_PASSPHRASE_LENGTH} Zeichen lang sein. "
            "Ein kurzer Satz, den Sie sich gut merken können, ist ideal."
        )
    if passphrase.strip() != passphrase:
        return "Die Passphrase darf nicht mit Leerzeichen beginnen oder enden."
    if repeated is not None and repeated != passphrase:
        return (
            "Die beiden Eingaben stimmen nicht überein. "
            "Bitte die Passphrase zweimal gleich eingeben."
        )
    return None


def _bounded(value: object, low: int, high: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _damaged(f"ein Parameter liegt außerhalb des erlaubten Bereichs ({low}–{high})")
    return value


def _damaged(why: str) -> VaultDamagedError:
    return VaultDamagedError(
        f"Der Tresor (vault.json) ist beschädigt: {why}. Bitte die Sicherung des "
        "Datenordners zurückspielen oder die Dienststelle um Wiederherstellung bitten."
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("expected base64 text")
    return base64.b64decode(text, validate=True)


def recovery_recipient(recipient: str) -> pyrage.x25519.Recipient:
    """The office's age X25519 recovery key, or a German :class:`AsdError` saying what to do.

    Called before anything is written, so a mistyped key leaves the data folder as it was.
    """
    try:
        return pyrage.x25519.Recipient.from_str(recipient.strip())
    except Exception as exc:
        raise AsdError(
            "Der Wiederherstellungsschlüssel der Dienststelle ist ungültig. Er beginnt "
            "mit »age1…«; bitte bei der Dienststelle den richtigen Schlüssel erfragen."
        ) from exc

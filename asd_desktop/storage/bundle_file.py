r"""The bundle file: an age v1 file around a signed manifest and a compressed JSON-lines payload.

Layout of the plaintext inside the age encryption (X25519 recipients)::

    MAGIC                       b"ASD-BUNDLE\x00v1\n"
    manifest length             4 bytes, big-endian
    manifest                    canonical JSON object (UTF-8)
    signature                   64 bytes Ed25519 over MAGIC + manifest
    payload                     zlib stream of JSON lines, each ending in b"\n"

The manifest names the payload's SHA-256, compressed size, decompressed size and
line count, so the signature covers the payload too. Readers check everything
(decryption, signature against the caller's device registry, hashes, sizes,
nesting, every line) before they return, so callers touch their database only
with a sound file. Nothing is ever written to disk unencrypted.

The age step goes through :mod:`asd_desktop.storage.age_stream`, so a bundle read or
written on a worker thread never keeps the GUI thread from running for more than a few
milliseconds; for the same reason large buffers are joined, never sliced.

The enrollment file is a separate, smaller format: canonical JSON behind
``MAGIC_ENROLL``, age-encrypted with a passphrase (the enrollment code).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import struct
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.storage import age_stream
from asd_desktop.storage.age_stream import ChunkCursor
from asd_desktop.storage.atomic import atomic_write

MAGIC: bytes = b"ASD-BUNDLE\x00v1\n"
MAGIC_ENROLL: bytes = b"ASD-ENROLL\x00v1\n"
AGE_HEADER: bytes = b"age-encryption.org/v1\n"
SIGNATURE_BYTES = 64
KEY_BYTES = 32
_LENGTH = struct.Struct(">I")
#: Decompression output per step; bounds memory while streaming lines.
_CHUNK = 1024 * 1024
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_GROUPS = 6
_CODE_GROUP_LEN = 4
_CODE_LEN = _CODE_GROUPS * _CODE_GROUP_LEN
_NO_MATCH = "no matching keys"


class BundleError(AsdError):
    """A bundle or enrollment file cannot be used; ``message`` says what happened and what to do."""

    default_message = (
        "Die Paketdatei kann nicht verwendet werden. Bitte die Datei erneut vom Absender "
        "exportieren lassen. Es wurde nichts verändert."
    )

    def __init__(self, message: str | None = None) -> None:
        """Create the error with a German ``message`` (or the class's default)."""
        super().__init__(message if message is not None else self.default_message)


class BundleDamagedError(BundleError):
    """Truncated, altered, malformed or over a limit."""

    default_message = (
        "Die Paketdatei ist beschädigt oder unvollständig. Bitte die Datei erneut vom "
        "Absender exportieren lassen. Es wurde nichts verändert."
    )


class NotAddressedHereError(BundleError):
    """None of our age identities can decrypt the file."""

    default_message = (
        "Die Paketdatei ist an ein anderes Gerät adressiert oder beschädigt: dieses Gerät "
        "kann sie nicht entschlüsseln. Bitte prüfen, ob die richtige Datei gewählt wurde, "
        "und sie sonst für dieses Gerät erneut exportieren lassen. Es wurde nichts verändert."
    )


class UntrustedSenderError(BundleError):
    """The signature does not verify with the key from the device registry."""

    default_message = (
        "Die Paketdatei stammt von einem nicht vertrauenswürdigen Absender: ihre Unterschrift "
        "passt nicht zum registrierten Schlüssel des Absendergeräts. Die Datei wurde nicht "
        "eingelesen; bitte beim Büro nachfragen. Es wurde nichts verändert."
    )


def _damaged(detail: str) -> BundleDamagedError:
    return BundleDamagedError(
        f"Die Paketdatei ist beschädigt oder unvollständig ({detail}). Bitte die Datei "
        "erneut vom Absender exportieren lassen. Es wurde nichts verändert."
    )


def _enroll_damaged(detail: str) -> BundleDamagedError:
    return BundleDamagedError(
        f"Die Einrichtungsdatei ist beschädigt oder unvollständig ({detail}). Bitte im Büro "
        "eine neue Einrichtungsdatei erstellen lassen. Es wurde nichts verändert."
    )


# --------------------------------------------------------------------------- keys


def fingerprint(signing_public: bytes) -> str:
    """A human-comparable fingerprint: SHA-256 of the key, first 16 bytes, in 8 groups of 4 hex."""
    digest = hashlib.sha256(signing_public).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class DeviceKeys:
    """A device's private keys: Ed25519 for signing, an age X25519 identity for decryption."""

    signing_private: bytes = field(repr=False)
    age_identity: str = field(repr=False)

    def __post_init__(self) -> None:
        """Reject keys of the wrong shape at once rather than at first use."""
        if len(self.signing_private) != KEY_BYTES:
            raise ValueError("signing_private must be 32 raw Ed25519 bytes")
        try:
            pyrage.x25519.Identity.from_str(self.age_identity.strip())
        except Exception as exc:
            raise ValueError("age_identity is not an AGE-SECRET-KEY-1 identity") from exc

    @classmethod
    def generate(cls) -> DeviceKeys:
        """Fresh random keys for a new device."""
        signing = Ed25519PrivateKey.generate().private_bytes_raw()
        return cls(signing_private=signing, age_identity=str(pyrage.x25519.Identity.generate()))

    @property
    def signing_public(self) -> bytes:
        """The 32 raw bytes of the Ed25519 public key."""
        private = Ed25519PrivateKey.from_private_bytes(self.signing_private)
        return private.public_key().public_bytes_raw()

    @property
    def age_recipient(self) -> str:
        """The age recipient ("age1…") others encrypt to."""
        return str(pyrage.x25519.Identity.from_str(self.age_identity.strip()).to_public())

    @property
    def fingerprint(self) -> str:
        """Fingerprint of the signing public key, for comparing in person."""
        return fingerprint(self.signing_public)

    def sign(self, data: bytes) -> bytes:
        """The 64-byte Ed25519 signature of ``data``."""
        return Ed25519PrivateKey.from_private_bytes(self.signing_private).sign(data)


# --------------------------------------------------------------------------- limits, JSON


@dataclass(frozen=True)
class BundleLimits:
    """Bounds a reader enforces so a crafted file cannot exhaust memory or time."""

    max_file_bytes: int = 2 * 1024**3
    max_manifest_bytes: int = 1024**2
    max_decompressed_bytes: int = 8 * 1024**3
    max_line_bytes: int = 256 * 1024**2
    max_depth: int = 32


def canonical_json(data: object) -> bytes:
    """Canonical UTF-8 JSON: sorted keys, no whitespace, no ASCII escaping, no NaN."""
    return json.dumps(
        data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"non-standard JSON constant {name}")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _depth(value: object) -> int:
    """Nesting depth of containers (a flat object is 1), computed without recursion."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item.values())
        elif isinstance(item, list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in item)
    return deepest


def _parse_object(raw: bytes, max_depth: int, what: str) -> dict[str, Any]:
    """Parse ``raw`` as one JSON object within ``max_depth``; BundleDamagedError otherwise."""
    # Each level needs an opening bracket, so few brackets means no deep walk is needed.
    may_be_deep = raw.count(b"{") + raw.count(b"[") > max_depth
    try:
        value = _DECODER.decode(raw.decode("utf-8"))
    except RecursionError:
        raise _damaged(f"{what} ist zu tief verschachtelt") from None
    except ValueError:
        raise _damaged(f"{what} ist kein gültiges JSON") from None
    if not isinstance(value, dict):
        raise _damaged(f"{what} ist kein JSON-Objekt")
    if may_be_deep and _depth(value) > max_depth:
        raise _damaged(f"{what} ist zu tief verschachtelt")
    return value


# --------------------------------------------------------------------------- reading


def _parse_identities(identities: Sequence[str]) -> list[Any]:
    if not identities:
        raise ValueError("at least one age identity is needed")
    try:
        return [pyrage.x25519.Identity.from_str(i.strip()) for i in identities]
    except Exception as exc:
        raise ValueError("an age identity is malformed") from exc


def _read_limited(path: Path, max_bytes: int, too_large: BundleError) -> bytes:
    """The file's bytes, refusing files over ``max_bytes`` unread."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size > max_bytes:
                raise too_large
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise BundleError(
            f"Die Datei »{path.name}« konnte nicht gelesen werden ({exc.strerror}). "
            "Bitte den Datenträger prüfen und es erneut versuchen. Es wurde nichts verändert."
        ) from exc
    if len(data) > max_bytes:
        raise too_large
    return data


def _decrypt(path: Path, identities: Sequence[str], limits: BundleLimits) -> ChunkCursor:
    parsed = _parse_identities(identities)
    data = _read_limited(path, limits.max_file_bytes, _damaged("die Datei ist zu groß"))
    if not data.startswith(AGE_HEADER):
        raise _damaged("keine verschlüsselte Paketdatei")
    try:
        plain = age_stream.decrypt(data, parsed)
    except Exception as exc:
        if _NO_MATCH in str(exc).lower():
            raise NotAddressedHereError() from None
        raise _damaged("die Entschlüsselung ist fehlgeschlagen") from None
    return ChunkCursor(plain)


def _check_payload_fields(manifest: dict[str, Any], limits: BundleLimits) -> dict[str, Any]:
    payload = manifest.get("payload")
    if not isinstance(payload, dict):
        raise _damaged("die Inhaltsangabe nennt keine Nutzdaten")
    sha = payload.get("sha256")
    if not isinstance(sha, str) or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise _damaged("die Prüfsumme in der Inhaltsangabe ist ungültig")
    for key in ("size", "decompressed_size", "lines"):
        number = payload.get(key)
        if not isinstance(number, int) or isinstance(number, bool) or number < 0:
            raise _damaged("die Größenangaben in der Inhaltsangabe sind ungültig")
    if payload["decompressed_size"] > limits.max_decompressed_bytes:
        raise _damaged("die Nutzdaten sind entpackt größer als erlaubt")
    return payload


def _split(
    path: Path, identities: Sequence[str], limits: BundleLimits
) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """Decrypt and take apart; no signature or hash check yet."""
    plain = _decrypt(path, identities, limits)
    head = plain.take(len(MAGIC) + _LENGTH.size)
    if not head.startswith(MAGIC):
        raise _damaged("unbekannter Dateianfang")
    if len(head) < len(MAGIC) + _LENGTH.size:
        raise _damaged("die Datei endet vorzeitig")
    (manifest_len,) = _LENGTH.unpack_from(head, len(MAGIC))
    if manifest_len > limits.max_manifest_bytes:
        raise _damaged("die Inhaltsangabe ist zu groß")
    manifest_bytes = plain.take(manifest_len)
    signature = plain.take(SIGNATURE_BYTES)
    if len(manifest_bytes) < manifest_len or len(signature) < SIGNATURE_BYTES:
        raise _damaged("die Datei endet vorzeitig")
    payload = plain.rest()
    manifest = _parse_object(manifest_bytes, limits.max_depth, "die Inhaltsangabe")
    _check_payload_fields(manifest, limits)
    return manifest, manifest_bytes, signature, payload


def _check_payload_hash(manifest: dict[str, Any], payload: bytes) -> None:
    declared = manifest["payload"]
    if len(payload) != declared["size"]:
        raise _damaged("die Nutzdaten haben nicht die angegebene Größe")
    if hashlib.sha256(payload).hexdigest() != declared["sha256"]:
        raise _damaged("die Prüfsumme der Nutzdaten stimmt nicht")


def read_manifest_unverified(
    path: Path, identities: Sequence[str], limits: BundleLimits = BundleLimits()
) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """Decrypt and split a bundle WITHOUT checking who signed it.

    Useful to learn the sender from the manifest (e.g. for ``bundle inspect``);
    never act on the contents without :func:`open_bundle`.

    Returns:
        ``(manifest, manifest_bytes, signature, compressed_payload)``.

    Raises:
        BundleDamagedError: the file is truncated, altered, malformed or over a limit.
        NotAddressedHereError: none of ``identities`` can decrypt it.
        BundleError: the file cannot be read.
    """
    manifest, manifest_bytes, signature, payload = _split(path, identities, limits)
    _check_payload_hash(manifest, payload)
    return manifest, manifest_bytes, signature, payload


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle whose signature, hashes and every line have been checked."""

    manifest: dict[str, Any]
    manifest_bytes: bytes
    signature: bytes = field(repr=False)
    compressed_payload: bytes = field(repr=False)
    limits: BundleLimits = BundleLimits()

    def lines(self) -> Iterator[dict[str, Any]]:
        """Stream the payload's JSON objects, decompressing in bounded chunks.

        Each call starts from the beginning again.

        Raises:
            BundleDamagedError: a line is not a JSON object, too long or too deep, or sizes
                and counts differ from the manifest.
        """
        declared = self.manifest["payload"]
        declared_size: int = declared["decompressed_size"]
        declared_lines: int = declared["lines"]
        limits = self.limits
        inflater = zlib.decompressobj()
        pending = bytearray()
        total = 0
        count = 0
        tail = self.compressed_payload
        while not inflater.eof:
            try:
                out = inflater.decompress(tail, _CHUNK)
            except zlib.error:
                raise _damaged("die Nutzdaten lassen sich nicht entpacken") from None
            stalled = len(inflater.unconsumed_tail) == len(tail)
            tail = inflater.unconsumed_tail
            if not out:
                if not tail or stalled:
                    break
                continue
            total += len(out)
            if total > declared_size or total > limits.max_decompressed_bytes:
                raise _damaged("die Nutzdaten sind entpackt größer als angegeben")
            pending += out
            start = 0
            while (newline := pending.find(b"\n", start)) >= 0:
                if newline - start > limits.max_line_bytes:
                    raise _damaged("eine Zeile der Nutzdaten ist zu lang")
                count += 1
                if count > declared_lines:
                    raise _damaged("die Nutzdaten haben mehr Zeilen als angegeben")
                raw = bytes(pending[start:newline])
                start = newline + 1
                yield _parse_object(raw, limits.max_depth, "eine Zeile der Nutzdaten")
            del pending[:start]
            if len(pending) > limits.max_line_bytes:
                raise _damaged("eine Zeile der Nutzdaten ist zu lang")
        if not inflater.eof or inflater.unused_data or tail:
            raise _damaged("die Nutzdaten sind unvollständig")
        if pending:
            raise _damaged("die letzte Zeile der Nutzdaten ist unvollständig")
        if total != declared_size or count != declared_lines:
            raise _damaged("die Nutzdaten haben nicht die angegebene Größe")


def open_bundle(
    path: Path,
    identities: Sequence[str],
    signing_key_for: Callable[[dict[str, Any]], bytes],
    limits: BundleLimits = BundleLimits(),
    *,
    check_lines: bool = True,
) -> OpenedBundle:
    """Open a bundle and check all of it before returning.

    Args:
        path: the bundle file.
        identities: our age identities ("AGE-SECRET-KEY-1…").
        signing_key_for: returns the sender's 32-byte Ed25519 public key from the device
            registry for the (not yet trusted) manifest; may raise a BundleError itself.
        limits: size and nesting bounds.
        check_lines: parse every line once before returning. A caller that reads the
            lines inside a transaction it rolls back on any error may skip this pass:
            the signed hash already covers every byte.

    Raises:
        BundleDamagedError: truncated, altered, malformed or over a limit.
        NotAddressedHereError: none of ``identities`` can decrypt it.
        UntrustedSenderError: the signature does not match the registry's key.
        BundleError: the file cannot be read.
    """
    manifest, manifest_bytes, signature, payload = _split(path, identities, limits)
    public = signing_key_for(manifest)
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, MAGIC + manifest_bytes)
    except (InvalidSignature, ValueError, TypeError):
        raise UntrustedSenderError() from None
    _check_payload_hash(manifest, payload)
    opened = OpenedBundle(
        manifest=manifest,
        manifest_bytes=manifest_bytes,
        signature=signature,
        compressed_payload=payload,
        limits=limits,
    )
    if check_lines:
        for _ in opened.lines():
            pass
    return opened


# --------------------------------------------------------------------------- writing


def write_bundle(
    path: Path,
    manifest: dict[str, Any],
    payload_lines: Iterable[bytes],
    keys: DeviceKeys,
    recipients: Sequence[str],
    *,
    compression_level: int = 6,
) -> dict[str, Any]:
    """Write a bundle atomically, read it back, and return the final manifest.

    Args:
        path: the target file; a temp file beside it is renamed into place.
        manifest: the caller's manifest fields; ``payload`` is added (the dict passed in
            is not changed).
        payload_lines: each one JSON object as UTF-8, without a trailing newline.
        keys: the sender's keys; its own age recipient must be among ``recipients`` so
            the file can be read back.
        recipients: age recipients ("age1…").
        compression_level: zlib level; 1 or 3 trade a larger file for a faster export.

    Returns:
        The manifest as signed, including ``payload`` (sha256, size, decompressed_size, lines).

    Raises:
        ValueError: a recipient is malformed, the sender is not a recipient, or a line
            contains a newline.
        StorageFullError: the disk is full or not writable; no file is left behind.
        BundleError: the written file did not read back correctly; it was removed.
    """
    try:
        parsed = [pyrage.x25519.Recipient.from_str(r.strip()) for r in recipients]
    except Exception as exc:
        raise ValueError("an age recipient is malformed") from exc
    if keys.age_recipient not in {r.strip() for r in recipients}:
        raise ValueError("the sender's own age recipient must be among the recipients")

    compressor = zlib.compressobj(compression_level)
    digest = hashlib.sha256()
    chunks: list[bytes] = []
    compressed_size = decompressed = count = 0
    for line in payload_lines:
        if b"\n" in line:
            raise ValueError("a payload line must not contain a newline")
        for piece in (line, b"\n"):
            out = compressor.compress(piece)
            if out:
                chunks.append(out)
                digest.update(out)
                compressed_size += len(out)
        decompressed += len(line) + 1
        count += 1
    out = compressor.flush()
    chunks.append(out)
    digest.update(out)
    compressed_size += len(out)

    final = dict(manifest)
    final["payload"] = {
        "sha256": digest.hexdigest(),
        "size": compressed_size,
        "decompressed_size": decompressed,
        "lines": count,
    }
    manifest_bytes = canonical_json(final)
    signature = keys.sign(MAGIC + manifest_bytes)
    chunks[:0] = [MAGIC, _LENGTH.pack(len(manifest_bytes)), manifest_bytes, signature]
    encrypted = b"".join(age_stream.encrypt(chunks, parsed))
    del chunks
    atomic_write(path, encrypted)
    del encrypted

    try:
        # Byte for byte: what is on the disk decrypts to what we signed and hashed.
        # (Every line was made here by json.dumps; parsing them again proves nothing more.)
        back, back_bytes, back_signature, back_payload = _split(
            path, [keys.age_identity], BundleLimits()
        )
        if back_bytes != manifest_bytes or back_signature != signature:
            raise _damaged("die Inhaltsangabe weicht ab")
        _check_payload_hash(back, back_payload)
    except BundleError as exc:
        with contextlib.suppress(OSError):
            path.unlink()
        raise BundleError(
            "Die Paketdatei wurde geschrieben, ließ sich aber nicht fehlerfrei zurücklesen "
            f"({exc.message}) Sie wurde wieder gelöscht. Bitte den Datenträger prüfen "
            "oder einen anderen verwenden und erneut exportieren."
        ) from exc
    return back


# --------------------------------------------------------------------------- enrollment


def new_enrollment_code() -> str:
    """A fresh random code: 6 groups of 4 Crockford base32 characters (120 bits)."""
    raw = "".join(secrets.choice(_CROCKFORD) for _ in range(_CODE_LEN))
    return _group(raw)


def _group(raw: str) -> str:
    return "-".join(raw[i : i + _CODE_GROUP_LEN] for i in range(0, len(raw), _CODE_GROUP_LEN))


def normalize_code(text: str) -> str:
    """The canonical form of a typed code: uppercase, O→0, I/L→1, regrouped in fours."""
    cleaned = "".join(ch for ch in text.upper() if not ch.isspace() and ch not in "-–—_")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return _group(cleaned)


def _code_is_wellformed(normalized: str) -> bool:
    raw = normalized.replace("-", "")
    return len(raw) == _CODE_LEN and all(ch in _CROCKFORD for ch in raw)


def write_enrollment(path: Path, data: dict[str, Any], code: str) -> None:
    """Write ``data`` atomically, age-encrypted with the enrollment ``code`` as passphrase.

    Raises:
        ValueError: the code is not 24 Crockford base32 characters.
        StorageFullError: the disk is full or not writable.
    """
    normalized = normalize_code(code)
    if not _code_is_wellformed(normalized):
        raise ValueError("an enrollment code has 24 Crockford base32 characters")
    encrypted: bytes = pyrage.passphrase.encrypt(MAGIC_ENROLL + canonical_json(data), normalized)
    atomic_write(path, encrypted)


_WRONG_CODE = (
    "Der Einrichtungscode passt nicht zu dieser Datei. Bitte den Code genau so eingeben, "
    "wie ihn das Büro angezeigt hat."
)


def read_enrollment(path: Path, code: str, max_bytes: int = 1024**2) -> dict[str, Any]:
    """Decrypt an enrollment file with the typed ``code``.

    Raises:
        BundleError: the code does not fit (or is malformed), or the file cannot be read.
        BundleDamagedError: the file is truncated, altered, malformed or too large.
    """
    normalized = normalize_code(code)
    if not _code_is_wellformed(normalized):
        raise BundleError(
            "Der Einrichtungscode ist unvollständig oder enthält ungültige Zeichen: er "
            "besteht aus 6 Gruppen zu je 4 Zeichen. Bitte den Code genau so eingeben, "
            "wie ihn das Büro angezeigt hat."
        )
    data = _read_limited(path, max_bytes, _enroll_damaged("die Datei ist zu groß"))
    if not data.startswith(AGE_HEADER):
        raise _enroll_damaged("keine verschlüsselte Einrichtungsdatei")
    try:
        plain: bytes = pyrage.passphrase.decrypt(data, normalized)
    except Exception as exc:
        if "decryption failed" in str(exc).lower():
            raise BundleError(_WRONG_CODE) from None
        raise _enroll_damaged("die Entschlüsselung ist fehlgeschlagen") from None
    if not plain.startswith(MAGIC_ENROLL):
        raise _enroll_damaged("unbekannter Dateianfang")
    try:
        return _parse_object(plain[len(MAGIC_ENROLL) :], 32, "der Inhalt")
    except BundleDamagedError:
        raise _enroll_damaged("der Inhalt ist kein gültiges JSON-Objekt") from None

"""The bundle file format: real age encryption, real Ed25519 signatures, real files."""

from __future__ import annotations

import json
import os
import random
import shutil
import struct
import subprocess
import zlib
from pathlib import Path
from typing import Any

import pyrage
import pytest

from asd_desktop.models.errors import StorageFullError
from asd_desktop.storage import bundle_file as bf
from asd_desktop.storage.bundle_file import (
    MAGIC,
    BundleDamagedError,
    BundleError,
    BundleLimits,
    DeviceKeys,
    NotAddressedHereError,
    UntrustedSenderError,
    fingerprint,
    new_enrollment_code,
    normalize_code,
    open_bundle,
    read_enrollment,
    read_manifest_unverified,
    write_bundle,
    write_enrollment,
)

MANIFEST = {"bundle_id": "0190-abc", "kind": "full", "sender": "A", "note": "Hausbesuch ä ß"}


@pytest.fixture(scope="module")
def sender() -> DeviceKeys:
    return DeviceKeys.generate()


@pytest.fixture(scope="module")
def office() -> DeviceKeys:
    return DeviceKeys.generate()


def rows(n: int) -> list[dict[str, Any]]:
    return [
        {"id": f"row-{i}", "table": "goal", "text": f"Ziel Nummer {i} – Schule"} for i in range(n)
    ]


def encode(objs: list[dict[str, Any]]) -> list[bytes]:
    return [json.dumps(o, ensure_ascii=False).encode("utf-8") for o in objs]


def write(path: Path, sender: DeviceKeys, office: DeviceKeys, n: int = 20) -> dict[str, Any]:
    return write_bundle(
        path, MANIFEST, encode(rows(n)), sender, [office.age_recipient, sender.age_recipient]
    )


def forge(
    path: Path,
    manifest_bytes: bytes,
    payload: bytes,
    signer: DeviceKeys,
    recipient: DeviceKeys,
    *,
    signature: bytes | None = None,
) -> None:
    """Build a bundle by hand (as an attacker or a buggy writer could)."""
    sig = signature if signature is not None else signer.sign(MAGIC + manifest_bytes)
    plain = MAGIC + struct.pack(">I", len(manifest_bytes)) + manifest_bytes + sig + payload
    rec = pyrage.x25519.Recipient.from_str(recipient.age_recipient)
    path.write_bytes(pyrage.encrypt(plain, [rec]))


def forge_payload(
    path: Path,
    lines_blob: bytes,
    signer: DeviceKeys,
    recipient: DeviceKeys,
    *,
    decompressed_size: int | None = None,
    lines: int | None = None,
) -> None:
    import hashlib

    compressed = zlib.compress(lines_blob)
    manifest: dict[str, Any] = dict(MANIFEST)
    manifest["payload"] = {
        "sha256": hashlib.sha256(compressed).hexdigest(),
        "size": len(compressed),
        "decompressed_size": len(lines_blob) if decompressed_size is None else decompressed_size,
        "lines": lines_blob.count(b"\n") if lines is None else lines,
    }
    forge(path, bf.canonical_json(manifest), compressed, signer, recipient)


# --------------------------------------------------------------------------- keys


def test_device_keys_and_fingerprint(sender: DeviceKeys) -> None:
    assert len(sender.signing_private) == 32
    assert len(sender.signing_public) == 32
    assert sender.age_identity.startswith("AGE-SECRET-KEY-1")
    assert sender.age_recipient.startswith("age1")
    fp = sender.fingerprint
    groups = fp.split(" ")
    assert len(groups) == 8
    assert all(len(g) == 4 and g == g.upper() for g in groups)
    assert fp == fingerprint(sender.signing_public)
    assert fingerprint(b"\x00" * 32) != fp
    # Secrets stay out of reprs (and therefore out of logs and tracebacks).
    assert sender.age_identity not in repr(sender)
    with pytest.raises(ValueError, match="32 raw"):
        DeviceKeys(signing_private=b"short", age_identity=sender.age_identity)


# --------------------------------------------------------------------------- round trip


def test_round_trip(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "bundle.asdbundle"
    manifest = write(path, sender, office, n=50)
    assert manifest["kind"] == "full"
    assert manifest["note"] == MANIFEST["note"]
    assert "payload" not in MANIFEST  # the caller's dict is untouched
    payload = manifest["payload"]
    assert payload["lines"] == 50
    assert payload["decompressed_size"] == sum(len(line) + 1 for line in encode(rows(50)))
    assert len(payload["sha256"]) == 64
    assert payload["size"] > 0

    opened = open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    assert opened.manifest == manifest
    assert json.loads(opened.manifest_bytes) == manifest
    first = list(opened.lines())
    assert first == rows(50)
    assert list(opened.lines()) == first  # re-iterable

    # The sender reads its own archive copy, too.
    again = open_bundle(path, [sender.age_identity], lambda m: sender.signing_public)
    assert list(again.lines()) == rows(50)

    unverified, manifest_bytes, signature, compressed = read_manifest_unverified(
        path, [office.age_identity]
    )
    assert unverified == manifest
    assert manifest_bytes == opened.manifest_bytes
    assert len(signature) == 64
    assert len(compressed) == payload["size"]
    # No temp file is left beside the bundle.
    assert [p.name for p in tmp_path.iterdir()] == ["bundle.asdbundle"]


def test_empty_payload(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "empty.asdbundle"
    manifest = write(path, sender, office, n=0)
    assert manifest["payload"]["lines"] == 0
    opened = open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    assert list(opened.lines()) == []


def test_signing_key_lookup_sees_manifest(
    tmp_path: Path, sender: DeviceKeys, office: DeviceKeys
) -> None:
    path = tmp_path / "b.asdbundle"
    write(path, sender, office)
    seen: list[dict[str, Any]] = []

    def lookup(manifest: dict[str, Any]) -> bytes:
        seen.append(manifest)
        if manifest["sender"] == "A":
            raise UntrustedSenderError("Gerät A ist widerrufen.")
        return sender.signing_public

    with pytest.raises(UntrustedSenderError, match="widerrufen"):
        open_bundle(path, [office.age_identity], lookup)
    assert seen
    assert seen[0]["sender"] == "A"


def test_write_requires_sender_among_recipients(
    tmp_path: Path, sender: DeviceKeys, office: DeviceKeys
) -> None:
    path = tmp_path / "b.asdbundle"
    with pytest.raises(ValueError, match="own age recipient"):
        write_bundle(path, MANIFEST, encode(rows(2)), sender, [office.age_recipient])
    with pytest.raises(ValueError, match="malformed"):
        write_bundle(path, MANIFEST, encode(rows(2)), sender, ["age1kaputt", sender.age_recipient])
    with pytest.raises(ValueError, match="newline"):
        write_bundle(path, MANIFEST, [b'{"a":\n1}'], sender, [sender.age_recipient])
    assert not path.exists()


def test_written_file_is_age_and_no_plaintext(
    tmp_path: Path, sender: DeviceKeys, office: DeviceKeys
) -> None:
    path = tmp_path / "b.asdbundle"
    write(path, sender, office)
    data = path.read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    assert MAGIC not in data
    assert b"Hausbesuch" not in data
    assert b"Ziel Nummer" not in data
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.skipif(shutil.which("age") is None, reason="the Debian `age` tool is not installed")
def test_standard_age_tool_decrypts(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    write(path, sender, office)
    identity_file = tmp_path / "identity.txt"
    identity_file.write_text(office.age_identity + "\n")
    identity_file.chmod(0o600)
    result = subprocess.run(
        ["age", "-d", "-i", str(identity_file), str(path)], capture_output=True, check=True
    )
    assert result.stdout.startswith(MAGIC)
    (length,) = struct.unpack(">I", result.stdout[len(MAGIC) : len(MAGIC) + 4])
    manifest = json.loads(result.stdout[len(MAGIC) + 4 : len(MAGIC) + 4 + length])
    assert manifest["bundle_id"] == MANIFEST["bundle_id"]


# --------------------------------------------------------------------------- refusals


def test_wrong_identity(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    write(path, sender, office)
    stranger = DeviceKeys.generate()
    with pytest.raises(NotAddressedHereError) as info:
        open_bundle(path, [stranger.age_identity], lambda m: sender.signing_public)
    assert "anderes Gerät" in info.value.message
    with pytest.raises(NotAddressedHereError):
        read_manifest_unverified(path, [stranger.age_identity])


def test_signature_from_other_key(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    impostor = DeviceKeys.generate()
    # An impostor who knows the office's public key writes a bundle claiming to be A.
    write_bundle(
        path, MANIFEST, encode(rows(3)), impostor, [office.age_recipient, impostor.age_recipient]
    )
    with pytest.raises(UntrustedSenderError) as info:
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    assert "vertrauenswürdig" in info.value.message
    # A registry key of the wrong shape is refused the same way.
    with pytest.raises(UntrustedSenderError):
        open_bundle(path, [office.age_identity], lambda m: b"\x01" * 5)


def test_edited_manifest(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    write(path, sender, office)
    _manifest, manifest_bytes, signature, payload = read_manifest_unverified(
        path, [office.age_identity]
    )
    edited = manifest_bytes.replace(b'"kind":"full"', b'"kind":"incr"')
    assert edited != manifest_bytes
    forge(path, edited, payload, sender, office, signature=signature)
    with pytest.raises((BundleDamagedError, UntrustedSenderError)):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)

    # Payload swapped but manifest kept: the signed hash catches it.
    other = zlib.compress(b'{"a":1}\n')
    forge(path, manifest_bytes, other, sender, office, signature=signature)
    with pytest.raises(BundleDamagedError):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    with pytest.raises(BundleDamagedError):
        read_manifest_unverified(path, [office.age_identity])


def test_not_a_bundle(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    path.write_bytes(b"Hallo, ich bin keine Paketdatei.\n")
    with pytest.raises(BundleDamagedError):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    # An age file with something else inside.
    rec = pyrage.x25519.Recipient.from_str(office.age_recipient)
    path.write_bytes(pyrage.encrypt(b"just some text", [rec]))
    with pytest.raises(BundleDamagedError):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    with pytest.raises(BundleError) as info:
        open_bundle(tmp_path / "fehlt.asdbundle", [office.age_identity], lambda m: b"")
    assert "nicht gelesen" in info.value.message


def test_corruptions_and_truncations_are_all_refused(
    tmp_path: Path, sender: DeviceKeys, office: DeviceKeys
) -> None:
    source = tmp_path / "good.asdbundle"
    write(source, sender, office, n=5)
    good = source.read_bytes()
    target = tmp_path / "bad.asdbundle"
    rng = random.Random(20261124)
    variants: list[bytes] = []
    for _ in range(1000):
        flipped = bytearray(good)
        flipped[rng.randrange(len(flipped))] ^= rng.randrange(1, 256)
        variants.append(bytes(flipped))
    lengths = {0, 1, len(good) // 2, len(good) - 1, *(rng.randrange(len(good)) for _ in range(8))}
    variants.extend(good[:n] for n in sorted(lengths))

    kinds: dict[str, int] = {}
    messages: set[str] = set()
    for data in variants:
        assert data != good
        target.write_bytes(data)
        try:
            opened = open_bundle(target, [office.age_identity], lambda m: sender.signing_public)
        except BundleError as exc:
            messages.add(exc.message)
            kinds[type(exc).__name__] = kinds.get(type(exc).__name__, 0) + 1
        else:  # pragma: no cover - the assertion below is what fails
            pytest.fail(f"a damaged bundle was accepted: {opened.manifest}")
    assert sum(kinds.values()) == len(variants)
    assert kinds.get("BundleDamagedError", 0) > 500
    assert all(m.startswith("Die Paketdatei ") for m in messages)


# --------------------------------------------------------------------------- limits


def test_too_deep_line(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    deep = b'{"a":' * 40 + b"1" + b"}" * 40
    forge_payload(path, b'{"ok":1}\n' + deep + b"\n", sender, office)
    with pytest.raises(BundleDamagedError, match="verschachtelt"):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    # Deep enough to exhaust Python's recursion in the JSON parser: still a clean refusal.
    deeper = b"[" * 100_000 + b"]" * 100_000
    forge_payload(path, b'{"x":' + deeper + b"}\n", sender, office)
    with pytest.raises(BundleDamagedError):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    # The writer's read-back checks bytes (signature, hash), not JSON: a too-deep line it
    # was handed is written as given, and every reader refuses it.
    out = tmp_path / "w.asdbundle"
    write_bundle(out, MANIFEST, [deep], sender, [sender.age_recipient])
    with pytest.raises(BundleDamagedError, match="verschachtelt"):
        open_bundle(out, [sender.age_identity], lambda m: sender.signing_public)


def test_too_long_line(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    line = b'{"text":"' + b"x" * 10_000 + b'"}\n'
    forge_payload(path, line * 3, sender, office)
    small = BundleLimits(max_line_bytes=1000)
    with pytest.raises(BundleDamagedError, match="zu lang"):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public, small)
    # A line without any newline, far longer than the limit: refused without finishing it.
    forge_payload(path, b'{"t":"' + b"y" * 5_000_000, sender, office)
    with pytest.raises(BundleDamagedError, match="zu lang"):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public, small)
    # With the default limits the same three lines are fine.
    forge_payload(path, line * 3, sender, office)
    opened = open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    assert len(list(opened.lines())) == 3


def test_decompression_bomb(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    bomb = b'{"z":"' + b"0" * 50_000_000 + b'"}\n'  # 50 MB of zeros, about 50 kB compressed
    small = BundleLimits(max_decompressed_bytes=1_000_000)
    # Honest manifest: refused from the manifest alone.
    forge_payload(path, bomb, sender, office)
    with pytest.raises(BundleDamagedError, match="größer"):
        read_manifest_unverified(path, [office.age_identity], small)
    # Lying manifest (claims 1 kB): refused once the output passes the claim.
    forge_payload(path, bomb, sender, office, decompressed_size=1000)
    with pytest.raises(BundleDamagedError, match="größer"):
        open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    # File-size and manifest-size limits.
    write(path, sender, office)
    with pytest.raises(BundleDamagedError, match="zu groß"):
        open_bundle(
            path,
            [office.age_identity],
            lambda m: sender.signing_public,
            BundleLimits(max_file_bytes=100),
        )
    with pytest.raises(BundleDamagedError, match="zu groß"):
        open_bundle(
            path,
            [office.age_identity],
            lambda m: sender.signing_public,
            BundleLimits(max_manifest_bytes=10),
        )


def test_payload_counts_must_match(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    path = tmp_path / "b.asdbundle"
    body = b'{"a":1}\n{"b":2}\n'
    for kwargs in ({"lines": 1}, {"lines": 3}, {"decompressed_size": len(body) + 1}):
        forge_payload(path, body, sender, office, **kwargs)
        with pytest.raises(BundleDamagedError):
            open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
    for blob in (b'{"a":1}\n{"b":2}', b'{"a":1}\n[1]\n', b'{"a":1}\n\n', b'{"a":NaN}\n'):
        forge_payload(path, blob, sender, office)
        with pytest.raises(BundleDamagedError):
            open_bundle(path, [office.age_identity], lambda m: sender.signing_public)


# --------------------------------------------------------------------------- disk full


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores directory permissions")
def test_unwritable_folder(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StorageFullError) as info:
            write(folder / "b.asdbundle", sender, office)
        assert "Datenträger" in info.value.message
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_full_disk(tmp_path: Path, sender: DeviceKeys, office: DeviceKeys) -> None:
    """A really full disk: a 64 KiB tmpfs (needs the right to mount, e.g. root in a container)."""
    stick = tmp_path / "stick"
    stick.mkdir()
    mount = shutil.which("mount")
    umount = shutil.which("umount")
    if mount is None or umount is None:
        pytest.skip("mount/umount not available")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(stick)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not privileged)")
    try:
        # Incompressible random text so the bundle is far larger than the stick.
        rng = random.Random(7)
        big = [json.dumps({"t": rng.randbytes(3000).hex()}).encode() for _ in range(100)]
        with pytest.raises(StorageFullError) as info:
            write_bundle(
                stick / "b.asdbundle",
                MANIFEST,
                big,
                sender,
                [office.age_recipient, sender.age_recipient],
            )
        assert "voll" in info.value.message
        assert list(stick.iterdir()) == []
    finally:
        subprocess.run([umount, str(stick)], check=True)


# --------------------------------------------------------------------------- enrollment


def test_enrollment_code_shape() -> None:
    code = new_enrollment_code()
    groups = code.split("-")
    assert len(groups) == 6
    assert all(len(g) == 4 for g in groups)
    assert not set(code) & set("ILOU")
    assert normalize_code(code) == code
    assert new_enrollment_code() != code


def test_normalize_code() -> None:
    assert normalize_code("k7qm 2xhd abcd efgh jkmn pqrs") == "K7QM-2XHD-ABCD-EFGH-JKMN-PQRS"
    assert normalize_code("o0il-1111-2222-3333-4444-5555") == "0011-1111-2222-3333-4444-5555"
    assert normalize_code(" K7QM-2XHD-ABCD-EFGH-JKMN-PQRS\n") == "K7QM-2XHD-ABCD-EFGH-JKMN-PQRS"


ENROLL_DATA = {"device": "Laptop 3", "office": "Büro Süd", "keys": {"age": "x"}}


@pytest.fixture(scope="module")
def enrollment(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str]:
    """One enrollment file's bytes and its code (the passphrase KDF is slow on purpose)."""
    path = tmp_path_factory.mktemp("enroll") / "einrichtung.asdenroll"
    code = new_enrollment_code()
    write_enrollment(path, ENROLL_DATA, code)
    return path.read_bytes(), code


def test_enrollment_round_trip_and_wrong_code(
    tmp_path: Path, enrollment: tuple[bytes, str]
) -> None:
    raw, code = enrollment
    assert raw.startswith(b"age-encryption.org/v1\n")
    assert b"Laptop 3" not in raw
    path = tmp_path / "einrichtung.asdenroll"
    path.write_bytes(raw)
    # Typed sloppily: lower case, spaces instead of dashes.
    assert read_enrollment(path, code.lower().replace("-", " ")) == ENROLL_DATA

    wrong = new_enrollment_code()
    with pytest.raises(BundleError) as info:
        read_enrollment(path, wrong)
    assert info.value.message == (
        "Der Einrichtungscode passt nicht zu dieser Datei. Bitte den Code genau so eingeben, "
        "wie ihn das Büro angezeigt hat."
    )
    assert not isinstance(info.value, BundleDamagedError)
    with pytest.raises(BundleError, match="6 Gruppen"):
        read_enrollment(path, "ABC")
    with pytest.raises(ValueError, match="24 Crockford"):
        write_enrollment(tmp_path / "other", ENROLL_DATA, "zu-kurz")
    assert not (tmp_path / "other").exists()


def test_damaged_enrollment(tmp_path: Path, enrollment: tuple[bytes, str]) -> None:
    good, code = enrollment
    path = tmp_path / "einrichtung.asdenroll"
    for data in (b"", good[:10], good[:-1], good[:-20] + bytes([good[-20] ^ 1]) + good[-19:]):
        path.write_bytes(data)
        with pytest.raises(BundleDamagedError, match="Einrichtungsdatei"):
            read_enrollment(path, code)
    path.write_bytes(good + b"x" * 100)
    with pytest.raises(BundleDamagedError, match="zu groß"):
        read_enrollment(path, code, max_bytes=len(good))
    # Encrypted with the code, but not an enrollment inside.
    path.write_bytes(pyrage.passphrase.encrypt(b"hello", normalize_code(code)))
    with pytest.raises(BundleDamagedError):
        read_enrollment(path, code)


def test_compression_level_is_optional(
    tmp_path: Path, sender: DeviceKeys, office: DeviceKeys
) -> None:
    rng = random.Random(3)
    words = ["Schule", "Kita", "Termin", "Gespräch", "Mutter", "Vater", "Ziel", "Hilfeplan"]
    objs = [{"id": i, "text": " ".join(rng.choice(words) for _ in range(60))} for i in range(300)]
    sizes = []
    for level in (1, 9):
        path = tmp_path / f"b{level}.asdbundle"
        manifest = write_bundle(
            path,
            MANIFEST,
            encode(objs),
            sender,
            [office.age_recipient, sender.age_recipient],
            compression_level=level,
        )
        sizes.append(manifest["payload"]["size"])
        opened = open_bundle(path, [office.age_identity], lambda m: sender.signing_public)
        assert list(opened.lines()) == objs
    assert sizes[0] > sizes[1]

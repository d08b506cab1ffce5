"""age in chunks: same bytes as pyrage's one-shot calls, and other threads keep running."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pyrage
import pytest

from asd_desktop.storage import age_stream
from asd_desktop.storage.age_stream import ChunkCursor, _ChunkReader
from asd_desktop.storage.bundle_file import DeviceKeys, open_bundle, write_bundle

IDENTITY = pyrage.x25519.Identity.generate()
RECIPIENT = IDENTITY.to_public()


def test_reader_reads_across_chunk_boundaries() -> None:
    reader = _ChunkReader([b"ab", b"", b"cdef", b"g"])
    assert reader.read(3) == b"abc"
    assert reader.read(1) == b"d"
    assert reader.read(10) == b"efg"
    assert reader.read(10) == b""
    assert _ChunkReader([b"ab", b"cd"]).read() == b"abcd"


@pytest.mark.parametrize("size", [0, 1, 8191, 8192, 65536, 65537, 300_001])
def test_round_trip_and_interoperable_with_one_shot_calls(size: int) -> None:
    plain = os.urandom(size)
    pieces = [plain[i : i + 777] for i in range(0, size, 777)]
    encrypted = b"".join(age_stream.encrypt(pieces, [RECIPIENT]))
    assert encrypted.startswith(b"age-encryption.org/v1\n")
    assert pyrage.decrypt(encrypted, [IDENTITY]) == plain
    from_one_shot = pyrage.encrypt(plain, [RECIPIENT])
    assert b"".join(age_stream.decrypt(from_one_shot, [IDENTITY])) == plain


def test_wrong_identity_and_truncation_fail() -> None:
    encrypted = b"".join(age_stream.encrypt([os.urandom(100_000)], [RECIPIENT]))
    with pytest.raises(pyrage.DecryptError, match="No matching keys"):
        age_stream.decrypt(encrypted, [pyrage.x25519.Identity.generate()])
    with pytest.raises(Exception, match="decryption"):
        age_stream.decrypt(encrypted[:-10], [IDENTITY])


def test_cursor_takes_apart_without_losing_bytes() -> None:
    cursor = ChunkCursor([b"MAGIC", b"12", b"345678", b"rest", b"!"])
    assert cursor.take(4) == b"MAGI"
    assert cursor.take(3) == b"C12"
    assert cursor.take(0) == b""
    assert cursor.take(2) == b"34"
    assert cursor.rest() == b"5678rest!"
    assert cursor.take(5) == b""
    assert cursor.consumed == 18


@pytest.fixture
def fine_switching() -> Iterator[None]:
    """Hand the interpreter lock over every 0.1 ms, so a short run shows many hand-overs."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(0.0001)
    yield
    sys.setswitchinterval(before)


def beats_inside(work: Callable[[], object], monkeypatch: pytest.MonkeyPatch) -> int:
    """How often a second Python thread ran between the first and the last chunk of ``work``.

    Counted from inside the call (each chunk written notes the heartbeat's count), so the
    turns the heartbeat gets before the call starts or after it ends do not count.
    """
    stop = threading.Event()
    beats = 0
    seen: list[int] = []
    original = age_stream._ChunkWriter.write

    def noting_write(self: age_stream._ChunkWriter, data: bytes) -> int:
        seen.append(beats)
        return original(self, data)

    def heartbeat() -> None:
        nonlocal beats
        while not stop.is_set():
            beats += 1
            time.sleep(0)  # gives up the lock; coming back needs it again

    monkeypatch.setattr(age_stream._ChunkWriter, "write", noting_write)
    thread = threading.Thread(target=heartbeat)
    thread.start()
    try:
        work()
    finally:
        stop.set()
        thread.join()
        monkeypatch.undo()
    return seen[-1] - seen[0]


def test_other_threads_run_during_a_large_decrypt_and_encrypt(
    fine_switching: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pyrage.decrypt/encrypt hold the lock from start to end: no other thread runs
    # meanwhile. In chunks the heartbeat gets a turn at every hand-over (0.1 ms here).
    plain = os.urandom(8 * 1024 * 1024)
    encrypted = pyrage.encrypt(plain, [RECIPIENT])
    assert beats_inside(lambda: age_stream.decrypt(encrypted, [IDENTITY]), monkeypatch) >= 10
    assert beats_inside(lambda: age_stream.encrypt([plain], [RECIPIENT]), monkeypatch) >= 10


def test_bundles_never_use_the_one_shot_calls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> bytes:
        raise AssertionError("pyrage.encrypt/decrypt hold the interpreter lock throughout")

    monkeypatch.setattr(pyrage, "encrypt", refuse)
    monkeypatch.setattr(pyrage, "decrypt", refuse)
    keys = DeviceKeys.generate()
    path = tmp_path / "b.asdbundle"
    lines = [b'{"n":%d}' % i for i in range(5000)]
    write_bundle(path, {"kind": "full"}, lines, keys, [keys.age_recipient])
    opened = open_bundle(path, [keys.age_identity], lambda _m: keys.signing_public)
    assert [row["n"] for row in opened.lines()] == list(range(5000))

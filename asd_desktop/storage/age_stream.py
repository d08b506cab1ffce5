"""age encryption and decryption that let the other Python threads run meanwhile.

``pyrage.encrypt``/``pyrage.decrypt`` do all their work in Rust without releasing the
interpreter lock (GIL): on a 150 MB bundle no other Python thread runs for 0.3-0.5 s, and
a window whose bundle import runs on a worker thread freezes for that long anyway.

``pyrage.encrypt_io``/``pyrage.decrypt_io`` produce the same age v1 bytes but pull their
input through the reader's ``read`` (8 KiB a call) and push their output through the
writer's ``write`` (64 KiB when encrypting, 8 KiB when decrypting). Here both are methods
written in Python, so the interpreter runs between every two chunks and hands the lock to
a waiting thread (the GUI thread) once the switch interval (5 ms) has passed. A thread is
then never kept waiting longer than the switch interval plus one chunk's work.

Everything stays in memory: the plaintext is a list of byte chunks, never a file. Joining
such a list with ``b"".join`` releases the lock for joins over 1 MiB; slicing one large
``bytes`` object does not, so callers take chunks apart instead of slicing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyrage


class _ChunkReader:
    """A binary reader over byte chunks whose ``read`` is Python code (see the module doc)."""

    def __init__(self, chunks: Sequence[bytes]) -> None:
        self._chunks = chunks
        self._index = 0
        self._offset = 0

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left when ``size`` is negative); b"" at the end."""
        if size is None or size < 0:
            size = sum(len(c) for c in self._chunks[self._index :]) - self._offset
        out: list[bytes] = []
        while size > 0 and self._index < len(self._chunks):
            chunk = self._chunks[self._index]
            start = self._offset
            take = min(size, len(chunk) - start)
            out.append(chunk[start : start + take])
            size -= take
            if start + take == len(chunk):
                self._index += 1
                self._offset = 0
            else:
                self._offset = start + take
        return b"".join(out)


class _ChunkWriter:
    """A binary writer that keeps what it is given as a list of chunks."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []

    def write(self, data: bytes) -> int:
        """Keep ``data`` (pyrage passes ``bytes``; anything else is copied)."""
        self.chunks.append(data if type(data) is bytes else bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing is buffered."""


def encrypt(plaintext: Sequence[bytes], recipients: Sequence[Any]) -> list[bytes]:
    """The age v1 encryption of the concatenated ``plaintext`` chunks, as chunks.

    Args:
        plaintext: the plaintext in pieces of any size.
        recipients: parsed pyrage recipients (e.g. ``pyrage.x25519.Recipient``).

    Raises:
        pyrage.EncryptError: as ``pyrage.encrypt`` would.
    """
    writer = _ChunkWriter()
    pyrage.encrypt_io(_ChunkReader(plaintext), writer, list(recipients))
    return writer.chunks


def decrypt(ciphertext: bytes, identities: Sequence[Any]) -> list[bytes]:
    """The plaintext of the age v1 file ``ciphertext``, as chunks.

    Args:
        ciphertext: the whole age file.
        identities: parsed pyrage identities (e.g. ``pyrage.x25519.Identity``).

    Raises:
        pyrage.DecryptError: no identity matches ("No matching keys found") or the header
            is malformed.
        OSError: the payload is truncated or altered ("decryption error").
    """
    writer = _ChunkWriter()
    pyrage.decrypt_io(_ChunkReader([ciphertext]), writer, list(identities))
    return writer.chunks


class ChunkCursor:
    """Takes a chunked plaintext apart front to back without slicing one large buffer."""

    def __init__(self, chunks: list[bytes]) -> None:
        """Take over ``chunks`` (the list is emptied as it is consumed)."""
        self._chunks = chunks
        self._chunks.reverse()
        self.consumed = 0

    def take(self, size: int) -> bytes:
        """The next ``size`` bytes, or fewer when the plaintext ends before."""
        out: list[bytes] = []
        while size > 0 and self._chunks:
            chunk = self._chunks.pop()
            if len(chunk) > size:
                self._chunks.append(chunk[size:])
                chunk = chunk[:size]
            out.append(chunk)
            size -= len(chunk)
        data = b"".join(out)
        self.consumed += len(data)
        return data

    def rest(self) -> bytes:
        """All that is left (joined without holding the interpreter lock when large)."""
        self._chunks.reverse()
        data = b"".join(self._chunks)
        self._chunks.clear()
        self.consumed += len(data)
        return data

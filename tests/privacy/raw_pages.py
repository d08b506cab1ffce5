"""Read an SQLCipher 4 database file page by page, decrypted, free pages included.

SQLCipher 4 (raw key, no KDF): every page is AES-256-CBC encrypted; its IV sits right
after the encrypted part, in the page's reserved tail (IV 16 bytes + HMAC-SHA512 64
bytes = 80 bytes); page 1 begins with the 16-byte salt in clear. Reading the pages
directly (not through SQL) also finds what a deleted row left in a free page or in the
unused part of a page, which an export through SQL would never show.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16


def decrypted_pages(db_file: Path, key: bytes) -> Iterator[bytes]:
    """Every page of the file, decrypted (page 1 without its salt)."""
    data = db_file.read_bytes()
    assert len(data) % PAGE == 0, "not a whole number of 4 KiB pages"
    for number in range(len(data) // PAGE):
        raw = data[number * PAGE : (number + 1) * PAGE]
        start = SALT if number == 0 else 0
        iv = raw[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        page = decryptor.update(raw[start : PAGE - RESERVE]) + decryptor.finalize()
        if number == 0:
            # The header's page size (bytes 16-17) proves the key and the layout are right.
            assert page[:2] == PAGE.to_bytes(2, "big"), "page 1 did not decrypt"
        yield page


def plaintext(db_file: Path, key: bytes) -> bytes:
    """The whole file decrypted, page after page."""
    return b"".join(decrypted_pages(db_file, key))


def leftovers(db_file: Path, key: bytes, words: list[str]) -> list[str]:
    """Which of ``words`` still occur anywhere in the file (UTF-8 and UTF-16 looked for)."""
    text = plaintext(db_file, key)
    wal = db_file.with_name(db_file.name + "-wal")
    found = [w for w in words if w.encode() in text or w.encode("utf-16-le") in text]
    if wal.exists() and wal.stat().st_size:
        found.append(f"(WAL nicht leer: {wal.stat().st_size} Bytes)")
    return found

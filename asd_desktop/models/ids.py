"""Identifiers and clocks for records that travel: UUIDv7 and the hybrid logical clock."""

from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass


def uuid7(now_ms: int | None = None) -> str:
    """Return a new UUIDv7 (RFC 9562) as a string: 48-bit ms time, then random bits."""
    ms = int(time.time() * 1000) if now_ms is None else now_ms
    rand = int.from_bytes(os.urandom(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version
    value |= ((rand >> 62) & 0xFFF) << 64  # rand_a, 12 bits
    value |= 0b10 << 62  # variant
    value |= rand & ((1 << 62) - 1)  # rand_b, 62 bits
    return str(uuid.UUID(int=value))


@dataclass(frozen=True, order=True)
class Hlc:
    """A hybrid logical clock reading: wall milliseconds plus a logical counter."""

    wall_ms: int
    logical: int

    def encode(self) -> str:
        """Fixed-width hex text that sorts like the clock itself."""
        return f"{self.wall_ms:013x}{self.logical:06x}"

    @classmethod
    def decode(cls, text: str) -> Hlc:
        """Parse what :meth:`encode` wrote."""
        return cls(int(text[:13], 16), int(text[13:], 16))

    def tick(self, now_ms: int) -> Hlc:
        """The next local reading; never goes backwards even if the wall clock does."""
        if now_ms > self.wall_ms:
            return Hlc(now_ms, 0)
        return Hlc(self.wall_ms, self.logical + 1)

    def receive(self, other: Hlc, now_ms: int) -> Hlc:
        """The reading after seeing a remote clock (for imports)."""
        wall = max(self.wall_ms, other.wall_ms, now_ms)
        if wall == self.wall_ms == other.wall_ms:
            return Hlc(wall, max(self.logical, other.logical) + 1)
        if wall == self.wall_ms:
            return Hlc(wall, self.logical + 1)
        if wall == other.wall_ms:
            return Hlc(wall, other.logical + 1)
        return Hlc(wall, 0)

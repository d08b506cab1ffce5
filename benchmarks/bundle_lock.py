"""How long a bundle write or read keeps other Python threads from running.

    .venv/bin/python -m benchmarks.bundle_lock [--mib 150] [--one-shot]

Writes and opens a bundle of about ``--mib`` MiB (after compression) on a worker
thread while this thread beats every millisecond, and reports the wall time and the
longest gap between beats of each step. The garbage collector is off meanwhile, so the
gaps are the bundle code's own. ``--one-shot`` swaps the age step for
``pyrage.encrypt``/``pyrage.decrypt`` (what the bundle file used before) for comparison.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pyrage

from asd_desktop.storage import age_stream
from asd_desktop.storage.bundle_file import DeviceKeys, open_bundle, write_bundle

LINE_BYTES = 4096


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """Run ``work`` on a worker thread; (wall seconds, longest gap between 1 ms beats in ms)."""
    beats: list[float] = []
    done = threading.Event()

    def run() -> None:
        work()
        done.set()

    worker = threading.Thread(target=run)
    start = time.perf_counter()
    worker.start()
    while not done.is_set():
        beats.append(time.perf_counter())
        time.sleep(0.001)
    end = time.perf_counter()
    worker.join()
    points = [start, *beats, end]
    return end - start, max(b - a for a, b in itertools.pairwise(points)) * 1000


def one_shot() -> None:
    """Make the bundle file use pyrage's one-shot calls again."""

    def encrypt(plaintext: Sequence[bytes], recipients: Sequence[Any]) -> list[bytes]:
        return [pyrage.encrypt(b"".join(plaintext), list(recipients))]

    def decrypt(ciphertext: bytes, identities: Sequence[Any]) -> list[bytes]:
        return [pyrage.decrypt(ciphertext, list(identities))]

    age_stream.encrypt = encrypt
    age_stream.decrypt = decrypt


def main() -> int:
    """Measure and print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=150)
    parser.add_argument("--one-shot", action="store_true")
    args = parser.parse_args()
    if args.one_shot:
        one_shot()
    keys = DeviceKeys.generate()
    # Hex of random bytes is JSON-safe and compresses to about half: the age step then
    # sees about ``--mib`` MiB.
    lines = [
        b'{"x":"%s"}' % os.urandom(LINE_BYTES // 2).hex().encode()
        for _ in range(2 * args.mib * 1024 * 1024 // LINE_BYTES)
    ]
    gc.disable()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.asdbundle"
        write_s, write_gap = timed(
            lambda: write_bundle(
                path, {"kind": "full"}, lines, keys, [keys.age_recipient], compression_level=1
            )
        )
        size = path.stat().st_size / 1024**2
        open_s, open_gap = timed(
            lambda: open_bundle(
                path, [keys.age_identity], lambda _m: keys.signing_public, check_lines=False
            )
        )
    mode = "pyrage.encrypt/decrypt" if args.one_shot else "age_stream"
    print(f"{mode}: bundle {size:.0f} MiB", file=sys.stderr)
    print(f"  write_bundle {write_s:6.2f} s   longest gap {write_gap:6.1f} ms", file=sys.stderr)
    print(f"  open_bundle  {open_s:6.2f} s   longest gap {open_gap:6.1f} ms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

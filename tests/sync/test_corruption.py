"""Damaged bundles: 1,000 single-byte corruptions and truncations, SYNC.md scenarios 6 and 7.

Every damaged copy of a real bundle must be refused with a clear German message, leave the
office's dump unchanged and record nothing as imported; the intact bundle still imports.
"""

from __future__ import annotations

import hashlib
import random
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from asd_desktop.models import ActionGoal
from asd_desktop.models.errors import AsdError
from asd_desktop.models.sync import ImportedBundle
from tests.sync.trio import Node, Trio

CORRUPTIONS = 1000
NEW_TEXT = "Nach dem Hausbesuch neu formuliert"


def _fingerprint(node: Node) -> str:
    digest = hashlib.sha256()
    for line in node.dump():
        digest.update(line.encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _imported_count(node: Node) -> int:
    with node.ov.database.session_factory() as s:
        return int(s.scalar(select(func.count()).select_from(ImportedBundle)) or 0)


def _bundle_a_to_o(trio: Trio) -> tuple[Path, str]:
    """A real bundle from A to the office carrying one edited goal."""
    goal = trio.a.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text=NEW_TEXT)
    return trio.export(trio.a, trio.o), goal


def _refused(node: Node, path: Path) -> AsdError:
    """Import must fail with an AsdError whose German message says nothing changed."""
    with pytest.raises(AsdError) as caught:
        node.ov.sync.import_bundle(path)
    error = caught.value
    assert isinstance(error.message, str)
    assert error.message.strip()
    assert "Es wurde nichts verändert." in error.message, error.message
    return error


def _assert_intact_import(trio: Trio, path: Path, goal: str) -> None:
    report = trio.o.ov.sync.import_bundle(path)
    assert not report.already_imported
    assert trio.o.get(ActionGoal, goal).text == NEW_TEXT


def test_1000_corruptions_and_truncations_are_refused_and_change_nothing(
    trio: Trio, tmp_path: Path
) -> None:
    path, goal = _bundle_a_to_o(trio)
    original = path.read_bytes()
    size = len(original)
    assert size > 1000
    rng = random.Random(5)
    damaged: list[tuple[str, bytes]] = []
    for _ in range(CORRUPTIONS):
        flipped = bytearray(original)
        offset = rng.randrange(size)
        flipped[offset] ^= rng.randrange(1, 256)
        damaged.append((f"byte {offset}", bytes(flipped)))
    lengths = [0, 1, size // 2, size - 1, *(rng.randrange(size) for _ in range(5))]
    damaged += [(f"truncated to {n}", original[:n]) for n in lengths]

    fingerprint_before = _fingerprint(trio.o)
    imported_before = _imported_count(trio.o)
    kinds: dict[str, int] = {}
    bad = tmp_path / "damaged.asdbundle"
    started = time.perf_counter()
    for label, data in damaged:
        assert data != original, label
        bad.write_bytes(data)
        error = _refused(trio.o, bad)
        kinds[type(error).__name__] = kinds.get(type(error).__name__, 0) + 1
        assert _fingerprint(trio.o) == fingerprint_before, label
        assert _imported_count(trio.o) == imported_before, label
    elapsed = time.perf_counter() - started

    assert sum(kinds.values()) == CORRUPTIONS + len(lengths)
    assert elapsed < 60, f"{elapsed:.1f} s for {len(damaged)} damaged bundles"
    assert trio.o.get(ActionGoal, goal).text != NEW_TEXT
    # The untouched file is accepted: the copies were refused for their damage alone.
    _assert_intact_import(trio, path, goal)
    assert _imported_count(trio.o) == imported_before + 1


@pytest.mark.parametrize("keep", ["one byte", "half"])
def test_6_truncated_bundle_is_refused_and_nothing_recorded(
    trio: Trio, tmp_path: Path, keep: str
) -> None:
    path, goal = _bundle_a_to_o(trio)
    original = path.read_bytes()
    bad = tmp_path / "truncated.asdbundle"
    bad.write_bytes(original[:1] if keep == "one byte" else original[: len(original) // 2])
    dump_before = trio.o.dump()
    imported_before = _imported_count(trio.o)

    error = _refused(trio.o, bad)

    assert "beschädigt oder unvollständig" in error.message
    assert trio.o.dump() == dump_before
    assert _imported_count(trio.o) == imported_before
    assert trio.o.ov.sync.status().peers  # the registry is still there
    _assert_intact_import(trio, path, goal)


def test_7_one_flipped_bit_in_the_middle_is_refused(trio: Trio, tmp_path: Path) -> None:
    path, goal = _bundle_a_to_o(trio)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x08
    bad = tmp_path / "flipped.asdbundle"
    bad.write_bytes(bytes(data))
    dump_before = trio.o.dump()
    imported_before = _imported_count(trio.o)

    _refused(trio.o, bad)

    assert trio.o.dump() == dump_before
    assert _imported_count(trio.o) == imported_before
    _assert_intact_import(trio, path, goal)

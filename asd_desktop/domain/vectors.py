"""Version vectors: pure functions that decide causality (never a clock)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

Vector = Mapping[str, int]

#: The keys of a travelling field map that describe the version, not the record's content.
VERSION_KEYS = frozenset({"version_vector", "origin_device", "origin_counter", "hlc"})


def dominates(a: Vector, b: Vector) -> bool:
    """True if ``a`` has seen everything ``b`` has (a ≥ b, equality included)."""
    return all(a.get(device, 0) >= counter for device, counter in b.items())


def concurrent(a: Vector, b: Vector) -> bool:
    """Neither has seen the other: an edit on each side."""
    return not dominates(a, b) and not dominates(b, a)


def join(vectors: Iterable[Vector]) -> dict[str, int]:
    """The smallest vector that dominates all given ones."""
    out: dict[str, int] = {}
    for vector in vectors:
        for device, counter in vector.items():
            if counter > out.get(device, 0):
                out[device] = counter
    return out


def meet(vectors: Iterable[Vector]) -> dict[str, int]:
    """What every given vector has seen (pointwise minimum; absent counts as 0)."""
    items = list(vectors)
    if not items:
        return {}
    devices = set().union(*(v.keys() for v in items))
    out = {d: min(v.get(d, 0) for v in items) for d in devices}
    return {d: c for d, c in out.items() if c > 0}


def winner_key(version: dict[str, Any]) -> tuple[bool, str, str]:
    """Order of the provisional winner: not deleted first, then higher HLC, then device id."""
    return (not version["deleted"], str(version["hlc"]), str(version["origin_device"]))


def content(version: Mapping[str, Any]) -> dict[str, Any]:
    """The record's fields without its version bookkeeping."""
    return {k: v for k, v in version.items() if k not in VERSION_KEYS}


def vector_of(version: Mapping[str, Any]) -> dict[str, int]:
    """The version vector of a field map, checked to be device → positive counter."""
    raw = version.get("version_vector")
    if not isinstance(raw, dict):
        raise ValueError("version_vector")
    out: dict[str, int] = {}
    for device, counter in raw.items():
        if not isinstance(device, str) or type(counter) is not int or counter < 0:
            raise ValueError("version_vector")
        out[device] = counter
    return out


def merge_versions(
    stored: list[dict[str, Any]], arriving: dict[str, Any]
) -> list[dict[str, Any]] | None:
    """The versions to keep after ``arriving`` meets ``stored``; None if nothing changes.

    The first element is the provisional winner, the rest are conflicting siblings.
    Versions with equal content (or all deleted) collapse into one whose vector is
    their join, so equal values are never reported as a conflict.
    """
    new_vector = vector_of(arriving)
    if not stored:
        return [arriving]
    if any(dominates(vector_of(s), new_vector) for s in stored):
        return None
    kept = [s for s in stored if not dominates(new_vector, vector_of(s))]
    kept.append(arriving)
    return collapse(kept)


def collapse(versions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join versions that say the same thing; winner first, then siblings in a stable order."""
    if all(v["deleted"] for v in versions):
        groups = [versions]
    else:
        groups = []
        for version in versions:
            body = content(version)
            for group in groups:
                if content(group[0]) == body:
                    group.append(version)
                    break
            else:
                groups.append([version])
    merged: list[dict[str, Any]] = []
    for group in groups:
        top: dict[str, Any] = max(group, key=winner_key)
        if len(group) > 1:
            # A new map: the caller can tell a joined version from the ones it gave.
            top = {**top, "version_vector": join(vector_of(v) for v in group)}
        merged.append(top)
    merged.sort(key=winner_key, reverse=True)
    return merged


def covered(vector: Vector, knowledge: Vector) -> bool:
    """True if ``knowledge`` includes every edit in ``vector``."""
    return dominates(knowledge, vector)

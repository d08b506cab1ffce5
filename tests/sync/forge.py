"""Rewriting real bundles for the tests that need a foreign, altered or newer one."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select

from asd_desktop.models.sync import SyncDevice, SyncIdentity
from asd_desktop.storage.bundle_file import DeviceKeys, read_manifest_unverified, write_bundle
from tests.sync.trio import Node


def keys_of(node: Node) -> DeviceKeys:
    with node.ov.database.session_factory() as s:
        ident = s.get(SyncIdentity, 1)
        assert ident is not None
        return DeviceKeys(signing_private=ident.signing_private, age_identity=ident.age_identity)


def recipient_of(holder: Node, device_id: str) -> str:
    """The age recipient of ``device_id`` as ``holder``'s registry knows it."""
    with holder.ov.database.session_factory() as s:
        device = s.scalar(select(SyncDevice).where(SyncDevice.device_id == device_id))
        assert device is not None
        return device.age_recipient


def rewrite(
    path: Path,
    sender: Node,
    out: Path,
    *,
    keys: DeviceKeys | None = None,
    recipients: list[str],
    manifest_change: Callable[[dict[str, Any]], None] | None = None,
    line_change: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
) -> Path:
    """Decrypt a real bundle with the sender's archive key and write it again, altered."""
    sender_keys = keys_of(sender)
    manifest, _raw, _sig, payload = read_manifest_unverified(path, [sender_keys.age_identity])
    lines = [json.loads(x) for x in zlib.decompress(payload).splitlines()]
    if line_change is not None:
        lines = [line_change(x) for x in lines]
    manifest = {k: v for k, v in manifest.items() if k != "payload"}
    if manifest_change is not None:
        manifest_change(manifest)
    signer = keys or sender_keys
    write_bundle(
        out,
        manifest,
        (json.dumps(x, ensure_ascii=False, sort_keys=True).encode() for x in lines),
        signer,
        [*recipients, signer.age_recipient],
    )
    return out

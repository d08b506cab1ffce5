"""SYNC.md scenarios 8, 9, 10 and 19: whom to trust, and all-or-nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from asd_desktop.models import ActionGoal
from asd_desktop.models.errors import AsdError
from asd_desktop.models.progress import OperationToken
from asd_desktop.services import vault
from asd_desktop.services.sync.exchange import RestoredDeviceError
from asd_desktop.storage.bundle_file import (
    DeviceKeys,
    NotAddressedHereError,
    UntrustedSenderError,
)
from tests.conftest import PASSPHRASE
from tests.sync.forge import recipient_of, rewrite
from tests.sync.trio import Node, Trio, open_copy


def _imported_count(node: Node) -> int:
    from sqlalchemy import func, select

    from asd_desktop.models.sync import ImportedBundle

    with node.ov.database.session_factory() as s:
        return int(s.scalar(select(func.count()).select_from(ImportedBundle)) or 0)


def test_8_unknown_key_claiming_to_be_a_is_untrusted(trio: Trio, tmp_path: Path) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="echt von A")
    real = trio.export(trio.a, trio.o)
    o_recipient = recipient_of(trio.a, trio.o.device_id)
    forged = rewrite(
        real,
        trio.a,
        tmp_path / "forged.asdbundle",
        keys=DeviceKeys.generate(),
        recipients=[o_recipient],
        line_change=lambda x: (
            {**x, "r": {**x["r"], "text": "untergeschoben"}} if x["t"] == "action_goals" else x
        ),
    )
    before = trio.o.dump()
    with pytest.raises(UntrustedSenderError) as err:
        trio.o.ov.sync.import_bundle(forged)
    assert "nicht vertrauenswürdig" in err.value.message
    assert trio.o.dump() == before
    assert _imported_count(trio.o) == 0


def test_8_fingerprint_of_another_key_is_untrusted(trio: Trio, tmp_path: Path) -> None:
    fake = DeviceKeys.generate()
    real = trio.export(trio.a, trio.o)
    forged = rewrite(
        real,
        trio.a,
        tmp_path / "forged.asdbundle",
        keys=fake,
        recipients=[recipient_of(trio.a, trio.o.device_id)],
        manifest_change=lambda m: m["sender"].update(key_fingerprint=fake.fingerprint),
    )
    before = trio.o.dump()
    with pytest.raises(UntrustedSenderError):
        trio.o.ov.sync.import_bundle(forged)
    assert trio.o.dump() == before


def test_9_revoked_device_is_refused(trio: Trio) -> None:
    goal = trio.o.first_goal_ids(1)[0]
    trio.a.edit(ActionGoal, goal, text="nach der Sperre")
    path = trio.export(trio.a, trio.o)
    trio.o.ov.sync.revoke(trio.a.device_id)
    before = trio.o.dump()
    with pytest.raises(UntrustedSenderError) as err:
        trio.o.ov.sync.import_bundle(path)
    assert "gesperrt" in err.value.message
    assert trio.o.dump() == before
    with pytest.raises(AsdError):
        trio.o.ov.sync.export(trio.a.device_id, trio.stick)


def test_9_bundle_for_another_device_is_refused(trio: Trio) -> None:
    to_a = trio.export(trio.o, trio.a)
    before_b = trio.b.dump()
    with pytest.raises(NotAddressedHereError):
        trio.b.ov.sync.import_bundle(to_a)
    assert trio.b.dump() == before_b
    # The office can decrypt its own archive copy, but it is addressed to A.
    before_o = trio.o.dump()
    with pytest.raises(NotAddressedHereError) as err:
        trio.o.ov.sync.import_bundle(to_a)
    assert "anderes Gerät" in err.value.message
    assert trio.o.dump() == before_o


def test_10_failure_in_the_middle_rolls_back_and_retry_equals_clean(
    trio: Trio, trio_template: Path, tmp_path: Path
) -> None:
    for goal in trio.o.first_goal_ids(3):
        trio.a.edit(ActionGoal, goal, text=f"Änderung {goal[-4:]}")
    path = trio.export(trio.a, trio.o)
    calls = []

    class PowerCut(OperationToken):
        def progress(self, done: int, total: int) -> None:
            calls.append(done)
            if done == total:  # every row merged, nothing committed yet
                raise OSError("Stromausfall mitten im Zusammenführen")

    before = trio.o.dump()
    with pytest.raises(OSError, match="Stromausfall"):
        trio.o.ov.sync.import_bundle(path, PowerCut())
    assert trio.o.dump() == before
    assert _imported_count(trio.o) == 0
    trio.o.ov.sync.import_bundle(path)
    retried = trio.o.dump()
    clean = open_copy(trio_template, tmp_path / "clean")
    try:
        clean.o.ov.sync.import_bundle(path)
        assert clean.o.dump() == retried
    finally:
        for node in (clean.o, clean.a, clean.b):
            node.ov.close()


def test_19_laptop_notices_the_office_knows_more_of_it(trio: Trio, tmp_path: Path) -> None:
    a_dir = trio.a.ov.data_dir
    trio.a.ov.close()
    shutil.copytree(a_dir, tmp_path / "sicherung")
    trio.a = _reopen(trio.a, a_dir)
    for goal in trio.o.first_goal_ids(2):
        trio.a.edit(ActionGoal, goal, text="vor dem Ausfall")
    trio.send(trio.a, trio.o)
    trio.a.ov.close()
    shutil.rmtree(a_dir)
    shutil.copytree(tmp_path / "sicherung", a_dir)
    trio.a = _reopen(trio.a, a_dir)
    before = trio.a.dump()
    with pytest.raises(RestoredDeviceError) as err:
        trio.a.ov.sync.import_bundle(trio.export(trio.o, trio.a))
    assert "neu einrichten" in err.value.message
    assert trio.a.dump() == before


def _reopen(node: Node, data_dir: Path) -> Node:
    return Node(node.name, vault.unlock_vault(data_dir, PASSPHRASE))


def test_19_restored_laptop_is_refused_until_enrolled_again(trio: Trio, tmp_path: Path) -> None:
    a_dir = trio.a.ov.data_dir
    g1, g2 = trio.o.first_goal_ids(2)
    trio.a.ov.close()
    shutil.copytree(a_dir, tmp_path / "sicherung")
    trio.a = _reopen(trio.a, a_dir)
    trio.a.edit(ActionGoal, g1, text="nach der Sicherung")
    trio.send(trio.a, trio.o)
    # The laptop dies; its backup is played back.
    trio.a.ov.close()
    shutil.rmtree(a_dir)
    shutil.copytree(tmp_path / "sicherung", a_dir)
    trio.a = _reopen(trio.a, a_dir)
    trio.a.edit(ActionGoal, g2, text="auf der zurückgespielten Sicherung")
    path = trio.export(trio.a, trio.o)
    before = trio.o.dump()
    with pytest.raises(RestoredDeviceError) as err:
        trio.o.ov.sync.import_bundle(path)
    assert "Sicherung" in err.value.message
    assert trio.o.dump() == before
    blocked = [d for d in trio.o.ov.sync.devices() if d.device_id == trio.a.device_id]
    assert blocked[0].blocked_reason == "restored"
    # A later bundle is refused as well, and the office sends nothing to it.
    with pytest.raises(RestoredDeviceError):
        trio.o.ov.sync.import_bundle(trio.export(trio.a, trio.o))
    with pytest.raises(AsdError, match="Sicherung"):
        trio.export(trio.o, trio.a)
    # Enrolled again (replacing the old identity): its edit arrives, the old one is kept.
    enrollment = trio.o.ov.sync.enroll("Laptop A (neu)", tmp_path / "neu", trio.a.device_id)
    trio.a.ov.sync.join(enrollment.path, enrollment.code)
    trio.send(trio.a, trio.o)
    assert trio.o.get(ActionGoal, g1).text == "nach der Sicherung"
    assert trio.o.get(ActionGoal, g2).text == "auf der zurückgespielten Sicherung"
    trio.send(trio.o, trio.a)
    assert trio.a.get(ActionGoal, g1).text == "nach der Sicherung"

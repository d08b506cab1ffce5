"""The exchange's states are enums whose values are the strings stored since the start."""

from __future__ import annotations

from asd_desktop.domain.sync_states import AssignmentState, BlockedReason, DeviceRole


def test_the_stored_strings_stay_the_same():
    # Stored in sync_identity, sync_devices and sync_assignments; no migration changes them.
    assert [r.value for r in DeviceRole] == ["office", "laptop"]
    assert [s.value for s in AssignmentState] == ["active", "withdrawing"]
    assert [b.value for b in BlockedReason] == ["", "restored"]


def test_a_member_equals_the_plain_string_read_from_the_database():
    assert DeviceRole("laptop") is DeviceRole.LAPTOP
    stored: str = "withdrawing"  # as a column reads back
    assert stored == AssignmentState.WITHDRAWING
    counts: dict[str, int] = {AssignmentState.ACTIVE: 1}
    assert counts["active"] == 1
    assert f"{BlockedReason.RESTORED}" == "restored"
    assert not BlockedReason.NONE


def test_roles_have_german_labels():
    assert (DeviceRole.OFFICE.label, DeviceRole.LAPTOP.label) == ("Büro", "Laptop")

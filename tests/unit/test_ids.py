import uuid

from hypothesis import given
from hypothesis import strategies as st

from asd_desktop.models.ids import Hlc, uuid7


def test_uuid7_has_version_and_variant_and_sorts_by_time():
    a, b = uuid7(1_700_000_000_000), uuid7(1_700_000_000_001)
    ua = uuid.UUID(a)
    assert ua.version == 7
    assert ua.variant == uuid.RFC_4122
    assert a < b
    assert int(ua.hex[:12], 16) == 1_700_000_000_000


def test_uuid7_is_unique_within_one_millisecond():
    ids = {uuid7(42) for _ in range(1000)}
    assert len(ids) == 1000


@given(
    st.integers(min_value=0, max_value=2**44),
    st.integers(min_value=0, max_value=1000),
    st.lists(st.integers(min_value=0, max_value=2**44), min_size=1, max_size=30),
)
def test_hlc_tick_is_strictly_increasing_even_when_the_wall_clock_goes_back(wall, logical, nows):
    clock = Hlc(wall, logical)
    for now in nows:
        nxt = clock.tick(now)
        assert nxt > clock
        assert nxt.encode() > clock.encode()
        assert Hlc.decode(nxt.encode()) == nxt
        clock = nxt


@given(
    st.integers(min_value=0, max_value=2**44),
    st.integers(min_value=0, max_value=2**44),
    st.integers(min_value=0, max_value=1000),
    st.integers(min_value=0, max_value=2**44),
)
def test_hlc_receive_dominates_both_sides(local_wall, remote_wall, logical, now):
    local, remote = Hlc(local_wall, logical), Hlc(remote_wall, logical)
    after = local.receive(remote, now)
    assert after > local
    assert after > remote

"""An entrusted contact stays on the laptop until a consent to pass it on is recorded."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from asd_desktop.domain.entrusted import Exit
from asd_desktop.domain.enums import ContactKind
from asd_desktop.models import Contact, Step
from asd_desktop.services.cases import ContactInput
from asd_desktop.services.entrusted import ConsentInput, EntrustedService
from tests.sync.trio import Trio


def test_entrusted_contact_travels_only_with_a_consent(trio: Trio) -> None:
    a, o = trio.a, trio.o
    case_id = a.case_ids()[0]
    contact = a.ov.cases.record_contact(
        case_id,
        ContactInput(
            occurred_at=dt.datetime(2026, 11, 20, 15),
            kind=ContactKind.HOME_VISIT_ANNOUNCED,
            note="Die Tochter erzählt vom Streit, nur für die Fachkraft",
            next_step="Gespräch allein mit der Tochter",
            next_step_due=dt.date(2026, 12, 1),
            entrusted_by="Tochter",
        ),
    )
    result = a.ov.sync.export(o.device_id, trio.stick)
    assert result.entrusted_held == 1
    o.ov.sync.import_bundle(result.path)  # no missing parent: the step stayed behind too
    assert o.get(Contact, contact.id) is None
    with o.ov.database.session_factory() as s:
        assert s.scalar(select(Step.id).where(Step.contact_id == contact.id)) is None

    EntrustedService(a.ov.database.session_factory, a.device_id).record_consent(
        "contacts",
        contact.id,
        ConsentInput("Tochter", dt.date(2026, 11, 22), "Fallberatung im Team", (Exit.SHARING,)),
    )
    result = a.ov.sync.export(o.device_id, trio.stick)
    assert result.entrusted_held == 0
    o.ov.sync.import_bundle(result.path)
    arrived = o.get(Contact, contact.id)
    assert arrived is not None
    assert arrived.entrusted_by == "Tochter"
    with o.ov.database.session_factory() as s:
        assert s.scalar(select(Step.id).where(Step.contact_id == contact.id)) is not None

"""Filling an empty case file with the demo: the families, or thousands of generated cases."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session, sessionmaker

from asd_desktop.demo.families import family_specs
from asd_desktop.demo.generator import generate_specs
from asd_desktop.demo.network import write_network_demo
from asd_desktop.demo.sozialraum import write_sozialraum_demo
from asd_desktop.demo.specs import DemoSummary
from asd_desktop.demo.writer import Progress, write_in_batches, write_with_service
from asd_desktop.models.errors import ValidationError


def fill_demo(
    session_factory: sessionmaker[Session],
    device_id: str,
    *,
    cases: int | None,
    contacts_per_case: int,
    seed: int,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill an (empty) database with fictional cases.

    Args:
        session_factory: The open database's session factory (hooks installed).
        device_id: This database's device id, for the audit log.
        cases: None for the hand-written families, else the number of generated cases.
        contacts_per_case: Contacts per generated case (ignored for the families).
        seed: Seed of the generator; the same seed gives the same families.
        progress: Called with (cases done, cases total) after each batch.
        today: The day the data is anchored to (dates, overdue deadlines); default today.

    Returns:
        The counts of what was created.
    """
    day = today or dt.date.today()
    if cases is None:
        specs = family_specs(day)
        summary = write_with_service(session_factory, device_id, specs, progress)
        write_sozialraum_demo(session_factory, device_id, day)
        write_network_demo(session_factory, device_id, day)
        return summary
    if cases < 0 or contacts_per_case < 0:
        raise ValidationError(
            {"cases": "Die Anzahl der Fälle und Kontakte darf nicht negativ sein."}
        )
    return write_in_batches(
        session_factory,
        device_id,
        generate_specs(cases, contacts_per_case, seed, day),
        cases,
        progress,
    )

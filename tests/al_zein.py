"""The Al Zein family of the network-map tests: case 2026/0113 with Muharem and Nour."""

from __future__ import annotations

import datetime as dt

from asd_desktop.domain.enums import Area, Role
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, CaseRow, PersonInput, PersonView


def al_zein_case(opened: vault.OpenVault, today: dt.date) -> tuple[CaseRow, PersonView, PersonView]:
    """A new open case of the Al Zein family with its two children, Muharem and Nour."""
    detail = opened.cases.create_case(
        CaseInput("2026/0113", "Al Zein", today),
        AreaInput(Area.SERVICE, today, "Eltern melden sich selbst", "Frau Petersen"),
    )
    muharem, nour = (
        opened.cases.add_person(detail.id, PersonInput("Al Zein", first, roles=(Role.CHILD,)))
        for first in ("Muharem", "Nour")
    )
    return detail, muharem, nour

"""A Zehn-Minuten-Erkundung recorded, and taken into the catalogue as a new or updated entry."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtWidgets import QInputDialog, QWidget

from asd_desktop.models.errors import AsdError
from asd_desktop.services.sozialraum import (
    CatalogEntryInput,
    CatalogEntryView,
    ExplorationView,
    SozialraumService,
)
from asd_desktop.ui.dialogs.catalog_entry_dialog import CatalogEntryDialog
from asd_desktop.ui.dialogs.exploration_dialog import ExplorationDialog
from asd_desktop.ui.sozialraum_window.common import warn

NEW_ENTRY = "Neuer Eintrag"


def entry_input(view: CatalogEntryView) -> CatalogEntryInput:
    """A stored entry as the dialog's starting values."""
    return CatalogEntryInput(
        name=view.name,
        kind=view.kind,
        address=view.address,
        district=view.district,
        contact=view.contact,
        languages=view.languages,
        costs=view.costs,
        opening_hours=view.opening_hours,
        notes=view.notes,
        verified_on=view.verified_on,
    )


class TargetChoice:
    """Which entry an exploration goes into; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, names: Sequence[str]) -> int | None:
        """0 for a new entry, n for the n-th of ``names``; None if cancelled."""
        items = [NEW_ENTRY, *names]
        chosen, ok = QInputDialog.getItem(
            parent,
            "In den Katalog übernehmen",
            "Neuen Eintrag anlegen oder einen vorhandenen ergänzen:",
            items,
            0,
            False,
        )
        if not ok:
            return None
        return items.index(chosen)


def record_exploration(
    parent: QWidget | None, service: SozialraumService
) -> ExplorationView | None:
    """Ask for a Zehn-Minuten-Erkundung, store it, and take it into the catalogue if asked."""
    answer = ExplorationDialog.ask(parent, service.districts())
    if answer is None:
        return None
    value, to_catalog = answer
    try:
        stored = service.record_exploration(value)
    except AsdError as exc:
        warn(parent, "Erkundung nicht gespeichert", exc)
        return None
    if to_catalog:
        take_into_catalog(parent, service, stored)
        return service.exploration(stored.id)
    return stored


def take_into_catalog(
    parent: QWidget | None, service: SozialraumService, exploration: ExplorationView
) -> CatalogEntryView | None:
    """Turn an exploration into a new entry or update an entry from it, then link them."""
    target: CatalogEntryView | None = None
    if exploration.catalog_entry_id:
        target = service.entry(exploration.catalog_entry_id)
    else:
        entries = service.search()
        entries.sort(key=lambda e: e.name.casefold())
        if entries:
            choice = TargetChoice.ask(parent, [f"{e.name} ({e.kind})" for e in entries])
            if choice is None:
                return None
            target = entries[choice - 1] if choice > 0 else None
    if target is not None:
        learned = exploration.learned
        notes = target.notes if learned in target.notes else f"{target.notes}\n{learned}".strip()
        initial = replace(entry_input(target), notes=notes, verified_on=exploration.explored_on)
        title = f"Katalogeintrag ergänzen: {target.name}"
    else:
        initial = CatalogEntryInput(
            name="",
            kind="",
            district=exploration.district,
            notes=exploration.learned,
            verified_on=exploration.explored_on,
        )
        title = "Neuer Katalogeintrag aus der Erkundung"
    value = CatalogEntryDialog.ask(parent, service.kinds(), service.districts(), initial, title)
    if value is None:
        return None
    try:
        return service.exploration_to_entry(
            exploration.id, value, target.id if target is not None else None
        )
    except AsdError as exc:
        warn(parent, "Nicht in den Katalog übernommen", exc)
        return None

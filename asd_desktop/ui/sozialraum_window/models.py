"""The catalogue's and the explorations' tables."""

from __future__ import annotations

from typing import ClassVar

from asd_desktop.services.sozialraum import CatalogEntryView, ExplorationView
from asd_desktop.ui.rows_model import RowsModel
from asd_desktop.ui.widgets import german_date

LEARNED_COLUMN = 2


class CatalogModel(RowsModel[CatalogEntryView]):
    """The catalogue's table."""

    NAME, KIND, DISTRICT, LANGUAGES, CONTACT, HOURS, VERIFIED = range(7)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Name",
        "Art",
        "Stadtteil",
        "Sprachen",
        "Kontakt",
        "Öffnungszeiten",
        "Zuletzt geprüft",
    )

    def texts(self, value: CatalogEntryView) -> tuple[str, ...]:
        """Name, kind, district, languages, contact, hours, last verified."""
        return (
            value.name,
            value.kind,
            value.district,
            value.languages,
            value.contact,
            value.opening_hours,
            german_date(value.verified_on) if value.verified_on else "nie",
        )


class ExplorationModel(RowsModel[ExplorationView]):
    """The explorations' table."""

    HEADERS: ClassVar[tuple[str, ...]] = ("Datum", "Stadtteil", "Erfahren", "Von", "Im Katalog")

    def texts(self, value: ExplorationView) -> tuple[str, ...]:
        """Date, district, what was learned, author, the entry it became."""
        return (
            german_date(value.explored_on),
            value.district,
            value.learned,
            value.author,
            value.catalog_entry_name,
        )

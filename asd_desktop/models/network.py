"""The Netzwerkkarte: a case's maps, their entries (one row each) and saved versions.

Entries are their own rows so two caseworkers who change different entries of the
same map never meet in a conflict; a saved version is written once and never
changed (a dated snapshot of the entries), so it cannot conflict either.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from asd_desktop.models.base import Base, Replicated


class NetworkMap(Replicated, Base):
    """One network map of a case, drawn around one person (the child, a parent)."""

    __tablename__ = "network_maps"
    __table_args__ = (Index("ix_network_maps_case", "case_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("centre_name", "title")
    #: Neither the case list nor the search shows the map: edits skip their refresh.
    touches_case_list: ClassVar[bool] = False

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    #: The person of the case in the centre; None when the centre is only a typed name.
    centre_person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    #: The centre's name as typed or as it was when the map was made.
    centre_name: Mapped[str] = mapped_column(String(200), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    created_on: Mapped[dt.date] = mapped_column(Date)


class NetworkEntry(Replicated, Base):
    """A person, resource, catalogue entry or typed name on a map, with its relation."""

    __tablename__ = "network_entries"
    __table_args__ = (Index("ix_network_entries_map", "map_id"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("name", "note")
    #: Neither the case list nor the search shows the map: edits skip their refresh.
    touches_case_list: ClassVar[bool] = False

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    map_id: Mapped[str] = mapped_column(ForeignKey("network_maps.id"))
    #: person, ressource, katalog or name (:class:`~asd_desktop.domain.network.EntrySource`).
    source: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), nullable=True)
    #: The case's resource this entry is (taken into the Zielerarbeitung, or found there).
    resource_id: Mapped[str | None] = mapped_column(ForeignKey("resources.id"), nullable=True)
    catalog_entry_id: Mapped[str | None] = mapped_column(
        ForeignKey("catalog_entries.id"), nullable=True
    )
    #: The name shown (kept even when the person or resource it came from is gone).
    name: Mapped[str] = mapped_column(String(300))
    sector: Mapped[str] = mapped_column(String(20))
    horizon: Mapped[int] = mapped_column(Integer, default=2)
    #: Where along the sector's arc (0 … 1) after a drag; None: spread out automatically.
    spot: Mapped[float | None] = mapped_column(Float, nullable=True)
    supports: Mapped[list[str]] = mapped_column(JSON, default=list)
    direction: Mapped[str] = mapped_column(String(20), default="beides")
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")


class NetworkVersion(Replicated, Base):
    """A dated version of a map: the entries as they were, optionally tied to a review."""

    __tablename__ = "network_map_versions"
    __table_args__ = (Index("ix_network_map_versions_map", "map_id", "saved_on"),)
    personal_fields: ClassVar[tuple[str, ...]] = ("centre_name", "entries", "note", "review_label")
    #: Neither the case list nor the search shows the map: edits skip their refresh.
    touches_case_list: ClassVar[bool] = False

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    map_id: Mapped[str] = mapped_column(ForeignKey("network_maps.id"))
    saved_on: Mapped[dt.date] = mapped_column(Date)
    centre_name: Mapped[str] = mapped_column(String(200), default="")
    #: The entries as :meth:`~asd_desktop.domain.network.MapEntry.to_json` wrote them.
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    #: zielvereinbarung, familienrat, hilfeplan or "" (not tied to a review).
    review_kind: Mapped[str] = mapped_column(String(30), default="")
    #: The id of the reviewed record where the program knows it ("" otherwise).
    review_ref: Mapped[str] = mapped_column(String(36), default="")
    review_label: Mapped[str] = mapped_column(String(300), default="")
    saved_by: Mapped[str] = mapped_column(String(200), default="")

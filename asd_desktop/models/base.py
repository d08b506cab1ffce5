"""Declarative base, the replicated-record mixin and the local device state."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import JSON, Boolean, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from asd_desktop.models.ids import uuid7

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of every entity; one metadata with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, int]: JSON, dict[str, Any]: JSON}


class Replicated:
    """Columns every record that travels between machines carries.

    The storage layer's before_flush hook fills the version columns in the
    same transaction as the edit; application code never sets them.
    """

    #: Fields that are emptied when the record becomes a tombstone.
    personal_fields: ClassVar[tuple[str, ...]] = ()

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    version_vector: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    origin_device: Mapped[str] = mapped_column(String(36), default="")
    origin_counter: Mapped[int] = mapped_column(Integer, default=0)
    hlc: Mapped[str] = mapped_column(String(19), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    unknown_fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class LocalDevice(Base):
    """This database's own identity and clocks; one row, never travels."""

    __tablename__ = "local_device"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    counter: Mapped[int] = mapped_column(Integer, default=0)
    hlc: Mapped[str] = mapped_column(String(19), default="")
    created_at: Mapped[dt.datetime] = mapped_column()

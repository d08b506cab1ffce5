"""A printed or saved Netzwerkkarte is kept in the case's documents, with hash and Prüfcode."""

from __future__ import annotations

import datetime as dt

from asd_desktop.domain.enums import DocumentKind
from asd_desktop.domain.network import EntrySource, Sector
from asd_desktop.services.documents import sha256_hex
from asd_desktop.services.network import EntryInput, VersionInput
from tests.al_zein import al_zein_case

TODAY = dt.date.today()


def test_a_printed_map_is_a_document_of_the_case(opened):
    detail, muharem, _nour = al_zein_case(opened, TODAY)
    m = opened.network.create_map(detail.id, muharem.id)
    opened.network.add_entry(m.id, EntryInput(EntrySource.NAME, "Oma", Sector.FAMILY, 1))
    version = opened.network.save_version(m.id, VersionInput(TODAY))
    view, content = opened.network.store_print(opened.network.picture(m.id, version.id))
    assert view.kind is DocumentKind.NETWORK_MAP
    assert view.title == f"Netzwerkkarte von Muharem Al Zein, Fassung 1 vom {TODAY:%d.%m.%Y}"
    assert sha256_hex(content) == view.sha256
    assert [d.id for d in opened.documents.list_for_case(detail.id)] == [view.id]
    assert opened.documents.verify_file(content).document_id == view.id
    again, _ = opened.network.store_print(opened.network.picture(m.id))
    assert again.id != view.id
    assert len(opened.documents.list_for_case(detail.id)) == 2

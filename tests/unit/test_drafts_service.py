"""Dialog drafts: stored encrypted beside the wizard drafts, listed, replaced, discarded."""

from __future__ import annotations

import datetime as dt

import pytest

from asd_desktop.domain.enums import Area
from asd_desktop.models.errors import AsdError
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.drafts import DraftService
from asd_desktop.services.sync.tables import replicated_tables

NOON = dt.datetime(2025, 3, 12, 12, 0, 30, 123456)


@pytest.fixture
def drafts(opened) -> DraftService:
    return DraftService(opened.database.session_factory)


@pytest.fixture
def case_id(opened) -> str:
    today = dt.date.today()
    row = opened.cases.create_case(
        CaseInput("ASD-2025-0001", "Yılmaz", today, "Frau Berger"),
        AreaInput(Area.SERVICE, today, "Erstaufnahme", "Frau Berger"),
    )
    return str(row.id)


def test_save_load_replace_and_discard(drafts, case_id):
    assert drafts.load(case_id, "contact") is None
    saved = drafts.save(case_id, "contact", {"note_edit": "Şükrü war da"}, now=NOON)
    assert saved.saved_at == NOON.replace(microsecond=0)
    loaded = drafts.load(case_id, "contact")
    assert loaded == saved
    assert loaded.fields == {"note_edit": "Şükrü war da"}

    drafts.save(case_id, "contact", {"note_edit": "Şükrü war da, Emre auch"})
    assert drafts.load(case_id, "contact").fields["note_edit"].endswith("Emre auch")
    assert len(drafts.all()) == 1

    assert drafts.discard(case_id, "contact") is True
    assert drafts.load(case_id, "contact") is None
    assert drafts.discard(case_id, "contact") is False


def test_drafts_outside_a_case_and_listing_leaves_out_wizards(opened, drafts, case_id):
    drafts.save(None, "catalog_entry", {"name_edit": "Jugendtreff"}, now=NOON)
    drafts.save(case_id, "person", {"last_name_edit": "Dvořák"}, now=NOON + dt.timedelta(1))
    opened.goals.save_draft(case_id, opened.goals.new_draft(case_id))
    listed = drafts.all()
    assert [(d.case_id, d.name) for d in listed] == [
        (None, "catalog_entry"),
        (case_id, "person"),
    ]
    assert drafts.load(None, "catalog_entry").fields == {"name_edit": "Jugendtreff"}
    # the wizard's own draft is untouched by the dialog drafts
    drafts.discard(case_id, "person")
    assert opened.goals.load_draft(case_id) is not None


def test_names_that_do_not_fit_are_refused(drafts):
    with pytest.raises(AsdError):
        drafts.save(None, "x" * 34, {})
    with pytest.raises(AsdError):
        drafts.save(None, "", {})


def test_drafts_never_travel(drafts):
    assert "wizard_drafts" not in {t.name for t in replicated_tables()}

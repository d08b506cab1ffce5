"""The Sozialraum catalogue, explorations, team meetings and "Tipps und Themen"."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select

from asd_desktop.domain.enums import Area, ResourceKind
from asd_desktop.models.audit import AuditEntry
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.models.goals import Resource
from asd_desktop.models.sozialraum import CatalogEntry
from asd_desktop.reports.common import long_german_date
from asd_desktop.services.audit import verify
from asd_desktop.services.cases import AreaInput, CaseInput
from asd_desktop.services.goals import ResourceDraft
from asd_desktop.services.sozialraum import (
    ORDER_NAME,
    SUGGESTED_KINDS,
    CatalogEntryInput,
    ExplorationInput,
    entry_problems,
    exploration_problems,
    search_key,
)
from tests.unit.test_goals_service import full_draft

TODAY = dt.date.today()
WEEK_AGO = TODAY - dt.timedelta(days=7)


def entry(name: str, kind: str = "OKJA", **changes) -> CatalogEntryInput:
    return CatalogEntryInput(name=name, kind=kind, **changes)


def test_validators_name_what_is_missing_in_german():
    assert set(entry_problems(CatalogEntryInput(" ", ""))) == {"name", "kind"}
    future = entry("Haus", verified_on=TODAY + dt.timedelta(days=1))
    assert "Zukunft" in entry_problems(future)["verified_on"]
    assert entry_problems(entry("Haus")) == {}
    problems = exploration_problems(ExplorationInput(TODAY, "  "))
    assert "Sozialraum" in problems["learned"]


def test_add_update_verify_and_remove_as_tombstone(opened):
    sr = opened.sozialraum
    added = sr.add_entry(
        entry(
            "Elternschule Wilhelmsburg",
            "Elternschule",
            district="Wilhelmsburg",
            contact="Frau Yılmaz, 040 123",
            languages="Deutsch, Türkisch",
        )
    )
    assert added.added_on == TODAY
    assert added.verified_on is None
    changed = sr.update_entry(added.id, entry("Elternschule Kirchdorf", "Elternschule"))
    assert changed.name == "Elternschule Kirchdorf"
    assert changed.contact == ""
    verified = sr.mark_verified(added.id, WEEK_AGO)
    assert verified.verified_on == WEEK_AGO
    # An update without a date keeps the verification.
    assert sr.update_entry(added.id, entry("Elternschule", "Elternschule")).verified_on == WEEK_AGO
    with pytest.raises(ValidationError):
        sr.mark_verified(added.id, TODAY + dt.timedelta(days=2))
    sr.remove_entry(added.id)
    assert sr.search() == []
    with pytest.raises(NotFoundError):
        sr.entry(added.id)
    with opened.database.session_factory() as s:
        row = s.scalars(select(CatalogEntry)).one()
        assert row.deleted
        assert row.contact == ""
    assert verify(opened.database.session_factory).ok


def test_search_folds_case_and_diacritics_and_filters(opened):
    sr = opened.sozialraum
    sr.add_entry(entry("Türkischer Elternverein", "Verein", district="Veddel"))
    sr.add_entry(entry("Jugendclub Ło", "OKJA", district="Wilhelmsburg", languages="Polnisch"))
    sr.add_entry(
        entry("KiFaZ Süderelbe", "KiFaZ", district="Wilhelmsburg", notes="Kurse für Väter")
    )
    assert [v.name for v in sr.search("turkischer")] == ["Türkischer Elternverein"]
    assert [v.name for v in sr.search("TÜRK eltern")] == ["Türkischer Elternverein"]
    assert [v.name for v in sr.search("lo")] == ["Jugendclub Ło"]
    assert [v.name for v in sr.search("vater")] == ["KiFaZ Süderelbe"]
    assert [v.name for v in sr.search("polnisch")] == ["Jugendclub Ło"]
    assert {v.name for v in sr.search(district="wilhelmsburg")} == {
        "Jugendclub Ło",
        "KiFaZ Süderelbe",
    }
    assert [v.name for v in sr.search(kind="kifaz", district="Wilhelmsburg")] == ["KiFaZ Süderelbe"]
    assert sr.search("nichts davon") == []
    assert search_key("İstanbul Straße") == "istanbul strasse"


def test_search_orders_newest_verified_first_or_by_name(opened):
    sr = opened.sozialraum
    a = sr.add_entry(entry("Anton"))
    b = sr.add_entry(entry("Berta"))
    c = sr.add_entry(entry("Cäsar"))
    sr.mark_verified(c.id, WEEK_AGO)
    sr.mark_verified(a.id, TODAY)
    assert [v.name for v in sr.search()] == ["Anton", "Cäsar", "Berta"]
    assert [v.name for v in sr.search(order=ORDER_NAME)] == ["Anton", "Berta", "Cäsar"]
    assert b.id in {v.id for v in sr.search("bert")}


def test_kinds_and_districts_offer_the_suggestions_and_what_is_in_use(opened):
    sr = opened.sozialraum
    sr.add_entry(entry("Moschee-Verein", "Moscheegemeinde", district="Veddel"))
    sr.add_entry(entry("Kita Sonnenschein", "Kita", district="Horn"))
    kinds = sr.kinds()
    assert kinds[: len(SUGGESTED_KINDS)] == list(SUGGESTED_KINDS)
    assert kinds[-1] == "Moscheegemeinde"
    assert sr.districts() == ["Horn", "Veddel"]


def test_exploration_becomes_and_then_updates_an_entry(opened):
    sr = opened.sozialraum
    x = sr.record_exploration(
        ExplorationInput(
            TODAY, "Im Bürgerhaus gibt es dienstags ein Elterncafé auf Arabisch.", "Veddel", "Kr"
        )
    )
    assert x.catalog_entry_id is None
    created = sr.exploration_to_entry(
        x.id, entry("Elterncafé Bürgerhaus", "Bürgerhaus", languages="Arabisch")
    )
    linked = sr.exploration(x.id)
    assert linked.catalog_entry_id == created.id
    assert linked.catalog_entry_name == "Elterncafé Bürgerhaus"
    updated = sr.exploration_to_entry(
        x.id, entry("Elterncafé Bürgerhaus Veddel", "Bürgerhaus", opening_hours="Di 15-17 Uhr")
    )
    assert updated.id == created.id
    assert [v.name for v in sr.search()] == ["Elterncafé Bürgerhaus Veddel"]
    with pytest.raises(ValidationError):
        sr.record_exploration(ExplorationInput(TODAY, ""))
    with pytest.raises(NotFoundError):
        sr.record_exploration(ExplorationInput(TODAY, "etwas", catalog_entry_id="fehlt"))
    sr.remove_exploration(x.id)
    assert sr.explorations() == []


def test_tips_since_the_last_team_meeting(opened):
    sr = opened.sozialraum
    assert sr.last_team_meeting() is None
    old = sr.add_entry(entry("Alter Eintrag"))
    sr.record_exploration(ExplorationInput(WEEK_AGO - dt.timedelta(days=3), "vor der Sitzung"))
    # Without any meeting everything is listed.
    everything = sr.tips_since()
    assert everything.since is None
    assert len(everything.entries) == 1
    assert len(everything.explorations) == 1
    sr.record_team_meeting(WEEK_AGO)
    assert sr.last_team_meeting() == WEEK_AGO
    # Entries are dated by the day they are added; move the old one before the meeting.
    with opened.database.session_factory.begin() as s:
        s.get(CatalogEntry, old.id).added_on = WEEK_AGO - dt.timedelta(days=10)
    assert sr.tips_since().entries == ()
    fresh = sr.add_entry(entry("Neuer Treff"))
    sr.record_exploration(ExplorationInput(TODAY, "nach der Sitzung", "Hamm"))
    tips = sr.tips_since()
    assert tips.since == WEEK_AGO + dt.timedelta(days=1)
    assert tips.last_meeting == WEEK_AGO
    assert [e.id for e in tips.entries] == [fresh.id]
    assert [x.learned for x in tips.explorations] == ["nach der Sitzung"]
    sr.mark_verified(old.id)
    assert {e.name for e in sr.tips_since().entries} == {"Alter Eintrag", "Neuer Treff"}
    # A chosen date counts from that day itself.
    assert len(sr.tips_since(WEEK_AGO - dt.timedelta(days=3)).explorations) == 2
    with pytest.raises(ValidationError):
        sr.record_team_meeting(TODAY + dt.timedelta(days=1))


def test_case_resources_point_to_catalogue_entries(opened):
    case = opened.cases.create_case(
        CaseInput("2026/0300", "Nowak", TODAY),
        AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Krüger"),
    )
    kifaz = opened.sozialraum.add_entry(entry("KiFaZ Horn", "KiFaZ"))
    draft = full_draft(
        resources=(
            ResourceDraft(ResourceKind.SOCIAL_SPACE, "KiFaZ Horn", (0,), catalog_entry_id=kifaz.id),
            ResourceDraft(ResourceKind.SOCIAL, "Onkel Piotr", (1,)),
        )
    )
    opened.goals.finish(case.id, draft)
    by_name = {r.description: r for r in opened.goals.case_resources(case.id)}
    assert by_name["KiFaZ Horn"].catalog_entry_id == kifaz.id
    piotr = by_name["Onkel Piotr"]
    assert piotr.catalog_entry_id is None
    opened.sozialraum.link_resource(piotr.id, kifaz.id)
    assert {r.catalog_entry_id for r in opened.goals.case_resources(case.id)} == {kifaz.id}
    opened.sozialraum.link_resource(piotr.id, None)
    relinked = {r.description: r for r in opened.goals.case_resources(case.id)}
    assert relinked["Onkel Piotr"].catalog_entry_id is None
    # A new draft offers the link with the case's resources.
    offered = opened.goals.new_draft(case.id).resources
    assert kifaz.id in {r.catalog_entry_id for r in offered}
    with pytest.raises(NotFoundError):
        opened.sozialraum.link_resource(piotr.id, "fehlt")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler not installed")
def test_tips_pdf_names_every_entry_whole(opened, tmp_path: Path):
    sr = opened.sozialraum
    sr.record_team_meeting(WEEK_AGO)
    sr.add_entry(
        entry(
            "Elternschule Wilhelmsburg",
            "Elternschule",
            address="Rotenhäuser Straße 12",
            district="Wilhelmsburg",
            contact="Frau Şükriye Yılmaz",
            languages="Deutsch, Türkisch, Arabisch",
            costs="kostenlos",
            opening_hours="Mo–Fr 9–13 Uhr",
        )
    )
    sr.add_entry(entry("Polnischer Verein Łódź-Hamburg", "Verein", languages="Polnisch"))
    sr.record_exploration(
        ExplorationInput(TODAY, "Die Bücherhalle Veddel bietet Lesepaten auf Farsi an.", "Veddel")
    )
    meeting = TODAY + dt.timedelta(days=1)
    content = sr.tips_pdf(sr.tips_since(), meeting)
    assert content.startswith(b"%PDF")
    path = tmp_path / "tipps.pdf"
    path.write_bytes(content)
    text = " ".join(
        subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
    )
    assert f"Tipps und Themen für die Teamsitzung am {long_german_date(meeting)}" in text
    for whole in (
        "Elternschule Wilhelmsburg",
        "Rotenhäuser Straße 12",
        "Frau Şükriye Yılmaz",
        "Deutsch, Türkisch, Arabisch",
        "Mo–Fr 9–13 Uhr",
        "Polnischer Verein Łódź-Hamburg",
        "Die Bücherhalle Veddel bietet Lesepaten auf Farsi an.",
        "Seite 1 von 1",
    ):
        assert whole in text
    sr.save_tips(content, tmp_path / "kopie.pdf", meeting)
    assert (tmp_path / "kopie.pdf").read_bytes() == content
    assert (tmp_path / "kopie.pdf").stat().st_mode & 0o077 == 0
    sr.record_tips_printed(meeting)
    with opened.database.session_factory() as s:
        actions = s.scalars(select(AuditEntry.action)).all()
    assert {"tips_created", "tips_saved", "tips_printed"} <= set(actions)


def test_demo_catalogue_is_fixed_and_gives_a_tips_list(opened):
    from asd_desktop.demo import write_sozialraum_demo

    sf = opened.database.session_factory
    assert write_sozialraum_demo(sf, opened.database.device_id, TODAY) == 40
    sr = opened.sozialraum
    entries = sr.search(order=ORDER_NAME)
    assert len(entries) == 40
    assert {"OKJA", "Elternschule", "Erziehungsberatung", "KiFaZ", "SHA", "Verein"} <= {
        e.kind for e in entries
    }
    assert {"Wilhelmsburg", "Veddel", "St. Georg", "Billstedt", "Horn", "Hamm"} == set(
        sr.districts()
    )
    for language in ("Türkisch", "Arabisch", "Polnisch", "Farsi"):
        assert sr.search(language)
    assert sr.last_team_meeting() == WEEK_AGO
    tips = sr.tips_since()
    assert 3 <= len(tips.entries) < 40
    assert [x.district for x in tips.explorations] == ["Veddel", "Billstedt", "Hamm"]
    # Without a case in this vault there is no resource to link; nothing fails.
    assert len(sr.explorations()) == 5


def test_demo_links_a_case_resource_to_the_catalogue(opened):
    from asd_desktop.demo import fill_demo

    db = opened.database
    fill_demo(db.session_factory, db.device_id, cases=None, contacts_per_case=0, seed=1)
    with db.session_factory() as s:
        linked = s.execute(
            select(Resource.description, Resource.catalog_entry_id).where(
                Resource.catalog_entry_id.is_not(None)
            )
        ).all()
    assert len(linked) == 1
    description, entry_id = linked[0]
    assert description.startswith("Hausaufgabenhilfe im Haus der Jugend")
    assert opened.sozialraum.entry(entry_id).name == "Haus der Jugend Wilhelmsburg"
    assert verify(db.session_factory).ok

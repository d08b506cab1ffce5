"""ConsultationService on a real encrypted database: the protocol, its gate, the Bedarfsliste."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path

import pytest

from asd_desktop.demo import family_specs, fill_demo
from asd_desktop.domain.enums import Area, DocumentKind, IdeaSource
from asd_desktop.models.errors import ValidationError
from asd_desktop.services.audit import verify
from asd_desktop.services.cases import AreaInput, CaseInput, CaseQuery
from asd_desktop.services.consultation import (
    SOURCE_ORDER,
    SOZIALRAUM_QUESTION,
    IdeaInput,
    close_problems,
    default_question,
    group_needs,
    need_key,
    need_problems,
)
from asd_desktop.services.goals import ActionGoalDraft, GoalDraft

TODAY = dt.date(2026, 9, 14)
SHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def make_case(opened, file_number="ASD-M-2026-0400", family="Yılmaz"):
    return opened.cases.create_case(
        CaseInput(file_number, family, TODAY),
        AreaInput(Area.GREY, TODAY, "Meldung der Schule", "Frau Krüger"),
    )


def agree(opened, case_id, direction, goals, agreed_on):
    return opened.goals.finish(
        case_id,
        GoalDraft(
            concern="Sorge",
            concern_by="Schule",
            will="Dass es ruhiger wird.",
            direction_goal=direction,
            direction_people="Familie",
            action_goals=tuple(
                ActionGoalDraft(text=g, indicator="sichtbar", due_on=agreed_on, involved="alle")
                for g in goals
            ),
            place="Wohnung",
            agreed_on=agreed_on,
            review_on=agreed_on + dt.timedelta(days=91),
            present=("Ayşe Yılmaz",),
            caseworker="Frau Krüger",
        ),
    )


def complete(opened, case_id, hze=False):
    service = opened.consultations
    c = service.start(case_id, TODAY, "Murat Aydın", "Team Mitte: Frau Krüger, Herr Öztürk")
    service.add_idea(c.id, IdeaInput(IdeaSource.PERSON, "Şükrü geht abends laufen."))
    service.add_idea(c.id, IdeaInput(IdeaSource.SOCIAL_SPACE, "Elterncafé im KiFaZ", True))
    return service.get(c.id)


def test_start_prefills_the_method_question_and_the_newest_goals(opened):
    case = make_case(opened)
    agree(opened, case.id, "Früher: alles anders.", ["Altes Ziel"], dt.date(2026, 1, 5))
    agree(
        opened,
        case.id,
        "Familie Yılmaz lebt ohne Gewalt zusammen.",
        ["Şükrü verlässt den Raum, wenn es laut wird.", "Doğan geht jeden Tag zur Schule."],
        dt.date(2026, 8, 1),
    )
    c = opened.consultations.start(case.id, TODAY, " Murat Aydın ", "Frau Krüger")
    assert c.fields.question == (
        "Welche Ideen habt ihr, wie Familie Yılmaz ihre Ziele erreichen kann?"
    )
    assert "welche Hilfe" not in c.fields.question.casefold()
    assert c.fields.family_goals == (
        "Richtungsziel: Familie Yılmaz lebt ohne Gewalt zusammen.\n"
        "Handlungsziele:\n"
        "1. Şükrü verlässt den Raum, wenn es laut wird.\n"
        "2. Doğan geht jeden Tag zur Schule."
    )
    assert c.fields.presenter == "Murat Aydın"
    assert c.file_number == "ASD-M-2026-0400"
    assert not c.closed
    assert verify(opened.database.session_factory).ok


def test_without_goal_agreement_the_goals_are_empty_and_editable(opened):
    case = make_case(opened)
    c = opened.consultations.start(case.id, TODAY)
    assert c.fields.family_goals == ""
    saved = opened.consultations.save(
        c.id, dataclasses.replace(c.fields, family_goals="Mündlich: Ruhe zu Hause.")
    )
    assert saved.fields.family_goals == "Mündlich: Ruhe zu Hause."
    assert default_question("Öztürk ") == (
        "Welche Ideen habt ihr, wie Familie Öztürk ihre Ziele erreichen kann?"
    )


def test_ideas_are_grouped_in_the_methods_order_and_can_be_edited(opened):
    case = make_case(opened)
    service = opened.consultations
    c = service.start(case.id, TODAY)
    help_ = service.add_idea(c.id, IdeaInput(IdeaSource.PROFESSIONAL, "SPFH"))
    own = service.add_idea(c.id, IdeaInput(IdeaSource.PERSON, "Ayşe ruft ihre Schwester an"))
    service.add_idea(c.id, IdeaInput(IdeaSource.SURROUNDINGS, "Nachbarin Renate"))
    service.add_idea(c.id, IdeaInput(IdeaSource.SOCIAL_SPACE, "Hausaufgabenhilfe OKJA"))
    with pytest.raises(ValidationError) as exc:
        service.add_idea(c.id, IdeaInput(IdeaSource.PERSON, "  "))
    assert exc.value.problems == {"text": "Bitte die Idee kurz beschreiben."}

    view = service.get(c.id)
    assert list(view.ideas_by_source()) == list(SOURCE_ORDER)
    assert [i.text for i in view.ideas_by_source()[IdeaSource.PROFESSIONAL]] == ["SPFH"]

    service.update_idea(own.id, IdeaInput(IdeaSource.PERSON, "Ayşe ruft Schwester Elif an"))
    service.set_selected(own.id, True)
    service.remove_idea(help_.id)
    view = service.get(c.id)
    assert [i.text for i in view.selected_ideas] == ["Ayşe ruft Schwester Elif an"]
    assert IdeaSource.PROFESSIONAL not in {i.source for i in view.ideas}
    assert len(view.ideas) == 3


def test_close_needs_ideas_and_a_selection(opened):
    case = make_case(opened)
    service = opened.consultations
    c = service.start(case.id, TODAY, "Murat Aydın")
    with pytest.raises(ValidationError) as exc:
        service.close(c.id)
    assert set(exc.value.problems) == {"ideas", "selection"}
    idea = service.add_idea(c.id, IdeaInput(IdeaSource.PERSON, "Oma Hatice hilft"))
    assert set(close_problems(service.get(c.id))) == {"selection"}
    service.set_selected(idea.id, True)
    closed = service.close(c.id)
    assert closed.closed
    with pytest.raises(ValidationError) as exc:
        service.add_idea(c.id, IdeaInput(IdeaSource.PERSON, "zu spät"))
    assert "abgeschlossen" in exc.value.problems["closed"]


def test_after_a_hze_decision_close_is_stopped_until_the_sozialraum_question_is_answered(opened):
    case = make_case(opened)
    service = opened.consultations
    c = complete(opened, case.id)
    service.save(
        c.id,
        dataclasses.replace(
            c.fields, hze_decided=True, hze_kind="Sozialpädagogische Familienhilfe (§ 31)"
        ),
    )
    with pytest.raises(ValidationError) as exc:
        service.close(c.id)
    assert set(exc.value.problems) == {"needs"}
    assert SOZIALRAUM_QUESTION in exc.value.problems["needs"]
    assert not service.get(c.id).closed

    need = service.add_need(c.id, "  Elterncafé   auf Türkisch ")
    assert need.need == "Elterncafé auf Türkisch"
    with pytest.raises(ValidationError) as dup:
        service.add_need(c.id, "elterncafé auf türkisch")
    assert dup.value.problems == {"need": "Dieser Bedarf steht schon in der Liste."}
    assert service.close(c.id).closed


def test_hze_decided_also_needs_its_kind(opened):
    case = make_case(opened)
    c = complete(opened, case.id)
    opened.consultations.save(c.id, dataclasses.replace(c.fields, hze_decided=True))
    opened.consultations.add_need(c.id, "Väterangebot")
    assert set(close_problems(opened.consultations.get(c.id))) == {"hze_kind"}


def test_need_rules_and_folding():
    assert need_problems("") == {"need": "Bitte das fehlende Angebot kurz benennen."}
    assert "höchstens" in need_problems("x" * 301)["need"]
    assert need_key("  Straßen-Fußball  AG ") == need_key("strassen-fussball ag")
    assert need_key("Eltern  Café") != need_key("ElternCafé")


def test_group_needs_counts_and_keeps_the_most_used_spelling():
    groups = group_needs(
        [
            ("Elterncafé auf Türkisch", "A-1"),
            ("elterncafé  auf türkisch", "A-2"),
            ("Elterncafé auf Türkisch", "A-3"),
            ("Straßenfußball", "A-2"),
            ("Strassenfussball", "A-1"),
            ("Väterangebot", "A-3"),
        ]
    )
    assert [(g.need, g.count, g.file_numbers) for g in groups] == [
        ("Elterncafé auf Türkisch", 3, ("A-1", "A-2", "A-3")),
        ("Strassenfussball", 2, ("A-1", "A-2")),
        ("Väterangebot", 1, ("A-3",)),
    ]


def test_needs_list_across_cases_without_names(opened):
    service = opened.consultations
    a = make_case(opened, "ASD-M-2026-0401", "Yılmaz")
    b = make_case(opened, "ASD-M-2026-0402", "Schüßler")
    ca = complete(opened, a.id)
    cb = complete(opened, b.id)
    service.add_need(ca.id, "Elterncafé auf Türkisch")
    service.add_need(ca.id, "Offene Sporthalle am Wochenende")
    service.add_need(cb.id, "ELTERNCAFÉ auf türkisch")
    removed = service.add_need(cb.id, "Reitstall")
    service.remove_need(removed.id)
    groups = service.needs_list()
    assert [(g.need, g.count, g.file_numbers) for g in groups] == [
        # A tie between spellings goes to the alphabetically first one.
        ("ELTERNCAFÉ auf türkisch", 2, ("ASD-M-2026-0401", "ASD-M-2026-0402")),
        ("Offene Sporthalle am Wochenende", 1, ("ASD-M-2026-0401",)),
    ]
    flat = repr(groups)
    assert "Yılmaz" not in flat
    assert "Schüßler" not in flat


def test_list_for_case_newest_first(opened):
    case = make_case(opened)
    service = opened.consultations
    first = service.start(case.id, dt.date(2026, 3, 1), "A")
    second = service.start(case.id, dt.date(2026, 9, 1), "B")
    assert [s.id for s in service.list_for_case(case.id)] == [second.id, first.id]
    assert service.list_for_case(make_case(opened, "X-1", "Leer").id) == []


def _run(*args) -> str:
    return subprocess.run(
        [str(a) for a in args], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout


def test_protocol_pdf_in_the_case_documents_with_every_name_whole(opened, tmp_path):
    case = make_case(opened, "ASD-M-2026-0500", "Yılmaz")
    agree(
        opened,
        case.id,
        "Familie Yılmaz lebt ohne Gewalt zusammen.",
        ["Şükrü Yılmaz verlässt den Raum, wenn es laut wird."],
        dt.date(2026, 8, 1),
    )
    service = opened.consultations
    c = service.start(case.id, TODAY, "Şükrü Yılmaz", "Ayşe Öztürk, Renate Schüßler, Jiří Dvořák")
    service.add_idea(c.id, IdeaInput(IdeaSource.PERSON, "Şükrü Yılmaz geht abends laufen.", True))
    service.add_idea(c.id, IdeaInput(IdeaSource.SURROUNDINGS, "Oma Hatice kocht dienstags."))
    service.add_idea(c.id, IdeaInput(IdeaSource.SOCIAL_SPACE, "Väterfrühstück im KiFaZ", True))
    service.add_idea(c.id, IdeaInput(IdeaSource.PROFESSIONAL, "Erziehungsbeistand", True))
    service.save(
        c.id,
        dataclasses.replace(
            service.get(c.id).fields,
            selection="Laufen, Väterfrühstück und ein Erziehungsbeistand.",
            hze_decided=True,
            hze_kind="Erziehungsbeistand (§ 30 SGB VIII)",
        ),
    )
    service.add_need(c.id, "Elterncafé auf Türkisch")
    service.close(c.id)
    doc = opened.documents.print_consultation_protocol(c.id)
    assert doc.kind is DocumentKind.CONSULTATION_PROTOCOL
    assert doc.title == f"Kollegiale Beratung vom {TODAY:%d.%m.%Y}"
    assert [d.id for d in opened.documents.list_for_case(case.id)] == [doc.id]
    path = tmp_path / "protokoll.pdf"
    path.write_bytes(opened.documents.content(doc.id))
    text = " ".join(_run("pdftotext", "-enc", "UTF-8", path, "-").split())
    for whole in (
        "Şükrü Yılmaz",
        "Ayşe Öztürk",
        "Renate Schüßler",
        "Jiří Dvořák",
        "Familie Yılmaz",
        "ASD-M-2026-0500",
        "Welche Ideen habt ihr, wie Familie Yılmaz ihre Ziele erreichen kann?",
        "Richtungsziel: Familie Yılmaz lebt ohne Gewalt zusammen.",
        "Ideen: die Person selbst",
        "Ideen: fachliche Hilfe",
        "Beschlossen: Erziehungsbeistand (§ 30 SGB VIII)",
        SOZIALRAUM_QUESTION,
        "Elterncafé auf Türkisch",
        "Seite 1 von",
    ):
        assert whole in text, whole
    # the sources in the method's order, selected ones marked, unselected not
    order = [text.index(f"Ideen: {s.label}") for s in SOURCE_ORDER]
    assert order == sorted(order)
    assert "Väterfrühstück im KiFaZ (✔ ausgewählt)" in text
    assert "Oma Hatice kocht dienstags. (✔" not in text
    assert "Entwurf" not in text
    SHOTS.mkdir(exist_ok=True)
    _run("pdftoppm", "-png", "-r", "80", path, SHOTS / "i6b_protocol")


def test_the_bedarfsliste_counts_what_the_demos_consultations_said(opened):
    db = opened.database
    fill_demo(db.session_factory, db.device_id, cases=None, contacts_per_case=0, seed=1)
    said = [
        (need, spec.case.file_number)
        for spec in family_specs(dt.date.today())
        for consultation in spec.consultations
        for need in consultation.needs
    ]
    assert len({number for _, number in said}) >= 2
    groups = opened.consultations.needs_list()
    assert groups == group_needs(said)
    assert sum(g.count for g in groups) == len(said)
    counted = {g.need: (g.count, g.file_numbers) for g in groups}
    assert counted["Familiencafé im Stadtteil"] == (2, ("ASD-M-2024-0215", "ASD-M-2024-0377"))
    assert counted["Hausaufgabenhilfe am Nachmittag"] == (
        2,
        ("ASD-M-2024-0113", "ASD-M-2024-0215"),
    )
    assert max(g.count for g in groups) == 2
    # every demo consultation is closed; the one with printed=True is in the documents
    hze = 0
    for spec in family_specs(dt.date.today()):
        if not spec.consultations:
            continue
        case_id = next(
            r.id
            for r in opened.cases.list_cases(CaseQuery(status=None))
            if r.file_number == spec.case.file_number
        )
        summaries = opened.consultations.list_for_case(case_id)
        assert [s.closed for s in summaries] == [True] * len(spec.consultations)
        hze += sum(s.hze_decided for s in summaries)
        kinds = [d.kind for d in opened.documents.list_for_case(case_id)]
        printed = sum(c.printed for c in spec.consultations)
        assert kinds.count(DocumentKind.CONSULTATION_PROTOCOL) == printed
    assert hze >= 1

"""The printed Hilfeplan: a real PDF, read back with pdftotext, stored with its hash."""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess

from asd_desktop.domain.enums import DocumentKind, GoalStatus
from asd_desktop.services.goals import ReviewInput
from asd_desktop.services.hilfen import MeetingInput, Participant, TaskInput
from tests.unit.test_goals_service import full_draft
from tests.unit.test_hilfen_service import make_case, spfh

TODAY = dt.date.today()


def _text(pdf: bytes) -> str:
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(out.split())


def test_the_hilfeplan_prints_everyone_the_goals_the_help_and_the_young_person_s_words(opened):
    case = make_case(opened)
    agreement = opened.goals.finish(case.id, full_draft())
    hilfe = opened.hilfen.add_hilfe(case.id, spfh())
    first_day = TODAY - dt.timedelta(days=60)
    first = opened.hilfen.record_meeting(
        case.id,
        MeetingInput(
            held_on=first_day,
            hilfe_id=hilfe.id,
            participants=(Participant("Amal Al Zein", "Mutter"),),
            goal_ids=tuple(g.id for g in agreement.goals),
        ),
    )
    opened.goals.review_goal(
        agreement.goals[0].id,
        ReviewInput(GoalStatus.PARTLY, TODAY - dt.timedelta(days=5), "an drei von fünf Tagen"),
    )
    proposal = opened.hilfen.next_meeting_input(case.id, TODAY)
    meeting = opened.hilfen.record_meeting(
        case.id,
        MeetingInput(
            **{
                **proposal.__dict__,
                "participants": (
                    Participant("Amal Al Zein", "Mutter"),
                    Participant("Muharem Al Zein", "Sohn"),
                    Participant("Jana Schüßler", "Familienhilfe Nord e.V."),
                ),
                "young_person_name": "Muharem",
                "young_person_words": "Ich will in meiner Klasse bleiben, bei Yusuf.",
                "agreed_help_scope": "Sozialpädagogische Familienhilfe, dienstags und freitags",
                "tasks": (TaskInput("Frau Al Zein", "Kinderarzt anrufen", TODAY),),
                "caseworker": "Frau Krüger",
            }
        ),
    )
    assert meeting.previous_id == first.id
    doc = opened.hilfen.print_hilfeplan(meeting.id)
    assert doc.kind is DocumentKind.HILFEPLAN
    pdf = opened.documents.content(doc.id)
    assert pdf.startswith(b"%PDF")
    assert doc.sha256 == hashlib.sha256(pdf).hexdigest()
    text = _text(pdf)
    for expected in (
        "Hilfeplan",
        "Amal Al Zein",
        "Muharem Al Zein",
        "Jana Schüßler",
        "„Ich will in meiner Klasse bleiben, bei Yusuf.“",
        "eigenen Worte",
        "Muharems Hausaufgaben sind jeden Tag",
        "teilweise erreicht – an drei von fünf Tagen",
        "Sozialpädagogische Familienhilfe (§ 31)",
        "4,5 Fachleistungsstunden pro Woche",
        "Kinderarzt anrufen",
        "Frau Krüger",
        (TODAY + dt.timedelta(days=0)).strftime("%d.%m.%Y"),
        proposal.next_on.strftime("%d.%m.%Y") if proposal.next_on else "",
    ):
        assert expected in text, expected
    # One signature line per participant, and one for the caseworker.
    assert text.count("Datum, Unterschrift") == 4

"""Aufträge, Auflagen, their follow-up and the Gefährdungseinschätzung, on a real vault."""

from __future__ import annotations

import datetime as dt

import pytest

from asd_desktop.domain.enums import Area, MandateKind, MandateStatus, RiskLevel
from asd_desktop.models.errors import ValidationError
from asd_desktop.services.cases import AreaInput, CaseInput, CaseQuery
from asd_desktop.services.instruments import (
    AUFLAGE_IN_SERVICE_AREA,
    AssessmentInput,
    EvidenceInput,
    MandateInput,
    OutcomeInput,
    mandate_problems,
)

TODAY = dt.date.today()
DAY = TODAY - dt.timedelta(days=20)


def _case(opened, area: Area, number: str = "ASD-I-1"):
    return opened.cases.create_case(
        CaseInput(number, "Wójcik", DAY),
        AreaInput(area, DAY, "Meldung der Schule.", "J. Petersen"),
    )


def _check(due_in: int = 14, issued: dt.date = DAY) -> MandateInput:
    return MandateInput(
        kind=MandateKind.CHECK,
        issued_on=issued,
        due_on=TODAY + dt.timedelta(days=due_in),
        requirement="Nachweis, dass Lena regelmäßig die Schule besucht.",
        evidence_required="Bescheinigung der Schule über die Anwesenheit",
        consequence="Gemeinsame Gefährdungseinschätzung im Team.",
        addressed_to="Małgorzata Wójcik",
    )


def _auflage(due_in: int = 7) -> MandateInput:
    return MandateInput(
        kind=MandateKind.REQUIREMENT,
        issued_on=TODAY,
        due_on=TODAY + dt.timedelta(days=due_in),
        requirement="Lena wird bei der Kinderärztin vorgestellt.",
        risk="Unbehandelte Entzündung am Arm",
        how_checked="Bescheinigung der Praxis, Hausbesuch",
        consequence="Anrufung des Familiengerichts",
    )


def _row(opened, case_id):
    return next(r for r in opened.cases.list_cases(CaseQuery(status=None)) if r.id == case_id)


def test_an_auftrag_without_deadline_or_requirement_is_stopped_with_reasons():
    bad = MandateInput(MandateKind.CHECK, DAY, None, "  ")
    problems = mandate_problems(bad, Area.GREY)
    assert set(problems) == {"due_on", "requirement", "evidence_required"}
    assert "Frist" in problems["due_on"]
    assert "Belege" in problems["evidence_required"]
    avert = MandateInput(MandateKind.AVERT, DAY, TODAY, "Wohnung bleibt sauber.")
    assert set(mandate_problems(avert, Area.GREY)) == {"consequence"}
    assert mandate_problems(_check(), Area.GREY) == {}


def test_an_auflage_needs_risk_and_how_checked_and_the_danger_area():
    bare = MandateInput(MandateKind.REQUIREMENT, TODAY, TODAY, "Arztbesuch")
    assert set(mandate_problems(bare, Area.DANGER)) == {"risk", "how_checked"}
    assert mandate_problems(_auflage(), Area.DANGER) == {}
    assert mandate_problems(_auflage(), Area.SERVICE)["area"] == AUFLAGE_IN_SERVICE_AREA
    assert "Gefährdungseinschätzung" in mandate_problems(_auflage(), Area.GREY)["area"]
    assert "Leistungsbereich" in mandate_problems(_check(), Area.SERVICE)["area"]


def test_the_service_refuses_an_auflage_in_the_leistungsbereich(opened):
    case = _case(opened, Area.SERVICE)
    with pytest.raises(ValidationError) as err:
        opened.instruments.issue(case.id, _auflage())
    assert "Ziele der Familie" in err.value.problems["area"]
    assert opened.instruments.list_for_case(case.id) == []


def test_auftrag_followed_up_with_evidence_and_outcome(opened):
    case = _case(opened, Area.GREY)
    m = opened.instruments.issue(case.id, _check())
    assert m.status is MandateStatus.OPEN
    assert m.addressed_to == "Małgorzata Wójcik"

    m = opened.instruments.record_evidence(m.id, EvidenceInput(TODAY, "Schulbescheinigung"))
    m = opened.instruments.record_evidence(m.id, EvidenceInput(TODAY, "Zeugnis"))
    assert [e.what for e in m.evidence] == ["Schulbescheinigung", "Zeugnis"]

    with pytest.raises(ValidationError) as err:
        opened.instruments.record_outcome(m.id, OutcomeInput(MandateStatus.NOT_FULFILLED, TODAY))
    assert "consequence_taken" in err.value.problems

    done = opened.instruments.record_outcome(
        m.id, OutcomeInput(MandateStatus.FULFILLED, TODAY, note="Belege vollständig")
    )
    assert done.status is MandateStatus.FULFILLED
    assert done.outcome_on == TODAY
    assert opened.instruments.list_for_case(case.id)[0].outcome_note == "Belege vollständig"


def test_update_keeps_the_kind_and_validates(opened):
    case = _case(opened, Area.GREY)
    m = opened.instruments.issue(case.id, _check())
    changed = opened.instruments.update(m.id, _check(due_in=30))
    assert changed.due_on == TODAY + dt.timedelta(days=30)
    with pytest.raises(ValidationError):
        opened.instruments.update(m.id, MandateInput(MandateKind.CHECK, DAY, None, "x"))


def test_overdue_and_upcoming_across_cases(opened):
    grey = _case(opened, Area.GREY, "ASD-I-1")
    other = _case(opened, Area.GREY, "ASD-I-2")
    late = opened.instruments.issue(grey.id, _check(due_in=-3))
    soon = opened.instruments.issue(other.id, _check(due_in=5))
    far = opened.instruments.issue(other.id, _check(due_in=60))
    done = opened.instruments.issue(other.id, _check(due_in=-10))
    opened.instruments.record_outcome(done.id, OutcomeInput(MandateStatus.FULFILLED, TODAY))

    overdue = opened.instruments.overdue(TODAY)
    assert [r.mandate_id for r in overdue] == [late.id]
    assert overdue[0].file_number == "ASD-I-1"
    assert [r.mandate_id for r in opened.instruments.upcoming(TODAY)] == [soon.id]
    assert late.overdue(TODAY)
    assert not far.overdue(TODAY)


def test_open_mandates_feed_the_case_lists_next_deadline(opened):
    case = _case(opened, Area.GREY)
    assert _row(opened, case.id).next_deadline is None
    m = opened.instruments.issue(case.id, _check(due_in=9))
    assert _row(opened, case.id).next_deadline == TODAY + dt.timedelta(days=9)
    opened.instruments.issue(case.id, _check(due_in=4))
    assert _row(opened, case.id).next_deadline == TODAY + dt.timedelta(days=4)
    opened.instruments.record_outcome(
        opened.instruments.list_for_case(case.id)[0].id,
        OutcomeInput(MandateStatus.FULFILLED, TODAY),
    )
    assert _row(opened, case.id).next_deadline == m.due_on


def test_assessment_without_result_is_stopped(opened):
    case = _case(opened, Area.GREY)
    value = AssessmentInput(TODAY, "J. Petersen, K. Aydın", "Blaue Flecken", None, "Auflagen", None)
    with pytest.raises(ValidationError) as err:
        opened.instruments.assess(case.id, value)
    assert "Ergebnis" in err.value.problems["result"]
    assert opened.instruments.assessments(case.id) == []


def test_assessment_places_the_case_in_the_decided_area(opened):
    case = _case(opened, Area.GREY)
    view = opened.instruments.assess(
        case.id,
        AssessmentInput(
            TODAY,
            "J. Petersen, K. Aydın",
            "Blaue Flecken am Arm, Kind verängstigt.",
            RiskLevel.ACUTE,
            "Auflagen zum Schutz des Kindes",
            Area.DANGER,
        ),
    )
    assert view.result is RiskLevel.ACUTE
    detail = opened.cases.get_case(case.id, audit_opening=False)
    newest = detail.area_history[0]
    assert newest.area is Area.DANGER
    assert newest.id == view.area_assignment_id
    assert newest.reason == (
        f"Gefährdungseinschätzung vom {TODAY:%d.%m.%Y}: Auflagen zum Schutz des Kindes"
    )
    assert newest.decided_by == "J. Petersen, K. Aydın"
    assert _row(opened, case.id).area is Area.DANGER
    # now an Auflage is accepted
    auflage = opened.instruments.issue(case.id, _auflage())
    assert auflage.kind is MandateKind.REQUIREMENT


def test_demo_families_have_auftraege_an_assessment_auflagen_and_letters(opened):
    from asd_desktop.demo import fill_demo
    from asd_desktop.domain.enums import DocumentKind

    db = opened.database
    fill_demo(db.session_factory, db.device_id, cases=None, contacts_per_case=0, seed=1)
    rows = {r.family_name: r for r in opened.cases.list_cases(CaseQuery(status=None))}
    demir, schneider = rows["Demir"], rows["Schneider"]
    assert demir.area is Area.GREY
    kinds = [m.kind for m in opened.instruments.list_for_case(demir.id)]
    assert sorted(kinds) == sorted([MandateKind.CHECK, MandateKind.AVERT])
    assert any(r.case_id == demir.id for r in opened.instruments.overdue(TODAY))
    assert schneider.area is Area.DANGER
    (assessment,) = opened.instruments.assessments(schneider.id)
    assert assessment.result is RiskLevel.ACUTE
    auflagen = [
        m
        for m in opened.instruments.list_for_case(schneider.id)
        if m.kind is MandateKind.REQUIREMENT
    ]
    assert len(auflagen) == 2
    assert all(m.assessment_id == assessment.id for m in auflagen)
    for case in (demir, schneider):
        printed = {d.kind for d in opened.documents.list_for_case(case.id)}
        assert DocumentKind.MANDATE_LETTER in printed

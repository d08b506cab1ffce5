"""Demo data: the hand-written families and the generator, on real encrypted databases."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter

from sqlalchemy import func, select

from asd_desktop.demo import DemoSummary, family_specs, fill_demo, generate_specs
from asd_desktop.domain.enums import Area, CaseStatus, ContactKind, Role
from asd_desktop.models.case import AreaAssignment, Case, Contact, Person
from asd_desktop.services import vault
from asd_desktop.services.cases import (
    CaseQuery,
    area_problems,
    case_problems,
    contact_problems,
    person_problems,
)
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()


def _fill(opened: vault.OpenVault, **kwargs) -> DemoSummary:
    db = opened.database
    options = {"cases": None, "contacts_per_case": 50, "seed": 2014} | kwargs
    return fill_demo(db.session_factory, db.device_id, **options)


def _family(opened: vault.OpenVault, name: str):
    rows = [r for r in opened.cases.list_cases(CaseQuery(status=None)) if r.family_name == name]
    assert len(rows) == 1, name
    return opened.cases.get_case(rows[0].id)


def test_summary_reads_in_german():
    assert str(DemoSummary(12, 34, 560, 20)) == (
        "12 Fälle, 34 Personen, 560 Kontakte, 20 Falleinordnungen"
    )


def test_families_keep_their_non_ascii_names(opened):
    summary = _fill(opened)

    rows = opened.cases.list_cases(CaseQuery(status=None))
    assert summary.cases == len(rows) == 12
    assert {"Al Zein", "Yılmaz", "Wójcik", "Dvořák", "Nguyễn", "Popescu"} <= {
        r.family_name for r in rows
    }
    persons = [p for r in rows for p in opened.cases.get_case(r.id).persons]
    people = {(p.first_name, p.last_name) for p in persons}
    assert {
        ("Şükrü", "Yılmaz"),
        ("Ayşe", "Yılmaz"),
        ("Eylül", "Yılmaz"),
        ("Doğan", "Yılmaz"),
        ("Małgorzata", "Wójcik"),
        ("Łukasz", "Wójcik"),
        ("Zofia", "Żak"),
        ("Jiří", "Dvořák"),
        ("Řehoř", "Dvořák"),
    } <= people
    assert summary.persons == len(persons)


def test_al_zein_family_is_the_domain_example(opened):
    _fill(opened)
    case = _family(opened, "Al Zein")

    muharem = next(p for p in case.persons if p.first_name == "Muharem")
    assert muharem.roles == (Role.CHILD,)
    assert muharem.birth_date is not None
    age = TODAY.year - muharem.birth_date.year
    age -= (TODAY.month, TODAY.day) < (muharem.birth_date.month, muharem.birth_date.day)
    assert age == 13
    parents = {p.first_name: p for p in case.persons if Role.CUSTODY in p.roles}
    assert set(parents) == {"Rania", "Khaled"}
    assert parents["Rania"].interpreter_needed
    notes = " ".join(c.note for c in case.contacts)
    assert "18:00" in notes
    assert "Pause" in notes
    assert "respektvoll" in notes
    # The one correction of the demo: the later entry replaces the earlier in views.
    corrected = [c for c in case.contacts if c.corrected_by]
    assert len(corrected) == 1
    assert next(c for c in case.contacts if c.id == corrected[0].corrected_by).corrects_id == (
        corrected[0].id
    )


def test_families_cover_areas_kinds_roles_and_deadlines(opened):
    _fill(opened)
    rows = opened.cases.list_cases(CaseQuery(status=None))
    details = [opened.cases.get_case(r.id) for r in rows]

    areas = Counter(d.area for d in details)
    assert areas[Area.SERVICE] >= 6
    assert areas[Area.GREY] >= 2
    assert areas[Area.DANGER] == 1
    danger = next(d for d in details if d.area is Area.DANGER)
    assert "§ 8a" in danger.area_history[0].reason
    assert danger.area_history[0].decided_by
    assert all(3 <= len(d.contacts) <= 11 for d in details)
    kinds = {c.kind for d in details for c in d.contacts}
    assert kinds == set(ContactKind)
    roles = {role for d in details for p in d.persons for role in p.roles}
    assert {Role.CHILD, Role.MOTHER, Role.FATHER, Role.CUSTODY, Role.RELATIVE} <= roles
    assert {Role.NEIGHBOUR, Role.PROFESSIONAL} <= roles
    institutions = {p.institution for d in details for p in d.persons}
    assert any(i.startswith("Kita Sonnenschein") for i in institutions)
    assert any(i.startswith("Grundschule am Park") for i in institutions)
    assert sum(d.status is CaseStatus.CLOSED for d in details) == 2
    open_rows = [r for r in rows if r.status is CaseStatus.OPEN]
    overdue = [r for r in open_rows if r.next_deadline and r.next_deadline < TODAY]
    upcoming = [r for r in open_rows if r.next_deadline and r.next_deadline >= TODAY]
    assert overdue
    assert upcoming


def test_family_specs_pass_the_validators():
    for spec in family_specs(TODAY):
        assert case_problems(spec.case) == {}
        assert all(area_problems(a) == {} for a in spec.areas)
        assert all(person_problems(p) == {} for p in spec.persons)
        assert all(contact_problems(c) == {} for c in spec.contacts)


def test_generated_cases_have_exact_counts_and_stamped_versions(opened):
    summary = _fill(opened, cases=20, contacts_per_case=5, seed=3)

    db = opened.database
    with db.session_factory() as s:
        cases = s.scalar(select(func.count(Case.id)))
        contacts = s.scalar(select(func.count(Contact.id)))
        per_case = Counter(s.scalars(select(Person.case_id)).all())
        areas = Counter(s.scalars(select(AreaAssignment.case_id)).all())
        counters = s.scalars(select(Contact.origin_counter)).all()
        origins = set(s.scalars(select(Contact.origin_device)).all())
        corrections = s.scalar(
            select(func.count(Contact.id)).where(Contact.corrects_id.is_not(None))
        )
    assert (cases, contacts) == (20, 100)
    assert (summary.cases, summary.contacts) == (20, 100)
    assert summary.persons == sum(per_case.values())
    assert all(2 <= n <= 6 for n in per_case.values())
    assert len(per_case) == 20
    assert all(1 <= n <= 3 for n in areas.values())
    # The before_flush hook stamped every row with this device and its own counter.
    assert origins == {db.device_id}
    assert len(set(counters)) == len(counters)
    assert min(counters) > 0
    assert corrections == 2  # cases 10 and 20


def test_generated_list_rows_match_the_opened_cases(opened):
    _fill(opened, cases=20, contacts_per_case=5, seed=3)

    for row in opened.cases.list_cases(CaseQuery(status=None)):
        case = opened.cases.get_case(row.id)
        effective = [c for c in case.contacts if c.corrected_by is None]
        newest = max(effective, key=lambda c: c.occurred_at)
        assert row.area is case.area
        assert row.last_contact == newest.occurred_at
        # The earliest open step, whichever contact agreed it (Wiedervorlage).
        open_dues = [s.due_on for s in opened.steps.steps(row.id) if s.due_on is not None]
        assert row.next_deadline == (min(open_dues) if open_dues else None)


def test_generated_steps_are_realistic(opened):
    _fill(opened, cases=40, contacts_per_case=6, seed=5)
    today = dt.date.today()
    rows = opened.cases.list_cases(CaseQuery(status=None))
    steps = [s for r in rows for s in opened.steps.steps(r.id, include_done=True)]
    open_steps = [s for s in steps if not s.done]
    assert any(s.done for s in steps)
    assert any(s.due_on is not None and s.due_on < today for s in open_steps)
    assert any(s.contact_id is None for s in steps)  # entered by hand
    open_cases = [r for r in rows if r.status is CaseStatus.OPEN]
    assert 1 <= len(open_steps) / len(open_cases) <= 6
    assert all(s.done_on <= today for s in steps if s.done_on is not None)


def test_generated_names_are_searchable_ascii_folded(opened):
    _fill(opened, cases=60, contacts_per_case=2, seed=11)
    rows = opened.cases.list_cases(CaseQuery(status=None))
    special = next(r for r in rows if not r.family_name.isascii())
    plain = unicodedata.normalize("NFKD", special.family_name.replace("ı", "i").replace("ł", "l"))
    folded = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    assert folded.isascii()

    found = opened.cases.list_cases(CaseQuery(text=folded, status=None))

    assert special.id in {r.id for r in found}


def test_same_seed_same_families_other_seed_others(opened, tmp_path):
    first = [s.case for s in generate_specs(30, 3, seed=5, today=TODAY)]
    again = [s.case for s in generate_specs(30, 3, seed=5, today=TODAY)]
    other = [s.case for s in generate_specs(30, 3, seed=6, today=TODAY)]
    assert first == again
    assert [c.family_name for c in first] != [c.family_name for c in other]

    _fill(opened, cases=15, contacts_per_case=2, seed=5)
    second = vault.create_vault(tmp_path / "zweiter", PASSPHRASE, PASSPHRASE)
    try:
        _fill(second, cases=15, contacts_per_case=2, seed=5)
        names = [
            (r.file_number, r.family_name) for r in opened.cases.list_cases(CaseQuery(status=None))
        ]
        names_again = [
            (r.file_number, r.family_name) for r in second.cases.list_cases(CaseQuery(status=None))
        ]
    finally:
        second.close()
    assert names == names_again
    assert len(names) == 15

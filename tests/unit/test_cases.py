import datetime as dt

import pytest

from asd_desktop.domain.enums import Area, CaseStatus, ContactKind, Role
from asd_desktop.models.errors import NotFoundError, ValidationError
from asd_desktop.services.audit import verify
from asd_desktop.services.cases import (
    AreaInput,
    CaseInput,
    CaseQuery,
    ContactInput,
    PersonInput,
    case_problems,
    contact_problems,
    person_problems,
)

TODAY = dt.date.today()
FIRST_AREA = AreaInput(Area.SERVICE, TODAY, "Erstaufnahme", "Frau Krüger")


def make_case(opened, number="2026/0001", family="Yılmaz"):
    return opened.cases.create_case(CaseInput(number, family, TODAY, "Frau Krüger"), FIRST_AREA)


def test_create_case_lists_it_with_its_first_area(opened):
    row = make_case(opened)
    [listed] = opened.cases.list_cases()
    assert listed == row
    assert listed.area is Area.SERVICE
    assert listed.status is CaseStatus.OPEN
    assert listed.last_contact is None


def test_duplicate_file_number_is_refused_in_german_and_nothing_changes(opened):
    make_case(opened)
    with pytest.raises(ValidationError) as err:
        make_case(opened, family="Wójcik")
    assert "bereits vergeben" in err.value.problems["file_number"]
    assert [r.family_name for r in opened.cases.list_cases()] == ["Yılmaz"]


def test_empty_mandatory_fields_are_named():
    problems = case_problems(CaseInput(" ", "", TODAY))
    assert set(problems) == {"file_number", "family_name"}
    assert "Aktenzeichen" in problems["file_number"]


def test_professional_needs_institution():
    assert "institution" in person_problems(PersonInput("Becker", roles=(Role.PROFESSIONAL,)))
    assert not person_problems(
        PersonInput("Becker", roles=(Role.PROFESSIONAL,), institution="Kita")
    )


def test_contact_with_deadline_needs_next_step():
    value = ContactInput(dt.datetime.now(), ContactKind.PHONE, next_step_due=TODAY)
    assert "next_step" in contact_problems(value)


def test_people_roles_and_area_history_are_shown_newest_first(opened):
    case = make_case(opened)
    opened.cases.add_person(
        case.id, PersonInput("Yılmaz", "Şükrü", roles=(Role.FATHER, Role.CUSTODY), languages="tr")
    )
    opened.cases.change_area(
        case.id, AreaInput(Area.GREY, TODAY, "Hinweis der Schule", "Team Mitte")
    )
    detail = opened.cases.get_case(case.id)
    assert detail.area is Area.GREY
    assert [a.area for a in detail.area_history] == [Area.GREY, Area.SERVICE]
    [person] = detail.persons
    assert (person.first_name, person.last_name) == ("Şükrü", "Yılmaz")
    assert person.roles == (Role.FATHER, Role.CUSTODY)
    assert opened.cases.list_cases(CaseQuery(area=Area.GREY))[0].id == case.id
    assert opened.cases.list_cases(CaseQuery(area=Area.SERVICE)) == []


def test_contact_correction_is_a_new_entry_and_the_old_one_stays(opened):
    case = make_case(opened)
    when = dt.datetime(2026, 11, 2, 10, 0)
    old = opened.cases.record_contact(
        case.id, ContactInput(when, ContactKind.HOME_VISIT_ANNOUNCED, 60, note="Kuchen")
    )
    new = opened.cases.record_contact(
        case.id,
        ContactInput(when, ContactKind.HOME_VISIT_ANNOUNCED, 45, note="Küche aufgeräumt"),
        corrects_id=old.id,
    )
    detail = opened.cases.get_case(case.id)
    by_id = {c.id: c for c in detail.contacts}
    assert by_id[old.id].corrected_by == new.id
    assert by_id[old.id].note == "Kuchen"
    assert by_id[new.id].corrects_id == old.id
    with pytest.raises(ValidationError):
        opened.cases.record_contact(
            case.id, ContactInput(when, ContactKind.PHONE), corrects_id=old.id
        )


def test_list_shows_last_effective_contact_and_its_deadline(opened):
    case = make_case(opened)
    due = TODAY + dt.timedelta(days=7)
    opened.cases.record_contact(
        case.id, ContactInput(dt.datetime(2026, 10, 1, 9, 0), ContactKind.PHONE)
    )
    opened.cases.record_contact(
        case.id,
        ContactInput(
            dt.datetime(2026, 11, 1, 9, 0),
            ContactKind.OFFICE,
            next_step="Anruf Schule",
            next_step_due=due,
        ),
    )
    [row] = opened.cases.list_cases()
    assert row.last_contact == dt.datetime(2026, 11, 1, 9, 0)
    assert row.next_deadline == due


@pytest.mark.parametrize(
    ("query", "hits"),
    [
        ("yilmaz", {"Yılmaz"}),
        ("YIL", {"Yılmaz"}),
        ("wojcik", {"Wójcik"}),
        ("sukru", {"Yılmaz"}),
        ("lukasz", {"Wójcik"}),
        ("2026/0002", {"Wójcik"}),
        ("hausaufgaben", {"Al Zein"}),
        ("muharem hausauf", {"Al Zein"}),
        ("muharem wojcik", set()),
        ("", {"Yılmaz", "Wójcik", "Al Zein"}),
        ("  ---  ", {"Yılmaz", "Wójcik", "Al Zein"}),
        ('"unbalanced', set()),
    ],
)
def test_search_finds_names_numbers_and_notes_across_diacritics(opened, query, hits):
    a = make_case(opened, "2026/0001", "Yılmaz")
    b = make_case(opened, "2026/0002", "Wójcik")
    c = make_case(opened, "2026/0003", "Al Zein")
    opened.cases.add_person(a.id, PersonInput("Yılmaz", "Şükrü"))
    opened.cases.add_person(b.id, PersonInput("Wójcik", "Łukasz"))
    opened.cases.add_person(c.id, PersonInput("Al Zein", "Muharem"))
    opened.cases.record_contact(
        c.id,
        ContactInput(
            dt.datetime(2026, 11, 1, 16), ContactKind.PHONE, note="Hausaufgaben bis 18 Uhr"
        ),
    )
    found = {r.family_name for r in opened.cases.list_cases(CaseQuery(text=query))}
    assert found == hits


def test_closed_cases_leave_the_default_list(opened):
    case = make_case(opened)
    opened.cases.set_status(case.id, CaseStatus.CLOSED, TODAY)
    assert opened.cases.list_cases() == []
    [closed] = opened.cases.list_cases(CaseQuery(status=CaseStatus.CLOSED))
    assert closed.status is CaseStatus.CLOSED
    assert opened.cases.get_case(case.id).closed_on == TODAY


def test_every_change_and_opening_is_audited_in_an_intact_chain(opened):
    case = make_case(opened)
    opened.cases.get_case(case.id)
    opened.cases.add_person(case.id, PersonInput("Yılmaz", "Ayşe"))
    report = verify(opened.database.session_factory)
    assert report.ok
    # unlocked, case created, case opened, person added
    assert report.entries == 4


def test_unknown_case_is_not_found(opened):
    with pytest.raises(NotFoundError):
        opened.cases.get_case("01900000-0000-7000-8000-000000000000")


def test_a_reload_after_a_change_is_not_audited_as_an_opening(opened):
    case = make_case(opened)
    before = verify(opened.database.session_factory).entries
    opened.cases.get_case(case.id, audit_opening=False)
    assert verify(opened.database.session_factory).entries == before
    opened.cases.get_case(case.id)
    assert verify(opened.database.session_factory).entries == before + 1

"""The case view, driven as a caseworker would, on a real encrypted case file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from asd_desktop.domain.enums import Area, CaseStatus, ContactKind, Role
from asd_desktop.services.cases import (
    AreaInput,
    CaseInput,
    ContactInput,
    PersonInput,
)
from asd_desktop.ui.case_view import (
    CONTACTS_TAB,
    OVERVIEW_TAB,
    AreaHistoryModel,
    CaseView,
    ContactTableModel,
    PersonTableModel,
)
from asd_desktop.ui.dialogs.area_dialog import AreaDialog
from asd_desktop.ui.dialogs.case_dialog import CaseDialog
from asd_desktop.ui.dialogs.close_case_dialog import CloseCaseDialog
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.person_dialog import PersonDialog

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
OPENED = dt.date(2025, 1, 13)


def screenshot(widget: QWidget, name: str) -> None:
    """Keep a picture of ``widget`` for people to look at (the folder is git-ignored)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def cases(opened):
    return opened.cases


@pytest.fixture
def case_id(cases):
    """The Yılmaz case: three people, two Falleinordnungen, three contacts."""
    row = cases.create_case(
        CaseInput(
            "ASD-2025-0042",
            "Yılmaz",
            OPENED,
            "Frau Berger",
            "Emre (12) fehlt oft in der Schule; die Eltern wünschen Unterstützung.",
        ),
        AreaInput(Area.SERVICE, OPENED, "Erstaufnahme", "Frau Berger"),
    )
    cases.add_person(
        row.id,
        PersonInput(
            "Yılmaz",
            "Şükrü",
            dt.date(1979, 4, 2),
            "Veddeler Damm 12\n20539 Hamburg",
            "040 1234567",
            "Türkisch, Deutsch",
            True,
            (Role.FATHER, Role.CUSTODY),
        ),
    )
    cases.add_person(
        row.id, PersonInput("Yılmaz", "Emre", dt.date(2013, 6, 30), roles=(Role.CHILD,))
    )
    cases.add_person(
        row.id,
        PersonInput(
            "Wójcik",
            "Małgorzata",
            phone="040 7654321",
            languages="Polnisch, Deutsch",
            roles=(Role.PROFESSIONAL,),
            institution="Schule Slomanstieg",
        ),
    )
    cases.change_area(
        row.id,
        AreaInput(Area.GREY, dt.date(2025, 2, 3), "Schulversäumnisse gehäuft", "Frau Berger"),
    )
    cases.record_contact(
        row.id,
        ContactInput(
            dt.datetime(2025, 1, 20, 10, 0),
            ContactKind.HOME_VISIT_ANNOUNCED,
            75,
            "Şükrü Yılmaz, Emre",
            "Wohnung der Familie",
            "Erstgespräch; Emre möchte in seiner Klasse bleiben.",
            "Gespräch mit der Schule",
            dt.date(2025, 2, 1),
        ),
    )
    cases.record_contact(
        row.id,
        ContactInput(
            dt.datetime(2025, 2, 3, 14, 30),
            ContactKind.INSTITUTION,
            30,
            "Małgorzata Wójcik",
            "Schule Slomanstieg",
            "Fehlzeiten besprochen.",
        ),
    )
    return row.id


@pytest.fixture
def view(qtbot, cases) -> CaseView:
    widget = CaseView(cases)
    widget.resize(1200, 720)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    """Every QMessageBox.warning shown, instead of a modal box."""
    shown: list[str] = []

    def warning(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def drive_modal(qtbot, act: Callable[[QDialog], None]) -> list[QDialog]:
    """Run ``act`` on the next modal dialog once it is open; always close it afterwards."""
    seen: list[QDialog] = []

    def attempt(tries: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            if tries:
                QTimer.singleShot(10, lambda: attempt(tries - 1))
            return
        seen.append(dialog)
        try:
            # The headless platform activates a window only when asked to; shortcuts need it.
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, attempt)
    return seen


# --- showing ---------------------------------------------------------------------------


def test_shows_the_case_with_people_areas_and_contacts(qtbot, qtmodeltester, view, case_id):
    view.show_case(case_id)

    assert view.current_case_id() == case_id
    assert view.title_label.text() == "Familie Yılmaz"
    assert "ASD-2025-0042" in view.subtitle_label.text()
    assert "offen seit 13.01.2025" in view.subtitle_label.text()
    assert view.area_badge.text() == "Graubereich"
    assert view.area_badge.accessibleName() == "Falleinordnung: Graubereich"

    persons = view.persons_model
    assert column(persons, PersonTableModel.FIRST_NAME) == ["Małgorzata", "Emre", "Şükrü"]
    assert column(persons, PersonTableModel.NAME) == ["Wójcik", "Yılmaz", "Yılmaz"]
    assert column(persons, PersonTableModel.ROLES) == [
        "Fachkraft (Schule Slomanstieg)",
        "Kind",
        "Vater, sorgeberechtigt",
    ]
    assert column(persons, PersonTableModel.BIRTH_DATE) == ["", "30.06.2013", "02.04.1979"]
    assert column(persons, PersonTableModel.INTERPRETER) == ["nein", "nein", "ja"]
    assert persons.index(2, PersonTableModel.CONTACT).data() == (
        "040 1234567 · Veddeler Damm 12, 20539 Hamburg"
    )
    # Names are shown whole: each column is at least as wide as its longest name.
    metrics = view.persons_table.fontMetrics()
    for col, text in (
        (PersonTableModel.NAME, "Wójcik"),
        (PersonTableModel.FIRST_NAME, "Małgorzata"),
    ):
        assert view.persons_table.columnWidth(col) >= metrics.horizontalAdvance(text)

    areas = view.areas_model
    assert column(areas, AreaHistoryModel.AREA) == ["Graubereich", "Leistungsbereich"]
    assert column(areas, AreaHistoryModel.DATE) == ["03.02.2025", "13.01.2025"]
    assert column(areas, AreaHistoryModel.DECIDED_BY) == ["Frau Berger", "Frau Berger"]

    contacts = view.contacts_model
    assert column(contacts, ContactTableModel.DATE) == ["03.02.2025 14:30", "20.01.2025 10:00"]
    assert column(contacts, ContactTableModel.KIND) == [
        "Gespräch mit Institution",
        "Hausbesuch (angekündigt)",
    ]
    assert column(contacts, ContactTableModel.PRESENT) == [
        "Małgorzata Wójcik",
        "Şükrü Yılmaz, Emre",
    ]
    assert column(contacts, ContactTableModel.DURATION) == ["30 Min.", "75 Min."]
    assert column(contacts, ContactTableModel.DUE) == ["", "01.02.2025"]

    for model in (persons, areas, contacts):
        qtmodeltester.check(model)

    assert view.current_tab() == OVERVIEW_TAB
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Ü&berblick", "&Kontakte"]
    screenshot(view, "case_view_overview")
    view.set_current_tab(CONTACTS_TAB)
    assert view.current_tab() == CONTACTS_TAB
    view.contacts_table.selectRow(1)
    assert "Emre möchte in seiner Klasse bleiben." in view.contact_detail.toPlainText()
    assert "Frist 01.02.2025" in view.contact_detail.toPlainText()
    screenshot(view, "case_view_contacts")


def test_clear_shows_the_neutral_state(qtbot, view, case_id):
    view.show_case(case_id)
    view.clear()

    assert view.current_case_id() is None
    assert view.empty_label.isVisible()
    assert view.empty_label.text() == "Kein Fall geöffnet"
    assert view.title_label.text() == ""
    for model in (view.persons_model, view.areas_model, view.contacts_model):
        assert model.rowCount() == 0
    screenshot(view, "case_view_empty")


def test_slots_do_nothing_without_a_case(monkeypatch, view):
    def fail(*args, **kwargs):
        raise AssertionError("no dialog may open without a case")

    for dialog in (ContactDialog, PersonDialog, AreaDialog, CaseDialog):
        monkeypatch.setattr(dialog, "ask", fail)
    monkeypatch.setattr(CloseCaseDialog, "ask", fail)
    view.record_contact()
    view.add_person()
    view.change_area()
    view.edit_case()
    view.close_case()
    assert view.current_case_id() is None


def test_unknown_case_gives_a_german_message(view, warnings):
    view.show_case("0190e0c4-0000-7000-8000-000000000000")
    assert warnings == ["Der Fall wurde nicht gefunden."]
    assert view.current_case_id() is None


# --- people ----------------------------------------------------------------------------


def test_add_person_stores_what_the_dialog_returns(qtbot, monkeypatch, view, cases, case_id):
    view.show_case(case_id)
    value = PersonInput("Dvořák", "Řehoř", roles=(Role.RELATIVE,), languages="Tschechisch")
    monkeypatch.setattr(PersonDialog, "ask", classmethod(lambda cls, parent, initial=None: value))

    with qtbot.waitSignal(view.case_changed) as signal:
        view.add_person()

    assert signal.args == [case_id]
    stored = [p for p in cases.get_case(case_id).persons if p.last_name == "Dvořák"]
    assert len(stored) == 1
    assert stored[0].first_name == "Řehoř"
    assert stored[0].roles == (Role.RELATIVE,)
    assert "Řehoř" in column(view.persons_model, PersonTableModel.FIRST_NAME)
    assert view.selected_person() is not None
    assert view.selected_person().last_name == "Dvořák"


def test_add_person_by_typing_into_the_real_dialog(qtbot, view, cases, case_id):
    view.show_case(case_id)

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        assert dialog.windowTitle() == "Person hinzufügen"
        qtbot.keyClicks(dialog.last_name_edit, "Nowak")
        dialog.first_name_edit.setText("Zbigniew Łukasz")
        qtbot.keyClicks(dialog.languages_edit, "Polnisch")
        dialog.interpreter_check.setFocus()
        qtbot.keyClick(dialog.interpreter_check, Qt.Key.Key_Space)
        # Role "Verwandte/r" (fifth in the list), ticked with the keyboard.
        dialog.roles_list.setFocus()
        dialog.roles_list.setCurrentRow(4)
        qtbot.keyClick(dialog.roles_list, Qt.Key.Key_Space)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(view.case_changed):
        seen = drive_modal(qtbot, fill)
        view.add_person()

    assert len(seen) == 1
    stored = [p for p in cases.get_case(case_id).persons if p.last_name == "Nowak"]
    assert len(stored) == 1
    assert stored[0].first_name == "Zbigniew Łukasz"
    assert stored[0].languages == "Polnisch"
    assert stored[0].interpreter_needed is True
    assert stored[0].roles == (Role.RELATIVE,)


def test_empty_name_is_refused_inline_and_nothing_is_stored(qtbot, view, cases, case_id):
    view.show_case(case_id)
    before = len(cases.get_case(case_id).persons)
    inline: list[str] = []

    def try_empty(dialog: QDialog) -> None:
        assert isinstance(dialog, PersonDialog)
        qtbot.keyClicks(dialog.first_name_edit, "Anna")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.problems_label.isVisible()
        inline.append(dialog.problems_label.text())
        assert dialog.focusWidget() is dialog.last_name_edit
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    drive_modal(qtbot, try_empty)
    view.add_person()

    assert inline == ["Bitte den Namen der Person eingeben."]
    assert len(cases.get_case(case_id).persons) == before


def test_enter_on_a_person_opens_it_for_editing(qtbot, monkeypatch, view, cases, case_id):
    view.show_case(case_id)
    asked = []

    def ask(cls, parent, initial=None):
        asked.append(initial)
        return PersonInput(
            initial.last_name, initial.first_name, phone="0176 555", roles=initial.roles
        )

    monkeypatch.setattr(PersonDialog, "ask", classmethod(ask))
    view.persons_table.setFocus()
    view.persons_table.selectRow(2)
    with qtbot.waitSignal(view.case_changed):
        qtbot.keyClick(view.persons_table, Qt.Key.Key_Return)

    assert [p.first_name for p in asked] == ["Şükrü"]
    stored = next(p for p in cases.get_case(case_id).persons if p.first_name == "Şükrü")
    assert stored.phone == "0176 555"
    assert view.selected_person() is not None
    assert view.selected_person().first_name == "Şükrü"


# --- contacts --------------------------------------------------------------------------


def test_a_note_and_ctrl_return_record_a_home_visit(qtbot, view, cases, case_id):
    view.show_case(case_id)
    view.set_current_tab(CONTACTS_TAB)
    before = dt.datetime.now().replace(second=0, microsecond=0)

    def type_note(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        assert dialog.focusWidget() is dialog.note_edit
        qtbot.keyClicks(dialog.note_edit, "Kinder wohlauf, Termin mit Schule vereinbart.")
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with qtbot.waitSignal(view.case_changed):
        drive_modal(qtbot, type_note)
        view.record_contact()

    newest = cases.get_case(case_id).contacts[0]
    assert newest.note == "Kinder wohlauf, Termin mit Schule vereinbart."
    assert newest.kind is ContactKind.HOME_VISIT_ANNOUNCED
    assert newest.duration_minutes == 60
    assert before <= newest.occurred_at <= dt.datetime.now()
    assert newest.next_step_due is None
    assert view.contacts_model.index(0, ContactTableModel.NOTE).data() == newest.note
    assert view.selected_contact() is not None
    assert view.selected_contact().id == newest.id


def test_a_correction_is_a_new_entry_and_the_old_one_is_marked(
    qtbot, monkeypatch, view, cases, case_id, warnings
):
    view.show_case(case_id)
    view.set_current_tab(CONTACTS_TAB)
    view.contacts_table.selectRow(0)
    old = view.selected_contact()
    assert old is not None

    def fix(dialog: QDialog) -> None:
        assert isinstance(dialog, ContactDialog)
        assert dialog.windowTitle() == "Kontakt korrigieren"
        assert dialog.note_edit.toPlainText() == "Fehlzeiten besprochen."
        dialog.note_edit.setPlainText("Fehlzeiten besprochen; Schule meldet sich bis Freitag.")
        qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    with qtbot.waitSignal(view.case_changed):
        drive_modal(qtbot, fix)
        view.correct_contact()

    contacts = cases.get_case(case_id).contacts
    assert len(contacts) == 3
    correction = next(c for c in contacts if c.corrects_id == old.id)
    original = next(c for c in contacts if c.id == old.id)
    assert original.note == "Fehlzeiten besprochen."  # never edited in place
    assert original.corrected_by == correction.id

    model = view.contacts_model
    rows = {model.row_value(r).id: r for r in range(model.rowCount())}
    old_row, new_row = rows[old.id], rows[correction.id]
    assert new_row < old_row
    when = original.corrected_at
    assert when is not None
    assert when == correction.recorded_at
    assert model.index(old_row, ContactTableModel.REMARK).data() == f"korrigiert am {when:%d.%m.%Y}"
    assert model.index(old_row, ContactTableModel.REMARK).data(Qt.ItemDataRole.ToolTipRole) == (
        f"korrigiert am {when:%d.%m.%Y, %H:%M} Uhr"
    )
    assert model.index(new_row, ContactTableModel.REMARK).data() == "Korrektur"
    grey = model.index(old_row, ContactTableModel.NOTE).data(Qt.ItemDataRole.ForegroundRole)
    assert grey is not None
    assert grey.name() == "#757575"
    assert model.index(new_row, ContactTableModel.NOTE).data(Qt.ItemDataRole.ForegroundRole) is None
    screenshot(view, "case_view_contacts_corrected")

    # Correcting the replaced entry again is refused before any dialog opens.
    monkeypatch.setattr(
        ContactDialog, "ask", classmethod(lambda cls, parent, initial=None: pytest.fail("asked"))
    )
    view.contacts_table.selectRow(old_row)
    view.correct_contact()
    assert warnings == [
        "Dieser Kontakt wurde bereits korrigiert; bitte die neueste Fassung korrigieren."
    ]
    assert view.selected_contact().id == correction.id


def test_the_service_refusal_of_a_double_correction_is_shown(
    qtbot, monkeypatch, view, cases, case_id, warnings
):
    view.show_case(case_id)
    view.contacts_table.selectRow(1)
    old = view.selected_contact()
    # Another window corrected it meanwhile; this view still shows the old state.
    cases.record_contact(case_id, old, corrects_id=old.id)
    monkeypatch.setattr(
        ContactDialog, "ask", classmethod(lambda cls, parent, initial=None: initial)
    )

    with qtbot.assertNotEmitted(view.case_changed):
        view.correct_contact()

    assert warnings == [
        "Dieser Kontakt wurde bereits korrigiert; bitte die neueste Fassung korrigieren."
    ]
    assert len(cases.get_case(case_id).contacts) == 3


# --- area and case ---------------------------------------------------------------------


def test_change_area_updates_badge_and_history(qtbot, monkeypatch, view, cases, case_id):
    view.show_case(case_id)
    asked = []

    def ask(cls, parent, current):
        asked.append(current)
        return AreaInput(Area.DANGER, dt.date.today(), "Akute Gefährdung nach § 8a", "Team")

    monkeypatch.setattr(AreaDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(view.case_changed):
        view.change_area()

    assert asked == [Area.GREY]
    assert view.area_badge.text() == "Gefährdungsbereich"
    assert column(view.areas_model, AreaHistoryModel.AREA) == [
        "Gefährdungsbereich",
        "Graubereich",
        "Leistungsbereich",
    ]
    assert cases.get_case(case_id).area is Area.DANGER


def test_change_area_with_the_real_dialog(qtbot, view, cases, case_id):
    view.show_case(case_id)

    def place(dialog: QDialog) -> None:
        assert isinstance(dialog, AreaDialog)
        assert dialog.area_fields.area() is Area.GREY
        qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # &Leistungsbereich
        qtbot.waitUntil(lambda: dialog.area_fields.area() is Area.SERVICE)
        qtbot.keyClicks(dialog.area_fields.reason_edit, "Schule wird wieder regelmaessig besucht")
        qtbot.keyClicks(dialog.area_fields.decided_by_edit, "Frau Berger")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with qtbot.waitSignal(view.case_changed):
        drive_modal(qtbot, place)
        view.change_area()

    assert view.area_badge.text() == "Leistungsbereich"
    history = cases.get_case(case_id).area_history
    assert history[0].area is Area.SERVICE
    assert history[0].reason == "Schule wird wieder regelmaessig besucht"


def test_edit_case_keeps_the_typed_values_when_the_file_number_is_taken(
    qtbot, monkeypatch, view, cases, case_id, warnings
):
    cases.create_case(
        CaseInput("ASD-2025-0001", "Kowalczyk", OPENED),
        AreaInput(Area.SERVICE, OPENED, "Erstaufnahme", "Herr Lange"),
    )
    view.show_case(case_id)
    asked = []
    answers = [
        (CaseInput("ASD-2025-0001", "Yılmaz-Demir", OPENED, "Frau Berger", "neu"), None),
        (CaseInput("ASD-2025-0043", "Yılmaz-Demir", OPENED, "Frau Berger", "neu"), None),
    ]

    def ask(cls, parent, initial=None):
        asked.append(initial)
        return answers.pop(0)

    monkeypatch.setattr(CaseDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(view.case_changed):
        view.edit_case()

    assert len(warnings) == 1
    assert "»ASD-2025-0001« ist bereits vergeben" in warnings[0]
    assert asked[0].family_name == "Yılmaz"
    assert asked[1].family_name == "Yılmaz-Demir"  # what was typed is offered again
    assert asked[1].file_number == "ASD-2025-0001"
    detail = cases.get_case(case_id)
    assert (detail.file_number, detail.family_name) == ("ASD-2025-0043", "Yılmaz-Demir")
    assert view.title_label.text() == "Familie Yılmaz-Demir"


def test_close_and_reopen_the_case(qtbot, monkeypatch, view, cases, case_id):
    view.show_case(case_id)
    monkeypatch.setattr(
        CloseCaseDialog, "ask", classmethod(lambda cls, parent: dt.date(2025, 3, 31))
    )
    assert view.status_button.text() == "Fall ab&schließen…"

    with qtbot.waitSignal(view.case_changed):
        qtbot.mouseClick(view.status_button, Qt.MouseButton.LeftButton)

    assert cases.get_case(case_id).status is CaseStatus.CLOSED
    assert "abgeschlossen am 31.03.2025" in view.subtitle_label.text()
    assert view.status_button.text() == "Fall &wieder öffnen"

    with qtbot.waitSignal(view.case_changed):
        qtbot.mouseClick(view.status_button, Qt.MouseButton.LeftButton)
    assert cases.get_case(case_id).status is CaseStatus.OPEN
    assert view.status_button.text() == "Fall ab&schließen…"


def test_cancelled_dialogs_store_nothing(qtbot, monkeypatch, view, cases, case_id):
    view.show_case(case_id)
    for dialog in (ContactDialog, PersonDialog, CaseDialog):
        monkeypatch.setattr(dialog, "ask", classmethod(lambda cls, parent, initial=None: None))
    monkeypatch.setattr(AreaDialog, "ask", classmethod(lambda cls, parent, current: None))
    monkeypatch.setattr(CloseCaseDialog, "ask", classmethod(lambda cls, parent: None))
    before = cases.get_case(case_id)

    with qtbot.assertNotEmitted(view.case_changed):
        view.record_contact()
        view.add_person()
        view.change_area()
        view.edit_case()
        view.close_case()

    after = cases.get_case(case_id)
    assert (after.persons, after.contacts, after.area_history) == (
        before.persons,
        before.contacts,
        before.area_history,
    )

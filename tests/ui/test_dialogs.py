"""The editing dialogs, driven with keyboard and mouse; nothing here touches a database."""

from __future__ import annotations

import datetime as dt
import re
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
)

from asd_desktop.domain.enums import Area, CaseStatus, ContactKind, Role
from asd_desktop.services.cases import (
    AreaInput,
    CaseDetail,
    CaseInput,
    ContactInput,
    ContactView,
    PersonInput,
    PersonView,
)
from asd_desktop.ui.dialogs import (
    AreaDialog,
    CaseDialog,
    CloseCaseDialog,
    ContactDialog,
    PersonDialog,
)
from asd_desktop.ui.dialogs.area_dialog import AREA_EXPLANATIONS
from tests.ui.test_case_view import drive_modal, screenshot

INPUT_TYPES = (
    QLineEdit,
    QPlainTextEdit,
    QComboBox,
    QSpinBox,
    QDateEdit,
    QDateTimeEdit,
    QCheckBox,
    QRadioButton,
    QListWidget,
)

DETAIL = CaseDetail(
    id="c1",
    file_number="ASD-2025-0042",
    family_name="Yılmaz",
    status=CaseStatus.OPEN,
    opened_on=dt.date(2025, 1, 13),
    closed_on=None,
    caseworker="Frau Berger",
    description="Emre (12) fehlt oft in der Schule.",
)
PERSON = PersonView(
    id="p1",
    last_name="Wójcik",
    first_name="Małgorzata",
    birth_date=dt.date(1984, 11, 5),
    address="Slomanstieg 1\n20539 Hamburg",
    phone="040 7654321",
    languages="Polnisch, Deutsch",
    interpreter_needed=False,
    roles=(Role.PROFESSIONAL,),
    institution="Schule Slomanstieg",
)
CONTACT = ContactView(
    id="k1",
    occurred_at=dt.datetime(2025, 2, 3, 14, 30),
    kind=ContactKind.INSTITUTION,
    duration_minutes=30,
    present="Małgorzata Wójcik",
    place="Schule Slomanstieg",
    note="Fehlzeiten besprochen.",
    next_step="Rückmeldung an Familie",
    next_step_due=dt.date(2025, 2, 10),
)

FACTORIES = {
    "case_dialog_new": lambda: CaseDialog(),
    "case_dialog_edit": lambda: CaseDialog(DETAIL),
    "person_dialog": lambda: PersonDialog(PERSON),
    "area_dialog": lambda: AreaDialog(Area.GREY),
    "contact_dialog": lambda: ContactDialog(),
    "contact_dialog_correction": lambda: ContactDialog(CONTACT),
    "close_case_dialog": lambda: CloseCaseDialog(),
}


D = TypeVar("D", bound=QDialog)


def shown(qtbot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text)
    return found.group(1).lower() if found else None


@pytest.mark.parametrize("name", FACTORIES)
def test_every_input_is_named_labelled_and_reachable(qtbot, name):
    dialog = shown(qtbot, FACTORIES[name]())

    inputs = [w for t in INPUT_TYPES for w in dialog.findChildren(t)]
    inputs = [w for w in inputs if not isinstance(w.parent(), (QComboBox, QAbstractSpinBox))]
    assert inputs
    for widget in inputs:
        assert widget.accessibleName(), f"{type(widget).__name__} without accessible name"
    labels = [label for label in dialog.findChildren(QLabel) if mnemonic(label.text())]
    for label in labels:
        assert label.buddy() is not None, label.text()
    # Each mnemonic leads to exactly one place.
    keys = [mnemonic(label.text()) for label in labels]
    keys += [mnemonic(b.text()) for b in dialog.findChildren(QAbstractButton) if mnemonic(b.text())]
    assert len(keys) == len(set(keys)), keys
    assert dialog.save_button.text().replace("&", "") in ("Speichern", "Fall abschließen")
    assert dialog.cancel_button.text() == "Abbrechen"
    screenshot(dialog, name)


# --- ContactDialog ---------------------------------------------------------------------


def test_contact_dialog_defaults_are_made_for_a_home_visit(qtbot):
    before = dt.datetime.now().replace(second=0, microsecond=0)
    dialog = shown(qtbot, ContactDialog())

    assert dialog.windowTitle() == "Kontakt erfassen"
    assert dialog.focusWidget() is dialog.note_edit
    assert dialog.kind_combo.currentText() == "Hausbesuch (angekündigt)"
    assert dialog.duration_spin.value() == 60
    value = dialog.values()
    assert before <= value.occurred_at <= dt.datetime.now()
    assert value.occurred_at.second == 0
    assert value.kind is ContactKind.HOME_VISIT_ANNOUNCED
    assert value.next_step_due is None
    assert [dialog.kind_combo.itemText(i) for i in range(dialog.kind_combo.count())] == [
        k.label for k in ContactKind
    ]


def test_contact_dialog_tab_leaves_the_note_and_esc_cancels(qtbot):
    dialog = shown(qtbot, ContactDialog())
    qtbot.keyClicks(dialog.note_edit, "Kurz")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Tab)
    assert dialog.note_edit.toPlainText() == "Kurz"
    assert dialog.focusWidget() is dialog.next_step_edit

    qtbot.keyClick(dialog.next_step_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_contact_dialog_all_fields_by_keyboard(qtbot):
    dialog = shown(qtbot, ContactDialog())
    dialog.kind_combo.setCurrentIndex(list(ContactKind).index(ContactKind.PHONE))
    dialog.duration_spin.setFocus()
    dialog.duration_spin.selectAll()
    qtbot.keyClicks(dialog.duration_spin, "15")
    qtbot.keyClicks(dialog.present_edit, "Mutter")
    qtbot.keyClicks(dialog.place_edit, "Buero")
    qtbot.keyClicks(dialog.note_edit, "Termin bestaetigt")
    qtbot.keyClicks(dialog.next_step_edit, "Hausbesuch")
    dialog.due_edit.checkbox.setFocus()
    qtbot.keyClick(dialog.due_edit.checkbox, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.result() == QDialog.DialogCode.Accepted
    value = dialog.values()
    assert value.kind is ContactKind.PHONE
    assert value.duration_minutes == 15
    assert (value.present, value.place, value.note) == ("Mutter", "Buero", "Termin bestaetigt")
    assert value.next_step == "Hausbesuch"
    assert value.next_step_due == dt.date.today() + dt.timedelta(days=7)


def test_contact_dialog_shows_problems_inline_and_stays_open(qtbot):
    dialog = shown(qtbot, ContactDialog())
    dialog.due_edit.set_date(dt.date.today())
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.problems_label.isVisible()
    assert dialog.problems_label.text() == "Zur Frist bitte auch den nächsten Schritt angeben."
    assert dialog.focusWidget() is dialog.next_step_edit
    screenshot(dialog, "contact_dialog_problem")

    qtbot.keyClicks(dialog.next_step_edit, "Anruf bei der Schule")
    qtbot.keyClick(dialog.next_step_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_contact_dialog_prepares_a_correction(qtbot):
    dialog = shown(qtbot, ContactDialog(CONTACT))
    assert dialog.windowTitle() == "Kontakt korrigieren"
    expected = ContactInput(
        CONTACT.occurred_at,
        CONTACT.kind,
        CONTACT.duration_minutes,
        CONTACT.present,
        CONTACT.place,
        CONTACT.note,
        CONTACT.next_step,
        CONTACT.next_step_due,
    )
    assert dialog.values() == expected
    assert any("03.02.2025 14:30" in label.text() for label in dialog.findChildren(QLabel))


# --- PersonDialog ----------------------------------------------------------------------


def test_person_dialog_round_trips_a_person(qtbot):
    dialog = shown(qtbot, PersonDialog(PERSON))
    assert dialog.windowTitle() == "Person bearbeiten"
    assert dialog.last_name_edit.text() == "Wójcik"
    assert dialog.first_name_edit.text() == "Małgorzata"
    value = dialog.values()
    assert value == PersonInput(
        PERSON.last_name,
        PERSON.first_name,
        PERSON.birth_date,
        PERSON.address,
        PERSON.phone,
        PERSON.languages,
        PERSON.interpreter_needed,
        PERSON.roles,
        PERSON.institution,
    )


def test_person_dialog_asks_a_professional_for_the_institution(qtbot):
    dialog = shown(qtbot, PersonDialog())
    assert dialog.windowTitle() == "Person hinzufügen"
    assert dialog.focusWidget() is dialog.last_name_edit
    assert not dialog.institution_edit.isEnabled()
    qtbot.keyClicks(dialog.last_name_edit, "Lange")
    dialog.roles_list.setFocus()
    dialog.roles_list.setCurrentRow(list(Role).index(Role.PROFESSIONAL))
    qtbot.keyClick(dialog.roles_list, Qt.Key.Key_Space)
    assert dialog.roles() == (Role.PROFESSIONAL,)
    assert dialog.institution_edit.isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems_label.text() == "Bei einer Fachkraft bitte die Institution angeben."
    assert dialog.focusWidget() is dialog.institution_edit

    qtbot.keyClicks(dialog.institution_edit, "Erziehungsberatung Mitte")
    qtbot.keyClick(dialog.institution_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values().institution == "Erziehungsberatung Mitte"
    assert dialog.values().birth_date is None


def test_person_dialog_several_roles_and_a_birth_date(qtbot):
    dialog = shown(qtbot, PersonDialog())
    dialog.last_name_edit.setText("Ağaoğlu")
    dialog.set_roles((Role.MOTHER, Role.CUSTODY))
    dialog.birth_date_edit.set_date(dt.date(1990, 5, 17))
    value = dialog.values()
    assert value.last_name == "Ağaoğlu"
    assert value.roles == (Role.MOTHER, Role.CUSTODY)
    assert value.birth_date == dt.date(1990, 5, 17)
    assert value.institution == ""


# --- AreaDialog ------------------------------------------------------------------------


def test_area_dialog_explains_each_area_and_requires_reason_and_decider(qtbot):
    dialog = shown(qtbot, AreaDialog(Area.GREY))
    assert dialog.area_fields.area() is Area.GREY
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    for area in Area:
        assert AREA_EXPLANATIONS[area] in texts
    assert "Bisherige Einordnung: Graubereich." in " ".join(texts)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems_label.text() == (
        "Bitte die Begründung der Einordnung eingeben.\n"
        "Bitte angeben, wer die Einordnung entschieden hat."
    )
    assert dialog.focusWidget() is dialog.area_fields.reason_edit
    screenshot(dialog, "area_dialog_problem")

    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Ge&fährdungsbereich
    qtbot.waitUntil(lambda: dialog.area_fields.area() is Area.DANGER)
    qtbot.keyClick(dialog, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # &Begründung
    assert dialog.focusWidget() is dialog.area_fields.reason_edit
    qtbot.keyClicks(dialog.area_fields.reason_edit, "Akute Gefahr")
    qtbot.keyClick(dialog.area_fields.reason_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.area_fields.decided_by_edit
    qtbot.keyClicks(dialog.area_fields.decided_by_edit, "Team Mitte")
    qtbot.keyClick(dialog.area_fields.decided_by_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == AreaInput(Area.DANGER, dt.date.today(), "Akute Gefahr", "Team Mitte")


# --- CaseDialog ------------------------------------------------------------------------


def test_new_case_dialog_asks_for_the_first_area(qtbot):
    dialog = shown(qtbot, CaseDialog())
    assert dialog.windowTitle() == "Neuer Fall"
    assert dialog.focusWidget() is dialog.file_number_edit
    assert dialog.area_fields is not None
    assert dialog.area_fields.area() is Area.SERVICE
    assert dialog.area_fields.reason_edit.toPlainText() == "Erstaufnahme"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.problems_label.text().splitlines() == [
        "Bitte ein Aktenzeichen eingeben.",
        "Bitte den Familiennamen eingeben.",
        "Bitte angeben, wer die Einordnung entschieden hat.",
    ]
    assert dialog.focusWidget() is dialog.file_number_edit

    qtbot.keyClicks(dialog.file_number_edit, "ASD-2025-0117")
    dialog.family_name_edit.setText("Kowalczyk-Šťastná")
    qtbot.keyClicks(dialog.caseworker_edit, "Herr Lange")
    # Who decided follows the responsible caseworker until it is edited itself.
    assert dialog.area_fields.decided_by_edit.text() == "Herr Lange"
    qtbot.keyClick(dialog.file_number_edit, Qt.Key.Key_Return)

    assert dialog.result() == QDialog.DialogCode.Accepted
    case, area = dialog.values()
    assert case == CaseInput("ASD-2025-0117", "Kowalczyk-Šťastná", dt.date.today(), "Herr Lange")
    assert area == AreaInput(Area.SERVICE, dt.date.today(), "Erstaufnahme", "Herr Lange")


def test_edit_case_dialog_has_no_area_part(qtbot):
    dialog = shown(qtbot, CaseDialog(DETAIL))
    assert dialog.windowTitle() == "Fall bearbeiten"
    assert dialog.area_fields is None
    dialog.family_name_edit.setText("Yılmaz-Demir")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == (
        CaseInput(
            DETAIL.file_number,
            "Yılmaz-Demir",
            DETAIL.opened_on,
            DETAIL.caseworker,
            DETAIL.description,
        ),
        None,
    )


# --- CloseCaseDialog and the real ask() ------------------------------------------------


def test_close_case_dialog_refuses_a_future_date(qtbot):
    dialog = shown(qtbot, CloseCaseDialog())
    assert dialog.values() == dt.date.today()
    dialog.closed_on_edit.setDate(dialog.closed_on_edit.date().addDays(3))
    qtbot.keyClick(dialog.closed_on_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.problems_label.text() == "Das Abschlussdatum liegt in der Zukunft."


def test_ask_returns_the_value_or_none(qtbot):
    def accept(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    seen = drive_modal(qtbot, accept)
    assert CloseCaseDialog.ask(None) == dt.date.today()
    assert len(seen) == 1

    def cancel(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    drive_modal(qtbot, cancel)
    assert ContactDialog.ask(None) is None

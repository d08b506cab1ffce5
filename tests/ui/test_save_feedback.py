"""Feedback after saving: a status message, and the saved item selected and in view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QTableView

from asd_desktop.domain.enums import Area, ContactKind, Role
from asd_desktop.services.cases import AreaInput, ContactInput, PersonInput
from asd_desktop.ui.case_view import CONTACTS_TAB, CaseView
from asd_desktop.ui.dialogs.area_dialog import AreaDialog
from asd_desktop.ui.dialogs.contact_dialog import ContactDialog
from asd_desktop.ui.dialogs.person_dialog import PersonDialog
from asd_desktop.ui.main_window import MainWindow
from tests.ui import test_main_window as main_window_tests

clock = main_window_tests.clock
make_window = main_window_tests.make_window
seeded = main_window_tests.seeded
window = main_window_tests.window

TODAY = dt.date.today()


def _row_visible(table: QTableView, row: int) -> bool:
    rect = table.visualRect(table.model().index(row, 0))
    return rect.isValid() and table.viewport().rect().contains(rect.center())


def _open(window: MainWindow, case_id: str) -> CaseView:
    assert window.select_case(case_id)
    assert window._open_case(case_id)
    view = window.case_view
    assert view is not None
    return view


def test_a_saved_contact_is_announced_selected_and_scrolled_into_view(
    qtbot, window: MainWindow, seeded, monkeypatch
):
    case_id = seeded["Al Zein"]
    assert window.opened is not None
    for n in range(40):  # a long log: the new, oldest contact lands far below
        window.opened.cases.record_contact(
            case_id,
            ContactInput(
                occurred_at=dt.datetime.combine(TODAY - dt.timedelta(days=n + 5), dt.time(9)),
                kind=ContactKind.PHONE,
                note=f"Telefonat {n}",
            ),
        )
    view = _open(window, case_id)
    view.set_current_tab(CONTACTS_TAB)
    table = view.contacts_table
    table.scrollToTop()
    old_day = TODAY - dt.timedelta(days=400)
    contact = ContactInput(
        occurred_at=dt.datetime.combine(old_day, dt.time(10, 30)),
        kind=ContactKind.HOME_VISIT_ANNOUNCED,
        note="Nachgetragen: Hausbesuch im Vorjahr",
    )
    monkeypatch.setattr(ContactDialog, "ask", classmethod(lambda cls, *a, **k: contact))
    with qtbot.waitSignal(view.saved) as blocker:
        window.record_contact_action.trigger()
    expected = f"Kontakt gespeichert ({old_day:%d.%m.%Y}, Hausbesuch (angekündigt))"
    assert blocker.args == [expected]
    assert window.statusBar().currentMessage() == expected
    chosen = view.selected_contact()
    assert chosen is not None
    assert chosen.note == contact.note
    row = table.currentIndex().row()
    assert row == view.contacts_model.rowCount() - 1
    assert _row_visible(table, row)
    assert "Nachgetragen" in view.contact_detail.toPlainText()


def test_person_and_area_say_what_was_saved(qtbot, window: MainWindow, seeded, monkeypatch):
    view = _open(window, seeded["Yılmaz"])
    person = PersonInput("Yılmaz", "Elif", roles=(Role.CHILD,))
    monkeypatch.setattr(PersonDialog, "ask", classmethod(lambda cls, *a, **k: person))
    window.add_person_action.trigger()
    assert window.statusBar().currentMessage() == "Person hinzugefügt (Elif Yılmaz)"
    chosen = view.selected_person()
    assert chosen is not None
    assert chosen.first_name == "Elif"

    area = AreaInput(Area.DANGER, TODAY, "Meldung der Schule", "Frau Berger")
    monkeypatch.setattr(AreaDialog, "ask", classmethod(lambda cls, *a, **k: area))
    window.change_area_action.trigger()
    assert window.statusBar().currentMessage() == "Falleinordnung gespeichert (Gefährdungsbereich)"

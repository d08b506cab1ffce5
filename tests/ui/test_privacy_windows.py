"""Zur Löschung fällig confirmed by keyboard alone; the Art. 15 review; screenshots."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from asd_desktop.domain.enums import Area, CaseStatus, ContactKind, Role
from asd_desktop.domain.retention import RetentionClock, RetentionRules
from asd_desktop.services import vault
from asd_desktop.services.access_request import AccessRequestService
from asd_desktop.services.cases import AreaInput, CaseInput, ContactInput, PersonInput
from asd_desktop.services.retention import RetentionService
from asd_desktop.ui.privacy import AccessRequestDialog, ConfirmDeletionDialog, DeletionListDialog
from asd_desktop.ui.privacy.access_dialog import INCLUDE

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date(2026, 11, 24)
RULES = RetentionRules(clock=RetentionClock.CASE_CLOSED, after_majority_years=None)


def _shot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def _closed_case(ov: vault.OpenVault, number: str, name: str, closed: dt.date) -> str:
    case = ov.cases.create_case(
        CaseInput(file_number=number, family_name=name, opened_on=dt.date(2008, 1, 1)),
        AreaInput(Area.SERVICE, dt.date(2008, 1, 1), "Beratung", "Fr. Krause"),
    )
    mother = ov.cases.add_person(
        case.id, PersonInput(last_name=name, first_name="Erika", roles=(Role.MOTHER,))
    )
    ov.cases.record_contact(
        case.id,
        ContactInput(
            occurred_at=dt.datetime(2009, 3, 3, 10),
            kind=ContactKind.OFFICE,
            note=f"Erika {name} kommt zur Beratung",
        ),
    )
    ov.cases.set_status(case.id, CaseStatus.CLOSED, closed)
    return mother.id


def _when_modal(qtbot: QtBot, act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the next modal dialog once it is shown (it blocks in exec)."""

    tries = [0]

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible() or dialog.focusWidget() is None:
            tries[0] += 1
            if dialog is not None and dialog.isVisible() and tries[0] % 25 == 0:
                dialog.activateWindow()  # a busy machine may not have activated it yet
            if dialog is not None and tries[0] > 1500 and isinstance(dialog, QDialog):
                dialog.reject()  # never hang the run: the test then fails on what is missing
                return
            QTimer.singleShot(20, step)
            return
        try:
            act(dialog)
        finally:
            if dialog.isVisible() and isinstance(dialog, QDialog):
                dialog.reject()  # a failed step must not leave the test waiting forever

    QTimer.singleShot(0, step)


def _type(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text)  # ASCII only (non-ASCII would abort Python)


def test_deletion_list_confirmed_by_keyboard(qtbot: QtBot, opened: vault.OpenVault) -> None:
    _closed_case(opened, "51-0815", "Wendelgard", dt.date(2012, 6, 30))
    _closed_case(opened, "51-0999", "Ottokar", dt.date(2013, 2, 1))
    service = RetentionService(
        opened.database.session_factory, opened.database.device_id, lambda: RULES
    )
    deleted: list[str] = []
    window = DeletionListDialog(
        service, today=lambda: TODAY, user="Frau Meier", deleted=deleted.append
    )
    qtbot.addWidget(window)
    window.resize(1366, 600)
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == 2
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.focusWidget() is window.table
    assert not window.confirm_button.isEnabled()  # four eyes: first a proposal
    _shot(window, "privacy_deletion_list")

    # First person: Alt+V, the name is prefilled, Enter.
    _when_modal(qtbot, lambda d: QTest.keyClick(d.focusWidget(), Qt.Key.Key_Return))
    QTest.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)

    def proposed() -> bool:
        case = window.current()
        return case is not None and bool(case.requested_by)

    qtbot.waitUntil(proposed)
    current = window.current()
    assert current is not None
    assert "vorgemerkt von Frau Meier" in window.model.texts(current)[4]

    # Second person: Alt+B; the same name is refused, then another name and the Aktenzeichen.
    seen: dict[str, str] = {}

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, ConfirmDeletionDialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        _shot(dialog, "privacy_confirm_deletion")
        _type(dialog.name_edit, "Frau Meier")
        QTest.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.file_number_edit
        _type(dialog.file_number_edit, "51-0815")
        QTest.keyClick(dialog.file_number_edit, Qt.Key.Key_Return)
        seen["problem"] = dialog.problems_label.text()
        assert dialog.isVisible()
        dialog.name_edit.selectAll()
        _type(dialog.name_edit, "Herr Schulz")
        QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)

    _when_modal(qtbot, confirm)
    window.activateWindow()  # the closed dialog handed activation back
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.table, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.operation is not None and window.operation.done, timeout=30000)
    assert "andere Person" in seen["problem"]
    assert window.operation is not None
    assert window.operation.error is None
    assert len(deleted) == 1
    assert window.model.rowCount() == 1
    assert "51-0815 wurde gelöscht" in window.info.text()
    assert [c.file_number for c in opened.cases.list_cases()] == []  # closed ones are filtered
    assert not any(r.file_number == "51-0815" for r in service.due_list(TODAY))
    _shot(window, "privacy_deletion_done")


def test_access_review_shows_what_is_held_back(qtbot: QtBot, opened: vault.OpenVault) -> None:
    mother = _closed_case(opened, "51-0815", "Wendelgard", dt.date(2012, 6, 30))
    service = AccessRequestService(opened.database.session_factory, opened.database.device_id)
    with opened.database.session_factory() as s:
        from asd_desktop.models import Person

        person = s.get(Person, mother)
        assert person is not None
        the_case = person.case_id
    opened.cases.add_person(
        the_case, PersonInput(last_name="Ambos", first_name="Gottfried", roles=(Role.NEIGHBOUR,))
    )
    dialog = AccessRequestDialog(
        service,
        the_case,
        [(mother, "Erika Wendelgard")],
        today=lambda: TODAY,
        user="Fr. Krause",
    )
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.record_button.click()
    assert "Frist: 24.12.2026" in dialog.summary.text()
    dialog.prepare()
    rows = dialog.table.rowCount()
    assert rows >= 4
    held = []
    for r in range(rows):
        check, label = dialog.table.item(r, INCLUDE), dialog.table.item(r, 1)
        assert check is not None
        assert label is not None
        if check.checkState() == Qt.CheckState.Unchecked:
            held.append(label.text())
    assert held == ["Person (Nachbar/in)"]
    # Space on the first line holds it back; its reason is then missing.
    dialog.table.setCurrentCell(0, INCLUDE)
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    assert "fehlt der Grund" in dialog.summary.text()
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    _shot(dialog, "privacy_access_review")
    assert isinstance(dialog.by_edit, QLineEdit)


def test_case_shows_its_deletion_date_and_what_was_entrusted(
    qtbot: QtBot, opened: vault.OpenVault
) -> None:
    from asd_desktop.ui.case_view import CaseView

    mother = _closed_case(opened, "51-0815", "Wendelgard", dt.date(2012, 6, 30))
    with opened.database.session_factory() as s:
        from asd_desktop.models import Person

        person = s.get(Person, mother)
        assert person is not None
        case_id = person.case_id
    opened.cases.record_contact(
        case_id,
        ContactInput(
            occurred_at=dt.datetime(2012, 5, 2, 9),
            kind=ContactKind.PHONE,
            note="Die Tochter erzaehlt vom Streit",
            entrusted_by="Tochter",
        ),
    )
    service = RetentionService(
        opened.database.session_factory, opened.database.device_id, lambda: RULES
    )
    view = CaseView(opened.cases, documents=opened.documents)
    view.retention_text = lambda cid: service.for_case(cid).due_text
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.show_case(case_id)
    text = view.overview.master_labels["retention"].text()
    assert text.startswith("Löschen ab 01.01.2023")
    _shot(view, "privacy_case_deletion_date")
    view.tabs.setCurrentWidget(view.contacts)
    view.contacts.contacts_table.selectRow(0)
    assert "Anvertraut von Tochter" in view.contacts.contact_detail.toPlainText()

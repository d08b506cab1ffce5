"""What the main window and the case window call for data protection (kept out of them)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from asd_desktop.models.errors import AsdError
from asd_desktop.services.access_request import AccessRequestService
from asd_desktop.services.entrusted import EntrustedService
from asd_desktop.services.retention import RetentionService
from asd_desktop.ui.privacy.access_dialog import AccessRequestDialog
from asd_desktop.ui.privacy.deletion_list import DeletionListDialog
from asd_desktop.ui.privacy.entrusted_dialog import EntrustedDialog

if TYPE_CHECKING:
    from asd_desktop.ui.case_view import CaseView
    from asd_desktop.ui.main_window.window import MainWindow


def retention_service(window: MainWindow) -> RetentionService | None:
    """The retention service of the open case file, with the office's rules."""
    opened = window.opened
    if opened is None:
        return None
    return RetentionService(
        opened.database.session_factory,
        opened.database.device_id,
        lambda: window.settings.retention,
    )


def open_deletion_list(window: MainWindow) -> DeletionListDialog | None:
    """Open the list "Zur Löschung fällig" (Datei menu)."""
    service = retention_service(window)
    if service is None:
        return None

    def deleted(_case_id: str) -> None:
        view = window.case_view
        if view is not None and view.current_case_id() == _case_id:
            view.clear()
        window.refresh()

    dialog = DeletionListDialog(
        service,
        user=window.settings.office.caseworker_name,
        deleted=deleted,
        parent=window,
    )
    dialog.exec()
    dialog.deleteLater()
    return dialog


def open_access_request(window: MainWindow, view: CaseView) -> None:
    """Open "Auskunft nach Art. 15" for the open case (Fall menu)."""
    opened, case_id = window.opened, view.current_case_id()
    detail = view.current_detail()
    if opened is None or case_id is None or detail is None:
        return
    service = AccessRequestService(
        opened.database.session_factory,
        opened.database.device_id,
        office=lambda: window.settings.office,
        rules=lambda: window.settings.retention,
    )
    persons = [(p.id, f"{p.first_name} {p.last_name}".strip()) for p in detail.persons]
    dialog = AccessRequestDialog(
        service, case_id, persons, user=window.settings.office.caseworker_name, parent=window
    )
    dialog.exec()
    dialog.deleteLater()
    view.show_case(case_id, reload=True)


def wire_case_view(window: MainWindow, view: CaseView) -> None:
    """The deletion date on the Überblick, the Anvertraut … button on Dokumente."""
    opened = window.opened
    if opened is None:
        return
    entrusted = EntrustedService(opened.database.session_factory, opened.database.device_id)

    def retention_text(case_id: str) -> str:
        service = retention_service(window)
        if service is None:
            return ""
        try:
            return service.for_case(case_id).due_text
        except AsdError:
            return ""

    view.retention_text = retention_text
    contacts = view.contacts
    button = contacts.entrusted_contact_button

    def contact_entrusted() -> None:
        contact = view.selected_contact()
        case_id = view.current_case_id()
        if contact is None or case_id is None:
            return
        label = f"Kontakt vom {contact.occurred_at:%d.%m.%Y %H:%M}"
        EntrustedDialog.open_for(contacts, entrusted, "contacts", contact.id, label)
        view.show_case(case_id, reload=True)

    button.clicked.connect(contact_entrusted)
    button.show()
    tab = view.documents_tab
    if tab is not None:
        tab.entrusted_opener = lambda document_id, title: EntrustedDialog.open_for(
            tab, entrusted, "documents", document_id, title
        )


def today() -> dt.date:
    """Today (one place for tests to look)."""
    return dt.date.today()

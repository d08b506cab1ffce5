"""Where the window works, and what an external Familienrat moderator's laptop offers.

A workstation of the office hub on PostgreSQL names the server in the status bar and
the title; a file on this computer says so. On a laptop enrolled as
"Familienrat-Koordination (extern)" the case view shows only the Überblick and the
Familienrat, and the commands for the rest of a case are disabled with the reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from asd_desktop.services.sync.moderator import is_moderator_here
from asd_desktop.storage.server import engine_place

if TYPE_CHECKING:
    from asd_desktop.services.vault import OpenVault
    from asd_desktop.ui.case_view import CaseView
    from asd_desktop.ui.main_window.window import MainWindow

SERVER_PREFIX = "Dienststellen-Server: "
SERVER_TOOLTIP = (
    "Die Fallakten liegen auf dem Datenbank-Server der Dienststelle, nicht auf diesem "
    "Rechner. Alle Arbeitsplätze im Büro arbeiten auf denselben Daten: was hier "
    "gespeichert wird, sehen die Kolleginnen und Kollegen sofort."
)
LOCAL_TEXT = "Lokale Akte (verschlüsselt)"
LOCAL_TOOLTIP = (
    "Die Fallakten liegen verschlüsselt in einer Datei auf diesem Rechner. Mit dem Büro "
    "werden sie über die Synchronisation ausgetauscht."
)
MODERATOR_TEXT = "Familienrat-Koordination (extern)"
#: Why a command is disabled on a moderator's laptop (after the command's own reason).
MODERATOR_WHY = (
    "Dieses Gerät ist für die Familienrat-Koordination (extern) eingerichtet und erhält "
    "von den zugeteilten Fällen nur den Familienrat."
)


def _reasons(window: MainWindow) -> dict[QAction, str]:
    """The commands a moderator's laptop does not offer, each with its own reason."""
    w = window
    sozialraum = "Der Sozialraum-Katalog wird im Büro geführt."
    return {
        w.new_case_action: "Neue Fälle legt das Büro an.",
        w.deletion_list_action: "Die Löschfristen der Fälle führt das Büro.",
        w.access_action: "Auskünfte nach Art. 15 DSGVO erteilt das Büro.",
        w.goal_work_action: "Die Zielerarbeitung gehört zur Fallführung.",
        w.consultation_action: "Die Kollegiale Beratung findet im Team des Büros statt.",
        w.hilfen_action: "Hilfen und Hilfeplan führt die fallführende Fachkraft.",
        w.record_contact_action: "Kontakte führt die fallführende Fachkraft.",
        w.add_person_action: "Die Personen des Falls führt die fallführende Fachkraft.",
        w.change_area_action: "Die Falleinordnung entscheidet das Büro.",
        w.edit_case_action: "Die Falldaten ändert das Büro.",
        w.close_case_action: "Einen Fall schließt das Büro ab.",
        w.assessment_action: "Die Gefährdungseinschätzung gehört zur Fallführung.",
        w.exploration_action: sozialraum,
        w.sozialraum_action: sozialraum,
        w.needs_list_action: sozialraum,
        w.overdue_action: "Aufträge und Auflagen mit ihren Fristen führt das Büro.",
        w.wirkung_action: "Der Wirkungsbericht wird im Büro erstellt.",
        w.help_kinds_action: "Die Arten der Hilfe pflegt das Büro.",
    }


class Workplace:
    """The window's part that says where it works and what this device offers.

    Args:
        window: the main window (its menus are built).
        title: the window title without the place.
    """

    def __init__(self, window: MainWindow, title: str) -> None:
        self._window = window
        self._title = title
        self.label = QLabel()
        self.label.setAccessibleName("Wo die Fallakten liegen")
        self.label.hide()
        #: The commands not offered on this device, with the reason shown as tooltip.
        self.withheld: dict[QAction, str] = {}
        self.moderator = False
        for menu in window.menuBar().findChildren(QMenu):
            # A disabled command says why when the pointer rests on it.
            menu.setToolTipsVisible(True)

    def apply(self, opened: OpenVault, view: CaseView | None) -> bool:
        """Name the place of ``opened`` and fit the window to this device's scope.

        Returns whether the device's scope changed (the caller re-enables the commands).
        """
        place = engine_place(opened.database.engine)
        moderator = place is None and is_moderator_here(opened.database.session_factory)
        if place is not None:
            self.label.setText(SERVER_PREFIX + place)
            self.label.setToolTip(SERVER_TOOLTIP)
            self._window.setWindowTitle(f"{self._title} – {SERVER_PREFIX}{place}")
        else:
            text = LOCAL_TEXT + (f" – {MODERATOR_TEXT}" if moderator else "")
            self.label.setText(text)
            self.label.setToolTip(LOCAL_TOOLTIP + (f" {MODERATOR_WHY}" if moderator else ""))
            self._window.setWindowTitle(
                f"{self._title} – {MODERATOR_TEXT}" if moderator else self._title
            )
        self.label.show()
        if view is not None:
            view.set_familienrat_only(moderator)
        changed = moderator != self.moderator
        self.moderator = moderator
        self._withhold(_reasons(self._window) if moderator else {})
        return changed

    def clear(self) -> None:
        """Locked: nothing is open, so nothing is named."""
        self.label.clear()
        self.label.hide()
        self._window.setWindowTitle(self._title)

    def _withhold(self, reasons: dict[QAction, str]) -> None:
        for action in self.withheld:
            if action not in reasons:
                action.setToolTip("")
                action.setStatusTip("")
        self.withheld = {}
        for action, reason in reasons.items():
            why = f"{reason} {MODERATOR_WHY}"
            action.setToolTip(why)
            action.setStatusTip(why)
            action.setEnabled(False)
            self.withheld[action] = why

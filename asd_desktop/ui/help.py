"""Help at F1: a short German text for the place the keyboard focus is in.

A place finds its help by an id. The id comes, walking from the focus widget up to its
window, from the first of: a ``help_id`` dynamic property (:func:`set_help_id`), the
current page of a wizard (``<wizard id>-<page id>``), the current page of a tab or stack
widget, or the widget's class in :data:`HELP_IDS`. So no widget needs help code of its
own. The texts are Markdown files ``resources/help/<id>.md``; one application-wide event
filter (:func:`install_help`) answers F1 with a small non-modal :class:`HelpWindow`.
"""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    QWizard,
)
from typing_extensions import override

from asd_desktop.resources_path import resource

#: The dynamic property that gives a widget its help id.
HELP_PROPERTY = "help_id"
#: Help for the whole keyboard (Hilfe → Tastenkürzel); the one place the table lives.
KEYS_HELP_ID = "tastenkuerzel"
#: Help shown when nothing around the focus has its own.
FALLBACK_HELP_ID = "allgemein"

#: Window, tab, dialog and wizard classes → help id. A key is a class name, or the end of
#: its dotted path where two classes share a name ("sync_window.review_dialog.ReviewDialog").
HELP_IDS: dict[str, str] = {
    # windows
    "CaseListWindow": "fallliste",
    "CaseView": "fall",
    "SyncWindow": "synchronisation",
    "ConflictInbox": "konfliktposteingang",
    "SozialraumWindow": "sozialraum-katalog",
    "NeedsListDialog": "bedarfsliste",
    "SettingsDialog": "einstellungen",
    "LockScreen": "sperrbildschirm",
    "UnlockPage": "sperrbildschirm",
    "FirstStartPage": "ersteinrichtung",
    "DeadlinesWindow": "wiedervorlage",
    "WirkungWindow": "wirkungsbericht",
    # the case's tabs
    "OverviewPanel": "fall-ueberblick",
    "ContactsPanel": "fall-kontakte",
    "GoalsTab": "fall-wille-ziele",
    "FamilienratTab": "fall-familienrat",
    "MandatesTab": "fall-auftraege-auflagen",
    "DocumentsTab": "fall-dokumente",
    "NetworkMapTab": "fall-netzwerkkarte",
    "HilfenTab": "fall-hilfen",
    # wizards (their pages: "<id>-<page id>")
    "GoalWizard": "zielerarbeitung",
    "PreparationWizard": "familienrat-vorbereitung",
    "InformationWizard": "familienrat-information",
    "FamilyPhaseWizard": "familienrat-familienphase",
    "DecisionWizard": "familienrat-entscheidung",
    "FollowUpWizard": "familienrat-folgerat",
    "ConsultationWizard": "kollegiale-beratung",
    # dialogs
    "CaseDialog": "dialog-fall",
    "PersonDialog": "dialog-person",
    "ContactDialog": "dialog-kontakt",
    "AreaDialog": "dialog-falleinordnung",
    "AssessmentDialog": "dialog-einschaetzung",
    "CloseCaseDialog": "dialog-fall-abschliessen",
    "MandateDialog": "dialog-auftrag-auflage",
    "EvidenceDialog": "dialog-beleg",
    "OutcomeDialog": "dialog-auftrag-ergebnis",
    "dialogs.review_dialog.ReviewDialog": "dialog-ueberpruefung",
    "ExplorationDialog": "zehn-minuten-sozialraumerkundung",
    "CatalogEntryDialog": "dialog-katalogeintrag",
    "CatalogPickDialog": "dialog-katalog-auswahl",
    "StepDialog": "dialog-schritt",
    "DraftOfferDialog": "dialog-entwurf",
    "DismissFindingDialog": "dialog-hinweis-verwerfen",
    "HoursDialog": "dialog-familienrat-stunden",
    "ChangePassphraseDialog": "dialog-passphrase",
    "OfficeSetupDialog": "dialog-dienststelle-einrichten",
    "OfficeDialog": "dialog-dienststelle",
    "EnrollDeviceDialog": "dialog-geraet-anmelden",
    "JoinDialog": "dialog-geraet-beitreten",
    "sync_window.review_dialog.ReviewDialog": "dialog-abgleich-pruefen",
    "ImportReportDialog": "dialog-importbericht",
    "AssignCasesDialog": "dialog-faelle-zuweisen",
    "TipsPreviewDialog": "dialog-tipps-vorschau",
    "PdfPreviewDialog": "dialog-pdf-vorschau",
    "DeletionListDialog": "loeschung",
    "NameDialog": "dialog-loeschung-vormerken",
    "ConfirmDeletionDialog": "dialog-loeschung-bestaetigen",
    "LegalHoldDialog": "dialog-loeschsperre",
    "AccessRequestDialog": "auskunft",
    "EntrustedDialog": "dialog-anvertraut",
    "SigningDialog": "dialog-unterschreiben",
    "VerifyDialog": "dialog-dokument-pruefen",
    "network_map.dialogs.NewMapDialog": "dialog-netzwerkkarte-neu",
    "network_map.dialogs.AddEntryDialog": "dialog-netzwerk-eintrag",
    "network_map.dialogs.RelationDialog": "dialog-netzwerk-beziehung",
    "network_map.dialogs.GoalsDialog": "dialog-netzwerk-ziele",
    "network_map.dialogs.SaveVersionDialog": "dialog-netzwerk-fassung",
    "network_map.dialogs.ChangesDialog": "dialog-netzwerk-veraenderungen",
    "network_map.dialogs.DeleteMapDialog": "dialog-netzwerkkarte-loeschen",
    "network_map.pick.MapPersonPickDialog": "dialog-netzwerk-auswahl",
    "ProgressPanel": "dialog-fortschritt",
    "OverdueDialog": "dialog-ueberfaellig",
    "HilfeDialog": "dialog-hilfe",
    "MeetingDialog": "dialog-hilfeplan",
    "PlaceDialog": "dialog-zuordnung",
    "KindsDialog": "dialog-arten-der-hilfe",
    "KindDialog": "dialog-arten-der-hilfe",
}


def set_help_id(widget: QWidget, help_id: str) -> None:
    """Give ``widget`` (and what lies inside it) the help ``help_id``."""
    widget.setProperty(HELP_PROPERTY, help_id)


def class_help_id(cls: type) -> str | None:
    """The help id :data:`HELP_IDS` gives ``cls`` or its nearest base class, if any."""
    for klass in cls.__mro__:
        dotted = f"{klass.__module__}.{klass.__qualname__}"
        for key, help_id in HELP_IDS.items():
            if dotted == key or dotted.endswith("." + key):
                return help_id
    return None


def _own_help_id(widget: QWidget) -> str | None:
    value = widget.property(HELP_PROPERTY)
    if isinstance(value, str) and value:
        return value
    if isinstance(widget, QWizard):
        page = widget.currentPage()
        own = class_help_id(type(widget))
        if page is not None and own is not None:
            explicit = page.property(HELP_PROPERTY)
            if isinstance(explicit, str) and explicit:
                return explicit
            return f"{own}-{widget.currentId()}"
        return own
    if isinstance(widget, QTabWidget | QStackedWidget):
        current = widget.currentWidget()
        inner = _own_help_id(current) if current is not None else None
        if inner:
            return inner
    return class_help_id(type(widget))


def help_id_for(widget: QWidget | None) -> str | None:
    """The help id of the place ``widget`` is in: its own, else its nearest ancestor's."""
    while widget is not None:
        help_id = _own_help_id(widget)
        if help_id:
            return help_id
        widget = widget.parentWidget()
    return None


def help_path_exists(help_id: str) -> bool:
    """Whether the help text ``help_id`` is shipped and not empty."""
    try:
        return bool(help_text(help_id).strip())
    except OSError:
        return False


def help_text(help_id: str) -> str:
    """The Markdown text of ``help_id``.

    Raises:
        OSError: the text is not shipped.
    """
    return resource("help", f"{help_id}.md").read_text(encoding="utf-8")


def app_version() -> str:
    """The installed version of asd-desktop ("unbekannt" in a bare checkout)."""
    try:
        return metadata.version("asd-desktop")
    except metadata.PackageNotFoundError:
        return "unbekannt"


def about_text() -> str:
    """What "Über asd-desktop" says: version, licence, purpose."""
    return (
        f"<h3>asd-desktop {app_version()}</h3>"
        "<p>Fallarbeit im Allgemeinen Sozialen Dienst (ASD) nach dem Ansatz der "
        "ressourcenorientierten Fallarbeit: Wille und Ziele der Familie, Ressourcen, "
        "Falleinordnung (Leistungs-, Grau- und Gefährdungsbereich), Familienrat und "
        "Kollegiale Beratung. Die Daten liegen verschlüsselt auf diesem Gerät.</p>"
        "<p>Lizenz: GNU General Public License, Version 3 oder später "
        "(GPL-3.0-or-later). Das Programm wird ohne jede Gewährleistung bereitgestellt.</p>"
        "<p>Hilfe zur Stelle, an der Sie gerade sind: F1.</p>"
    )


def show_about(parent: QWidget | None) -> None:
    """Show "Über asd-desktop"."""
    QMessageBox.about(parent, "Über asd-desktop", about_text())


class HelpWindow(QWidget):
    """A small non-modal window with one help text; Esc closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle("Hilfe")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.help_id = ""
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Hilfetext")
        self.browser.setOpenExternalLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.browser)
        self.resize(520, 460)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def show_help(self, help_id: str) -> None:
        """Show the text ``help_id`` (or the general help when it is missing) and raise."""
        try:
            text = help_text(help_id)
        except OSError:
            text = help_text(FALLBACK_HELP_ID)
        self.help_id = help_id
        self.browser.setMarkdown(text)
        first = text.lstrip().splitlines()[0].lstrip("# ").strip() if text.strip() else ""
        self.setWindowTitle(f"Hilfe – {first}" if first else "Hilfe")
        self.show()
        if QGuiApplication.platformName() != "offscreen":  # that plugin warns on raise()
            self.raise_()
        self.activateWindow()
        self.browser.setFocus()


class HelpController(QObject):
    """Answers F1 anywhere in the application with the help of the focused place."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: HelpWindow | None = None

    def show_help(self, help_id: str, near: QWidget | None = None) -> HelpWindow:
        """Open the help window with ``help_id``, owned by the window of ``near``.

        Owned by that window, the help stays usable beside a modal dialog and goes
        with it.
        """
        owner = near.window() if near is not None else None
        if owner is not None and owner.objectName() == "helpWindow":
            owner = owner.parentWidget()
        if self.window is None or self.window.parentWidget() is not owner:
            if self.window is not None:
                self.window.close()
                self.window.deleteLater()
            self.window = HelpWindow(owner)
            # The owner's window takes its help along when it goes.
            window = self.window
            window.destroyed.connect(lambda *_: self._forget(window))
        self.window.show_help(help_id)
        return self.window

    def _forget(self, window: HelpWindow) -> None:
        if self.window is window:
            self.window = None

    def help_for_focus(self) -> HelpWindow:
        """Open the help of the place the keyboard focus is in."""
        app = QApplication.instance()
        focus = QApplication.focusWidget() if isinstance(app, QApplication) else None
        if focus is None and isinstance(app, QApplication):
            focus = QApplication.activeWindow()
        if focus is not None and focus.window().objectName() == "helpWindow":
            return focus.window()  # type: ignore[return-value]
        return self.show_help(help_id_for(focus) or FALLBACK_HELP_ID, focus)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F1
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and isinstance(watched, QWidget)
        ):
            self.help_for_focus()
            return True
        return False


_controller: HelpController | None = None


def install_help(app: QApplication | None = None) -> HelpController:
    """Make F1 open help everywhere (idempotent); returns the one controller."""
    global _controller
    application = app or QApplication.instance()
    if not isinstance(application, QApplication):
        raise RuntimeError("install_help needs a QApplication")
    if _controller is None or _controller.parent() is not application:
        _controller = HelpController(application)
        application.installEventFilter(_controller)
    return _controller

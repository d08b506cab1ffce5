"""Composition root of the window: Qt application, data-folder lock, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from asd_desktop.models.errors import DataDirInUseError
from asd_desktop.services.vault import DataDirLock
from asd_desktop.ui.focus import install_tab_focus
from asd_desktop.ui.help import install_help
from asd_desktop.ui.main_window import MainWindow
from asd_desktop.ui.start_probe import install_start_probe

APP_NAME = "asd-desktop"
EXIT_IN_USE = 2


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication(sys.argv[:1])


def _german(app: QApplication) -> None:
    """German locale for dates and numbers, and Qt's own buttons in German."""
    locale = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    QLocale.setDefault(locale)
    translator = QTranslator(app)
    if translator.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(translator)


def run_app(data_dir: Path) -> int:
    """Open the window on ``data_dir``; returns the exit code (2: folder already in use)."""
    app = _application()
    app.setApplicationName(APP_NAME)
    _german(app)
    install_help(app)
    install_tab_focus(app)
    lock = DataDirLock(data_dir)
    try:
        lock.acquire()
    except DataDirInUseError as exc:
        QMessageBox.critical(None, APP_NAME, exc.message)
        return EXIT_IN_USE
    except OSError:
        QMessageBox.critical(
            None,
            APP_NAME,
            f"Der Datenordner »{data_dir}« lässt sich nicht anlegen oder nicht beschreiben. "
            "Bitte die Berechtigungen prüfen oder mit --data-dir einen anderen Ordner wählen.",
        )
        return EXIT_IN_USE
    try:
        window = MainWindow(data_dir)
        install_start_probe(app, window.lock_screen)
        window.show()
        return app.exec()
    finally:
        lock.release()

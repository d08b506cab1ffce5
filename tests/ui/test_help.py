"""F1 help: every window, tab, dialog and wizard page has a shipped German text, and F1 opens it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWizard

import asd_desktop.ui
from asd_desktop.domain.consultation import CONSULTATION_PAGES
from asd_desktop.domain.familienrat import PHASE_PAGES
from asd_desktop.ui import help as help_module
from asd_desktop.ui.case_view import CaseView
from asd_desktop.ui.goal_wizard import GoalWizard
from asd_desktop.ui.help import (
    KEYS_HELP_ID,
    HelpWindow,
    about_text,
    class_help_id,
    help_id_for,
    help_path_exists,
    help_text,
    install_help,
)

#: Classes that are building blocks, never shown as such.
ABSTRACT = {"FormDialog", "DraftFormDialog", "GuidedWizard", "PhaseWizard", "_TwoStepDialog"}


def _ui_classes() -> list[type]:
    found: dict[str, type] = {}
    for info in pkgutil.walk_packages(asd_desktop.ui.__path__, "asd_desktop.ui."):
        module = importlib.import_module(info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__:
                found[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(found.values())


def _windows_dialogs_wizards() -> list[type]:
    return [
        cls
        for cls in _ui_classes()
        if issubclass(cls, QDialog | QMainWindow) and cls.__name__ not in ABSTRACT
    ]


def test_every_window_dialog_and_wizard_has_a_help_text():
    classes = _windows_dialogs_wizards()
    dialogs = [c for c in classes if c.__module__.startswith("asd_desktop.ui.dialogs.")]
    assert len(dialogs) >= 12  # every dialog under asd_desktop/ui/dialogs is enumerated
    missing = [
        f"{c.__module__}.{c.__name__}"
        for c in classes
        if not (class_help_id(c) and help_path_exists(class_help_id(c) or ""))
    ]
    assert missing == []


def test_every_wizard_page_has_a_help_text():
    pages: list[str] = []
    for cls in _windows_dialogs_wizards():
        if not issubclass(cls, QWizard):
            continue
        base = class_help_id(cls)
        assert base, cls
        phase = getattr(cls, "phase", None)
        if phase is not None:
            pages += [f"{base}-{page.id}" for page in PHASE_PAGES[phase]]
        elif cls.__name__ == "ConsultationWizard":
            pages += [f"{base}-{page.id}" for page in CONSULTATION_PAGES]
        elif cls.__name__ == "GoalWizard":
            pages += [f"{base}-{n}" for n in range(7)]
        else:
            pytest.fail(f"{cls.__name__}: which pages does it have?")
    assert len(pages) >= 7 + 16 + 9
    assert [p for p in pages if not help_path_exists(p)] == []


def test_the_texts_are_german_markdown_with_a_title_and_the_keys():
    for name in ("zielerarbeitung-2", "fall-kontakte", "dialog-kontakt", "sperrbildschirm"):
        text = help_text(name)
        assert text.startswith("# ")
        assert "Tasten" in text
    assert "„soll“" in help_text("zielerarbeitung-2")
    keys = help_text(KEYS_HELP_ID)
    for key in ("F1", "Strg+K", "Strg+G", "Strg+L", "Strg+Umschalt+Y"):
        assert f"| {key} |" in keys
    assert "GPL-3.0-or-later" in about_text()


def _press_f1(qtbot) -> HelpWindow:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_F1)
    window = install_help().window
    assert window is not None
    qtbot.waitUntil(window.isVisible)
    return window


def test_f1_on_each_page_of_the_goal_wizard_opens_its_help(qtbot, opened, tmp_path):
    from tests.ui.test_goal_wizard import _case

    install_help()
    import datetime as dt

    from asd_desktop.domain.enums import ResourceKind
    from asd_desktop.services.goals import ActionGoalDraft, GoalDraft, ResourceDraft, StepDraft

    today = dt.date.today()
    draft = GoalDraft(
        concern="Schule",
        concern_by="Mutter",
        will="Muharem will an seiner Schule bleiben.",
        direction_goal="Wir kennen bis zu den Sommerferien Wege, damit Muharem bleiben kann.",
        direction_people="Eltern und Muharem",
        action_goals=(ActionGoalDraft("Bis Ende Mai ist das Heft da.", "Heft", today, "M"),),
        resources=(ResourceDraft(ResourceKind.SOCIAL, "Oma hilft", (0,)),),
        steps=(StepDraft("Mutter", "ruft an", today),),
    )
    wizard = GoalWizard(opened.goals, _case(opened), draft, print_agreement=lambda p, a: None)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    seen = []
    for page_id in range(7):
        wizard.resume_at(page_id) if page_id else None
        if wizard.currentId() != page_id:
            break
        page = wizard.currentPage()
        page.setFocus()
        page.focusNextChild()
        window = _press_f1(qtbot)
        assert window.help_id == f"zielerarbeitung-{page_id}"
        assert window.browser.toPlainText().strip()
        seen.append(page_id)
        if page_id == 0:
            assert window.grab().save(str(tmp_path / "help_window.png"))
        qtbot.keyClick(window.browser, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda w=window: not w.isVisible())
    assert seen == list(range(7))


def test_f1_on_each_tab_of_the_case_view_opens_the_tab_s_help(qtbot, opened):
    from tests.ui.test_goals_tab import _make_case

    install_help()
    view = CaseView(
        opened.cases,
        goals=opened.goals,
        documents=opened.documents,
        familienrat=opened.familienrat,
    )
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.show_case(_make_case(opened))
    ids = []
    for index in range(view.tabs.count()):
        view.set_current_tab(index)
        view.tabs.tabBar().setFocus()
        qtbot.waitUntil(lambda: view.tabs.tabBar().hasFocus())
        window = _press_f1(qtbot)
        ids.append(window.help_id)
        assert help_path_exists(window.help_id)
        qtbot.keyClick(window.browser, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda w=window: not w.isVisible())
        # inside the tab's own widgets too
        inner = view.tabs.currentWidget()
        assert help_id_for(inner) == window.help_id
    assert ids[:3] == ["fall-ueberblick", "fall-kontakte", "fall-wille-ziele"]
    assert "fall-dokumente" in ids
    assert "fall-familienrat" in ids
    assert len(set(ids)) == len(ids)


def test_f1_in_a_modal_dialog_opens_help_that_belongs_to_the_dialog(qtbot):
    from asd_desktop.ui.dialogs.close_case_dialog import CloseCaseDialog

    install_help()
    dialog = CloseCaseDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    window = _press_f1(qtbot)
    assert window.help_id == "dialog-fall-abschliessen"
    assert window.parentWidget() is dialog  # usable beside the modal dialog, closes with it
    assert "Fall abschließen" in window.windowTitle()


def test_help_module_is_found_by_the_main_window_menu_helpers():
    assert help_module.app_version()

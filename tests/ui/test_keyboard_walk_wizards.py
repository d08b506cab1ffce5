"""Keyboard only: Tab and Shift+Tab walk every wizard page and the two tool windows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget, QWizard

from asd_desktop.domain.enums import AgreementKept, CouncilOutcome, CouncilPhase
from asd_desktop.services.vault import OpenVault
from asd_desktop.ui.consultation_wizard import ConsultationWizard
from asd_desktop.ui.familienrat.decision_wizard import DecisionWizard
from asd_desktop.ui.familienrat.family_phase_wizard import FamilyPhaseWizard
from asd_desktop.ui.familienrat.follow_up_wizard import FollowUpWizard
from asd_desktop.ui.familienrat.information_wizard import InformationWizard
from asd_desktop.ui.familienrat.preparation_wizard import PreparationWizard
from asd_desktop.ui.focus import install_tab_focus
from asd_desktop.ui.goal_wizard import GoalWizard
from asd_desktop.ui.main_window import MainWindow
from tests.ui.conftest import OFFSCREEN_NOISE
from tests.ui.test_consultation_wizard import make_case as consultation_case
from tests.ui.test_familienrat_decision import (
    council_in_decision,
    council_in_follow_up,
    decide_everything,
)
from tests.ui.test_familienrat_phases import council_in, inform, make_case, prepare
from tests.ui.test_goal_wizard import _case as goal_case
from tests.ui.test_keyboard_walk import demo_folder, demo_window, walk  # noqa: F401

TODAY = dt.date.today()
KEYS = [Qt.Key.Key_Tab, Qt.Key.Key_Backtab]


def walk_every_page(qtbot, wizard: QWizard, key: Qt.Key) -> list[int]:
    """Walk each page of ``wizard`` by ``key``, then press "Weiter"; the page ids walked."""
    install_tab_focus()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow)
    later = wizard.button(QWizard.WizardButton.CancelButton)
    walked: list[int] = []
    while True:
        page = wizard.currentPage()
        assert page is not None
        walked.append(wizard.currentId())
        QApplication.processEvents()  # the page's own focus (a queued call)
        seen = walk(qtbot, later, key)
        inside = [w for w in seen if page.isAncestorOf(w)]
        assert inside, f"no control of page {page.title()!r} was reached"
        if wizard.nextId() < 0:
            return walked
        if isinstance(wizard, FollowUpWizard) and page is wizard.reviews_page:
            for box in wizard.reviews_page.boxes:
                box.radios[AgreementKept.KEPT].click()
        if isinstance(wizard, FollowUpWizard) and page is wizard.outcome_page:
            wizard.outcome_page.choose(CouncilOutcome.NONE_NEEDED)
        before = wizard.currentId()
        wizard.button(QWizard.WizardButton.NextButton).click()
        qtbot.waitUntil(lambda b=before: wizard.currentId() != b)


def _goal(opened: OpenVault) -> QWizard:
    from asd_desktop.domain.enums import ResourceKind
    from asd_desktop.services.goals import PAGE_CONCERN, ActionGoalDraft, GoalDraft, ResourceDraft
    from tests.ui.test_goal_wizard import MUHAREM_GOAL

    draft = GoalDraft(
        page=PAGE_CONCERN,
        concern="Emre soll wieder gern zur Schule gehen. Morgens gibt es jeden Tag Streit.",
        concern_by="Vater",
        will="Muharem möchte an seiner Schule bleiben.",
        priority="Die Hausaufgaben.",
        direction_goal=(
            "Wir Eltern und Muharem (13) kennen und nutzen bis zu den Sommerferien Wege, "
            "damit Muharem an seiner jetzigen Schule bleiben kann."
        ),
        direction_people="Vater und Muharem",
        action_goals=(
            ActionGoalDraft(
                MUHAREM_GOAL,
                "Das Heft liegt um 18 Uhr fertig auf dem Tisch.",
                TODAY + dt.timedelta(days=120),
                "Muharem",
            ),
        ),
        resources=(ResourceDraft(ResourceKind.SOCIAL, "Oma holt Elif dienstags ab", (0,)),),
        agreed_on=TODAY,
        review_on=TODAY + dt.timedelta(days=91),
        present=("Vater",),
    )
    return GoalWizard(opened.goals, goal_case(opened), draft, print_agreement=lambda *_: None)


def _preparation(opened: OpenVault) -> QWizard:
    case = make_case(opened)
    council = opened.familienrat.start(case.id)
    prepare(opened, council.id)
    return PreparationWizard(opened.familienrat, council.id, case=case, autosave_ms=60_000)


def _information(opened: OpenVault) -> QWizard:
    council_id = council_in(opened, make_case(opened).id, CouncilPhase.INFORMATION)
    inform(opened, council_id)
    return InformationWizard(opened.familienrat, council_id, autosave_ms=60_000)


def _family_phase(opened: OpenVault) -> QWizard:
    council_id = council_in(opened, make_case(opened).id, CouncilPhase.FAMILY_PHASE)
    return FamilyPhaseWizard(opened.familienrat, council_id, autosave_ms=60_000)


def _decision(opened: OpenVault) -> QWizard:
    council = council_in_decision(opened)
    decide_everything(opened, council)
    return DecisionWizard(
        opened.familienrat, council.id, documents=opened.documents, autosave_ms=60_000
    )


def _follow_up(opened: OpenVault) -> QWizard:
    council = council_in_follow_up(opened)
    return FollowUpWizard(
        opened.familienrat, council.id, documents=opened.documents, autosave_ms=60_000
    )


def _consultation(opened: OpenVault) -> QWizard:
    cid = opened.consultations.start(consultation_case(opened), TODAY).id
    return ConsultationWizard(opened.consultations, cid, opened.documents)


WIZARDS: list[tuple[str, Callable[[OpenVault], QWizard], int]] = [
    ("Zielerarbeitung", _goal, 7),
    ("Vorbereitung", _preparation, 0),
    ("Information", _information, 0),
    ("Familienphase", _family_phase, 0),
    ("Entscheidung", _decision, 0),
    ("Folge-Rat", _follow_up, 0),
    ("Kollegiale Beratung", _consultation, 0),
]


@pytest.mark.parametrize(("name", "make", "pages"), WIZARDS, ids=[n for n, _, _ in WIZARDS])
@pytest.mark.parametrize("key", KEYS)
def test_every_wizard_page_cycles_through_its_controls(qtbot, opened, name, make, pages, key):
    wizard = make(opened)
    walked = walk_every_page(qtbot, wizard, key)
    assert walked == sorted(set(walked))
    if pages:
        assert len(walked) == pages, walked
    else:
        assert len(walked) == len(wizard.pageIds()), (walked, wizard.pageIds())


# The offscreen platform cannot raise a window; open_sozialraum and open_sync ask it to.
@pytest.mark.qt_log_ignore(*OFFSCREEN_NOISE, r"This plugin does not support raise\(\)")
@pytest.mark.parametrize("key", KEYS)
def test_sozialraum_and_sync_windows_cycle_back(qtbot, demo_window: MainWindow, key):  # noqa: F811
    demo_window.open_sozialraum()
    catalogue = demo_window.sozialraum_window
    assert catalogue is not None
    qtbot.waitExposed(catalogue)
    catalogue.activateWindow()
    qtbot.waitUntil(catalogue.isActiveWindow)
    bar = catalogue.tabs.tabBar()
    for index in range(catalogue.tabs.count()):
        catalogue.tabs.setCurrentIndex(index)
        page = catalogue.tabs.widget(index)
        assert page is not None
        seen = walk(qtbot, bar, key)
        assert [w for w in seen if page.isAncestorOf(w)], catalogue.tabs.tabText(index)
    catalogue.close()

    demo_window.open_sync()
    sync = demo_window.sync_window
    assert sync is not None
    qtbot.waitExposed(sync)
    sync.activateWindow()
    qtbot.waitUntil(sync.isActiveWindow)
    start = next(
        w
        for w in sync.findChildren(QWidget)
        if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    )
    seen = walk(qtbot, start, key)
    assert len(seen) > 1
    sync.close()

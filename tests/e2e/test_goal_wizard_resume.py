"""Resume after a kill: the wizard process dies mid-page; reopening the case offers to continue."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from asd_desktop.domain.enums import Area, Role
from asd_desktop.services import vault
from asd_desktop.services.cases import AreaInput, CaseInput, PersonInput
from asd_desktop.services.goals import PAGE_CONCERN, PAGE_GOALS
from asd_desktop.storage.paths import vault_path
from asd_desktop.storage.vault import Vault
from asd_desktop.ui.case_view import GOALS_TAB, CaseView
from tests.conftest import PASSPHRASE
from tests.e2e import goal_wizard_worker as worker

WORKER = Path(__file__).with_name("goal_wizard_worker.py")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]


@pytest.fixture
def killed_mid_wizard(data_dir: Path) -> tuple[bytes, str]:
    """A case file whose Zielerarbeitung was killed on page 4; returns (key, case id)."""
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        row = opened.cases.create_case(
            CaseInput("ASD-2025-0117", "Yılmaz", dt.date.today(), "Frau Berger"),
            AreaInput(Area.SERVICE, dt.date.today(), "Erstaufnahme", "Frau Berger"),
        )
        opened.cases.add_person(
            row.id, PersonInput("Yılmaz", "Şükrü", roles=(Role.FATHER, Role.CUSTODY))
        )
    finally:
        opened.close()
    key = Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env[worker.KEY_ENV] = key.hex()
    proc = subprocess.run(
        [sys.executable, str(WORKER), str(data_dir), row.id],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    err = proc.stderr.decode(errors="replace")
    assert proc.returncode == -signal.SIGKILL, err
    assert proc.stdout.decode() == "ready\n", err
    assert "Traceback" not in err
    # Nothing personal leaked to the terminal.
    for text in (worker.CONCERN, worker.GOAL, worker.INVOLVED_LOST, "Yılmaz"):
        assert text not in err
    return key, row.id


def test_killed_wizard_keeps_pages_1_to_3_and_the_autosaved_typing(data_dir, killed_mid_wizard):
    key, case_id = killed_mid_wizard
    opened = vault.open_with_key(data_dir, key)
    try:
        draft = opened.goals.load_draft(case_id)
    finally:
        opened.close()
    assert draft is not None
    assert draft.page == PAGE_GOALS
    assert draft.concern == worker.CONCERN
    assert draft.concern_by == worker.CONCERN_BY
    assert draft.will == worker.WILL
    assert draft.direction_goal == worker.DIRECTION
    assert draft.direction_people == worker.PEOPLE
    (goal,) = draft.action_goals
    assert goal.text == worker.GOAL
    assert goal.indicator == worker.INDICATOR
    # Only the field being typed at the kill is lost.
    assert goal.involved == ""


def test_reopening_the_case_offers_to_continue_at_the_saved_page(
    qtbot, data_dir, killed_mid_wizard
):
    key, case_id = killed_mid_wizard
    opened = vault.open_with_key(data_dir, key)
    view = CaseView(opened.cases, goals=opened.goals, documents=opened.documents)
    qtbot.addWidget(view)
    try:
        view.resize(1100, 760)
        view.show()
        qtbot.waitExposed(view)
        view.show_case(case_id)
        # The case opens on "Wille & Ziele" with the offer to continue.
        assert view.current_tab() == GOALS_TAB
        tab = view.goals_tab
        assert tab is not None
        assert tab.banner.isVisible()
        assert tab.banner_label.text().startswith(
            f"Eine unterbrochene Zielerarbeitung vom {dt.date.today():%d.%m.%Y}"
        )
        assert tab.banner_label.text().endswith("kann fortgesetzt werden.")
        SCREENSHOTS.mkdir(exist_ok=True)
        assert view.grab().save(str(SCREENSHOTS / "goals_tab_fortsetzen.png"))

        tab.continue_button.click()
        wizard = tab.wizard
        assert wizard is not None
        qtbot.waitExposed(wizard)
        assert wizard.currentId() == PAGE_GOALS
        page = wizard.goals_page
        assert page.text_edit.toPlainText() == worker.GOAL
        assert page.indicator_edit.toPlainText() == worker.INDICATOR
        assert page.involved_edit.text() == ""
        for _ in range(PAGE_GOALS):
            wizard.button(QWizard.WizardButton.BackButton).click()
        assert wizard.currentId() == PAGE_CONCERN
        assert wizard.concern_page.concern_edit.toPlainText() == worker.CONCERN
        assert wizard.will_page.will_edit.toPlainText() == worker.WILL
        assert wizard.direction_page.people_edit.text() == worker.PEOPLE
        with qtbot.waitSignal(wizard.finished):
            wizard.reject()
        assert tab.wizard is None
        # Still interrupted: the offer stays.
        assert tab.banner.isVisible()
    finally:
        view.clear()
        opened.close()

"""Resume after a kill in the Familienphase: everything up to the field being typed is kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from asd_desktop.domain.enums import CouncilPhase
from asd_desktop.services import vault
from asd_desktop.storage.paths import vault_path
from asd_desktop.storage.vault import Vault
from asd_desktop.ui.case_view import FAMILIENRAT_TAB, CaseView
from asd_desktop.ui.familienrat.family_phase_wizard import FamilyPhaseWizard
from tests.conftest import PASSPHRASE
from tests.e2e import familienrat_worker as worker
from tests.ui.test_familienrat_phases import council_in, make_case

WORKER = Path(__file__).with_name("familienrat_worker.py")
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]


@pytest.fixture
def killed_in_family_phase(data_dir: Path) -> tuple[bytes, str, str]:
    """A Familienrat killed while its proposals were entered; returns (key, case, council)."""
    opened = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    try:
        case = make_case(opened)
        council_id = council_in(opened, case.id, CouncilPhase.FAMILY_PHASE)
    finally:
        opened.close()
    key = Vault.load(vault_path(data_dir)).unlock(PASSPHRASE)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env[worker.KEY_ENV] = key.hex()
    proc = subprocess.run(
        [sys.executable, str(WORKER), str(data_dir), council_id],
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
    for text in (worker.THIRD, worker.PROPOSALS[0][0], "Onkel Murat", "Yılmaz"):
        assert text not in err
    return key, case.id, council_id


def test_killed_family_phase_keeps_everything_but_the_field_being_typed(
    data_dir, killed_in_family_phase
):
    key, _case_id, council_id = killed_in_family_phase
    opened = vault.open_with_key(data_dir, key)
    try:
        view = opened.familienrat.get(council_id)
    finally:
        opened.close()
    assert view.phase is CouncilPhase.FAMILY_PHASE
    fam = view.family_phase
    assert (fam.start, fam.end) == (worker.START, worker.END)
    assert fam.no_professionals_present
    assert fam.family_moderator == "Onkel Murat"
    assert len(view.proposals) == 3
    for stored, (what, who, checked, fallback) in zip(
        view.proposals, worker.PROPOSALS, strict=False
    ):
        assert (stored.what, stored.who, stored.how_checked, stored.fallback) == (
            what,
            who,
            checked,
            fallback,
        )
        assert stored.due_on is not None
    third = view.proposals[2]
    assert third.what == worker.THIRD
    # Only the field being typed at the kill is lost.
    assert third.who == ""


def test_reopening_shows_the_family_phase_as_it_was(qtbot, data_dir, killed_in_family_phase):
    key, case_id, council_id = killed_in_family_phase
    opened = vault.open_with_key(data_dir, key)
    view = CaseView(
        opened.cases,
        goals=opened.goals,
        documents=opened.documents,
        familienrat=opened.familienrat,
    )
    qtbot.addWidget(view)
    try:
        view.resize(1100, 760)
        view.show()
        qtbot.waitExposed(view)
        view.show_case(case_id)
        view.set_current_tab(FAMILIENRAT_TAB)
        tab = view.familienrat_tab
        assert tab is not None
        assert tab.title_label.text() == "Familienrat Nr. 1 – Familienphase"
        assert tab.continue_button.text() == "Familienphase fort&setzen…"
        tab.continue_button.click()
        wizard = tab.wizard
        assert isinstance(wizard, FamilyPhaseWizard)
        assert wizard.council_id == council_id
        qtbot.waitExposed(wizard)
        process = wizard.process_page
        assert process.start_edit.value() == worker.START
        assert process.end_edit.value() == worker.END
        assert process.no_professionals_box.isChecked()
        assert process.family_moderator_edit.text() == "Onkel Murat"
        wizard.next()
        page = wizard.proposals_page
        assert wizard.currentPage() is page
        assert page.rows.list.count() == 3
        page.select_proposal(2)
        assert page.what_edit.toPlainText() == worker.THIRD
        assert page.who_edit.text() == ""
        SCREENSHOTS.mkdir(exist_ok=True)
        assert wizard.grab().save(str(SCREENSHOTS / "fr_familienphase_fortgesetzt.png"))
        page.select_proposal(0)
        assert page.fallback_edit.toPlainText() == worker.PROPOSALS[0][3]
        with qtbot.waitSignal(wizard.finished):
            wizard.reject()
        assert tab.wizard is None
    finally:
        view.clear()
        opened.close()

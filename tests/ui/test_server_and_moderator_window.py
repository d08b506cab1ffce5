"""Where the window works (office server or local file); the moderator's window (issues 17, 19).

Real widgets: a workstation of the office hub on the PostgreSQL test server, and a laptop
enrolled as "Familienrat-Koordination (extern)" that received a Familienrat through a real
bundle from the office (the demo families).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from asd_desktop.domain.sync_states import DeviceScope
from asd_desktop.models.familienrat import FamilyCouncil
from asd_desktop.services import vault
from asd_desktop.services.sync.moderator import is_moderator_here
from asd_desktop.storage import server
from asd_desktop.ui.case_view.view import MODERATOR_NOTE
from asd_desktop.ui.main_window import WINDOW_TITLE, MainWindow
from asd_desktop.ui.main_window.workplace import LOCAL_TEXT, MODERATOR_WHY, SERVER_TOOLTIP
from tests.conftest import PASSPHRASE

SHOTS = Path("/tmp")


def _open_window(qtbot: Any, data_dir: Path) -> MainWindow:
    """The main window on ``data_dir``, unlocked through its lock screen at 1366×768."""
    w = MainWindow(data_dir)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    page = w.lock_screen.unlock
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.operation is None, timeout=15000)
    assert not w.is_locked()
    return w


def _visible_tabs(tabs: QTabWidget) -> list[str]:
    return [tabs.tabText(i) for i in range(tabs.count()) if tabs.isTabVisible(i)]


# --- the office hub on PostgreSQL ---------------------------------------------------------


@pytest.fixture
def hub_dir(tmp_path: Path, pg_url: str) -> Iterator[Path]:
    """A workstation's data folder whose hub lives on the PostgreSQL test server."""
    data_dir = tmp_path / "arbeitsplatz"
    server.use_server(data_dir, pg_url)
    ov = vault.create_vault(data_dir, PASSPHRASE, PASSPHRASE)
    ov.sync.init_office("ASD Bezirk Nord")
    ov.close()
    yield data_dir
    server.use_server(data_dir, None)


def test_a_hub_workstation_names_the_office_server(qtbot: Any, hub_dir: Path, pg_url: str):
    w = _open_window(qtbot, hub_dir)
    database = str(make_url(pg_url).database)
    label = w.workplace.label
    assert label.isVisible()
    assert label.text() == f"Dienststellen-Server: localhost/{database}"
    assert label.toolTip() == SERVER_TOOLTIP
    assert "Dienststellen-Server" in w.windowTitle()
    assert database in w.windowTitle()
    # Never the sign-in (nor a password) in what the window shows.
    for shown in (label.text(), label.toolTip(), w.windowTitle()):
        assert "asd_owner" not in shown
        assert "postgresql" not in shown
    # Left of the existing permanent widgets (case count, what is due).
    bar = w.statusBar()
    assert label.geometry().right() <= w.count_label.geometry().left()
    assert label.parentWidget() is bar or bar.isAncestorOf(label)
    # Nothing of a moderator's laptop on the hub.
    assert not w.workplace.withheld
    assert w.goal_work_action.isEnabled()
    w.grab().save(str(SHOTS / "h6_server_window.png"))

    w.lock()
    assert not label.isVisible()
    assert w.windowTitle() == WINDOW_TITLE


def test_hub_place_names_host_and_database_only():
    assert (
        server.hub_place("postgresql+psycopg://asd_app:geheim@db.amt.example:5433/asd_buero")
        == "db.amt.example:5433/asd_buero"
    )
    assert server.hub_place("postgresql+psycopg://asd_app@/asd_buero?host=/run/pg") == (
        "localhost/asd_buero"
    )


# --- a laptop: its encrypted file ----------------------------------------------------------


def test_a_laptop_says_its_case_file_is_local(qtbot: Any, demo_dir: Path):
    w = _open_window(qtbot, demo_dir)
    assert w.workplace.label.text() == LOCAL_TEXT
    assert w.windowTitle() == WINDOW_TITLE
    assert not w.workplace.moderator
    assert w._open_case(w.model.rows()[0].id)
    view = w.case_view
    assert view is not None
    assert len(_visible_tabs(view.tabs)) == view.tabs.count()
    assert not view.moderator_note.isVisible()


# --- an external Familienrat moderator's laptop ------------------------------------------


@pytest.fixture
def moderator_dir(demo_dir: Path, tmp_path: Path) -> tuple[Path, str]:
    """The demo office enrolls a moderator's laptop, assigns a council case and sends it."""
    office = vault.unlock_vault(demo_dir, PASSPHRASE)
    m_dir = tmp_path / "moderatorin"
    try:
        office.sync.init_office("ASD Bezirk Nord")
        enrolled = office.sync.enroll(
            "Laptop Frau Yilmaz (Familienrat)", tmp_path / "stick", scope=DeviceScope.FAMILIENRAT
        )
        m = vault.create_vault(m_dir, PASSPHRASE, PASSPHRASE)
        try:
            m.sync.join(enrolled.path, enrolled.code)
            with office.database.session_factory() as s:
                case_id = str(
                    s.scalars(
                        select(FamilyCouncil.case_id)
                        .where(FamilyCouncil.deleted.is_(False))
                        .group_by(FamilyCouncil.case_id)
                        .order_by(func.count().desc())
                    ).first()
                )
            office.sync.assign(case_id, enrolled.device_id)
            bundle = office.sync.export(enrolled.device_id, tmp_path / "stick")
            report = m.sync.import_bundle(bundle.path)
            assert report.changed["family_councils"] >= 1
            assert is_moderator_here(m.database.session_factory)
        finally:
            m.close()
        assert not is_moderator_here(office.database.session_factory)
    finally:
        office.close()
    return m_dir, case_id


def test_the_moderators_window_shows_the_familienrat_only(
    qtbot: Any, moderator_dir: tuple[Path, str]
):
    m_dir, case_id = moderator_dir
    w = _open_window(qtbot, m_dir)
    assert w.workplace.moderator
    assert w.workplace.label.text().startswith(LOCAL_TEXT)
    assert "Familienrat-Koordination (extern)" in w.workplace.label.text()
    assert "Familienrat-Koordination (extern)" in w.windowTitle()

    # Commands for the rest of a case are disabled, each saying why (in German).
    for action in (
        w.goal_work_action,
        w.consultation_action,
        w.hilfen_action,
        w.access_action,
        w.deletion_list_action,
        w.new_case_action,
        w.record_contact_action,
        w.edit_case_action,
        w.assessment_action,
    ):
        assert not action.isEnabled(), action.text()
        assert action.toolTip().endswith(MODERATOR_WHY), action.text()
        assert action.toolTip() != action.text()
    for action in (w.familienrat_action, w.sync_action, w.lock_action, w.deadlines_action):
        assert action.isEnabled(), action.text()
    # A slow operation ending re-enables what the lock allows, never the withheld ones.
    w.busy.enter()
    w.busy.leave()
    assert not w.goal_work_action.isEnabled()
    assert w.familienrat_action.isEnabled()

    assert w._open_case(case_id)
    view = w.case_view
    assert view is not None
    assert view.current_case_id() == case_id
    tabs = _visible_tabs(view.tabs)
    assert tabs[:2] == ["Ü&berblick", "Familien&rat"]
    assert set(tabs) <= {"Ü&berblick", "Familien&rat", "D&okumente"}
    assert view.moderator_note.isVisible()
    assert view.moderator_note.text() == MODERATOR_NOTE
    # The overview keeps the fields the laptop receives, without the empty rest.
    assert view.master_labels["file_number"].isVisible()
    assert view.master_labels["file_number"].text()
    assert view.master_labels["caseworker"].isVisible()
    assert not view.master_labels["description"].isVisible()
    assert not view.persons_table.isVisible()
    assert not view.areas_table.isVisible()
    assert not view.edit_case_button.isVisible()
    assert not view.area_badge.isVisible()
    w.grab().save(str(SHOTS / "h6_moderator_overview.png"))

    # A hidden tab is not reached by its shortcut nor by the resume after a lock.
    qtbot.keyClick(view.tabs, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentWidget() is view.overview
    view.set_current_tab(2)  # Wille & Ziele on a caseworker's laptop
    assert view.tabs.currentWidget() is view.overview

    w.familienrat_action.trigger()
    assert view.tabs.currentWidget() is view.familienrat_tab
    assert view.familienrat_tab is not None
    assert view.familienrat_tab.table.model().rowCount() >= 1
    w.grab().save(str(SHOTS / "h6_moderator_familienrat.png"))

    # After a lock and unlock the window is the moderator's again.
    w.lock()
    assert not w.workplace.label.isVisible()
    page = w.lock_screen.unlock
    page.passphrase.setText(PASSPHRASE)
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.operation is None, timeout=15000)
    assert w.workplace.moderator
    assert not w.goal_work_action.isEnabled()
    view = w.case_view
    assert view is not None
    assert view.familienrat_only()
    assert view.tabs.currentWidget() is view.familienrat_tab


def test_the_scope_survives_a_restart_and_old_enrollments_mean_whole_cases(
    moderator_dir: tuple[Path, str],
):
    m_dir, _case_id = moderator_dir
    m = vault.unlock_vault(m_dir, PASSPHRASE)
    try:
        assert is_moderator_here(m.database.session_factory)
        # The office row on the moderator's laptop is not listed as a moderator itself.
        (office_peer,) = m.sync.devices()
        assert not office_peer.moderator
        assert office_peer.role_label == "Büro"
    finally:
        m.close()


def test_the_status_label_is_left_of_the_case_count(qtbot: Any, demo_dir: Path):
    w = _open_window(qtbot, demo_dir)
    labels = [c for c in w.statusBar().findChildren(QLabel) if c.isVisible() and c.text()]
    ordered = sorted(labels, key=lambda c: c.mapTo(w, c.rect().topLeft()).x())
    assert ordered[0] is w.workplace.label
    w.grab().save(str(SHOTS / "h6_laptop_window.png"))


def test_joining_as_moderator_in_the_open_window_switches_it(
    qtbot: Any, demo_dir: Path, tmp_path: Path
):
    office = vault.unlock_vault(demo_dir, PASSPHRASE)
    try:
        office.sync.init_office("ASD Bezirk Nord")
        enrolled = office.sync.enroll(
            "Laptop Frau Yilmaz (Familienrat)", tmp_path / "stick", scope=DeviceScope.FAMILIENRAT
        )
    finally:
        office.close()
    m_dir = tmp_path / "neu"
    vault.create_vault(m_dir, PASSPHRASE, PASSPHRASE).close()
    w = _open_window(qtbot, m_dir)
    assert not w.workplace.moderator
    assert w.goal_work_action.isEnabled()
    assert w.opened is not None
    w.opened.sync.join(enrolled.path, enrolled.code)
    w._on_synced()  # what the Synchronisation view's data_changed does after a join
    assert w.workplace.moderator
    assert not w.goal_work_action.isEnabled()
    assert w.familienrat_action.isEnabled()
    assert w.case_view is not None
    assert w.case_view.familienrat_only()

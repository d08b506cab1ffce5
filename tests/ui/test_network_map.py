"""The Netzwerkkarte tab driven as a caseworker would: keyboard alone, then the mouse."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from asd_desktop.domain.network import HORIZON_RADII, Sector, Support, horizon_inner
from asd_desktop.services.goals import ActionGoalDraft, GoalDraft
from asd_desktop.ui.network_map import NetworkMapTab
from asd_desktop.ui.network_map import dialogs as nd
from asd_desktop.ui.widgets import FormDialog
from tests.al_zein import al_zein_case

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
TODAY = dt.date.today()


@pytest.fixture
def case(opened):
    detail, _muharem, _nour = al_zein_case(opened, TODAY)
    agreement = opened.goals.finish(
        detail.id,
        GoalDraft(
            concern="Muharem soll an seiner Schule bleiben.",
            concern_by="Eltern",
            will="Muharem will bleiben.",
            priority="Zuerst die Schule.",
            direction_goal="Wir Eltern und Muharem kennen bis zu den Sommerferien Wege, "
            "damit er an seiner Schule bleibt.",
            direction_people="Eltern und Muharem",
            action_goals=(
                ActionGoalDraft(
                    text="Muharem macht seine Hausaufgaben jeden Tag bis 18:00 Uhr.",
                    indicator="Das Heft ist abgehakt.",
                    due_on=TODAY + dt.timedelta(days=60),
                    involved="Muharem",
                ),
            ),
            place="Büro",
            agreed_on=TODAY,
            review_on=TODAY + dt.timedelta(days=90),
            present=("Muharem Al Zein",),
            caseworker="Frau Petersen",
        ),
    )
    return opened.cases.get_case(detail.id), agreement.goals[0].id


@pytest.fixture
def tab(qtbot, opened, case):
    detail, _goal = case
    t = NetworkMapTab(opened.network)
    qtbot.addWidget(t)
    t.resize(1340, 600)
    t.show()
    qtbot.waitExposed(t)
    t.show_case(detail)
    return t


def drive(qtbot, monkeypatch, cls: type[Any], keys: Callable[[Any], None]) -> None:
    """Replace ``cls.ask`` by the real dialog, shown and worked with ``keys`` only."""

    def ask(parent: QWidget | None, *args: Any) -> Any:
        dialog = cls(*args, parent=parent)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        keys(dialog)
        accepted = dialog.result() == FormDialog.DialogCode.Accepted.value
        value = dialog.values() if accepted else None
        dialog.deleteLater()
        return value

    monkeypatch.setattr(cls, "ask", classmethod(lambda _cls, parent, *a: ask(parent, *a)))


def press(qtbot, widget: QWidget, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, mods)


def press_all(qtbot, *keys: tuple[QWidget, Qt.Key]) -> None:
    for widget, key in keys:
        press(qtbot, widget, key)


def test_a_map_built_with_the_keyboard_alone_is_stored(qtbot, monkeypatch, opened, case, tab):
    detail, goal_id = case
    # Neue Karte: Muharem (first person) stays chosen; Enter saves.
    drive(
        qtbot,
        monkeypatch,
        nd.NewMapDialog,
        lambda d: press(qtbot, d.centre_combo, Qt.Key.Key_Return),
    )
    tab.new_map_button.setFocus()
    press(qtbot, tab.new_map_button, Qt.Key.Key_Space)
    [m] = opened.network.maps(detail.id)
    assert m.centre_name == "Muharem Al Zein"
    assert tab.focusWidget() is tab.add_button

    # A person of the case: the list offers Nour (Muharem is the centre); Down, Enter.
    def take_nour(d: nd.AddEntryDialog) -> None:
        assert d.candidate_list.hasFocus()
        press(qtbot, d.candidate_list, Qt.Key.Key_Down)
        press(qtbot, d.candidate_list, Qt.Key.Key_Return)

    drive(qtbot, monkeypatch, nd.AddEntryDialog, take_nour)
    press(qtbot, tab.add_button, Qt.Key.Key_Space)

    # A typed name: Tab to the name, type it, Tab to the sector, Down (Freunde), Enter.
    def type_coach(d: nd.AddEntryDialog) -> None:
        press(qtbot, d.candidate_list, Qt.Key.Key_Tab)
        assert d.name_edit.hasFocus()
        qtbot.keyClicks(d.name_edit, "Trainer Ali")
        press(qtbot, d.name_edit, Qt.Key.Key_Tab)
        press(qtbot, d.sector_combo, Qt.Key.Key_Down)
        press(qtbot, d.sector_combo, Qt.Key.Key_Return)

    drive(qtbot, monkeypatch, nd.AddEntryDialog, type_coach)
    tab.add_button.setFocus()
    press(qtbot, tab.add_button, Qt.Key.Key_Space)
    stored = {e.name: e for e in opened.network.entries(m.id)}
    assert (stored["Nour Al Zein"].sector, stored["Nour Al Zein"].horizon) == (Sector.FAMILY, 2)
    assert stored["Nour Al Zein"].person_id is not None
    assert (stored["Trainer Ali"].sector, stored["Trainer Ali"].horizon) == (Sector.FRIENDS, 2)
    # The list beside the drawing shows the same entries.
    names = {tab.table.item(r, 0).text() for r in range(tab.table.rowCount())}
    assert names == {"Nour Al Zein", "Trainer Ali"}

    # On the drawing: the coach was just added and is chosen; Down moves him into
    # Schule/Arbeit (below Freunde), Strg+Pfeil hoch one horizon closer.
    tab.canvas.setFocus()
    assert tab.canvas.selected() == stored["Trainer Ali"].id
    press(qtbot, tab.canvas, Qt.Key.Key_Down)
    press(qtbot, tab.canvas, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    coach = next(e for e in opened.network.entries(m.id) if e.name == "Trainer Ali")
    assert (coach.sector, coach.horizon) == (Sector.SCHOOL_WORK, 1)
    # Bild ab chooses the next entry (Nour, in Familie); Minus moves her further out.
    press(qtbot, tab.canvas, Qt.Key.Key_PageDown)
    assert tab.canvas.selected() == stored["Nour Al Zein"].id
    press(qtbot, tab.canvas, Qt.Key.Key_Minus)
    nour = next(e for e in opened.network.entries(m.id) if e.name == "Nour Al Zein")
    assert nour.horizon == 3

    # Enter: the relation; Space ticks "emotional" (it has the focus), Enter saves.
    drive(
        qtbot,
        monkeypatch,
        nd.RelationDialog,
        lambda d: press_all(
            qtbot,
            (d.support_boxes[Support.EMOTIONAL], Qt.Key.Key_Space),
            (d.note_edit, Qt.Key.Key_Return),
        ),
    )
    press(qtbot, tab.canvas, Qt.Key.Key_Return)
    nour = next(e for e in opened.network.entries(m.id) if e.name == "Nour Al Zein")
    assert nour.supports == (Support.EMOTIONAL,)

    # Ziele …: Space ticks the first goal, Enter saves; Nour becomes a resource.
    drive(
        qtbot,
        monkeypatch,
        nd.GoalsDialog,
        lambda d: press_all(
            qtbot, (d.goal_list, Qt.Key.Key_Space), (d.goal_list, Qt.Key.Key_Return)
        ),
    )
    tab.goals_button.setFocus()
    press(qtbot, tab.goals_button, Qt.Key.Key_Space)
    nour = next(e for e in opened.network.entries(m.id) if e.name == "Nour Al Zein")
    assert [g.id for g in nour.goals] == [goal_id]
    assert tab.table.item(tab.table.currentRow(), 4).text() == "Z1"
    resource = next(r for r in opened.goals.case_resources(detail.id) if r.id == nour.resource_id)
    assert resource.goal_ids == (goal_id,)

    # Entf removes, after a question.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.canvas.setFocus()
    tab.select_entry(coach.id)
    press(qtbot, tab.canvas, Qt.Key.Key_Delete)
    assert [e.name for e in opened.network.entries(m.id)] == ["Nour Al Zein"]


def test_dragging_with_the_mouse_stores_the_new_place(qtbot, opened, case, tab):
    detail, _goal = case
    m = opened.network.create_map(detail.id, detail.persons[0].id)
    from asd_desktop.domain.network import EntrySource
    from asd_desktop.services.network import EntryInput

    e = opened.network.add_entry(m.id, EntryInput(EntrySource.NAME, "Oma Fatima", Sector.FAMILY, 3))
    tab.show_case(detail)
    canvas = tab.canvas
    start = canvas.dot_position(e.id).toPoint()
    # Into Professionelle Helfer (bottom left), middle horizon, middle of the arc.
    radius = (horizon_inner(2) + HORIZON_RADII[2]) / 2
    target = canvas.widget_point(-radius * 0.7071, -radius * 0.7071).toPoint()
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for n in range(1, 11):
        qtbot.mouseMove(canvas, start + (target - start) * n / 10)
    # While dragging, the canvas names where the entry would land.
    assert canvas.drag_hint() == "→ Professionelle Helfer, nah"
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=target)
    assert canvas.drag_hint() == ""
    [moved] = opened.network.entries(m.id)
    assert (moved.sector, moved.horizon) == (Sector.PROFESSIONAL, 2)
    assert moved.spot is not None
    assert abs(moved.spot - 0.5) < 0.05
    # Drawn where it was dropped, and the list follows.
    assert (canvas.dot_position(e.id).toPoint() - target).manhattanLength() <= 4
    assert tab.table.item(0, 1).text() == "Fachleute"
    # A click without moving selects but stores nothing.
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=target)
    assert opened.network.entries(m.id)[0].spot == moved.spot


def test_versions_slider_and_what_changed(qtbot, monkeypatch, opened, case, tab):
    detail, _goal = case
    from asd_desktop.domain.network import EntrySource
    from asd_desktop.services.network import EntryInput, VersionInput

    m = opened.network.create_map(detail.id, detail.persons[0].id)
    e = opened.network.add_entry(m.id, EntryInput(EntrySource.NAME, "Oma Fatima", Sector.FAMILY, 3))
    opened.network.save_version(m.id, VersionInput(TODAY - dt.timedelta(days=182)))
    opened.network.move_entry(e.id, Sector.FAMILY, 1)
    tab.show_case(detail)
    # Fassung speichern by keyboard: the date is today, Enter saves.
    drive(
        qtbot,
        monkeypatch,
        nd.SaveVersionDialog,
        lambda d: press(qtbot, d.date_edit, Qt.Key.Key_Return),
    )
    tab.save_version_button.setFocus()
    press(qtbot, tab.save_version_button, Qt.Key.Key_Space)
    assert [v.number for v in opened.network.versions(m.id)] == [1, 2]
    assert tab.version_slider.maximum() == 2
    tab.version_slider.setFocus()
    press(qtbot, tab.version_slider, Qt.Key.Key_Home)
    assert tab.version_label.text().startswith("Fassung 1 vom")
    assert not tab.add_button.isEnabled()
    assert tab.canvas.entries()[0].horizon == 3
    seen: list[str] = []

    def look(parent, drawings, older, newer):
        dialog = nd.ChangesDialog(drawings, older, newer, parent)
        seen.extend(dialog.changes_list.item(n).text() for n in range(dialog.changes_list.count()))
        dialog.deleteLater()

    monkeypatch.setattr(nd.ChangesDialog, "ask", classmethod(lambda _c, *a: look(*a)))
    press(qtbot, tab.version_slider, Qt.Key.Key_End)
    tab.show_changes()
    assert seen == ["Näher gerückt: Oma Fatima (weiter entfernt → sehr nah)"]


def test_screenshot_of_the_demo_map_at_1366(qtbot, demo):
    from asd_desktop.ui.case_view import CaseView

    view = CaseView(
        demo.cases,
        goals=demo.goals,
        documents=demo.documents,
        sozialraum=demo.sozialraum,
        network=demo.network,
    )
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitExposed(view)
    row = next(r for r in demo.cases.list_cases() if r.file_number == "ASD-M-2024-0113")
    view.show_case(row.id)
    assert view.network_tab is not None
    view.tabs.setCurrentWidget(view.network_tab)
    tab = view.network_tab
    assert tab.version_slider.maximum() == 2
    assert tab.table.rowCount() == 10
    # Nothing in the list is cut off sideways at this width.
    assert not tab.table.horizontalScrollBar().isVisible()
    view.grab().save(str(SCREENSHOTS / "network_map_tab.png"))
    tab.version_slider.setValue(0)
    assert tab.table.rowCount() == 7
    view.grab().save(str(SCREENSHOTS / "network_map_tab_first_version.png"))


def test_the_goal_wizard_offers_the_maps_people_and_the_map_shows_their_goal(
    qtbot, monkeypatch, opened, case
):
    from asd_desktop.domain.network import EntrySource
    from asd_desktop.services.network import EntryInput
    from asd_desktop.ui.goal_wizard.wizard import GoalWizard
    from asd_desktop.ui.network_map.pick import MapPersonPickDialog

    detail, _goal = case
    m = opened.network.create_map(detail.id, detail.persons[0].id)
    coach = opened.network.add_entry(
        m.id, EntryInput(EntrySource.NAME, "Trainer Ali", Sector.FRIENDS, 2)
    )
    draft = GoalDraft(
        action_goals=(ActionGoalDraft(text="Muharem geht dienstags zum Training."),),
    )
    wizard = GoalWizard(
        opened.goals, detail, draft, network=opened.network, catalog=opened.sozialraum.search
    )
    qtbot.addWidget(wizard)
    page = wizard.resources_page
    assert page.map_button is not None
    # The map's people come before the catalogue.
    items = [page.body.itemAt(n) for n in range(page.body.count())]
    layout_order = [item.widget() for item in items if item is not None]
    assert page.catalog_button is not None
    assert layout_order.index(page.map_button) < layout_order.index(page.catalog_button)
    offered: list[str] = []

    def pick(_cls, parent, people):
        offered.extend(p.name for p in people)
        return people[0]

    monkeypatch.setattr(MapPersonPickDialog, "ask", classmethod(pick))
    page.map_button.click()
    assert offered == ["Trainer Ali"]
    [taken] = [r for r in page.resources() if r.description == "Trainer Ali"]
    linked = next(e for e in opened.network.entries(m.id) if e.id == coach.id)
    assert taken.existing_id == linked.resource_id
    # Tick the goal for the new resource and store the agreement as the wizard would.
    page.goals_list.item(0).setCheckState(Qt.CheckState.Checked)
    stored = wizard.draft()
    assert [r.goal_indexes for r in stored.resources if r.existing_id == taken.existing_id] == [
        (0,)
    ]
    from dataclasses import replace

    agreement = opened.goals.finish(
        detail.id,
        replace(
            stored,
            concern="Muharem soll an seiner Schule bleiben.",
            concern_by="Eltern",
            will="Muharem will bleiben.",
            direction_goal="Wir kennen bis zu den Sommerferien Wege, damit Muharem bleibt.",
            direction_people="Eltern",
            action_goals=(
                ActionGoalDraft(
                    text="Muharem geht jeden Dienstag um 17 Uhr zum Training.",
                    indicator="Der Trainer hakt die Liste ab.",
                    due_on=TODAY + dt.timedelta(days=30),
                    involved="Muharem",
                ),
            ),
            place="Büro",
            agreed_on=TODAY,
            review_on=TODAY + dt.timedelta(days=60),
            present=("Muharem",),
            caseworker="Frau Petersen",
        ),
    )
    after = next(e for e in opened.network.entries(m.id) if e.id == coach.id)
    assert [g.id for g in after.goals] == [agreement.goals[0].id]
    # Stop the wizard's autosave while the case file is still open.
    assert wizard.save_draft_now()


def test_a_resource_found_in_the_zielerarbeitung_is_offered_on_the_map(qtbot, opened, case, tab):
    from asd_desktop.domain.enums import ResourceKind
    from asd_desktop.models import Resource

    detail, goal_id = case
    with opened.database.session_factory.begin() as s:
        s.add(
            Resource(
                case_id=detail.id,
                kind=ResourceKind.SOCIAL_SPACE.value,
                description="Hausaufgabenhilfe im Haus der Jugend",
                goal_ids=[goal_id],
            )
        )
    opened.network.create_map(detail.id, detail.persons[0].id)
    tab.show_case(detail)
    assert tab.resources_hint.isVisible()
    assert "Hausaufgabenhilfe im Haus der Jugend" in tab.resources_hint.text()
    [offered] = [c for c in opened.network.candidates(tab.current_map().id) if c.resource_id]
    assert offered.sector is Sector.PROFESSIONAL
    from asd_desktop.services.network import EntryInput

    added = opened.network.add_entry(
        tab.current_map().id,
        EntryInput(
            offered.source, offered.name, offered.sector, 2, resource_id=offered.resource_id
        ),
    )
    tab.reload(select=added.id)
    assert not tab.resources_hint.isVisible()
    # On the map it shows the goal the Zielerarbeitung gave it.
    assert tab.table.item(tab.table.currentRow(), 4).text() == "Z1"


def test_a_catalogue_entry_goes_on_the_map_and_the_page_and_picture_are_saved(
    qtbot, monkeypatch, opened, case, tmp_path
):
    from asd_desktop.services.sozialraum import CatalogEntryInput
    from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogPickDialog
    from asd_desktop.ui.network_map.tab import NetworkMapTab as Tab
    from asd_desktop.ui.network_map.tab import PngTarget
    from asd_desktop.ui.pdf_preview import SaveTarget

    detail, _goal = case
    offer = opened.sozialraum.add_entry(CatalogEntryInput("Haus der Jugend Kirchdorf", "OKJA"))
    opened.network.create_map(detail.id, detail.persons[0].id)
    tab = Tab(opened.network, catalog=opened.sozialraum.search)
    qtbot.addWidget(tab)
    tab.show_case(detail)
    monkeypatch.setattr(CatalogPickDialog, "ask", classmethod(lambda _c, parent, search: offer))

    def from_catalogue(d: nd.AddEntryDialog) -> None:
        d.catalog_button.click()
        assert d.name_edit.text() == "Haus der Jugend Kirchdorf"
        press(qtbot, d.horizon_combo, Qt.Key.Key_Return)

    drive(qtbot, monkeypatch, nd.AddEntryDialog, from_catalogue)
    tab.add_entry()
    shown = tab.current_map()
    assert shown is not None
    [entry] = opened.network.entries(shown.id)
    assert (entry.catalog_entry_id, entry.sector) == (offer.id, Sector.PROFESSIONAL)

    pdf, png = tmp_path / "karte.pdf", tmp_path / "karte.png"
    monkeypatch.setattr(SaveTarget, "ask", classmethod(lambda _c, parent, name: pdf))
    monkeypatch.setattr(PngTarget, "ask", classmethod(lambda _c, parent, name: png))
    saved: list[str] = []
    tab.saved.connect(saved.append)
    changed: list[str] = []
    tab.network_changed.connect(changed.append)
    tab.save_pdf()
    tab.save_png()
    assert pdf.read_bytes().startswith(b"%PDF")
    # the saved page is kept as a document of the case, the same bytes, and announced
    [kept] = opened.documents.list_for_case(detail.id)
    assert kept.title.startswith("Netzwerkkarte von")
    assert opened.documents.verify_file(pdf.read_bytes()).document_id == kept.id
    assert changed == [detail.id]
    assert png.read_bytes()[:4] == b"\x89PNG"
    assert saved == [
        "Netzwerkkarte als PDF gespeichert (karte.pdf)",
        "Netzwerkkarte als Bild gespeichert (karte.png)",
    ]


def test_the_map_is_printed_on_one_a4_page(qtbot, monkeypatch, opened, case, tab, tmp_path):
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from asd_desktop.domain.network import EntrySource
    from asd_desktop.services.network import EntryInput
    from asd_desktop.ui.pdf_preview import PrinterChoice

    detail, _goal = case
    m = opened.network.create_map(detail.id, detail.persons[0].id)
    opened.network.add_entry(m.id, EntryInput(EntrySource.NAME, "Oma Ayşe", Sector.FAMILY, 1))
    tab.show_case(detail)
    out = tmp_path / "gedruckt.pdf"

    def printer(_cls, parent, title, pages=0):
        assert (title, pages) == ("Netzwerkkarte", 1)
        p = QPrinter(QPrinter.PrinterMode.HighResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        p.setOutputFileName(str(out))
        return p

    monkeypatch.setattr(PrinterChoice, "ask", classmethod(printer))
    tab.print_map()
    # The print runs off the GUI thread; the file is whole once its end marker is written.
    qtbot.waitUntil(lambda: out.exists() and b"%%EOF" in out.read_bytes()[-64:], timeout=30000)
    assert out.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert "(A4)" in info

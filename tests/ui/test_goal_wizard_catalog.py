"""A case's resources can point to entries of the team's Sozialraum catalogue."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from asd_desktop.domain.enums import ResourceKind
from asd_desktop.services.sozialraum import CatalogEntryInput
from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogPickDialog
from asd_desktop.ui.goal_wizard.wizard import GoalWizard
from tests.ui.test_goal_wizard import _case

TODAY = dt.date.today()


def _entries(opened):
    add = opened.sozialraum.add_entry
    kifaz = add(
        CatalogEntryInput(
            name="KiFaZ Wilhelmsburg", kind="KiFaZ", district="Wilhelmsburg", languages="Türkisch"
        )
    )
    add(CatalogEntryInput(name="Elternschule Veddel", kind="Elternschule", district="Veddel"))
    return kifaz


def test_pick_dialog_searches_as_you_type_and_enter_takes_the_entry(qtbot, opened):
    kifaz = _entries(opened)
    dialog = CatalogPickDialog(opened.sozialraum.search)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.entries.count() == 2
    dialog.search_edit.setText("wilhelms")
    assert dialog.entries.count() == 1
    assert "KiFaZ Wilhelmsburg" in dialog.entries.item(0).text()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.entries, Qt.Key.Key_Return)
    assert dialog.chosen() == kifaz
    dialog.close()


def test_resource_from_the_catalogue_is_stored_with_its_entry(qtbot, opened, monkeypatch):
    kifaz = _entries(opened)
    case = _case(opened)
    wizard = GoalWizard(opened.goals, case, catalog=opened.sozialraum.search, autosave_ms=60_000)
    qtbot.addWidget(wizard)
    page = wizard.resources_page
    assert page.catalog_button is not None
    monkeypatch.setattr(CatalogPickDialog, "ask", classmethod(lambda cls, parent, search: kifaz))
    page.catalog_button.click()
    [added] = [r for r in page.resources() if r.catalog_entry_id]
    assert added.catalog_entry_id == kifaz.id
    assert added.kind is ResourceKind.SOCIAL_SPACE
    assert added.description == "KiFaZ Wilhelmsburg"
    wizard.deleteLater()


def test_without_the_catalogue_the_page_offers_no_button(qtbot, opened):
    wizard = GoalWizard(opened.goals, _case(opened), autosave_ms=60_000)
    qtbot.addWidget(wizard)
    assert wizard.resources_page.catalog_button is None
    wizard.deleteLater()

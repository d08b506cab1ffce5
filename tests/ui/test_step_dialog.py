"""The dialog "Schritt hinzufügen": what, who, by when."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from asd_desktop.domain.enums import StepActor
from asd_desktop.ui.dialogs.step_dialog import ACTORS, StepDialog, actor_text


def test_step_dialog_gives_text_actor_name_and_date(qtbot):
    dialog = StepDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.text_edit, "Kita-Anwesenheit einholen")
    dialog.actor_edit.actor_combo.setCurrentIndex(ACTORS.index(StepActor.FAMILY))
    dialog.actor_edit.name_edit.setText("Mutter (Frau Schröder)")
    due = dt.date.today() + dt.timedelta(days=3)
    dialog.due_edit.set_date(due)
    value = dialog.values()
    assert value.text == "Kita-Anwesenheit einholen"
    assert value.actor is StepActor.FAMILY
    assert value.actor_name == "Mutter (Frau Schröder)"
    assert value.due_on == due
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_step_dialog_refuses_an_empty_step(qtbot):
    dialog = StepDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    assert dialog.result() == 0
    assert "was zu tun ist" in dialog.problems_label.text()
    assert actor_text(StepActor.PROFESSIONAL, "Kita") == "andere Fachperson: Kita"

"""The case list model: columns, dates, overdue marking, Qt's model contract."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from asd_desktop.domain.enums import Area, CaseStatus
from asd_desktop.services.cases import CaseRow
from asd_desktop.ui.case_list_model import (
    CASE_ID_ROLE,
    COL_AREA,
    COL_DEADLINE,
    COL_FAMILY,
    COL_FILE_NUMBER,
    COL_LAST_CONTACT,
    OVERDUE_COLOR,
    CaseListModel,
)

TODAY = dt.date(2024, 6, 10)


def _rows() -> list[CaseRow]:
    return [
        CaseRow(
            id="c1",
            file_number="ASD-2024-001",
            family_name="Yılmaz",
            status=CaseStatus.OPEN,
            area=Area.GREY,
            last_contact=dt.datetime(2024, 6, 3, 14, 30),
            next_deadline=dt.date(2024, 6, 1),
        ),
        CaseRow(
            id="c2",
            file_number="ASD-2024-002",
            family_name="Al Zein",
            status=CaseStatus.OPEN,
            area=None,
            last_contact=None,
            next_deadline=dt.date(2024, 7, 1),
        ),
        CaseRow(
            id="c3",
            file_number="ASD-2023-117",
            family_name="Wąsowski",
            status=CaseStatus.CLOSED,
            area=Area.SERVICE,
            last_contact=None,
            next_deadline=dt.date(2024, 1, 1),
        ),
    ]


@pytest.fixture
def model(qtbot) -> CaseListModel:
    m = CaseListModel(today=lambda: TODAY)
    m.set_rows(_rows())
    return m


def _text(model: CaseListModel, row: int, col: int, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, col), role)


def test_model_passes_qt_modeltest(qtmodeltester, model):
    qtmodeltester.check(model)


def test_empty_model_passes_qt_modeltest(qtmodeltester):
    qtmodeltester.check(CaseListModel())


def test_headers_are_the_german_column_names(model):
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    shown = ["Aktenzeichen", "Familie", "Bereich", "letzter\nKontakt", "nächste\nFrist"]
    assert headers == shown
    spoken = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole)
        for c in range(model.columnCount())
    ]
    assert spoken == ["Aktenzeichen", "Familie", "Bereich", "letzter Kontakt", "nächste Frist"]


def test_cells_show_case_values_with_german_dates(model):
    assert model.rowCount() == 3
    assert _text(model, 0, COL_FILE_NUMBER) == "ASD-2024-001"
    assert _text(model, 0, COL_FAMILY) == "Yılmaz"
    assert _text(model, 0, COL_AREA) == "Grau"
    assert "Graubereich" in _text(model, 0, COL_AREA, Qt.ItemDataRole.ToolTipRole)
    assert _text(model, 0, COL_AREA, Qt.ItemDataRole.AccessibleTextRole) == "Bereich: Graubereich"
    assert _text(model, 0, COL_LAST_CONTACT) == "03.06.2024"
    assert _text(model, 1, COL_AREA) == "–"
    assert _text(model, 1, COL_LAST_CONTACT) == ""
    assert _text(model, 1, COL_DEADLINE) == "01.07.2024"
    assert _text(model, 2, COL_FAMILY, CASE_ID_ROLE) == "c3"


def test_overdue_deadline_is_red_and_marked(model):
    assert _text(model, 0, COL_DEADLINE) == "01.06.2024 !"
    assert _text(model, 0, COL_DEADLINE, Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOR
    assert "seit 9 Tagen überschritten" in _text(
        model, 0, COL_DEADLINE, Qt.ItemDataRole.ToolTipRole
    )
    # a future deadline is not marked; it is the earliest item of any kind, not only a step
    assert _text(model, 1, COL_DEADLINE, Qt.ItemDataRole.ForegroundRole) is None
    assert "nächste Frist am 01.07.2024" in _text(
        model, 1, COL_DEADLINE, Qt.ItemDataRole.ToolTipRole
    )
    # a closed case has no overdue deadline
    assert _text(model, 2, COL_DEADLINE) == "01.01.2024"
    assert _text(model, 2, COL_DEADLINE, Qt.ItemDataRole.ForegroundRole) != OVERDUE_COLOR


def test_accessible_text_names_the_column(model):
    assert (
        _text(model, 0, COL_DEADLINE, Qt.ItemDataRole.AccessibleTextRole)
        == "nächste Frist: 01.06.2024 (überfällig)"
    )
    assert _text(model, 1, COL_LAST_CONTACT, Qt.ItemDataRole.AccessibleTextRole) == (
        "letzter Kontakt: keine Angabe"
    )


def test_set_rows_resets_and_row_lookup(qtbot, model):
    assert model.row_of("c2") == 1
    assert model.row_of("missing") == -1
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(_rows()[:1])
    assert model.rowCount() == 1
    assert model.row_of("c2") == -1
    assert model.case_at(5) is None
    assert model.data(QModelIndex()) is None
    model.set_rows([])
    assert model.rowCount() == 0

"""The Wirkungsbericht window (Auswertung → Wirkungsbericht …): window, charts, table.

The package re-exports every name a caller needs.
"""

from asd_desktop.ui.wirkung_window.charts import ChangeChart, CountChart
from asd_desktop.ui.wirkung_window.table import ReportTableModel
from asd_desktop.ui.wirkung_window.window import ExportTarget, WirkungWindow

__all__ = ["ChangeChart", "CountChart", "ExportTarget", "ReportTableModel", "WirkungWindow"]

"""The Wirkungsbericht window: choose pilot, comparison, days and costs; charts, table, export.

Opened from Auswertung → Wirkungsbericht … (Strg+Umschalt+W). The report is
computed off the GUI thread (:class:`~asd_desktop.ui.operations.Op`); it names no
one, and cells of fewer than three cases read ``< 3``. "Drucken …" (Strg+P) prints
the same pages as the PDF, through the print path of every stored document
(:mod:`asd_desktop.ui.pdf_preview`): rendered in memory, never written to a file.
The choice and the project costs are remembered in the data folder, so the window
opens on the last report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.hilfen import format_euros, parse_euros
from asd_desktop.domain.wirkung import (
    ProjectCosts,
    Side,
    WirkungReport,
    change_bars,
    count_bars,
    euro_text,
    key_figures,
    percent_text,
    share_text,
)
from asd_desktop.models.errors import AsdError
from asd_desktop.models.progress import OperationToken
from asd_desktop.reports.wirkung import render_wirkung
from asd_desktop.services.wirkung import (
    REST,
    CaseGroup,
    Choice,
    WirkungService,
    group_from_key,
    load_choice,
    load_costs,
    save_choice,
    save_costs,
    write_csv,
    write_pdf,
)
from asd_desktop.ui.help import set_help_id
from asd_desktop.ui.operations import BusyScope, Op
from asd_desktop.ui.pdf_preview import PrinterChoice, load_pdf, print_pdf
from asd_desktop.ui.widgets import DATE_FORMAT, ProblemsLabel, buddy, from_qdate, to_qdate
from asd_desktop.ui.wirkung_window.charts import ChangeChart, CountChart
from asd_desktop.ui.wirkung_window.table import ReportTableModel

TITLE = "Wirkungsbericht"
HELP_ID = "wirkungsbericht"


class ExportTarget:
    """Asks where a CSV or PDF goes (tests replace :meth:`ask`)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: str, suffix: str) -> Path | None:
        """The chosen file with ``suffix`` (".csv", ".pdf"), or None when cancelled."""
        kind = "CSV-Tabelle (*.csv)" if suffix == ".csv" else "PDF-Dokument (*.pdf)"
        name, _ = QFileDialog.getSaveFileName(parent, f"{TITLE} speichern", suggested, kind)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)


class WirkungWindow(QDialog):
    """Pilot against comparison on two reference days, as charts, table and figures.

    Args:
        service: the Wirkungsbericht service of the open case file.
        data_dir: where the project costs and the last choice are kept.
        today: the day the default reference days follow; tests pass a fixed one.

    Signals:
        report_shown(WirkungReport): a report was computed and is shown.
    """

    report_shown = Signal(object)

    def __init__(
        self,
        service: WirkungService,
        data_dir: Path,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        """Build the window and fill the choices from the database."""
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        set_help_id(self, HELP_ID)
        self._service = service
        self._data_dir = data_dir
        self.report: WirkungReport | None = None
        self._groups: tuple[CaseGroup, ...] = ()
        self.resize(1320, 720)

        self.pilot_combo = QComboBox()
        self.comparison_combo = QComboBox()
        self.baseline_edit = self._date_edit()
        self.until_edit = self._date_edit()
        self.staff_edit = self._euro_edit()
        self.training_edit = self._euro_edit()
        self.evaluation_edit = self._euro_edit()
        self.run_button = QPushButton("&Bericht erstellen")
        self.run_button.setDefault(True)
        self.run_button.setAutoDefault(True)
        self.problems = ProblemsLabel()

        choose = QGridLayout()
        choose.addWidget(buddy("&Pilotgruppe:", self.pilot_combo, "Pilotgruppe"), 0, 0)
        choose.addWidget(self.pilot_combo, 0, 1)
        choose.addWidget(buddy("&Vergleich:", self.comparison_combo, "Vergleichsgruppe"), 1, 0)
        choose.addWidget(self.comparison_combo, 1, 1)
        choose.addWidget(buddy("&Erster Stichtag:", self.baseline_edit, "Erster Stichtag"), 0, 2)
        choose.addWidget(self.baseline_edit, 0, 3)
        choose.addWidget(buddy("&Zweiter Stichtag:", self.until_edit, "Zweiter Stichtag"), 1, 2)
        choose.addWidget(self.until_edit, 1, 3)
        costs = QHBoxLayout()
        for text, edit, name in (
            ("Projektkosten Pers&onal", self.staff_edit, "Projektkosten Personal in Euro"),
            ("Fortbildun&g", self.training_edit, "Projektkosten Fortbildung in Euro"),
            ("Evaluat&ion", self.evaluation_edit, "Projektkosten Evaluation in Euro"),
        ):
            costs.addWidget(buddy(f"{text}:", edit, name))
            costs.addWidget(edit)
        costs.addStretch(1)
        choose.addLayout(costs, 0, 4, 1, 2)
        choose.addWidget(self.run_button, 1, 5)
        for combo in (self.pilot_combo, self.comparison_combo):
            combo.setMinimumWidth(240)
            combo.setMaximumWidth(380)
        choose.setColumnStretch(1, 1)
        choose.setColumnStretch(4, 2)

        self.summary = QLabel("Pilot- und Vergleichsgruppe wählen, dann »Bericht erstellen«.")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName("Ergebnis in Kürze")
        self.summary.setStyleSheet(
            "QLabel { background: #eef3f8; border-left: 4px solid #1f4e79; padding: 6px; }"
        )

        self.change_chart = ChangeChart()
        self.pilot_chart = CountChart()
        self.comparison_chart = CountChart()
        counts = QWidget()
        counts_layout = QHBoxLayout(counts)
        counts_layout.addWidget(self.pilot_chart)
        counts_layout.addWidget(self.comparison_chart)
        self.table_model = ReportTableModel()
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("Tabelle: Hilfen nach Art")
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 9):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setWordWrap(True)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.figures.setAccessibleName("Ausgaben, Effekt und Kennzahlen der Methode")
        self.figures.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Ansichten des Berichts")
        self.tabs.addTab(self.change_chart, "&1 Veränderung")
        self.tabs.addTab(counts, "&2 Laufende Maßnahmen")
        self.tabs.addTab(self.table, "&3 Tabelle")
        self.tabs.addTab(self.figures, "&4 Ausgaben und Methode")

        self.csv_button = QPushButton("Als &CSV speichern …")
        self.pdf_button = QPushButton("Als P&DF speichern …")
        self.print_button = QPushButton("D&rucken …")
        self.print_button.setAccessibleName("Bericht drucken")
        self.print_button.setToolTip("Den Bericht drucken (Strg+P)")
        #: Strg+P anywhere in the window prints, as in the document preview.
        self.print_action = QAction("Drucken …", self)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(self.print_action)
        self.close_button = QPushButton("Schließen")
        for button in (self.csv_button, self.pdf_button, self.print_button, self.close_button):
            button.setAutoDefault(False)
        for button in (self.csv_button, self.pdf_button, self.print_button):
            button.setEnabled(False)
        self.print_action.setEnabled(False)
        #: The print running (or being prepared) off the GUI thread, if any.
        self.printing: Op[bytes] | Op[int] | None = None
        self.saved_label = QLabel()
        self.saved_label.setAccessibleName("Gespeichert")
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(choose)
        layout.addWidget(self.problems)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.run_button.clicked.connect(self.run_report)
        self.csv_button.clicked.connect(self.save_csv)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_report)
        self.print_action.triggered.connect(self.print_report)
        self.close_button.clicked.connect(self.close)
        self.pilot_combo.currentIndexChanged.connect(self._pilot_changed)
        self.busy = BusyScope(
            self,
            (
                self.run_button,
                self.csv_button,
                self.pdf_button,
                self.print_button,
                self.print_action,
                self.pilot_combo,
                self.comparison_combo,
            ),
            restore=self._follow_report,
        )
        self._fill_choices(today())

    # --- choices -------------------------------------------------------------------------

    @staticmethod
    def _date_edit() -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(DATE_FORMAT)
        return edit

    @staticmethod
    def _euro_edit() -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText("0,00 €")
        edit.setMinimumWidth(120)
        edit.setMaximumWidth(150)
        return edit

    def _fill_choices(self, today: dt.date) -> None:
        self._groups = self._service.groups()
        for group in self._groups:
            self.pilot_combo.addItem(group.label, group)
        self.comparison_combo.addItem(REST.label, REST)
        for group in self._groups:
            self.comparison_combo.addItem(group.label, group)
        choice = load_choice(self._data_dir)
        first = dt.date(today.year - 2, 1, 1)
        last = dt.date(today.year - 1, 12, 31)
        if choice is not None:
            pilot = group_from_key(choice.pilot, self._groups)
            comparison = group_from_key(choice.comparison, self._groups)
            if pilot is not None:
                self.pilot_combo.setCurrentIndex(self._groups.index(pilot))
            if comparison is not None:
                self.comparison_combo.setCurrentIndex(self.comparison_combo.findData(comparison))
            first, last = choice.baseline, choice.until
        self.baseline_edit.setDate(to_qdate(first))
        self.until_edit.setDate(to_qdate(last))
        self._pilot_changed()
        if not self._groups:
            self.problems.show_problems(
                {
                    "pilot": "Kein Fall nennt bisher ein Team, einen Sozialraum oder einen "
                    "Bezirk. Bitte zuerst bei den Fällen eintragen, wohin sie gehören "
                    "(Fall → Hilfen → Zuordnung)."
                }
            )
            self.run_button.setEnabled(False)

    def _pilot_changed(self) -> None:
        pilot = self.pilot()
        if pilot is None:
            return
        costs = load_costs(self._data_dir, pilot)
        for edit, value in (
            (self.staff_edit, costs.staff),
            (self.training_edit, costs.training),
            (self.evaluation_edit, costs.evaluation),
        ):
            edit.setText(format_euros(round(value * 100)) if value else "")

    def pilot(self) -> CaseGroup | None:
        """The chosen pilot group."""
        value = self.pilot_combo.currentData()
        return value if isinstance(value, CaseGroup) else None

    def comparison(self) -> CaseGroup:
        """The chosen comparison (the rest of the database unless another group)."""
        value = self.comparison_combo.currentData()
        return value if isinstance(value, CaseGroup) else REST

    def costs(self) -> ProjectCosts:
        """The entered project costs; raises AsdError naming a field that is no amount."""
        values: list[float] = []
        for edit, name in (
            (self.staff_edit, "Personal"),
            (self.training_edit, "Fortbildung"),
            (self.evaluation_edit, "Evaluation"),
        ):
            try:
                cents = parse_euros(edit.text())
            except ValueError:
                raise AsdError(
                    f"»{edit.text()}« bei {name} ist kein Betrag. Bitte in Euro eingeben, "
                    "z. B. 240.000 oder 1.250,50."
                ) from None
            if cents is not None and cents < 0:
                raise AsdError(f"Die Kosten für {name} dürfen nicht negativ sein.")
            values.append((cents or 0) / 100)
        return ProjectCosts(*values)

    # --- the report ----------------------------------------------------------------------

    def run_report(self) -> Op[WirkungReport] | None:
        """Compute the report off the GUI thread; returns the running operation."""
        pilot = self.pilot()
        if pilot is None:
            return None
        comparison = self.comparison()
        baseline = from_qdate(self.baseline_edit.date())
        until = from_qdate(self.until_edit.date())
        try:
            costs = self.costs()
        except AsdError as exc:
            self.problems.show_problems({"costs": exc.message})
            return None
        self.problems.show_problems({})
        self.saved_label.clear()
        service = self._service

        def compute(token: OperationToken) -> WirkungReport:
            return service.report(pilot, comparison, baseline, until, costs, token)

        def shown(report: WirkungReport) -> None:
            self._show(report)
            try:
                save_costs(self._data_dir, pilot, costs)
                save_choice(self._data_dir, Choice(pilot.key, comparison.key, baseline, until))
            except AsdError as exc:
                self.problems.show_problems({"save": exc.message})

        def failed(error: AsdError) -> None:
            self.problems.show_problems({"report": error.message})
            self.run_button.setFocus(Qt.FocusReason.OtherFocusReason)

        return (
            Op(self, compute, title="Wirkungsbericht nicht erstellt")
            .success(shown)
            .failure(failed)
            .with_progress("Der Wirkungsbericht wird berechnet …", cancellable=True)
            .run()
        )

    def _show(self, report: WirkungReport) -> None:
        self.report = report
        first, second = f"{report.baseline:%d.%m.%Y}", f"{report.until:%d.%m.%Y}"
        pilot, comparison = report.pilot_label, report.comparison_label
        lines = "".join(
            f"<tr><td><b>{label}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
            for label, value in key_figures(report)
        )
        self.summary.setText(
            f"<b>{pilot}</b> im Vergleich mit <b>{comparison}</b>, "
            f"Stichtage {first} und {second}<table>{lines}</table>"
        )
        self.change_chart.set_bars(change_bars(report), pilot, comparison)
        self.pilot_chart.set_bars(count_bars(report, Side.PILOT), pilot, first, second)
        self.comparison_chart.set_bars(
            count_bars(report, Side.COMPARISON), comparison, first, second
        )
        self.table_model.set_report_headers(pilot, comparison, first, second)
        self.table_model.set_rows(report.rows)
        self.figures.setText(self._figures_html(report))
        self._follow_report()
        # The fields were disabled while it ran (and a progress panel may have had the
        # focus): the keyboard goes on at the charts.
        self.activateWindow()
        self.tabs.setFocus(Qt.FocusReason.OtherFocusReason)
        self.report_shown.emit(report)

    @staticmethod
    def _figures_html(report: WirkungReport) -> str:
        p, c = report.pilot_spending, report.comparison_spending
        rows = (
            "".join(
                f"<tr><td>{year}</td><td align='right'>{euro_text(p.euros[i])}</td>"
                f"<td align='right'>{euro_text(c.euros[i])}</td></tr>"
                for i, year in enumerate(p.years)
            )
            if not (p.suppressed or c.suppressed)
            else "<tr><td colspan='3'>&lt; 3 Fälle</td></tr>"
        )
        indicators = "".join(
            f"<tr><td>{i.label}</td><td>{share_text(i.pilot)}</td>"
            f"<td>{share_text(i.comparison)}</td></tr>"
            for i in report.indicators
        )
        return (
            "<h3>Ausgaben für Maßnahmen je Kalenderjahr</h3>"
            f"<table cellpadding='3'><tr><th></th><th>{report.pilot_label}</th>"
            f"<th>{report.comparison_label}</th></tr>{rows}"
            f"<tr><td><b>Veränderung</b></td><td align='right'><b>{percent_text(p.change, 2)}"
            f"</b></td><td align='right'><b>{percent_text(c.change, 2)}</b></td></tr></table>"
            "<h3>Arbeit mit dem Sozialraum</h3>"
            f"<table cellpadding='3'><tr><th></th><th>{report.pilot_label}</th>"
            f"<th>{report.comparison_label}</th></tr>{indicators}</table>"
            "<p>Felder mit weniger als drei Fällen stehen als »&lt; 3«.</p>"
        )

    def _follow_report(self) -> None:
        for widget in (self.run_button, self.pilot_combo, self.comparison_combo):
            widget.setEnabled(bool(self._groups))
        for button in (self.csv_button, self.pdf_button, self.print_button):
            button.setEnabled(self.report is not None)
        self.print_action.setEnabled(self.report is not None)

    # --- export --------------------------------------------------------------------------

    def _suggested(self, suffix: str) -> str:
        assert self.report is not None
        name = self.report.pilot_label.replace(" ", "_")
        return str(Path.home() / f"Wirkungsbericht_{name}_{self.report.until:%Y-%m-%d}{suffix}")

    def save_csv(self) -> Op[Path] | None:
        """Ask for a file and write the report as CSV."""
        return self._save(".csv", write_csv)

    def save_pdf(self) -> Op[Path] | None:
        """Ask for a file and write the report as PDF."""
        return self._save(".pdf", write_pdf)

    def _save(self, suffix: str, write: Callable[[WirkungReport, Path], Path]) -> Op[Path] | None:
        report = self.report
        if report is None:
            return None
        target = ExportTarget.ask(self, self._suggested(suffix), suffix)
        if target is None:
            return None
        return (
            Op(self, lambda _token: write(report, target), title="Nicht gespeichert")
            .success(self._saved)
            .with_progress("Der Bericht wird gespeichert …")
            .run()
        )

    def print_report(self) -> Op[bytes] | None:
        """Render the report's pages off the GUI thread, then ask for a printer and print."""
        report = self.report
        if report is None:
            return None
        self.printing = (
            Op(self, lambda _token: render_wirkung(report), title="Nicht gedruckt")
            .success(self._choose_printer)
            .with_progress("Der Bericht wird für den Druck vorbereitet …")
            .run()
        )
        return self.printing

    def _choose_printer(self, content: bytes) -> None:
        try:
            document = load_pdf(content)
            pages = document.pageCount()
            document.close()
        except AsdError as exc:
            self.problems.show_problems({"print": exc.message})
            return
        printer = PrinterChoice.ask(self, TITLE, pages)
        if printer is None:
            self.activateWindow()
            self.print_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return

        def send(token: OperationToken) -> int:
            return print_pdf(content, printer, token)

        self.printing = (
            Op(self, send, title="Nicht gedruckt")
            .success(self._printed)
            .with_progress("Der Wirkungsbericht wird gedruckt …", cancellable=True)
            .run()
        )

    def _printed(self, pages: int) -> None:
        self.saved_label.setText(f"Gedruckt: {pages} {'Seite' if pages == 1 else 'Seiten'}")
        # A progress panel may have had the focus: the keyboard goes on in this window.
        self.activateWindow()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _saved(self, path: Path) -> None:
        self.saved_label.setText(f"Gespeichert: {path}")
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["ExportTarget", "WirkungWindow"]

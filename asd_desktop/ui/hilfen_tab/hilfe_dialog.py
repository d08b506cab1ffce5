"""Enter or change a Hilfe: kind, provider, period, why it ended, and what it costs.

The costs per month and per year are shown live as hours, rate or monthly cost are
typed (hours x rate x 52/12 weeks a month; a monthly cost counts instead).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from asd_desktop.domain.hilfen import (
    END_REASON_LABELS,
    EndReason,
    HelpCost,
    HelpGroup,
    format_euros,
    format_hours,
    hilfe_problems,
    parse_euros,
    parse_hours,
)
from asd_desktop.services.hilfen import HelpKindView, HilfeInput
from asd_desktop.ui.dialogs.drafts import DraftFormDialog
from asd_desktop.ui.widgets import (
    DATE_FORMAT,
    FormDialog,
    OptionalDateEdit,
    buddy,
    from_qdate,
    to_qdate,
)

#: Data role of a kind's code on the combo's items (group headings carry none).
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
REASONS: tuple[EndReason, ...] = tuple(END_REASON_LABELS)
NO_REASON = "– noch nicht beendet –"


def kind_model(kinds: Sequence[HelpKindView], current: str = "") -> QStandardItemModel:
    """The kinds under their group headings; headings cannot be chosen."""
    model = QStandardItemModel()
    for group in HelpGroup:
        members = [k for k in kinds if k.group is group]
        if not members:
            continue
        heading = QStandardItem(f"— {group.label} —")
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        model.appendRow(heading)
        for k in members:
            item = QStandardItem(f"    {k.display}")
            item.setData(k.code, CODE_ROLE)
            item.setToolTip(f"{k.display} · {group.label}")
            model.appendRow(item)
    if current and current not in {k.code for k in kinds}:
        # A kind no longer offered (or unknown here): the help keeps it.
        item = QStandardItem(f"    {current} (nicht mehr angeboten)")
        item.setData(current, CODE_ROLE)
        model.appendRow(item)
    return model


class HilfeDialog(DraftFormDialog):
    """A help of the open case; Ctrl+Return stores it."""

    draft_name = "hilfe"

    def __init__(
        self,
        kinds: Sequence[HelpKindView],
        providers: Sequence[tuple[str, str | None]] = (),
        value: HilfeInput | None = None,
        parent: QWidget | None = None,
        title: str = "Hilfe anlegen",
    ) -> None:
        super().__init__(title, parent, min_width=620)
        self._providers = dict(providers)
        self._consultation_id = value.consultation_id if value else None

        self.kind_combo = QComboBox()
        self.kind_combo.setModel(kind_model(kinds, value.kind if value else ""))
        self.kind_combo.setMaxVisibleItems(20)
        self.provider_edit = QLineEdit()
        self.provider_edit.setPlaceholderText("Träger, z. B. aus dem Sozialraumkatalog")
        completer = QCompleter(sorted(self._providers), self.provider_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.provider_edit.setCompleter(completer)
        self.start_edit = QDateEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat(DATE_FORMAT)
        self.start_edit.setDate(to_qdate(dt.date.today()))
        self.planned_end_edit = OptionalDateEdit(
            "geplant", "geplantes Ende", default=lambda: self._start() + dt.timedelta(days=182)
        )
        self.end_edit = OptionalDateEdit("beendet am", "tatsächliches Ende")
        self.reason_combo = QComboBox()
        self.reason_combo.addItems([NO_REASON, *[END_REASON_LABELS[r] for r in REASONS]])
        self.hours_edit = QLineEdit()
        self.hours_edit.setPlaceholderText("z. B. 4,5")
        self.rate_edit = QLineEdit()
        self.rate_edit.setPlaceholderText("z. B. 62,30")
        self.monthly_edit = QLineEdit()
        self.monthly_edit.setPlaceholderText("z. B. 5.200,00")
        self.cost_label = QLabel()
        self.cost_label.setAccessibleName("Kosten pro Monat und Jahr")
        self.cost_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(60)

        form = QFormLayout()
        form.addRow(buddy("&Art der Hilfe:", self.kind_combo, "Art der Hilfe"), self.kind_combo)
        form.addRow(buddy("&Träger:", self.provider_edit, "Träger"), self.provider_edit)
        form.addRow(buddy("&Beginn:", self.start_edit, "Beginn"), self.start_edit)
        form.addRow(
            buddy("&Geplantes Ende:", self.planned_end_edit, "geplantes Ende"),
            self.planned_end_edit,
        )
        form.addRow(buddy("&Ende:", self.end_edit, "tatsächliches Ende"), self.end_edit)
        form.addRow(
            buddy("&Warum beendet:", self.reason_combo, "Grund für das Ende"), self.reason_combo
        )
        money = QGridLayout()
        money.addWidget(buddy("St&unden/Woche:", self.hours_edit, "Stunden pro Woche"), 0, 0)
        money.addWidget(self.hours_edit, 0, 1)
        money.addWidget(buddy("Stundensat&z (€):", self.rate_edit, "Stundensatz in Euro"), 0, 2)
        money.addWidget(self.rate_edit, 0, 3)
        money.addWidget(
            buddy("oder &Monatlich (€):", self.monthly_edit, "monatliche Kosten in Euro"), 1, 0
        )
        money.addWidget(self.monthly_edit, 1, 1)
        money.addWidget(self.cost_label, 2, 0, 1, 4)
        money.setColumnStretch(3, 1)
        for edit, width in ((self.hours_edit, 90), (self.rate_edit, 110), (self.monthly_edit, 130)):
            edit.setMinimumWidth(width)
        form.addRow(QLabel("Kosten:"), money)
        form.addRow(buddy("&Notizen:", self.notes_edit, "Notizen"), self.notes_edit)
        self.body.addLayout(form)
        hint = QLabel("Strg+Eingabe speichert, Esc bricht ab.")
        hint.setEnabled(False)
        self.body.addWidget(hint)
        self.fields.update(
            {
                "kind": self.kind_combo,
                "provider": self.provider_edit,
                "start_on": self.start_edit,
                "planned_end_on": self.planned_end_edit,
                "end_on": self.end_edit,
                "end_reason": self.reason_combo,
                "minutes_per_week": self.hours_edit,
                "hourly_rate_cents": self.rate_edit,
                "monthly_cost_cents": self.monthly_edit,
            }
        )
        for edit in (self.hours_edit, self.rate_edit, self.monthly_edit):
            edit.textChanged.connect(self._update_costs)
        self.end_edit.checkbox.toggled.connect(self._on_end_toggled)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        if value is not None:
            self.set_value(value)
        else:
            self._select_first_kind()
        self._on_end_toggled(self.end_edit.checkbox.isChecked())
        self._update_costs()
        self.kind_combo.setFocus()

    # --- values ------------------------------------------------------------------------

    def _start(self) -> dt.date:
        return from_qdate(self.start_edit.date())

    def _select_first_kind(self) -> None:
        for row in range(self.kind_combo.count()):
            if self.kind_combo.itemData(row, CODE_ROLE):
                self.kind_combo.setCurrentIndex(row)
                return

    def select_kind(self, code: str) -> bool:
        """Choose the kind with ``code``; False when it is not in the list."""
        for row in range(self.kind_combo.count()):
            if self.kind_combo.itemData(row, CODE_ROLE) == code:
                self.kind_combo.setCurrentIndex(row)
                return True
        return False

    def kind_code(self) -> str:
        """The chosen kind's code ("" on a heading)."""
        return str(self.kind_combo.currentData(CODE_ROLE) or "")

    def set_value(self, value: HilfeInput) -> None:
        """Show a stored or prepared help."""
        if not value.kind or not self.select_kind(value.kind):
            self._select_first_kind()
        self.provider_edit.setText(value.provider)
        self.start_edit.setDate(to_qdate(value.start_on or dt.date.today()))
        self.planned_end_edit.set_date(value.planned_end_on)
        self.end_edit.set_date(value.end_on)
        reason = next((r for r in REASONS if r.value == value.end_reason), None)
        self.reason_combo.setCurrentIndex(0 if reason is None else REASONS.index(reason) + 1)
        self.hours_edit.setText(format_hours(value.minutes_per_week))
        rate = format_euros(value.hourly_rate_cents).replace(" €", "")
        self.rate_edit.setText(rate)
        self.monthly_edit.setText(format_euros(value.monthly_cost_cents).replace(" €", ""))
        self.notes_edit.setPlainText(value.notes)

    def _money(self) -> tuple[dict[str, str], HelpCost]:
        problems: dict[str, str] = {}
        values: list[int | None] = []
        for key, edit, parse, what in (
            ("minutes_per_week", self.hours_edit, parse_hours, "Stunden pro Woche"),
            ("hourly_rate_cents", self.rate_edit, parse_euros, "Stundensatz"),
            ("monthly_cost_cents", self.monthly_edit, parse_euros, "monatlichen Kosten"),
        ):
            try:
                values.append(parse(edit.text()))
            except ValueError:
                problems[key] = (
                    f"Die {what} bitte als Zahl eintragen, etwa 4,5 oder 62,30 "
                    "(Komma oder Punkt, höchstens zwei Nachkommastellen)."
                )
                values.append(None)
        return problems, HelpCost(values[0], values[1], values[2])

    def _reason(self) -> str:
        index = self.reason_combo.currentIndex()
        return REASONS[index - 1].value if index > 0 else ""

    def values(self) -> HilfeInput:
        """The help as entered (money that cannot be read counts as empty)."""
        _, cost = self._money()
        provider = self.provider_edit.text().strip()
        entry = self._providers.get(provider)
        return HilfeInput(
            kind=self.kind_code(),
            start_on=self._start(),
            provider=provider,
            catalog_entry_id=entry,
            planned_end_on=self.planned_end_edit.date(),
            end_on=self.end_edit.date(),
            end_reason=self._reason(),
            minutes_per_week=cost.minutes_per_week,
            hourly_rate_cents=cost.hourly_rate_cents,
            monthly_cost_cents=cost.monthly_cost_cents,
            consultation_id=self._consultation_id,
            notes=self.notes_edit.toPlainText(),
        )

    def current_problems(self) -> dict[str, str]:
        """Why the help cannot be stored."""
        problems, cost = self._money()
        value = self.values()
        problems.update(
            hilfe_problems(
                value.kind,
                value.start_on,
                value.planned_end_on,
                value.end_on,
                value.end_reason,
                cost,
            )
        )
        if (
            cost.minutes_per_week is not None
            and cost.hourly_rate_cents is None
            and cost.monthly_cost_cents is None
        ):
            problems.setdefault(
                "hourly_rate_cents",
                "Zu den Stunden fehlt der Stundensatz. Bitte eintragen "
                "(oder die monatlichen Kosten).",
            )
        return problems

    # --- reactions -----------------------------------------------------------------------

    def _on_end_toggled(self, ended: bool) -> None:
        self.reason_combo.setEnabled(ended)
        if not ended:
            self.reason_combo.setCurrentIndex(0)

    def _update_costs(self) -> None:
        problems, cost = self._money()
        if problems:
            self.cost_label.setText("Bitte Zahlen wie 4,5 oder 62,30 eintragen.")
        elif cost.per_month_cents is None:
            self.cost_label.setText("Kosten: noch offen")
        else:
            how = "aus Stunden × Satz × 52/12" if cost.by_hours else "monatliche Kosten"
            self.cost_label.setText(
                f"<b>{format_euros(cost.per_month_cents)}</b> im Monat · "
                f"<b>{format_euros(cost.per_year_cents)}</b> im Jahr ({how})"
            )
        self.cost_label.setAccessibleDescription(self.cost_label.text())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        kinds: Sequence[HelpKindView],
        providers: Sequence[tuple[str, str | None]] = (),
        value: HilfeInput | None = None,
        title: str = "Hilfe anlegen",
        target: str | None = None,
    ) -> HilfeInput | None:
        """Show the dialog modally; the entered help, or None if cancelled."""
        dialog = cls(kinds, providers, value, parent, title)
        dialog.draft_target = target
        try:
            if dialog.exec() == FormDialog.DialogCode.Accepted.value:
                return dialog.values()
            return None
        finally:
            dialog.deleteLater()

"""The Netzwerkkarte's small dialogs: new map, add entry, relation, goals, versions, deleting.

Each builds its widgets in the constructor, returns its values as a dataclass and
has a ``classmethod ask`` that tests can replace.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.domain.network import (
    DIRECTION_LABELS,
    HORIZON_LABELS,
    HORIZONS,
    SECTORS,
    Direction,
    EntrySource,
    MapDiff,
    MapEntry,
    Sector,
    Support,
    diff,
)
from asd_desktop.services.cases import PersonView
from asd_desktop.services.network import (
    Candidate,
    EntryInput,
    EntryView,
    GoalChoice,
    MapSize,
    MapView,
    RelationInput,
    ReviewChoice,
    ReviewKind,
    VersionInput,
    entry_problems,
    version_problems,
)
from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogPickDialog, CatalogSearch
from asd_desktop.ui.widgets import FormDialog, buddy

DIRECTIONS: tuple[Direction, ...] = tuple(Direction)
DATA = Qt.ItemDataRole.UserRole


def _person_name(p: PersonView) -> str:
    return " ".join(n for n in (p.first_name, p.last_name) if n) or "ohne Namen"


class NewMapDialog(FormDialog):
    """Whose network the new map shows: a person of the case, or a typed name."""

    def __init__(self, persons: Sequence[PersonView], parent: QWidget | None = None) -> None:
        super().__init__("Neue Netzwerkkarte", parent)
        self._persons = list(persons)
        self.centre_combo = QComboBox()
        for p in self._persons:
            self.centre_combo.addItem(_person_name(p))
        self.centre_combo.addItem("Andere Person (Namen eingeben)")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("nur bei »Andere Person«")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("frei lassen: »Netzwerkkarte von …«")
        form = QFormLayout()
        form.addRow(
            buddy("Wer steht in der &Mitte:", self.centre_combo, "Wer steht in der Mitte"),
            self.centre_combo,
        )
        form.addRow(buddy("&Name:", self.name_edit, "Name der Person in der Mitte"), self.name_edit)
        form.addRow(
            buddy("&Titel (freiwillig):", self.title_edit, "Titel der Karte"), self.title_edit
        )
        self.body.addLayout(form)
        self.fields.update({"centre": self.name_edit})
        self.centre_combo.setFocus()

    def values(self) -> tuple[str | None, str, str]:
        """(person id or None, typed name, title)."""
        row = self.centre_combo.currentIndex()
        person = self._persons[row].id if 0 <= row < len(self._persons) else None
        return person, self.name_edit.text().strip(), self.title_edit.text().strip()

    def current_problems(self) -> dict[str, str]:
        """A typed centre needs a name."""
        person, name, _title = self.values()
        if person is None and not name:
            return {"centre": "Bitte den Namen der Person in der Mitte eingeben."}
        return {}

    @classmethod
    def ask(
        cls, parent: QWidget | None, persons: Sequence[PersonView]
    ) -> tuple[str | None, str, str] | None:
        """The new map's centre and title, or None if cancelled."""
        dialog = cls(persons, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class AddEntryDialog(FormDialog):
    """Add someone: a person or resource of the case, a catalogue entry, or a typed name."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        catalog: CatalogSearch | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Eintrag hinzufügen", parent, min_width=560)
        self._candidates = list(candidates)
        self._source = EntrySource.NAME
        self._person_id: str | None = None
        self._resource_id: str | None = None
        self._catalog_id: str | None = None
        self._catalog = catalog

        self.candidate_list = QListWidget()
        self.candidate_list.setAccessibleName("Personen und Ressourcen des Falls")
        typed = QListWidgetItem("Neuer Name (unten eingeben)")
        typed.setData(DATA, -1)
        self.candidate_list.addItem(typed)
        for n, c in enumerate(self._candidates):
            kind = "Person" if c.source is EntrySource.PERSON else "Ressource"
            extra = f" – {c.detail}" if c.detail else ""
            mark = " (schon auf der Karte)" if c.on_map else ""
            item = QListWidgetItem(f"{kind}: {c.name}{extra}{mark}")
            item.setData(DATA, n)
            self.candidate_list.addItem(item)
        self.candidate_list.setMinimumHeight(150)
        self.catalog_button = QPushButton("Aus dem Sozialraum-&Katalog …")
        self.catalog_button.setAccessibleName("Eintrag aus dem Sozialraum-Katalog")
        self.catalog_button.setEnabled(catalog is not None)
        self.catalog_button.clicked.connect(self._from_catalog)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("z. B. Oma Fatima, Trainer Ali, Frau Lorenz")
        self.sector_combo = QComboBox()
        self.sector_combo.addItems([s.label for s in SECTORS])
        self.horizon_combo = QComboBox()
        self.horizon_combo.addItems([HORIZON_LABELS[h] for h in HORIZONS])
        self.horizon_combo.setCurrentIndex(1)

        form = QFormLayout()
        form.addRow(
            buddy("Aus dem &Fall:", self.candidate_list, "Aus dem Fall"), self.candidate_list
        )
        form.addRow("", self.catalog_button)
        form.addRow(buddy("&Name:", self.name_edit, "Name des Eintrags"), self.name_edit)
        form.addRow(buddy("&Sektor:", self.sector_combo, "Sektor"), self.sector_combo)
        form.addRow(
            buddy("&Nähe (Horizont):", self.horizon_combo, "Nähe (Horizont)"), self.horizon_combo
        )
        self.body.addLayout(form)
        self.fields.update(
            {"name": self.name_edit, "horizon": self.horizon_combo, "person": self.candidate_list}
        )
        self.candidate_list.currentRowChanged.connect(self._chosen)
        self.candidate_list.setCurrentRow(0)
        self.candidate_list.setFocus()

    def choose(self, row: int) -> None:
        """Take the candidate at list row ``row`` (0 is "Neuer Name")."""
        self.candidate_list.setCurrentRow(row)

    def _chosen(self, row: int) -> None:
        item = self.candidate_list.item(row)
        index = int(item.data(DATA)) if item is not None else -1
        self._catalog_id = None
        if 0 <= index < len(self._candidates):
            c = self._candidates[index]
            self._source = c.source
            self._person_id, self._resource_id = c.person_id, c.resource_id
            self.name_edit.setText(c.name)
            self.sector_combo.setCurrentIndex(SECTORS.index(c.sector))
        else:
            self._source = EntrySource.NAME
            self._person_id = self._resource_id = None

    def _from_catalog(self) -> None:
        if self._catalog is None:
            return
        entry = CatalogPickDialog.ask(self, self._catalog)
        if entry is None:
            return
        self.candidate_list.blockSignals(True)
        self.candidate_list.setCurrentRow(0)
        self.candidate_list.blockSignals(False)
        self._source = EntrySource.CATALOG
        self._person_id = self._resource_id = None
        self._catalog_id = entry.id
        self.name_edit.setText(entry.name)
        self.sector_combo.setCurrentIndex(SECTORS.index(Sector.PROFESSIONAL))
        self.horizon_combo.setFocus()

    def values(self) -> EntryInput:
        """The entry as chosen and typed."""
        return EntryInput(
            source=self._source,
            name=self.name_edit.text(),
            sector=SECTORS[max(0, self.sector_combo.currentIndex())],
            horizon=HORIZONS[max(0, self.horizon_combo.currentIndex())],
            person_id=self._person_id,
            resource_id=self._resource_id,
            catalog_entry_id=self._catalog_id,
        )

    def current_problems(self) -> dict[str, str]:
        """Why the entry cannot be added."""
        return entry_problems(self.values())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        candidates: Sequence[Candidate],
        catalog: CatalogSearch | None = None,
    ) -> EntryInput | None:
        """The entry to add, or None if cancelled."""
        dialog = cls(candidates, catalog, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class RelationDialog(FormDialog):
    """The relation line: which support, which way, conflict, a note."""

    def __init__(self, entry: EntryView, parent: QWidget | None = None) -> None:
        super().__init__(f"Beziehung zu {entry.name}", parent)
        box = QGroupBox("Art der Unterstützung")
        row = QHBoxLayout(box)
        self.support_boxes: dict[Support, QCheckBox] = {}
        mnemonics = {
            Support.EMOTIONAL: "&emotional",
            Support.PRACTICAL: "&praktisch",
            Support.MATERIAL: "&materiell",
            Support.INFORMATION: "&Information",
            Support.COMPANY: "&Begleitung",
        }
        for support in Support:
            check = QCheckBox(mnemonics[support])
            check.setAccessibleName(f"Unterstützung: {support.label}")
            check.setChecked(support in entry.supports)
            row.addWidget(check)
            self.support_boxes[support] = check
        self.direction_combo = QComboBox()
        self.direction_combo.addItems(
            [
                f"{DIRECTION_LABELS[Direction.GIVES]} Unterstützung",
                f"{DIRECTION_LABELS[Direction.RECEIVES]} Unterstützung",
                "beides (gibt und erhält)",
            ]
        )
        self.direction_combo.setCurrentIndex(DIRECTIONS.index(entry.direction))
        self.conflict_check = QCheckBox("&Konflikt in dieser Beziehung")
        self.conflict_check.setChecked(entry.conflict)
        self.note_edit = QLineEdit(entry.note)
        self.note_edit.setPlaceholderText("z. B. holt Muharem dienstags vom Training ab")
        self.body.addWidget(box)
        form = QFormLayout()
        form.addRow(
            buddy("&Richtung:", self.direction_combo, "Richtung der Unterstützung"),
            self.direction_combo,
        )
        form.addRow("", self.conflict_check)
        form.addRow(buddy("&Notiz:", self.note_edit, "Notiz zur Beziehung"), self.note_edit)
        self.body.addLayout(form)
        self.support_boxes[Support.EMOTIONAL].setFocus()

    def values(self) -> RelationInput:
        """The relation as ticked."""
        return RelationInput(
            supports=tuple(s for s, box in self.support_boxes.items() if box.isChecked()),
            direction=DIRECTIONS[max(0, self.direction_combo.currentIndex())],
            conflict=self.conflict_check.isChecked(),
            note=self.note_edit.text(),
        )

    def current_problems(self) -> dict[str, str]:
        """Anything goes (an entry may have no relation line)."""
        return {}

    @classmethod
    def ask(cls, parent: QWidget | None, entry: EntryView) -> RelationInput | None:
        """The relation, or None if cancelled."""
        dialog = cls(entry, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class GoalsDialog(FormDialog):
    """Which Handlungsziele this person supports (ticked)."""

    def __init__(
        self, entry: EntryView, goals: Sequence[GoalChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(f"Ziele, die {entry.name} unterstützt", parent, min_width=620)
        self._goals = list(goals)
        linked = {g.id for g in entry.goals}
        self.goal_list = QListWidget()
        for g in self._goals:
            item = QListWidgetItem(g.label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if g.id in linked else Qt.CheckState.Unchecked)
            self.goal_list.addItem(item)
        self.goal_list.setCurrentRow(0)
        self.body.addWidget(
            buddy("&Handlungsziele (Leertaste hakt an):", self.goal_list, "Handlungsziele")
        )
        self.body.addWidget(self.goal_list)
        hint = QLabel(
            "Die Person wird dabei zur Ressource des Falls; die Zielerarbeitung zeigt sie dort."
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.goal_list.setFocus()

    def set_checked(self, row: int, checked: bool) -> None:
        """Tick or untick the goal at ``row``."""
        item = self.goal_list.item(row)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def values(self) -> list[str]:
        """The ids of the ticked goals."""
        out: list[str] = []
        for row, g in enumerate(self._goals):
            item = self.goal_list.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                out.append(g.id)
        return out

    def current_problems(self) -> dict[str, str]:
        """None: unticking all goals is allowed."""
        return {}

    @classmethod
    def ask(
        cls, parent: QWidget | None, entry: EntryView, goals: Sequence[GoalChoice]
    ) -> list[str] | None:
        """The ticked goal ids, or None if cancelled."""
        dialog = cls(entry, goals, parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class SaveVersionDialog(FormDialog):
    """Fassung speichern: the date, a review it belongs to, a note."""

    def __init__(
        self,
        reviews: Sequence[ReviewChoice],
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Fassung der Netzwerkkarte speichern", parent)
        self._today = today or dt.date.today()
        self._reviews = list(reviews)
        self.date_edit = QDateEdit(QDate(self._today.year, self._today.month, self._today.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("dd.MM.yyyy")
        self.review_combo = QComboBox()
        self.review_combo.addItem("zu keiner Überprüfung")
        for r in self._reviews:
            self.review_combo.addItem(r.label)
        self.review_combo.addItem("Hilfeplangespräch (Datum der Fassung)")
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("z. B. mit der Familie beim Hausbesuch gezeichnet")
        form = QFormLayout()
        form.addRow(buddy("&Datum:", self.date_edit, "Datum der Fassung"), self.date_edit)
        form.addRow(
            buddy("Gehört zu &Überprüfung:", self.review_combo, "Gehört zu Überprüfung"),
            self.review_combo,
        )
        form.addRow(buddy("&Notiz:", self.note_edit, "Notiz zur Fassung"), self.note_edit)
        self.body.addLayout(form)
        self.fields.update({"saved_on": self.date_edit})
        self.date_edit.setFocus()

    def values(self) -> VersionInput:
        """The version as entered."""
        q = self.date_edit.date()
        saved_on = dt.date(q.year(), q.month(), q.day())
        row = self.review_combo.currentIndex()
        review: ReviewChoice | None = None
        if 1 <= row <= len(self._reviews):
            review = self._reviews[row - 1]
        elif row == len(self._reviews) + 1:
            review = ReviewChoice(
                ReviewKind.HILFEPLAN, "", f"Hilfeplangespräch vom {saved_on:%d.%m.%Y}"
            )
        return VersionInput(saved_on, self.note_edit.text(), review)

    def current_problems(self) -> dict[str, str]:
        """A version cannot be dated in the future."""
        return version_problems(self.values(), self._today)

    @classmethod
    def ask(cls, parent: QWidget | None, reviews: Sequence[ReviewChoice]) -> VersionInput | None:
        """The version to save, or None if cancelled."""
        dialog = cls(reviews, parent=parent)
        try:
            return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ChangesDialog(QDialog):
    """Was hat sich verändert: between any two drawings (saved versions or now)."""

    def __init__(
        self,
        drawings: Sequence[tuple[str, Sequence[MapEntry]]],
        older: int,
        newer: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Was hat sich verändert?")
        self.setAccessibleName("Was hat sich verändert?")
        self._drawings = list(drawings)
        self.older_combo = QComboBox()
        self.newer_combo = QComboBox()
        for label, _entries in self._drawings:
            self.older_combo.addItem(label)
            self.newer_combo.addItem(label)
        self.older_combo.setCurrentIndex(older)
        self.newer_combo.setCurrentIndex(newer)
        self.changes_list = QListWidget()
        self.changes_list.setAccessibleName("Veränderungen")
        self.changes_list.setWordWrap(True)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("S&chließen")
        close.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(buddy("&Von:", self.older_combo, "Von Fassung"), self.older_combo)
        form.addRow(buddy("&Bis:", self.newer_combo, "Bis Fassung"), self.newer_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.changes_list, 1)
        layout.addWidget(close)
        self.resize(640, 480)
        self.older_combo.currentIndexChanged.connect(self.refresh)
        self.newer_combo.currentIndexChanged.connect(self.refresh)
        self.refresh()
        self.older_combo.setFocus()

    def result_diff(self) -> MapDiff:
        """The changes between the two chosen drawings."""
        old = self._drawings[max(0, self.older_combo.currentIndex())][1]
        new = self._drawings[max(0, self.newer_combo.currentIndex())][1]
        return diff(old, new)

    def refresh(self) -> None:
        """Compare the two chosen drawings again."""
        changes = self.result_diff()
        self.changes_list.clear()
        lines = changes.lines()
        self.changes_list.addItems(lines or ["Keine Veränderung zwischen diesen beiden Fassungen."])
        self.summary_label.setText(
            f"{len(lines)} Veränderung{'' if len(lines) == 1 else 'en'}"
            if lines
            else "Keine Veränderung."
        )
        self.changes_list.setCurrentRow(0)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        drawings: Sequence[tuple[str, Sequence[MapEntry]]],
        older: int,
        newer: int,
    ) -> None:
        """Show the comparison modally."""
        dialog = cls(drawings, older, newer, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def _count(n: int, one: str, many: str, none: str) -> str:
    return f"{n} {one if n == 1 else many}" if n else none


def deletion_text(m: MapView, size: MapSize) -> str:
    """What the question before deleting says: whose map, what goes with it, what stays."""
    entries = _count(size.entries, "Eintrag", "Einträge", "keine Einträge")
    versions = _count(
        size.versions,
        "gespeicherte Fassung",
        "gespeicherte Fassungen",
        "keine gespeicherten Fassungen",
    )
    return (
        f"Die Karte zeigt das Netzwerk von {m.centre_name} (angelegt am "
        f"{m.created_on:%d.%m.%Y}).\n\n"
        f"Mit ihr werden {entries} und {versions} gelöscht – hier und nach dem nächsten "
        "Abgleich auch im Büro und auf den anderen Geräten. Das lässt sich nicht "
        "rückgängig machen.\n\n"
        "Erhalten bleiben die gedruckten Karten im Reiter »Dokumente« und die Ressourcen "
        "in der Zielerarbeitung."
    )


class DeleteMapDialog(QMessageBox):
    """Ask before a map is deleted: "Abbrechen" is the default, Enter or Esc keep the map."""

    def __init__(self, m: MapView, size: MapSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Netzwerkkarte löschen")
        self.setText(f"»{m.heading}« löschen?")
        self.setInformativeText(deletion_text(m, size))
        self.delete_button = self.addButton("&Löschen", QMessageBox.ButtonRole.DestructiveRole)
        self.delete_button.setAccessibleName("Netzwerkkarte endgültig löschen")
        self.cancel_button = self.addButton("&Abbrechen", QMessageBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName("Abbrechen, die Karte bleibt")
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.setAccessibleName("Netzwerkkarte löschen?")

    def confirmed(self) -> bool:
        """True only when "Löschen" was pressed."""
        return self.clickedButton() is self.delete_button

    @classmethod
    def ask(cls, parent: QWidget | None, m: MapView, size: MapSize) -> bool:
        """True when the caseworker chose "Löschen" (tests replace this)."""
        dialog = cls(m, size, parent)
        dialog.exec()
        confirmed = dialog.confirmed()
        dialog.deleteLater()
        return confirmed

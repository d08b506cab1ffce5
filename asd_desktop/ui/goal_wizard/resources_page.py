"""Page 5, Ressourcen: what or who can carry the goals, of the four kinds; reused by the case."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.enums import ResourceKind
from asd_desktop.domain.guided import Problem
from asd_desktop.domain.network import Sector
from asd_desktop.services.goals import PAGE_RESOURCES, GoalDraft, ResourceDraft
from asd_desktop.ui.dialogs.catalog_pick_dialog import CatalogPickDialog
from asd_desktop.ui.goal_wizard.base import GoalPage, PageContext, RowList, hint_label, short_line
from asd_desktop.ui.network_map.pick import MapPersonPickDialog
from asd_desktop.ui.widgets import buddy

KINDS = tuple(ResourceKind)
NO_TEXT = "(noch ohne Beschreibung)"
GOAL_ROLE = Qt.ItemDataRole.UserRole


def resource_line(number: int, resource: ResourceDraft) -> str:
    """A resource's line in the list: number, kind, what or who, and whether the case has it."""
    kind = resource.kind.label.split(" (")[0]
    line = short_line(number, f"{kind}: {resource.description.strip() or NO_TEXT}", NO_TEXT)
    return f"{line} (bereits im Fall)" if resource.existing_id else line


def without_goal(resource: ResourceDraft, removed: int) -> ResourceDraft:
    """``resource`` after the goal at position ``removed`` was deleted (later ones move up)."""
    indexes = tuple(i - 1 if i > removed else i for i in resource.goal_indexes if i != removed)
    return dataclasses.replace(resource, goal_indexes=indexes)


class ResourcesPage(GoalPage):
    """Ressourcen: the case's known resources are offered; new ones can be added."""

    page_id = PAGE_RESOURCES

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setSubTitle(
            "Wer oder was kann helfen? Persönlich, sozial (Familie, Freunde, Nachbarn), "
            "materiell und im Sozialraum – die erste Ressource ist selten die beste."
        )
        self._resources: list[ResourceDraft] = []
        self._current = -1
        self._loading = False

        self.rows = RowList(
            "&Liste der Ressourcen:",
            "Liste der Ressourcen",
            "&Neue Ressource",
            "Ressource &entfernen",
        )
        self.rows.add_requested.connect(self.add_resource)
        self.rows.remove_requested.connect(self.remove_resource)
        self.rows.row_chosen.connect(self._show_resource)
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Ressourcen je Art")

        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem(kind.label)
        self.description_edit = QLineEdit()
        self.description_edit.setPlaceholderText("z. B. Oma Ayşe holt Elif dienstags ab")
        self.goals_list = QListWidget()
        self.goals_list.setFixedHeight(120)
        self.editor = QGroupBox()
        form = QFormLayout(self.editor)
        form.addRow(buddy("&Art:", self.kind_combo, "Art der Ressource"), self.kind_combo)
        form.addRow(
            buddy("Was oder wer? (&Beschreibung):", self.description_edit, "Was oder wer"),
            self.description_edit,
        )
        form.addRow(
            buddy("Hilft bei &Handlungsziel:", self.goals_list, "Hilft bei Handlungsziel"),
            self.goals_list,
        )
        # The list grows with the window; the editor keeps its natural height.
        self.rows.list.setMaximumHeight(16777215)
        self.body.addWidget(self.rows, 1)
        # The people of the family's Netzwerkkarte come first: resources are people first.
        self.map_button: QPushButton | None = None
        if context.map_people is not None and context.resource_for_entry is not None:
            self.map_button = QPushButton("Aus der Ne&tzwerkkarte …")
            self.map_button.setAccessibleName("Ressource aus der Netzwerkkarte")
            self.map_button.clicked.connect(self.add_from_map)
            self.body.addWidget(self.map_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.catalog_button: QPushButton | None = None
        if context.catalog is not None:
            self.catalog_button = QPushButton("Aus dem Sozialraum-&Katalog …")
            self.catalog_button.setAccessibleName("Ressource aus dem Sozialraum-Katalog")
            self.catalog_button.clicked.connect(self.add_from_catalog)
            self.body.addWidget(self.catalog_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.count_label)
        self.body.addWidget(self.editor)
        self.body.addWidget(
            hint_label(
                "Ressourcen gehören zum Fall und stehen späteren Zielen wieder zur Verfügung."
            )
        )

        self.kind_combo.currentIndexChanged.connect(self._store)
        self.description_edit.textEdited.connect(self._store)
        self.goals_list.itemChanged.connect(lambda _item: self._store())

    # --- the draft ---------------------------------------------------------------------

    def load(self, draft: GoalDraft) -> None:
        """Show the draft's resources (the case's known ones come first)."""
        self._resources = list(draft.resources)
        self._refresh_list(0)

    def apply(self, draft: GoalDraft) -> GoalDraft:
        """The draft with the resources as entered."""
        return dataclasses.replace(draft, resources=tuple(self._resources))

    def resources(self) -> list[ResourceDraft]:
        """The resources as entered, in order."""
        return list(self._resources)

    @override
    def initializePage(self) -> None:
        # The goals may have changed on the page before: offer the current ones.
        self._show_resource(self.rows.current())

    def remove_goal_index(self, removed: int) -> None:
        """Follow the deletion of a Handlungsziel on the page before."""
        self._resources = [without_goal(r, removed) for r in self._resources]
        self._show_resource(self.rows.current())

    # --- rows --------------------------------------------------------------------------

    def add_from_map(self) -> None:
        """Add a person of the Netzwerkkarte; they become (or are) a resource of the case."""
        people_of = self.context.map_people
        make = self.context.resource_for_entry
        if people_of is None or make is None:
            return
        people = people_of()
        if not people:
            QMessageBox.information(
                self,
                "Netzwerkkarte",
                "Auf der Netzwerkkarte des Falls steht noch niemand (Reiter »Netzwerkkarte«).",
            )
            return
        person = MapPersonPickDialog.ask(self, people)
        if person is None:
            return
        resource_id = person.resource_id or make(person.entry_id)
        if any(r.existing_id == resource_id for r in self._resources):
            self.select_resource(
                next(n for n, r in enumerate(self._resources) if r.existing_id == resource_id)
            )
            self.goals_list.setFocus()
            return
        kind = (
            ResourceKind.SOCIAL_SPACE
            if person.sector is Sector.PROFESSIONAL
            else ResourceKind.SOCIAL
        )
        self._resources.append(
            ResourceDraft(
                kind=kind,
                description=person.resource_description or person.name,
                existing_id=resource_id,
            )
        )
        self._refresh_list(len(self._resources) - 1)
        self.goals_list.setFocus()
        self.edited.emit()

    def add_from_catalog(self) -> None:
        """Add a Sozialraum resource that points to an entry of the team's catalogue."""
        search = self.context.catalog
        if search is None:
            return
        entry = CatalogPickDialog.ask(self, search)
        if entry is None:
            return
        self._resources.append(
            ResourceDraft(
                kind=ResourceKind.SOCIAL_SPACE,
                description=entry.name,
                catalog_entry_id=entry.id,
            )
        )
        self._refresh_list(len(self._resources) - 1)
        self.goals_list.setFocus()
        self.edited.emit()

    def add_resource(self) -> None:
        """Append a new resource and put the cursor on its kind."""
        self._resources.append(ResourceDraft())
        self._refresh_list(len(self._resources) - 1)
        self.kind_combo.setFocus()
        self.edited.emit()

    def remove_resource(self, row: int) -> None:
        """Drop the resource at ``row`` from this agreement (the case keeps known ones)."""
        if not 0 <= row < len(self._resources):
            return
        del self._resources[row]
        self._refresh_list(min(row, len(self._resources) - 1))
        (self.rows.list if self._resources else self.rows.add_button).setFocus()
        self.edited.emit()

    def select_resource(self, row: int) -> None:
        """Show the resource at ``row`` in the editor."""
        self.rows.list.setCurrentRow(row)

    def _refresh_list(self, current: int) -> None:
        self.rows.set_lines(
            [resource_line(n, r) for n, r in enumerate(self._resources, start=1)], current
        )
        self._show_resource(self.rows.current())
        self._update_counts()

    def _update_counts(self) -> None:
        counts = [
            f"{kind.label.split(' (')[0]}: {sum(r.kind is kind for r in self._resources)}"
            for kind in KINDS
        ]
        self.count_label.setText("Bisher – " + " · ".join(counts))

    def _show_resource(self, row: int) -> None:
        self._current = row
        has = 0 <= row < len(self._resources)
        self.editor.setEnabled(has)
        self.editor.setTitle(f"Ressource {row + 1}" if has else "Keine Ressource gewählt")
        resource = self._resources[row] if has else ResourceDraft()
        goals = self.context.draft_now().action_goals
        self._loading = True
        try:
            self.kind_combo.setCurrentIndex(KINDS.index(resource.kind))
            self.description_edit.setText(resource.description)
            self.goals_list.clear()
            for n, goal in enumerate(goals):
                item = QListWidgetItem(short_line(n + 1, goal.text, "(noch ohne Text)"))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if n in resource.goal_indexes else Qt.CheckState.Unchecked
                )
                item.setData(GOAL_ROLE, n)
                self.goals_list.addItem(item)
        finally:
            self._loading = False

    def _store(self) -> None:
        if self._loading or not 0 <= self._current < len(self._resources):
            return
        checked: list[int] = []
        for row in range(self.goals_list.count()):
            item = self.goals_list.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                checked.append(int(item.data(GOAL_ROLE)))
        old = self._resources[self._current]
        self._resources[self._current] = dataclasses.replace(
            old,
            kind=KINDS[max(0, self.kind_combo.currentIndex())],
            description=self.description_edit.text(),
            goal_indexes=tuple(checked),
        )
        self.rows.set_line(
            self._current, resource_line(self._current + 1, self._resources[self._current])
        )
        self._update_counts()
        self.edited.emit()

    def first_field(self) -> QWidget | None:
        """The list, or the add button while it is empty."""
        return self.rows.list if self._resources else self.rows.add_button

    # --- problems ----------------------------------------------------------------------

    @override
    def focus_on(self, problems: Sequence[Problem]) -> None:
        """Show the resource a problem is about and put the cursor into the field."""
        for problem in problems:
            name, _, part = problem.field.partition(".")
            if name != "resource" or problem.row is None:
                continue
            self.select_resource(problem.row)
            (self.goals_list if part else self.description_edit).setFocus()
            return
        super().focus_on(problems)

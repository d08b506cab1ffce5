"""The "Synchronisation" view: peers, export and import of bundles, devices and assignments.

Laptops never see a network: their work travels to the office, and the office's
assignments to the laptops, as encrypted bundle files on a USB stick. This window
shows this device's part in the exchange, the last exchange with every peer and what
is waiting to be sent; it writes and reads bundles, and (at the office) enrolls and
revokes laptops and assigns cases to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from asd_desktop.domain.entrusted import Exit, held_notice
from asd_desktop.domain.sync_states import DeviceRole
from asd_desktop.models.errors import AsdError
from asd_desktop.models.progress import OperationToken
from asd_desktop.services.cases import CaseQuery, CaseRow, CaseService
from asd_desktop.services.sync import (
    DeviceView,
    ExportResult,
    ImportReport,
    SyncService,
    SyncStatus,
)
from asd_desktop.ui.conflict_inbox import Confirm, ConflictInbox
from asd_desktop.ui.enroll_dialogs import (
    EnrollDeviceDialog,
    FileChooser,
    JoinDialog,
    OfficeSetupDialog,
)
from asd_desktop.ui.operations import BusyScope, Op
from asd_desktop.ui.sync_window.assign_dialog import AssignCasesDialog
from asd_desktop.ui.sync_window.import_report import ImportReportDialog
from asd_desktop.ui.sync_window.peers import PeerRow, PeersModel, PeersState, plural, read_peers
from asd_desktop.ui.sync_window.review_dialog import ReviewDialog
from asd_desktop.ui.table_layout import fit_columns, read_only_table

WINDOW_TITLE = "Synchronisation"
DELETE_QUESTION = (
    "Das Paket wurde eingelesen. Soll die Datei jetzt vom Datenträger gelöscht werden?"
)


class SyncWindow(QDialog):
    """This device, its peers, bundles, devices and case assignments.

    Signals:
        data_changed: records arrived or conflicts were resolved (refresh the case list).
        import_progress: (done, total) while a bundle is merged.
        operation_finished: the running export, import or assignment ended (any outcome).
    """

    data_changed = Signal()
    import_progress = Signal(int, int)
    operation_finished = Signal()

    def __init__(
        self, sync: SyncService, cases: CaseService, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._sync = sync
        self._cases = cases
        self.status: SyncStatus | None = None
        #: The export, import or assignment running off the GUI thread, if any.
        self.operation: Op[object] | None = None
        self.last_message = ""
        self.setWindowTitle(WINDOW_TITLE)
        self.setAccessibleName(WINDOW_TITLE)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 560)

        # header: this device
        self.role_label = QLabel()
        self.role_label.setAccessibleName("Rolle dieses Geräts")
        font = self.role_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.role_label.setFont(font)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setAccessibleName("Fingerabdruck dieses Geräts")
        self.fingerprint_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setup_office_button = QPushButton("Als &Büro einrichten …")
        self.setup_office_button.setAccessibleName("Als Büro einrichten")
        self.setup_office_button.clicked.connect(self.setup_office)
        self.join_button = QPushButton("Mit &Einrichtungsdatei einrichten …")
        self.join_button.setAccessibleName("Mit Einrichtungsdatei einrichten")
        self.join_button.clicked.connect(self.join)
        setup_row = QHBoxLayout()
        setup_row.addWidget(self.setup_office_button)
        setup_row.addWidget(self.join_button)
        setup_row.addStretch(1)

        # peers
        self.model = PeersModel(self)
        self.table = read_only_table(self.model, "Geräte im Austausch", QTableView())
        fit_columns(self.table, PeersModel.COL_NAME, key_min=150)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.peers_label = QLabel("&Geräte im Austausch")
        self.peers_label.setBuddy(self.table)

        # actions
        self.export_button = QPushButton("Paket e&xportieren …")
        self.export_button.setAccessibleName("Paket exportieren")
        self.export_button.clicked.connect(self.export_bundle)
        self.import_button = QPushButton("Paket ein&lesen …")
        self.import_button.setAccessibleName("Paket einlesen")
        self.import_button.clicked.connect(self.import_bundle)
        self.conflicts_button = QPushButton()
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.enroll_button = QPushButton("Gerät ein&richten …")
        self.enroll_button.setAccessibleName("Gerät einrichten")
        self.enroll_button.clicked.connect(self.enroll)
        self.revoke_button = QPushButton("Gerät s&perren …")
        self.revoke_button.setAccessibleName("Gerät sperren")
        self.revoke_button.clicked.connect(self.revoke)
        self.assign_button = QPushButton("&Fälle zuteilen …")
        self.assign_button.setAccessibleName("Fälle zuteilen")
        self.assign_button.clicked.connect(self.assign_cases)
        self.review_button = QPushButton()
        self.review_button.clicked.connect(self.open_review)
        exchange_row = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.conflicts_button):
            exchange_row.addWidget(button)
        exchange_row.addStretch(1)
        office_row = QHBoxLayout()
        for button in (
            self.enroll_button,
            self.revoke_button,
            self.assign_button,
            self.review_button,
        ):
            office_row.addWidget(button)
        office_row.addStretch(1)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName("Hinweis")

        self.reload_button = QPushButton("Aktualisieren (F5)")
        self.reload_button.setAccessibleName("Aktualisieren")
        self.reload_button.setToolTip("Stand und ausstehende Änderungen neu lesen (F5)")
        self.reload_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_button.clicked.connect(self.reload)
        close = QPushButton("&Schließen")
        close.setAccessibleName("Schließen")
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reload_button)
        bottom.addStretch(1)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.role_label)
        layout.addWidget(self.fingerprint_label)
        layout.addLayout(setup_row)
        layout.addWidget(self.peers_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(exchange_row)
        layout.addLayout(office_row)
        layout.addWidget(self.hint_label)
        # Takes the table's room while there is no table to show.
        self._filler = QWidget()
        layout.addWidget(self._filler, 1)
        layout.addLayout(bottom)
        # While a bundle or an assignment is on its way, nothing else starts from here.
        self.busy = BusyScope(
            self,
            (
                self.setup_office_button,
                self.join_button,
                self.export_button,
                self.import_button,
                self.conflicts_button,
                self.enroll_button,
                self.revoke_button,
                self.assign_button,
                self.review_button,
                self.reload_button,
            ),
            restore=self._enable_buttons,
        )
        self.reload()

    # --- state ------------------------------------------------------------------------

    @property
    def is_office(self) -> bool:
        """True when this database is the office hub."""
        return self.status is not None and self.status.role == DeviceRole.OFFICE

    @Slot()
    def reload(self) -> None:
        """Read status, peers and pending counts again; keep the selected peer."""
        try:
            state = read_peers(self._sync)
        except AsdError as exc:
            QMessageBox.warning(self, WINDOW_TITLE, exc.message)
            return
        self.show_state(state)

    def show_state(self, state: PeersState) -> None:
        """Show status and peers read before (on a worker, after export, import, assignment)."""
        keep = self.selected_peer()
        status, rows = state
        self.status = status
        self.model.set_rows(rows)
        set_up = status.role is not None
        self.role_label.setText(
            f"Dieses Gerät: {status.role_label}" + (f" – {status.name}" if status.name else "")
        )
        self.fingerprint_label.setText(
            f"Fingerabdruck: {status.fingerprint}"
            if set_up
            else "Noch nicht für den Austausch eingerichtet."
        )
        self.table.setVisible(set_up)
        self._filler.setVisible(not set_up)
        self.peers_label.setVisible(set_up)
        self.setup_office_button.setVisible(not set_up)
        self.join_button.setVisible(not set_up)
        self.table.setColumnHidden(PeersModel.COL_ASSIGNED, not self.is_office)
        for button in (self.enroll_button, self.revoke_button, self.assign_button):
            button.setVisible(self.is_office)
        self.review_button.setText(f"Zur &Prüfung ({status.review_items}) …")
        self.review_button.setAccessibleName(f"Zur Prüfung, {status.review_items} Änderungen")
        self.review_button.setVisible(self.is_office and status.review_items > 0)
        self.conflicts_button.setText(f"&Konflikte ({status.open_conflicts}) …")
        self.conflicts_button.setAccessibleName(
            f"Konfliktposteingang, {status.open_conflicts} offene Konflikte"
        )
        self.conflicts_button.setVisible(set_up)
        self.export_button.setVisible(set_up)
        self.import_button.setVisible(set_up)
        if not set_up:
            self.hint_label.setText(
                "Im Büro: „Als Büro einrichten …“. Auf einem Laptop: die Einrichtungsdatei "
                "vom Büro wählen und den Code eingeben, den das Büro anzeigt."
            )
        elif self.is_office and not rows:
            self.hint_label.setText("Noch kein Laptop eingerichtet: „Gerät einrichten …“.")
        else:
            self.hint_label.setText("")
        row = next(
            (i for i, r in enumerate(rows) if keep and r.device.device_id == keep.device_id),
            0 if rows else -1,
        )
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_buttons()

    def peers(self) -> list[PeerRow]:
        """The peers listed."""
        return self.model.rows()

    def selected_peer(self) -> DeviceView | None:
        """The peer selected in the table."""
        index = self.table.currentIndex()
        if not index.isValid() or not 0 <= index.row() < self.model.rowCount():
            return None
        return self.model.row_value(index.row()).device

    def select_peer(self, device_id: str) -> bool:
        """Select the peer with that id."""
        for i, row in enumerate(self.model.rows()):
            if row.device.device_id == device_id:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(i, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    @Slot()
    def _update_buttons(self) -> None:
        peer = self.selected_peer()
        usable = peer is not None and not peer.revoked
        self.export_button.setEnabled(usable)
        self.revoke_button.setEnabled(usable)
        self.assign_button.setEnabled(
            usable and peer is not None and peer.role == DeviceRole.LAPTOP
        )

    def _say(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.information(self, title, text)

    def _warn(self, title: str, text: str) -> None:
        self.last_message = text
        QMessageBox.warning(self, title, text)

    # --- setting up ---------------------------------------------------------------------

    @Slot()
    def setup_office(self) -> None:
        """Make this database the office hub."""
        name = OfficeSetupDialog.ask(self)
        if name is None:
            return
        try:
            self._sync.init_office(name)
        except AsdError as exc:
            self._warn("Nicht eingerichtet", exc.message)
            return
        self.reload()

    @Slot()
    def join(self) -> None:
        """Set this laptop up from the office's enrollment file."""
        if JoinDialog.ask(self, self._sync) is not None:
            self.reload()
            self.data_changed.emit()

    @Slot()
    def enroll(self) -> None:
        """Office: enroll a laptop."""
        peers = self.status.peers if self.status else []
        if EnrollDeviceDialog.ask(self, self._sync, peers) is not None:
            self.reload()

    @Slot()
    def revoke(self) -> None:
        """Office: refuse every further bundle of the selected device."""
        peer = self.selected_peer()
        if peer is None:
            return
        if not Confirm.yes_no(
            self,
            "Gerät sperren",
            f"„{peer.name}“ sperren? Pakete von diesem Gerät werden danach abgelehnt, und es "
            "erhält keine Pakete mehr. Das lässt sich nicht rückgängig machen; ein "
            "gefundenes Gerät wird neu eingerichtet.",
        ):
            return
        try:
            self._sync.revoke(peer.device_id)
        except AsdError as exc:
            self._warn("Gerät nicht gesperrt", exc.message)
            return
        self.reload()

    # --- cases ---------------------------------------------------------------------------

    @Slot()
    def assign_cases(self) -> Op[object] | None:
        """Office: choose the cases the selected laptop holds (read and stored off the GUI)."""
        peer = self.selected_peer()
        if peer is None or peer.role != DeviceRole.LAPTOP:
            return None
        cases, sync, device_id = self._cases, self._sync, peer.device_id

        def load(_token: OperationToken) -> tuple[list[CaseRow], set[str]]:
            return cases.list_cases(CaseQuery(status=None)), set(sync.assigned_cases(device_id))

        return self._start(
            Op(self, load, title="Fälle zuteilen").success(
                lambda loaded: self._choose_cases(peer, *loaded)
            )
        )

    def _choose_cases(self, peer: DeviceView, cases: list[CaseRow], assigned: set[str]) -> None:
        chosen = AssignCasesDialog.ask(self, peer.name, cases, assigned)
        if chosen is None:
            return
        added, removed = sorted(chosen - assigned), sorted(assigned - chosen)
        if not added and not removed:
            return
        sync, device_id = self._sync, peer.device_id

        def store(token: OperationToken) -> tuple[int, int, PeersState]:
            new = sync.assign_cases(added, device_id, token)
            taken = sync.unassign_cases(removed, device_id, token)
            return new, taken, read_peers(sync)

        def stored(outcome: tuple[int, int, PeersState]) -> None:
            new, taken, state = outcome
            self.show_state(state)
            self.last_message = (
                f"{peer.name}: {plural(new, 'Fall', 'Fälle')} zugeteilt, "
                f"{plural(taken, 'Fall', 'Fälle')} zurückgenommen."
            )

        self._start(
            Op(self, store, title="Fälle nicht zugeteilt")
            .with_progress("Fälle werden zugeteilt …", cancellable=True)
            .success(stored)
        )

    # --- bundles ---------------------------------------------------------------------------

    @Slot()
    def export_bundle(self) -> Op[object] | None:
        """Write a bundle for the selected peer into a chosen folder."""
        peer = self.selected_peer()
        if peer is None:
            return None
        folder = FileChooser.folder(self, f"Paket für {peer.name} speichern – Ordner wählen")
        if folder is None:
            return None
        sync, device_id = self._sync, peer.device_id
        after: list[PeersState] = []  # read on the worker too, shown with the result

        def export(token: OperationToken) -> ExportResult:
            result = sync.export(device_id, folder, token)
            after.append(read_peers(sync))
            return result

        return self._start(
            Op(self, export, title="Paket nicht exportiert")
            .with_progress(
                f"Paket für {peer.name} wird geschrieben und geprüft …", cancellable=True
            )
            .success(lambda result: self._exported(result, after[0]))
        )

    def _exported(self, result: ExportResult, state: PeersState) -> None:
        self.show_state(state)
        self._say(
            "Paket exportiert",
            f"Das Paket für {result.recipient_name} wurde geschrieben und geprüft.\n\n"
            f"Datei: {result.path}\n"
            f"Inhalt: {plural(result.total, 'Datensatz', 'Datensätze')}"
            + (
                f"\n\n{held_notice(result.entrusted_held, Exit.SHARING)}"
                if result.entrusted_held
                else ""
            ),
        )

    @Slot()
    def import_bundle(self) -> None:
        """Read a bundle, with a progress bar and cancel, then report and offer deletion."""
        path = FileChooser.bundle(self)
        if path is None:
            return
        self.import_from(path)

    def import_from(self, path: Path) -> Op[object] | None:
        """Start importing ``path``; its report arrives on the GUI thread, a cancel changes nothing.

        Returns the running operation (its ``result`` is the report), or None when another
        operation of this window still runs.
        """
        sync = self._sync
        after: list[PeersState] = []  # read on the worker too, shown with the report

        def import_(token: OperationToken) -> ImportReport:
            report = sync.import_bundle(path, token)
            after.append(read_peers(sync))
            return report

        return self._start(
            Op(self, import_, title="Paket nicht eingelesen")
            .with_progress("Paket wird geprüft und eingelesen …", cancellable=True)
            .on_progress(self.import_progress.emit)
            .success(lambda report: self._imported(path, report, after[0]))
        )

    def _imported(self, path: Path, report: ImportReport, state: PeersState) -> None:
        self.show_state(state)
        if report.already_imported:
            self._say(
                "Paket bereits eingelesen",
                f"Dieses Paket von {report.sender_name} wurde schon eingelesen. "
                "Es wurde nichts verändert.",
            )
        else:
            self.data_changed.emit()
            if ImportReportDialog.ask(self, report):
                self.open_conflicts()
        self._offer_deletion(path)

    def _start(self, op: Op[Any]) -> Op[object] | None:
        """Run ``op`` unless another one of this window still runs."""
        if self.operation is not None and not self.operation.done:
            return None
        self.operation = op
        op.finished.connect(lambda: self._operation_ended(op))
        return op.run()

    def _operation_ended(self, op: Op[Any]) -> None:
        if self.operation is op:
            self.operation = None
        self.operation_finished.emit()

    @Slot()
    def _enable_buttons(self) -> None:
        for button in (
            self.setup_office_button,
            self.join_button,
            self.import_button,
            self.conflicts_button,
            self.enroll_button,
            self.review_button,
            self.reload_button,
        ):
            button.setEnabled(True)
        self._update_buttons()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing (or the window locking) stops the work; a cancelled import changes nothing.
        if self.operation is not None:
            self.operation.cancel()
        super().closeEvent(event)

    def _offer_deletion(self, path: Path) -> None:
        if not Confirm.yes_no(self, "Paket löschen?", DELETE_QUESTION):
            return
        try:
            path.unlink()
        except OSError as exc:
            self._warn(
                "Datei nicht gelöscht",
                f"Die Datei konnte nicht gelöscht werden ({exc.strerror or exc}). "
                "Bitte löschen Sie sie von Hand.",
            )

    # --- conflicts and review -----------------------------------------------------------------

    @Slot()
    def open_conflicts(self) -> None:
        """Open the conflict inbox."""
        if ConflictInbox.ask(self, self._sync):
            self.data_changed.emit()
        self.reload()

    @Slot()
    def open_review(self) -> None:
        """Office: the review queue."""
        if ReviewDialog.ask(self, self._sync):
            self.data_changed.emit()
        self.reload()

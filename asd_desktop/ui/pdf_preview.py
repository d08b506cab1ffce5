"""Show, print and save a stored PDF: always the stored bytes, never a temp file.

The PDF is read from memory (a QBuffer) into QtPdf; printing renders its pages
into the printer's painter, so no copy of a family's document is written
unencrypted anywhere unless the caseworker saves one on purpose. Printing and
saving run off the GUI thread through :class:`Op` (Qt allows a QPainter on a
QPrinter in another thread; the worker reads the PDF into its own QPdfDocument).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from asd_desktop.models.errors import AsdError
from asd_desktop.models.progress import OperationToken
from asd_desktop.services.documents import DocumentService, DocumentView, export_name
from asd_desktop.ui.cleartext import CleartextConfirmation
from asd_desktop.ui.operations import BusyScope, Op
from asd_desktop.ui.widgets import german_datetime

#: Resolution pages are rendered at for printing: sharp on paper, modest in memory.
PRINT_DPI = 300
POINTS_PER_INCH = 72


class PdfLoadError(AsdError):
    """The stored bytes are not a PDF QtPdf can read."""


def load_pdf(content: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument read from memory.

    The buffer is the document's child: QtPdf may read from it while rendering,
    so it lives exactly as long as the document.

    Raises:
        PdfLoadError: the bytes are not a readable PDF.
    """
    document = QPdfDocument() if parent is None else QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(content))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PdfLoadError(
            "Das Dokument lässt sich nicht anzeigen: die gespeicherte Datei ist kein lesbares "
            "PDF. Bitte die IT-Stelle informieren."
        )
    return document


def render_to_printer(
    document: QPdfDocument,
    printer: QPrinter,
    dpi: int = PRINT_DPI,
    token: OperationToken | None = None,
) -> int:
    """Paint the document's pages (the range chosen in the dialog) onto ``printer``.

    With a ``token``, progress is reported per page and a cancel stops before the next one.

    Returns:
        The number of pages sent.

    Raises:
        AsdError: the printer could not be started; nothing was printed.
    """
    printer.setFullPage(True)
    count = document.pageCount()
    first = max(printer.fromPage(), 1) - 1 if printer.fromPage() else 0
    last = min(printer.toPage(), count) if printer.toPage() else count
    pages = range(first, last)
    painter = QPainter()
    if not painter.begin(printer):
        raise AsdError(
            "Der Drucker konnte nicht gestartet werden. Bitte Drucker und Verbindung prüfen "
            "und erneut drucken; das gespeicherte Dokument bleibt unverändert."
        )
    try:
        for n, page in enumerate(pages):
            if token is not None:
                token.progress(n, len(pages))
            if n and not printer.newPage():
                raise AsdError(
                    "Der Druck wurde unterbrochen. Bitte erneut drucken; das gespeicherte "
                    "Dokument bleibt unverändert."
                )
            points = document.pagePointSize(page)
            pixels = QSize(
                round(points.width() / POINTS_PER_INCH * dpi),
                round(points.height() / POINTS_PER_INCH * dpi),
            )
            image = document.render(page, pixels)
            area = painter.viewport()
            fitted = pixels.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(QPointF(0, 0), fitted.toSizeF()), image)
    finally:
        painter.end()
    return len(pages)


class PrinterChoice:
    """The system's print dialog; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, pages: int = 0) -> QPrinter | None:
        """A printer set up by the caseworker, or None if they cancelled.

        Args:
            parent: The window the dialog belongs to.
            title: The print job's name (the document's title; it names no one).
            pages: The document's page count, so the dialog can offer a page range.
        """
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setDocName(title)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Drucken")
        if pages > 0:
            dialog.setMinMax(1, pages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


class SaveTarget:
    """The save dialog for "Speichern unter…"; tests replace :meth:`ask`."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested_name: str) -> Path | None:
        """The file the caseworker chose, or None if they cancelled."""
        path, _ = QFileDialog.getSaveFileName(
            parent, "Dokument speichern unter", suggested_name, "PDF-Dokumente (*.pdf)"
        )
        if not path:
            return None
        chosen = Path(path)
        chosen = chosen if chosen.suffix.lower() == ".pdf" else chosen.with_suffix(".pdf")
        return chosen if CleartextConfirmation.ask(parent, "Das Dokument", chosen) else None


def print_pdf(content: bytes, printer: QPrinter, token: OperationToken) -> int:
    """Print PDF bytes on the calling (worker) thread, with a document of its own."""
    document = load_pdf(content)
    try:
        return render_to_printer(document, printer, token=token)
    finally:
        document.close()


def print_document(
    parent: QWidget | None,
    documents: DocumentService,
    view: DocumentView,
    content: bytes | None = None,
) -> Op[int] | None:
    """Ask for a printer, then print the stored document off the GUI thread.

    Returns the running print (audited once the pages were sent), or None when the
    document could not be read or the caseworker cancelled the print dialog.
    """
    try:
        documents.check_may_leave(view.id)  # entrusted (§ 65) without consent: stays here
        data = documents.content(view.id) if content is None else content
        pages = load_pdf(data).pageCount()
    except AsdError as exc:
        QMessageBox.warning(parent, "Nicht gedruckt", exc.message)
        return None
    printer = PrinterChoice.ask(parent, view.title, pages)
    if printer is None:
        return None
    document_id = view.id

    def send(token: OperationToken) -> int:
        sent = print_pdf(data, printer, token)
        documents.record_printed(document_id)
        return sent

    return (
        Op(parent, send, title="Nicht gedruckt")
        .with_progress(f"„{view.title}“ wird gedruckt …", cancellable=True)
        .run()
    )


def save_document(
    parent: QWidget | None, documents: DocumentService, view: DocumentView
) -> Op[Path] | None:
    """Ask where, then write the exact stored bytes there off the GUI thread.

    Returns the running save (its result is the path), or None when cancelled.
    """
    try:
        documents.check_may_leave(view.id)  # entrusted (§ 65) without consent: stays here
    except AsdError as exc:
        QMessageBox.warning(parent, "Nicht gespeichert", exc.message)
        return None
    path = SaveTarget.ask(parent, export_name(view))
    if path is None:
        return None
    document_id = view.id

    def save(_token: OperationToken) -> Path:
        documents.save_copy(document_id, path)
        return path

    return Op(parent, save, title="Nicht gespeichert").with_progress("Wird gespeichert …").run()


def render_then_preview(
    parent: QWidget,
    documents: DocumentService,
    render: Callable[[], DocumentView],
    *,
    rendered: Callable[[DocumentView], object] | None = None,
    failure: Callable[[AsdError], object] | None = None,
) -> Op[DocumentView]:
    """Render and store a document off the GUI thread, then show it in the preview.

    Args:
        parent: the widget that stays while the document is made (not a closing wizard).
        documents: the service the preview reads the stored bytes from.
        render: the service call that renders and stores the document.
        rendered: called on the GUI thread with the stored document, before the preview.
        failure: replaces the default "Nicht gedruckt" message.
    """

    def show(view: DocumentView) -> None:
        if rendered is not None:
            rendered(view)
        PdfPreviewDialog.show_document(parent, documents, view.id)

    op = Op(parent, lambda _token: render(), title="Nicht gedruckt").success(show)
    if failure is not None:
        op.failure(failure)
    return op.with_progress("Dokument wird erstellt …").run()


class PdfPreviewDialog(QDialog):
    """A stored document shown page by page, with Drucken…, Speichern unter…, Schließen."""

    def __init__(
        self,
        documents: DocumentService,
        view: DocumentView,
        content: bytes,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._documents = documents
        self._view = view
        self._content = content
        self.setWindowTitle(view.title)
        self.setAccessibleName(f"Vorschau: {view.title}")
        self.pdf = load_pdf(content, self)

        self.pdf_view = QPdfView(self)
        self.pdf_view.setDocument(self.pdf)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pdf_view.setAccessibleName("Seiten des Dokuments")

        pages = self.pdf.pageCount()
        self.info_label = QLabel(
            f"{view.kind.label} · gespeichert am {german_datetime(view.created_at)} · "
            f"{pages} {'Seite' if pages == 1 else 'Seiten'} · SHA-256 {view.sha256[:12]}…"
        )
        self.info_label.setToolTip(f"SHA-256: {view.sha256}")
        self.info_label.setAccessibleName("Angaben zum Dokument")
        self.info_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.print_button = QPushButton("&Drucken…")
        self.print_button.setAccessibleName("Dokument drucken")
        self.print_button.clicked.connect(self._on_print)
        self.save_button = QPushButton("&Speichern unter…")
        self.save_button.setAccessibleName("Dokument als Datei speichern")
        self.save_button.clicked.connect(self._on_save)
        self.close_button = QPushButton("S&chließen")
        self.close_button.setAccessibleName("Vorschau schließen")
        self.close_button.clicked.connect(self.reject)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pdf_view, 1)
        layout.addWidget(self.info_label)
        layout.addLayout(buttons)
        self.resize(820, 980)
        self.pdf_view.setFocus()
        #: The print or save running off the GUI thread, if any.
        self.operation: Op[int] | Op[Path] | None = None
        BusyScope(self, (self.print_button, self.save_button))

    def _on_print(self) -> None:
        self.operation = print_document(self, self._documents, self._view, self._content)

    def _on_save(self) -> None:
        self.operation = save_document(self, self._documents, self._view)

    @classmethod
    def show_document(
        cls, parent: QWidget | None, documents: DocumentService, document_id: str
    ) -> None:
        """Open the stored document in a modal preview (tests replace this)."""
        try:
            view = documents.document(document_id)
            content = documents.content(document_id)
            dialog = cls(documents, view, content, parent)
        except AsdError as exc:
            QMessageBox.warning(parent, "Dokument nicht angezeigt", exc.message)
            return
        dialog.exec()
        dialog.deleteLater()

"""The verification stamp on every page: a QR code and a short code, filled in after rendering.

Every page of a stored document shows, in its bottom-right corner, one shared
form XObject ``/AsdProof``. When the PDF is rendered the form is a placeholder of
fixed length (blank). When the document is stored, the SHA-256 of these bytes
(with the placeholder) is signed together with the document's id, version and
time, and the placeholder is overwritten *in place* by a form of exactly the same
length that draws the QR code and the short code and carries the signed payload
in its dictionary. No offset in the file moves, so the PDF stays valid.

Verifying needs no PDF parser: find the form by its fixed opening, rebuild the
form the payload says should be there and compare it byte for byte, put the
placeholder back and compare the SHA-256 with the signed one. One changed byte
anywhere in the file fails one of the two comparisons.

The payload holds no name or other personal data: document id, version, time
stored, SHA-256, signing device id, Ed25519 signature.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import struct
import uuid
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFObject, xObjectName
from reportlab.pdfgen.canvas import Canvas

#: A 5×7 pixel font for the codes: the stamp draws them as rectangles and so needs no
#: font (documents embed DejaVu only). Seven rows of five bits per character.
_PIXELS: dict[str, tuple[int, ...]] = {
    "0": (0x0E, 0x11, 0x13, 0x15, 0x19, 0x11, 0x0E),
    "1": (0x04, 0x0C, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "2": (0x0E, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1F),
    "3": (0x1F, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0E),
    "4": (0x02, 0x06, 0x0A, 0x12, 0x1F, 0x02, 0x02),
    "5": (0x1F, 0x10, 0x1E, 0x01, 0x01, 0x11, 0x0E),
    "6": (0x06, 0x08, 0x10, 0x1E, 0x11, 0x11, 0x0E),
    "7": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08),
    "8": (0x0E, 0x11, 0x11, 0x0E, 0x11, 0x11, 0x0E),
    "9": (0x0E, 0x11, 0x11, 0x0F, 0x01, 0x02, 0x0C),
    "A": (0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "B": (0x1E, 0x11, 0x11, 0x1E, 0x11, 0x11, 0x1E),
    "C": (0x0E, 0x11, 0x10, 0x10, 0x10, 0x11, 0x0E),
    "D": (0x1C, 0x12, 0x11, 0x11, 0x11, 0x12, 0x1C),
    "E": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F),
    "F": (0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x10),
    "G": (0x0E, 0x11, 0x10, 0x17, 0x11, 0x11, 0x0F),
    "H": (0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11),
    "I": (0x0E, 0x04, 0x04, 0x04, 0x04, 0x04, 0x0E),
    "J": (0x07, 0x02, 0x02, 0x02, 0x02, 0x12, 0x0C),
    "K": (0x11, 0x12, 0x14, 0x18, 0x14, 0x12, 0x11),
    "L": (0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F),
    "M": (0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11),
    "N": (0x11, 0x11, 0x19, 0x15, 0x13, 0x11, 0x11),
    "O": (0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "P": (0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10),
    "Q": (0x0E, 0x11, 0x11, 0x11, 0x15, 0x12, 0x0D),
    "R": (0x1E, 0x11, 0x11, 0x1E, 0x14, 0x12, 0x11),
    "S": (0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E),
    "T": (0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04),
    "U": (0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "V": (0x11, 0x11, 0x11, 0x11, 0x11, 0x0A, 0x04),
    "W": (0x11, 0x11, 0x11, 0x15, 0x15, 0x15, 0x0A),
    "X": (0x11, 0x11, 0x0A, 0x04, 0x0A, 0x11, 0x11),
    "Y": (0x11, 0x11, 0x11, 0x0A, 0x04, 0x04, 0x04),
    "Z": (0x1F, 0x01, 0x02, 0x04, 0x08, 0x10, 0x1F),
    "\u00dc": (0x0A, 0x00, 0x11, 0x11, 0x11, 0x11, 0x0E),
    "-": (0x00, 0x00, 0x00, 0x1F, 0x00, 0x00, 0x00),
    ".": (0x00, 0x00, 0x00, 0x00, 0x00, 0x0C, 0x0C),
    "*": (0x00, 0x04, 0x15, 0x0E, 0x15, 0x04, 0x00),
    "~": (0x00, 0x00, 0x08, 0x15, 0x02, 0x00, 0x00),
    "$": (0x04, 0x0F, 0x14, 0x0E, 0x05, 0x1E, 0x04),
    "=": (0x00, 0x00, 0x1F, 0x00, 0x1F, 0x00, 0x00),
    ":": (0x00, 0x0C, 0x0C, 0x00, 0x0C, 0x0C, 0x00),
    " ": (0, 0, 0, 0, 0, 0, 0),
}
#: One pixel of the code font, in points (a character is 7 pixels high, 6 wide).
_PIXEL = 0.62

FORM_NAME = "AsdProof"
#: The form's size in points and where it stands on an A4 page (bottom right).
FORM_WIDTH = 45 * mm
FORM_HEIGHT = 22 * mm
QR_SIZE = 14 * mm
#: Length of the form's content stream, fixed so the filled form has the placeholder's length.
STREAM_LENGTH = 24000
PAYLOAD_FORMAT = ">B16sHI32s16s"
PAYLOAD_VERSION = 1
SIGNATURE_LENGTH = 64
#: Characters of the base32 payload+signature in the form's dictionary.
PROOF_CHARS = len(
    base64.b32encode(bytes(struct.calcsize(PAYLOAD_FORMAT) + SIGNATURE_LENGTH))
).__index__()
QR_PREFIX = "ASD1:"
QR_MASK = 2

_OPENING = b"<< /Type /XObject /Subtype /Form /BBox [0 0 %d %d] /Resources << >> /AsdProof (" % (
    round(FORM_WIDTH),
    round(FORM_HEIGHT),
)
_PLACEHOLDER_PROOF = b"-" * PROOF_CHARS


def _form_bytes(proof: bytes, stream: bytes) -> bytes:
    if len(stream) > STREAM_LENGTH:  # pragma: no cover - the QR code is far smaller
        raise ValueError("stamp too long")
    body = stream + b" " * (STREAM_LENGTH - len(stream))
    return _OPENING + proof + b") /Length %d >>\nstream\n" % STREAM_LENGTH + body + b"\nendstream"


PLACEHOLDER = _form_bytes(_PLACEHOLDER_PROOF, b"")


class _PlaceholderForm(PDFObject):
    """The blank form as reportlab writes it (a raw indirect object)."""

    __RefOnly__ = 1

    def format(self, document: object) -> bytes:
        return PLACEHOLDER


def draw_placeholder(canvas: Canvas, right: float, bottom: float) -> None:
    """Draw the (blank) stamp with its bottom-right corner at (right, bottom)."""
    doc: Any = getattr(canvas, "_doc")  # noqa: B009 - reportlab keeps its document there
    if not doc.hasForm(FORM_NAME):
        doc.Reference(_PlaceholderForm(), xObjectName(FORM_NAME))
    canvas.saveState()
    canvas.translate(right - FORM_WIDTH, bottom)
    canvas.doForm(FORM_NAME)
    canvas.restoreState()


# --- the payload -------------------------------------------------------------------------


@dataclass(frozen=True)
class Payload:
    """What the stamp says, signed by the device that stored the document."""

    document_id: str
    version: int
    stored_at: dt.datetime
    sha256: bytes
    device_id: str

    def to_bytes(self) -> bytes:
        """The signed bytes."""
        minutes = int(self.stored_at.replace(tzinfo=dt.UTC).timestamp() // 60)
        return struct.pack(
            PAYLOAD_FORMAT,
            PAYLOAD_VERSION,
            uuid.UUID(self.document_id).bytes,
            self.version,
            minutes,
            self.sha256,
            uuid.UUID(self.device_id).bytes,
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Payload:
        """Read the signed bytes back; ValueError if they are not a payload."""
        kind, doc, version, minutes, digest, device = struct.unpack(PAYLOAD_FORMAT, data)
        if kind != PAYLOAD_VERSION:
            raise ValueError("unknown payload version")
        stored = dt.datetime.fromtimestamp(minutes * 60, dt.UTC).replace(tzinfo=None)
        return cls(str(uuid.UUID(bytes=doc)), version, stored, digest, str(uuid.UUID(bytes=device)))


def encode_proof(payload: Payload, signature: bytes) -> str:
    """Payload and signature as base32 (the QR code's text after ``ASD1:``)."""
    return base64.b32encode(payload.to_bytes() + signature).decode("ascii")


def decode_proof(text: str) -> tuple[Payload, bytes]:
    """Payload and signature from their base32 text; ValueError if damaged."""
    raw = base64.b32decode(text.encode("ascii"))
    cut = struct.calcsize(PAYLOAD_FORMAT)
    if len(raw) != cut + SIGNATURE_LENGTH:
        raise ValueError("wrong length")
    return Payload.from_bytes(raw[:cut]), raw[cut:]


# --- the short code ----------------------------------------------------------------------

#: Crockford's base32: no I, L, O, U; a check symbol from 37 (detects one wrong or two
#: swapped neighbouring characters).
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CHECK = _ALPHABET + "*~$=U"
SHORT_DATA = 12


def short_code(proof_text: str) -> str:
    """The code a person types: 12 characters from the proof, then a check character.

    ``7K3M-9XQ2-4TPA-C``; derived from the whole signed proof, so every stored
    version has its own.
    """
    digest = int.from_bytes(hashlib.sha256(proof_text.encode("ascii")).digest()[:8], "big")
    chars = []
    for _ in range(SHORT_DATA):
        chars.append(_ALPHABET[digest & 31])
        digest >>= 5
    data = "".join(chars)
    return _group(data + _check(data))


def _check(data: str) -> str:
    value = 0
    for ch in data:
        value = value * 32 + _ALPHABET.index(ch)
    return _CHECK[value % 37]


def _group(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, SHORT_DATA, 4)) + "-" + code[SHORT_DATA:]


class CodeTypoError(ValueError):
    """A typed code whose check character does not fit (a typing mistake)."""


def normalise_code(typed: str) -> str:
    """A typed code in its printed form; CodeTypoError if it has a typing mistake.

    Case, spaces and dashes do not matter; O is read as 0 and I or L as 1.
    """
    plain = "".join(ch for ch in typed.upper() if ch not in " -\t")
    plain = plain.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(plain) != SHORT_DATA + 1 or any(c not in _ALPHABET for c in plain[:SHORT_DATA]):
        raise CodeTypoError("format")
    if plain[SHORT_DATA] not in _CHECK or _check(plain[:SHORT_DATA]) != plain[SHORT_DATA]:
        raise CodeTypoError("check")
    return _group(plain)


def pixel_rows(ch: str) -> tuple[int, ...]:
    """The seven rows of five bits that draw ``ch`` (a dash for a letter it lacks)."""
    return _PIXELS.get(ch, _PIXELS["-"])


def _pixel_text(line: str, right: float, bottom: float) -> list[bytes]:
    """Rectangles drawing ``line`` with its end at ``right`` (grey, no font needed)."""
    ops = [
        b"q 0.37 g %.3f 0 0 %.3f %.2f %.2f cm"
        % (_PIXEL, _PIXEL, right - len(line) * 6 * _PIXEL, bottom)
    ]
    for index, ch in enumerate(line):
        rows = pixel_rows(ch)
        for r, bits in enumerate(rows):
            col = 0
            while col < 5:
                if bits & (0x10 >> col):
                    start = col
                    while col < 5 and bits & (0x10 >> col):
                        col += 1
                    ops.append(b"%d %d %d 1 re" % (index * 6 + start, 6 - r, col - start))
                else:
                    col += 1
    ops.append(b"f Q")
    return ops


# --- filling and reading the stamp -------------------------------------------------------


class NoStampError(ValueError):
    """The file has no stamp of this program."""


def find_stamp(content: bytes) -> int:
    """Where the stamp form starts in ``content``; NoStampError if it has none."""
    at = content.find(_OPENING)
    if at < 0 or len(content) < at + len(PLACEHOLDER):
        raise NoStampError("no stamp")
    return at


def blank(content: bytes) -> bytes:
    """``content`` with its stamp set back to the blank placeholder."""
    at = find_stamp(content)
    return content[:at] + PLACEHOLDER + content[at + len(PLACEHOLDER) :]


def read_proof(content: bytes) -> str:
    """The base32 proof text in the stamp (may be the placeholder's dashes)."""
    at = find_stamp(content) + len(_OPENING)
    return content[at : at + PROOF_CHARS].decode("ascii", "replace")


def is_blank(content: bytes) -> bool:
    """Whether the stamp is still the placeholder (a rendered, not yet stored document)."""
    at = find_stamp(content)
    return content[at : at + len(PLACEHOLDER)] == PLACEHOLDER


def filled(content: bytes, proof_text: str, label: str) -> bytes:
    """``content`` with the stamp drawing the QR code and the short code.

    ``label`` is the short line under the QR code (e.g. "Fassung 2"); ASCII or Latin-1.
    """
    at = find_stamp(content)
    form = stamp_form(proof_text, label)
    return content[:at] + form + content[at + len(form) :]


def stamp_form(proof_text: str, label: str) -> bytes:
    """The filled form for ``proof_text``: same length as the placeholder."""
    proof = proof_text.encode("ascii")
    if len(proof) != PROOF_CHARS:
        raise ValueError("wrong proof length")
    return _form_bytes(proof, _stamp_stream(proof_text, label))


def _stamp_stream(proof_text: str, label: str) -> bytes:
    """QR code (dark runs as rectangles) at the top right, the codes in pixel letters below."""
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(QR_PREFIX + proof_text)
    # One fixed mask instead of trying all eight for the "best" (70 ms in pure Python);
    # every reader decodes any mask, the stamp has a wide quiet zone.
    qr.version = qr.calculate_version()  # type: ignore[no-untyped-call]
    qr.makeImpl(False, QR_MASK)
    count: int = qr.getModuleCount()  # type: ignore[no-untyped-call]
    dark = [[bool(qr.isDark(r, c)) for c in range(count)] for r in range(count)]  # type: ignore[no-untyped-call]
    cell = QR_SIZE / count
    left = FORM_WIDTH - QR_SIZE
    base = FORM_HEIGHT - QR_SIZE
    ops = [b"q 0 g %.4f 0 0 %.4f %.2f %.2f cm" % (cell, cell, left, base)]
    for row in range(count):
        y = count - 1 - row
        col = 0
        while col < count:
            if dark[row][col]:
                start = col
                while col < count and dark[row][col]:
                    col += 1
                ops.append(b"%d %d %d 1.02 re" % (start, y, col - start))
            else:
                col += 1
    ops.append(b"f Q")
    code = short_code(proof_text)
    lines = ((f"PR\u00dcFCODE {code}", 3.3 * mm), (label.upper(), 0.8 * mm))
    for line, line_y in lines:
        ops.extend(_pixel_text(line, FORM_WIDTH, line_y))
    return b"\n".join(ops)

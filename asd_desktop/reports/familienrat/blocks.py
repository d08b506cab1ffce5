"""What the Familienrat's documents share: numbered items, the concern, the review date.

The documents are written for the family and the people it chose: plain
headings, the method's terms only small next to them, and every agreement as a
numbered item with who, by when, how it is noticed and what happens otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether

from asd_desktop.reports.bilingual import Bilingual
from asd_desktop.reports.common import (
    CONTENT_WIDTH,
    Furniture,
    Paragraph,
    Styles,
    build_simple,
    german_date,
    heading,
    long_german_date,
    numbered,
    render_twice,
    text,
)


@dataclass(frozen=True)
class CouncilAgreementPrint:
    """One agreement as printed; ``fallback`` is the emergency plan of its proposal."""

    what: str
    who: str
    due_on: dt.date | None
    how_checked: str
    fallback: str = ""


def nbsp(value: str) -> str:
    """``value`` escaped for Paragraph markup, never broken at its spaces."""
    return escape(value).replace(" ", "\u00a0")


def date_text(value: dt.date | None) -> str:
    """A date as 18.07.2026, or nothing."""
    return german_date(value) if value else ""


def _agreement_rows(a: CouncilAgreementPrint) -> list[tuple[str, str]]:
    return [
        ("Wer?", text(a.who)),
        ("Bis wann?", date_text(a.due_on)),
        ("Woran merken wir es?", text(a.how_checked)),
        ("Wenn es nicht klappt", text(a.fallback)),
    ]


def agreement_list(
    st: Styles,
    items: Sequence[CouncilAgreementPrint],
    title: str,
    term: str,
    width: float = CONTENT_WIDTH,
    heading_flowable: Flowable | None = None,
    label: Callable[[str], str] = escape,
) -> list[Flowable]:
    """The agreements as numbered items under ``title``; nothing when there are none.

    ``heading_flowable`` replaces the plain heading (a bilingual one).
    """
    if not items:
        return []
    blocks = [
        numbered(st, n, a.what, _agreement_rows(a), width, label=label)
        for n, a in enumerate(items, start=1)
    ]
    # The heading never stands alone at the bottom of a page.
    head = heading_flowable if heading_flowable is not None else heading(st, title, term)
    return [KeepTogether([head, blocks[0]]), *blocks[1:]]


def concern_block(
    st: Styles, concern: str, minimums: str, bi: Bilingual | None = None
) -> list[Flowable]:
    """The Jugendamt's concern in quotes, then the minimum requirements if any."""
    term = "Sorgeformulierung des Jugendamts"
    out: list[Flowable] = [
        bi.heading("Worum es geht", term) if bi else heading(st, "Worum es geht", term),
        Paragraph(f"„{text(concern)}“", st.body),
    ]
    if minimums.strip():
        must = "Was auf jeden Fall gelten muss (Mindestanforderungen):"
        out.append(Paragraph(bi.label(must) if bi else escape(must), st.label))
        out.append(Paragraph(text(minimums), st.body))
    return out


def review_date_parts(
    st: Styles, review_on: dt.date | None, bi: Bilingual | None = None
) -> list[Flowable]:
    """When the Folge-Rat meets, as a heading and one sentence (nothing without a date)."""
    if review_on is None:
        return []
    title = "Wann schauen wir wieder darauf?"
    german = (
        f"Am <b>{nbsp(long_german_date(review_on))}</b> treffen wir uns wieder "
        "und schauen gemeinsam, was geklappt hat und was wir noch ändern wollen."
    )
    if bi is None:
        return [heading(st, title, "Folge-Rat"), Paragraph(german, st.body)]
    key = (
        "Am {date} treffen wir uns wieder und schauen gemeinsam, was geklappt hat und was "
        "wir noch ändern wollen."
    )
    return [
        bi.heading(title, "Folge-Rat"),
        *bi.sentence(german, st.body, key, date=german_date(review_on)),
    ]


def review_date_block(
    st: Styles, review_on: dt.date | None, bi: Bilingual | None = None
) -> list[Flowable]:
    """:func:`review_date_parts` kept together on one page."""
    parts = review_date_parts(st, review_on, bi)
    return [KeepTogether(parts)] if parts else []


def render_page_document(
    story: Callable[[], list[Flowable]], title: str, file_number: str, family_name: str
) -> bytes:
    """A document on plain A4 pages with the shared header and "Seite X von Y" footer."""
    return render_twice(
        lambda total: build_simple(
            story(), title, Furniture(title, file_number, family_name, total)
        )
    )

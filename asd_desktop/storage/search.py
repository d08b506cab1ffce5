"""Full-text search over cases: SQLite FTS5 here, plain matching on other databases.

The index holds, per case, the Aktenzeichen, the family name, the description,
the names of its people and the notes of its contacts. It lives inside the
encrypted database and is kept current by an after_flush hook, in the same
transaction as the edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, column, event, select, table, text
from sqlalchemy.orm import Session, UOWTransaction

from asd_desktop.models.base import Replicated
from asd_desktop.models.case import Case
from asd_desktop.storage import case_summaries

_TOKEN = re.compile(r"\w+", re.UNICODE)
#: Letters that unicode61's diacritic removal keeps apart from their Latin base letter.
_FOLD = str.maketrans(
    {
        "ı": "i",
        "İ": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
    }
)


_FOLDED = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def fold(value: str | None) -> str:
    """Text as the index stores it: Turkish dotless i, Polish ł and similar letters folded.

    Registered as the SQL function ``asd_fold`` on every connection. Only the few letters
    that need it are replaced (a regex scan), so long case texts fold quickly.
    """
    return _FOLDED.sub(_fold_match, value or "")


def _fold_match(match: re.Match[str]) -> str:
    folded: str = _FOLD[ord(match.group())]
    return folded


_CHUNK = 400

_DOC_SQL = """
SELECT c.id AS cid, asd_fold(
  c.file_number || ' ' || c.family_name || ' ' || c.description || ' ' ||
  COALESCE((SELECT group_concat(p.first_name || ' ' || p.last_name || ' ' || p.institution, ' ')
            FROM persons p WHERE p.case_id = c.id AND NOT p.deleted), '') || ' ' ||
  COALESCE((SELECT group_concat(k.note || ' ' || k.next_step || ' ' || k.place, ' ')
            FROM contacts k WHERE k.case_id = c.id AND NOT k.deleted), '')
  ) AS body
FROM cases c WHERE c.id IN ({ids}) AND NOT c.deleted
"""


def match_expression(query: str) -> str | None:
    """An FTS5 query: every word must occur, each as a prefix. None if no words."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def reindex(session: Session, case_ids: Iterable[str]) -> None:
    """Rebuild the index entries of the given cases (SQLite only)."""
    if session.get_bind().dialect.name != "sqlite":
        return
    ids = sorted(set(case_ids))
    conn = session.connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        params = {f"i{n}": cid for n, cid in enumerate(chunk)}
        placeholders = ", ".join(f":{k}" for k in params)
        conn.execute(
            text(
                "DELETE FROM case_search WHERE rowid IN "
                f"(SELECT rowid FROM search_docs WHERE case_id IN ({placeholders}))"
            ),
            params,
        )
        conn.execute(
            text(f"INSERT OR IGNORE INTO search_docs (case_id) VALUES {_values(len(chunk))}"),
            params,
        )
        conn.execute(
            text(
                "INSERT INTO case_search (rowid, content) "
                "SELECT d.rowid, doc.body FROM search_docs d "
                f"JOIN ({_DOC_SQL.format(ids=placeholders)}) AS doc ON doc.cid = d.case_id"
            ),
            params,
        )


def _values(n: int) -> str:
    return ", ".join(f"(:i{k})" for k in range(n))


def search_case_ids(session: Session, query: str) -> set[str] | None:
    """The ids of cases matching ``query``; None means "no words, no filter"."""
    stmt = matching_case_ids(session, query)
    if stmt is None:
        return None
    return {r[0] for r in session.execute(stmt)}


def matching_case_ids(session: Session, query: str) -> Select[Any] | None:
    """A SELECT of the ids of cases matching ``query``, for use as a subquery.

    None means "no words, no filter". As a subquery the matches never travel
    through Python, which keeps broad queries (one letter typed) fast.
    """
    expression = match_expression(query)
    if expression is None:
        return None
    if session.get_bind().dialect.name == "sqlite":
        return (
            select(_DOCS.c.case_id)
            .join(_FTS, _FTS.c.rowid == _DOCS.c.rowid)
            .where(text("case_search MATCH :q").bindparams(q=expression))
        )
    return _search_portable(_TOKEN.findall(query))


_DOCS = table("search_docs", column("rowid"), column("case_id"))
_FTS = table("case_search", column("rowid"))


def _search_portable(tokens: Sequence[str]) -> Select[Any]:
    """Substring matching on Aktenzeichen and family name, for databases without FTS5."""
    stmt = select(Case.id).where(Case.deleted.is_(False))
    for token in tokens:
        pattern = f"%{token}%"
        stmt = stmt.where(Case.file_number.ilike(pattern) | Case.family_name.ilike(pattern))
    return stmt


def _collect_case_ids(session: Session, _ctx: UOWTransaction, *_args: Any) -> None:  # noqa: ANN401
    ids: set[str] = set()
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, Case):
            if obj.id:  # a new case gets its id during the flush; its children follow
                ids.add(obj.id)
        elif isinstance(obj, Replicated):
            case_id = getattr(obj, "case_id", None)
            if case_id:
                ids.add(case_id)
    if ids:
        pending: set[str] = session.info.setdefault("asd_search_pending", set())
        pending.update(ids)


def _reindex_pending(session: Session, _ctx: UOWTransaction) -> None:
    pending: set[str] | None = session.info.pop("asd_search_pending", None)
    if pending:
        case_summaries.refresh(session, pending)
        reindex(session, pending)


def install_hooks(session_class: Any) -> None:  # noqa: ANN401
    """Keep the index and the case summaries current in the same transaction as every edit."""
    event.listen(session_class, "before_flush", _collect_case_ids)
    event.listen(session_class, "after_flush_postexec", _reindex_pending)

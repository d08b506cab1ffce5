"""Full-text search over cases: SQLite FTS5 on laptops, PostgreSQL's text search on a server hub.

The index holds, per case, the Aktenzeichen, the family name, the description,
the names of its people and the notes of its contacts. It lives inside the
encrypted database and is kept current by an after_flush hook, in the same
transaction as the edit.

On PostgreSQL (the office hub on a server) the same document is folded the same way
(``asd_fold`` as an SQL function, ``unaccent`` for the diacritics unicode61 removes),
cut into the same words (letters and digits) and stored as a ``tsvector`` of the
configuration ``asd_search`` (no stemming, no stop words: unicode61 has neither, and
the same query must find the same cases on both); every word is matched as a prefix.
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


#: The same document on PostgreSQL: ``string_agg`` for ``group_concat``, then unaccented
#: and cut into letters-and-digits words like unicode61 does.
_PG_DOC_SQL = """
SELECT c.id AS cid, to_tsvector('asd_search', regexp_replace(unaccent(asd_fold(
  c.file_number || ' ' || c.family_name || ' ' || c.description || ' ' ||
  COALESCE((SELECT string_agg(p.first_name || ' ' || p.last_name || ' ' || p.institution, ' ')
            FROM persons p WHERE p.case_id = c.id AND NOT p.deleted), '') || ' ' ||
  COALESCE((SELECT string_agg(k.note || ' ' || k.next_step || ' ' || k.place, ' ')
            FROM contacts k WHERE k.case_id = c.id AND NOT k.deleted), '')
  )), '[^[:alnum:]]+', ' ', 'g')) AS doc
FROM cases c WHERE c.id IN ({ids}) AND NOT c.deleted
"""

_ALNUM = re.compile(r"[^\W_]+", re.UNICODE)


def tsquery_expression(query: str) -> str | None:
    """A PostgreSQL ``to_tsquery`` text with FTS5's meaning: every word a prefix.

    A word FTS5 would cut into several tokens (``a_b``) becomes a phrase whose last
    token is the prefix, as FTS5 reads ``"a_b"*``.
    """
    terms = []
    for token in _TOKEN.findall(fold(query)):
        parts = _ALNUM.findall(token)
        if not parts:
            continue
        phrase = " <-> ".join([*parts[:-1], f"{parts[-1]}:*"])
        terms.append(f"({phrase})" if len(parts) > 1 else phrase)
    return " & ".join(terms) if terms else None


def match_expression(query: str) -> str | None:
    """An FTS5 query: every word must occur, each as a prefix. None if no words."""
    tokens = _TOKEN.findall(fold(query))
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)


def reindex(session: Session, case_ids: Iterable[str]) -> None:
    """Rebuild the index entries of the given cases."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        _reindex_server(session, case_ids)
        return
    if dialect != "sqlite":
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


def _reindex_server(session: Session, case_ids: Iterable[str]) -> None:
    ids = sorted(set(case_ids))
    conn = session.connection()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        params = {f"i{n}": cid for n, cid in enumerate(chunk)}
        placeholders = ", ".join(f":{k}" for k in params)
        conn.execute(text(f"DELETE FROM search_docs WHERE case_id IN ({placeholders})"), params)
        conn.execute(
            text(
                "INSERT INTO search_docs (case_id, doc) SELECT cid, doc FROM "
                f"({_PG_DOC_SQL.format(ids=placeholders)}) AS d"
            ),
            params,
        )


def reindex_all(session: Session) -> None:
    """Rebuild the whole index (after a hub was copied to a server)."""
    ids = list(session.scalars(select(Case.id)))
    if session.get_bind().dialect.name == "postgresql":
        session.connection().execute(text("DELETE FROM search_docs"))
    reindex(session, ids)


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
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        ts_expression = tsquery_expression(query)
        if ts_expression is None:
            return None
        return select(_DOCS.c.case_id).where(
            text("search_docs.doc @@ to_tsquery('asd_search', :q)").bindparams(q=ts_expression)
        )
    expression = match_expression(query)
    if expression is None:
        return None
    if dialect == "sqlite":
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
            # Records the case list and the search never show (the Netzwerkkarte's) skip the
            # refresh: moving an entry on the map must not re-index the case.
            if not getattr(obj, "touches_case_list", True):
                continue
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

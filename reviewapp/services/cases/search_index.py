"""The case list's substring search index: what it holds, how a query uses it, and keeping it in step.

Each case carries ``cases.search_text``: case number, name, prosecutor and 案由 folded (NFKC, lower case) and
joined by a separator no one types, so a match never spans two fields.

- SQLite: ``case_search``, a contentless FTS5 table with the trigram tokenizer over that column (the text is
  stored once, in ``cases``), answers queries of three or more characters as a phrase — an exact substring
  match. Its rowid is the case's place in the list's default order, not its id: :func:`order_key`, the day it
  was accepted above the id (``id = rowid & ID_MASK``). FTS5 returns matches in rowid order and stops when
  told, so the newest page of a search is read straight from the index however far down the order its
  matches lie (江口检刑诉受[2024 at a million cases: 11 ms, against 64 ms to collect its 10 885 matches and sort
  them by date). A trigger moves a case's entry when its 受理日期 or its text changes, so no writer can
  leave it at its old place. Trigrams cannot answer one or two characters, and scanning a million texts with instr()
  took ~350 ms, so ``case_search_short``, a contentless FTS5 table, indexes every single character and every
  pair of neighbouring characters of each field as a token (hex-coded, so no tokenizer splits or folds them);
  a short query is one token lookup.
- PostgreSQL: a GIN ``pg_trgm`` index on ``cases.search_text`` answers ``LIKE '%…%'`` (three or more
  characters through the index; shorter ones are a parallel scan on the server).

Every writer of the searched fields calls :func:`index_cases` with the ids it stored, in its own transaction,
and :func:`reindex_people` after renaming a person. The import stores a new case's text with its row and
calls :func:`index_inserted` per chunk (changed cases go through :func:`index_cases`).
"""

from __future__ import annotations

import operator
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

SEP = "\x1f"
CHUNK = 900  # ids per statement: under SQLite's bound-parameter limit


def fold(value: str) -> str:
    """Search folding: full-width → half-width (NFKC) and case-insensitive, as typed numbers vary in width."""
    return unicodedata.normalize("NFKC", value).lower()


def search_text(number: str, name: str, prosecutor: str | None, charge: str | None) -> str:
    return fold(SEP.join((number or "", name or "", prosecutor or "", charge or "")))


class _Hex(dict[str, str]):
    """Character → hex of its UTF-8, remembered: the same characters recur across cases (an import's hot loop)."""

    def __missing__(self, key: str) -> str:
        if len(self) > 500_000:
            self.clear()
        value = self[key] = key.encode().hex()
        return value


_HEX = _Hex()


def _part_tokens(part: str) -> set[str]:
    """Hex tokens of every character and every pair of neighbouring characters of ``part``. UTF-8 encodes a
    pair as its two characters' bytes one after the other, so a pair's token is its characters' tokens joined:
    only single characters are ever encoded (and remembered)."""
    chars = list(map(_HEX.__getitem__, part))
    tokens = set(chars)
    tokens.update(map(operator.add, chars, chars[1:]))
    return tokens


class _Repeated(dict[str, frozenset[str]]):
    """Hex tokens of the fields that repeat across cases (prosecutor, 案由), computed once per spelling."""

    def __missing__(self, part: str) -> frozenset[str]:
        if len(self) > 20_000:
            self.clear()
        value = self[part] = frozenset(_part_tokens(part))
        return value


_REPEATED = _Repeated()
_FIELDS = 4  # number, name, prosecutor, 案由 (search_text's order)


def short_tokens(folded: str) -> str:
    """Every character and every pair of neighbouring characters within a field, as hex tokens."""
    parts = folded.split(SEP)
    if len(parts) == _FIELDS:  # the number and the name differ per case; the other two repeat
        number, name, prosecutor, charge = parts
        seen = _part_tokens(number)
        seen |= _part_tokens(name)
        seen |= _REPEATED[prosecutor]
        seen |= _REPEATED[charge]
    else:  # a separator inside a field (never typed, but possible in a hostile export)
        seen = set()
        for part in parts:
            seen |= _part_tokens(part)
    return " ".join(seen)


def forget_caches() -> None:
    """Drop the token caches (after an import: nothing it computed should stay held)."""
    _HEX.clear()
    _REPEATED.clear()


def short_query(needle: str) -> str:
    return '"' + needle.encode().hex() + '"'


def trigram_query(needle: str) -> str:
    return '"' + needle.replace('"', '""') + '"'


def like_pattern(needle: str) -> str:
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


# --- schema (migration 0013 made the search tables, 0019 case_search's present form) --------------------
ID_MASK = 0xFFFFFFFF  # a case id fits in the key's low 32 bits (four billion cases)


def order_key(row: str) -> str:
    """SQL for the case_search rowid of ``row`` (``cases``, or a trigger's ``old``/``new``): the list's default
    order (受理日期 newest first, then the id) as one integer — the day above the id."""
    return f"((coalesce(CAST(julianday({row}.accepted_on) AS INTEGER), 0) << 32) | {row}.id)"


# Whichever writer changes a case's text or date, or deletes a case, its trigram entry follows (a contentless
# table forgets an entry given its rowid and the text it was indexed with). The page of a search is read from
# this table alone, so an entry left behind would show a row out of place or one that is gone.
_FORGET_OLD = (
    f"INSERT INTO case_search(case_search, rowid, search_text) SELECT 'delete', {order_key('old')}, old.search_text "
    "WHERE old.search_text IS NOT NULL; "
)
SQLITE_FOLLOW = (
    "CREATE TRIGGER case_search_follow AFTER UPDATE OF accepted_on, search_text ON cases "
    "WHEN old.accepted_on IS NOT new.accepted_on OR old.search_text IS NOT new.search_text BEGIN "
    + _FORGET_OLD
    + f"INSERT INTO case_search(rowid, search_text) SELECT {order_key('new')}, new.search_text "
    "WHERE new.search_text IS NOT NULL; END",
    "CREATE TRIGGER case_search_forget AFTER DELETE ON cases BEGIN " + _FORGET_OLD + "END",
)


def fill_sql(where: str = "") -> str:
    """The statement that indexes the stored text of the cases ``where`` selects (all of them by default).
    In key order: FTS5 writes its pending entries out whenever a rowid comes lower than the one before, so
    cases in file order (dates in any order) would cost a write per case."""
    return (
        f"INSERT INTO case_search(rowid, search_text) SELECT {order_key('cases')} AS k, search_text FROM cases "
        f"WHERE search_text IS NOT NULL {where} ORDER BY k"
    )


PG_CREATE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_cases_search_text_trgm ON cases USING gin (search_text gin_trgm_ops)",
)
PG_DROP = ("DROP INDEX IF EXISTS ix_cases_search_text_trgm",)


def _rows(conn: Connection, ids: Sequence[int] | None) -> Iterable[Any]:
    base = (
        "SELECT c.id, c.search_text, c.dept_case_no, c.name, p.name, c.transferred_charge, c.accepted_on "
        "FROM cases c LEFT JOIN people p ON p.id = c.prosecutor_id"
    )
    if ids is None:
        yield from conn.exec_driver_sql(base + " ORDER BY c.id")
        return
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        marks = ", ".join(str(int(i)) for i in chunk)  # ints only: no text from input reaches the SQL
        yield from conn.exec_driver_sql(f"{base} WHERE c.id IN ({marks})")


def index_cases_in(conn: Connection, ids: Sequence[int] | None) -> int:
    """Bring the search index of ``ids`` (None: every case) in step with their stored fields, in the caller's
    transaction; returns how many changed. Unchanged texts cost one read."""
    found: list[tuple[Any, int, str | None, str]] = []  # (受理日期, id, old text, new text)
    for cid, old, number, name, prosecutor, charge, accepted_on in _rows(conn, ids):
        new = search_text(number, name, prosecutor, charge)
        if new != old:
            found.append((accepted_on, cid, old, new))
    if not found:
        return 0
    # In the trigram index's key order (the day, then the id), as its trigger rewrites each entry: see fill_sql.
    changed = [(cid, old, new) for _, cid, old, new in sorted(found, key=lambda c: c[:2])]
    conn.execute(text("UPDATE cases SET search_text = :t WHERE id = :i"), [{"t": n, "i": c} for c, _, n in changed])
    if conn.dialect.name != "sqlite":  # the GIN index follows the column
        return len(changed)
    # The trigram entries follow the column by their trigger; the short tokens are made here.
    raw = conn.connection.driver_connection
    assert raw is not None
    cur = raw.cursor()
    stale = [(c, o) for c, o, _ in changed if o is not None]
    if stale:  # a contentless FTS5 table forgets a row given its old values
        cur.executemany(
            "INSERT INTO case_search_short(case_search_short, rowid, tokens) VALUES ('delete', ?, ?)",
            [(c, short_tokens(o)) for c, o in stale],
        )
    cur.executemany(
        "INSERT INTO case_search_short(rowid, tokens) VALUES (?, ?)", [(c, short_tokens(n)) for c, _, n in changed]
    )
    return len(changed)


def index_inserted(conn: Connection, first_id: int, last_id: int, texts: Iterable[tuple[int, str]]) -> None:
    """Index cases just inserted with their ``search_text`` already stored (an import's new rows, ids
    ``first_id``..``last_id``; ``texts`` their (id, search_text)), in the caller's transaction.

    Same index as :func:`index_cases_in` gives, without reading the rows back and writing their text a
    second time: on SQLite the trigram table is filled from the stored rows in one statement and the
    short-token table from ``texts``; on PostgreSQL the GIN index already follows the column."""
    if conn.dialect.name != "sqlite":
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    cur = raw.cursor()
    cur.execute(fill_sql("AND id BETWEEN ? AND ?"), (first_id, last_id))
    cur.executemany(
        "INSERT INTO case_search_short(rowid, tokens) VALUES (?, ?)", [(c, short_tokens(t)) for c, t in texts]
    )


def index_cases(session: Session, ids: Sequence[int]) -> int:
    """:func:`index_cases_in` on the session's connection (the write path's transaction)."""
    return index_cases_in(session.connection(), ids) if ids else 0


def reindex_people(session: Session, person_ids: Sequence[int]) -> int:
    """After a rename: the search text of the cases these people handle."""
    conn = session.connection()
    ids: list[int] = []
    for start in range(0, len(person_ids), CHUNK):
        marks = ", ".join(str(int(i)) for i in person_ids[start : start + CHUNK])
        ids += [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM cases WHERE prosecutor_id IN ({marks})")]
    return index_cases_in(conn, ids)

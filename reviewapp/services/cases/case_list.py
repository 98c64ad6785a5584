"""The case list answered by the database: a count, and one page of rows in the chosen order.

Nothing per case is held in Python: a filter is a WHERE clause over indexed columns (migration 0013), the
substring search goes through the search index (search_index.py), and the list reads the page it shows.
On SQLite a search of three or more characters alone, in the default order (受理日期 newest first), reads
its page straight from the trigram index, whose rowid is the case's place in that order (migration 0019):
the index stops at the page, however many cases match and wherever they lie. Any other text search is
answered by how much it matches, since SQLite would otherwise build the whole match set before walking the
order: a query matching a small share of the cases drives from the index and sorts what it found (a few
thousand rows at most); one matching many walks the order's index and keeps the rows whose folded text
contains the query (a page fills after a few hundred rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, TextClause, func, not_, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, aliased

from reviewapp.services.cases.index import NOT_REVIEWED, SORT_COLUMNS, CaseFilter, from_far_end
from reviewapp.services.cases.list_columns import (
    COMPUTED,
    HIDDEN_GRADE,
    grade_expr,
    has_open_checks,
    open_checks_expr,
    opinion_cases,
    plans_expr,
    rows_statement,
    status_expr,
)
from reviewapp.services.cases.open_checks_page import open_checks_page
from reviewapp.services.cases.search_index import ID_MASK, fold, like_pattern, short_query, trigram_query
from reviewapp.storage.models import (
    Case,
    Department,
    Person,
    PlanCase,
    Review,
    Unit,
)

# A text search matching more than this share of the cases walks the order's index instead of sorting.
WALK_SHARE = 0.02
# A walk that has read this many times the rows its page would need if the matches were spread evenly (and at
# least WALK_FLOOR rows) stops, and the index's matches are sorted instead: matches clustered far down the order
# ("000", found mostly in the oldest case numbers; a year in the middle of it) made the walk read most of the
# table, ~1.3 µs a row (measured at a million cases: 105 → 62 ms for "000", 240 → 88 ms for "2024]0"; walks
# whose matches are spread evenly never reach the bound). SQLite's progress handler counts the work in
# virtual-machine steps, about 8 a row for a walk of the default order.
WALK_SLACK = 4
WALK_FLOOR = 18_000
# A walk guided only by a bound on the matches (their count is read after the page) gives up sooner: past this
# many rows it counts the matches and reads the page as above (a walk too short costs ~7 ms, a count 3–100 ms).
GUESS_FLOOR = 5_000
WALK_STEPS_PER_ROW = 8
WALK_STEP_GRAIN = 1000  # steps between two looks at the bound
# A short search whose count is read after its page is counted up to this share of the cases with the page:
# beyond WALK_SHARE, so that below it the page knows the count and above it that the search walks.
CAP_SHARE = 2.5 * WALK_SHARE
# From this many characters (three trigrams) a phrase costs SQLite's FTS5 a merge of several long lists
# (10–60 ms at a million cases): it is evaluated once, its count and, when the search will sort what it found,
# its ids together, instead of once for the count and again for the page.
LONG_NEEDLE = 5


class ListRow(NamedTuple):
    """One row of the list: a tuple (a page builds 200 of them a keystroke; a frozen dataclass's
    constructor cost ~7 µs each, a tuple's well under one)."""

    id: int
    dept_case_no: str
    name: str
    case_type: str
    unit: str
    department: str
    prosecutor: str
    transferred_charge: str
    accepted_on: date
    closed_on: date | None
    plans: str
    status: str | None  # the review file's status (domain.review_status), None when not reviewed
    grade: str
    open_checks: int


class CaseList:
    """Queries over one session; ``dialect`` picks the search index's form."""

    def __init__(self, session: Session, *, total: int | None = None) -> None:
        """``total``: the number of cases, when the caller knows it (counting a million costs ~40 ms)."""
        self.s = session
        self.dialect = session.get_bind().dialect.name
        self._total = total
        self._found: dict[str, str] = {}  # a long needle's matching ids (a JSON array), read with its count
        self.counts: dict[str, int] = {}  # the text searches counted (folded text → matches)

    # --- conditions ---------------------------------------------------------------------------------
    def text_condition(self, needle: str, walk: bool, probe: bool = False) -> ColumnElement[bool] | TextClause:
        """``walk``: tested on each row's text as the order is walked; ``probe``: the order's index is walked
        and each id looked up in the phrase's matches (the unary + keeps SQLite from driving from them), no
        row read; else the matches drive, then are sorted."""
        if self.dialect != "sqlite":
            return Case.search_text.like(like_pattern(needle), escape="\\")
        if walk:
            return func.instr(Case.search_text, needle) > 0
        # The trigram index's rowid is the case's place in the default order; the id is its low bits.
        matches = "(SELECT rowid & :mask FROM case_search WHERE case_search MATCH :q)"
        if probe and len(needle) >= 3:
            return text(f"+cases.id IN {matches}").bindparams(q=trigram_query(needle), mask=ID_MASK)
        if needle in self._found:  # the ids the count read with it: no second evaluation of the phrase
            return text("cases.id IN (SELECT value FROM json_each(:found))").bindparams(found=self._found[needle])
        if len(needle) >= 3:
            return text(f"cases.id IN {matches}").bindparams(q=trigram_query(needle), mask=ID_MASK)
        return text("cases.id IN (SELECT rowid FROM case_search_short WHERE case_search_short MATCH :qs)").bindparams(
            qs=short_query(needle)
        )

    def conditions(self, f: CaseFilter, *, walk: bool = False, probe: bool = False) -> list[Any]:
        out: list[Any] = []
        needle = fold(f.text.strip())
        if needle:
            out.append(self.text_condition(needle, walk, probe))
        for column, wanted in (
            (Case.unit_id, f.unit_id),
            (Case.department_id, f.department_id),
            (Case.prosecutor_id, f.prosecutor_id),
            (Case.case_type, f.case_type),
        ):
            if wanted is not None:
                out.append(column == wanted)
        if f.accepted_from:
            out.append(Case.accepted_on >= f.accepted_from)
        if f.accepted_to:
            out.append(Case.accepted_on <= f.accepted_to)
        if f.closed_from:
            out.append(Case.closed_on >= f.closed_from)
        if f.closed_to:
            out.append(Case.closed_on <= f.closed_to)
        if f.closed is not None:
            out.append(Case.closed_on.is_not(None) if f.closed else Case.closed_on.is_(None))
        if f.plan_id is not None:
            in_plan = select(PlanCase.case_id).where(PlanCase.plan_id == f.plan_id, PlanCase.deleted_at.is_(None))
            out.append(Case.id.in_(in_plan))
        if f.review == NOT_REVIEWED:
            out.append(Case.id.not_in(opinion_cases()))
        elif f.review is not None:
            out.append(Case.id.in_(opinion_cases().where(Review.status == f.review)))
        if f.grade is not None:
            grade = func.coalesce(Review.final_grade, Review.proposed_grade) == f.grade
            out.append(Case.id.in_(opinion_cases().where(grade, Review.status.not_in(HIDDEN_GRADE))))
        if f.open_checks is not None:
            has = has_open_checks()
            out.append(has if f.open_checks else not_(has))
        return out

    # --- answers ------------------------------------------------------------------------------------
    def total(self) -> int:
        return self.s.scalar(select(func.count()).select_from(Case)) or 0

    def _text_alone(self, f: CaseFilter) -> str:
        """The folded search text when it is the whole filter on SQLite (countable in the search index
        alone), else ''."""
        needle = fold(f.text.strip())
        return needle if self.dialect == "sqlite" and f == CaseFilter(text=f.text) else ""

    def count(self, f: CaseFilter) -> int:
        needle = self._text_alone(f)
        if needle:
            # The text alone: counted in the search index, without touching the cases.
            if len(needle) >= LONG_NEEDLE:
                self.counts[needle] = self._count_long(needle)
            else:
                self.counts[needle] = self._count_short(needle)
            return self.counts[needle]
        return self.s.scalar(select(func.count()).select_from(Case).where(*self.conditions(f))) or 0

    def _count_short(self, needle: str, cap: int | None = None) -> int:
        """A needle of fewer than LONG_NEEDLE characters counted in its index; with ``cap``, counting stops
        there (a fraction of the cost for a search that matches many)."""
        index, q = (
            ("case_search", trigram_query(needle)) if len(needle) >= 3 else ("case_search_short", short_query(needle))
        )
        if cap is None:
            return self.s.scalar(text(f"SELECT count(*) FROM {index} WHERE {index} MATCH :q").bindparams(q=q)) or 0
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {index} WHERE {index} MATCH :q LIMIT :cap)"
        found = self.s.scalar(text(sql).bindparams(q=q, cap=cap)) or 0
        if found < cap:
            self.counts[needle] = found
        return found

    def _count_long(self, needle: str) -> int:
        """A long needle's count, and its ids kept for the page when it matches too few to walk the order
        (building the array for a large match adds ~5 ms, evaluating the phrase a second time 10–60 ms)."""
        row = self.s.execute(
            text(
                "SELECT count(*), json_group_array(rowid & :mask) FROM case_search WHERE case_search MATCH :q"
            ).bindparams(q=trigram_query(needle), mask=ID_MASK)
        ).one()
        count = int(row[0] or 0)
        if count <= WALK_SHARE * max(1, self.total_cached()):
            self._found[needle] = str(row[1])
        return count

    def order(self, sort: tuple[int, bool] | None, *, reverse: bool = False) -> tuple[list[Any], list[tuple[Any, Any]]]:
        """ORDER BY terms and the joins they need; None: the newest accepted first. ``reverse``: the same
        order backwards (NULLs sort as the smallest value both ways, so it is the exact reverse)."""
        if sort is None:
            newest: list[Any] = [Case.accepted_on, Case.id]
            return [t.asc() if reverse else t.desc() for t in newest], []
        column, descending = sort
        descending = descending != reverse
        key = SORT_COLUMNS[column]
        joins: list[tuple[Any, Any]] = []
        terms: list[Any]
        if key in ("unit", "department", "prosecutor"):
            table, fk = {"unit": (Unit, Case.unit_id), "department": (Department, Case.department_id)}.get(
                key, (Person, Case.prosecutor_id)
            )
            alias: Any = aliased(table)
            joins.append((alias, alias.id == fk))
            terms = [alias.name, alias.id, Case.id]
        elif key == "plans":
            terms = [plans_expr(self.dialect), Case.id]
        elif key == "status":
            terms = [status_expr(), Case.id]
        elif key == "grade":
            terms = [grade_expr(), Case.id]
        elif key == "open_checks":
            terms = [open_checks_expr(), Case.id]
        else:
            terms = [getattr(Case, key), Case.id]
        return [t.desc() if descending else t.asc() for t in terms], joins

    def page_ids(
        self,
        f: CaseFilter,
        sort: tuple[int, bool] | None,
        offset: int,
        limit: int,
        *,
        count: int | None = None,
        at_most: int | None = None,
    ) -> list[int]:
        """Ids of rows ``offset`` … ``offset + limit`` of the filtered list in the chosen order. ``count``: the
        list's count when known; ``at_most``: instead, a bound on what the text alone matches (a shorter
        search's count, or the number of cases), when the count is read later: the page is read without it."""
        if count is not None and offset >= count:  # past the end (a page read from the far end would go negative)
            return []
        if sort is not None and SORT_COLUMNS[sort[0]] in COMPUTED:
            return self._computed_page(f, sort, offset, limit, count)
        return self._page(f, sort, offset, limit, count, at_most)

    def _walk(self, f: CaseFilter, count: int | None) -> bool:
        """Whether a text search matches so much that walking an order beats reading the index's matches."""
        return self._walked(f, count) is not None

    def _walked(self, f: CaseFilter, count: int | None, at_most: int | None = None) -> int | None:
        """The text search's match count (or its bound ``at_most``) when it matches enough to walk the order,
        else None."""
        if self.dialect != "sqlite" or not fold(f.text.strip()):
            return None
        matched = count if count is not None else at_most
        if matched is None:
            matched = self.count(CaseFilter(text=f.text))
        return matched if matched > WALK_SHARE * max(1, self.total_cached()) else None

    def _computed_page(
        self, f: CaseFilter, sort: tuple[int, bool], offset: int, limit: int, count: int | None
    ) -> list[int]:
        """Plan, status, grade and open checks are empty for most cases: those come in id order (first when
        ascending, as empty sorts first), the few with a value sorted by it — no expression over every case."""
        column, descending = sort
        if SORT_COLUMNS[column] == "open_checks":  # stored per case: walked in its own index
            return open_checks_page(self, f, descending, offset, limit, count)
        has = COMPUTED[SORT_COLUMNS[column]]()
        total = self.count(f) if count is None else count
        # The few valued cases are read from their own table and tested one by one (walking them); the rest
        # of the list is walked in id order, or driven from the search index when the text is rare.
        valued_where = [*self.conditions(f, walk=True), has]
        valued = self.s.scalar(select(func.count()).select_from(Case).where(*valued_where)) or 0
        empty_first = not descending
        parts: list[tuple[bool, int, int]] = []  # (valued?, offset within the part, limit)
        first_len = total - valued if empty_first else valued
        if offset < first_len:
            parts.append((not empty_first, offset, min(limit, first_len - offset)))
        rest = offset + limit - max(offset, first_len)
        if rest > 0:
            parts.append((empty_first, max(0, offset - first_len), rest))
        out: list[int] = []
        for valued_part, off, lim in parts:
            if valued_part:
                terms, _ = self.order(sort)
                where = valued_where
            else:
                terms = [Case.id.desc() if descending else Case.id.asc()]
                where = [*self.conditions(f, walk=self._walk(f, total)), not_(has)]
            out += list(self.s.scalars(select(Case.id).where(*where).order_by(*terms).offset(off).limit(lim)))
        return out

    def _page(
        self,
        f: CaseFilter,
        sort: tuple[int, bool] | None,
        offset: int,
        limit: int,
        count: int | None,
        at_most: int | None = None,
    ) -> list[int]:
        alone = self._text_alone(f)
        if sort is None and len(alone) >= 3:
            return self._in_order_page(alone, offset, limit, count)
        guessed = count is None and at_most is not None  # a bound, not the count: every walk is bounded
        if guessed and alone and len(alone) < LONG_NEEDLE:
            # A short needle is counted up to a cap instead (1–5 ms at a million cases): below it, the count;
            # at it, enough to walk the order as a counted search would.
            cap = int(CAP_SHARE * self.total_cached()) + 1
            seen = self._count_short(alone, min(cap, (at_most or cap) + 1))  # below the bound: exact
            count, at_most = (seen, None) if alone in self.counts else (None, seen)
            guessed = False
        matched = self._walked(f, count, at_most)
        far = from_far_end(offset, limit, count)
        reverse = far is not None
        if far is not None:
            offset, limit = far
        terms, joins = self.order(sort, reverse=reverse)
        stmt = select(Case.id).select_from(Case)
        for table, on in joins:
            stmt = stmt.join(table, on)
        stmt = stmt.order_by(*terms).offset(offset).limit(limit)
        ids: list[int] | None = None
        walk = stmt.where(*self.conditions(f, walk=True))
        if matched is not None:
            ids = self._walk_within(walk, f, offset + limit, matched, guessed)
            if ids is None and guessed:  # fewer matches than the bound said, or far down the order: count them
                matched = self._walked(f, self.count(f))
                if matched is not None and (joins or len(fold(f.text.strip())) < 3):  # nothing to probe: walk
                    ids = self._walk_within(walk, f, offset + limit, matched)
        # Few matches: sorted. Many, far down the order: the order's index (of a column of the cases) probed.
        if ids is None:
            ids = list(self.s.scalars(stmt.where(*self.conditions(f, probe=matched is not None and not joins))))
        return ids[::-1] if reverse else ids

    def _in_order_page(self, needle: str, offset: int, limit: int, count: int | None) -> list[int]:
        """A search alone in the default order, read from the trigram index in that order (its rowid is the
        order's key): it stops at the page however many the search matches or where they lie."""
        far = from_far_end(offset, limit, count)  # FTS5 walks its rowids both ways
        reverse = far is not None
        if far is not None:
            offset, limit = far
        sql = (
            "SELECT rowid & :mask FROM case_search WHERE case_search MATCH :q "
            f"ORDER BY rowid {'ASC' if reverse else 'DESC'} LIMIT :limit OFFSET :offset"
        )
        bound = text(sql).bindparams(q=trigram_query(needle), mask=ID_MASK, limit=limit, offset=offset)
        ids = [int(i) for i in self.s.scalars(bound)]
        return ids[::-1] if reverse else ids

    def _walk_within(
        self, stmt: Any, f: CaseFilter, needed: int, matched: int, guessed: bool = False
    ) -> list[int] | None:
        """The walk's page, or None when it read its bound of rows first (then the index's matches are read).
        Needles of one or two characters have no phrase index to probe: with their count known to be large
        they walk to the end; with only a bound (``guessed``) they too stop, and their matches are sorted."""
        if len(fold(f.text.strip())) < 3 and not guessed:
            return list(self.s.scalars(stmt))
        rows = max(GUESS_FLOOR if guessed else WALK_FLOOR, WALK_SLACK * needed * self.total_cached() // max(1, matched))
        raw: Any = self.s.connection().connection.driver_connection  # the sqlite3 connection of this session
        budget = [rows * WALK_STEPS_PER_ROW // WALK_STEP_GRAIN]

        def spend() -> int:
            budget[0] -= 1
            return 1 if budget[0] < 0 else 0  # non-zero: SQLite interrupts the statement

        raw.set_progress_handler(spend, WALK_STEP_GRAIN)
        try:
            return list(self.s.scalars(stmt))
        except OperationalError:
            if budget[0] >= 0:  # not our interruption
                raise
            return None
        finally:
            raw.set_progress_handler(None, 0)

    def total_cached(self) -> int:
        if self._total is None:
            self._total = self.total()
        return self._total

    def rows(self, ids: Sequence[int]) -> dict[int, ListRow]:
        """Display rows of ``ids`` (a page), with the review file's status and grade and the open checks."""
        if not ids:
            return {}
        stmt = rows_statement(self.dialect)
        out: dict[int, ListRow] = {}
        for r in self.s.execute(stmt, {"ids": list(ids)}):
            out[r[0]] = ListRow(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                r[7] or "",
                r[8],
                r[9],
                r[10] or "",
                r[11],
                r[12] or "",
                r[13] or 0,
            )
        return out

    def position(self, f: CaseFilter, sort: tuple[int, bool] | None, case_id: int) -> int | None:
        """Where ``case_id`` stands in the filtered, ordered list (None: filtered out)."""
        terms, joins = self.order(sort)
        inner = select(Case.id.label("cid"), func.row_number().over(order_by=terms).label("pos")).select_from(Case)
        for table, on in joins:
            inner = inner.join(table, on)
        sub = inner.where(*self.conditions(f)).subquery()
        pos = self.s.scalar(select(sub.c.pos).where(sub.c.cid == case_id))
        return None if pos is None else int(pos) - 1

    def matching_ids(self, f: CaseFilter) -> list[int]:
        """Every matching id, in id order (plan selection, the `cases` command)."""
        return list(self.s.scalars(select(Case.id).where(*self.conditions(f)).order_by(Case.id)))

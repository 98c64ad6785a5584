"""Reviewer calibration counted in arrays: the same counts as calibration._count over calibration_data.
load_panels (the reference, kept readable and compared in the tests), without a Python object per rated
unit or finding. The database hands over the members' findings and the panels' reconciled findings as a few
long strings (one row per query), numpy counts profiles, pair tables and leniency in a handful of passes.

A unit is one checklist item of one review file with two or more submitted members (calibration_data.py);
only the units someone found a problem in are visited, the others are counted per (rated items, panel size).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from itertools import combinations
from typing import Any

import numpy as np
from sqlalchemy import ARRAY, Integer, Select, String, cast, func, literal, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.orm import Session

from reviewapp.services.analysis.calibration_data import (
    NONE_LEVEL,
    SCALE,
    Counted,
    Counts,
    ItemInfo,
    _level_expr,
    _opinions_stmt,
    rated_items,
    submitted_members,
)
from reviewapp.services.analysis.filters import Scope
from reviewapp.services.panel.blind import blind_member_ids
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, FeedbackAnswer, Finding, Person, Review

SEP = "\x1f"  # between item codes: the ASCII unit separator, which no item code holds
K = len(SCALE)


def _agg(s: Session, column: Any, sep: str) -> Any:
    if s.get_bind().dialect.name == "postgresql":
        return func.string_agg(cast(column, String), sep)
    return func.group_concat(column, sep)


def _ints(text: str | None) -> np.ndarray:
    return np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, dtype=np.int64)


def _columns(s: Session, stmt: Select[Any]) -> tuple[np.ndarray, list[str], np.ndarray]:
    """(review ids, item codes, levels) of a SELECT of (review_id, item_code, level) rows, read as one row of
    three aggregated strings: the rows' order is kept, the same in the three."""
    sub = stmt.subquery()
    ids, codes, levels = s.execute(select(_agg(s, sub.c[0], ","), _agg(s, sub.c[1], SEP), _agg(s, sub.c[2], ","))).one()
    return _ints(ids), (codes.split(SEP) if ids else []), _ints(levels)


def _opinion_rows(s: Session, stmt: Select[Any]) -> list[tuple[int, int, str]]:
    """(review file id, standard id, case type) of each file a SELECT of (Review.id, standard id, case type)
    gives, in formed-time order, read as one row of aggregated strings (a Row object per file costs more than
    the counting that follows)."""
    sub = stmt.add_columns(Review.submitted_at).order_by(Review.submitted_at, Review.id).subquery()
    ident, standard, case_type, formed = sub.c
    if s.get_bind().dialect.name == "postgresql":
        # An aggregate's input order is the subquery's only by habit in PostgreSQL: ask for it.
        def agg(column: Any, sep: str) -> Any:
            return func.string_agg(cast(column, String), aggregate_order_by(literal(sep), formed, ident))

        columns = (agg(ident, ","), agg(standard, ","), agg(case_type, SEP))
    else:
        # SQLite keeps an ordered subquery's order under an aggregate (it never flattens one into it).
        columns = (_agg(s, ident, ","), _agg(s, standard, ","), _agg(s, case_type, SEP))
    ids, standards, types = s.execute(select(*columns)).one()
    if not ids:
        return []
    return list(zip(_ints(ids).tolist(), _ints(standards).tolist(), types.split(SEP), strict=True))


def _id_list(s: Session, ids: np.ndarray) -> Any:
    """A SELECT of the given ids, passed as one parameter: a JSON array read by json_each in SQLite, an
    integer array unnested in PostgreSQL. The ids are already known here, so the findings are found from
    the index alone instead of joining the wide reviews rows again."""
    if s.get_bind().dialect.name == "postgresql":
        return select(func.unnest(literal(ids.tolist(), ARRAY(Integer))))
    return select(func.json_each(literal("[" + ",".join(map(str, ids.tolist())) + "]")).table_valued("value").c.value)


def _lookup(sorted_keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The row of each value in ``sorted_keys``, −1 where it is not there."""
    if not len(sorted_keys):
        return np.full(len(values), -1, dtype=np.int64)
    at = np.searchsorted(sorted_keys, values)
    at = np.minimum(at, len(sorted_keys) - 1)
    return np.where(sorted_keys[at] == values, at, -1)


def _int_columns(s: Session, stmt: Any) -> list[np.ndarray]:
    """The integer columns of a SELECT, read as one row of aggregated strings (the rows' order is kept, the
    same in every column)."""
    sub = stmt.subquery()
    texts = s.execute(select(*(_agg(s, column, ",") for column in sub.c))).one()
    return [_ints(text) for text in texts]


def _most_severe_per_key(keys: np.ndarray, levels: np.ndarray) -> np.ndarray:
    """Indexes of the row of highest level of every key, in key order: an item found more than once stands at
    its most severe finding (calibration_data)."""
    order = np.lexsort((levels, keys))
    last = np.ones(len(order), dtype=bool)
    last[:-1] = keys[order][1:] != keys[order][:-1]
    return order[last]


class _Codes:
    """Item code ↔ small integer, the rated items first."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def of(self, code: str) -> int:
        return self.index.setdefault(code, len(self.index))

    def ids(self, codes: list[str]) -> np.ndarray:
        for code in set(codes):  # a few distinct codes: the per-row lookup below is a plain dict read
            self.of(code)
        return np.fromiter(map(self.index.__getitem__, codes), dtype=np.int64, count=len(codes))

    def known(self, codes: list[str]) -> np.ndarray:
        """The codes' numbers, −1 for a code no file rates."""
        index = {code: self.index.get(code, -1) for code in set(codes)}
        return np.fromiter(map(index.__getitem__, codes), dtype=np.int64, count=len(codes))


def count_panels(
    wb: Workbench, scope: Scope, *, plan_id: int | None = None, start: date | None = None, end: date | None = None
) -> Counted:
    with wb.db.session() as s:
        opinions = _opinion_rows(
            s,
            _opinions_stmt(scope, plan_id, start, end, Review.id, Review.standard_id, Case.case_type),
        )
        selected = _opinions_stmt(scope, plan_id, start, end, Review.id)
        hidden = blind_member_ids(s, wb.user) if opinions else set()
        submitted = submitted_members(selected)
        m_rid, m_file, m_person = _int_columns(
            s, select(Review.id, Review.file_id, Review.reviewer_id).where(*submitted)
        )
        if hidden:
            shown = ~np.isin(m_rid, np.array(sorted(hidden), dtype=np.int64))
            m_rid, m_file, m_person = m_rid[shown], m_file[shown], m_person[shown]
        opinion_ids, sizes = np.unique(m_file, return_counts=True)
        panel_ids = opinion_ids[sizes >= 2]
        panels = set(panel_ids.tolist())
        in_panels = m_rid[np.isin(m_file, panel_ids)]
        panel_files = _id_list(s, panel_ids)
        finding_rows = _columns(
            s,
            select(Finding.review_id, Finding.item_code, _level_expr()).where(
                Finding.deleted_at.is_(None), Finding.review_id.in_(_id_list(s, in_panels))
            ),
        )
        # The panel's position (calibration_data.formed_findings): live findings but the revised ones, and
        # the findings an upheld objection withdrew. Only the panels' files: most formed files have one reviewer.
        live = _columns(
            s,
            select(Finding.review_id, Finding.item_code, _level_expr()).where(
                Finding.review_id.in_(panel_files),
                Finding.deleted_at.is_(None),
                Finding.origin != "revised",
            ),
        )
        withdrawn = _columns(
            s,
            select(Finding.review_id, Finding.item_code, _level_expr())
            .join(FeedbackAnswer, FeedbackAnswer.finding_id == Finding.id)
            .where(
                Finding.review_id.in_(panel_files),
                Finding.deleted_at.is_not(None),
                FeedbackAnswer.ruling == "upheld",
                FeedbackAnswer.deleted_at.is_(None),
            ),
        )
        codes = _Codes()
        items: dict[str, ItemInfo] = {}
        combos: dict[tuple[int, str], int] = {}
        combo_codes: list[tuple[str, ...]] = []
        standards: dict[int, Any] = {}
        file_ids: list[int] = []
        file_combo: list[int] = []
        for oid, standard_id, case_type in opinions:
            if oid not in panels:
                continue
            if (standard_id, case_type) not in combos:
                rated = rated_items(s, standards, items, standard_id, case_type)
                for code in rated:
                    codes.of(code)
                combos[(standard_id, case_type)] = len(combo_codes)
                combo_codes.append(rated)
            file_ids.append(oid)
            file_combo.append(combos[(standard_id, case_type)])
        members = _Members(file_ids, m_rid, m_file, m_person)
        counts = _count(members, file_combo, combo_codes, finding_rows, live, withdrawn, codes)
        people = sorted(counts.member_files)
        names: dict[int, str] = {}
        for i in range(0, len(people), 500):
            chunk = people[i : i + 500]
            names.update(
                {pid: name for pid, name in s.execute(select(Person.id, Person.name).where(Person.id.in_(chunk)))}
            )
    return Counted(counts, len(file_ids), items, names)


class _Members:
    """The panels' members as arrays: ``person`` file × position (in review id order, as the reference meets
    them; −1 past the panel's size), ``at`` (member review, file, position) sorted by member review, and the
    opinions (review file id, file) sorted by review file id."""

    def __init__(self, file_ids: list[int], rid: np.ndarray, file_id: np.ndarray, who: np.ndarray) -> None:
        ids = np.array(file_ids, dtype=np.int64)
        by_id = np.argsort(ids, kind="stable")
        self.opinion_at = np.column_stack([ids[by_id], by_id]).astype(np.int64).reshape(-1, 2)
        row = _lookup(self.opinion_at[:, 0], file_id)
        keep = row >= 0
        f = self.opinion_at[row[keep], 1]
        rid, who = rid[keep], who[keep]
        order = np.lexsort((rid, f))
        f, rid, who = f[order], rid[order], who[order]
        pos = np.arange(len(f)) - np.searchsorted(f, f, side="left")
        self.sizes = np.bincount(f, minlength=len(file_ids)).astype(np.int64)
        self.person = np.full((len(file_ids), int(self.sizes.max(initial=0))), -1, dtype=np.int64)
        self.person[f, pos] = who
        by_review = np.argsort(rid)
        self.at = np.column_stack([rid[by_review], f[by_review], pos[by_review]])


def _count(
    members: _Members,
    file_combo: list[int],
    combo_codes: list[tuple[str, ...]],
    finding_rows: tuple[np.ndarray, list[str], np.ndarray],
    live: tuple[np.ndarray, list[str], np.ndarray],
    withdrawn: tuple[np.ndarray, list[str], np.ndarray],
    codes: _Codes,
) -> Counts:
    c = Counts()
    n_files = len(file_combo)
    if not n_files:
        return c
    sizes, person, member_at, opinion_at = members.sizes, members.person, members.at, members.opinion_at
    width = person.shape[1]
    combo = np.array(file_combo, dtype=np.int64)
    n_rated = np.array([len(cs) for cs in combo_codes], dtype=np.int64)[combo]

    # Rated files per (items, panel size), members' files.
    for (k, m), times in Counter(zip(file_combo, sizes.tolist(), strict=True)).items():
        c.rated[(combo_codes[k], m)] += times
    valid = np.arange(width)[None, :] < sizes[:, None]
    order = person[valid]  # file-major: the order the reference meets the members in
    _, first = np.unique(order, return_index=True)
    for who in order[np.sort(first)].tolist():
        c.member_files[who] = 0
    for who, n in zip(*np.unique(order, return_counts=True), strict=True):
        c.member_files[int(who)] = int(n)

    # The members' findings: (file, position, item, level), the last one per (member review, item).
    rids, item_codes, levels = finding_rows
    item = codes.ids(item_codes)
    row = _lookup(member_at[:, 0], rids)
    keep = row >= 0
    located = member_at[np.maximum(row, 0)][:, 1:]
    n_codes = max(len(codes.index), 1)
    if keep.any():
        rids, item, levels, located = rids[keep], item[keep], levels[keep], located[keep]
        last = _most_severe_per_key(rids * n_codes + item, levels)
        rids, item, levels, located = rids[last], item[last], levels[last], located[last]
    else:
        item = levels = np.zeros(0, dtype=np.int64)
        located = np.zeros((0, 2), dtype=np.int64)
    n_codes = max(len(codes.index), 1)
    rated_mask = np.zeros((len(combo_codes), n_codes), dtype=bool)
    for k, cs in enumerate(combo_codes):
        rated_mask[k, [codes.index[x] for x in cs]] = True
    f_of, pos_of = located[:, 0], located[:, 1]
    in_rated = rated_mask[combo[f_of], item] if len(item) else np.zeros(0, dtype=bool)
    f_of, pos_of, item, levels = f_of[in_rated], pos_of[in_rated], item[in_rated], levels[in_rated]

    # Units someone found a problem in: their levels per position.
    unit_keys, unit = np.unique(f_of * n_codes + item, return_inverse=True)
    unit_file, unit_item = unit_keys // n_codes, unit_keys % n_codes
    grid = np.zeros((len(unit_keys), width), dtype=np.int64)
    grid[unit, pos_of] = levels
    unit_size = sizes[unit_file]
    found = [(grid == level).sum(axis=1) for level in SCALE[1:]]
    profile = np.stack([unit_size - sum(found, np.zeros(len(unit_keys), dtype=np.int64)), *found], axis=1)
    code_of = {i: x for x, i in codes.index.items()}
    base = width + 1  # a count of members is 0..width: one digit of a number in base width + 1
    key = unit_item
    for column in profile.T:
        key = key * base + column
    kinds, reps = np.unique(key, return_counts=True)
    for k, n in zip(kinds.tolist(), reps.tolist(), strict=True):
        digits = []
        for _ in range(K):
            k, d = divmod(k, base)
            digits.append(d)
        c.found[code_of[k]][tuple(reversed(digits))] += n
    kinds, reps = np.unique(unit_item * base + unit_size, return_counts=True)
    for k, n in zip(kinds.tolist(), reps.tolist(), strict=True):
        c.found_by_size[(code_of[k // base], k % base)] += n
    touched = np.bincount(unit_file, minlength=n_files)
    c.flagged_files = int((touched > 0).sum())
    nothing_found = n_rated - touched

    _pair_tables(c, person, sizes, grid, unit_file, nothing_found)
    rated = rated_mask[combo]
    _leniency(c, person, sizes, grid, unit_file, unit_keys, n_codes, rated, live, withdrawn, opinion_at, codes)
    return c


def _pair_tables(
    c: Counts, person: np.ndarray, sizes: np.ndarray, grid: np.ndarray, unit_file: np.ndarray, nothing: np.ndarray
) -> None:
    """Cohen's tables per pair of reviewers (lower person id first): (0, 0) for the rated items neither found
    anything in, then one cell per unit someone found a problem in."""
    width = person.shape[1]
    big = int(person.max(initial=0)) + 1  # a pair (lo, hi) as the number lo × big + hi
    pair_rows, unit_rows = [], []
    for step, (i, j) in enumerate(combinations(range(width), 2)):
        files = np.nonzero(sizes > j)[0]
        a, b = person[files, i], person[files, j]
        pair = np.minimum(a, b) * big + np.maximum(a, b)
        pair_rows.append(np.column_stack([files, np.full(len(files), step), pair, nothing[files]]))
        units = np.nonzero(sizes[unit_file] > j)[0]
        ua, ub = person[unit_file[units], i], person[unit_file[units], j]
        uswap = ua > ub
        la = np.where(uswap, grid[units, j], grid[units, i])
        lb = np.where(uswap, grid[units, i], grid[units, j])
        unit_rows.append(np.column_stack([np.minimum(ua, ub) * big + np.maximum(ua, ub), la * K + lb]))
    if not pair_rows:
        return
    at_file = np.concatenate(pair_rows)
    at_file = at_file[np.lexsort((at_file[:, 1], at_file[:, 0]))]  # file-major, as the reference meets them
    keys, first, inverse = np.unique(at_file[:, 2], return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    files_per = np.bincount(inverse, minlength=len(keys))
    zeros_per = np.bincount(inverse, weights=at_file[:, 3], minlength=len(keys)).astype(np.int64)
    at_unit = np.concatenate(unit_rows)
    where = np.searchsorted(keys, at_unit[:, 0])
    cells = np.bincount(where * K * K + at_unit[:, 1], minlength=len(keys) * K * K).reshape(len(keys), K * K)
    keys_list, files_list, zeros_list, cells_list = (
        keys.tolist(),
        files_per.tolist(),
        zeros_per.tolist(),
        cells.tolist(),
    )
    for p in np.argsort(first, kind="stable").tolist():
        key = divmod(keys_list[p], big)
        c.pair_files[key] = files_list[p]
        table = c.tables[key]
        table[(NONE_LEVEL, NONE_LEVEL)] += zeros_list[p]
        for cell, n in enumerate(cells_list[p]):
            if n:
                table[divmod(cell, K)] += n


def _panel_levels(
    live: tuple[np.ndarray, list[str], np.ndarray],
    withdrawn: tuple[np.ndarray, list[str], np.ndarray],
    opinion_at: np.ndarray,
    codes: _Codes,
    n_codes: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(sorted unit keys, the panel's level of each) from the reconciled findings: the live ones but the
    revised, and the ones an upheld objection withdrew (calibration_data.formed_findings)."""
    ids = np.concatenate([live[0], withdrawn[0]])
    names = live[1] + withdrawn[1]
    levels = np.concatenate([live[2], withdrawn[2]])
    row = _lookup(opinion_at[:, 0], ids)
    f = np.where(row >= 0, opinion_at[np.maximum(row, 0), 1], -1)
    item = codes.known(names)
    keep = (f >= 0) & (item >= 0)  # an item no file rates is never compared
    keys = f[keep] * n_codes + item[keep]
    levels = levels[keep]
    last = _most_severe_per_key(keys, levels)
    return keys[last], levels[last]


def _leniency(
    c: Counts,
    person: np.ndarray,
    sizes: np.ndarray,
    grid: np.ndarray,
    unit_file: np.ndarray,
    unit_keys: np.ndarray,
    n_codes: int,
    rated: np.ndarray,
    live: tuple[np.ndarray, list[str], np.ndarray],
    withdrawn: tuple[np.ndarray, list[str], np.ndarray],
    opinion_at: np.ndarray,
    codes: _Codes,
) -> None:
    """Each member's level against the panel's on the units someone found a problem in, and −the panel's
    level on the rated items the panel found and no member did."""
    panel_keys, panel_levels = _panel_levels(live, withdrawn, opinion_at, codes, n_codes)
    row = _lookup(panel_keys, unit_keys)
    agreed = np.zeros(len(unit_keys), dtype=np.int64)
    agreed[row >= 0] = panel_levels[row[row >= 0]]
    width = person.shape[1]
    valid = np.arange(width)[None, :] < sizes[unit_file][:, None]
    diff = grid - agreed[:, None]
    compared = valid & ((grid != 0) | (agreed[:, None] != 0))
    who = person[unit_file][compared]
    d = diff[compared]
    # the panel's own findings on rated items that no member found
    seen = _lookup(unit_keys, panel_keys) >= 0
    pf, pi = panel_keys // n_codes, panel_keys % n_codes
    only = (panel_levels > 0) & ~seen & rated[pf, pi]
    pf, extra = pf[only], panel_levels[only]
    pvalid = np.arange(width)[None, :] < sizes[pf][:, None]
    who = np.concatenate([who, person[pf][pvalid]])
    d = np.concatenate([d, np.broadcast_to(-extra[:, None], pvalid.shape)[pvalid]])
    for member, sums in zip(*_sum_by(who, d), strict=True):
        c.lean[member] = sums


def _sum_by(who: np.ndarray, d: np.ndarray) -> tuple[list[int], list[list[int]]]:
    members, inverse = np.unique(who, return_inverse=True)
    inverse = inverse.reshape(-1)
    n = len(members)
    compared = np.bincount(inverse, minlength=n)
    stricter = np.bincount(inverse, weights=d > 0, minlength=n)
    same = np.bincount(inverse, weights=d == 0, minlength=n)
    lenient = np.bincount(inverse, weights=d < 0, minlength=n)
    total = np.bincount(inverse, weights=d, minlength=n)
    rows = np.column_stack([compared, stricter, same, lenient, total]).astype(np.int64)
    return members.tolist(), rows.tolist()

"""The problem ranking of the statistics (re-exported by stats.py): every checklist item found, by the number
of cases (共性 / 个性), and the dimensions the findings touch — one pass over the counted files' findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, func, literal, select
from sqlalchemy.orm import Session

from reviewapp.services.analysis.filters import Scope, StatsFilter, counted_opinions, dialect, reader_scope
from reviewapp.services.workbench import Workbench
from reviewapp.standards import Standard
from reviewapp.standards.model import item_order
from reviewapp.storage.models import Finding, Review, StandardVersion

SEP = "\x1f"  # joins a file's item codes: the ASCII unit separator, which no item code holds


@dataclass(frozen=True)
class ProblemRow:
    dimension_code: str
    dimension: str
    item: str  # item code
    text: str
    cases: int  # different review files (cases) with the item
    findings: int
    common: bool  # 共性 (cases >= threshold) or 个性
    standard: str = ""  # the standard's code: the same item code in two standards is two items


@dataclass(frozen=True)
class DimensionRow:
    code: str
    name: str
    cases: int
    findings: int


@dataclass(frozen=True)
class ProblemRanking:
    threshold: int
    reviewed: int
    items: tuple[ProblemRow, ...]  # most cases first
    dimensions: tuple[DimensionRow, ...]  # in the standard's order


def standards_of(s: Session, ids: list[int]) -> dict[int, Standard]:
    out: dict[int, Standard] = {}
    for sv in s.scalars(select(StandardVersion).where(StandardVersion.id.in_(ids))):
        out[sv.id] = Standard.from_dict(sv.content, source=f"{sv.code} v{sv.version}")
    return out


def dimension_case(standards: dict[int, Standard]) -> ColumnElement[Any]:
    """SQL giving a finding's dimension code from (standard version, item code): one branch per
    (standard, dimension), so counting distinct cases per dimension stays one GROUP BY."""
    whens = []
    for sid, std in standards.items():
        by_dim: dict[str, list[str]] = {}
        for it in std.items:
            by_dim.setdefault(it.dimension, []).append(it.code)
        whens += [
            (and_(Review.standard_id == sid, Finding.item_code.in_(codes)), literal(dim))
            for dim, codes in by_dim.items()
        ]
    return case(*whens, else_=literal("")) if whens else literal("")


def dimension_of(std: Standard | None) -> Any:
    """A function giving an item code's dimension code under one standard version: the item's dimension; for a
    code the version does not hold, its first letter where every item code starts with its one-letter dimension
    (E7 → E, the shipped standards), else ""."""
    if std is None:
        return lambda code: ""
    known = {it.code: it.dimension for it in std.items}
    by_letter = all(len(it.dimension) == 1 and it.code.startswith(it.dimension) for it in std.items)
    return lambda code: known.get(code, code[:1] if by_letter else "")


@dataclass
class Counts:
    """Per item: (files, findings); per dimension: files — over the files of one standard version."""

    items: dict[str, tuple[int, int]]
    dimensions: dict[str, int]


def _agg(s: Session, column: Any, sep: str) -> Any:
    if dialect(s) == "postgresql":
        return func.string_agg(column, sep)
    return func.group_concat(column, sep)


def _item_lists(s: Session, f: StatsFilter, scope: Scope, sid: int | None) -> ItemLists:
    """The item codes of the version's counted files that have findings, all in one string (SEP between
    codes), and how many codes each file gave. ``review_id IN (the files)`` probes the findings' covering index
    once per file and walks it in file order, so grouping by file needs no sort: one pass over the findings;
    the outer aggregate hands them over as one row, not one Python row per file."""
    files = counted_opinions(f, scope, Review.id).where(Review.standard_id == sid)
    per_file = (
        select(_agg(s, Finding.item_code, SEP).label("codes"), func.count().label("n"))
        .where(Finding.deleted_at.is_(None), Finding.review_id.in_(files))
        .group_by(Finding.review_id)
        .subquery()
    )
    codes, sizes = s.execute(select(_agg(s, per_file.c.codes, SEP), _agg(s, cast(per_file.c.n, String), ","))).one()
    return ItemLists(codes or "", sizes or "")


@dataclass(frozen=True)
class ItemLists:
    codes: str  # every file's item codes, SEP between codes (and between files)
    sizes: str  # the number of codes of each file, comma-separated, in the same order

    @staticmethod
    def of(files: list[tuple[str, ...]]) -> ItemLists:
        """From item codes per file (tests)."""
        return ItemLists(SEP.join(SEP.join(f) for f in files), ",".join(str(len(f)) for f in files))


def count_items(lists: ItemLists, dim_of: Any) -> Counts:
    """Files and findings per item and files per dimension from the files' item lists, counted with numpy
    (a file that lists an item twice counts once for the item and once for its dimension)."""
    import numpy as np

    if not lists.sizes:
        return Counts({}, {})
    tokens = lists.codes.split(SEP)
    sizes = np.array(lists.sizes.split(","), dtype=np.int64)
    codes = sorted(set(tokens))
    index = {c: i for i, c in enumerate(codes)}
    ids = np.fromiter(map(index.__getitem__, tokens), dtype=np.int64, count=len(tokens))
    files = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    findings = np.bincount(ids, minlength=len(codes))
    pairs = files * len(codes) + ids
    if len(pairs) > 1 and not bool(np.all(pairs[1:] > pairs[:-1])):
        pairs = np.unique(pairs)  # a duplicate or an unsorted list: count each (file, item) once
    cases = np.bincount(pairs % len(codes), minlength=len(codes))
    dims = sorted({dim_of(c) for c in codes})
    dim_index = np.array([dims.index(dim_of(c)) for c in codes], dtype=np.int64)
    present = np.zeros(len(sizes) * len(dims), dtype=bool)
    present[files * len(dims) + dim_index[ids]] = True
    per_dim = present.reshape(len(sizes), len(dims)).sum(axis=0)
    return Counts(
        {c: (int(cases[i]), int(findings[i])) for i, c in enumerate(codes)},
        {d: int(per_dim[i]) for i, d in enumerate(dims)},
    )


def problem_ranking(wb: Workbench, f: StatsFilter, common_threshold: int | None = None) -> ProblemRanking:
    """Every checklist item found, ranked by the number of cases it was found in (then findings, then code);
    共性 when found in at least ``common_threshold`` cases (default: the setting notice.common_threshold).
    Dimensions: the files whose findings touch them, and their findings."""
    from reviewapp.services.analysis.settings import common_threshold as setting_threshold

    scope = reader_scope(wb)
    threshold = common_threshold if common_threshold is not None else setting_threshold(wb)
    with wb.db.session() as s:
        standards = standards_of(s, list(s.scalars(select(StandardVersion.id))))  # a handful of versions
        # The files per standard version: which versions to count under, and the number of files.
        per_version: dict[int | None, int] = {
            sid: int(n)
            for sid, n in s.execute(
                counted_opinions(f, scope, Review.standard_id, func.count()).group_by(Review.standard_id)
            )
        }
        pinned_of = {sid: standards.get(sid) if sid is not None else None for sid in per_version}
        counts = {sid: count_items(_item_lists(s, f, scope, sid), dimension_of(pinned_of[sid])) for sid in per_version}
    dim_names: dict[str, str] = {}
    for std in standards.values():
        for d in std.dimensions:
            dim_names.setdefault(d.code, d.name)
    found = (
        pinned_of[sid] for sid in sorted((k for k, c in counts.items() if c.items and k is not None), reverse=True)
    )
    for named in found:  # name dimensions as the standards found say
        for d in named.dimensions if named is not None else ():
            dim_names[d.code] = d.name
    # Keyed by (standard code, item code): versions of one standard share their items, but criminal P3 and
    # civil P3 are different items.
    texts: dict[tuple[str, str], tuple[str, str, str]] = {}  # item → (dimension code, dimension name, text)
    merged: dict[tuple[str, str], list[int]] = {}
    dim_findings: dict[str, int] = {}
    dim_cases: dict[str, int] = {}
    for sid, got in counts.items():
        pinned = pinned_of[sid]
        for code, n in got.dimensions.items():
            dim_cases[code] = dim_cases.get(code, 0) + n  # one version per file: the sums hold
        for item, (n_cases, n_findings) in got.items.items():
            dim_code = ""
            key = (pinned.code if pinned is not None else "", item)
            if pinned is not None:
                try:
                    it = pinned.item(item)
                    dim_code = it.dimension
                    texts.setdefault(key, (it.dimension, dim_names.get(it.dimension, ""), it.text))
                except KeyError:
                    pass
            dim_findings[dim_code] = dim_findings.get(dim_code, 0) + n_findings
            acc = merged.setdefault(key, [0, 0])
            acc[0] += n_cases  # the same item under two standard versions: different cases, so the sums hold
            acc[1] += n_findings
    items = [
        ProblemRow(dim, dim_name, item, text, cases=c, findings=n, common=c >= threshold, standard=std)
        for (std, item), (c, n) in merged.items()
        for dim, dim_name, text in [texts.get((std, item), ("", "", ""))]
    ]
    items.sort(key=lambda r: (-r.cases, -r.findings, item_order(r.item), r.standard))  # E7 before E10
    dims = tuple(
        DimensionRow(code, dim_names[code], dim_cases[code], dim_findings.get(code, 0))
        for code in dim_names
        if dim_cases.get(code)
    )
    return ProblemRanking(threshold, sum(per_version.values()), tuple(items), dims)

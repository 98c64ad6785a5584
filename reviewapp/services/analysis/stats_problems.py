"""The problem ranking of the statistics (re-exported by stats.py): every checklist item found, by the number
of cases (共性 / 个性), and the dimensions the findings touch — two passes over the counted files' findings."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, distinct, func, literal, select
from sqlalchemy.orm import Session

from reviewapp.services.analysis.filters import Scope, StatsFilter, counted_opinions, reader_scope
from reviewapp.services.workbench import Workbench
from reviewapp.standards import Standard
from reviewapp.storage.models import Finding, Review, StandardVersion


@dataclass(frozen=True)
class ProblemRow:
    dimension_code: str
    dimension: str
    item: str  # item code
    text: str
    cases: int  # different review files (cases) with the item
    findings: int
    common: bool  # 共性 (cases >= threshold) or 个性


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


def _dimension_of_item(std: Standard) -> ColumnElement[Any]:
    """SQL giving a finding's dimension code under one standard version: the first letter where every item
    code starts with its one-letter dimension (E7 → E, the shipped standards), else a CASE over its items."""
    if all(len(it.dimension) == 1 and it.code.startswith(it.dimension) for it in std.items):
        return func.substr(Finding.item_code, 1, 1)
    by_dim: dict[str, list[str]] = {}
    for it in std.items:
        by_dim.setdefault(it.dimension, []).append(it.code)
    whens = [(Finding.item_code.in_(codes), literal(dim)) for dim, codes in by_dim.items()]
    return case(*whens, else_=literal("")) if whens else literal("")


def _files_of(f: StatsFilter, scope: Scope, sid: int) -> Any:
    return counted_opinions(f, scope, Review.id).where(Review.standard_id == sid)


def _used_versions(s: Session, f: StatsFilter, scope: Scope) -> list[int]:
    return list(s.scalars(counted_opinions(f, scope, Review.standard_id).distinct()).all())


def _dimension_cases(
    s: Session, f: StatsFilter, scope: Scope, standards: dict[int, Standard], versions: list[int]
) -> tuple[int, dict[str, int]]:
    """(counted files, files per dimension code): per standard version, the findings of ``review_id IN (its
    counted files)`` grouped by their dimension, counting distinct files (one version per file, so the
    counts add up across versions)."""
    reviewed = int(s.execute(counted_opinions(f, scope, func.count())).scalar_one())
    per_code: dict[str, int] = {}
    for sid in versions:
        std = standards.get(sid)
        if std is None:
            continue
        dim = _dimension_of_item(std)
        rows = s.execute(
            select(dim, func.count(distinct(Finding.review_id)))
            .where(Finding.deleted_at.is_(None), Finding.review_id.in_(_files_of(f, scope, sid)))
            .group_by(dim)
        )
        for code, n in rows:
            per_code[code] = per_code.get(code, 0) + int(n)
    return reviewed, per_code


def _items(s: Session, f: StatsFilter, scope: Scope, versions: list[int]) -> list[tuple[int, str, int, int]]:
    """(standard version, item, files, findings) of the counted files' live findings. Per standard version,
    the findings of ``review_id IN (the counted files)``: SQLite probes the findings index once per file from
    the list and sorts only (item, file) pairs — half the cost of joining every finding to its file."""
    out: list[tuple[int, str, int, int]] = []
    for sid in versions:
        files = _files_of(f, scope, sid)
        rows = s.execute(
            select(Finding.item_code, func.count(distinct(Finding.review_id)), func.count())
            .where(Finding.deleted_at.is_(None), Finding.review_id.in_(files))
            .group_by(Finding.item_code)
        )
        out += [(sid, item, files_n, findings_n) for item, files_n, findings_n in rows]
    return out


def problem_ranking(wb: Workbench, f: StatsFilter, common_threshold: int | None = None) -> ProblemRanking:
    """Every checklist item found, ranked by the number of cases it was found in (then findings, then code);
    共性 when found in at least ``common_threshold`` cases (default: the setting notice.common_threshold).
    Dimensions: the files whose findings touch them, and their findings."""
    from reviewapp.services.analysis.settings import common_threshold as setting_threshold

    scope = reader_scope(wb)
    threshold = common_threshold if common_threshold is not None else setting_threshold(wb)
    with wb.db.session() as s:
        standards = standards_of(s, list(s.scalars(select(StandardVersion.id))))  # a handful of versions
        versions = _used_versions(s, f, scope)
    dim_names: dict[str, str] = {}
    for std in standards.values():
        for d in std.dimensions:
            dim_names.setdefault(d.code, d.name)

    def dimensions() -> tuple[int, dict[str, int]]:
        with wb.db.session() as s:
            return _dimension_cases(s, f, scope, standards, versions)

    # The two passes over the findings are independent: the dimensions run on a second connection meanwhile
    # (SQLite and PostgreSQL both read in parallel; the driver releases the GIL while a statement runs).
    with ThreadPoolExecutor(max_workers=1) as pool:
        by_dimension = pool.submit(dimensions)
        with wb.db.session() as s:
            groups = _items(s, f, scope, versions)
        reviewed, dim_cases = by_dimension.result()
    for sid in sorted({g[0] for g in groups}, reverse=True):  # name dimensions as the standards found say
        for d in standards[sid].dimensions if sid in standards else ():
            dim_names[d.code] = d.name
    texts: dict[str, tuple[str, str, str]] = {}  # item → (dimension code, dimension name, text)
    merged: dict[str, list[int]] = {}
    dim_findings: dict[str, int] = {}
    for sid, item, n_cases, n_findings in groups:
        pinned = standards.get(sid)
        dim_code = ""
        if pinned is not None:
            try:
                it = pinned.item(item)
                dim_code = it.dimension
                texts.setdefault(item, (it.dimension, dim_names.get(it.dimension, ""), it.text))
            except KeyError:
                pass
        dim_findings[dim_code] = dim_findings.get(dim_code, 0) + n_findings
        acc = merged.setdefault(item, [0, 0])
        acc[0] += n_cases  # the same item under two standard versions: different cases, so the sums hold
        acc[1] += n_findings
    items = [
        ProblemRow(dim, dim_name, item, text, cases=c, findings=n, common=c >= threshold)
        for item, (c, n) in merged.items()
        for dim, dim_name, text in [texts.get(item, ("", "", ""))]
    ]
    items.sort(key=lambda r: (-r.cases, -r.findings, r.item))
    dims = tuple(
        DimensionRow(code, dim_names[code], dim_cases[code], dim_findings.get(code, 0))
        for code in dim_names
        if dim_cases.get(code)
    )
    return ProblemRanking(threshold, reviewed, tuple(items), dims)

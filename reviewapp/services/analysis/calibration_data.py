"""What reviewer calibration reads: the panels of formed review files, each member's severity per checklist
item, and the panel's reconciled severity per item (calibration.py computes on it).

review-rules.md §2: severities are ordered 司法瑕疵 < 一般司法错误 < 严重司法错误; an item a reviewer did not
find is rated "no problem", the lowest level (0). The write path keeps one live finding per item and review;
should a store hold two, the item is rated at the more severe, whatever order the database returns them in.
Every item of the pinned standard that applies to the case type is rated by every member of the panel. Only
review files whose opinion is formed (domain.review_status.FORMED) are read: by then every member has
submitted and the panel is no longer blind (panel/blind.py); the blind-member check is applied as well so
that no member's findings leak even if that ever changed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, case, literal, select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import FORMED, ReviewKind, ReviewStatus
from reviewapp.services.analysis.filters import Scope, uses_cases, utc_bound
from reviewapp.services.panel.blind import blind_member_ids
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.workbench import Workbench
from reviewapp.standards.model import SEVERITIES
from reviewapp.storage.models import Case, FeedbackAnswer, Finding, Person, Review

NONE_LEVEL = 0
# 0 = no problem found, then the severities in their order (review-rules.md §2).
LEVELS: dict[str, int] = {name: i + 1 for i, name in enumerate(SEVERITIES)}
SCALE: tuple[int, ...] = (NONE_LEVEL, *LEVELS.values())
FORMED_VALUES = tuple(sorted(s.value for s in FORMED))
_CHUNK = 500


def level_of(severity: str | None) -> int:
    return NONE_LEVEL if not severity else LEVELS.get(severity, NONE_LEVEL)


@dataclass(frozen=True)
class ItemInfo:
    code: str
    text: str
    dimension: str


@dataclass
class PanelFile:
    """One formed review file with two or more submitted members."""

    opinion_id: int
    case_id: int
    case_no: str
    members: list[int]  # reviewer person ids, in the order they started
    items: tuple[str, ...]  # the item codes rated on this case (one shared tuple per standard and case type)
    item_set: frozenset[str]
    member_levels: dict[int, dict[str, int]] = field(default_factory=dict)  # person → item → level (found only)
    panel_levels: dict[str, int] = field(default_factory=dict)  # item → reconciled level (found only)

    def level(self, member: int, item: str) -> int:
        return self.member_levels.get(member, {}).get(item, NONE_LEVEL)

    def panel_level(self, item: str) -> int:
        return self.panel_levels.get(item, NONE_LEVEL)


@dataclass
class PanelData:
    files: list[PanelFile]
    items: dict[str, ItemInfo]  # every item rated on some file
    names: dict[int, str]  # reviewer person id → name


Profile = tuple[int, ...]  # how many members gave each level 0..3 to one unit


@dataclass
class Counts:
    """Everything the figures need (calibration.py): profiles per item, pair tables, leniency per member."""

    found: dict[str, Counter[Profile]] = field(default_factory=lambda: defaultdict(Counter))
    found_by_size: Counter[tuple[str, int]] = field(default_factory=Counter)
    rated: Counter[tuple[tuple[str, ...], int]] = field(default_factory=Counter)
    flagged_files: int = 0
    tables: dict[tuple[int, int], Counter[tuple[int, int]]] = field(default_factory=lambda: defaultdict(Counter))
    pair_files: Counter[tuple[int, int]] = field(default_factory=Counter)
    member_files: Counter[int] = field(default_factory=Counter)
    # per member: [compared, stricter, same, lenient, sum of differences]
    lean: dict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0, 0, 0]))


@dataclass
class Counted:
    counts: Counts
    files: int  # panel review files
    items: dict[str, ItemInfo]  # every item rated on some file, in the order the files first rate them
    names: dict[int, str]  # reviewer person id → name


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _opinions_stmt(
    scope: Scope, plan_id: int | None, start: date | None, end: date | None, *columns: Any
) -> Select[Any]:
    """The formed review files in the reader's units, of the plan, formed within [start, end) — as the
    statistics count them (analysis/filters.py). The case is joined only when a column or the reader's units
    need it: a province-wide reader's selection of ids reads the reviews alone."""
    stmt = select(*columns).select_from(Review)
    if scope.units is not None or uses_cases(columns):
        stmt = stmt.join(Case, Case.id == Review.case_id)
    stmt = stmt.where(
        Review.kind == ReviewKind.OPINION.value,
        Review.deleted_at.is_(None),
        Review.status.in_(FORMED_VALUES),
    )
    if scope.units is not None:
        stmt = stmt.where(Case.unit_id.in_(sorted(scope.units)))
    if plan_id is not None:
        stmt = stmt.where(Review.plan_id == plan_id)
    if start is not None:
        stmt = stmt.where(Review.submitted_at >= utc_bound(start))
    if end is not None:
        stmt = stmt.where(Review.submitted_at < utc_bound(end))
    return stmt


def _level_expr() -> Any:
    """The severity's level, computed by the database (no Python call per finding)."""
    return case(LEVELS, value=Finding.severity, else_=NONE_LEVEL)


def formed_findings(
    s: Session, opinions: Sequence[int] | Select[Any], *, reasons: bool = True
) -> dict[int, dict[str, tuple[str, str]]]:
    """opinion id → item → (severity, reason) of the opinion as the panel formed it: its live findings except
    those an upheld objection revised, and the findings an upheld objection tombstoned (the panel's own
    position, before the prosecutor's feedback changed it — review-rules.md §1 steps 7–9). ``opinions``: ids,
    or a SELECT of ids."""
    out: dict[int, dict[str, tuple[str, str]]] = defaultdict(dict)
    reason = Finding.reason if reasons else literal("")
    live = select(Finding.review_id, Finding.item_code, Finding.severity, reason).where(
        Finding.review_id.in_(opinions), Finding.deleted_at.is_(None), Finding.origin != "revised"
    )
    withdrawn = (
        select(Finding.review_id, Finding.item_code, Finding.severity, reason)
        .join(FeedbackAnswer, FeedbackAnswer.finding_id == Finding.id)
        .where(
            Finding.review_id.in_(opinions),
            Finding.deleted_at.is_not(None),
            FeedbackAnswer.ruling == "upheld",
            FeedbackAnswer.deleted_at.is_(None),
        )
    )
    conn = s.connection()
    for stmt in (live, withdrawn):
        for review_id, item, severity, why in conn.execute(stmt.order_by(Finding.id)):
            found = out[review_id]
            # An item found more than once stands at its most severe finding (the later one of equal severity).
            if item not in found or level_of(severity) >= level_of(found[item][0]):
                found[item] = (severity, why or "")
    return out


def submitted_members(selected: Select[Any]) -> tuple[Any, ...]:
    """WHERE conditions of the live, submitted member reviews of the ``selected`` review files."""
    return (
        Review.kind == ReviewKind.MEMBER.value,
        Review.deleted_at.is_(None),
        Review.status == ReviewStatus.SUBMITTED.value,
        Review.file_id.in_(selected),
    )


def rated_items(
    s: Session, standards: dict[int, Any], items: dict[str, ItemInfo], standard_id: int, case_type: str
) -> tuple[str, ...]:
    """The checklist items a file of ``case_type`` is rated on under the pinned standard, in checklist order;
    ``items`` gains their text and dimension, ``standards`` caches the loaded standards."""
    if standard_id not in standards:
        standards[standard_id] = standard_in(s, standard_id)
    standard = standards[standard_id]
    codes = []
    for entry in standard.items_for(case_type):
        codes.append(entry.code)
        if entry.code not in items:
            items[entry.code] = ItemInfo(entry.code, entry.text, standard.dimension(entry.dimension).name)
    return tuple(codes)


def load_panels(
    wb: Workbench,
    scope: Scope,
    *,
    plan_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> PanelData:
    """Set-based reads (one query per kind of row, joined to the selection of review files — no id lists):
    the panels' size is what a year of a province's panels can reach."""
    with wb.db.session() as s:
        conn = s.connection()
        opinions = list(
            conn.execute(
                _opinions_stmt(
                    scope, plan_id, start, end, Review.id, Case.id, Case.dept_case_no, Review.standard_id,
                    Case.case_type,
                ).order_by(Review.submitted_at, Review.id)
            )
        )  # fmt: skip
        selected = _opinions_stmt(scope, plan_id, start, end, Review.id)
        # Formed files are never blind; the check stands so that no member's work can leak if that changed.
        hidden = blind_member_ids(s, wb.user) if opinions else set()
        submitted = submitted_members(selected)
        members: dict[int, list[tuple[int, int]]] = defaultdict(list)  # opinion → [(member review, person)]
        for rid, file_id, person in conn.execute(
            select(Review.id, Review.file_id, Review.reviewer_id).where(*submitted).order_by(Review.id)
        ):
            if rid not in hidden and file_id is not None:
                members[file_id].append((rid, person))
        panels = {oid: ms for oid, ms in members.items() if len(ms) >= 2}
        member_findings: dict[int, dict[str, int]] = defaultdict(dict)
        for rid, item, level in conn.execute(
            select(Finding.review_id, Finding.item_code, _level_expr())
            .join(Review, Review.id == Finding.review_id)
            .where(Finding.deleted_at.is_(None), *submitted)
        ):
            levels = member_findings[rid]
            levels[item] = max(level, levels.get(item, NONE_LEVEL))  # an item found twice: its most severe
        reconciled = formed_findings(s, selected, reasons=False)
        items: dict[str, ItemInfo] = {}
        standards: dict[int, Any] = {}
        rated: dict[tuple[int, str], tuple[tuple[str, ...], frozenset[str]]] = {}
        files = []
        for oid, case_id, case_no, standard_id, case_type in opinions:
            if oid not in panels:
                continue
            if (standard_id, case_type) not in rated:
                codes = rated_items(s, standards, items, standard_id, case_type)
                rated[(standard_id, case_type)] = (codes, frozenset(codes))
            codes_of, code_set = rated[(standard_id, case_type)]
            file = PanelFile(oid, case_id, case_no, [p for _, p in panels[oid]], codes_of, code_set)
            for rid, person in panels[oid]:
                file.member_levels[person] = member_findings.get(rid, {})
            file.panel_levels = {
                code: LEVELS.get(sev, NONE_LEVEL) for code, (sev, _) in reconciled.get(oid, {}).items()
            }
            files.append(file)
        people = sorted({p for f in files for p in f.members})
        names: dict[int, str] = {}
        for chunk in _chunks(people):
            names.update(
                {pid: name for pid, name in s.execute(select(Person.id, Person.name).where(Person.id.in_(chunk)))}
            )
    return PanelData(files, items, names)

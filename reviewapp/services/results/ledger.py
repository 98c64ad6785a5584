"""Results of submitted reviews: the review ledger (评查台账), the problem ranking, and the per-case snapshot
the notices and reports are built from (review-rules §6).

A case's result is its opinion (评查意见, the review file formed from the panel members' reviews) once it is
formed — sent to the prosecutor or for determination (review_status.FORMED); notices take determined
opinions only (NOTICEABLE). A later round replaces the earlier opinion. Item texts and dimension names come
from the standard version the review is pinned to, so a newer standard never rewrites an old result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import FORMED, ReviewKind, ReviewStatus
from reviewapp.exports.ledger_xlsx import LedgerRow, ProblemRank
from reviewapp.legal.local_time import local_date
from reviewapp.services.cases.list_columns import card_columns
from reviewapp.services.results.settings import NoticeConfig, load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.standards import SEVERITY_ALIASES, Standard
from reviewapp.standards.model import item_order
from reviewapp.storage.models import (
    Case,
    DossierDocument,
    Finding,
    FindingEvidence,
    Notice,
    NoticeCase,
    Person,
    Review,
    StandardVersion,
    Unit,
)

COMMON = "共性"  # recurring across cases (review-rules §6, statistics)
INDIVIDUAL = "个性"
_CHUNK = 900  # SQLite's bound-parameter limit is 999 on older builds


@dataclass(frozen=True)
class ProblemRecord:
    """One finding, with the texts of its pinned standard and where the dossier shows it."""

    standard_code: str
    dimension_code: str
    dimension: str
    item_code: str
    item_text: str
    severity: str
    reason: str
    citation: str  # "起诉书 第3页；讯问笔录 第2页"


@dataclass(frozen=True)
class ReviewedCase:
    case_id: int
    review_id: int
    dept_case_no: str
    case_name: str
    case_type: str
    unit: str
    department: str
    department_id: int
    prosecutor: str
    prosecutor_id: int
    reviewer: str
    reviewer_unit: str
    review_type: str
    review_no: str  # 评查受案号
    status: str  # the opinion's status (domain.review_status)
    proposed_grade: str | None
    final_grade: str | None
    started_on: date
    submitted_on: date
    determined_on: date | None
    standard_id: int
    problems: tuple[ProblemRecord, ...]

    @property
    def grade(self) -> str:
        """The determined grade, else the proposal (what the notice and the ledger print)."""
        return self.final_grade or self.proposed_grade or ""


def review_number(review_code: str, review: Review) -> str:
    """评查受案号 "<代字>〔<year>〕<review id>号": reviews carry no number column of their own yet."""
    at = local_date(review.submitted_at or review.created_at)
    return f"{review_code}〔{at.year}〕{review.id}号"


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield list(ids[start : start + _CHUNK])


def pinned_standards(session: Session, ids: Iterable[int]) -> dict[int, Standard]:
    """The parsed standard of each StandardVersion id (parsed once per call, not once per case)."""
    wanted = sorted(set(ids))
    out: dict[int, Standard] = {}
    for chunk in _chunks(wanted):
        for sv in session.scalars(select(StandardVersion).where(StandardVersion.id.in_(chunk))):
            out[sv.id] = Standard.from_dict(sv.content, source=f"{sv.code} v{sv.version}")
    return out


def latest_opinions(
    session: Session, case_ids: Sequence[int] | None, statuses: frozenset[ReviewStatus]
) -> dict[int, Review]:
    """case id → its latest opinion in one of ``statuses`` (None: every case)."""
    stmt = (
        select(Review)
        .where(Review.kind == ReviewKind.OPINION.value, Review.deleted_at.is_(None))
        .where(Review.status.in_(sorted(s.value for s in statuses)))
        .order_by(Review.round, Review.submitted_at, Review.id)
    )
    latest: dict[int, Review] = {}
    batches = [stmt] if case_ids is None else [stmt.where(Review.case_id.in_(c)) for c in _chunks(case_ids)]
    for batch in batches:
        for review in session.scalars(batch):
            latest[review.case_id] = review  # ordered by time: the last one wins
    return latest


def _citations(session: Session, finding_ids: Sequence[int]) -> dict[int, str]:
    parts: dict[int, list[str]] = {}
    for chunk in _chunks(finding_ids):
        stmt = (
            select(FindingEvidence.finding_id, DossierDocument.title, FindingEvidence.page)
            .join(DossierDocument, DossierDocument.id == FindingEvidence.document_id)
            .where(FindingEvidence.finding_id.in_(chunk), FindingEvidence.deleted_at.is_(None))
            .order_by(FindingEvidence.id)
        )
        for finding_id, title, page in session.execute(stmt):
            parts.setdefault(finding_id, []).append(f"{title} 第{page}页")
    return {k: "；".join(v) for k, v in parts.items()}


def _problems(session: Session, reviews: Sequence[Review], standards: dict[int, Standard]) -> dict[int, list]:
    """review id → its ProblemRecords in checklist order (dimension order, then item order)."""
    by_review: dict[int, list[Finding]] = {}
    for chunk in _chunks([r.id for r in reviews]):
        live = select(Finding).where(Finding.review_id.in_(chunk), Finding.deleted_at.is_(None))
        for f in session.scalars(live.order_by(Finding.id)):
            by_review.setdefault(f.review_id, []).append(f)
    citations = _citations(session, [f.id for fs in by_review.values() for f in fs])
    out: dict[int, list] = {}
    for review in reviews:
        std = standards[review.standard_id]
        dim_order = {d.code: i for i, d in enumerate(std.dimensions)}
        item_order = {it.code: i for i, it in enumerate(std.items)}
        records: list[tuple[tuple[int, int], ProblemRecord]] = []
        for f in by_review.get(review.id, []):
            try:
                item = std.item(f.item_code)
                dim_code, text = item.dimension, item.text
                dim_name = std.dimension(dim_code).name
            except KeyError:  # an item the pinned standard lacks: keep the finding, not its texts
                dim_code, dim_name, text = "", "", ""
            severity = SEVERITY_ALIASES.get(f.severity, f.severity)
            rec = ProblemRecord(
                std.code, dim_code, dim_name, f.item_code, text, severity, f.reason or "", citations.get(f.id, "")
            )
            records.append(((dim_order.get(dim_code, len(dim_order)), item_order.get(f.item_code, 0)), rec))
        out[review.id] = [rec for _, rec in sorted(records, key=lambda r: r[0])]
    return out


def local_day(value: datetime | None) -> date | None:
    """The local calendar day of a stored (UTC) time: a determination at 07:30 Beijing time on 1 January is
    dated 1 January, as the individual report prints it, not the UTC day before."""
    return local_date(value) if value is not None else None


def load_reviewed_cases(
    session: Session,
    case_ids: Sequence[int] | None,
    config: NoticeConfig,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    statuses: frozenset[ReviewStatus] = FORMED,
) -> dict[int, ReviewedCase]:
    """case id → the result of its opinion in one of ``statuses`` (default: formed); cases without one are
    absent. ``date_from``/``date_to`` (inclusive) filter on the local day the opinion was formed, the day
    the statistics put it in a period by (analysis/filters.py)."""
    reviews = latest_opinions(session, case_ids, statuses)
    if date_from is not None or date_to is not None:
        reviews = {
            cid: r
            for cid, r in reviews.items()
            if r.submitted_at is not None
            and (date_from is None or local_date(r.submitted_at) >= date_from)
            and (date_to is None or local_date(r.submitted_at) <= date_to)
        }
    if not reviews:
        return {}
    standards = pinned_standards(session, (r.standard_id for r in reviews.values()))
    problems = _problems(session, list(reviews.values()), standards)
    cases: dict[int, tuple] = {}
    for chunk in _chunks(sorted(reviews)):
        # The list row's card columns (id, number, name, type, unit, department, prosecutor, …), then the ids
        # of the department and prosecutor (indexes 10 and 11).
        stmt = card_columns(Case.department_id, Case.prosecutor_id).where(Case.id.in_(chunk))
        cases.update({r[0]: tuple(r) for r in session.execute(stmt)})
    panels = _panel_members(session, [r.id for r in reviews.values()])
    reviewer_ids = sorted({r.reviewer_id for r in reviews.values()} | {p for ps in panels.values() for p in ps})
    reviewers: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(reviewer_ids):
        people = (
            select(Person.id, Person.name, Unit.name)
            .outerjoin(Unit, Unit.id == Person.unit_id)
            .where(Person.id.in_(chunk))
        )
        reviewers.update({pid: (name, unit or config.procuratorate) for pid, name, unit in session.execute(people)})
    out: dict[int, ReviewedCase] = {}
    for cid, r in reviews.items():
        c = cases[cid]
        reviewer, reviewer_unit = reviewers.get(r.reviewer_id, ("", config.procuratorate))
        if len(panels.get(r.id, ())) > 1:  # a panel: every member, the first (主评查员) first
            reviewer = "、".join(reviewers.get(p, ("", ""))[0] for p in panels[r.id])
        submitted = r.submitted_at or r.updated_at
        out[cid] = ReviewedCase(
            case_id=cid,
            review_id=r.id,
            dept_case_no=c[1],
            case_name=c[2],
            case_type=c[3],
            unit=c[4],
            department=c[5],
            department_id=c[10],
            prosecutor=c[6],
            prosecutor_id=c[11],
            reviewer=reviewer,
            reviewer_unit=reviewer_unit,
            review_type=r.review_type,
            review_no=r.file_no or review_number(config.review_code, r),
            status=r.status,
            proposed_grade=r.proposed_grade,
            final_grade=r.final_grade,
            started_on=local_date(r.created_at),
            submitted_on=local_date(submitted),
            determined_on=local_day(r.determined_on),
            standard_id=r.standard_id,
            problems=tuple(problems[r.id]),
        )
    return out


def _panel_members(session: Session, opinion_ids: Sequence[int]) -> dict[int, list[int]]:
    """opinion id → the reviewer ids of its member reviews, in the order they started."""
    out: dict[int, list[int]] = {}
    for chunk in _chunks(opinion_ids):
        stmt = (
            select(Review.file_id, Review.reviewer_id)
            .where(Review.file_id.in_(chunk), Review.kind == ReviewKind.MEMBER.value, Review.deleted_at.is_(None))
            .order_by(Review.id)
        )
        for file_id, reviewer_id in session.execute(stmt):
            if file_id is not None:  # the query selects members of these opinions only
                out.setdefault(file_id, []).append(reviewer_id)
    return out


def _current_notices(session: Session, case_ids: Sequence[int]) -> dict[int, tuple[str, date]]:
    """case id → (number, reply deadline) of the newest notice version covering it."""
    out: dict[int, tuple[str, date]] = {}
    for chunk in _chunks(case_ids):
        stmt = (
            select(NoticeCase.case_id, Notice.number, Notice.reply_deadline)
            .join(Notice, Notice.id == NoticeCase.notice_id)
            .where(NoticeCase.case_id.in_(chunk), Notice.superseded_by_id.is_(None))
            .order_by(Notice.issued_on, Notice.id)
        )
        for cid, number, deadline in session.execute(stmt):
            out[cid] = (number, deadline)
    return out


def problems_summary(problems: Sequence[ProblemRecord]) -> str:
    """评查发现问题 in one cell: "E8 非法证据未排除（一般司法错误）；…", or 未发现问题."""
    if not problems:
        return "未发现问题"
    return "；".join(f"{p.item_code} {p.item_text}（{p.severity}）" for p in problems)


def conclusion(grade: str) -> str:
    """评查结论 as the appendix words it: 合格 → 合格案件."""
    if not grade:
        return ""
    return grade if grade.endswith("案件") else grade + "案件"


def ledger_rows(
    wb: Workbench, date_from: date | None = None, date_to: date | None = None, *, config: NoticeConfig | None = None
) -> list[LedgerRow]:
    """One row per reviewed case (its latest submitted review), submitted within the dates (inclusive),
    ordered by submission date then case number."""
    cfg = config or load_notice_config(wb)
    with wb.db.session() as s:
        reviewed = load_reviewed_cases(s, None, cfg, date_from=date_from, date_to=date_to)
        notices = _current_notices(s, sorted(reviewed))
    ordered = sorted(reviewed.values(), key=lambda r: (r.submitted_on, r.dept_case_no))
    rows: list[LedgerRow] = []
    for seq, r in enumerate(ordered, start=1):
        number, deadline = notices.get(r.case_id, ("", None))
        rows.append(
            LedgerRow(
                seq=seq,
                dept_case_no=r.dept_case_no,
                unit=r.unit,
                department=r.department,
                case_name=r.case_name,
                case_type=r.case_type,
                prosecutor=r.prosecutor,
                reviewer=r.reviewer,
                review_unit=r.reviewer_unit,
                review_type=r.review_type,
                conclusion=conclusion(r.grade),
                problems_text=problems_summary(r.problems),
                problem_count=len(r.problems),
                proposed_grade=r.proposed_grade or "",
                grade=r.grade,
                started_on=r.started_on,
                submitted_on=r.submitted_on,
                determined_on=r.determined_on,
                notice_number=number,
                reply_deadline=deadline,
            )
        )
    return rows


def rank_problems(reviewed: Iterable[ReviewedCase], threshold: int) -> list[ProblemRank]:
    """Per checklist item (of its standard): cases and findings; 共性 when found in ≥ ``threshold`` cases."""
    cases: dict[tuple[str, str], set[str]] = {}
    findings: Counter[tuple[str, str]] = Counter()
    severities: dict[tuple[str, str], Counter[str]] = {}
    first: dict[tuple[str, str], ProblemRecord] = {}
    for rc in reviewed:
        for p in rc.problems:
            key = (p.standard_code, p.item_code)
            cases.setdefault(key, set()).add(rc.dept_case_no)
            findings[key] += 1
            severities.setdefault(key, Counter())[p.severity] += 1
            first.setdefault(key, p)
    keys = sorted(cases, key=lambda k: (-len(cases[k]), k[0], item_order(k[1])))
    out: list[ProblemRank] = []
    for rank, key in enumerate(keys, start=1):
        p = first[key]
        n = len(cases[key])
        out.append(
            ProblemRank(
                rank=rank,
                standard_code=key[0],
                dimension=p.dimension,
                item_code=p.item_code,
                item_text=p.item_text,
                cases=n,
                findings=findings[key],
                kind=COMMON if n >= threshold else INDIVIDUAL,
                severities="；".join(f"{sev}×{k}" for sev, k in severities[key].most_common()),
                dept_case_nos=tuple(sorted(cases[key])),
            )
        )
    return out


def problem_ranking(
    wb: Workbench,
    threshold: int | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    config: NoticeConfig | None = None,
) -> list[ProblemRank]:
    """The problem list (问题清单) over the latest submitted review of every case; ``threshold`` defaults
    to the configured 共性 threshold."""
    cfg = config or load_notice_config(wb)
    with wb.db.session() as s:
        reviewed = load_reviewed_cases(s, None, cfg, date_from=date_from, date_to=date_to)
    return rank_problems(reviewed.values(), threshold if threshold is not None else cfg.common_threshold)

"""Reviewed cases in a database for notice, report and ledger tests, written straight through the models
(``unchecked_session``: a fixture building stored states by hand, not a mutation): an organisation, a pinned
shipped standard, closed cases with dossier documents, and submitted reviews with findings and evidence.

    wb = open_workbench(tmp_path)
    ids = seed_reviewed_cases(wb, 5)                    # 5 cases, each with a submitted review
    ids = seed_reviewed_cases(wb, 2, first=6, submitted=False)   # draft reviews only
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import ReviewStatus
from reviewapp.services.workbench import Workbench
from reviewapp.standards import Standard, load_shipped_standards
from reviewapp.storage.models import (
    Case,
    Department,
    DossierDocument,
    Finding,
    FindingEvidence,
    Person,
    Review,
    StandardVersion,
    Unit,
)

T = TypeVar("T")
UNIT = "北京市朝阳区人民检察院"
DEPARTMENTS = ("第一检察部", "第二检察部")
PROSECUTORS = ("张明", "李华", "王芳")  # prosecutor k works in DEPARTMENTS[k % 2]
REVIEWER = "赵评查"
CASE_TYPE = "审查起诉"
# (item code, severity, reason, document, page): a case n gets the first n % 4 of these.
FINDINGS: tuple[tuple[str, str, str, str, int], ...] = (
    ("P3", "司法瑕疵", "受理后第五日方告知犯罪嫌疑人有权委托辩护人", "权利义务告知书", 2),
    ("D5", "司法瑕疵", "起诉书落款日期遗漏", "起诉书", 3),
    ("E7", "一般司法错误", "扣押清单无见证人签名且未补正", "扣押清单", 1),
)


def shipped_standard() -> Standard:
    return next(s for s in load_shipped_standards() if CASE_TYPE in s.case_types)


def _one(s: Session, model: type[T], **where: object) -> T:
    row: T | None = s.scalars(select(model).filter_by(**where)).first()
    if row is None:
        row = model(**where)
        s.add(row)
        s.flush()
    return row


def _org(s: Session) -> tuple[Unit, list[Department], list[Person], Person, StandardVersion]:
    unit = _one(s, Unit, name=UNIT)
    depts = [_one(s, Department, unit_id=unit.id, name=n) for n in DEPARTMENTS]
    people = [
        _one(s, Person, name=n, unit_id=unit.id, department_id=depts[k % 2].id, is_prosecutor=True)
        for k, n in enumerate(PROSECUTORS)
    ]
    reviewer = _one(s, Person, name=REVIEWER, unit_id=unit.id, is_reviewer=True)
    std = shipped_standard()
    sv = s.scalars(select(StandardVersion).filter_by(code=std.code, version=std.version)).first()
    if sv is None:
        sv = StandardVersion(
            code=std.code,
            version=std.version,
            name=std.name,
            fingerprint=std.content_fingerprint(),
            content=std.to_dict(),
        )
        s.add(sv)
        s.flush()
    return unit, depts, people, reviewer, sv


def dept_case_no(n: int) -> str:
    return f"京朝检刑诉受〔2025〕{n}号"


def seed_reviewed_cases(
    wb: Workbench,
    count: int,
    *,
    first: int = 1,
    submitted: bool = True,
    review: bool = True,
    submitted_on: date = date(2026, 3, 2),
    findings: Sequence[int] | None = None,
) -> list[int]:
    """Cases ``first`` … ``first + count - 1``; case n is handled by PROSECUTORS[n % 3], has n % 4 of the
    FINDINGS (or ``findings[i]`` of them) and a review submitted on ``submitted_on`` (+ n % 5 days); with
    ``review=False`` the cases have no review at all."""
    ids: list[int] = []
    with wb.db.unchecked_session() as s:
        unit, _depts, people, reviewer, sv = _org(s)
        for i, n in enumerate(range(first, first + count)):
            pros = people[n % len(people)]
            case = Case(
                dept_case_no=dept_case_no(n),
                name=f"被告人{n}号盗窃案",
                case_type=CASE_TYPE,
                unit_id=unit.id,
                department_id=pros.department_id,
                prosecutor_id=pros.id,
                transferred_charge="盗窃罪",
                found_charge="盗窃罪",
                accepted_on=date(2025, 10, 1),
                closed_on=date(2025, 11, 1),
                disposition="起诉",
                summary=f"被告人{n}号于2025年8月在朝阳区盗窃财物。",
                card_hash=f"h{n}",
            )
            s.add(case)
            s.flush()
            docs: dict[str, int] = {}
            for title in dict.fromkeys(f[3] for f in FINDINGS):
                doc = DossierDocument(
                    case_id=case.id,
                    title=title,
                    original_name=f"{title}.pdf",
                    stored_path=f"x/{n}/{title}.pdf",
                    sha256="0" * 64,
                    size=1,
                )
                s.add(doc)
                s.flush()
                docs[title] = doc.id
            if not review:  # a closed case waiting for its review
                ids.append(case.id)
                continue
            chosen = FINDINGS[: (findings[i] if findings is not None else n % 4)]
            severities = {f[1] for f in chosen}
            grade = "不合格" if "一般司法错误" in severities else "基本合格" if chosen else "合格"
            at = datetime.combine(submitted_on + timedelta(days=n % 5), datetime.min.time()).replace(hour=10)
            row = Review(
                case_id=case.id,
                reviewer_id=reviewer.id,
                review_type="常规抽查",
                standard_id=sv.id,
                scheme_id="2026",
                status=ReviewStatus.SUBMITTED if submitted else ReviewStatus.DRAFT,
                proposed_grade=grade,
                final_grade=grade if submitted else None,  # as submit_review stores the chosen grade
                proposal_explanation=f"{grade}：依据评查标准等次规则。",
                created_at=at - timedelta(days=3),
                submitted_at=at if submitted else None,
                determined_on=at + timedelta(days=1) if submitted else None,
            )
            # The review file: determined when the review is submitted (as after the whole process), in
            # review while the member review is a draft.
            opinion = Review(
                case_id=case.id,
                reviewer_id=reviewer.id,
                kind="opinion",
                review_type="常规抽查",
                standard_id=sv.id,
                scheme_id="2026",
                status=ReviewStatus.DETERMINED if submitted else ReviewStatus.IN_REVIEW,
                proposed_grade=grade if submitted else None,
                final_grade=grade if submitted else None,
                proposal_explanation=f"{grade}：依据评查标准等次规则。" if submitted else "",
                created_at=at - timedelta(days=3),
                submitted_at=at if submitted else None,
                determined_on=at + timedelta(days=1) if submitted else None,
                # No stored number: results print "<configured 代字>〔<year>〕<id>号", as for files made
                # before numbers were stored.
            )
            s.add(opinion)
            s.flush()
            row.file_id = opinion.id
            s.add(row)
            s.flush()
            for review_id in (row.id, opinion.id) if submitted else (row.id,):
                for code, severity, reason, title, page in chosen:
                    f = Finding(review_id=review_id, item_code=code, severity=severity, reason=reason)
                    s.add(f)
                    s.flush()
                    s.add(FindingEvidence(finding_id=f.id, document_id=docs[title], page=page))
            ids.append(case.id)
    return ids


def issue_in_process(
    db: str, case_ids: list[int], out_dir: str, batch: int, issued_on: date, user: str = "测试评查员"
) -> tuple[list[str], float, float]:
    """Process entry point for the concurrency test: issue notices for ``case_ids`` in small batches; returns
    the numbers issued and when this process started and finished issuing (wall-clock seconds). ``user``
    names an account the test made beforehand (open_workbench's, by default)."""
    import time

    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.results.notices import issue_notices
    from tests.accounts_fixtures import PASSWORD, login_for

    wb = Workbench.open(db)
    try:
        log_in(wb, login_for(user), PASSWORD)
        numbers: list[str] = []
        started = time.time()
        for start in range(0, len(case_ids), batch):
            issued = issue_notices(wb, case_ids[start : start + batch], out_dir=Path(out_dir), issued_on=issued_on)
            numbers += [n.number for n in issued]
        return numbers, started, time.time()
    finally:
        wb.close()

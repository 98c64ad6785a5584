"""The case review report (个案评查报告, review-rules §6): its six parts built from the case and its review."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.audit_chain import GENESIS
from reviewapp.domain.roles import Action
from reviewapp.exports import RegisteredFonts, ReportData, ReportDimension, cn_date, register_fonts, write_report_pdf
from reviewapp.exports.documents import audit_mark, sentence
from reviewapp.services.results.ledger import ReviewedCase, pinned_standards
from reviewapp.services.results.notice_content import reviewed_cases
from reviewapp.services.results.settings import NoticeConfig, load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import AuditHead, Case, DossierDocument, Review, StandardVersion


def _report_data(s: Session, rc: ReviewedCase, config: NoticeConfig) -> ReportData:
    case = s.get(Case, rc.case_id)
    review = s.get(Review, rc.review_id)
    sv = s.get(StandardVersion, rc.standard_id)
    assert case is not None and review is not None and sv is not None  # rows of a loaded ReviewedCase
    std = pinned_standards(s, [sv.id])[sv.id]
    titles = list(
        s.scalars(select(DossierDocument.title).where(DossierDocument.case_id == case.id).order_by(DossierDocument.id))
    )
    # Official document text: Chinese template wording, as in the PDF writers.
    facts = [
        f"{rc.case_name}（部门受案号{rc.dept_case_no}），案件类别{rc.case_type}，由{rc.unit}{rc.department}"
        f"{rc.prosecutor}承办"
    ]
    card = [
        ("移送案由", case.transferred_charge),
        ("认定罪名", case.found_charge),
        ("受理日期", cn_date(case.accepted_on)),
        ("办结日期", cn_date(case.closed_on) if case.closed_on else None),
        ("审结处理结果", case.disposition),
    ]
    facts.append("；".join(f"{label}：{value}" for label, value in card if value))
    if case.summary:
        facts.append("案情摘要：" + case.summary)
    work = [
        f"本案为{rc.review_type}案件，评查员{rc.reviewer}依据《{std.name}》（第{sv.version}版）进行评查，"
        f"于{cn_date(rc.started_on)}开始，{cn_date(rc.submitted_on)}提交评查意见"
    ]
    if titles:
        shown = "、".join(titles[:30]) + ("等" if len(titles) > 30 else "")
        work.append(f"审阅电子卷宗文书{len(titles)}份：{shown}")
    else:
        work.append("本案未附电子卷宗文书，依据案卡信息进行评查")
    dims = [
        ReportDimension(
            d.name,
            [
                f"{p.item_code} {p.item_text}（{p.severity}）"
                + (f"：{sentence(p.reason)}" if p.reason else "")
                + (f"卷宗位置：{p.citation}" if p.citation else "")
                for p in rc.problems
                if p.dimension_code == d.code
            ],
        )
        for d in std.dimensions
    ]
    basis = [line for line in review.proposal_explanation.splitlines() if line.strip()]
    if review.final_grade and review.final_grade != review.proposed_grade:
        basis.append(
            f"评查员将等次建议由{review.proposed_grade or '（无）'}调整为{review.final_grade}，"
            f"理由：{review.override_reason}"
        )
    other = [f"优质案件理由：{review.excellence_justification}"] if review.excellence_justification else []
    return ReportData(
        procuratorate=config.procuratorate,
        review_no=rc.review_no,
        case_name=rc.case_name,
        handling_unit=rc.unit,
        handling_department=rc.department,
        prosecutor=rc.prosecutor,
        review_type=rc.review_type,
        basic_facts=facts,
        review_work=work,
        dimensions=dims,
        joint_meeting=[],
        grade_proposal=rc.grade,
        grade_basis=basis,
        other=other,
        reviewer=rc.reviewer,
        signed_on=rc.submitted_on,
    )


def _head(s: Session) -> tuple[int, str]:
    head = s.get(AuditHead, 1)
    return (head.seq, head.hash) if head is not None else (0, GENESIS)


def case_report(
    wb: Workbench,
    case_id: int,
    path: Path,
    *,
    config: NoticeConfig | None = None,
    fonts: RegisteredFonts | None = None,
) -> Path:
    """Write the case review report of the case's latest submitted review to ``path`` (atomically).

    Rendered before the "report.export" operation with the audit chain head of that moment in its footer;
    the operation re-reads content and head under the lock and renders again inside it only if a write
    landed in between (one report: a short hold). The file is renamed into place after the commit."""
    wb.permissions.require_any(wb.user, Action.EXPORT_RESULTS)
    cfg = config or load_notice_config(wb)
    fonts = fonts or register_fonts()
    with wb.db.session() as s:
        data = _report_data(s, reviewed_cases(s, [case_id], cfg)[0], cfg)
        head = _head(s)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        write_report_pdf(dataclasses.replace(data, audit_mark=audit_mark(*head)), tmp, fonts)
        _record_report(wb, case_id, path, tmp, data, head, cfg, fonts)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


@mutation("report.export", Action.EXPORT_RESULTS)
def _record_report(
    o: Op,
    case_id: int,
    path: Path,
    tmp: Path,
    data: ReportData,
    head: tuple[int, str],
    cfg: NoticeConfig,
    fonts: RegisteredFonts,
) -> None:
    s = o.session
    o.require(Action.EXPORT_RESULTS, case_id=case_id)
    fresh = _report_data(s, reviewed_cases(s, [case_id], cfg)[0], cfg)
    now = _head(s)
    if fresh != data or now != head:
        write_report_pdf(dataclasses.replace(fresh, audit_mark=audit_mark(*now)), tmp, fonts)
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
    o.audit(
        "case", case_id, case_id=case_id, file=str(path.resolve()), sha256=digest, audit_seq=now[0], audit_hash=now[1]
    )

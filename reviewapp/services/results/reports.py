"""The case review report (个案评查报告, review-rules §6): its six parts built from the case and its review."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.audit_chain import GENESIS
from reviewapp.domain.grading_explain import without_rule_ids
from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.exports import RegisteredFonts, ReportData, ReportDimension, cn_date, register_fonts, write_report_pdf
from reviewapp.exports.documents import audit_mark, sentence
from reviewapp.exports.docx import is_docx, write_report_docx
from reviewapp.i18n import translate
from reviewapp.services.panel.lookback import lookback_in
from reviewapp.services.results.ledger import ReviewedCase, load_reviewed_cases, pinned_standards
from reviewapp.services.results.report_parts import file_parts
from reviewapp.services.results.setting_specs import LOOKBACK_MONTHS, setting_in
from reviewapp.services.results.settings import NoticeConfig, load_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import AuditHead, Case, DossierDocument, Review, StandardVersion

# A space between two Chinese characters is a stray from a template join (e.g. "未排除 为"), never meant.
_CJK = "[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]"
_CJK_SPACE = re.compile(f"(?<={_CJK}) +(?={_CJK})")


def _tidy(text: str) -> str:
    return _CJK_SPACE.sub("", text)


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
    parts = file_parts(s, review, rc.prosecutor)  # the panel, the hearing, the meeting, the determination
    work += parts.panel
    if titles:
        shown = "、".join(titles[:30]) + ("等" if len(titles) > 30 else "")
        work.append(f"审阅电子卷宗文书{len(titles)}份：{shown}")
    else:
        work.append("本案未附电子卷宗文书，依据案卡信息进行评查")
    work += parts.hearing
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
    # 评定等次 (the grade decided) first, then why: the proposal's explanation without rule ids.
    basis = [f"评定等次：{rc.grade}" if rc.grade else "评定等次：尚未评定"]
    basis += [_tidy(without_rule_ids(line)) for line in review.proposal_explanation.splitlines() if line.strip()]
    if review.final_grade and review.final_grade != review.proposed_grade:
        basis.append(
            f"评查员将等次建议由{review.proposed_grade or '（无）'}调整为{review.final_grade}，"
            f"理由：{review.override_reason}"
        )
    basis += parts.determination
    other = [f"优质案件理由：{review.excellence_justification}"] if review.excellence_justification else []
    other += _lookback_lines(s, review)
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
        joint_meeting=parts.meeting,
        grade_proposal=review.proposed_grade or rc.grade,
        grade_basis=basis,
        other=other,
        reviewer=parts.reviewers or rc.reviewer,
        signed_on=parts.signed_on or rc.submitted_on,
        determination=parts.signature,
    )


def _lookback_lines(s: Session, opinion: Review) -> list[str]:
    """回头看: items of this opinion already noticed to the same prosecutor on another case within
    ``rectification.lookback_months`` (the repeat is the point of the look back)."""
    if opinion.kind != "opinion":
        return []
    months = int(setting_in(s, LOOKBACK_MONTHS))
    return [
        f"回头看：承办人{f.prosecutor}在案件{f.earlier_case}中已因{f.item_code}项问题收到整改通知书"
        f"（{f.earlier_notice}，{f.earlier_issued_on.year}年{f.earlier_issued_on.month}月{f.earlier_issued_on.day}日），"
        "本案再次出现。"
        for f in lookback_in(s, opinion, date.today(), months)
    ]


class ReportRefused(KnownError):
    """No report can be written for the case (message for the user)."""


def _reviewed_case(s: Session, case_id: int, cfg: NoticeConfig) -> ReviewedCase:
    found = load_reviewed_cases(s, [case_id], cfg).get(case_id)
    if found is None:
        number = s.scalar(select(Case.dept_case_no).where(Case.id == case_id)) or f"#{case_id}"
        raise ReportRefused(
            translate(
                "Reports",
                "No review report for case {case} yet: the report is written from a submitted review, and this "
                "case has none.",
            ).format(case=number)
        )
    return found


def _head(s: Session) -> tuple[int, str]:
    head = s.get(AuditHead, 1)
    return (head.seq, head.hash) if head is not None else (0, GENESIS)


def _writer(path: Path) -> Callable[[ReportData, Path, RegisteredFonts], int]:
    """The Word version when the file name ends in .docx (offices edit it before printing), else the PDF."""
    if is_docx(path):
        return write_report_docx
    return write_report_pdf


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
        data = _report_data(s, _reviewed_case(s, case_id, cfg), cfg)
        head = _head(s)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        _writer(path)(dataclasses.replace(data, audit_mark=audit_mark(*head)), tmp, fonts)
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
    fresh = _report_data(s, _reviewed_case(s, case_id, cfg), cfg)
    now = _head(s)
    if fresh != data or now != head:
        _writer(path)(dataclasses.replace(fresh, audit_mark=audit_mark(*now)), tmp, fonts)
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()
    o.audit(
        "case", case_id, case_id=case_id, file=str(path.resolve()), sha256=digest, audit_seq=now[0], audit_hash=now[1]
    )

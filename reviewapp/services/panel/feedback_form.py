"""The offline feedback form: the opinion exported as Excel (to fill in) and PDF (to print and answer on
paper) for a handling prosecutor working away from the app, and the filled workbook imported back as their
answer (channel ``form``).

    export_feedback_form(wb, opinion_id, path) -> FeedbackFormFiles   "feedback_form.export"
    import_feedback_form(wb, path) -> str (accepted | objected)       "feedback_form.import"

Both are audited. The export is for whoever may read the opinion (the prosecutor of the case, 案管, readers
of reviews in scope) while it awaits feedback. The import is the prosecutor's own act (ANSWER_FEEDBACK on
their case) or 案管 entering a form that came back (RECORD_REPLIES). The whole form is one answer: any bad
row refuses it, listing file, sheet, row, column and reason, and nothing is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.errors import KnownError
from reviewapp.exports.feedback_form import (
    ANSWER_SHEET,
    COVER_SHEET,
    FILLED,
    FormCover,
    FormRow,
    FormUnreadable,
    ReadReject,
    read_feedback_xlsx,
    write_feedback_pdf,
    write_feedback_xlsx,
)
from reviewapp.i18n import translate
from reviewapp.services.panel.feedback import Answer, _require_sheet_reader, answer_in, sheet_in
from reviewapp.services.panel.steps import ProcessError, case_of, handled_by, load_opinion
from reviewapp.services.results.settings import notice_config_in
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import Review


class FeedbackFormError(KnownError, ValueError):
    """The feedback form cannot be used; the message lists every problem (file, sheet, row, column)."""


@dataclass(frozen=True)
class FeedbackFormFiles:
    xlsx: Path
    pdf: Path


@mutation("feedback_form.export", None)
def export_feedback_form(o: Op, opinion_id: int, path: str | Path) -> FeedbackFormFiles:
    """Write ``path`` (.xlsx) and the same name with .pdf."""
    s = o.session
    opinion = load_opinion(s, opinion_id)
    _require_sheet_reader(o.wb, s, opinion)
    if opinion.status != ReviewStatus.AWAITING_FEEDBACK.value:
        raise ProcessError(
            translate("Process", "Review file {number} is not awaiting the prosecutor's feedback.").format(
                number=opinion.file_no
            )
        )
    sheet = sheet_in(s, opinion)
    cover = FormCover(
        sheet.file_no, sheet.dept_case_no, sheet.case_name, sheet.prosecutor, sheet.grade, sheet.sent_on, sheet.due_on
    )
    rows = [
        FormRow(f.id, f.item_code, f.item_text, f.dimension, f.severity, f.reason, f.evidence) for f in sheet.findings
    ]
    xlsx = Path(path).with_suffix(".xlsx")
    pdf = xlsx.with_suffix(".pdf")
    xlsx.parent.mkdir(parents=True, exist_ok=True)
    write_feedback_pdf(notice_config_in(s, o.wb).procuratorate, cover, rows, pdf)
    write_feedback_xlsx(cover, rows, xlsx)
    o.audit("review", opinion.id, case_id=opinion.case_id, review_id=opinion.id, file=xlsx.name, pdf=pdf.name)
    return FeedbackFormFiles(xlsx, pdf)


def _message(file: Path, rejects: list[ReadReject]) -> str:
    lines = [
        translate("Process", "{file}: the feedback form was not imported; nothing was recorded.").format(file=file)
    ]
    for r in rejects:
        where = r.sheet
        if r.row is not None:
            where += translate("Process", " row {row}").format(row=r.row)
        if r.column:
            where += translate("Process", " column {column}").format(column=r.column)
        lines.append(f"{file.name} {where}: {r.reason}")
    return "\n".join(lines)


def _opinion(o: Op, file: Path, cover: dict[str, str]) -> Review:
    s = o.session
    number = cover.get("评查受案号", "")
    opinion = s.scalar(
        select(Review).where(
            Review.file_no == number, Review.kind == ReviewKind.OPINION.value, Review.deleted_at.is_(None)
        )
    )
    if not number or opinion is None:
        raise FeedbackFormError(
            translate("Process", "{file}: sheet {sheet}: review file {number} does not exist.").format(
                file=file, sheet=COVER_SHEET, number=number or "—"
            )
        )
    case = case_of(s, opinion)
    if cover.get("部门受案号", "") != case.dept_case_no:
        raise FeedbackFormError(
            translate(
                "Process", "{file}: sheet {sheet}: the form is for case {form}, review file {number} for {case}."
            ).format(
                file=file, sheet=COVER_SHEET, form=cover.get("部门受案号", ""), number=number, case=case.dept_case_no
            )
        )
    if handled_by(s, o.user, case):
        o.require(Action.ANSWER_FEEDBACK, unit_id=case.unit_id)
    else:
        o.require(Action.RECORD_REPLIES, unit_id=case.unit_id)
    return opinion


@mutation("feedback_form.import", None)
def import_feedback_form(o: Op, path: str | Path) -> str:
    """Record the filled form as the prosecutor's answer; returns ``accepted`` or ``objected``."""
    s = o.session
    file = Path(path)
    try:
        read = read_feedback_xlsx(file)
    except FormUnreadable as exc:
        raise FeedbackFormError(
            translate("Process", "{file} is not a readable feedback form: {error}").format(file=file, error=exc)
        ) from exc
    opinion = _opinion(o, file, read.cover)
    rejects = list(read.rejects)
    findings = {f.id: f for f in sheet_in(s, opinion).findings}
    answers: list[Answer] = []
    seen: set[int] = set()
    for a in read.answers:
        if a.finding_id not in findings or a.finding_id in seen:
            why = translate("Process", "finding {id} is not (or no longer) in this opinion, or is listed twice")
            rejects.append(ReadReject(ANSWER_SHEET, a.row, "问题编号", why.format(id=a.finding_id)))
            continue
        seen.add(a.finding_id)
        files = [file.parent / name for name in a.attachments]
        absent = [f.name for f in files if not f.is_file()]
        if absent:
            why = translate("Process", "attachment not found next to the form: {names}").format(names="、".join(absent))
            rejects.append(ReadReject(ANSWER_SHEET, a.row, FILLED[2], why))
            continue
        answers.append(Answer(a.finding_id, a.accept, a.reason, tuple(files)))
    for fid, f in findings.items():
        if fid not in seen and not any(r.sheet == ANSWER_SHEET and r.row is not None for r in rejects):
            why = translate("Process", "finding {item} ({id}) has no answer row").format(item=f.item_code, id=fid)
            rejects.append(ReadReject(ANSWER_SHEET, None, "问题编号", why))
    if read.answered_on is None and not any(r.sheet == COVER_SHEET for r in rejects):
        rejects.append(
            ReadReject(COVER_SHEET, None, "反馈日期", translate("Process", "fill in the date of the answer"))
        )
    if rejects:
        raise FeedbackFormError(_message(file, rejects))
    assert read.answered_on is not None
    outcome = answer_in(o, opinion, answers, "form", read.answered_on)
    o.audit("review", opinion.id, file=file.name)
    return outcome

"""The self-check form as an Excel workbook, for filling away from the app like the offline review form.

    export_selfcheck(wb, case_id, kind, path) -> Path                       "selfcheck.export"
    import_selfcheck(wb, path, *, submit=False) -> SelfCheckImport          "selfcheck.import"

Exporting a form not made yet makes it (its filler only), so the items the file asks are the stored form's;
exporting an existing form needs the right to read it. The cover names the stored form by its 表单编号.
Import is the filler's act: every row is checked and a bad one rejected with sheet/row/column/reason; the good
rows are recorded in one transaction, and ``submit=True`` submits only when nothing was rejected (a refusal
is reported, not raised).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from reviewapp.domain.selfcheck import FormKind, FormStatus, form_title
from reviewapp.exports.review_form.write import cover_values
from reviewapp.exports.selfcheck_form.read import (
    RowReject,
    SelfCheckFileError,
    open_book,
    read_answers,
    read_cover,
)
from reviewapp.exports.selfcheck_form.write import write_selfcheck
from reviewapp.i18n import translate, translate_n
from reviewapp.services.changes import Kind
from reviewapp.services.selfcheck.access import require_fill, require_read
from reviewapp.services.selfcheck.forms import (
    SelfCheckError,
    SelfCheckForm,
    apply_answers,
    form_row,
    live_form,
    load_case,
    start_selfcheck,
    submit_form,
)
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import SelfCheck
from reviewapp.storage.models.base import utcnow

__all__ = ["RowReject", "SelfCheckFileError", "SelfCheckImport", "export_selfcheck", "import_selfcheck"]


@dataclass
class SelfCheckImport:
    file: str
    dept_case_no: str
    kind: str
    form_id: int
    answered: int = 0  # rows whose answer or note changed
    unchanged: int = 0
    rejects: list[RowReject] = field(default_factory=list)
    submitted: bool = False
    submit_problem: str | None = None
    form: SelfCheckForm | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "case": self.dept_case_no,
            "kind": self.kind,
            "form_id": self.form_id,
            "answered": self.answered,
            "unchanged": self.unchanged,
            "rejected": len(self.rejects),
            "rejects": [r.to_json() for r in self.rejects],
            "submitted": self.submitted,
            "submit_problem": self.submit_problem,
        }


@mutation("selfcheck.export", None)
def export_selfcheck(o: Op, case_id: int, kind: FormKind, path: str | Path) -> Path:
    s = o.session
    kind = FormKind(kind)
    case = load_case(s, case_id)
    form = live_form(s, case_id, kind)
    if form is None:
        require_fill(o.wb, o.user, case, kind)
        made = start_selfcheck(o.wb, case_id, kind)  # its own audited step, in this transaction
        form = s.get(SelfCheck, made.id)
        assert form is not None
    else:
        require_read(o.wb, s, o.user, case)
    row = form_row(s, form)
    cover = cover_values(
        title=row.title,
        form_uid=row.uid,
        kind=row.kind,
        dept_case_no=row.dept_case_no,
        case_name=row.case_name,
        plan=row.plan,
        standard=row.standard,
        status="已提交" if row.submitted else "草稿",
        filled_by=row.filled_by,
        exported_at=utcnow(),
    )
    write_selfcheck(cover, row.items, path)  # inside the operation: an unwritten file is no export to audit
    o.touch(Kind.SELF_CHECK, form.id)
    o.audit("self_check", form.id, case_id=case_id, file=str(path), kind=kind.value)
    return Path(path)


@mutation("selfcheck.import", None)
def import_selfcheck(o: Op, path: str | Path, *, submit: bool = False) -> SelfCheckImport:
    s = o.session
    file = str(path)
    book = open_book(path)
    try:
        uid = read_cover(book, file).get("form_uid", "").strip()
        form = s.scalar(select(SelfCheck).where(SelfCheck.uid == uid, SelfCheck.deleted_at.is_(None))) if uid else None
        if form is None:
            raise SelfCheckFileError(
                translate(
                    "SelfCheckFile", "{file}: the form {uid} is not stored here; export the form from this database."
                ).format(file=file, uid=uid or "-")
            )
        case = load_case(s, form.case_id)
        kind = FormKind(form.kind)
        require_fill(o.wb, o.user, case, kind)
        if form.status == FormStatus.SUBMITTED.value:
            raise SelfCheckError(
                translate("SelfCheck", "The {form} of case {case} is submitted and cannot change.").format(
                    form=form_title(kind), case=case.dept_case_no
                )
            )
        contents = read_answers(book, file, {str(i["code"]) for i in form.items or []})
    finally:
        book.close()
    result = SelfCheckImport(file, case.dept_case_no, kind.value, form.id, rejects=contents.rejects)
    changes = apply_answers(o, form, contents.answers)
    result.answered = len(changes)
    result.unchanged = len(contents.answers) - len(changes)
    o.touch(Kind.SELF_CHECK, form.id)
    o.audit(
        "self_check", form.id, case_id=case.id, changes=changes, file=file, kind=kind.value,
        rejected=len(result.rejects),
    )  # fmt: skip
    if submit:
        if result.rejects:
            result.submit_problem = translate_n(
                "SelfCheckFile", "Not submitted: %n row(s) rejected.", len(result.rejects)
            )
        else:
            try:
                submit_form(o, form, case)
                result.submitted = True
                o.audit("self_check", form.id, changes={"status": [FormStatus.DRAFT.value, form.status]})
            except SelfCheckError as exc:
                result.submit_problem = str(exc)
    result.form = form_row(s, form)
    return result

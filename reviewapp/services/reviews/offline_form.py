"""The offline review form (离线评查表): a case's checklist as an Excel workbook for a reviewer working away
from the app, and its import back as that reviewer's findings.

    export_review_form(wb, case_id, path, *, reviewer_id=None) -> Path          "review_form.export"
    import_review_form(wb, path, *, reviewer="", submit=False) -> ReviewFormImport  "review_form.import"
    ReviewFormError(KnownError)   the whole file is refused (message for the user)

Both go through the write path, so both are audited (the export changes no row but says who took which
case's form). Exporting needs SCORE over the case's unit, and prefilling another reviewer's draft needs the
right to read it; importing is the reviewer's own act (``reviewer`` defaults to the logged-in user, and naming
anyone else is refused), since only a review's own reviewer scores it.

The workbook: 封面 (case identification, standard code + version, reviewer, optional 优质 justification),
评查表 (one row per checklist item applicable to the case type: 维度, 代码, 评查项内容, 问题等级 as a
drop-down of the item's allowed severities, 默认扣分, 扣分, 理由 with the common phrases as a drop-down and
a comment, 卷宗文书 + 页码), 优质标准 (criteria with a 是/否 column), and two hidden lists. With a reviewer
whose draft exists, the form is prefilled with that draft.

Import validates row by row like case intake: a bad row is rejected with sheet/row/column/reason and the
good rows are recorded as the reviewer's findings in one transaction. A filled row records (or replaces)
the finding of its item; an empty row leaves a finding recorded in the app alone (remove it there).
``submit=True`` then submits — only when no row was rejected; refusals are reported, not raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import EDITABLE, ReviewStatus
from reviewapp.domain.roles import Action
from reviewapp.errors import NotPermitted
from reviewapp.exports.review_form.read import (
    FormFinding,
    FormReject,
    ReviewFormError,
    open_form,
    read_cover,
    read_form,
)
from reviewapp.exports.review_form.write import FormContent, cover_values, write_form
from reviewapp.i18n import translate, translate_n
from reviewapp.intake.values import fold, normalize_case_no
from reviewapp.services.changes import Kind
from reviewapp.services.reviews.commands import submit_review
from reviewapp.services.reviews.findings import record_in
from reviewapp.services.reviews.guard import ReviewError, newest_standard_id, require_read, start_in
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.reviews.state import ReviewState, after_change, build_state, live_evidence, review_findings
from reviewapp.services.reviews.undo import clear_steps
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import (
    Case,
    Department,
    DossierDocument,
    Finding,
    Person,
    Review,
    StandardVersion,
    Unit,
)
from reviewapp.storage.models.base import utcnow

__all__ = ["FormReject", "ReviewFormError", "ReviewFormImport", "export_review_form", "import_review_form"]


@dataclass
class ReviewFormImport:
    file: str
    dept_case_no: str
    reviewer: str
    review_id: int
    recorded: int = 0  # new findings
    updated: int = 0  # findings whose content changed
    unchanged: int = 0
    criteria_set: bool = False
    rejects: list[FormReject] = field(default_factory=list)
    submitted: bool = False
    submit_problem: str | None = None  # why --submit did not submit
    state: ReviewState | None = None

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    def to_json(self) -> dict[str, Any]:
        proposal = self.state.proposal if self.state else None
        return {
            "file": self.file,
            "dept_case_no": self.dept_case_no,
            "reviewer": self.reviewer,
            "review_id": self.review_id,
            "recorded": self.recorded,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "rejects": [r.__dict__ for r in self.rejects],
            "submitted": self.submitted,
            "submit_problem": self.submit_problem,
            "proposed_grade": proposal.grade if proposal else None,
            "explanation": proposal.explanation if proposal else None,
        }


def _case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise ReviewFormError(translate("ReviewForm", "Case {id} does not exist.").format(id=case_id))
    return case


@mutation("review_form.export", Action.SCORE)
def export_review_form(o: Op, case_id: int, path: str | Path, *, reviewer_id: int | None = None) -> Path:
    """Write the case's review form; pinned to the reviewer's review if one exists, else to the newest
    stored standard for the case type."""
    s = o.session
    case = _case(s, case_id)
    o.require(Action.SCORE, unit_id=case.unit_id)
    review = None
    reviewer_name = ""
    if reviewer_id is not None:
        person = s.get(Person, reviewer_id)
        if person is None:
            raise ReviewFormError(translate("ReviewForm", "Reviewer {id} is not in the roster.").format(id=reviewer_id))
        reviewer_name = person.name
        review = s.scalar(
            select(Review)
            .where(Review.case_id == case_id, Review.reviewer_id == reviewer_id, Review.deleted_at.is_(None))
            .where(Review.kind == "member")
            .order_by(Review.round.desc())
        )
    if review is not None:
        require_read(o.wb, s, review)  # the form carries the draft
        standard = standard_in(s, review.standard_id)
        state = build_state(s, review, standard)
        findings, ticked, scheme = state.findings, state.ticked_criteria, review.scheme_id
    else:
        standard_id = newest_standard_id(o, case.case_type)
        if standard_id is None:
            raise ReviewFormError(
                translate("ReviewForm", "No review standard covers {case_type} cases.").format(case_type=case.case_type)
            )
        standard = standard_in(s, standard_id)
        findings, ticked, scheme = (), (), standard.scheme
    unit = s.scalar(select(Unit.name).where(Unit.id == case.unit_id))
    dept = s.scalar(select(Department.name).where(Department.id == case.department_id))
    prosecutor = s.scalar(select(Person.name).where(Person.id == case.prosecutor_id))
    titles = tuple(
        dict.fromkeys(
            s.scalars(
                select(DossierDocument.title).where(DossierDocument.case_id == case_id).order_by(DossierDocument.id)
            )
        )
    )
    cover = cover_values(
        dept_case_no=case.dept_case_no,
        case_name=case.name,
        case_type=case.case_type,
        unit=unit,
        department=dept,
        prosecutor=prosecutor,
        accepted_on=case.accepted_on,
        closed_on=case.closed_on,
        standard_code=standard.code,
        standard_version=standard.version,
        standard_name=standard.name,
        scheme=scheme,
        reviewer=reviewer_name,
        excellence_justification=review.excellence_justification if review is not None else "",
        exported_at=utcnow(),
    )
    # Written inside the operation: a file that could not be written is no export to audit.
    write_form(FormContent(cover, standard, case.case_type, titles, findings, ticked), path)
    o.audit(
        "case", case_id, case_id=case_id, review_id=review.id if review is not None else None,
        file=str(path), reviewer=reviewer_name, standard=f"{standard.code} v{standard.version}",
    )  # fmt: skip
    return Path(path)


def _reviewer(o: Op, name: str) -> Person:
    """The reviewer the form is imported for: the logged-in user's person (named or not)."""
    s = o.session
    wanted = name.strip()
    me = s.get(Person, o.user.person_id) if o.user.person_id is not None else None
    if me is not None and (not wanted or me.name == wanted):
        return me
    if wanted and s.scalar(select(Person.id).where(Person.name == wanted).limit(1)) is None:
        raise ReviewFormError(
            translate("ReviewForm", "{name} is not in the roster; add the reviewer first.").format(name=wanted)
        )
    raise NotPermitted(
        translate(
            "ReviewForm", "{user} may not import {name}'s review form: a review is scored by its reviewer only."
        ).format(user=o.user.name or o.user.login or "-", name=wanted or "-")
    )


def _pinned_review(o: Op, cover: dict[str, str], file: str, reviewer: Person) -> Review:
    """The reviewer's review of the form's case, started on the form's standard version if new."""
    s = o.session
    case_no = normalize_case_no(cover.get("dept_case_no", ""))
    case_id = s.scalar(select(Case.id).where(Case.dept_case_no == case_no)) if case_no else None
    if case_id is None:
        raise ReviewFormError(
            translate("ReviewForm", "{file}: case {case} is not in the database.").format(
                file=file, case=case_no or "-"
            )
        )
    written = cover.get("reviewer", "").strip()
    if written and written != reviewer.name:
        raise ReviewFormError(
            translate("ReviewForm", "{file} was filled in by {written}, not {reviewer}.").format(
                file=file, written=written, reviewer=reviewer.name
            )
        )
    code, version_text = cover.get("standard_code", "").strip(), fold(cover.get("standard_version", ""))
    standard_id = s.scalar(
        select(StandardVersion.id).where(
            StandardVersion.code == code,
            StandardVersion.version == (int(version_text) if version_text.isdigit() else -1),
        )
    )
    if standard_id is None:
        raise ReviewFormError(
            translate("ReviewForm", "{file}: standard {code} v{version} is not stored here.").format(
                file=file, code=code or "-", version=version_text or "-"
            )
        )
    try:
        review = start_in(o, case_id, reviewer.id, scheme_id=cover.get("scheme") or None, standard_id=standard_id)
    except ReviewError as exc:
        raise ReviewFormError(str(exc)) from exc
    if review.standard_id != standard_id:
        pinned = standard_in(s, review.standard_id)
        raise ReviewFormError(
            translate(
                "ReviewForm",
                "{file} was made from standard {code} v{version}, but the review is pinned to v{pinned}; "
                "export a new form.",
            ).format(file=file, code=code, version=version_text, pinned=pinned.version)
        )
    if ReviewStatus(review.status) not in EDITABLE:
        raise ReviewFormError(
            translate("ReviewForm", "The review of {case} by {reviewer} is submitted; reopen it first.").format(
                case=case_no, reviewer=reviewer.name
            )
        )
    return review


def _same(existing: Finding, evidence: list[tuple[int, int]], new: FormFinding) -> bool:
    # The form groups pages by document, so the order of evidence may differ without any change.
    return (existing.severity, existing.reason, existing.deduction, existing.phrase, sorted(evidence)) == (
        new.severity,
        new.reason,
        new.deduction,
        new.phrase,
        sorted(new.evidence),
    )


@mutation("review_form.import", Action.SCORE)
def import_review_form(o: Op, path: str | Path, *, reviewer: str = "", submit: bool = False) -> ReviewFormImport:
    file = str(path)
    s = o.session
    book = open_form(path)
    try:
        person = _reviewer(o, reviewer)
        cover = read_cover(book, file)
        review = _pinned_review(o, cover, file, person)
        case = s.get(Case, review.case_id)
        assert case is not None
        standard = standard_in(s, review.standard_id)
        documents: dict[str, int] = {}
        for doc_id, title in s.execute(
            select(DossierDocument.id, DossierDocument.title)
            .where(DossierDocument.case_id == case.id)
            .order_by(DossierDocument.id)
        ):
            documents.setdefault(fold(title), doc_id)
        contents = read_form(book, file, standard, case.case_type, documents)
    finally:
        book.close()
    result = ReviewFormImport(file, case.dept_case_no, person.name, review.id, rejects=contents.rejects)
    existing = {f.item_code: f for f in review_findings(s, review.id)}
    for f in contents.findings:
        old = existing.get(f.item_code)
        if old is not None and _same(old, live_evidence(s, old.id), f):
            result.unchanged += 1
            continue
        record_in(
            o, review, f.item_code, f.severity, f.reason, deduction=f.deduction, phrase=f.phrase, evidence=f.evidence
        )
        result.recorded += old is None
        result.updated += old is not None
    justification = cover.get("excellence_justification", "").strip()
    if contents.ticked is not None:
        result.criteria_set = True
        review.ticked_criteria = contents.ticked
    if justification:
        review.excellence_justification = justification
    # The form replaced what the review held outside the undo stack: earlier steps no longer fit it.
    clear_steps(s, review.id)
    result.state = after_change(o, review)
    o.touch(Kind.REVIEW, review.id)
    o.audit(
        "review", review.id, case_id=case.id, review_id=review.id, file=file, recorded=result.recorded,
        updated=result.updated, unchanged=result.unchanged, rejected=result.rejected,
    )  # fmt: skip
    if submit:
        if result.rejects:
            result.submit_problem = translate_n("ReviewForm", "Not submitted: %n row(s) rejected.", result.rejected)
        else:
            try:  # its own audited step, in this transaction: the import stays when submitting is refused
                result.state = submit_review(o.wb, review.id)
                result.submitted = True
            except ReviewError as exc:
                result.submit_problem = str(exc)
    return result

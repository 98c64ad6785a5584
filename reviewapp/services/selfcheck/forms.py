"""The self-check forms of a case (每案必检 检查, review-rules.md §1): made, filled, submitted, read.

    start_selfcheck(wb, case_id, kind, plan_id=None) -> SelfCheckForm       "selfcheck.start"
    save_selfcheck(wb, form_id, answers) -> SelfCheckForm                  "selfcheck.save"
    submit_selfcheck(wb, form_id, answers=None) -> SelfCheckForm           "selfcheck.submit"
    case_selfchecks(wb, case_id, submitted_only=False) -> list[SelfCheckForm]   a read
    selfcheck_for(wb, case_id, kind) -> SelfCheckForm | None                 a read

A form asks a subset of the checklist items of the standard pinned by the case's plan (else the newest stored
standard covering the case type): the items with an automatic check, the items the case's pre-screening
flagged, and the codes of the shared setting ``selfcheck.items`` and of the plan's rule (``selfcheck_items``).
Each stored violation or warning pre-fills its item: the rule's explanation as the note, marked 自动校验, and
a violation answered 否 — a proposal the filler confirms or changes. The form keeps its own copy of the
items, so later standard changes do not alter it. One live form per case and kind; a submitted form is final.
The 部门核查表 is started only once the 个人自查表 is submitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.checks import Status
from reviewapp.checks.results import SUGGESTED
from reviewapp.domain.plans import PlanState
from reviewapp.domain.selfcheck import (
    AUTO_MARK,
    Answer,
    FormItem,
    FormKind,
    FormStatus,
    chosen_codes,
    form_title,
    parse_answer,
    submit_problems,
)
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.legal.local_time import iso_stamp
from reviewapp.services.changes import Kind
from reviewapp.services.results.setting_specs import setting_in
from reviewapp.services.reviews.guard import newest_standard_id
from reviewapp.services.reviews.standards_store import standard_in
from reviewapp.services.selfcheck.access import require_fill, require_read
from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op, mutation
from reviewapp.storage.models import (
    Account,
    Case,
    CheckResult,
    Person,
    Plan,
    PlanCase,
    SelfCheck,
    StandardVersion,
)
from reviewapp.storage.models.base import new_uid, utcnow

ITEMS_SETTING = "selfcheck.items"  # extra item codes every form asks (results/setting_specs.py)
PLAN_RULE_KEY = "selfcheck_items"  # extra item codes of one plan (its rule)


class SelfCheckError(KnownError, ValueError):
    """A self-check operation that cannot go ahead (message for the user)."""


@dataclass(frozen=True)
class SelfCheckForm:
    id: int
    uid: str
    case_id: int
    dept_case_no: str
    case_name: str
    kind: str  # FormKind value
    plan_id: int | None
    plan: str
    standard: str  # code v version
    items: tuple[FormItem, ...]
    status: str  # FormStatus value
    filled_by: str
    filled_at: datetime | None
    submitted_at: datetime | None

    @property
    def title(self) -> str:
        return form_title(FormKind(self.kind))

    @property
    def submitted(self) -> bool:
        return self.status == FormStatus.SUBMITTED.value

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "uid": self.uid,
            "case": self.dept_case_no,
            "kind": self.kind,
            "plan": self.plan or None,
            "standard": self.standard,
            "status": self.status,
            "filled_by": self.filled_by or None,
            "filled_at": iso_stamp(self.filled_at),
            "submitted_at": iso_stamp(self.submitted_at),
            "items": [i.to_json() for i in self.items],
        }


# --- reading ----------------------------------------------------------------------------------------------


def load_case(s: Session, case_id: int) -> Case:
    case = s.get(Case, case_id)
    if case is None:
        raise SelfCheckError(translate("SelfCheck", "Case {id} does not exist.").format(id=case_id))
    return case


def load_form(s: Session, form_id: int) -> SelfCheck:
    form = s.get(SelfCheck, form_id)
    if form is None or form.deleted_at is not None:
        raise SelfCheckError(translate("SelfCheck", "Self-check form {id} does not exist.").format(id=form_id))
    return form


def items_of(form: SelfCheck) -> list[FormItem]:
    return [FormItem.from_json(d) for d in form.items or []]


def form_row(s: Session, form: SelfCheck) -> SelfCheckForm:
    case = load_case(s, form.case_id)
    plan = s.scalar(select(Plan.name).where(Plan.id == form.plan_id)) if form.plan_id else None
    sv = s.get(StandardVersion, form.standard_id)
    filler = (
        s.scalar(
            select(Person.name).join(Account, Account.person_id == Person.id).where(Account.id == form.filled_by_id)
        )
        if form.filled_by_id
        else None
    )
    return SelfCheckForm(
        id=form.id,
        uid=form.uid,
        case_id=case.id,
        dept_case_no=case.dept_case_no,
        case_name=case.name,
        kind=form.kind,
        plan_id=form.plan_id,
        plan=plan or "",
        standard=f"{sv.code} v{sv.version}" if sv else "",
        items=tuple(items_of(form)),
        status=form.status,
        filled_by=filler or "",
        filled_at=form.filled_at,
        submitted_at=form.submitted_at,
    )


def live_form(s: Session, case_id: int, kind: FormKind) -> SelfCheck | None:
    return s.scalar(
        select(SelfCheck)
        .where(SelfCheck.case_id == case_id, SelfCheck.kind == kind.value, SelfCheck.deleted_at.is_(None))
        .order_by(SelfCheck.id.desc())
        .limit(1)
    )


def case_selfchecks(wb: Workbench, case_id: int, *, submitted_only: bool = False) -> list[SelfCheckForm]:
    """The case's live forms (个人自查表 first); refused (NotPermitted) for a user who may not read them."""
    with wb.db.session() as s:
        case = load_case(s, case_id)
        require_read(wb, s, wb.user, case)
        out = []
        for kind in FormKind:
            form = live_form(s, case_id, kind)
            if form is not None and (not submitted_only or form.status == FormStatus.SUBMITTED.value):
                out.append(form_row(s, form))
        return out


def selfcheck_for(wb: Workbench, case_id: int, kind: FormKind) -> SelfCheckForm | None:
    """The case's live form of ``kind``, None when not made yet (the same readers as case_selfchecks)."""
    return next((f for f in case_selfchecks(wb, case_id) if f.kind == kind.value), None)


# --- making a form ----------------------------------------------------------------------------------------


def _plan_of(s: Session, case_id: int, plan_id: int | None) -> Plan | None:
    """The plan the form belongs to: the one asked for, else the case's open plan, else its newest plan."""
    if plan_id is not None:
        plan = s.get(Plan, plan_id)
        if plan is None or plan.deleted_at is not None:
            raise SelfCheckError(translate("SelfCheck", "Plan {id} does not exist.").format(id=plan_id))
        return plan
    plans = list(
        s.scalars(
            select(Plan)
            .join(PlanCase, PlanCase.plan_id == Plan.id)
            .where(PlanCase.case_id == case_id, PlanCase.deleted_at.is_(None), Plan.deleted_at.is_(None))
            .order_by(Plan.id.desc())
        )
    )
    return next((p for p in plans if p.state == PlanState.OPEN.value), plans[0] if plans else None)


def _configured(s: Session, plan: Plan | None) -> list[str]:
    stored = setting_in(s, ITEMS_SETTING)
    codes = [str(c) for c in (stored if isinstance(stored, list) else [])]
    if plan is not None and isinstance((plan.rule or {}).get(PLAN_RULE_KEY), list):
        codes += [str(c) for c in plan.rule[PLAN_RULE_KEY]]
    return codes


def _prefills(s: Session, case_id: int) -> dict[str, list[CheckResult]]:
    """The case's stored violations and warnings by checklist item (violations first)."""
    out: dict[str, list[CheckResult]] = {}
    for r in s.scalars(
        select(CheckResult)
        .where(
            CheckResult.case_id == case_id,
            CheckResult.status.in_(SUGGESTED),
        )
        .order_by(CheckResult.id)
    ):
        out.setdefault(r.item_code, []).append(r)
    for results in out.values():
        results.sort(key=lambda r: (r.status != Status.VIOLATION.value, r.id))
    return out


def generate_items(s: Session, case: Case, standard_id: int, configured: list[str]) -> list[FormItem]:
    """The form's items for ``case`` (see the module doc), pre-filled from the pre-screening."""
    standard = standard_in(s, standard_id)
    applicable = standard.items_for(case.case_type)
    prefills = _prefills(s, case.id)
    auto = [it.code for it in applicable if it.check] + list(prefills)
    dims = {d.code: d.name for d in standard.dimensions}
    by_code = {it.code: it for it in applicable}
    items = []
    for code in chosen_codes([it.code for it in applicable], auto, configured):
        it = by_code[code]
        results = prefills.get(code, [])
        violation = any(r.status == Status.VIOLATION.value for r in results)
        items.append(
            FormItem(
                code=code,
                dimension=dims.get(it.dimension, it.dimension),
                text=it.text,
                answer=Answer.NO.value if violation else "",
                note="\n".join(dict.fromkeys(r.explanation for r in results)),
                auto=bool(results),
                rules=tuple(dict.fromkeys(r.rule_id for r in results)),
            )
        )
    return items


@mutation("selfcheck.start", None)
def start_selfcheck(o: Op, case_id: int, kind: FormKind, plan_id: int | None = None) -> SelfCheckForm:
    """The case's live form of ``kind``, made now when there is none (by whoever fills it)."""
    s = o.session
    kind = FormKind(kind)
    case = load_case(s, case_id)
    require_fill(o.wb, o.user, case, kind)
    existing = live_form(s, case_id, kind)
    if existing is not None:
        o.audit("self_check", existing.id, case_id=case_id, kind=kind.value, existing=True)
        o.touch(Kind.SELF_CHECK, existing.id)
        return form_row(s, existing)
    if kind is FormKind.DEPARTMENT:
        own = live_form(s, case_id, FormKind.SELF)
        if own is None or own.status != FormStatus.SUBMITTED.value:
            raise SelfCheckError(
                translate(
                    "SelfCheck", "Case {case}: the 部门核查表 follows the 个人自查表, which is not submitted yet."
                ).format(case=case.dept_case_no)
            )
    plan = _plan_of(s, case_id, plan_id)
    standard_id: int | None = None
    if plan is not None and case.case_type in standard_in(s, plan.standard_id).case_types:
        standard_id = plan.standard_id
    if standard_id is None:
        standard_id = newest_standard_id(o, case.case_type)
    if standard_id is None:
        raise SelfCheckError(
            translate("SelfCheck", "No review standard covers {case_type} cases.").format(case_type=case.case_type)
        )
    items = generate_items(s, case, standard_id, _configured(s, plan))
    form = SelfCheck(
        uid=new_uid(),
        case_id=case_id,
        plan_id=plan.id if plan is not None else None,
        kind=kind.value,
        standard_id=standard_id,
        items=[i.to_json() for i in items],
        status=FormStatus.DRAFT.value,
    )
    o.stamp(form, new=True)
    s.add(form)
    s.flush()
    o.touch(Kind.SELF_CHECK, form.id)
    o.audit(
        "self_check", form.id, case_id=case_id, changes={"status": [None, form.status]}, kind=kind.value,
        items=[i.code for i in items], prefilled=[i.code for i in items if i.auto], mark=AUTO_MARK,
    )  # fmt: skip
    return form_row(s, form)


def _editable(o: Op, form_id: int) -> tuple[SelfCheck, Case]:
    s = o.session
    form = load_form(s, form_id)
    case = load_case(s, form.case_id)
    require_fill(o.wb, o.user, case, FormKind(form.kind))
    if form.status == FormStatus.SUBMITTED.value:
        raise SelfCheckError(
            translate("SelfCheck", "The {form} of case {case} is submitted and cannot change.").format(
                form=form_title(FormKind(form.kind)), case=case.dept_case_no
            )
        )
    return form, case


def apply_answers(o: Op, form: SelfCheck, answers: Mapping[str, tuple[str, str]]) -> dict[str, list[Any]]:
    """Set (answer, note) per item code; returns the changes as {code: [before, after]}."""
    items = items_of(form)
    codes = {i.code for i in items}
    unknown = sorted(set(answers) - codes)
    if unknown:
        raise SelfCheckError(
            translate("SelfCheck", "The form does not ask items {codes}.").format(codes="、".join(unknown))
        )
    changes: dict[str, list[Any]] = {}
    new_items = []
    for item in items:
        if item.code in answers:
            raw, note = answers[item.code]
            answer = parse_answer(raw) if raw.strip() else None
            if raw.strip() and answer is None:
                raise SelfCheckError(
                    translate("SelfCheck", "Item {code}: answer 是, 否 or 不适用, not {answer}.").format(
                        code=item.code, answer=raw
                    )
                )
            value = answer.value if answer is not None else ""
            if (value, note.strip()) != (item.answer, item.note):
                changes[item.code] = [[item.answer, item.note], [value, note.strip()]]
                item = FormItem(item.code, item.dimension, item.text, value, note.strip(), item.auto, item.rules)
        new_items.append(item)
    form.items = [i.to_json() for i in new_items]  # a new list: the JSON column sees the change
    form.filled_by_id = o.user.account_id
    form.filled_at = utcnow()
    o.stamp(form)
    return changes


def submit_form(o: Op, form: SelfCheck, case: Case) -> None:
    problems = submit_problems(items_of(form))
    if problems:
        raise SelfCheckError(
            translate("SelfCheck", "The {form} of case {case} cannot be submitted: {problems}").format(
                form=form_title(FormKind(form.kind)), case=case.dept_case_no, problems=" ".join(problems)
            )
        )
    form.status = FormStatus.SUBMITTED.value
    form.submitted_at = utcnow()
    o.stamp(form)


@mutation("selfcheck.save", None)
def save_selfcheck(o: Op, form_id: int, answers: Mapping[str, tuple[str, str]]) -> SelfCheckForm:
    """Record answers and notes of a draft form (item code → (是/否/不适用 or "", note))."""
    form, case = _editable(o, form_id)
    changes = apply_answers(o, form, answers)
    o.touch(Kind.SELF_CHECK, form.id)
    o.audit("self_check", form.id, case_id=case.id, changes=changes, kind=form.kind)
    return form_row(o.session, form)


@mutation("selfcheck.submit", None)
def submit_selfcheck(o: Op, form_id: int, answers: Mapping[str, tuple[str, str]] | None = None) -> SelfCheckForm:
    """Record the last answers, if any, and submit: every item answered, every 否 with a note."""
    form, case = _editable(o, form_id)
    changes = apply_answers(o, form, answers or {})
    submit_form(o, form, case)
    o.touch(Kind.SELF_CHECK, form.id)
    o.audit(
        "self_check", form.id, case_id=case.id, changes={**changes, "status": [FormStatus.DRAFT.value, form.status]},
        kind=form.kind,
    )  # fmt: skip
    return form_row(o.session, form)

"""The one case-number lookup every headless command that takes a case uses.

A number is typed the way it was read off paper or copied from a spreadsheet: full-width digits and letters,
stray spaces, [ ] for 〔 〕. It is normalised the way imports store 部门受案号 (intake.values.normalize_case_no)
and matched against the 部门受案号 and the 统一受案号; no match and several matches are plain refusals.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import or_, select

from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.intake.values import normalize_case_no
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case

# The year brackets of a case number as people type them; stored numbers keep whichever the export had.
_BRACKETS = (("[", "]"), ("〔", "〕"), ("【", "】"), ("(", ")"), ("［", "］"))


class CaseNotFound(KnownError):
    pass


def _variants(number: str) -> list[str]:
    """The normalised number with each style of year bracket."""
    base = normalize_case_no(number)
    for left, right in _BRACKETS:
        base = base.replace(left, "\0").replace(right, "\1")
    return list(dict.fromkeys(base.replace("\0", left).replace("\1", right) for left, right in _BRACKETS))


def find_case(wb: Workbench, number: str) -> int:
    """The id of the case numbered ``number`` (部门受案号 or 统一受案号)."""
    shown = number.strip()
    if not normalize_case_no(number):
        raise CaseNotFound(translate("CliLookup", "A case number is required."))
    variants = _variants(number)
    with wb.db.session() as s:
        exact = s.execute(select(Case.id, Case.dept_case_no).where(Case.dept_case_no.in_(variants))).all()
        rows = (
            exact
            or s.execute(
                select(Case.id, Case.dept_case_no).where(
                    or_(Case.unified_case_no.in_(variants), Case.unified_case_no.in_([number.strip()]))
                )
            ).all()
        )
    if not rows:
        raise CaseNotFound(translate("CliLookup", "No case has the number {number}.").format(number=shown))
    if len(rows) > 1:
        raise CaseNotFound(
            translate("CliLookup", "The number {number} matches several cases: {cases}. Give the 部门受案号.").format(
                number=shown, cases="、".join(sorted(no for _id, no in rows))
            )
        )
    return int(rows[0][0])


def find_cases(wb: Workbench, numbers: Sequence[str]) -> list[int]:
    """The ids of several cases, in the order given (duplicates once); every unknown number is named at once."""
    found: list[int] = []
    problems: list[str] = []
    for number in numbers:
        try:
            case_id = find_case(wb, number)
        except CaseNotFound as exc:
            problems.append(str(exc))
            continue
        if case_id not in found:
            found.append(case_id)
    if problems:
        raise CaseNotFound("\n".join(problems))
    return found


def case_number(wb: Workbench, case_id: int) -> str:
    with wb.db.session() as s:
        return s.scalar(select(Case.dept_case_no).where(Case.id == case_id)) or str(case_id)

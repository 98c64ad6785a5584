"""Self-check before archiving (每案必检 检查, review-rules.md §1): the handling prosecutor fills in the
个人自查表, then the department head the 部门核查表; 案管 reviews later and sees both beside the checklist.

Pure data and rules: the two kinds of form, the three answers, which items a form asks, and what a form
needs before it is submitted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from reviewapp.i18n import translate


class FormKind(StrEnum):
    SELF = "个人自查"  # the handling prosecutor's 个人自查表
    DEPARTMENT = "部门核查"  # the department head's 部门核查表, after the self-check


class Answer(StrEnum):
    """Does the case meet the item? 否 means a problem, explained in the note."""

    YES = "是"
    NO = "否"
    NOT_APPLICABLE = "不适用"


class FormStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"


AUTO_MARK = "自动校验"  # how a note pre-filled from the pre-screening is marked, on screen and in the Excel form


def form_title(kind: FormKind) -> str:
    return {FormKind.SELF: "个人自查表", FormKind.DEPARTMENT: "部门核查表"}[kind]


@dataclass(frozen=True)
class FormItem:
    """One question of a form: a checklist item of the standard the form was made from, with its answer."""

    code: str
    dimension: str
    text: str
    answer: str = ""  # an Answer value, or "" while unanswered
    note: str = ""
    auto: bool = False  # pre-filled from the case's pre-screening results
    rules: tuple[str, ...] = ()  # the check rules that pre-filled it

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "dimension": self.dimension,
            "text": self.text,
            "answer": self.answer,
            "note": self.note,
            "auto": self.auto,
            "rules": list(self.rules),
        }

    @staticmethod
    def from_json(data: dict[str, object]) -> FormItem:
        rules = data.get("rules") or []
        return FormItem(
            code=str(data.get("code", "")),
            dimension=str(data.get("dimension", "")),
            text=str(data.get("text", "")),
            answer=str(data.get("answer") or ""),
            note=str(data.get("note") or ""),
            auto=bool(data.get("auto", False)),
            rules=tuple(str(r) for r in rules) if isinstance(rules, list) else (),
        )


def chosen_codes(item_codes: Sequence[str], auto_codes: Iterable[str], configured: Iterable[str]) -> list[str]:
    """The items a form asks, in the standard's order: those with an automatic check, those the pre-screening
    flagged for the case, and the configured list (codes the standard lacks for the case type are skipped)."""
    wanted = set(auto_codes) | set(configured)
    return [c for c in item_codes if c in wanted]


def parse_answer(text: str) -> Answer | None:
    """是 / 否 / 不适用 as typed (also Y/N, yes/no, NA); None for anything else. Blank is unanswered."""
    t = text.strip().lower()
    aliases = {
        "是": Answer.YES,
        "y": Answer.YES,
        "yes": Answer.YES,
        "√": Answer.YES,
        "否": Answer.NO,
        "n": Answer.NO,
        "no": Answer.NO,
        "×": Answer.NO,
        "不适用": Answer.NOT_APPLICABLE,
        "na": Answer.NOT_APPLICABLE,
        "n/a": Answer.NOT_APPLICABLE,
        "无": Answer.NOT_APPLICABLE,
    }
    return aliases.get(t)


def submit_problems(items: Sequence[FormItem]) -> list[str]:
    """Why the form cannot be submitted yet: every item answered, and every 否 explained in its note."""
    problems: list[str] = []
    unanswered = [i.code for i in items if not i.answer]
    if unanswered:
        problems.append(translate("SelfCheck", "Items not answered: {codes}.").format(codes="、".join(unanswered)))
    unexplained = [i.code for i in items if i.answer == Answer.NO.value and not i.note.strip()]
    if unexplained:
        problems.append(
            translate("SelfCheck", "Items answered 否 need a note: {codes}.").format(codes="、".join(unexplained))
        )
    return problems


def problems_first(items: Sequence[FormItem]) -> list[FormItem]:
    """For the reader: items answered 否 first, then unanswered, then the rest, each in form order."""
    rank = {Answer.NO.value: 0, "": 1}
    return sorted(items, key=lambda i: rank.get(i.answer, 2))

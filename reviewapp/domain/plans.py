"""Review plans (评查方案): their types, modes, states and how a case came into a plan.

review-rules.md §1: a plan fixes scope, type, standard and timetable; cases are selected by sampling or trigger
rules, then assigned to reviewers. The plan's states move only through ``PLAN_TRANSITIONS``.
"""

from __future__ import annotations

from enum import StrEnum

from reviewapp.errors import KnownError
from reviewapp.i18n import translate


class PlanType(StrEnum):
    ROUTINE = "常规抽查"
    KEY = "重点评查"
    THEMATIC = "专项评查"


class PlanMode(StrEnum):
    OWN_UNIT = "本院"
    CROSS = "交叉评查"
    HIGHER = "提级评查"


class PlanState(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class PlanEvent(StrEnum):
    OPEN = "open"
    CLOSE = "close"
    REOPEN = "reopen"


# state → event → next state. Selection and assignment change only a draft or open plan; a closed plan is a
# record and is reopened explicitly.
PLAN_TRANSITIONS: dict[PlanState, dict[PlanEvent, PlanState]] = {
    PlanState.DRAFT: {PlanEvent.OPEN: PlanState.OPEN, PlanEvent.CLOSE: PlanState.CLOSED},
    PlanState.OPEN: {PlanEvent.CLOSE: PlanState.CLOSED},
    PlanState.CLOSED: {PlanEvent.REOPEN: PlanState.OPEN},
}

# Plans whose selection and assignment may still change.
CHANGEABLE = frozenset({PlanState.DRAFT, PlanState.OPEN})


class PlanTransitionRefused(KnownError, ValueError):
    pass


def next_plan_state(state: PlanState, event: PlanEvent) -> PlanState:
    nxt = PLAN_TRANSITIONS.get(state, {}).get(event)
    if nxt is None:
        raise PlanTransitionRefused(
            translate("Plans", "The plan is {state}; you cannot {event}.").format(
                state=state_label(state), event=event_label(event)
            )
        )
    return nxt


def state_label(state: PlanState) -> str:
    return {
        PlanState.DRAFT: translate("Plans", "draft"),
        PlanState.OPEN: translate("Plans", "open"),
        PlanState.CLOSED: translate("Plans", "closed"),
    }[state]


def event_label(event: PlanEvent) -> str:
    return {
        PlanEvent.OPEN: translate("Plans", "open it"),
        PlanEvent.CLOSE: translate("Plans", "close it"),
        PlanEvent.REOPEN: translate("Plans", "reopen it"),
    }[event]


class Method(StrEnum):
    """How a case came into a plan."""

    SAMPLING = "sampling"  # 常规抽查: stratified random sample
    TRIGGER = "trigger"  # 重点评查: a key-case trigger fired
    THEMATIC = "thematic"  # 专项评查: a saved case-list filter
    ALL = "all"  # 每案必检: every closed case in scope
    MANUAL = "manual"  # added by hand with a reason (e.g. designated by the 检察长)


class AssignmentStatus(StrEnum):
    ASSIGNED = "assigned"
    REASSIGNED = "reassigned"  # replaced by another reviewer (the row is kept, with the reason)


def method_label(method: Method) -> str:
    return {
        Method.SAMPLING: translate("Plans", "sampling"),
        Method.TRIGGER: translate("Plans", "key-case trigger"),
        Method.THEMATIC: translate("Plans", "thematic filter"),
        Method.ALL: translate("Plans", "every closed case"),
        Method.MANUAL: translate("Plans", "added by hand"),
    }[method]

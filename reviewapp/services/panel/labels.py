"""Plain names of the review file's statuses and steps for the screens and the CLI (translated), and the
fixed Chinese wording of the same steps for the official routing sheet (评查流转单), which is a Chinese
document whatever the UI language (like the notice and the report)."""

from __future__ import annotations

from reviewapp.domain.review_status import ReviewEventKind, ReviewStatus
from reviewapp.i18n import translate

S, E = ReviewStatus, ReviewEventKind


def status_label(status: str | None) -> str:
    """The status of a member review or of the opinion, in the UI language."""
    if not status:
        return ""
    names: dict[str, str] = {
        S.DRAFT: translate("PanelLabels", "draft"),
        S.SUBMITTED: translate("PanelLabels", "submitted"),
        S.IN_REVIEW: translate("PanelLabels", "in review"),
        S.RECONCILING: translate("PanelLabels", "reconciling"),
        S.AWAITING_FEEDBACK: translate("PanelLabels", "awaiting the prosecutor's feedback"),
        S.OBJECTIONS: translate("PanelLabels", "objections to rule on"),
        S.AWAITING_DETERMINATION: translate("PanelLabels", "awaiting determination"),
        S.DETERMINED: translate("PanelLabels", "determined"),
        S.ARCHIVED: translate("PanelLabels", "archived"),
    }
    return names.get(status, status)


def status_heading(status: str | None) -> str:
    """The status as a list cell or a filter choice shows it: capitalised in English ("In review"), as the
    other choices beside it are; Chinese is unchanged."""
    label = status_label(status)
    return label[:1].upper() + label[1:]


def event_label(kind: str) -> str:
    """A step of the review process, in the UI language."""
    names: dict[str, str] = {
        E.START: translate("PanelLabels", "Review started"),
        E.SUBMIT: translate("PanelLabels", "Review submitted"),
        E.REOPEN: translate("PanelLabels", "Review reopened"),
        E.OVERRIDE: translate("PanelLabels", "Own grade set"),
        E.OPEN: translate("PanelLabels", "Review file opened"),
        E.ALL_SUBMITTED: translate("PanelLabels", "Every panel member submitted"),
        E.MEMBER_REOPENED: translate("PanelLabels", "A member review was reopened"),
        E.RECONCILE: translate("PanelLabels", "Disagreement reconciled"),
        E.DISSENT: translate("PanelLabels", "Dissent recorded"),
        E.MEETING: translate("PanelLabels", "Joint meeting recorded"),
        E.SEND_FOR_FEEDBACK: translate("PanelLabels", "Sent to the handling prosecutor"),
        E.SEND_FOR_DETERMINATION: translate("PanelLabels", "Sent for determination"),
        E.ANSWER_ACCEPT: translate("PanelLabels", "Prosecutor accepted"),
        E.ANSWER_OBJECT: translate("PanelLabels", "Prosecutor objected"),
        E.NO_FEEDBACK: translate("PanelLabels", "No feedback within the period"),
        E.RULE: translate("PanelLabels", "Objection ruled on"),
        E.RULINGS_DONE: translate("PanelLabels", "Every objection ruled on"),
        E.DETERMINE: translate("PanelLabels", "Determined and signed"),
        E.REOPEN_DETERMINED: translate("PanelLabels", "Determination voided (reopened)"),
        E.RECTIFICATION: translate("PanelLabels", "Rectification step"),
        E.ARCHIVE: translate("PanelLabels", "Archived"),
        "notice": translate("PanelLabels", "Rectification notice issued"),
        "overdue": translate("PanelLabels", "Rectification overdue"),
    }
    return names.get(kind, kind)  # StrEnum members are equal to (and hash as) their values


def rectification_label(status: str) -> str:
    names = {
        "pending": translate("PanelLabels", "to rectify"),
        "in_progress": translate("PanelLabels", "rectifying"),
        "rectified": translate("PanelLabels", "rectified"),
        "overdue": translate("PanelLabels", "overdue"),
    }
    return names.get(status, status)


# --- the official wording (评查流转单) -------------------------------------------------------------------

CN_STATUS: dict[str, str] = {
    S.DRAFT: "草稿",
    S.SUBMITTED: "已提交",
    S.IN_REVIEW: "评查中",
    S.RECONCILING: "合议中",
    S.AWAITING_FEEDBACK: "听取意见中",
    S.OBJECTIONS: "异议审查中",
    S.AWAITING_DETERMINATION: "待审定",
    S.DETERMINED: "已审定",
    S.ARCHIVED: "已归档",
}

CN_EVENT: dict[str, str] = {
    E.START: "开始评查",
    E.SUBMIT: "提交评查意见",
    E.REOPEN: "退回修改",
    E.OVERRIDE: "调整等次建议",
    E.OPEN: "立卷（取得评查受案号）",
    E.ALL_SUBMITTED: "评查组成员均已提交",
    E.MEMBER_REOPENED: "成员评查意见退回修改",
    E.RECONCILE: "评查组长合议分歧",
    E.DISSENT: "记录保留意见",
    E.MEETING: "召开评查小组联席会议",
    E.SEND_FOR_FEEDBACK: "送承办检察官听取意见",
    E.SEND_FOR_DETERMINATION: "报送审定",
    E.ANSWER_ACCEPT: "承办检察官无异议",
    E.ANSWER_OBJECT: "承办检察官提出异议",
    E.NO_FEEDBACK: "无异议（无反馈意见）",
    E.RULE: "异议审查",
    E.RULINGS_DONE: "异议审查完毕",
    E.DETERMINE: "审定",
    E.REOPEN_DETERMINED: "撤销审定，重新评查",
    E.RECTIFICATION: "整改",
    E.ARCHIVE: "归档",
    "notice": "制发整改通知书",
    "overdue": "整改逾期",
}

CN_RECTIFICATION = {"pending": "待整改", "in_progress": "整改中", "rectified": "已整改", "overdue": "逾期"}


def cn_status(status: str | None) -> str:
    if not status:
        return ""
    return CN_STATUS.get(status) or CN_RECTIFICATION.get(status, status)


def cn_event(kind: str) -> str:
    return CN_EVENT.get(kind, kind)

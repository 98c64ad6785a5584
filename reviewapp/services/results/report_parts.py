"""The parts of the 个案评查报告 that come from the review file (评查卷) rather than from one review
(review-rules.md §6): the panel and how it worked, the handling prosecutor's feedback and the rulings on
objections (part 二), the joint meeting, the reconciled disagreements and the dissents (part 四), and the
determination with its signature (part 五 and the foot of the report).

Official document text: Chinese template wording, like the rest of the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.domain.review_status import ReviewKind, ReviewStatus
from reviewapp.exports.documents import cn_date, sentence
from reviewapp.legal.local_time import local_date
from reviewapp.storage.models import Account, Finding, Person, Review
from reviewapp.storage.models.panel import Dissent, FeedbackAnswer, JointMeeting

OPINION = ReviewKind.OPINION.value


@dataclass(frozen=True)
class FileParts:
    """What the review file adds to the report's parts (each a list of paragraphs)."""

    panel: list[str] = field(default_factory=list)  # 二: who reviewed, independently, when
    hearing: list[str] = field(default_factory=list)  # 二: the prosecutor's feedback and the rulings
    meeting: list[str] = field(default_factory=list)  # 四
    determination: list[str] = field(default_factory=list)  # 五
    signature: list[str] = field(default_factory=list)  # the foot: 审定 and the SHA-256 of the opinion
    reviewers: str = ""  # the signature line's reviewers, the 主评查员 first
    signed_on: date | None = None  # the determination day when determined


def opinion_of_review(s: Session, review: Review) -> Review | None:
    """The review file a review belongs to (itself for an opinion); None for a review without one."""
    if review.kind == OPINION:
        return review
    return s.get(Review, review.file_id) if review.file_id is not None else None


def _names(s: Session, ids: set[int]) -> dict[int, str]:
    return dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all()) if ids else {}


def _account_name(s: Session, account_id: int | None) -> str:
    if account_id is None:
        return ""
    return (
        s.scalar(select(Person.name).join(Account, Account.person_id == Person.id).where(Account.id == account_id))
        or ""
    )


def _members(s: Session, opinion: Review) -> list[Review]:
    stmt = select(Review).where(Review.file_id == opinion.id, Review.kind != OPINION, Review.deleted_at.is_(None))
    return list(s.scalars(stmt.order_by(Review.id)))


def _panel(opinion: Review, members: list[Review], names: dict[int, str]) -> list[str]:
    if len(members) <= 1:
        return []
    listed = "、".join(names.get(m.reviewer_id, "") for m in members)
    submitted = [m.submitted_at for m in members if m.submitted_at is not None]
    lead = names.get(members[0].reviewer_id, "")
    text = f"评查组由{listed}共{len(members)}名评查员组成（{lead}为主评查员）"
    text += "，各自独立评查"
    if submitted and len(submitted) == len(members):
        text += f"，于{cn_date(local_date(max(submitted)))}全部提交评查意见"
    return [text]


def _severity_change(old: Finding | None, new: Finding | None) -> str:
    if old is None:
        return ""
    if new is None:
        return f"撤销该项问题认定（原认定为{old.severity}）"
    if new.severity != old.severity:
        return f"认定由{old.severity}修改为{new.severity}"
    return "修改问题表述"


def _hearing(s: Session, opinion: Review, prosecutor: str) -> list[str]:
    if opinion.feedback_sent_on is None:
        if ReviewStatus(opinion.status) in (ReviewStatus.AWAITING_DETERMINATION, ReviewStatus.DETERMINED):
            return ["本案等次建议为合格，依规定无需听取承办检察官意见"]
        return []
    lines = [
        f"{cn_date(opinion.feedback_sent_on)}将评查意见送承办检察官{prosecutor}听取意见，"
        + (f"反馈期限至{cn_date(opinion.feedback_due_on)}" if opinion.feedback_due_on else "")
    ]
    if opinion.feedback_outcome == "no_feedback":
        closed = f"（{cn_date(opinion.feedback_closed_on)}）" if opinion.feedback_closed_on else ""
        lines.append(f"承办检察官在期限内未反馈意见，记为无异议（无反馈意见）{closed}")
        return lines
    answers = list(
        s.scalars(
            select(FeedbackAnswer)
            .where(FeedbackAnswer.opinion_id == opinion.id, FeedbackAnswer.deleted_at.is_(None))
            .order_by(FeedbackAnswer.id)
        )
    )
    if not answers:
        if opinion.status == ReviewStatus.AWAITING_FEEDBACK.value:
            lines.append("承办检察官尚未反馈意见")
        return lines
    objections = [a for a in answers if a.answer == "object"]
    day = max(a.answered_on for a in answers)
    if not objections:
        lines.append(f"承办检察官于{cn_date(day)}反馈，对评查意见无异议")
        return lines
    lines.append(f"承办检察官于{cn_date(day)}反馈，对{len(objections)}项评查意见提出异议")
    for n, a in enumerate(objections, start=1):
        old = s.get(Finding, a.finding_id)
        new = s.get(Finding, a.revised_finding_id) if a.revised_finding_id is not None else None
        item = f"{old.item_code}（{old.severity}）" if old is not None else "该项"
        text = f"异议{n}：{item}，异议理由：{sentence(a.reason) or '未说明。'}"
        if a.attachments:
            text += "附件：" + "、".join(str(x.get("name", "")) for x in a.attachments) + "。"
        ruler = _account_name(s, a.ruled_by_id)
        by = f"经审查（{ruler}）" if ruler else "经审查"
        if a.ruling == "upheld":
            text += f"{by}，异议成立，{_severity_change(old, new)}，理由：{sentence(a.ruling_reason)}"
        elif a.ruling == "rejected":
            text += f"{by}，异议不成立，理由：{sentence(a.ruling_reason)}"
            text += "依规定报请检察长审定。"
        else:
            text += "尚待审查。"
        lines.append(text)
    return lines


def _meeting(s: Session, opinion: Review, members: list[Review], names: dict[int, str]) -> list[str]:
    from reviewapp.services.panel.compare import comparison_in  # the panel's comparison (panel package)

    lines: list[str] = []
    meetings = s.scalars(
        select(JointMeeting)
        .where(JointMeeting.opinion_id == opinion.id, JointMeeting.deleted_at.is_(None))
        .order_by(JointMeeting.held_on, JointMeeting.id)
    )
    for m in meetings:
        attendees = "、".join(m.attendees or []) or "评查组全体成员"
        text = f"{cn_date(m.held_on)}召开评查小组联席会议，参加人员：{attendees}。"
        if m.minutes.strip():
            text += "会议纪要：" + sentence(m.minutes)
        if m.attachments:
            text += "附件：" + "、".join(str(x.get("name", "")) for x in m.attachments) + "。"
        lines.append(text)
    if len(members) > 1 and opinion.status != ReviewStatus.IN_REVIEW.value:
        rows = [r for r in comparison_in(s, opinion).rows if r.disagreement]
        if not rows:
            lines.append("评查组成员对各评查项目的认定意见一致")
        for r in rows:
            views = "，".join(f"{c.reviewer}认定为{c.severity or '无问题'}" for c in r.cells)
            text = f"{r.item_code} {r.item_text}：{views}。"
            if r.decision is None:
                text += "尚待评查组长合议。"
            elif r.decision.origin == "reconciled":
                text += f"经评查组长合议，认定为{r.decision.severity or '无问题'}，理由：{sentence(r.decision.reason)}"
            lines.append(text)
    dissents = s.scalars(
        select(Dissent).where(Dissent.opinion_id == opinion.id, Dissent.deleted_at.is_(None)).order_by(Dissent.id)
    )
    for d in dissents:
        about = f"（{d.item_code}）" if d.item_code else ""
        lines.append(f"评查员{names.get(d.member_id, '')}保留意见{about}：{sentence(d.text)}")
    return lines


def _determination(s: Session, opinion: Review) -> tuple[list[str], list[str]]:
    determined = opinion.status in (ReviewStatus.DETERMINED.value, ReviewStatus.ARCHIVED.value)
    if not determined or opinion.determined_on is None:
        return ["本评查意见尚未审定"], []
    who = _account_name(s, opinion.determined_by_id)
    day = cn_date(local_date(opinion.determined_on))
    body = opinion.determination_body or ""
    grade = opinion.final_grade or opinion.proposed_grade or ""
    if body == "检察委员会":
        meeting = cn_date(opinion.committee_meeting_on) if opinion.committee_meeting_on else day
        text = f"经{meeting}检察委员会会议审定，本案评定为{grade}"
        if opinion.committee_decision.strip():
            text += "。检察委员会决定：" + sentence(opinion.committee_decision)
    else:
        text = f"经{body}{who}于{day}审定，本案评定为{grade}"
    at = opinion.determined_on
    signed = f"审定：{body}{who}，{day}{at.hour}时{at.minute:02d}分"
    digest = opinion.opinion_sha256 or ""
    groups = " ".join(digest[i : i + 8] for i in range(0, len(digest), 8))
    signature = [signed, f"评查意见内容摘要（SHA-256）：{groups}"] if digest else [signed]
    return [text], signature


def file_parts(s: Session, review: Review, prosecutor: str) -> FileParts:
    """The report parts of the review file ``review`` belongs to; empty parts for a review without a file."""
    opinion = opinion_of_review(s, review)
    if opinion is None:
        return FileParts()
    members = _members(s, opinion)
    names = _names(s, {m.reviewer_id for m in members} | {d for d in _dissenters(s, opinion)})
    determination, signature = _determination(s, opinion)
    return FileParts(
        panel=_panel(opinion, members, names),
        hearing=_hearing(s, opinion, prosecutor),
        meeting=_meeting(s, opinion, members, names),
        determination=determination,
        signature=signature,
        reviewers="、".join(names.get(m.reviewer_id, "") for m in members),
        signed_on=local_date(opinion.determined_on) if opinion.determined_on else None,
    )


def _dissenters(s: Session, opinion: Review) -> list[int]:
    return list(s.scalars(select(Dissent.member_id).where(Dissent.opinion_id == opinion.id)))

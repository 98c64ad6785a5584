"""Clean criminal cases (审查起诉 / 审查逮捕): every date keeps a clear margin to its statutory limit.

The random cases must give an automatic checker nothing to find, so each choice below stays well inside
review-rules.md §4–§5; the deliberate errors come only from the scenario cards.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from reviewapp.demo.staff import Prosecutor, masked, random_person
from reviewapp.demo.vocabulary import CITY, ChargeSpec, chinese_count, yuan
from reviewapp.demo.workdays import add_days, is_workday, pick_workday
from reviewapp.domain.case_card import CaseCard, SuspectRecord

# Net prosecution-review days stay ≤ 20 against the 30-day limit (CPL 172), fast-track ≤ 8 against 10
# (CPL 172 / 规则 273), arrest review with custody ≤ 5 against 7 (CPL 91), without custody ≤ 10 against 15.
MAX_NET_REVIEW_DAYS = 20
MAX_FAST_TRACK_DAYS = 8
MAX_ARREST_DAYS_DETAINED = 5
MAX_ARREST_DAYS_FREE = 10
# Longest closed case from acceptance: 20 net days + two returns of ≤ 25 days each.
LONGEST_CASE_DAYS = MAX_NET_REVIEW_DAYS + 2 * 25
# Fast-track (速裁) needs a likely sentence of ≤ 3 years; these charges usually carry more.
_NO_FAST_TRACK = {"抢劫罪", "非法吸收公众存款罪", "走私、贩卖、运输、制造毒品罪", "交通肇事罪"}
_NAME_LABELS = {"走私、贩卖、运输、制造毒品罪": ("贩卖毒品", "运输毒品")}


@dataclass(frozen=True)
class CasePlan:
    """What the caller decided before the timeline: who handles which matter, when it came in."""

    case_type: str  # 审查起诉 / 审查逮捕
    charge: ChargeSpec
    juvenile: bool
    prosecutor: Prosecutor
    department: str
    accepted_on: date
    is_open: bool
    as_of: date


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _birth_date(rng: random.Random, age: int, offence: date, end: date) -> date:
    """A birth date giving ``age`` both on the offence date and on ``end`` (no birthday in between)."""
    window = (end - offence).days
    for _ in range(20):
        birthday = add_days(offence, -rng.randint(1, max(1, 364 - window - 1)))
        day = 28 if (birthday.month, birthday.day) == (2, 29) else birthday.day
        birth = birthday.replace(year=birthday.year - age, day=day)
        if age_on(birth, offence) == age and age_on(birth, end) == age:
            return birth
    return offence.replace(year=offence.year - age - 1, day=min(offence.day, 28))


def _amount(rng: random.Random, charge: ChargeSpec) -> Decimal | None:
    if charge.amount_range is None:
        return None
    lo, hi = charge.amount_range
    if rng.random() < 0.6:  # most amounts are whole yuan
        return Decimal(rng.randint(lo, hi)).quantize(Decimal("0.01"))
    return Decimal(rng.randint(lo * 100, hi * 100)).scaleb(-2)


def _notice_date(rng: random.Random, accepted: date) -> date:
    # CPL 34 / 46: notices within 3 days; we notify on the first working day among day 1 and day 2.
    for offset in (1, 2):
        if is_workday(add_days(accepted, offset)):
            return add_days(accepted, offset)
    return add_days(accepted, rng.choice((1, 2)))


def _agency(rng: random.Random, plan: CasePlan) -> str:
    district = plan.prosecutor.unit.district
    if district == CITY:
        special = {
            "走私、贩卖、运输、制造毒品罪": "临江市公安局禁毒支队",
            "非法吸收公众存款罪": "临江市公安局经济犯罪侦查支队",
        }
        return special.get(plan.charge.name, "临江市公安局")
    if plan.charge.name in ("危险驾驶罪", "交通肇事罪") and rng.random() < 0.5:
        return f"临江市公安局交通警察支队{district[:-1]}大队"
    return f"临江市公安局{district[:-1]}分局"


def _fmt(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


class _Timeline:
    """Acceptance → (returns) → decision for one prosecution-review case, net days ≤ the limit."""

    def __init__(self, rng: random.Random, accepted: date, returns: int, fast_track: bool) -> None:
        self.returns: list[tuple[date, date]] = []
        start = accepted
        used = 0
        for i in range(returns):
            # CPL 175: each return ≤ 1 month; ours last 10–25 days, and the review part before it stays short.
            back = pick_workday(rng, add_days(start, 4 if i == 0 else 3), add_days(start, 8 if i == 0 else 6))
            used += (back - start).days
            resubmitted = pick_workday(rng, add_days(back, 10), add_days(back, 25))
            self.returns.append((back, resubmitted))
            start = resubmitted
        limit = MAX_FAST_TRACK_DAYS if fast_track else MAX_NET_REVIEW_DAYS
        low = 2 if fast_track else min(5, limit - used)
        self.closed = pick_workday(rng, add_days(start, low), add_days(start, limit - used))
        if (self.closed - start).days + used > limit:  # a long holiday left no working day in range
            self.closed = add_days(start, limit - used)
        self.last_start = start


def _suspects(rng: random.Random, plan: CasePlan, count: int, detained: bool, number: str) -> list[SuspectRecord]:
    people = [random_person(rng, male_share=0.85) for _ in range(count)]
    accepted = plan.accepted_on
    records: list[SuspectRecord] = []
    for i, person in enumerate(people):
        held = detained and (i == 0 or rng.random() < 0.5)
        if plan.case_type == "审查逮捕":
            # 拘留 then 提请批准逮捕 within 3 days (CPL 91); bail cases come in later.
            measure = "拘留" if held else "取保候审"
            started = add_days(accepted, -rng.randint(1, 3) if held else -rng.randint(20, 90))
        elif held:
            # Arrested during investigation, custody ≤ 2 months before transfer (CPL 156).
            measure, started = "逮捕", add_days(accepted, -rng.randint(20, 55))
        else:
            # 取保候审 ≤ 12 months and 监视居住 ≤ 6 months (CPL 79) are never near their limits here.
            measure = "监视居住" if rng.random() < 0.03 else "取保候审"
            started = add_days(accepted, -rng.randint(15, 60 if measure == "监视居住" else 120))
        record = SuspectRecord(
            number, person.name, person.gender, detained=held, measure=measure, measure_started_on=started
        )
        _date_measures(record)
        records.append(record)
    return records


def _date_measures(record: SuspectRecord) -> None:
    """Each measure's own date column, as the whole card carries them (no draw: every seed keeps its cards).
    An arrest follows a detention (CPL arts. 89, 91: request within 3 days, decision within 7)."""
    started = record.measure_started_on
    if record.measure == "拘留":
        record.detained_on = started
    elif record.measure == "逮捕" and started is not None:
        record.arrested_on, record.detained_on = started, add_days(started, -7)
    elif record.measure == "取保候审":
        record.bail_on = started
    elif record.measure == "监视居住":
        record.surveillance_on = started


def criminal_card(rng: random.Random, plan: CasePlan, number: str, unified: str) -> CaseCard:
    charge, accepted = plan.charge, plan.accepted_on
    prosecution = plan.case_type == "审查起诉"
    count = 1 if charge.name in ("危险驾驶罪", "交通肇事罪") else rng.choices((1, 2, 3), (75, 18, 7))[0]
    detained = charge.arrestable and (rng.random() < (0.9 if not prosecution else 0.2 if plan.juvenile else 0.45))
    suspects = _suspects(rng, plan, count, detained, number)
    detained = any(s.detained for s in suspects)
    card = CaseCard(
        dept_case_no=number,
        name="",
        case_type=plan.case_type,
        unit=plan.prosecutor.unit.name,
        department=plan.department,
        prosecutor=plan.prosecutor.name,
        accepted_on=accepted,
        unified_case_no=unified,
        business_line="未检" if plan.juvenile else "公诉" if prosecution else "侦监",
        prosecutor_staff_no=plan.prosecutor.staff_no,
        transferring_agency=_agency(rng, plan),
        transferred_charge=charge.name,
        found_charge=charge.name,
        detained=detained,
        amount=_amount(rng, charge),
        has_victim=charge.has_victim,
        suspects=suspects,
    )
    card.suspect_notified_on = _notice_date(rng, accepted)
    if prosecution and charge.has_victim:
        card.victim_notified_on = card.suspect_notified_on
    end = plan.as_of
    if prosecution:
        card.returns_count = 0
        card.extension_approved = False
        if not plan.is_open:
            end = _close_prosecution(rng, plan, card)
    elif not plan.is_open:
        limit = MAX_ARREST_DAYS_DETAINED if detained else MAX_ARREST_DAYS_FREE
        card.closed_on = pick_workday(rng, add_days(accepted, 2), add_days(accepted, limit))
        card.disposition = "批准逮捕" if rng.random() < 0.85 else "不批准逮捕"
        end = card.closed_on
    _finish_people(rng, plan, card, end)
    return card


def _close_prosecution(rng: random.Random, plan: CasePlan, card: CaseCard) -> date:
    if plan.juvenile:
        disposition = rng.choices(("起诉", "附条件不起诉", "不起诉（酌定）"), (65, 25, 10))[0]
    else:
        disposition = rng.choices(("起诉", "不起诉（酌定）", "不起诉（法定）", "不起诉（存疑）"), (91, 6, 1, 2))[0]
    plea = disposition == "起诉" and rng.random() < 0.94
    fast = plea and not plan.juvenile and plan.charge.name not in _NO_FAST_TRACK and rng.random() < 0.45
    if fast:
        returns = 0
    elif disposition == "不起诉（存疑）":
        returns = rng.choice((1, 2))  # CPL 175: doubt-based non-prosecution only after a return
    else:
        returns = rng.choices((0, 1, 2), (82, 14, 4))[0]
    timeline = _Timeline(rng, plan.accepted_on, returns, fast)
    card.closed_on, card.disposition, card.returns_count, card.plea = timeline.closed, disposition, returns, plea
    for i, (back, resubmitted) in enumerate(timeline.returns):
        setattr(card, f"return{i + 1}_on", back)
        setattr(card, f"resubmit{i + 1}_on", resubmitted)
    if returns == 2:
        # A case returned twice is the complex kind whose review period gets extended (CPL art. 172: +15 days,
        # approved within the period); no draw, so every seed keeps its cards.
        card.extension_approved, card.extension_approved_on = True, add_days(timeline.last_start, 2)
    if plea:
        # 规则 272: signed with a defender or duty lawyer present, during the (last) review period.
        card.plea_signed_on = pick_workday(
            rng, max(add_days(timeline.last_start, 1), plan.accepted_on), timeline.closed
        )
        if card.plea_signed_on > timeline.closed:
            card.plea_signed_on = timeline.closed
        # Minors get a legal-aid defender (CPL 278); adults mostly sign before the duty lawyer.
        card.plea_witness = "辩护人" if plan.juvenile or rng.random() < 0.3 else "值班律师"
        card.procedure = "速裁" if fast else rng.choice(("简易", "简易", "普通"))
        # 规则 275: a fixed term in principle; a range (幅度刑) would need reasons the card cannot show.
        card.sentencing_recommendation = "确定刑"
    elif disposition == "起诉":
        card.procedure = rng.choice(("简易", "普通", "普通", "普通"))
    return timeline.closed


def _finish_people(rng: random.Random, plan: CasePlan, card: CaseCard, end: date) -> None:
    charge = plan.charge
    first_start = min(s.measure_started_on or plan.accepted_on for s in card.suspects)
    offence = add_days(first_start, -rng.randint(0, 10 if card.detained else 30))
    prosecuted = card.disposition == "起诉"
    # Judgments come months after the indictment; only older cases carry one.
    judged = prosecuted and card.closed_on is not None and (plan.as_of - card.closed_on).days > 60
    sentence_pick = 0 if card.procedure == "速裁" else rng.randrange(len(charge.sentences))
    judged = judged and rng.random() < 0.7
    for s in card.suspects:
        age = rng.randint(16, 17) if plan.juvenile else min(70, 19 + int(rng.expovariate(1 / 14)))
        s.birth_date = _birth_date(rng, age, offence, end)
        s.age_at_offence = age
        s.plea = card.plea
        s.transferred_charge = s.found_charge = charge.name
        s.prosecuted_charge = charge.name if prosecuted else None
        if judged:
            s.judged_charge, s.sentence = charge.name, charge.sentences[sentence_pick]
            s.judged_on = add_days(card.closed_on, 45) if card.closed_on else None  # the judgment follows by weeks
            if s.measure == "取保候审":
                s.measure_ended_on = s.judged_on  # bail ends with the judgment (CPL art. 77)
            # CPL 201: the court generally adopts the recommendation, so the random cards never fire 诉判不一.
            s.recommended_sentence = s.sentence
    # 国家赔偿 and 复议/复核 of a refusal (CPL 92, 179) without a draw from rng, so every seed keeps its cards:
    # none is compensated, a third of the refusals were reconsidered and upheld, the rest never reconsidered.
    if card.closed_on is not None:
        card.state_compensation = False
        refused = (card.disposition or "").startswith(("不批准逮捕", "不起诉"))
        if refused:
            card.reconsideration_outcome = "维持原决定" if card.accepted_on.toordinal() % 3 == 0 else "无"
    template_index = rng.randrange(len(charge.summaries))
    first = masked(card.suspects[0].name)
    who = first + (f"等{chinese_count(len(card.suspects))}人" if len(card.suspects) > 1 else "")
    label = _NAME_LABELS.get(charge.name, (charge.name.removesuffix("罪"),) * 2)[min(template_index, 1)]
    card.name = f"{who}{label}案"
    card.summary = charge.summaries[template_index].format(
        who=who,
        when=_fmt(offence),
        place=plan.prosecutor.unit.district,
        amount=yuan(card.amount) if card.amount is not None else "",
        bac=rng.randint(85, 220),
        grams=f"{rng.uniform(0.3, 45):.2f}",
    )

"""Random clean case cards for demos, tests and benchmarks: ``build_cards(cases, seed)``."""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import accumulate

from reviewapp.demo.criminal import LONGEST_CASE_DAYS, CasePlan, criminal_card
from reviewapp.demo.staff import Prosecutor, build_prosecutors, masked, random_person
from reviewapp.demo.vocabulary import (
    CASE_NO_CODES,
    CHARGES,
    CIVIL_DEPARTMENT,
    CIVIL_MATTERS,
    GENERAL_DEPARTMENT,
    JUVENILE_DEPARTMENT,
    PROVINCE_ABBR,
    UNITS,
    ChargeSpec,
    UnitSpec,
)
from reviewapp.demo.workdays import add_days, pick_workday, workdays_between
from reviewapp.domain.case_card import CaseCard

DEFAULT_SEED = 20260201
# A fixed "today" keeps the output the same for a seed; open cases were accepted just before it.
DEMO_AS_OF = date(2026, 10, 30)
FIRST_ACCEPTED = date(2024, 1, 2)
OPEN_SHARE = 0.05
ARCHIVED_COLUMN = "归档日期"
JUVENILE_SHARE = 0.06

_CHARGE_CUM = list(accumulate(c.weight for c in CHARGES))
_JUVENILE_CHARGES = [c for c in CHARGES if c.juvenile]
_ARRESTABLE = [c for c in CHARGES if c.arrestable]
_ARRESTABLE_CUM = list(accumulate(c.weight for c in _ARRESTABLE))


@dataclass(frozen=True, slots=True)  # a million of them are sorted at once
class _Draft:
    """A case before numbering: numbers follow acceptance order, as a real register does."""

    accepted_on: date
    order: int
    kind: str  # 审查起诉 / 审查逮捕 / civil matter index as "civil:<i>"
    unit: UnitSpec
    juvenile: bool
    is_open: bool
    seed: int


class _Numberer:
    """部门受案号 like 江东检刑诉受[2025]339902000123号 and 统一受案号, unique, skipping reserved numbers."""

    def __init__(self, rng: random.Random, reserved: Collection[str]) -> None:
        self.rng = rng
        self.reserved = set(reserved)
        self.serials: dict[tuple[str, str, int], int] = {}
        self.unified: dict[tuple[str, int], int] = {}

    def next(self, unit: UnitSpec, code: str, year: int) -> tuple[str, str]:
        key = (unit.area_code, code, year)
        while True:
            # Gaps between serials stand for the cases of the register that are not in this export.
            serial = self.serials.get(key, 0) + self.rng.randint(1, 12)
            self.serials[key] = serial
            number = f"{PROVINCE_ABBR}{unit.abbr}检{code}[{year}]{unit.area_code}{serial:06d}号"
            if number not in self.reserved:
                break
        ukey = (unit.area_code, year)
        self.unified[ukey] = self.unified.get(ukey, 0) + self.rng.randint(1, 5)
        return number, f"{unit.area_code}{year}{self.unified[ukey]:07d}"


def _drafts(rng: random.Random, cases: int, as_of: date) -> list[_Draft]:
    closed_days = workdays_between(FIRST_ACCEPTED, add_days(as_of, -LONGEST_CASE_DAYS - 5))
    drafts: list[_Draft] = []
    for i in range(cases):
        roll = rng.random()
        kind = (
            "审查起诉" if roll < 0.58 else "审查逮捕" if roll < 0.95 else f"civil:{rng.randrange(len(CIVIL_MATTERS))}"
        )
        is_open = not kind.startswith("civil") and rng.random() < OPEN_SHARE
        if is_open:
            back = 3 if kind == "审查逮捕" else 8  # still inside the 7-day / 1-month limits on as_of
            accepted = pick_workday(rng, add_days(as_of, -back), add_days(as_of, -1))
        else:
            accepted = rng.choice(closed_days)
        juvenile = not kind.startswith("civil") and rng.random() < JUVENILE_SHARE
        unit = rng.choices(UNITS, (14, 24, 22, 24, 16))[0]
        drafts.append(_Draft(accepted, i, kind, unit, juvenile, is_open, rng.getrandbits(64)))
    drafts.sort(key=lambda d: (d.accepted_on, d.order))
    return drafts


def _department(unit: UnitSpec, wanted: str) -> str:
    if unit.departments == (GENERAL_DEPARTMENT,):
        return GENERAL_DEPARTMENT
    return wanted if wanted in unit.departments else "第二检察部"


def _prosecutor(rng: random.Random, staff: list[Prosecutor], unit: UnitSpec, department: str) -> Prosecutor:
    return rng.choice([p for p in staff if p.unit is unit and p.department == department])


def _civil_card(
    rng: random.Random, draft: _Draft, matter_index: int, staff: list[Prosecutor], numberer: _Numberer
) -> CaseCard:
    case_type, line, name_tpl, dispositions, summary_tpl = CIVIL_MATTERS[matter_index]
    department = _department(draft.unit, CIVIL_DEPARTMENT)
    prosecutor = _prosecutor(rng, staff, draft.unit, department)
    number, unified = numberer.next(draft.unit, CASE_NO_CODES[(case_type, False)], draft.accepted_on.year)
    a, b = masked(random_person(rng).name), masked(random_person(rng).name)
    place = draft.unit.district
    return CaseCard(
        dept_case_no=number,
        name=name_tpl.format(a=a, b=b, place=place),
        case_type=case_type,
        unit=draft.unit.name,
        department=department,
        prosecutor=prosecutor.name,
        accepted_on=draft.accepted_on,
        unified_case_no=unified,
        business_line=line,
        prosecutor_staff_no=prosecutor.staff_no,
        # Supervision review ends within 3 months (人民检察院民事诉讼监督规则); ours within two.
        closed_on=pick_workday(rng, add_days(draft.accepted_on, 20), add_days(draft.accepted_on, 60)),
        disposition=rng.choice(dispositions),
        summary=summary_tpl.format(a=a, place=place),
    )


def _charge(rng: random.Random, kind: str, juvenile: bool) -> ChargeSpec:
    if juvenile:
        pool = [c for c in _JUVENILE_CHARGES if c.arrestable or kind == "审查起诉"]
        return rng.choices(pool, [c.weight for c in pool])[0]
    if kind == "审查逮捕":  # no arrest where the maximum penalty is 拘役 (CPL 81)
        return rng.choices(_ARRESTABLE, cum_weights=_ARRESTABLE_CUM)[0]
    return rng.choices(CHARGES, cum_weights=_CHARGE_CUM)[0]


def build_cards(
    cases: int,
    seed: int = DEFAULT_SEED,
    *,
    as_of: date = DEMO_AS_OF,
    reserved: Collection[str] = (),
    on_card: Callable[[], None] | None = None,
) -> list[CaseCard]:
    """``cases`` clean random cards, the same for the same arguments, in acceptance order.

    ``reserved`` numbers (e.g. the scenario cards') are never given out; ``as_of`` is the day the export is
    taken: every closed case closed before it and the open ones are still inside their limits on it.
    ``on_card`` is called after each card (progress and cancellation of long runs).
    """
    cards: list[CaseCard] = []
    for card in iter_cards(cases, seed, as_of=as_of, reserved=reserved):
        cards.append(card)
        if on_card is not None:
            on_card()
    return cards


def iter_cards(
    cases: int,
    seed: int = DEFAULT_SEED,
    *,
    as_of: date = DEMO_AS_OF,
    reserved: Collection[str] = (),
) -> Iterator[CaseCard]:
    """:func:`build_cards` one card at a time (a million cards do not fit in memory at once)."""
    rng = random.Random(seed)
    staff = build_prosecutors(rng)
    numberer = _Numberer(rng, reserved)
    for draft in _drafts(rng, cases, as_of):
        # One generator per case: a change in how one case is drawn leaves the others as they were.
        case_rng = random.Random(draft.seed)
        if draft.kind.startswith("civil:"):
            card = _civil_card(case_rng, draft, int(draft.kind[6:]), staff, numberer)
        else:
            card = _criminal(case_rng, draft, staff, numberer, as_of)
        if card.closed_on is not None:
            # 归档日期 is not a card field the app knows: real exports carry such columns and the import keeps
            # them as extra attributes, so the demo shows that too. Text, as the import stores it.
            archived = pick_workday(case_rng, add_days(card.closed_on, 3), add_days(card.closed_on, 20))
            if archived <= as_of:
                card.extra[ARCHIVED_COLUMN] = archived.isoformat()
        yield card


def _criminal(rng: random.Random, draft: _Draft, staff: list[Prosecutor], numberer: _Numberer, as_of: date) -> CaseCard:
    charge = _charge(rng, draft.kind, draft.juvenile)
    wanted = JUVENILE_DEPARTMENT if draft.juvenile else charge.department
    department = _department(draft.unit, wanted)
    plan = CasePlan(
        draft.kind,
        charge,
        draft.juvenile,
        _prosecutor(rng, staff, draft.unit, department),
        department,
        draft.accepted_on,
        draft.is_open,
        as_of,
    )
    number, unified = numberer.next(draft.unit, CASE_NO_CODES[(draft.kind, draft.juvenile)], draft.accepted_on.year)
    return criminal_card(rng, plan, number, unified)

"""Demo people: Chinese personal names and the prosecutors of each unit and department."""

from __future__ import annotations

import random
from dataclasses import dataclass
from itertools import accumulate

from reviewapp.demo.vocabulary import GIVEN_FEMALE, GIVEN_MALE, SURNAMES, UNITS, UnitSpec

_SURNAME_LIST = [s for s, _ in SURNAMES]
_SURNAME_CUM = list(accumulate(w for _, w in SURNAMES))


@dataclass(frozen=True)
class Person:
    name: str
    gender: str  # 男 / 女


@dataclass(frozen=True)
class Prosecutor:
    name: str
    staff_no: str
    unit: UnitSpec
    department: str


def random_person(rng: random.Random, male_share: float = 0.5) -> Person:
    surname = rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUM)[0]
    if rng.random() < male_share:
        return Person(surname + rng.choice(GIVEN_MALE), "男")
    return Person(surname + rng.choice(GIVEN_FEMALE), "女")


def masked(name: str) -> str:
    """张伟 → 张某, 张建国 → 张某某: how case names and documents refer to a person."""
    surname_len = 2 if name[:2] in {"欧阳", "司马", "诸葛", "上官"} else 1
    return name[:surname_len] + "某" * max(1, len(name) - surname_len)


def build_prosecutors(rng: random.Random) -> list[Prosecutor]:
    """One or two prosecutors per department of every unit (about 30 in all), unique names and staff numbers."""
    staff: list[Prosecutor] = []
    used: set[str] = set()
    for unit in UNITS:
        serial = 0
        for department in unit.departments:
            # A one-department unit (综合业务部) needs more hands than one department of a larger unit.
            count = 3 if len(unit.departments) == 1 else rng.choice((1, 2, 2))
            for _ in range(count):
                person = random_person(rng)
                while person.name in used:
                    person = random_person(rng)
                used.add(person.name)
                serial += 1
                staff.append(Prosecutor(person.name, f"{unit.area_code[2:]}{serial:04d}", unit, department))
    return staff

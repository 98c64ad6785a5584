"""Routine sampling (常规抽查): quotas per prosecutor and a seeded, stratified sample.

review-rules.md §1 (practice): at least 5 % of each prosecutor's closed cases, at least 2 per leading
prosecutor. Each prosecutor is a stratum; the sample of a stratum depends only on the seed, the prosecutor and
the ids of their cases — never on the order cases were read in — so the same seed gives the same selection.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Quota:
    percent: Fraction = Fraction(5)  # of each prosecutor's closed cases in scope, rounded up
    minimum: int = 1  # every prosecutor with a case in scope has at least this many sampled
    leader_minimum: int = 2  # prosecutors marked as leaders (院领导 / 部门负责人)

    def for_prosecutor(self, closed: int, leader: bool) -> int:
        """How many of ``closed`` cases to sample; never more than there are."""
        if closed <= 0:
            return 0
        wanted = max(math.ceil(closed * self.percent / 100), self.minimum, self.leader_minimum if leader else 0)
        return min(closed, wanted)


def parse_percent(text: str | float | int) -> Fraction:
    return Fraction(str(text))


@dataclass(frozen=True)
class Sampled:
    case_id: int
    prosecutor_id: int
    stratum_size: int
    quota: int


def stratified_sample(
    cases: Iterable[tuple[int, int]], leaders: frozenset[int] | set[int], quota: Quota, seed: int
) -> list[Sampled]:
    """Sample ``(case_id, prosecutor_id)`` pairs by prosecutor. Sorted by case id."""
    strata: dict[int, list[int]] = defaultdict(list)
    for case_id, prosecutor_id in cases:
        strata[prosecutor_id].append(case_id)
    out: list[Sampled] = []
    for prosecutor_id, ids in strata.items():
        ids.sort()
        n = quota.for_prosecutor(len(ids), prosecutor_id in leaders)
        rng = random.Random(f"{seed}:{prosecutor_id}")
        out.extend(Sampled(c, prosecutor_id, len(ids), n) for c in rng.sample(ids, n))
    out.sort(key=lambda s: s.case_id)
    return out

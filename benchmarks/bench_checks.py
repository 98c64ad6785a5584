"""Time the automatic pre-screening over 100 000 varied case cards (goal: < 30 s on 2 cores).

    .venv/bin/python benchmarks/bench_checks.py [--cases 100000] [--workers 2]

Cards are built in memory first (not timed); then every card is checked with all rules, once in one
process and once split over ``--workers`` processes (each builds its own share, then checks it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from decimal import Decimal

from reviewapp.checks import Status, check_case
from reviewapp.demo.scenarios import arrest_card, prosecution_card
from reviewapp.domain.case_card import CaseCard

FIRST = dt.date(2015, 1, 5)
SPAN_DAYS = (dt.date(2026, 6, 30) - FIRST).days


def build_card(i: int) -> CaseCard:
    """A varied card: case type, custody, returns, fast-track, open/closed, ages and plea all vary."""
    rng = random.Random(i)
    accepted = FIRST + dt.timedelta(days=rng.randrange(SPAN_DAYS))
    detained = rng.random() < 0.5
    if rng.random() < 0.25:
        decided = accepted + dt.timedelta(days=rng.randint(3, 22))
        return arrest_card(i, accepted, decided, detained=detained, extension_approved=rng.random() < 0.1)
    fast = rng.random() < 0.2
    returns = 0 if fast else rng.choice((0, 0, 0, 1, 1, 2, 3))
    changes: dict[str, object] = {"returns_count": returns, "procedure": "速裁" if fast else "普通"}
    day = accepted
    for n in range(1, min(returns, 2) + 1):
        day += dt.timedelta(days=rng.randint(5, 30))
        changes[f"return{n}_on"] = day
        day += dt.timedelta(days=rng.randint(10, 33))
        changes[f"resubmit{n}_on"] = day
    closed: dt.date | None = day + dt.timedelta(days=rng.randint(3, 14 if fast else 40))
    if rng.random() < 0.1:
        closed = None
    changes["extension_approved"] = rng.random() < 0.15
    changes["suspect_notified_on"] = accepted + dt.timedelta(days=rng.randint(0, 5))
    changes["plea"] = rng.random() < 0.8 or fast
    changes["plea_witness"] = rng.choice(("值班律师", "辩护人", "辩护人", "无", None))
    changes["sentencing_recommendation"] = rng.choice(("确定刑", "确定刑", "幅度刑", "无"))
    changes["amount"] = Decimal(rng.randint(0, 200000)) if rng.random() < 0.9 else None
    age = rng.choice((15, 16, 17, 18, 19, 25, 34, 47, 60, None))
    suspect: dict[str, object] = {"age_at_offence": age}
    if not detained and rng.random() < 0.3:
        suspect.update(measure="监视居住", measure_started_on=accepted - dt.timedelta(days=rng.randint(0, 200)))
    elif not detained:
        suspect.update(measure_started_on=accepted - dt.timedelta(days=rng.randint(0, 400)))
    return prosecution_card(i, accepted, closed, detained=detained, suspect=suspect, **changes)


def check_all(cards: list[CaseCard], today: dt.date) -> Counter[str]:
    counts: Counter[str] = Counter()
    for card in cards:
        for result in check_case(card, today=today):
            counts[result.status.value] += 1
    return counts


def _worker(bounds: tuple[int, int]) -> tuple[float, Counter[str]]:
    cards = [build_card(i) for i in range(*bounds)]
    check_case(cards[0])  # warm the calendar and config caches before timing
    start = time.perf_counter()
    counts = check_all(cards, dt.date(2026, 7, 1))
    return time.perf_counter() - start, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    t0 = time.perf_counter()
    cards = [build_card(i) for i in range(args.cases)]
    print(f"built {len(cards)} cards in {time.perf_counter() - t0:.1f} s")
    check_case(cards[0])
    t0, c0 = time.perf_counter(), time.process_time()
    counts = check_all(cards, dt.date(2026, 7, 1))
    single, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"1 process: checked {len(cards)} cards in {single:.1f} s wall, {cpu:.1f} s CPU "
        f"({sum(counts.values())} results: {dict(counts)})"
    )

    step = -(-args.cases // args.workers)
    chunks = [(lo, min(lo + step, args.cases)) for lo in range(0, args.cases, step)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        outcomes = list(pool.map(_worker, chunks))
    wall = time.perf_counter() - t0
    slowest = max(seconds for seconds, _ in outcomes)
    total = sum((c for _, c in outcomes), Counter())
    assert total == counts, "parallel run must give the same results"
    print(
        f"{args.workers} processes: checking took {slowest:.1f} s in the slowest worker; "
        f"{wall:.1f} s wall including process start and building the cards"
    )
    assert Status.VIOLATION.value in counts


if __name__ == "__main__":
    main()

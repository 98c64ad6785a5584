"""Time selecting and assigning a review plan — goal: ≤ 2 s over 100 000 closed cases and 200 reviewers.

    .venv/bin/python benchmarks/bench_plans.py [--cases 100000] [--reviewers 200] [--keep]

Builds (not timed) a database of ``--cases`` closed cases of 2 000 prosecutors in 20 district units under a
city procuratorate, and ``--reviewers`` 评查员 accounts spread over the units (rows written directly: creating
200 accounts through the service would spend a minute hashing passwords). Then, as the administrator, times:

1. 常规抽查 (本院): the selection preview, its commit (seeded stratified sample, ≥ 5 % of each prosecutor's
   closed cases, ≥ 2 for leaders), and the assignment with recusal and load balancing — the goal;
2. 交叉评查 of every closed case (每案必检 coverage): commit and assignment of all of them — an upper bound.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench_common import open_as_admin
from sqlalchemy import insert, select

from reviewapp.domain.plans import PlanMode, PlanType
from reviewapp.domain.roles import Role, Scope
from reviewapp.services.plans.assignment import assign_plan
from reviewapp.services.plans.commands import PlanSpec, create_plan
from reviewapp.services.plans.selection import commit_selection, preview_selection
from reviewapp.services.reviews.standards_store import ensure_standards, list_standard_versions
from reviewapp.storage.models import Account, AccountRole, Case, Department, Person, Unit
from reviewapp.storage.models.base import new_uid, utcnow

UNITS = 20
PROSECUTORS_PER_UNIT = 100


def build(wb: object, cases: int, reviewers: int) -> None:
    now = utcnow()
    with wb.db.unchecked_session() as s:  # type: ignore[attr-defined]
        city = s.execute(
            insert(Unit).returning(Unit.id), [{"name": "基准市检察院", "created_at": now, "updated_at": now}]
        ).scalar_one()
        units = list(
            s.execute(
                insert(Unit).returning(Unit.id),
                [
                    {"name": f"基准第{u}区检察院", "parent_id": city, "created_at": now, "updated_at": now}
                    for u in range(UNITS)
                ],
            ).scalars()
        )
        depts: dict[tuple[int, str], int] = {}
        for u in [city, *units]:
            for name in ("第一检察部", "第二检察部", "案件管理部"):
                depts[(u, name)] = s.execute(
                    insert(Department).returning(Department.id),
                    [{"unit_id": u, "name": name, "created_at": now, "updated_at": now}],
                ).scalar_one()
        people = []
        for i, u in enumerate(units):
            for k in range(PROSECUTORS_PER_UNIT):
                dept = depts[(u, "第一检察部" if k % 2 else "第二检察部")]
                leader = "部门负责人" if k < 4 else None
                people.append(
                    {
                        "name": f"检察官{i}-{k}",
                        "staff_no": f"P{i:02d}{k:03d}",
                        "unit_id": u,
                        "department_id": dept,
                        "is_prosecutor": True,
                        "is_reviewer": False,
                        "leader": leader,
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        prosecutors = list(s.execute(insert(Person).returning(Person.id), people).scalars())
        units_of = {p: people[i]["unit_id"] for i, p in enumerate(prosecutors)}
        depts_of = {p: people[i]["department_id"] for i, p in enumerate(prosecutors)}
        rows = []
        start = date(2025, 1, 1)
        for n in range(cases):
            p = prosecutors[(n * 7919) % len(prosecutors)]
            rows.append(
                {
                    "dept_case_no": f"基准受[2025]{n}号",
                    "name": f"某{n}案",
                    "case_type": "审查起诉",
                    "business_line": "公诉",
                    "unit_id": units_of[p],
                    "department_id": depts_of[p],
                    "prosecutor_id": p,
                    "accepted_on": start + timedelta(days=n % 300),
                    "closed_on": start + timedelta(days=n % 300 + 20),
                    "disposition": "起诉",
                    "dossier_paths": [],
                    "extra": {},
                    "card_hash": "",
                    "created_at": now,
                    "updated_at": now,
                }
            )
        for chunk in range(0, len(rows), 10_000):
            s.execute(insert(Case), rows[chunk : chunk + 10_000])
        for r in range(reviewers):
            u = [city, *units][r % (UNITS + 1)]
            pid = s.execute(
                insert(Person).returning(Person.id),
                [
                    {
                        "name": f"评查员{r}",
                        "unit_id": u,
                        "department_id": depts[(u, "案件管理部")],
                        "is_reviewer": True,
                        "is_prosecutor": False,
                        "created_at": now,
                        "updated_at": now,
                    }
                ],
            ).scalar_one()
            aid = s.execute(
                insert(Account).returning(Account.id),
                [
                    {
                        "uid": new_uid(),
                        "person_id": pid,
                        "login": f"bench-rev-{r}",
                        "password_hash": "-",
                        "active": True,
                        "failed_logins": 0,
                        "created_at": now,
                        "updated_at": now,
                    }
                ],
            ).scalar_one()
            s.execute(
                insert(AccountRole), [{"account_id": aid, "role": Role.REVIEWER.value, "scope": Scope.PROVINCE.value}]
            )
    wb.permissions.forget_units()  # type: ignore[attr-defined]


def timed(label: str, fn: object, *args: object, **kw: object) -> tuple[object, float]:
    t0 = time.perf_counter()
    value = fn(*args, **kw)  # type: ignore[operator]
    took = time.perf_counter() - t0
    print(f"  {label:<34} {took:6.2f} s")
    return value, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--reviewers", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the database folder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-plans-"))
    try:
        wb = open_as_admin(folder / "bench.sqlite3")
        ensure_standards(wb)
        t0 = time.perf_counter()
        build(wb, args.cases, args.reviewers)
        print(f"setup: {args.cases} closed cases, {args.reviewers} reviewers in {time.perf_counter() - t0:.1f} s")
        standard = next(v.id for v in list_standard_versions(wb) if "审查起诉" in v.case_types)

        print("常规抽查 (本院), seed 2026:")
        plan = create_plan(wb, PlanSpec("基准常规抽查", PlanType.ROUTINE, PlanMode.OWN_UNIT, standard)).id
        timed("preview selection", preview_selection, wb, plan, 2026)
        sel, t_commit = timed("commit selection", commit_selection, wb, plan, 2026)
        done, t_assign = timed("assign (recusal, balanced)", assign_plan, wb, plan, 7)
        picks = len(sel.picks)  # type: ignore[attr-defined]
        assigned = len(done.assigned)  # type: ignore[attr-defined]
        total = t_commit + t_assign
        print(f"  → {picks} cases selected, {assigned} assigned; select + assign {total:.2f} s (goal ≤ 2 s)")

        print("交叉评查, every closed case:")
        every = create_plan(wb, PlanSpec("基准每案", PlanType.THEMATIC, PlanMode.CROSS, standard)).id
        sel2, t2 = timed("commit selection (all)", commit_selection, wb, every)
        done2, t3 = timed("assign (cross-unit)", assign_plan, wb, every, 7)
        print(
            f"  → {len(sel2.picks)} selected, {len(done2.assigned)} assigned, "  # type: ignore[attr-defined]
            f"{len(done2.unassignable)} without a reviewer; select + assign {t2 + t3:.2f} s"  # type: ignore[attr-defined]
        )
        with wb.db.session() as s:
            assert s.scalar(select(Case.id).limit(1)) is not None
        wb.close()
    finally:
        if args.keep:
            print(f"kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

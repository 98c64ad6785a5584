"""A large case database for the list and start-up benchmarks, written with plain bulk SQL.

    .venv/bin/python benchmarks/case_db.py /tmp/caselist/cases-1m.sqlite3 --cases 1000000

The schema comes from the app (Workbench.open runs the migrations) and the benchmark administrator is made
through the real accounts service; the cases are 3 000 demo cards (reviewapp.demo.build_cards) repeated with
their own numbers, names, prosecutors and dates, inserted in one transaction, and the search index is built
the way migration 0013 builds it. ~1 min for a million cases.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国红梅志"


def build(path: Path, cases: int, seed: int = 7) -> None:
    from bench_common import open_as_admin

    from reviewapp.demo import build_cards
    from reviewapp.services.cases.search_index import fill_sql, search_text, short_tokens

    if path.exists():
        path.unlink()
    wb = open_as_admin(path)
    wb.close()
    rng = random.Random(seed)
    cards = build_cards(3000)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    now = "2026-12-01 00:00:00.000000"
    u0 = db.execute("SELECT coalesce(max(id), 0) FROM units").fetchone()[0] + 1
    d0 = db.execute("SELECT coalesce(max(id), 0) FROM departments").fetchone()[0] + 1
    units = sorted({c.unit for c in cards})
    db.executemany(
        "INSERT INTO units(id, name, created_at, updated_at) VALUES (?,?,?,?)",
        [(i, u, now, now) for i, u in enumerate(units, u0)],
    )
    unit_id = {u: i for i, u in enumerate(units, u0)}
    depts = sorted({(c.unit, c.department) for c in cards})
    db.executemany(
        "INSERT INTO departments(id, unit_id, name, created_at, updated_at) VALUES (?,?,?,?,?)",
        [(i, unit_id[u], d, now, now) for i, (u, d) in enumerate(depts, d0)],
    )
    dept_id = {k: i for i, k in enumerate(depts, d0)}
    # 4 000 prosecutors spread over the departments.
    start = (db.execute("SELECT coalesce(max(id), 0) FROM people").fetchone()[0] or 0) + 1
    people = []
    for n in range(4000):
        u, d = depts[n % len(depts)]
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        people.append((start + n, name, f"P{n:05d}", unit_id[u], dept_id[(u, d)], 1, 0, now, now))
    db.executemany(
        "INSERT INTO people(id, name, staff_no, unit_id, department_id, is_prosecutor, is_reviewer, created_at, "
        "updated_at) VALUES (?,?,?,?,?,?,?,?,?)",
        people,
    )
    by_dept: dict[int, list[tuple[int, str]]] = {}
    for pid, name, _, _, did, *_ in people:
        by_dept.setdefault(did, []).append((pid, name))
    t = time.perf_counter()

    def rows():  # type: ignore[no-untyped-def]
        for i in range(cases):
            c = cards[i % len(cards)]
            did = dept_id[(c.unit, c.department)]
            pid, pname = by_dept[did][rng.randrange(len(by_dept[did]))]
            year = 2019 + i * 8 // cases
            number = f"{c.dept_case_no.split('[')[0]}[{year}]{i + 1:08d}号"
            name = rng.choice(SURNAMES) + c.name[1:]
            accepted = (
                c.accepted_on.replace(year=year)
                if not (c.accepted_on.month == 2 and c.accepted_on.day == 29)
                else c.accepted_on.replace(year=year, day=28)
            )
            closed = None if c.closed_on is None or rng.random() < 0.05 else accepted + (c.closed_on - c.accepted_on)
            closed = closed if closed is None or closed >= accepted else accepted + timedelta(days=1)
            text = search_text(number, name, pname, c.transferred_charge)
            yield (
                i + 1,
                number,
                name,
                c.case_type,
                unit_id[c.unit],
                did,
                pid,
                c.transferred_charge,
                accepted.isoformat(),
                closed.isoformat() if closed else None,
                "[]",
                "{}",
                f"h{i}",
                now,
                now,
                text,
            )

    db.executemany(
        "INSERT INTO cases(id, dept_case_no, name, case_type, unit_id, department_id, prosecutor_id, "
        "transferred_charge, accepted_on, closed_on, dossier_paths, extra, card_hash, created_at, updated_at, "
        "search_text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        rows(),
    )
    print(f"cases written in {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    db.execute(fill_sql())  # the trigram entries, keyed by the list's order
    db.executemany(
        "INSERT INTO case_search_short(rowid, tokens) VALUES (?, ?)",
        ((cid, short_tokens(txt)) for cid, txt in db.execute("SELECT id, search_text FROM cases")),
    )
    db.commit()
    db.close()
    print(f"search index built in {time.perf_counter() - t:.1f} s; {path.stat().st_size / 1e6:.0f} MB", flush=True)


def mark_prescreened(path: Path, with_findings: float = 0.03, seed: int = 11) -> None:
    """Every case checked from its current card (the marker row the checks write), and a share of them with
    an open violation — as after an import whose pre-screening finished."""
    from reviewapp.checks import RULES
    from reviewapp.services.checks.worker import CHECKED_MARKER

    rng = random.Random(seed)
    rule = RULES[0]
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous=OFF")
    now = "2026-12-01 00:00:00.000000"
    t = time.perf_counter()

    def rows():  # type: ignore[no-untyped-def]
        for cid, card_hash in db.execute("SELECT id, card_hash FROM cases ORDER BY id").fetchall():
            yield (cid, CHECKED_MARKER, "", "", "passed", "", "{}", "[]", card_hash, now)
            if rng.random() < with_findings:
                yield (cid, rule.rule_id, "E1", "司法瑕疵", "violation", "基准用的违规", "{}", "[]", card_hash, now)

    db.executemany(
        "INSERT INTO check_results(case_id, rule_id, item_code, severity, status, explanation, facts, "
        "missing_fields, card_hash, computed_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        rows(),
    )
    # The per-case count of open suggestions the write path keeps (services/checks/open_checks.py), filled by
    # the migration's own statement (the same definition).
    from importlib import import_module

    fill = import_module("reviewapp.storage.migrations.versions.0016_case_open_checks").FILL
    db.execute("DELETE FROM case_open_checks")
    db.execute(fill)
    db.commit()
    db.close()
    print(f"pre-screening marked in {time.perf_counter() - t:.1f} s", flush=True)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("path", type=Path)
    p.add_argument("--cases", type=int, default=1_000_000)
    p.add_argument("--mark-only", action="store_true", help="only mark an existing database as pre-screened")
    args = p.parse_args()
    if not args.mark_only:
        build(args.path, args.cases)
    mark_prescreened(args.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Bulk data for the statistics benchmark: an organisation, 100 000 formed review files with 1 000 000
findings, closed cases, key-case plans — inserted with plain SQL (executemany), which only a benchmark may do:
tests go through the services.

    path = build(Path("/tmp/stats/bench.sqlite3"), reviews=100_000, findings=1_000_000)

The schema comes from the real migrations (Workbench.open); the first administrator and the shipped standards
through the services. Every review is formed in 2026 (so a yearly statistic counts all of them); 8 % of them
in January under the 2018 scheme (瑕疵), the rest under 2026; 10 % are key cases with a trigger.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

LINES = ("侦监", "公诉", "未检", "民事", "行政", "控申", "审监", "执检")
TYPES = ("常规抽查", "重点评查", "专项评查")
TRIGGERS = ("绝对不捕", "捕后不诉", "撤回起诉", "无罪", "诉判不一（罪名）", "国家赔偿")
STATUSES = ("determined",) * 7 + ("awaiting_determination", "awaiting_feedback", "objections")
PASSWORD = "bench-2026"
LOGIN = "bench"


def _uid() -> str:
    return str(uuid.uuid4())


def build(
    path: Path, *, reviews: int = 100_000, findings: int = 1_000_000, seed: int = 7, realistic: bool = False
) -> Path:
    """``realistic``: the screenshot's data instead of the benchmark's — cases closed from October 2024 to
    October 2026, about 30 % of them reviewed 15–75 days after they closed (none after 2026-12-01), so a
    quarter's review ratio, 环比 and 同比 look as an office's do."""
    from reviewapp.services.accounts.users import add_first_administrator
    from reviewapp.services.reviews.standards_store import ensure_standards
    from reviewapp.services.workbench import Workbench
    from reviewapp.standards import Standard

    if path.exists():
        path.unlink()
    wb = Workbench.open(path)
    add_first_administrator(wb, "统计管理员", LOGIN, PASSWORD, unit="北京市人民检察院", department="案件管理部")
    from reviewapp.services.accounts.login import log_in

    log_in(wb, LOGIN, PASSWORD)
    from reviewapp.domain.roles import Role, Scope
    from reviewapp.services.accounts.users import RoleSpec, add_role

    add_role(wb, LOGIN, RoleSpec(Role.CASE_MANAGEMENT_HEAD, Scope.PROVINCE))
    ensure_standards(wb)
    wb.close()
    rnd = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    now = datetime(2026, 12, 1, 8, 0).isoformat(" ")
    std_id, content = con.execute(
        "SELECT id, content FROM standard_versions WHERE code = 'XS-PCZ' ORDER BY id LIMIT 1"
    ).fetchone()
    std = Standard.from_dict(json.loads(content))
    items = [it.code for it in std.items]
    city = con.execute("SELECT id FROM units").fetchone()[0]
    units = [city]
    for k in range(11):
        cur = con.execute(
            "INSERT INTO units (name, parent_id, created_at, updated_at) VALUES (?, ?, ?, ?)",
            (f"北京市第{k + 1}区人民检察院", city, now, now),
        )
        units.append(int(cur.lastrowid or 0))
    depts: list[tuple[int, int]] = []  # (department id, unit id)
    for u in units:
        for name in ("第一检察部", "第二检察部", "第三检察部", "第四检察部", "第五检察部", "第六检察部"):
            cur = con.execute(
                "INSERT OR IGNORE INTO departments (unit_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
                (u, name, now, now),
            )
            if cur.lastrowid:
                depts.append((int(cur.lastrowid), u))
    people: list[tuple[int, int, int]] = []  # (person, department, unit)
    for k in range(600):
        d, u = depts[k % len(depts)]
        cur = con.execute(
            "INSERT INTO people (name, unit_id, department_id, is_prosecutor, is_reviewer, created_at, updated_at) "
            "VALUES (?, ?, ?, 1, 0, ?, ?)",
            (f"检察官{k:03d}", u, d, now, now),
        )
        people.append((int(cur.lastrowid or 0), d, u))
    reviewers = []
    for k in range(60):
        cur = con.execute(
            "INSERT INTO people (name, unit_id, is_prosecutor, is_reviewer, created_at, updated_at) "
            "VALUES (?, ?, 0, 1, ?, ?)",
            (f"评查员{k:02d}", units[k % len(units)], now, now),
        )
        reviewers.append(int(cur.lastrowid or 0))
    plans = []
    for k in range(20):
        cur = con.execute(
            "INSERT INTO plans (name, plan_type, mode, state, standard_id, unit_ids, business_lines, case_types, "
            "reviewers_per_case, blind, rule, uid, created_at, updated_at) "
            "VALUES (?, ?, '本院', 'open', ?, '[]', '[]', '[]', 1, 0, '{}', ?, ?, ?)",
            (f"2026年评查方案{k + 1}", TYPES[k % 3], std_id, _uid(), now, now),
        )
        plans.append((int(cur.lastrowid or 0), TYPES[k % 3]))
    n_cases = int(reviews / 0.3) if realistic else int(reviews * 1.3)
    case_rows = []
    start = date(2024, 10, 1) if realistic else date(2025, 7, 1)
    closed_on: dict[int, date] = {}
    for c in range(1, n_cases + 1):
        pid, d, u = people[rnd.randrange(len(people))]
        closed = start + timedelta(days=rnd.randrange(760 if realistic else 540))
        closed_on[c] = closed
        case_rows.append(
            (
                c,
                f"京检统计受[2026]{c}号",
                f"被告人{c}号案",
                "审查起诉",
                LINES[rnd.randrange(8)],
                u,
                d,
                pid,
                (closed - timedelta(days=60)).isoformat(),
                closed.isoformat(),
                "[]",
                "{}",
                f"h{c}",
                now,
                now,
            )
        )
    con.executemany(
        "INSERT INTO cases (id, dept_case_no, name, case_type, business_line, unit_id, department_id, prosecutor_id, "
        "accepted_on, closed_on, dossier_paths, extra, card_hash, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        case_rows,
    )
    review_rows, plan_case_rows, finding_rows = [], [], []
    # 85 % of the files have findings; the findings fall on them at random (exactly ``findings`` in all).
    with_findings = [r for r in range(1, reviews + 1) if rnd.random() < 0.85]
    counts: dict[int, int] = {}
    for r in rnd.choices(with_findings, k=findings):
        counts[r] = counts.get(r, 0) + 1
    fid = 0
    for r in range(1, reviews + 1):
        case_id = r  # the first ``reviews`` cases are reviewed
        formed = datetime(2026, 1, 1, 9) + timedelta(minutes=rnd.randrange(365 * 24 * 60 - 600))
        if realistic:
            formed = datetime.combine(closed_on[case_id], datetime.min.time()) + timedelta(
                days=rnd.randrange(15, 75), hours=9, minutes=rnd.randrange(480)
            )
            if formed > datetime(2026, 12, 1):
                continue  # not reviewed yet
        old_scheme = formed < datetime(2026, 2, 1)
        n = counts.get(r, 0)  # a file without findings is 合格 (or 优质)
        serious = n and rnd.random() < 0.3
        grade = "合格" if n == 0 else ("不合格" if serious else ("瑕疵" if old_scheme else "基本合格"))
        if n == 0 and rnd.random() < 0.1:
            grade = "优质"
        plan_id, rtype = plans[rnd.randrange(len(plans))] if rnd.random() < 0.6 else (None, "常规抽查")
        review_rows.append(
            (
                r,
                "opinion",
                case_id,
                reviewers[rnd.randrange(len(reviewers))],
                1,
                rtype,
                std_id,
                "2018" if old_scheme else "2026",
                STATUSES[rnd.randrange(len(STATUSES))],
                "[]",
                "",
                grade,
                "",
                grade,
                "",
                formed.isoformat(" "),
                _uid(),
                now,
                now,
                f"京检评查受〔2026〕{r}号",
                plan_id,
            )
        )
        if plan_id is not None and rtype == "重点评查":
            fired = rnd.sample(TRIGGERS, 1 + (rnd.random() < 0.2))
            plan_case_rows.append(
                (
                    plan_id,
                    case_id,
                    "trigger",
                    "；".join(fired),
                    json.dumps({t: "card" for t in fired}, ensure_ascii=False),
                    "",
                    _uid(),
                    now,
                    now,
                )
            )
        # One live finding per item in a file (findings.record_in replaces the item's finding): n distinct
        # items, the common ones (low index) more often.
        picked = list(dict.fromkeys(items[int(rnd.paretovariate(1.2)) % len(items)] for _ in range(n)))
        rest = [i for i in items if i not in picked]
        picked += rnd.sample(rest, min(len(rest), n - len(picked)))
        for item in picked[:n]:
            fid += 1
            finding_rows.append(
                (
                    fid,
                    r,
                    item,
                    "一般司法错误" if serious else "司法瑕疵",
                    "问题",
                    _uid(),
                    now,
                    now,
                    "agreed",
                )
            )
    con.executemany(
        "INSERT INTO reviews (id, kind, case_id, reviewer_id, round, review_type, standard_id, scheme_id, status, "
        "ticked_criteria, excellence_justification, proposed_grade, proposal_explanation, final_grade, "
        "override_reason, submitted_at, uid, created_at, updated_at, file_no, plan_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        review_rows,
    )
    con.executemany(
        "INSERT INTO plan_cases (plan_id, case_id, method, reason, data, removed_reason, uid, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        plan_case_rows,
    )
    con.executemany(
        "INSERT INTO findings (id, review_id, item_code, severity, reason, uid, created_at, updated_at, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        finding_rows,
    )
    con.commit()
    con.execute("ANALYZE")
    con.commit()
    con.close()
    return path

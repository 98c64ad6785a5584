"""Reviewer calibration at scale: formed panel review files of three members with their findings, inserted with
plain SQL (only a benchmark may: tests go through the services), then ``calibration(wb)`` timed cold and warm.

    nice -n 10 .venv/bin/python benchmarks/bench_calibration.py [--files 30000] [--folder /tmp/calibration] [--reuse]

Default: 30 000 review files × 3 members = 90 000 member reviews + 30 000 opinions (120 000 reviews) with about
1 000 000 findings (members' and opinions'). Each file has a few "true" problems that each member finds with
85 % probability, at the true severity or one level off by the member's habit (a lenient or strict
reviewer), plus an occasional problem of their own; the opinion holds the true problems.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

PASSWORD = "bench-2026"
LOGIN = "bench"
SEVERITIES = ("司法瑕疵", "一般司法错误", "严重司法错误")


def build(path: Path, files: int, seed: int = 11) -> None:
    from reviewapp.domain.roles import Role, Scope
    from reviewapp.services.accounts.login import log_in
    from reviewapp.services.accounts.users import RoleSpec, add_first_administrator, add_role
    from reviewapp.services.reviews.standards_store import ensure_standards
    from reviewapp.services.workbench import Workbench
    from reviewapp.standards import Standard

    if path.exists():
        path.unlink()
    wb = Workbench.open(path)
    add_first_administrator(wb, "校准管理员", LOGIN, PASSWORD, unit="北京市人民检察院", department="案件管理部")
    log_in(wb, LOGIN, PASSWORD)
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
    items = [(it.code, [SEVERITIES.index(s) for s in it.severities]) for it in std.items_for("审查起诉")]
    unit, dept = con.execute("SELECT unit_id, department_id FROM people LIMIT 1").fetchone()
    prosecutor = con.execute(
        "INSERT INTO people (name, unit_id, department_id, is_prosecutor, is_reviewer, created_at, updated_at) "
        "VALUES ('承办检察官', ?, ?, 1, 0, ?, ?)",
        (unit, dept, now, now),
    ).lastrowid
    reviewers: list[tuple[int, int]] = []  # (person, habit −1 lenient / 0 / +1 strict)
    for k in range(60):
        pid = con.execute(
            "INSERT INTO people (name, unit_id, is_prosecutor, is_reviewer, created_at, updated_at) "
            "VALUES (?, ?, 0, 1, ?, ?)",
            (f"评查员{k:02d}", unit, now, now),
        ).lastrowid
        reviewers.append((int(pid or 0), (k % 5 == 0) - (k % 7 == 0)))
    cases, reviews, findings = [], [], []
    rid = fid = 0

    def finding(review: int, code: str, level: int, origin: str) -> None:
        nonlocal fid
        fid += 1
        findings.append((fid, review, code, SEVERITIES[level], "问题", str(uuid.uuid4()), now, now, origin))

    for c in range(1, files + 1):
        cases.append(
            (c, f"京检校准受[2026]{c}号", f"被告人{c}号案", "审查起诉", unit, dept, prosecutor, "2025-10-01",
             "2026-01-05", "[]", "{}", f"h{c}", now, now)
        )  # fmt: skip
        formed = datetime(2026, 1, 10, 9) + timedelta(minutes=rnd.randrange(340 * 24 * 60))
        rid += 1
        opinion = rid
        reviews.append(
            (opinion, "opinion", None, c, reviewers[0][0], "determined", "基本合格", formed.isoformat(" "),
             str(uuid.uuid4()), now, now, f"京检评查受〔2026〕{c}号", 3)
        )  # fmt: skip
        truth = {}
        for code, allowed in rnd.sample(items, rnd.randrange(2, 8)):
            truth[code] = (rnd.choice(allowed), allowed)
            finding(opinion, code, truth[code][0], "agreed")
        for person, habit in rnd.sample(reviewers, 3):
            rid += 1
            reviews.append(
                (rid, "member", opinion, c, person, "submitted", "基本合格", formed.isoformat(" "),
                 str(uuid.uuid4()), now, now, None, 1)
            )  # fmt: skip
            for code, (level, allowed) in truth.items():
                if rnd.random() < 0.85:
                    shifted = level + (habit if rnd.random() < 0.4 else 0)
                    finding(rid, code, shifted if shifted in allowed else level, "")
            if rnd.random() < 0.3:
                code, allowed = rnd.choice(items)
                if code not in truth:
                    finding(rid, code, allowed[0], "")
    con.executemany(
        "INSERT INTO cases (id, dept_case_no, name, case_type, unit_id, department_id, prosecutor_id, accepted_on, "
        "closed_on, dossier_paths, extra, card_hash, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        cases,
    )
    con.executemany(
        "INSERT INTO reviews (id, kind, file_id, case_id, reviewer_id, round, review_type, standard_id, scheme_id, "
        "status, ticked_criteria, excellence_justification, proposed_grade, proposal_explanation, final_grade, "
        "override_reason, submitted_at, uid, created_at, updated_at, file_no, panel_size) "
        "SELECT ?, ?, ?, ?, ?, 1, '重点评查', "
        f"{std_id}, '2026', ?, '[]', '', ?, '', NULL, '', ?, ?, ?, ?, ?, ?",
        reviews,
    )
    con.executemany(
        "INSERT INTO findings (id, review_id, item_code, severity, reason, uid, created_at, updated_at, origin) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        findings,
    )
    con.commit()
    con.execute("ANALYZE")
    con.commit()
    con.close()
    print(f"built: {files} files, {rid} reviews, {fid} findings")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=30_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/calibration"))
    parser.add_argument("--reuse", action="store_true", help="reuse the database of an earlier run")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    path = args.folder / "calibration-bench.sqlite3"
    if not (args.reuse and path.exists()):
        build(path, args.files)
    from reviewapp.services.accounts.login import log_in
    from reviewapp.services.analysis.calibration import calibration, reference_counts, report_of
    from reviewapp.services.analysis.calibration_data import load_panels
    from reviewapp.services.analysis.filters import reader_scope
    from reviewapp.services.analysis.periods import parse_period
    from reviewapp.services.workbench import Workbench

    wb = Workbench.open(path)
    try:
        log_in(wb, LOGIN, PASSWORD)
        for label, kwargs in (
            ("all (cold)", {}),
            ("all (warm)", {}),
            ("one quarter", {"period": parse_period("2026Q3")}),
        ):
            t, cpu = time.perf_counter(), time.process_time()
            report = calibration(wb, **kwargs)  # type: ignore[arg-type]
            took, used = time.perf_counter() - t, time.process_time() - cpu
            alpha = report.overall.alpha_ordinal
            print(
                f"calibration {label}: {took:.2f} s wall, {used:.2f} s CPU — {report.overall.files} files, "
                f"{report.overall.units} units, {len(report.pairs)} pairs, α ordinal {alpha:.3f}"
            )
        # The same report through the plain-Python reference (load_panels and one loop over the files), in the
        # same run: the ratio holds on a busy machine.
        t, cpu = time.perf_counter(), time.process_time()
        reference = report_of(reference_counts(load_panels(wb, reader_scope(wb))), None, None)
        took, used = time.perf_counter() - t, time.process_time() - cpu
        same = "same figures" if reference == calibration(wb) else "DIFFERENT FIGURES"
        print(f"reference (plain Python, all): {took:.2f} s wall, {used:.2f} s CPU — {same}")
    finally:
        wb.close()


if __name__ == "__main__":
    main()

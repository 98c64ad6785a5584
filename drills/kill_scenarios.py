"""The four kill-drill scenarios: how each base folder is built, what the killed process does, and what a
trial must find afterwards. Used by drills/kill_drill.py (the driver) in three roles:

- ``prepare(scenario, folder)``: build the base folder once (database, accounts, export files …);
- ``work(scenario, folder)``: run in the victim process; prints ``ready`` when the work starts and one
  ``ok <json>`` line after every write that *returned* (so committed), then ``done``;
- ``verify(scenario, folder, oks)``: after the kill and a fresh start of the workbench, the scenario's
  invariants; returns a list of problems (empty = the trial passed).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

# The heavy imports sit inside the functions: the victim's reading children import this file as their
# main module, and each should start in milliseconds.

SCENARIOS = ("import", "scoring", "notices", "standards")
DB = "drill.sqlite3"
EXPORT_FILES = 6
CASES_PER_FILE = 300
SCORED_CASES = 12
FINDINGS = 60
NOTICE_CASES = 36
NOTICE_BATCH = 4
STANDARD_IMPORTS = 6
ISSUED = date(2026, 3, 20)
SMALL_ENV = "REVIEWAPP_DRILL_SMALL"


def shrink() -> None:
    """The test suite's sizes: the same steps, a few seconds per scenario."""
    global EXPORT_FILES, CASES_PER_FILE, SCORED_CASES, FINDINGS, NOTICE_CASES, STANDARD_IMPORTS
    EXPORT_FILES, CASES_PER_FILE, SCORED_CASES, FINDINGS, NOTICE_CASES, STANDARD_IMPORTS = 3, 40, 3, 8, 8, 3


if os.environ.get(SMALL_ENV):
    shrink()


def _say(kind: str, payload: Any = None) -> None:
    print(kind if payload is None else f"{kind} {json.dumps(payload, ensure_ascii=False)}", flush=True)


def case_no(file: int, n: int) -> str:
    return f"演练{file}受[2025]{n}号"


def _write_export(path: Path, file: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("案件")
    ws.append(["部门受案号", "案件名称", "案件类别", "承办单位", "承办部门", "承办检察官", "受理日期", "办结日期"])
    for n in range(1, CASES_PER_FILE + 1):
        ws.append([case_no(file, n), f"某{n}案", "审查起诉", "演练区院", "第一检察部", f"检察官{n % 9}",
                   "2025-03-01", "2025-04-10"])  # fmt: skip
    book.save(path)


# --- prepare ---------------------------------------------------------------------------------------------


def prepare(scenario: str, folder: Path) -> None:
    from bench_common import log_in_as_reviewer, open_as_admin

    folder.mkdir(parents=True, exist_ok=True)
    wb = open_as_admin(folder / DB)
    try:
        if scenario == "import":
            for i in range(EXPORT_FILES):
                _write_export(folder / f"export-{i}.xlsx", i)
        elif scenario == "scoring":
            from reviewapp.services.cases.intake import import_cases
            from reviewapp.services.reviews.commands import ensure_standards

            _write_export(folder / "export.xlsx", 0)
            import_cases(wb, folder / "export.xlsx")
            ensure_standards(wb)
            log_in_as_reviewer(wb, "演练评查员", unit="市院", department="案件管理部")
        elif scenario == "notices":
            from reviewapp.services.results.settings import save_notice_config
            from tests.core.review_fixtures import seed_reviewed_cases
            from tests.core.services_fixtures import ISSUER

            save_notice_config(wb, ISSUER)
            seed_reviewed_cases(wb, NOTICE_CASES)
        else:
            from reviewapp.services.reviews.commands import ensure_standards
            from reviewapp.services.reviews.standards_store import export_standard, list_standard_versions

            ensure_standards(wb)
            code = list_standard_versions(wb)[0].code
            export_standard(wb, code, folder / "standard.xlsx")
    finally:
        wb.close()


# --- the victim ----------------------------------------------------------------------------------------


def work(scenario: str, folder: Path) -> None:
    from bench_common import ADMIN_LOGIN, PASSWORD, log_in_as_reviewer
    from sqlalchemy import select

    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.workbench import Workbench

    wb = Workbench.open(folder / DB)
    log_in(wb, ADMIN_LOGIN, PASSWORD)
    if scenario == "import":
        from reviewapp.services.cases.intake import import_cases

        _say("ready")
        for i in range(EXPORT_FILES):
            import_cases(wb, folder / f"export-{i}.xlsx")
            _say("ok", {"file": i})
    elif scenario == "scoring":
        from reviewapp.services.reviews.commands import record_finding, start_review
        from reviewapp.storage.models import Case

        log_in_as_reviewer(wb, "演练评查员", unit="市院", department="案件管理部")
        with wb.db.session() as s:
            ids = list(s.scalars(select(Case.id).order_by(Case.id).limit(SCORED_CASES)))
        _say("ready")
        states = []
        for case_id in ids:
            states.append(start_review(wb, case_id))
            _say("ok", {"review": states[-1].id})
        for n in range(FINDINGS):
            state = states[n % len(states)]
            item = state.standard.items_for("审查起诉")[n % 7]
            reason = f"演练问题{n}"
            state = record_finding(wb, state.id, item.code, item.severities[0], reason)
            states[n % len(states)] = state
            found = [f.id for f in state.findings if f.reason == reason]
            _say("ok", {"finding": found[0], "reason": reason})
    elif scenario == "notices":
        from reviewapp.services.results.notices import issue_notices
        from reviewapp.storage.models import Case

        with wb.db.session() as s:
            ids = list(s.scalars(select(Case.id).order_by(Case.id)))
        _say("ready")
        for start in range(0, len(ids), NOTICE_BATCH):
            issued = issue_notices(wb, ids[start : start + NOTICE_BATCH], out_dir=folder / "notices", issued_on=ISSUED)
            _say("ok", {"notices": [n.notice_id for n in issued]})
    else:
        from reviewapp.services.reviews.standards_store import import_standard

        _say("ready")
        for _ in range(STANDARD_IMPORTS):
            row = import_standard(wb, folder / "standard.xlsx")
            _say("ok", {"standard": row.id})
    _say("done")
    wb.close()


# --- after the kill ------------------------------------------------------------------------------------


def leftover_temps(folder: Path) -> list[str]:
    """Temporary files anywhere under the trial folder (SQLite's own -wal/-shm/-journal are not ours)."""
    names = []
    for path in folder.rglob("*"):
        name = path.name
        if path.is_file() and (name.endswith((".tmp", ".part")) or name.startswith(".incoming-")):
            names.append(str(path.relative_to(folder)))
    pending = folder / (Path(DB).stem + "-pending")
    if pending.is_dir():
        names.extend(str(p.relative_to(folder)) for p in pending.iterdir())
    return names


def verify(scenario: str, folder: Path, oks: list[dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(problems, what the restart said) for one killed trial; the database was integrity-checked before."""
    from bench_common import ADMIN_LOGIN, PASSWORD

    from reviewapp.services.accounts.audit import verify_audit
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.workbench import Workbench

    wb = Workbench.open(folder / DB)  # the next start: repairs what it can and says so
    said = list(wb.recovered)
    problems: list[str] = []
    try:
        log_in(wb, ADMIN_LOGIN, PASSWORD)
        broken = verify_audit(wb)
        if broken is not None:
            problems.append(f"audit chain broken: {broken}")
        with wb.db.session() as s:
            problems += _CHECKS[scenario](s, folder, oks)
    finally:
        wb.close()
    problems += [f"temporary file left after restart: {t}" for t in leftover_temps(folder)]
    return problems, said


def _check_import(s: Any, folder: Path, oks: list[dict[str, Any]]) -> list[str]:
    from sqlalchemy import func, select

    from reviewapp.storage.models import Case, ImportBatch

    out = []
    done = {o["file"] for o in oks}
    batches = s.scalar(select(func.count()).select_from(ImportBatch))
    for i in range(EXPORT_FILES):
        count = s.scalar(select(func.count()).select_from(Case).where(Case.dept_case_no.like(f"演练{i}受%")))
        if count not in (0, CASES_PER_FILE):
            out.append(f"half import: file {i} has {count} of {CASES_PER_FILE} cases")
        if i in done and count != CASES_PER_FILE:
            out.append(f"returned import of file {i} lost ({count} cases)")
    whole = sum(
        1
        for i in range(EXPORT_FILES)
        if s.scalar(select(func.count()).select_from(Case).where(Case.dept_case_no.like(f"演练{i}受%")))
    )
    if batches != whole:
        out.append(f"{batches} import batches for {whole} imported files")
    return out


def _check_scoring(s: Any, folder: Path, oks: list[dict[str, Any]]) -> list[str]:

    from reviewapp.storage.models import Finding, Review

    out = []
    for o in oks:
        if "review" in o and s.get(Review, o["review"]) is None:
            out.append(f"returned review {o['review']} lost")
        if "finding" in o:
            row = s.get(Finding, o["finding"])
            if row is None or row.deleted_at is not None or row.reason != o["reason"]:
                out.append(f"returned finding {o['finding']} lost")
    return out


def _check_notices(s: Any, folder: Path, oks: list[dict[str, Any]]) -> list[str]:
    import hashlib

    from sqlalchemy import func, select

    from reviewapp.storage.models import Notice, NoticeCase

    out = []
    for notice in s.scalars(select(Notice)):
        path = Path(notice.file_path)
        if not path.is_file():
            out.append(f"notice {notice.number} has no file")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != notice.file_sha256:
            out.append(f"notice {notice.number}: file does not match its hash")
        if not s.scalar(select(func.count()).select_from(NoticeCase).where(NoticeCase.notice_id == notice.id)):
            out.append(f"notice {notice.number} has no cases")
    for o in oks:
        out += [f"returned notice {i} lost" for i in o["notices"] if s.get(Notice, i) is None]
    return out


def _check_standards(s: Any, folder: Path, oks: list[dict[str, Any]]) -> list[str]:
    from sqlalchemy import select

    from reviewapp.services.reviews.standards_store import standard_in
    from reviewapp.storage.models import StandardVersion

    out = []
    for sv in s.scalars(select(StandardVersion)):
        try:
            standard_in(s, sv.id)
        except Exception as exc:  # a half-stored version would not parse
            out.append(f"standard version {sv.id} does not load: {exc!r}")
    out += [f"returned standard {o['standard']} lost" for o in oks if s.get(StandardVersion, o["standard"]) is None]
    return out


_CHECKS = {"import": _check_import, "scoring": _check_scoring, "notices": _check_notices, "standards": _check_standards}


if __name__ == "__main__":  # the victim: kill_scenarios.py <scenario> <folder>
    work(sys.argv[1], Path(sys.argv[2]))

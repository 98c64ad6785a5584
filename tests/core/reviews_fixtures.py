"""A small database for review tests: closed and open cases with dossier documents, a reviewer, and a
headless runner of the review commands (the same wiring reviewapp/cli.py gives them)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from reviewapp.cli.main import _emit
from reviewapp.cli.reviews import add_parsers, dispatch
from reviewapp.context import Actor
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.people import add_person
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case, DossierDocument
from tests.core.intake_fixtures import case_row, write_simple_xlsx

CLOSED = "朝检刑诉受[2025]1号"  # 审查起诉, closed, dossier 起诉书 + 审查报告
OPEN = "朝检刑诉受[2025]2号"  # no 办结日期
ARREST = "朝检刑诉受[2025]3号"  # 审查逮捕, closed
OTHER = "朝检刑诉受[2025]4号"  # 其他: no standard covers it
PROSECUTOR = "王检察官"
PROSECUTOR_UNIT = "北京市朝阳区人民检察院"
REVIEWER = "李评查"


@dataclass
class ReviewDb:
    wb: Workbench
    path: Path
    reviewer_id: int
    case_ids: dict[str, int]
    documents: dict[str, int]  # title → document id of the CLOSED case

    def close(self) -> None:
        self.wb.close()


def _dossier(folder: Path, n: int, names: list[str]) -> str:
    paths = []
    for name in names:
        f = folder / "卷宗" / str(n) / f"{name}.pdf"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_bytes(f"%PDF-1.4 {n} {name}\n".encode())  # content only has to be distinct per file
        paths.append(f"卷宗/{n}/{name}.pdf")
    return "；".join(paths)


def make_review_db(folder: Path, user: str = REVIEWER) -> ReviewDb:
    rows = [
        case_row(1, 电子卷宗=_dossier(folder, 1, ["起诉书", "审查报告"])),
        case_row(2, 办结日期="", 电子卷宗=_dossier(folder, 2, ["起诉意见书"])),
        case_row(3, 案件类别="审查逮捕", 电子卷宗=_dossier(folder, 3, ["提请批准逮捕书"])),
        case_row(4, 案件类别="其他", 电子卷宗=_dossier(folder, 4, ["材料"])),
    ]
    export = write_simple_xlsx(folder / "export.xlsx", rows)
    db_path = folder / "review.sqlite3"
    wb = Workbench.open(db_path, Actor(user))
    summary = import_cases(wb, export)
    assert summary.imported == 4 and not summary.rejects, summary.rejects
    reviewer = add_person(wb, REVIEWER, unit="北京市人民检察院", department="案件管理部")
    wb.actor = Actor(user, reviewer.id)
    with wb.db.session() as s:
        case_ids = {no: cid for cid, no in s.execute(select(Case.id, Case.dept_case_no))}
        documents = {
            title: did
            for did, title in s.execute(
                select(DossierDocument.id, DossierDocument.title).where(DossierDocument.case_id == case_ids[CLOSED])
            )
        }
    return ReviewDb(wb, db_path, reviewer.id, case_ids, documents)


def run_cli(argv: list[str]) -> int:
    """Parse and run one review command like `python main.py ...` does (options after the action)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    common.add_argument("--user")
    common.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser(prog="main.py")
    add_parsers(parser.add_subparsers(dest="command", required=True), common)
    args = parser.parse_args(argv)
    wb = Workbench.open(args.db, Actor(args.user or "cli"))
    try:
        return dispatch(wb, args, _emit)
    finally:
        wb.close()

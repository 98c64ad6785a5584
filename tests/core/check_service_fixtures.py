"""A demo database for the check-service tests: random demo cases plus every scenario card, imported the
way a user imports them (demo workbook → reviewapp.services.cases.intake.import_cases)."""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from reviewapp.cli.checks import add_parsers, dispatch
from reviewapp.cli.main import _emit
from reviewapp.demo import DEMO_AS_OF, generate_demo
from reviewapp.demo.scenarios import ScenarioCase, scenario_cards
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import Case
from tests.accounts_fixtures import sign_in
from tests.db_target import database_at

RANDOM_CASES = 300
TODAY = DEMO_AS_OF  # the day the demo export was taken: random open cases sit inside their limits on it


@dataclass
class DemoDb:
    wb: Workbench
    folder: Path
    workbook: Path
    scenarios: list[ScenarioCase]
    case_ids: dict[str, int]  # 部门受案号 → id

    def expected_violations(self) -> Counter[str]:
        """Per rule: scenario cards trigger exactly their expected violations, random cards none."""
        return Counter(rule for s in self.scenarios for rule in s.expected_violations)


def make_demo_db(folder: Path, random_cases: int = RANDOM_CASES, user: str = "预检测试员") -> DemoDb:
    scenarios = scenario_cards()
    out = generate_demo(folder / "demo", cases=random_cases, extra_cards=[s.card for s in scenarios], dossiers=False)
    wb = Workbench.open(database_at(folder, "checks.sqlite3"))
    sign_in(wb, user)
    summary = import_cases(wb, out.workbook)
    assert summary.imported == random_cases + len(scenarios) and not summary.rejects, summary.rejects
    with wb.db.session() as s:
        ids = {no: cid for no, cid in s.execute(select(Case.dept_case_no, Case.id))}
    return DemoDb(wb, folder, out.workbook, scenarios, ids)


def run_check_cli(wb: Workbench, argv: list[str]) -> int:
    """Parse and run `check` like `python main.py check ...` does once reviewapp/cli.py wires it."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db")
    common.add_argument("--user")
    common.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser(prog="main.py")
    sub = parser.add_subparsers(dest="command", required=True)
    add_parsers(sub, common)
    return dispatch(wb, parser.parse_args(argv), _emit)

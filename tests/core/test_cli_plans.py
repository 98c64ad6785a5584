"""Headless plans: plan create|list|show|open|close, plan select --preview / commit with a seed, plan assign,
plan progress --json, conflict declare|dismiss|list, queue --json."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewapp.services.reviews.standards_store import list_standard_versions
from tests.accounts_fixtures import PASSWORD, login_for
from tests.core.cli_fixtures import CliRunner
from tests.core.plans_fixtures import ADMIN, HAIDIAN, make_plan_db
from tests.db_target import database_at

pytestmark = pytest.mark.assignment_required  # these tests keep the default: reviews need an assignment


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> CliRunner:
    db = make_plan_db(tmp_path)
    std = next(v for v in list_standard_versions(db.wb) if "审查起诉" in v.case_types)
    monkeypatch.setenv("TEST_STANDARD", f"{std.code}:{std.version}")
    db.close()
    return CliRunner(database_at(tmp_path, "plans.sqlite3"), monkeypatch, capsys)


def test_a_plan_from_creation_to_progress(cli: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    code, version = os.environ["TEST_STANDARD"].split(":")
    admin = login_for(ADMIN)

    def run(*argv: str, user: str = admin) -> object:
        r = cli(*argv, user=user, password=PASSWORD)
        assert r.code == 0, r.err
        return r

    created = cli(
        "plan",
        "create",
        "海淀专项",
        "--type",
        "专项评查",
        "--standard",
        code,
        "--version",
        version,
        "--unit",
        HAIDIAN,
        "--due",
        "2030-01-31",
        user=admin,
        password=PASSWORD,
    )
    assert created.code == 0, created.err
    assert "海淀专项" in created.out
    unknown = cli(
        "plan",
        "create",
        "x",
        "--type",
        "专项评查",
        "--standard",
        code,
        "--version",
        "99",
        user=admin,
        password=PASSWORD,
    )
    assert unknown.code == 1 and "99" in unknown.err
    preview = cli("plan", "select", "海淀专项", "--preview", "--json", user=admin, password=PASSWORD)
    assert preview.code == 0 and len(preview.json()["picks"]) == 10
    assert cli("plan", "show", "海淀专项", "--json", user=admin, password=PASSWORD).json()["cases"] == 0
    run("plan", "select", "海淀专项")
    run("plan", "open", "海淀专项")
    assigned = cli("plan", "assign", "海淀专项", "--seed", "4", "--json", user=admin, password=PASSWORD).json()
    assert len(assigned["assigned"]) == 10 and assigned["seed"] == 4 and "assignment" in assigned["changes"]["changed"]
    shown = cli("plan", "show", "海淀专项", "--json", user=admin, password=PASSWORD).json()
    assert len(shown["case_list"]) == 10 and all(x["reviewers"] for x in shown["case_list"])
    listed = cli("plan", "list", user=admin, password=PASSWORD)
    assert "海淀专项" in listed.out
    zhou = next(x["case"] for x in assigned["assigned"] if x["reviewers"] == ["周评查"])
    queue = cli("queue", "--json", user=login_for("周评查"), password=PASSWORD).json()
    assert zhou in [q["case"] for q in queue] and all(q["plan"] == "海淀专项" for q in queue)
    declared = cli("conflict", "declare", zhou, "--reason", "同学", user=login_for("周评查"), password=PASSWORD)
    assert declared.code == 0, declared.err
    assert zhou not in [q["case"] for q in cli("queue", "--json", user=login_for("周评查"), password=PASSWORD).json()]
    assert "同学" in cli("conflict", "list", user=admin, password=PASSWORD).out
    run("conflict", "dismiss", "1", "--reason", "不构成")
    progress = cli("plan", "progress", "海淀专项", "--json", user=admin, password=PASSWORD).json()
    assert progress["cases"] == 10 and progress["unassigned"] == 1 and progress["total"]["assigned"] == 9
    run("plan", "close", "海淀专项")
    refused = cli("plan", "assign", "海淀专项", user=admin, password=PASSWORD)
    assert refused.code == 1
    nobody = cli("plan", "select", "海淀专项", user=login_for("周评查"), password=PASSWORD)
    assert nobody.code == 2

"""Running the pre-screening over stored cases: the demo set gives exactly the scenarios' expected counts,
results are stored per case and recomputed when a newer export changes a card, cancel keeps whole chunks."""

from __future__ import annotations

import copy
import dataclasses
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewapp.checks import RULES, Status
from reviewapp.demo import generate_demo
from reviewapp.demo.scenarios import PREFIX
from reviewapp.services.cases.card_rows import card_hash
from reviewapp.services.cases.cards import all_case_ids, load_cards
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.checks import run as check_service
from reviewapp.services.checks.run import (
    CHECKED_MARKER,
    ResultFilter,
    case_results,
    data_quality_summary,
    result_ids,
    result_rows,
    run_checks,
    stale_case_ids,
)
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import CheckResult
from tests.accounts_fixtures import sign_in
from tests.core.check_service_fixtures import TODAY, DemoDb, make_demo_db, run_check_cli
from tests.db_target import copy_database


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoDb]:
    made = make_demo_db(tmp_path_factory.mktemp("demo-db"))
    made.wb.close()
    yield made


@pytest.fixture
def demo(template: DemoDb, tmp_path: Path) -> Iterator[DemoDb]:
    """A private copy of the imported demo database (tests change stored results)."""
    wb = Workbench.open(copy_database(template.wb.db.url, tmp_path, "checks.sqlite3"))
    sign_in(wb, "预检测试员")
    yield dataclasses.replace(template, wb=wb)
    wb.close()


def _violations_by_case(wb: Workbench) -> dict[str, set[str]]:
    rows = result_rows(wb, result_ids(wb, ResultFilter(status=Status.VIOLATION.value)))
    out: dict[str, set[str]] = {}
    for r in rows.values():
        out.setdefault(r.dept_case_no, set()).add(r.rule_id)
    return out


def test_stored_cards_rebuild_exactly_what_was_imported(demo: DemoDb) -> None:
    stored = load_cards(demo.wb, all_case_ids(demo.wb))
    assert len(stored) == len(demo.case_ids)
    # The fingerprint of the rebuilt card is the one intake stored: the rules see the imported card.
    assert [s.case_id for s in stored if card_hash(s.card) != s.card_hash] == []
    by_no = {s.card.dept_case_no: s.card for s in stored}
    for scenario in demo.scenarios:
        assert by_no[scenario.card.dept_case_no] == scenario.card


def test_demo_data_has_a_triggering_and_an_on_the_limit_case_for_every_rule(demo: DemoDb) -> None:
    run_checks(demo.wb, today=TODAY)
    violations = _violations_by_case(demo.wb)
    for spec in RULES:
        mine = [s for s in demo.scenarios if s.rule_id == spec.rule_id]
        triggering = [s for s in mine if s.triggers]
        on_limit = [s for s in mine if not s.triggers]
        assert triggering and on_limit, spec.rule_id
        assert all(spec.rule_id in violations.get(s.card.dept_case_no, set()) for s in triggering)
        assert all(spec.rule_id not in violations.get(s.card.dept_case_no, set()) for s in on_limit)


def test_check_command_over_the_demo_set_gives_the_expected_counts(
    demo: DemoDb, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_check_cli(demo.wb, ["check", "--json", "--today", TODAY.isoformat()]) == 0
    out = json.loads(capsys.readouterr().out)
    violations = [r for r in out["results"] if r["status"] == "violation"]
    per_rule = Counter(r["rule_id"] for r in violations)
    assert per_rule == demo.expected_violations()
    assert set(per_rule) == {spec.rule_id for spec in RULES}  # every rule fires somewhere in the demo set
    # Random demo cards are clean: every violation is on a scenario card, each exactly as expected.
    assert all(r["case"].startswith(PREFIX) for r in violations)
    for scenario in demo.scenarios:
        got = {r["rule_id"] for r in violations if r["case"] == scenario.card.dept_case_no}
        assert got == scenario.expected_violations, scenario.card.dept_case_no
    assert out["summary"]["cases_checked"] == len(demo.case_ids)
    assert out["summary"]["counts"]["violation"] == len(violations)
    first = violations[0]
    assert {"case", "rule_id", "item", "severity", "status", "explanation"} <= set(first)


def test_check_command_prints_rule_item_severity_and_explanation(
    demo: DemoDb, capsys: pytest.CaptureFixture[str]
) -> None:
    scenario = next(s for s in demo.scenarios if s.rule_id == "DL-PROSECUTION" and s.triggers and s.card.detained)
    number = scenario.card.dept_case_no
    assert run_check_cli(demo.wb, ["check", number, "--today", TODAY.isoformat()]) == 0
    lines = capsys.readouterr().out.splitlines()
    hit = [line.split("\t") for line in lines if line.startswith(number + "\t") and "\tP12\t" in line]
    assert len(hit) == 1
    case_no, title, item, severity, _status, explanation = hit[0]
    # The text output names the rule by its title; its code stays in --json for machines.
    assert (case_no, item, severity) == (number, "P12", "严重司法错误")
    assert title and "DL-PROSECUTION" not in title
    assert scenario.card.accepted_on.isoformat() in explanation
    # Only the named case was checked.
    assert set(stale_case_ids(demo.wb)) == set(demo.case_ids.values()) - {demo.case_ids[number]}


def test_check_command_refuses_an_unknown_case(demo: DemoDb, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check_cli(demo.wb, ["check", "没有这个案号"]) == 1
    assert "没有这个案号" in capsys.readouterr().err


def test_results_are_replaced_not_added_and_passed_rules_are_not_stored(demo: DemoDb) -> None:
    first = run_checks(demo.wb, today=TODAY)
    with demo.wb.db.session() as s:
        count = s.scalar(select(func.count(CheckResult.id)))
        passed = s.scalar(
            select(func.count(CheckResult.id)).where(
                CheckResult.status == Status.PASSED.value, CheckResult.rule_id != CHECKED_MARKER
            )
        )
    run_checks(demo.wb, today=TODAY)
    with demo.wb.db.session() as s:
        assert s.scalar(select(func.count(CheckResult.id))) == count
    assert passed == 0
    stored = first.count(Status.VIOLATION) + first.count(Status.WARNING) + first.count(Status.NOT_CHECKABLE)
    assert count == stored + len(demo.case_ids)  # plus one "checked from this card" marker per case


def test_a_newer_export_that_changes_a_card_makes_it_stale_and_recheck_updates_it(demo: DemoDb) -> None:
    run_checks(demo.wb, today=TODAY)
    assert stale_case_ids(demo.wb) == []
    scenario = next(s for s in demo.scenarios if s.rule_id == "DL-NOTICE-SUSPECT" and s.triggers)
    case_id = demo.case_ids[scenario.card.dept_case_no]
    assert "DL-NOTICE-SUSPECT" in {r.rule_id for r in case_results(demo.wb, case_id)}
    fixed = copy.deepcopy(scenario.card)
    fixed.suspect_notified_on = fixed.accepted_on  # told on the day of receipt: within 3 days
    newer = generate_demo(demo.folder / "newer", cases=0, extra_cards=[fixed], dossiers=False)
    summary = import_cases(demo.wb, newer.workbook)
    assert summary.updated == 1
    assert stale_case_ids(demo.wb) == [case_id]
    rerun = run_checks(demo.wb, stale_case_ids(demo.wb), today=TODAY)
    assert rerun.cases_checked == 1
    assert stale_case_ids(demo.wb) == []
    assert "DL-NOTICE-SUSPECT" not in {r.rule_id for r in case_results(demo.wb, case_id)}


def test_cancel_keeps_the_chunks_already_stored_and_says_how_many(
    demo: DemoDb, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check_service, "CHUNK", 50)
    seen: list[int] = []
    summary = run_checks(
        demo.wb, today=TODAY, progress=lambda done, _total: seen.append(done), cancel=lambda: len(seen) >= 3
    )
    assert summary.cancelled and summary.cases_checked == 100
    assert seen == [0, 50, 100]
    assert len(stale_case_ids(demo.wb)) == len(demo.case_ids) - 100
    assert str(summary.cases_checked) in summary.message()


def _stored(wb: Workbench) -> list[tuple[object, ...]]:
    with wb.db.session() as s:
        rows = s.execute(
            select(
                CheckResult.case_id,
                CheckResult.rule_id,
                CheckResult.item_code,
                CheckResult.severity,
                CheckResult.status,
                CheckResult.explanation,
                CheckResult.facts,
                CheckResult.missing_fields,
                CheckResult.card_hash,
            )
        )
        return sorted(
            (tuple(json.dumps(v, sort_keys=True) if isinstance(v, dict | list) else v for v in r) for r in rows),
            key=repr,
        )


def test_worker_processes_store_the_same_results_as_one_process(demo: DemoDb, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_service, "CHUNK", 60)
    serial = run_checks(demo.wb, today=TODAY, workers=1)
    one = _stored(demo.wb)
    parallel = run_checks(demo.wb, today=TODAY, workers=2)
    assert parallel.workers == 2
    assert _stored(demo.wb) == one
    assert parallel.counts == serial.counts and parallel.by_rule == serial.by_rule


def test_case_results_are_in_rule_order_with_title_and_basis(demo: DemoDb) -> None:
    run_checks(demo.wb, today=TODAY)
    scenario = max(demo.scenarios, key=lambda s: len(s.expected_violations))
    results = case_results(demo.wb, demo.case_ids[scenario.card.dept_case_no])
    order = [spec.rule_id for spec in RULES]
    assert [r.rule_id for r in results] == sorted((r.rule_id for r in results), key=order.index)
    assert {r.rule_id for r in results if r.status == "violation"} == scenario.expected_violations
    assert all(r.title and r.basis and r.explanation for r in results)


def test_data_quality_summary_counts_per_rule_and_org_and_filters(demo: DemoDb) -> None:
    run_checks(demo.wb, today=TODAY)
    everything = data_quality_summary(demo.wb)
    assert [c.rule_id for c in everything.by_rule] == [spec.rule_id for spec in RULES]
    expected = demo.expected_violations()
    assert {c.rule_id: c.violations for c in everything.by_rule if c.violations} == dict(expected)
    assert everything.cases_checked == len(demo.case_ids)
    assert everything.results == len(result_ids(demo.wb))
    # Every scenario card belongs to one unit, so all violations are counted there.
    unit = next(g for g in everything.by_unit if g.violations)
    assert unit.name == demo.scenarios[0].card.unit and unit.violations == sum(expected.values())
    assert sum(g.total for g in everything.by_prosecutor) == everything.results
    assert sum(g.total for g in everything.by_department) == everything.results

    only = data_quality_summary(demo.wb, ResultFilter(rule_id="DL-PROSECUTION", status="violation"))
    assert only.results == expected["DL-PROSECUTION"]
    assert [c.rule_id for c in only.by_rule if c.total] == ["DL-PROSECUTION"]
    in_unit = ResultFilter(unit_id=unit.id, status="violation")
    rows = result_rows(demo.wb, result_ids(demo.wb, in_unit))
    assert len(rows) == sum(expected.values()) and {r.unit for r in rows.values()} == {unit.name}

    number = next(s.card.dept_case_no for s in demo.scenarios if s.rule_id == "CK-AMOUNT" and s.triggers)
    by_text = result_rows(demo.wb, result_ids(demo.wb, ResultFilter(text=number)))
    assert {r.dept_case_no for r in by_text.values()} == {number}
    assert {r.rule_id for r in by_text.values() if r.status == "violation"} == {"CK-AMOUNT"}


def test_check_stale_rechecks_only_changed_cards(demo: DemoDb, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_check_cli(demo.wb, ["check", "--today", TODAY.isoformat()]) == 0
    capsys.readouterr()
    assert run_check_cli(demo.wb, ["check", "--stale", "--json", "--today", TODAY.isoformat()]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["cases_checked"] == 0 and out["results"] == []
    scenario = next(s for s in demo.scenarios if s.rule_id == "CK-AMOUNT" and s.triggers)
    changed = copy.deepcopy(scenario.card)
    changed.summary = (changed.summary or "") + "（补录）"
    import_cases(demo.wb, generate_demo(demo.folder / "newer", cases=0, extra_cards=[changed], dossiers=False).workbook)
    assert run_check_cli(demo.wb, ["check", "--stale", "--json", "--today", TODAY.isoformat()]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"]["cases_checked"] == 1
    assert {(r["case"], r["rule_id"]) for r in out["results"] if r["status"] == "violation"} == {
        (scenario.card.dept_case_no, "CK-AMOUNT")
    }

"""The scenario and the recipe per mutation that tests/core/test_write_path.py runs: a template database
built through the services, and for each registered mutation the user who may do it and a call through its
public service."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from reviewapp.domain.plans import PlanMode, PlanType
from reviewapp.domain.roles import Role, Scope
from reviewapp.intake.profiles import Profile
from reviewapp.services.accounts import users
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.analysis.appraisal import export_appraisal
from reviewapp.services.analysis.periods import parse_period
from reviewapp.services.cases.dossiers import add_document, import_dossier_folder
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.people import add_person
from reviewapp.services.cases.profiles import delete_profile, save_profile
from reviewapp.services.checks import suggestions as suggestion_service
from reviewapp.services.checks.results import export_data_quality
from reviewapp.services.checks.run import run_checks
from reviewapp.services.dossier.compare import compare_cases
from reviewapp.services.dossier.scan import store_pages
from reviewapp.services.panel.supervision import set_department_supervisor
from reviewapp.services.plans.assignment import assign_plan, declare_conflict, dismiss_conflict, reassign
from reviewapp.services.plans.commands import (
    PlanSpec,
    close_plan,
    create_plan,
    edit_plan,
    open_plan,
    plan_by_name_or_id,
    reopen_plan,
)
from reviewapp.services.plans.roster import set_leader
from reviewapp.services.plans.selection import add_case, commit_selection, remove_case
from reviewapp.services.results.ledger_export import export_ledger
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.results.reports import case_report
from reviewapp.services.results.settings import save_notice_config, set_setting, set_settings
from reviewapp.services.reviews import commands as reviews
from reviewapp.services.reviews.offline_form import export_review_form, import_review_form
from reviewapp.services.reviews.standards_store import (
    ensure_standards,
    import_standard,
    list_standard_versions,
    store_standard,
)
from reviewapp.services.workbench import Workbench
from reviewapp.standards import export_standard_xlsx, load_shipped_standards
from reviewapp.storage.models import Base, Case, ConflictDeclaration, Review
from tests.accounts_fixtures import CASE_HEAD, PASSWORD, REVIEW_ADMIN, ROOT_LOGIN
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.panel_recipes import panel_recipes, prepare_panel
from tests.core.process_recipes import STAGES as PROCESS_STAGES
from tests.core.process_recipes import prepare_process, process_recipes
from tests.core.selfcheck_fixtures import prepare_selfcheck_forms, selfcheck_recipes
from tests.core.services_fixtures import set_issuer
from tests.core.training_recipes import prepare_training, training_recipes
from tests.db_target import Target, copy_database, database_at

UNIT = case_row(1)["承办单位"]
DEPUTY_NAME = "副检察长丁"
REVIEWER_NAME = "钱评查"


def _rows(n: int, **changes: Any) -> dict[str, Any]:
    # 认罪认罚 without a sentencing recommendation and no dossier column: a case the pre-screening flags.
    return case_row(n, 电子卷宗=None, 认罪认罚="是", **changes)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Target:
    """Built through the services: an administrator, a reviewer, a prosecutor-only user, three imported
    cases with dossiers, checks run, a draft review with a finding and a submitted one."""
    folder = tmp_path_factory.mktemp("write-path")
    wb = Workbench.open(database_at(folder, "db.sqlite3"))
    target = wb.db.url
    try:
        users.add_first_administrator(wb, "系统管理员甲", ROOT_LOGIN, PASSWORD, unit=UNIT)
        users.log_in(wb, ROOT_LOGIN, PASSWORD)
        users.add_account(wb, "管理员乙", "pc", PASSWORD, [REVIEW_ADMIN, CASE_HEAD], unit=UNIT, department="案件管理部")
        users.add_account(
            wb,
            REVIEWER_NAME,
            "rev",
            PASSWORD,
            [RoleSpec(Role.REVIEWER, Scope.PROVINCE)],
            unit=UNIT,
            department="案件管理部",
        )
        users.add_account(wb, "无权者", "nobody", PASSWORD, [RoleSpec(Role.PROSECUTOR)], unit=UNIT)
        users.log_in(wb, "pc", PASSWORD)
        set_issuer(wb)
        import_cases(wb, write_simple_xlsx(folder / "cases.xlsx", [_rows(1), _rows(2), _rows(3)]))
        pdf = folder / "起诉书.pdf"
        pdf.write_bytes(b"%PDF-1.4 demo")
        for n in (1, 2, 3):
            add_document(wb, _case(wb, n), pdf, "起诉书")
        run_checks(wb)
        _plans(wb)
        users.log_in(wb, "rev", PASSWORD)
        draft = reviews.start_review(wb, _case(wb, 1))
        reviews.record_finding(wb, draft.id, "D5", "司法瑕疵", "落款日期遗漏")
        done = reviews.start_review(wb, _case(wb, 2))
        reviews.record_finding(wb, done.id, "D5", "司法瑕疵", "落款日期遗漏")
        reviews.submit_review(wb, done.id)
    finally:
        wb.close()
    return target


def _spec(wb: Workbench, name: str) -> PlanSpec:
    standard = next(v.id for v in list_standard_versions(wb) if "审查起诉" in v.case_types)
    return PlanSpec(name, PlanType.THEMATIC, PlanMode.OWN_UNIT, standard)


def _plans(wb: Workbench) -> None:
    """An open plan holding the three cases, all assigned to the reviewer (scoring needs an assignment); a
    draft plan with case 2; a closed plan; a second reviewer, who declared a conflict with case 1."""
    ensure_standards(wb)
    running = create_plan(wb, _spec(wb, "进行中方案")).id
    commit_selection(wb, running)
    open_plan(wb, running)
    assert len(assign_plan(wb, running, seed=1).assigned) == 3
    draft = create_plan(wb, _spec(wb, "草稿方案")).id
    add_case(wb, draft, case_row(2)["部门受案号"], "检察长指定")
    close_plan(wb, create_plan(wb, _spec(wb, "已结束方案")).id)
    prior = wb.user
    users.log_in(wb, ROOT_LOGIN, PASSWORD)
    users.add_account(
        wb, "孙评查", "rev2", PASSWORD, [RoleSpec(Role.REVIEWER, Scope.PROVINCE)], unit=UNIT, department="案件管理部"
    )
    users.log_in(wb, "rev2", PASSWORD)
    declare_conflict(wb, case_row(1)["部门受案号"], "近亲属")
    wb.user = prior


def _plan(ctx: Ctx, name: str) -> int:
    return plan_by_name_or_id(ctx.wb, name)


def _conflict(ctx: Ctx) -> int:
    with ctx.wb.db.session() as s:
        return int(s.scalars(select(ConflictDeclaration.id)).one())


@dataclass
class Ctx:
    wb: Workbench
    tmp: Path
    suggested: dict[int, str] = field(default_factory=dict)

    def case(self, n: int) -> int:
        return _case(self.wb, n)

    def review(self, n: int) -> int:
        # The reviewer's review, whoever is acting (read without the review-content permission check).
        reviewer = users.account_by_login(self.wb, "rev").person_id
        with self.wb.db.session() as s:
            return int(
                s.scalars(
                    select(Review.id).where(
                        Review.case_id == self.case(n), Review.reviewer_id == reviewer, Review.kind == "member"
                    )
                ).one()
            )

    def finding(self, n: int) -> int:
        with self.wb.db.session() as s:
            return int(
                s.scalars(
                    text(
                        "SELECT f.id FROM findings f JOIN reviews r ON r.id = f.review_id "
                        "JOIN cases c ON c.id = r.case_id WHERE c.dept_case_no = :no AND f.deleted_at IS NULL"
                    ).bindparams(no=case_row(n)["部门受案号"])
                ).one()
            )

    def suggestion(self, n: int) -> str:
        if n in self.suggested:
            return self.suggested[n]
        prior = self.wb.user
        users.log_in(self.wb, "rev", PASSWORD)
        found = suggestion_service.suggestions(self.wb, self.review(n))
        self.wb.user = prior
        open_ = [s for s in found if s.acceptable and s.decision is None]
        assert open_, "the template case must have an open suggestion"
        self.suggested[n] = open_[0].rule_id
        return open_[0].rule_id

    def dossier_folder(self) -> Path:
        folder = self.tmp / "卷宗"
        case_dir = folder / case_row(3)["部门受案号"].replace("/", "_")
        case_dir.mkdir(parents=True, exist_ok=True)
        (case_dir / "审查报告.pdf").write_bytes(b"%PDF-1.4 other")
        return folder


def _case(wb: Workbench, n: int) -> int:
    with wb.db.session() as s:
        return s.scalars(select(Case.id).where(Case.dept_case_no == case_row(n)["部门受案号"])).one()


@dataclass(frozen=True)
class Recipe:
    login: str  # who may do it
    run: Callable[[Ctx], Any]
    outputs: Callable[[Ctx], list[Path]] = lambda ctx: []  # files it writes: none when refused


def _standard_file(ctx: Ctx) -> Path:
    path = ctx.tmp / "标准.xlsx"
    export_standard_xlsx(load_shipped_standards()[0], path)
    return path


def _form(ctx: Ctx) -> Path:
    path = ctx.tmp / "评查表.xlsx"
    if not path.exists():
        prior = ctx.wb.user
        users.log_in(ctx.wb, "rev", PASSWORD)
        export_review_form(ctx.wb, ctx.case(3), path)
        ctx.wb.user = prior
    return path


def _undone(ctx: Ctx) -> int:
    review = ctx.review(1)
    reviews.undo_review_edit(ctx.wb, review)
    return review


def _config(ctx: Ctx) -> Any:
    from reviewapp.services.results.settings import load_notice_config

    return load_notice_config(ctx.wb)


def _drop_settings(ctx: Ctx) -> None:
    """settings.import needs a database with no notice settings and an old per-workstation file."""
    import json

    from reviewapp.services.results.settings import config_path

    with ctx.wb.db.unchecked_session() as s:
        s.execute(text("DELETE FROM settings"))
    path = config_path(ctx.wb)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"procuratorate": "北京市朝阳区人民检察院"}, ensure_ascii=False), encoding="utf-8")


RECIPES: dict[str, Recipe] = {
    "account.add_first_administrator": Recipe("", lambda c: None),  # tested apart: only on an empty database
    "account.add": Recipe(
        ROOT_LOGIN, lambda c: users.add_account(c.wb, "新人", "newbie", PASSWORD, [REVIEW_ADMIN], unit=UNIT)
    ),
    "account.edit": Recipe(ROOT_LOGIN, lambda c: users.edit_account(c.wb, "rev", staff_no="A-77")),
    "account.set_active": Recipe(ROOT_LOGIN, lambda c: users.set_account_active(c.wb, "rev", False)),
    "account.role_add": Recipe(ROOT_LOGIN, lambda c: users.add_role(c.wb, "rev", RoleSpec(Role.PANEL_LEAD))),
    "account.role_remove": Recipe(ROOT_LOGIN, lambda c: users.remove_role(c.wb, "pc", Role.CASE_MANAGEMENT_HEAD)),
    "account.password_change": Recipe("rev", lambda c: users.change_own_password(c.wb, PASSWORD, "another-pass-1")),
    "account.password_reset": Recipe(ROOT_LOGIN, lambda c: users.reset_password(c.wb, "rev", "another-pass-1")),
    "person.add": Recipe("pc", lambda c: add_person(c.wb, "孙某某", unit=UNIT)),
    "cases.import": Recipe("pc", lambda c: import_cases(c.wb, write_simple_xlsx(c.tmp / "more.xlsx", [_rows(4)]))),
    "profile.save": Recipe(
        "pc", lambda c: save_profile(c.wb, Profile("他院格式", columns={"cases": {"案件编码": "dept_case_no"}}))
    ),
    "profile.delete": Recipe("pc", lambda c: (save_profile(c.wb, Profile("旧格式")), delete_profile(c.wb, "旧格式"))),
    "dossier.add": Recipe("pc", lambda c: add_document(c.wb, c.case(3), _pdf(c), "审查报告")),
    "dossier.import": Recipe("pc", lambda c: import_dossier_folder(c.wb, c.dossier_folder())),
    "checks.run": Recipe("pc", lambda c: run_checks(c.wb, [c.case(3)])),
    "dossier.text": Recipe("pc", lambda c: store_pages(c.wb, [], [], [c.case(3)])),
    "dossier.compare": Recipe("pc", lambda c: compare_cases(c.wb, [c.case(3)])),
    "standard.ensure": Recipe("", lambda c: None),  # tested apart: writes only when a shipped version is missing
    "standard.store": Recipe("pc", lambda c: store_standard(c.wb, _changed_standard())),
    "standard.import": Recipe("pc", lambda c: import_standard(c.wb, _standard_file(c))),
    "settings.notice": Recipe("pc", lambda c: save_notice_config(c.wb, _config(c))),
    "settings.set": Recipe("pc", lambda c: set_setting(c.wb, "accounts.lockout_minutes", "30")),
    "settings.set_many": Recipe("pc", lambda c: set_settings(c.wb, {"feedback.days": 7, "appraisal.base": 40})),
    "settings.import": Recipe("", lambda c: None),  # tested apart: once, from an old per-workstation file
    "review.start": Recipe("rev", lambda c: reviews.start_review(c.wb, c.case(3))),
    "finding.record": Recipe("rev", lambda c: reviews.record_finding(c.wb, c.review(1), "P3", "瑕", "晚告知")),
    "finding.update": Recipe("rev", lambda c: reviews.update_finding(c.wb, c.finding(1), reason="落款日期漏写")),
    "finding.remove": Recipe("rev", lambda c: reviews.remove_finding(c.wb, c.finding(1))),
    "review.criteria": Recipe("rev", lambda c: reviews.set_criteria(c.wb, c.review(1), [], "")),
    "review.override": Recipe("rev", lambda c: reviews.set_grade_override(c.wb, c.review(1), "不合格", "严重")),
    "review.submit": Recipe("rev", lambda c: reviews.submit_review(c.wb, c.review(1))),
    "review.reopen": Recipe("rev", lambda c: reviews.reopen_review(c.wb, c.review(2), "补充问题")),
    "review.undo": Recipe("rev", lambda c: reviews.undo_review_edit(c.wb, c.review(1))),
    "review.redo": Recipe("rev", lambda c: reviews.redo_review_edit(c.wb, _undone(c))),
    "suggestion.accept": Recipe(
        "rev", lambda c: suggestion_service.accept_suggestion(c.wb, c.review(1), c.suggestion(1))
    ),
    "suggestion.dismiss": Recipe(
        "rev", lambda c: suggestion_service.dismiss_suggestion(c.wb, c.review(1), c.suggestion(1), "卷宗已附量刑建议书")
    ),
    "review_form.export": Recipe(
        "rev", lambda c: export_review_form(c.wb, c.case(3), c.tmp / "表.xlsx"), lambda c: [c.tmp / "表.xlsx"]
    ),
    "review_form.import": Recipe("rev", lambda c: import_review_form(c.wb, _form(c))),
    "notice.issue": Recipe(
        "pc", lambda c: issue_notices(c.wb, [c.case(2)], out_dir=c.tmp / "notices"), lambda c: [c.tmp / "notices"]
    ),
    "report.export": Recipe(
        "pc", lambda c: case_report(c.wb, c.case(2), c.tmp / "报告.pdf"), lambda c: [c.tmp / "报告.pdf"]
    ),
    "ledger.export": Recipe("pc", lambda c: export_ledger(c.wb, c.tmp / "台账.xlsx"), lambda c: [c.tmp / "台账.xlsx"]),
    "analysis.export": Recipe(
        "pc",
        lambda c: export_appraisal(c.wb, parse_period("2026"), c.tmp / "考核.xlsx"),
        lambda c: [c.tmp / "考核.xlsx"],
    ),
    "plan.create": Recipe("pc", lambda c: create_plan(c.wb, _spec(c.wb, "新方案"))),
    "plan.edit": Recipe("pc", lambda c: edit_plan(c.wb, _plan(c, "草稿方案"), _spec(c.wb, "草稿方案（改）"))),
    "plan.open": Recipe("pc", lambda c: open_plan(c.wb, _plan(c, "草稿方案"))),
    "plan.close": Recipe("pc", lambda c: close_plan(c.wb, _plan(c, "进行中方案"))),
    "plan.reopen": Recipe("pc", lambda c: reopen_plan(c.wb, _plan(c, "已结束方案"))),
    "plan.select": Recipe("pc", lambda c: commit_selection(c.wb, _plan(c, "草稿方案"))),
    "plan.add_case": Recipe("pc", lambda c: add_case(c.wb, _plan(c, "草稿方案"), case_row(1)["部门受案号"], "专项")),
    "plan.remove_case": Recipe(
        "pc", lambda c: remove_case(c.wb, _plan(c, "进行中方案"), case_row(3)["部门受案号"], "误选")
    ),
    "plan.assign": Recipe("pc", lambda c: assign_plan(c.wb, _plan(c, "草稿方案"), seed=2)),
    "plan.reassign": Recipe(
        "pc", lambda c: reassign(c.wb, _plan(c, "进行中方案"), case_row(3)["部门受案号"], "rev", "rev2", "工作调整")
    ),
    "conflict.declare": Recipe("rev", lambda c: declare_conflict(c.wb, case_row(3)["部门受案号"], "曾参与侦查监督")),
    "conflict.dismiss": Recipe("pc", lambda c: dismiss_conflict(c.wb, _conflict(c), "不构成回避事由")),
    "person.leader": Recipe("pc", lambda c: set_leader(c.wb, "王检察官", "院领导")),
    "department.supervisor": Recipe(
        "pc", lambda c: set_department_supervisor(c.wb, "案件管理部", DEPUTY_NAME, unit=UNIT)
    ),
    "data_quality.export": Recipe(
        "pc", lambda c: export_data_quality(c.wb, c.tmp / "数据校验.xlsx"), lambda c: [c.tmp / "数据校验.xlsx"]
    ),
    **{name: Recipe(login, run, outputs) for name, (login, run, outputs) in selfcheck_recipes().items()},
    **{name: Recipe(login, run, outputs) for name, (login, run, outputs) in panel_recipes().items()},
    **{name: Recipe(login, run, outputs) for name, (login, run, outputs) in training_recipes().items()},
    **{name: Recipe(login, run, outputs) for name, (login, run, outputs) in process_recipes().items()},
}
APART = {name for name, r in RECIPES.items() if not r.login}


def _prepare(ctx: Ctx, name: str) -> None:
    """Inputs a recipe needs that take their own logins (and audit entries) to make, made beforehand."""
    if name == "review_form.import":
        _form(ctx)
    if name == "department.supervisor":  # the deputy chief to name
        users.log_in(ctx.wb, ROOT_LOGIN, PASSWORD)
        users.add_account(ctx.wb, DEPUTY_NAME, "deputy", PASSWORD, [RoleSpec(Role.DEPUTY_CHIEF)], unit=UNIT)
    if name.startswith("suggestion."):
        ctx.suggestion(1)
    if name in training_recipes():
        prepare_training(ctx, name)
    if name in panel_recipes():
        prepare_panel(ctx, UNIT, name)
    if name in PROCESS_STAGES:
        prepare_process(ctx, name)
    if name.startswith("selfcheck."):
        prepare_selfcheck_forms(ctx.wb, ctx.tmp, UNIT, [ctx.case(1), ctx.case(2), ctx.case(3)])


def _pdf(ctx: Ctx) -> Path:
    path = ctx.tmp / "审查报告.pdf"
    path.write_bytes(b"%PDF-1.4 another")
    return path


def _changed_standard() -> Any:
    import dataclasses

    std = load_shipped_standards()[0]
    return dataclasses.replace(std, name=std.name + "（修订）")


@pytest.fixture
def ctx(template: Target, tmp_path: Path) -> Iterator[Ctx]:
    wb = Workbench.open(copy_database(template, tmp_path, "db.sqlite3"))
    out = tmp_path / "out"
    out.mkdir()
    yield Ctx(wb, out)
    wb.close()


def _counts(wb: Workbench) -> dict[str, int]:
    with wb.db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) or 0 for t in Base.metadata.sorted_tables}

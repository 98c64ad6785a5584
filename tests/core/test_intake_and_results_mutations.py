"""Every mutation of the cases, checks, standards and results services goes through the write path: refused
(nothing written) for a user without the permission; otherwise one chained audit entry by the acting user's
account and a change record naming the right kinds."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from reviewapp.errors import NotPermitted
from reviewapp.services.cases.dossiers import add_document, import_dossier_folder
from reviewapp.services.cases.intake import import_cases
from reviewapp.services.cases.people import add_person
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.checks.results import export_data_quality
from reviewapp.services.checks.run import run_checks
from reviewapp.services.results.ledger_export import export_ledger
from reviewapp.services.results.notices import issue_notices
from reviewapp.services.results.reports import case_report
from reviewapp.services.results.settings import save_notice_config, set_setting, set_settings
from reviewapp.services.reviews.standards_store import ensure_standards, import_standard, store_standard
from reviewapp.services.workbench import Workbench
from reviewapp.standards import export_standard_xlsx, load_shipped_standards
from reviewapp.storage.models import AuditEntry, AuditHead, Case, DossierDocument, ImportBatch, Person
from tests.accounts_fixtures import sign_in
from tests.core.intake_fixtures import case_row, write_simple_xlsx
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import ISSUER, open_workbench, set_issuer
from tests.db_target import Target, copy_database, database_at


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Target:
    folder = tmp_path_factory.mktemp("template")
    bench = open_workbench(folder)
    target = bench.db.url
    try:
        set_issuer(bench)
        seed_reviewed_cases(bench, 2)
        import_cases(bench, write_simple_xlsx(folder / "cases.xlsx", [case_row(1), case_row(2)]))
    finally:
        bench.close()
    return target


@pytest.fixture
def wb(template: Target, tmp_path: Path) -> Iterator[Workbench]:
    """A private copy of the template database (two reviewed cases, two imported ones), logged in."""
    bench = Workbench.open(copy_database(template, tmp_path))
    sign_in(bench)
    yield bench
    bench.close()


def _case_id(wb: Workbench, n: int) -> int:
    with wb.db.session() as s:
        return s.scalars(select(Case.id).where(Case.dept_case_no == case_row(n)["部门受案号"])).one()


def _dossier_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "卷宗"
    case_dir = folder / case_row(1)["部门受案号"].replace("/", "_")
    case_dir.mkdir(parents=True)
    (case_dir / "起诉书.pdf").write_bytes(b"%PDF-1.4 demo")
    return folder


def _standard_file(tmp_path: Path) -> Path:
    path = tmp_path / "标准.xlsx"
    export_standard_xlsx(load_shipped_standards()[0], path)
    return path


@dataclass(frozen=True)
class Case_:
    action: str
    call: Callable[[Workbench, Path], Any]
    kinds: tuple[Kind, ...]


CASES: tuple[Case_, ...] = (
    Case_(
        "cases.import",
        lambda wb, tmp: import_cases(
            wb, write_simple_xlsx(tmp / "new.xlsx", [case_row(1, 案件名称="改"), case_row(3)])
        ),
        (Kind.CASE, Kind.IMPORT),
    ),
    Case_(
        "dossier.import", lambda wb, tmp: import_dossier_folder(wb, _dossier_folder(tmp)), (Kind.DOSSIER, Kind.IMPORT)
    ),
    Case_(
        "dossier.add",
        lambda wb, tmp: add_document(wb, _case_id(wb, 2), next(_dossier_folder(tmp).rglob("*.pdf")), "起诉书"),
        (Kind.DOSSIER,),
    ),
    Case_("person.add", lambda wb, tmp: add_person(wb, "新评查员", unit="北京市朝阳区人民检察院"), (Kind.PERSON,)),
    Case_(
        "standard.store",
        lambda wb, tmp: store_standard(
            wb, dataclasses.replace(load_shipped_standards()[0], name=load_shipped_standards()[0].name + "（修订）")
        ),
        (Kind.STANDARD,),
    ),
    Case_("standard.import", lambda wb, tmp: import_standard(wb, _standard_file(tmp)), (Kind.STANDARD,)),
    Case_("checks.run", lambda wb, tmp: run_checks(wb, [_case_id(wb, 1), _case_id(wb, 2)]), (Kind.CHECK_RESULT,)),
    Case_(
        "notice.issue",
        lambda wb, tmp: issue_notices(wb, _reviewed(wb)[:1], out_dir=tmp / "n"),
        (Kind.NOTICE,),
    ),
    Case_("report.export", lambda wb, tmp: case_report(wb, _reviewed(wb)[0], tmp / "r.pdf"), ()),
    Case_("ledger.export", lambda wb, tmp: export_ledger(wb, tmp / "台账.xlsx"), ()),
    Case_("data_quality.export", lambda wb, tmp: export_data_quality(wb, tmp / "校验.xlsx"), ()),
    Case_(
        "settings.notice",
        lambda wb, tmp: save_notice_config(wb, dataclasses.replace(ISSUER, deadline_days=7)),
        (Kind.SETTING,),
    ),
    Case_("settings.set", lambda wb, tmp: set_setting(wb, "notice.reply_days", "8"), (Kind.SETTING,)),
    Case_("settings.set_many", lambda wb, tmp: set_settings(wb, {"feedback.days": 7}), (Kind.SETTING,)),
)


def _reviewed(wb: Workbench) -> list[int]:
    with wb.db.session() as s:
        return list(s.scalars(select(Case.id).where(Case.dept_case_no.like("京朝%")).order_by(Case.id)))


def _head(wb: Workbench) -> int:
    with wb.db.session() as s:
        head = s.get(AuditHead, 1)
        return head.seq if head is not None else 0


@pytest.mark.parametrize("case", CASES, ids=[c.action for c in CASES])
def test_intake_checks_standards_and_results_mutations_are_audited(wb: Workbench, tmp_path: Path, case: Case_) -> None:
    records: list[ChangeRecord] = []
    wb.subscribe(records.append)
    before = _head(wb)
    case.call(wb, tmp_path)
    with wb.db.session() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.seq > before).order_by(AuditEntry.seq)))
    mine = [e for e in entries if e.action == case.action]
    assert len(mine) == 1, [e.action for e in entries]
    assert mine[0].user_id == wb.user.account_id is not None
    ours = [r for r in records if r.action == case.action]
    assert len(ours) == 1
    assert ours[0].touches(Kind.AUDIT)
    for kind in case.kinds:
        assert ours[0].touches(kind), (kind, ours[0])


@pytest.mark.parametrize("case", CASES, ids=[c.action for c in CASES])
def test_intake_checks_standards_and_results_refused_without_permission(
    wb: Workbench, tmp_path: Path, case: Case_
) -> None:
    sign_in(wb, "只看不动", roles=[])  # an account holding no role
    before = _head(wb)
    with pytest.raises(NotPermitted):
        case.call(wb, tmp_path)
    with wb.db.session() as s:
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.seq > before)))
    assert case.action not in actions
    written = {"n", "r.pdf", "台账.xlsx", "校验.xlsx"}
    assert [p.name for p in tmp_path.iterdir() if p.name in written] == []  # no file of a refused export


def test_import_attributes_every_row_to_the_account(wb: Workbench) -> None:
    with wb.db.session() as s:
        case = s.get(Case, _case_id(wb, 1))
        assert case is not None and case.created_by_id == wb.user.account_id
        batch = s.scalars(select(ImportBatch).order_by(ImportBatch.id.desc())).first()
        assert batch is not None and batch.user_id == wb.user.account_id
        prosecutor = s.get(Person, case.prosecutor_id)
        assert prosecutor is not None and prosecutor.created_by_id == wb.user.account_id


def test_dossier_documents_name_who_added_them(wb: Workbench, tmp_path: Path) -> None:
    summary = import_dossier_folder(wb, _dossier_folder(tmp_path))
    assert summary.documents_added == 1
    with wb.db.session() as s:
        added = s.scalars(select(DossierDocument.added_by_id).where(DossierDocument.case_id == _case_id(wb, 1)))
        assert list(added) == [wb.user.account_id]
    again = import_dossier_folder(wb, _dossier_folder(tmp_path / "again"))
    assert again.documents_added == 0  # the same content is linked once


def test_shipped_standards_are_stored_at_first_start_without_a_login(tmp_path: Path) -> None:
    wb = Workbench.open(database_at(tmp_path, "fresh.sqlite3"))
    try:
        ensure_standards(wb)
        ensure_standards(wb)  # nothing missing: no operation, no audit entry
        with wb.db.session() as s:
            entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "standard.ensure")))
            assert len(entries) == 1 and entries[0].user_id is None
            assert s.scalar(select(func.count()).select_from(AuditEntry)) == 1
    finally:
        wb.close()

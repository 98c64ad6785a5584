"""What the services put into notices and reports, read back from the PDFs; preview; the headless commands."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from reviewapp.cli import results as cli_notices
from reviewapp.domain.roles import Role, Scope
from reviewapp.exports.documents import audit_mark
from reviewapp.services.accounts.users import RoleSpec
from reviewapp.services.panel.determination import determine_opinion
from reviewapp.services.panel.due import process_due
from reviewapp.services.results.ledger import load_reviewed_cases
from reviewapp.services.results.notice_content import NoticeError
from reviewapp.services.results.notices import build_notice, issue_notices, notice_preview
from reviewapp.services.results.reports import case_report
from reviewapp.services.results.settings import NoticeConfig, save_notice_config
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import AuditEntry, AuditHead, DocumentSerial, Notice, Review
from tests.accounts_fixtures import REVIEWER as REVIEWER_ROLE
from tests.accounts_fixtures import sign_in
from tests.core.pdf_probe import page_texts, squash
from tests.core.review_fixtures import FINDINGS, REVIEWER, UNIT, dept_case_no, seed_reviewed_cases
from tests.core.services_fixtures import open_workbench

ISSUED = date(2026, 3, 20)
CONFIG = NoticeConfig(
    procuratorate="北京市朝阳区人民检察院",
    issuer_code="京朝检案管整改",
    review_code="京朝检案管评",
    issuer="北京市朝阳区人民检察院案件管理部",
)


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path)
    save_notice_config(bench, CONFIG)
    yield bench
    bench.close()


def _text(pdf: Path | bytes) -> str:
    if isinstance(pdf, bytes):
        return squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    return squash("".join(page_texts(pdf)))


def test_notice_lists_every_finding_with_severity_reason_and_citation(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 3)  # case 3 has all three findings, E7 an 一般司法错误 → 不合格
    notice = issue_notices(wb, ids[2:], out_dir=tmp_path, issued_on=ISSUED)[0]
    text = _text(notice.path)
    for code, severity, reason, document, page in FINDINGS:
        assert squash(f"{code}") in text and severity in text and squash(reason) in text
        assert squash(f"{document} 第{page}页") in text
    for piece in (
        "北京市朝阳区人民检察院",
        "案件质量问题整改通知书",
        "京朝检案管整改〔2026〕1号",
        "张明：",
        dept_case_no(3),
        "评定等次：不合格",
        "证据采信方面",
        "办案程序方面",
        "文书制作和使用方面",
        "请于2026年3月30日前完成整改",
        "北京市朝阳区人民检察院案件管理部",
        "2026年3月20日",
        "抄送：第一检察部负责人，检务督察部门。",
    ):
        assert squash(piece) in text, piece
    # Problems in checklist order: 证据采信 (E) before 办案程序 (P) before 文书 (D).
    assert text.index("证据采信方面") < text.index("办案程序方面") < text.index("文书制作和使用方面")


def test_department_notice_covers_its_cases(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 4)
    notices = issue_notices(wb, ids, group_by="department", out_dir=tmp_path, issued_on=ISSUED)
    first = next(n for n in notices if n.addressee == "第一检察部")
    text = _text(first.path)
    for no in first.dept_case_nos:
        assert squash(no) in text
    assert "第一检察部：" in text


def test_preview_consumes_no_number_and_is_marked(wb: Workbench) -> None:
    ids = seed_reviewed_cases(wb, 2)
    pdfs = notice_preview(wb, ids, "case", issued_on=ISSUED)
    assert len(pdfs) == 2
    assert "京朝检案管整改〔2026〕（预览）" in _text(pdfs[0])
    with wb.db.session() as s:
        assert s.scalar(select(func.count(Notice.id))) == 0
        assert s.scalar(select(func.count()).select_from(DocumentSerial)) == 0


def test_preview_of_a_reissue_shows_the_existing_number(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 1)
    issue_notices(wb, ids, out_dir=tmp_path, issued_on=ISSUED)
    assert "京朝检案管整改〔2026〕1号（预览）" in _text(notice_preview(wb, ids, issued_on=ISSUED)[0])


def test_notice_data_is_built_from_the_determined_opinion(wb: Workbench) -> None:
    ids = seed_reviewed_cases(wb, 2)
    with wb.db.session() as s:
        reviewed = load_reviewed_cases(s, ids, CONFIG)
    data = build_notice([reviewed[ids[1]]], "王芳", "N", ISSUED, CONFIG)
    (case,) = data.cases
    assert (case.grade, case.determined_on, case.review_type) == ("基本合格", date(2026, 3, 5), "常规抽查")
    assert case.review_no == f"京朝检案管评〔2026〕{reviewed[ids[1]].review_id}号"
    assert [(p.dimension, p.item_code, p.citation) for p in case.problems] == [
        ("办案程序", "P3", "权利义务告知书 第2页"),
        ("文书制作和使用", "D5", "起诉书 第3页"),
    ]
    assert data.reply_deadline == date(2026, 3, 30)


def test_case_report_has_the_six_parts(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 3)
    path = case_report(wb, ids[2], tmp_path / "r" / "report.pdf")
    text = _text(path)
    for heading in (
        "一、被评查案件基本情况",
        "二、评查工作开展情况",
        "三、评查发现的问题",
        "四、评查小组联席会议情况",
        "五、等次建议及评定依据",
        "六、其他",
    ):
        assert heading in text
    assert "等次建议：不合格" in text
    assert squash(FINDINGS[2][2]) in text  # the E7 reason
    assert "未发现问题" in text  # dimensions without findings say so
    assert "审阅电子卷宗文书3份" in text
    assert [p.name for p in path.parent.iterdir()] == ["report.pdf"]


def _run(wb: Workbench, argv: list[str]) -> tuple[int, Any]:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser()
    cli_notices.add_parsers(parser.add_subparsers(dest="command", required=True), common)
    args = parser.parse_args(argv)
    out: list[Any] = []
    code = cli_notices.dispatch(wb, args, lambda a, data, text: out.append(data if a.json else text))
    return code, out[0] if out else None


def test_headless_notice_report_and_ledger(wb: Workbench, tmp_path: Path) -> None:
    seed_reviewed_cases(wb, 3)
    code, data = _run(
        wb,
        [
            "notice",
            dept_case_no(1),
            dept_case_no(2),
            "--out",
            str(tmp_path / "n"),
            "--date",
            "2026-03-20",
            "--yes",
            "--json",
        ],
    )
    assert code == 0
    data = data["notices"] if isinstance(data, dict) else data
    assert [d["number"] for d in data] == ["京朝检案管整改〔2026〕1号", "京朝检案管整改〔2026〕2号"]
    assert all(Path(d["file"]).exists() for d in data)
    assert data[0]["reply_deadline"] == "2026-03-30"
    json.dumps(data)  # plain JSON
    code, data = _run(wb, ["report", dept_case_no(3), "--out", str(tmp_path / "r.pdf"), "--json"])
    assert code == 0 and Path(data["file"]).exists()
    code, data = _run(wb, ["ledger", "--out", str(tmp_path / "l.xlsx"), "--from", "2026-03-01", "--json"])
    assert code == 0
    assert data["cases"] == 3 and data["notice_numbers"] == ["京朝检案管整改〔2026〕1号", "京朝检案管整改〔2026〕2号"]


def test_headless_errors_exit_non_zero(wb: Workbench, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed_reviewed_cases(wb, 1)
    seed_reviewed_cases(wb, 1, first=2, submitted=False)
    code, _ = _run(wb, ["notice", "不存在的案号", "--out", str(tmp_path)])
    assert code == 1 and "不存在的案号" in capsys.readouterr().err
    code, _ = _run(wb, ["notice", dept_case_no(1), dept_case_no(2), "--out", str(tmp_path), "--yes"])
    assert code == 1 and dept_case_no(2) in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _run(wb, ["ledger", "--out", str(tmp_path / "l.xlsx"), "--from", "2026-13-01"])


def test_notice_from_a_review_made_with_the_review_services(wb: Workbench, tmp_path: Path) -> None:
    from reviewapp.services.reviews.commands import record_finding, start_review, submit_review
    from reviewapp.storage.models import DossierDocument, Person

    (case_id,) = seed_reviewed_cases(wb, 1, review=False)
    issuer = wb.user
    sign_in(wb, REVIEWER, roles=[REVIEWER_ROLE], unit=UNIT)  # the roster's reviewer scores
    with wb.db.session() as s:
        reviewer_id = s.scalars(select(Person.id).where(Person.name == REVIEWER)).one()
        doc_id = s.scalars(
            select(DossierDocument.id).where(DossierDocument.case_id == case_id, DossierDocument.title == "起诉书")
        ).one()
    state = start_review(wb, case_id, reviewer_id=reviewer_id)
    record_finding(wb, state.id, "D5", "瑕", "起诉书未加盖院印", evidence=[(doc_id, 4)])
    submitted = submit_review(wb, state.id)
    with wb.db.session() as s:
        opinion_id = s.scalars(select(Review.id).where(Review.case_id == case_id, Review.kind == "opinion")).one()
    # 基本合格 is heard first: no answer by the end of the period, then the chief determines.
    process_due(wb, today=date.today() + timedelta(days=30))
    sign_in(wb, "检察长甲", roles=[RoleSpec(Role.CHIEF, Scope.PROVINCE)])
    determine_opinion(wb, opinion_id)
    sign_in(wb, issuer.name)  # a user allowed to issue notices
    # The notice states the determination and follows it: dated the day before, it is refused, naming the
    # case and its determination day, and takes no number.
    yesterday = date.today() - timedelta(days=1)
    for attempt in (
        lambda: issue_notices(wb, [case_id], out_dir=tmp_path / "early", issued_on=yesterday),
        lambda: notice_preview(wb, [case_id], issued_on=yesterday),
    ):
        with pytest.raises(NoticeError) as refused:
            attempt()
        assert dept_case_no(1) in str(refused.value) and date.today().isoformat() in str(refused.value)
    assert not list((tmp_path / "early").glob("*.pdf"))
    with wb.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Notice)) == 0
    notice = issue_notices(wb, [case_id], out_dir=tmp_path, issued_on=date.today())[0]
    text = _text(notice.path)
    assert squash("起诉书未加盖院印") in text and squash("起诉书 第4页") in text
    assert f"评定等次：{submitted.final_grade}" in text
    with wb.db.session() as s:
        assert load_reviewed_cases(s, [case_id], CONFIG)[case_id].review_id == opinion_id


def test_notice_and_report_footers_carry_the_audit_chain_head(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 2)
    with wb.db.session() as s:
        head = s.get(AuditHead, 1)
        assert head is not None
        before = (head.seq, head.hash)
    notice = issue_notices(wb, ids[:1], out_dir=tmp_path / "n", issued_on=ISSUED)[0]
    with wb.db.session() as s:
        row = s.get(Notice, notice.notice_id)
        assert row is not None
        stored = (row.audit_seq, row.audit_hash)
    assert stored == before  # the head when issued, before the issue's own entry
    mark = audit_mark(*before)
    assert mark.startswith(f"审计链 #{before[0]} · {before[1][:4]}") and mark.endswith(before[1][-2:])
    assert squash(mark) in _text(notice.path)
    report = case_report(wb, ids[1], tmp_path / "r.pdf")
    with wb.db.session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "report.export")).one()
    assert (entry.detail["audit_seq"], entry.detail["audit_hash"]) == (entry.seq - 1, entry.prev_hash)
    assert entry.user_id == wb.user.account_id and entry.case_id == ids[1]
    assert squash(audit_mark(entry.seq - 1, entry.prev_hash)) in _text(report)

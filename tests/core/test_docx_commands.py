"""Word documents from the headless commands and the services; the red letterhead setting."""

from __future__ import annotations

import argparse
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from pypdf import PdfReader
from sqlalchemy import select

from reviewapp.cli import results as cli_notices
from reviewapp.exports.docx import plain_text
from reviewapp.services.results.notice_word import notice_docx
from reviewapp.services.results.notices import issue_notices, notice_preview
from reviewapp.services.results.settings import NoticeConfig, get_setting, save_notice_config, set_setting
from reviewapp.services.workbench import Workbench
from reviewapp.storage.models import AuditEntry
from tests.core.review_fixtures import dept_case_no, seed_reviewed_cases
from tests.core.services_fixtures import open_workbench

CONFIG = NoticeConfig(
    procuratorate="北京市朝阳区人民检察院",
    issuer_code="京朝检案管整改",
    review_code="京朝检案管评",
    issuer="北京市朝阳区人民检察院案件管理部",
)
RED_FILL = ".901961 0 .070588 rg"


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = open_workbench(tmp_path / "db")
    save_notice_config(bench, CONFIG)
    yield bench
    bench.close()


def _run(wb: Workbench, argv: list[str]) -> tuple[int, Any]:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true")
    parser = argparse.ArgumentParser()
    cli_notices.add_parsers(parser.add_subparsers(dest="command", required=True), common)
    args = parser.parse_args(argv)
    out: list[Any] = []
    code = cli_notices.dispatch(wb, args, lambda a, data, text: out.append(data if a.json else text))
    return code, out[0] if out else None


def _docx_text(path: Path) -> str:
    return "\n".join(plain_text(p.text) for p in Document(str(path)).paragraphs)


def test_report_command_writes_word_when_asked(wb: Workbench, tmp_path: Path) -> None:
    seed_reviewed_cases(wb, 2)
    target = tmp_path / "out" / "报告.docx"
    code, data = _run(wb, ["report", dept_case_no(2), "--out", str(target), "--json"])
    assert code == 0 and Path(data["file"]) == target
    text = _docx_text(target)
    assert "案件质量评查报告" in text and dept_case_no(2) in text and "三、评查发现的问题" in text
    with wb.db.session() as s:  # exported like the PDF: audited with the file and its hash
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "report.export")).one()
        assert str(target.resolve()) in str(entry.detail)
    assert not list(target.parent.glob(".*tmp"))


def test_notice_command_writes_the_word_copy_beside_the_issued_pdf(wb: Workbench, tmp_path: Path) -> None:
    seed_reviewed_cases(wb, 3)
    target = tmp_path / "n" / "整改通知.docx"
    code, data = _run(wb, ["notice", dept_case_no(1), "--out", str(target), "--date", "2026-03-20", "--yes", "--json"])
    assert code == 0
    (notice,) = data["notices"]
    assert Path(notice["file"]).parent == target.parent and Path(notice["file"]).suffix == ".pdf"
    assert notice["docx"] == str(target)
    text = _docx_text(target)
    assert "京朝检案管整改〔2026〕1号" in text and "北京市朝阳区人民检察院" in text and dept_case_no(1) in text
    pdf = "".join(p.extract_text() for p in PdfReader(notice["file"]).pages).replace(" ", "").replace("\n", "")
    for line in text.splitlines():
        assert line.replace(" ", "") in pdf  # the same content as the issued PDF

    code, data = _run(
        wb,
        ["notice", dept_case_no(2), dept_case_no(3), "--out", str(target), "--date", "2026-03-20", "--yes", "--json"],
    )
    assert code == 0
    for issued in data["notices"]:  # several notices: each Word copy beside its PDF
        assert issued["docx"] == str(Path(issued["file"]).with_suffix(".docx"))
        assert issued["number"] in _docx_text(Path(issued["docx"]))


def test_the_red_letterhead_setting_reaches_issued_notices_and_previews(wb: Workbench, tmp_path: Path) -> None:
    ids = seed_reviewed_cases(wb, 2)
    assert get_setting(wb, "notice.red_letterhead") is False
    plain = issue_notices(wb, ids[:1], out_dir=tmp_path / "plain")[0]
    assert RED_FILL not in PdfReader(plain.path).pages[0].get_contents().get_data().decode("latin-1")
    set_setting(wb, "notice.red_letterhead", "是")
    red = issue_notices(wb, ids[1:], out_dir=tmp_path / "red")[0]
    assert RED_FILL in PdfReader(red.path).pages[0].get_contents().get_data().decode("latin-1")
    preview = notice_preview(wb, ids[1:])[0]
    assert RED_FILL in PdfReader(io.BytesIO(preview)).pages[0].get_contents().get_data().decode("latin-1")
    copy = notice_docx(wb, red.notice_id, tmp_path / "red.docx")
    head = Document(str(copy)).paragraphs[0]
    assert head.text == CONFIG.procuratorate and str(head.runs[0].font.color.rgb) == "E60012"

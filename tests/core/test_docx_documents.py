"""Word versions of the notice and the report: same content as the PDFs, GB/T 9704 page, official fonts,
numbers that do not break, the optional red letterhead; LibreOffice opens and converts the notice."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from pypdf import PdfReader

from reviewapp.exports import NoticeData, ReportData, ReportDimension, notice_pdf_bytes, register_fonts
from reviewapp.exports.docx import (
    notice_docx_bytes,
    plain_text,
    report_docx_bytes,
    write_notice_docx,
)
from reviewapp.exports.docx.writer import JOINER
from reviewapp.exports.layout import BLOCK_WIDTH, Block, Style, layout_block
from reviewapp.exports.notice import LETTERHEAD, NOTICE_TITLE, RED, notice_blocks
from reviewapp.exports.report import report_blocks
from tests.core.pdf_probe import sample_notice, squash

OFFICIAL = {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}
FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def _open(blob: bytes) -> DocumentObject:
    return Document(io.BytesIO(blob))


def sample_report() -> ReportData:
    return ReportData(
        procuratorate="北京市城区人民检察院",
        review_no="城检评〔2026〕3号",
        case_name="张某某盗窃案",
        handling_unit="北京市城区人民检察院",
        handling_department="第一检察部",
        prosecutor="李检察官",
        review_type="重点评查",
        basic_facts=["犯罪嫌疑人张某某于2025年5月1日被刑事拘留，部门受案号城检刑诉受〔2025〕110102000121号"],
        review_work=["评查员调阅了全部卷宗"],
        dimensions=[ReportDimension("证据采信", ["E1 调取证据未出具通知书"]), ReportDimension("事实认定")],
        joint_meeting=[],
        grade_proposal="不合格",
        grade_basis=["评定等次：不合格"],
        other=[],
        reviewer="王评查员",
        signed_on=date(2026, 3, 5),
        audit_mark="审计链 #7 · 1a2b…9f",
    )


def test_notice_text_round_trips_through_python_docx() -> None:
    data = dataclasses.replace(sample_notice(6, cases=2), audit_mark="审计链 #12 · 3f9a…c2")
    doc = _open(notice_docx_bytes(data))
    texts = [plain_text(p.text) for p in doc.paragraphs]
    assert texts == [b.text for b in notice_blocks(data) if isinstance(b, Block)]
    footer = [p.text for p in doc.sections[0].footer.paragraphs]
    assert footer[0] == "— 1 —" and footer[1] == data.audit_mark
    assert doc.core_properties.title == f"{data.procuratorate}{NOTICE_TITLE}（{data.doc_number}）"
    # The PDF says the same.
    pdf = squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(notice_pdf_bytes(data))).pages))
    for text in texts:
        assert squash(text) in pdf


def test_report_text_round_trips_through_python_docx() -> None:
    data = sample_report()
    doc = _open(report_docx_bytes(data))
    assert [plain_text(p.text) for p in doc.paragraphs] == [b.text for b in report_blocks(data) if isinstance(b, Block)]


def test_page_geometry_is_gb9704() -> None:
    doc = _open(notice_docx_bytes(sample_notice(3)))
    section = doc.sections[0]

    def mm(length: int | None) -> float:
        return round(Length(length or 0).mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.left_margin)) == (37, 28)
    assert mm(section.page_width - section.left_margin - section.right_margin) == 156
    assert mm(section.page_height - section.top_margin - section.bottom_margin) == 225
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 28.95 pt: 22 lines in 225 mm
    for paragraph in doc.paragraphs:
        fmt = paragraph.paragraph_format
        assert fmt.line_spacing_rule == WD_LINE_SPACING.EXACTLY and fmt.line_spacing == Pt(28.95)
    body = doc.paragraphs[4]  # the opening paragraph: 三号, two characters in, squeezed to 28 a line
    assert body.runs[0].font.size == Pt(16)
    assert body._p.pPr.find(qn("w:ind")).get(qn("w:firstLineChars")) == "200"
    spacing = int(body.runs[0]._r.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    assert 28 * (16 + spacing) <= BLOCK_WIDTH < 29 * (16 + spacing)


def test_every_run_names_an_official_font_for_east_asian_text() -> None:
    doc = _open(notice_docx_bytes(sample_notice(3, cases=2)))
    seen: set[str] = set()
    footers = [p for s in doc.sections for f in (s.footer, s.even_page_footer) for p in f.paragraphs]
    for paragraph in [*doc.paragraphs, *footers]:
        for run in paragraph.runs:
            fonts = run._r.rPr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:eastAsiaTheme")) is None
            seen.add(fonts.get(qn("w:eastAsia")))
    assert seen == OFFICIAL
    title = doc.paragraphs[1]
    assert title.runs[0].font.size == Pt(22)
    assert title.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "方正小标宋简体"


def test_page_numbers_alternate_sides_with_a_page_field() -> None:
    doc = _open(notice_docx_bytes(sample_notice(3)))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.alignment == 2 and even.alignment == 0  # right / left
    assert odd.paragraph_format.right_indent == Pt(14) and even.paragraph_format.left_indent == Pt(14)
    for paragraph in (odd, even):
        codes = [t.text.strip() for t in paragraph._p.iter(qn("w:instrText"))]
        assert codes == ["PAGE"] and paragraph.text == "— 1 —"


def test_numbers_case_numbers_and_dates_are_joined_runs() -> None:
    data = sample_notice(1)
    doc = _open(notice_docx_bytes(data))
    case_line = next(p for p in doc.paragraphs if "部门受案号" in p.text)
    joined = [r.text for r in case_line.runs if JOINER in r.text]
    assert JOINER.join(data.cases[0].dept_case_no) in joined
    assert JOINER.join(data.cases[0].review_no) in joined
    assert JOINER.join("2026年3月1日") in joined
    number = doc.paragraphs[2]
    assert number.text == JOINER.join(data.doc_number)


def test_the_pdf_never_breaks_a_case_number() -> None:
    fonts = register_fonts(system_dirs=[])
    number = "城检刑诉受〔2025〕110102000121号"
    for lead in range(1, 28):  # the number starting anywhere on the line
        block = Block("案" * lead + number + "。", Style())
        lines = [pl.line.text for pl in layout_block(block, fonts)]
        assert any(number in line for line in lines), (lead, lines)


def test_red_letterhead_in_the_docx_and_the_pdf() -> None:
    data = dataclasses.replace(sample_notice(2), letterhead=True)
    blocks = [b for b in notice_blocks(data) if isinstance(b, Block)]
    assert [b.text for b in blocks[:3]] == [data.procuratorate, data.doc_number, NOTICE_TITLE]
    assert blocks[0].style == LETTERHEAD and blocks[1].style.rule_below == RED
    doc = _open(notice_docx_bytes(data))
    head, number = doc.paragraphs[0], doc.paragraphs[1]
    assert str(head.runs[0].font.color.rgb) == RED.lstrip("#").upper()
    border = number._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert border.get(qn("w:color")) == RED.lstrip("#").upper() and border.get(qn("w:space")) == "11"
    plain = dataclasses.replace(data, letterhead=False)
    assert _open(notice_docx_bytes(plain)).paragraphs[0]._p.pPr.find(qn("w:pBdr")) is None
    # The PDF draws the name in red and a red line; without the letterhead there is no red at all.
    fonts = register_fonts(system_dirs=[])

    def first_page(notice: NoticeData) -> str:
        page = PdfReader(io.BytesIO(notice_pdf_bytes(notice, fonts))).pages[0]
        return page.get_contents().get_data().decode("latin-1")

    red = ".901961 0 .070588"  # #E60012
    content = first_page(data)
    assert f"{red} rg" in content and f"{red} RG" in content  # the name filled red, the line stroked red
    assert re.search(r"[\d.]+ [\d.]+ m [\d.]+ [\d.]+ l S", content)
    assert red not in first_page(plain)


def _libreoffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        return None
    return found


@pytest.mark.slow
def test_libreoffice_opens_the_notice_and_converts_it_to_pdf(tmp_path: Path) -> None:
    soffice = _libreoffice()
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    data = dataclasses.replace(sample_notice(4), letterhead=True, audit_mark="审计链 #12 · 3f9a…c2")
    path = tmp_path / "notice.docx"
    write_notice_docx(data, path)
    # The shipped fonts stand in for the official ones, as on a machine without them.
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{FONTS_DIR}</dir><cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "notice.pdf"
    if not pdf.exists() and "no export filter" in (result.stdout + result.stderr).lower():
        pytest.skip("LibreOffice Writer is not installed")
    assert pdf.exists(), result.stdout + result.stderr
    reader = PdfReader(pdf)
    width, height = (float(v) * 25.4 / 72 for v in reader.pages[0].mediabox[2:])
    assert abs(width - 210) < 1 and abs(height - 297) < 1
    text = squash("".join(p.extract_text() for p in reader.pages)).replace(JOINER, "")
    for needle in (data.procuratorate, NOTICE_TITLE, data.doc_number, data.cases[0].case_name, "—1—"):
        assert squash(needle) in text

"""Reading generated PDFs back for the PDF tests: text, glyph boxes, fonts, page sizes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

import pypdfium2 as pdfium
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from reviewapp.exports.documents import NoticeCase, NoticeData, NoticeProblem

MM = 72 / 25.4


@dataclass(frozen=True)
class Glyph:
    char: str
    left: float
    bottom: float
    right: float
    top: float


def squash(text: str) -> str:
    """Text without any whitespace: line breaks of the layout must not matter when comparing."""
    return re.sub(r"\s+", "", text)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def page_glyphs(path: Path) -> list[list[Glyph]]:
    """Visible glyphs with their tight boxes (PDF points, origin bottom-left) per page."""
    pdf = pdfium.PdfDocument(path)
    pages: list[list[Glyph]] = []
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            glyphs = []
            for k in range(tp.count_chars()):
                ch = tp.get_text_range(k, 1)
                if ch.strip():
                    glyphs.append(Glyph(ch, *tp.get_charbox(k)))
            tp.close()
            page.close()
            pages.append(glyphs)
    finally:
        pdf.close()
    return pages


def non_embedded_fonts(path: Path) -> list[str]:
    """Names of fonts used in the file that carry no embedded font program."""
    missing: list[str] = []
    for page in PdfReader(path).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        fonts = cast(DictionaryObject, resources.get("/Font", DictionaryObject()).get_object())
        for ref in fonts.values():
            font = cast(DictionaryObject, ref.get_object())
            descs = [font] + [cast(DictionaryObject, d.get_object()) for d in font.get("/DescendantFonts", [])]
            embedded = False
            for f in descs:
                fd = f.get("/FontDescriptor")
                if fd is not None and any(k in fd.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    embedded = True
            if not embedded:
                missing.append(str(font.get("/BaseFont")))
    return missing


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(path).pages]


DIMENSIONS = ("证据采信", "事实认定", "法律适用", "办案程序", "文书制作和使用")


def sample_notice(problem_count: int = 3, *, doc_serial: int = 5, cases: int = 1) -> NoticeData:
    """A realistic notice; ``problem_count`` problems spread over the dimensions of each case."""
    case_list = []
    for c in range(1, cases + 1):
        problems = [
            NoticeProblem(
                dimension=DIMENSIONS[(i * len(DIMENSIONS)) // max(problem_count, 1)],
                item_code=f"E{i + 1}",
                item_text="非法证据未排除" if i % 2 else "权利告知超期，未在受理后三日内告知犯罪嫌疑人委托辩护人的权利",
                severity=("司法瑕疵", "一般司法错误", "严重司法错误")[i % 3],
                reason=f"第{i + 1}项：犯罪嫌疑人张某第二次讯问笔录系在未告知权利的情况下制作，审查起诉阶段未予排除",
                citation=f"起诉书 第{i + 3}页",
            )
            for i in range(problem_count)
        ]
        case_list.append(
            NoticeCase(
                case_name=f"张某某盗窃案{c}",
                dept_case_no=f"城检刑诉受〔2025〕11010200012{c}号",
                review_type="重点评查",
                review_no=f"城检评〔2026〕{c}号",
                grade="不合格",
                determined_on=date(2026, 3, 1),
                problems=problems,
            )
        )
    return NoticeData(
        procuratorate="北京市城区人民检察院",
        doc_number=f"城检案管整改〔2026〕{doc_serial}号",
        addressee="第一检察部",
        cases=case_list,
        requirements=["对通知书列明的问题逐项分析原因，提出整改措施", "对程序瑕疵予以补正或书面说明"],
        reply_deadline=date(2026, 3, 15),
        how_to_reply="整改报告经部门负责人审核后报送本院案件管理部门",
        how_to_object="对评查结论有异议的，可在收到本通知书之日起五个工作日内书面提出",
        issuer="北京市城区人民检察院案件管理部",
        issued_on=date(2026, 3, 5),
        cc=["第一检察部负责人", "检务督察部门"],
    )

"""Benchmark: 1 000 rectification notices in one PDF through the writer vs plain reportlab.

The baseline draws exactly the same pages (same strings, positions, font, sizes, character spacing) on a bare
reportlab canvas with everything precomputed — no line breaking, pagination or app logic. The goal is
writer ÷ baseline ≤ 1.5.

    .venv/bin/python benchmarks/bench_notices.py [--count 1000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import time
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reviewapp.exports import NoticeCase, NoticeData, NoticeProblem, RegisteredFonts, register_fonts
from reviewapp.exports.layout import (
    BLOCK_HEIGHT,
    BLOCK_WIDTH,
    BODY_SIZE,
    CJK_ASCENT,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_NUMBER_GAP,
    SMALL_SIZE,
    baseline,
    paginate,
)
from reviewapp.exports.notice import notice_blocks, write_notices_pdf

DIMENSIONS = ("证据采信", "事实认定", "法律适用", "办案程序", "文书制作和使用")

DrawOp = tuple[str, float, float, float, str, float]  # font, size, x, y, text, char space


def make_notice(i: int) -> NoticeData:
    problems = [
        NoticeProblem(
            DIMENSIONS[k % len(DIMENSIONS)],
            f"P{k + 1}",
            "权利告知超期",
            "司法瑕疵",
            f"受理后第{k + 4}日方告知犯罪嫌疑人有权委托辩护人，超过三日期限（案件{i}）",
            f"权利义务告知书 第{k + 2}页",
        )
        for k in range(2 + i % 5)
    ]
    case = NoticeCase(
        f"张某{i}盗窃案",
        f"城检刑诉受〔2025〕{110102000000 + i}号",
        "常规抽查",
        f"城检评〔2026〕{i}号",
        "基本合格",
        date(2026, 3, 1),
        problems,
    )
    return NoticeData(
        "北京市城区人民检察院",
        f"城检案管整改〔2026〕{i}号",
        "第一检察部",
        [case],
        ["对通知书列明的问题逐项分析原因，提出整改措施"],
        date(2026, 3, 15),
        "整改报告报送本院案件管理部门",
        "对评查结论有异议的，可在五个工作日内书面提出",
        "北京市城区人民检察院案件管理部",
        date(2026, 3, 5),
        ["第一检察部负责人", "检务督察部门"],
    )


def precompute(notices: list[NoticeData], fonts: RegisteredFonts) -> list[list[list[DrawOp]]]:
    """Every page's draw operations, as the writer would draw them (done outside the timed baseline)."""
    docs = []
    for n in notices:
        pages = []
        for number, page in enumerate(paginate(notice_blocks(n), fonts), start=1):
            ops: list[DrawOp] = []
            for row, pl in enumerate(page.lines):
                if pl is not None and pl.line.text:
                    size = pl.style.size
                    ops.append(
                        (fonts.name(pl.style.role), size, pl.x, baseline(row, size), pl.line.text, pl.char_space)
                    )
            folio = f"— {number} —"
            y = PAGE_HEIGHT - MARGIN_TOP - BLOCK_HEIGHT - PAGE_NUMBER_GAP - CJK_ASCENT * SMALL_SIZE
            x = MARGIN_LEFT + SMALL_SIZE
            if number % 2:
                x = MARGIN_LEFT + BLOCK_WIDTH - SMALL_SIZE - stringWidth(folio, fonts.song, SMALL_SIZE)
            ops.append((fonts.song, SMALL_SIZE, x, y, folio, 0.0))
            pages.append(ops)
        docs.append(pages)
    return docs


def plain_reportlab(docs: list[list[list[DrawOp]]], fonts: RegisteredFonts) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, pageCompression=1, initialFontName=fonts.body, initialFontSize=BODY_SIZE)
    for pages in docs:
        for ops in pages:
            for font, size, x, y, text, cs in ops:
                c.setFont(font, size)
                c.drawString(x, y, text, charSpace=cs)
            c.showPage()
    c.save()
    return buf.getvalue()


def writer(notices: list[NoticeData], fonts: RegisteredFonts) -> bytes:
    buf = io.BytesIO()
    write_notices_pdf(notices, buf, fonts)
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    fonts = register_fonts()
    notices = [make_notice(i) for i in range(1, args.count + 1)]
    docs = precompute(notices, fonts)
    pages = sum(len(d) for d in docs)
    best_writer = best_plain = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        size_w = len(writer(notices, fonts))
        best_writer = min(best_writer, time.perf_counter() - t)
        t = time.perf_counter()
        size_p = len(plain_reportlab(docs, fonts))
        best_plain = min(best_plain, time.perf_counter() - t)
    print(f"fonts: body={fonts.sources['body'].describe()}")
    print(f"{args.count} notices, {pages} pages")
    print(f"writer         : {best_writer:7.2f} s  ({size_w / 1e6:.1f} MB)")
    print(f"plain reportlab: {best_plain:7.2f} s  ({size_p / 1e6:.1f} MB)")
    print(f"ratio          : {best_writer / best_plain:7.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()

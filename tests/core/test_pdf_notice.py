"""The rectification notice PDF read back: text, fonts, A4, GB/T 9704 margins, pagination, page numbers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from reviewapp.exports import (
    FontNotFoundError,
    NoticeData,
    cn_date,
    notice_pdf_bytes,
    register_fonts,
    write_notice_pdf,
    write_notices_pdf,
)
from reviewapp.exports.layout import LINES_PER_PAGE, Block, paginate
from reviewapp.exports.notice import notice_blocks
from tests.core.pdf_probe import (
    MM,
    non_embedded_fonts,
    page_glyphs,
    page_sizes,
    page_texts,
    sample_notice,
    squash,
)

PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOL = 1 * MM


def notice_strings(data: NoticeData) -> list[str]:
    """Every Chinese string the caller gave the notice."""
    out = [
        data.procuratorate,
        "案件质量问题整改通知书",
        data.doc_number,
        data.addressee + "：",
        *data.requirements,
        data.how_to_reply,
        data.how_to_object,
        data.issuer,
        cn_date(data.issued_on),
        cn_date(data.reply_deadline),
        *data.cc,
    ]
    for case in data.cases:
        out += [case.case_name, case.dept_case_no, case.review_type, case.review_no, case.grade]
        for p in case.problems:
            out += [p.dimension, p.item_code, p.item_text, p.severity, p.reason, p.citation]
    return out


@pytest.fixture(scope="module")
def shipped_fonts():
    # No system folders: the bundled font is used, the same on every machine.
    return register_fonts(system_dirs=[])


@pytest.fixture(scope="module")
def long_notice(tmp_path_factory, shipped_fonts) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    pages = write_notice_pdf(sample_notice(60), path, shipped_fonts)
    return path, pages


def test_every_string_is_extractable_and_equal(tmp_path, shipped_fonts):
    data = sample_notice(3)
    path = tmp_path / "n.pdf"
    write_notice_pdf(data, path, shipped_fonts)
    text = squash("".join(page_texts(path)))
    for s in notice_strings(data):
        assert squash(s) in text, s
    assert "2026年3月5日" in text  # Arabic numerals, no zero padding
    assert "抄送：第一检察部负责人，检务督察部门。" in text


def test_title_number_and_addressee_come_first_in_reading_order(tmp_path, shipped_fonts):
    path = tmp_path / "n.pdf"
    write_notice_pdf(sample_notice(2), path, shipped_fonts)
    lines = [ln.strip() for ln in page_texts(path)[0].splitlines() if ln.strip()]
    assert lines[:4] == ["北京市城区人民检察院", "案件质量问题整改通知书", "城检案管整改〔2026〕5号", "第一检察部："]


def test_fonts_are_embedded_and_page_is_a4(long_notice):
    path, _ = long_notice
    assert non_embedded_fonts(path) == []
    for w, h in page_sizes(path):
        assert w == pytest.approx(PAGE_W, abs=0.5)
        assert h == pytest.approx(PAGE_H, abs=0.5)


def test_metadata_title_and_author(tmp_path, shipped_fonts):
    data = sample_notice(1)
    path = tmp_path / "n.pdf"
    write_notice_pdf(data, path, shipped_fonts)
    meta = PdfReader(path).metadata
    assert meta is not None
    assert meta.author == data.issuer
    assert meta.title is not None and data.doc_number in meta.title


def _body_and_folio(glyphs):
    """Split a page's glyphs into the text block and the page number below it (bottom 35 mm)."""
    body = [g for g in glyphs if g.bottom > 33 * MM]
    folio = [g for g in glyphs if g.top < 33 * MM]
    return body, folio


def test_text_block_margins_follow_gb9704(long_notice):
    path, pages = long_notice
    assert pages >= 3
    for glyphs in page_glyphs(path):
        body, _ = _body_and_folio(glyphs)
        assert body
        assert min(g.left for g in body) == pytest.approx(28 * MM, abs=TOL)
        assert max(g.right for g in body) <= (210 - 26) * MM + 0.5
        assert max(g.top for g in body) == pytest.approx(PAGE_H - 37 * MM, abs=TOL)
        assert min(g.bottom for g in body) >= 35 * MM - 0.5


def test_body_lines_sit_on_the_22_line_grid(long_notice):
    path, _ = long_notice
    # Page 2 is body text only: 22 rows of 28.95 pt from the first baseline.
    body, _ = _body_and_folio(page_glyphs(path)[1])
    bottoms = sorted({round(g.bottom) for g in body if g.char in "的案件查问题"}, reverse=True)
    rows = {round((bottoms[0] - b) / 28.95) for b in bottoms}
    assert max(rows) <= LINES_PER_PAGE - 1
    assert all(abs((bottoms[0] - b) - 28.95 * round((bottoms[0] - b) / 28.95)) < 2.5 for b in bottoms)


def test_sixty_problems_flow_with_page_numbers_alternating(long_notice):
    path, pages = long_notice
    texts = page_texts(path)
    assert len(texts) == pages
    for n, (text, glyphs) in enumerate(zip(texts, page_glyphs(path), strict=True), start=1):
        assert f"— {n} —" in text
        _, folio = _body_and_folio(glyphs)
        digits = [g for g in folio if g.char.isdigit()]
        assert "".join(g.char for g in digits) == str(n)
        centre = (min(g.left for g in folio) + max(g.right for g in folio)) / 2
        if n % 2:
            assert centre > PAGE_W / 2 + 40 * MM  # odd pages: right
            assert max(g.right for g in folio) <= (210 - 26) * MM
        else:
            assert centre < PAGE_W / 2 - 40 * MM  # even pages: left
            assert min(g.left for g in folio) >= 28 * MM
        # "7 mm below the text block": the folio's top is about 35 − 7 = 28 mm from the page bottom.
        assert max(g.top for g in folio) == pytest.approx(28 * MM, abs=1.5 * MM)
    text = squash("".join(texts))
    for i in range(1, 61):
        assert f"（{i}）" in text
        assert f"第{i}项" in text


def test_no_heading_is_orphaned_and_no_entry_is_cut(shipped_fonts):
    items = notice_blocks(sample_notice(60))
    pages = paginate(items, shipped_fonts)
    assert len(pages) >= 3
    for page in pages:
        assert len(page.lines) <= LINES_PER_PAGE
        last = next(pl for pl in reversed(page.lines) if pl is not None)
        assert not last.style.keep_with_next
    # Every numbered problem (keep_together, like a table row) sits whole on one page.
    entries = [it for it in items if isinstance(it, Block) and it.text.startswith("（")]
    assert len(entries) == 60
    for entry in entries:
        first = entry.text[:6]
        pages_with = [i for i, page in enumerate(pages) for pl in page.lines if pl and pl.line.text.startswith(first)]
        assert len(pages_with) == 1


def test_batch_restarts_page_numbers_per_notice(tmp_path, shipped_fonts):
    notices = [sample_notice(2, doc_serial=i) for i in (1, 2, 3)]
    buf = io.BytesIO()
    counts = write_notices_pdf(notices, buf, shipped_fonts)
    path = tmp_path / "batch.pdf"
    path.write_bytes(buf.getvalue())
    texts = page_texts(path)
    assert len(texts) == sum(counts)
    starts = [0, counts[0], counts[0] + counts[1]]
    for serial, start in zip((1, 2, 3), starts, strict=True):
        assert f"城检案管整改〔2026〕{serial}号" in texts[start]
        assert "— 1 —" in texts[start]


def test_multi_case_notice_lists_each_case(tmp_path, shipped_fonts):
    data = sample_notice(4, cases=3)
    path = tmp_path / "multi.pdf"
    write_notice_pdf(data, path, shipped_fonts)
    text = squash("".join(page_texts(path)))
    for s in notice_strings(data):
        assert squash(s) in text, s
    assert "（三）张某某盗窃案3" in text


def test_bytes_variant_is_a_pdf(shipped_fonts):
    data = notice_pdf_bytes(sample_notice(1), shipped_fonts)
    assert data.startswith(b"%PDF-")
    assert "整改通知书" in PdfReader(io.BytesIO(data)).pages[0].extract_text()


def test_no_system_font_uses_shipped_font(tmp_path):
    fonts = register_fonts(system_dirs=[])
    assert {s.origin for s in fonts.sources.values()} == {"shipped"}
    path = tmp_path / "n.pdf"
    data = sample_notice(3)
    write_notice_pdf(data, path, fonts)
    text = squash("".join(page_texts(path)))
    assert all(squash(s) in text for s in notice_strings(data))
    assert non_embedded_fonts(path) == []


def test_no_font_anywhere_raises_a_clear_error(tmp_path):
    empty = tmp_path / "nofonts"
    empty.mkdir()
    with pytest.raises(FontNotFoundError) as err:
        register_fonts(system_dirs=[], shipped_dir=empty)
    message = str(err.value)
    assert str(empty) in message
    assert "simfang.ttf" in message
    assert "settings" in message or "设置" in message


def test_probe_detects_a_non_embedded_font(tmp_path):
    # The embedding check above must be able to fail: a standard-14 font is never embedded.
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "helvetica.pdf"
    c = Canvas(str(path))
    c.setFont("Helvetica", 12)
    c.drawString(100, 700, "plain")
    c.save()
    assert non_embedded_fonts(path) == ["/Helvetica"]


def test_rendered_lines_respect_line_start_and_end_rules(long_notice):
    from reviewapp.exports.linebreak import NO_LINE_END, NO_LINE_START

    path, _ = long_notice
    lines = [ln.strip() for text in page_texts(path) for ln in text.splitlines() if ln.strip()]
    assert len(lines) > 200
    for ln in lines:
        if ln.startswith("—"):  # the page number "— n —"
            continue
        assert ln[0] not in NO_LINE_START, ln
        assert ln[-1] not in NO_LINE_END, ln

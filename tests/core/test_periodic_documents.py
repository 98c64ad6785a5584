"""The periodic report's files: the PDF read back like the notices (text, embedded fonts, A4, GB/T 9704
margins, page numbers), the DOCX round-tripped through python-docx (text, official font names, pictures,
the appendix table) and opened by LibreOffice headless."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from reviewapp.exports import register_fonts
from reviewapp.exports.docx import plain_text
from reviewapp.exports.periodic_report.blocks import document_blocks
from reviewapp.exports.periodic_report.docx import periodic_docx_bytes, write_periodic_docx
from reviewapp.exports.periodic_report.model import PeriodicDocument
from reviewapp.exports.periodic_report.pdf import write_periodic_pdf
from reviewapp.services.analysis.periodic import periodic_report
from reviewapp.services.analysis.periodic_text import report_document
from reviewapp.services.analysis.periods import parse_period
from tests.core.pdf_probe import MM, non_embedded_fonts, page_glyphs, page_sizes, page_texts, squash
from tests.core.periodic_fixtures import seed_periodic
from tests.core.services_fixtures import open_workbench, set_issuer

OFFICIAL = {"仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312", "宋体"}
FONTS_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PeriodicDocument]:
    wb = open_workbench(tmp_path_factory.mktemp("db"))
    set_issuer(wb)
    seed_periodic(wb)
    yield report_document(periodic_report(wb, parse_period("2026Q1"), issued_on=dt.date(2026, 4, 8)))
    wb.close()


@pytest.fixture(scope="module")
def pdf(doc: PeriodicDocument, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("pdf") / "季度报告.pdf"
    pages = write_periodic_pdf(doc, path, register_fonts(system_dirs=[]))
    return path, pages


def _strings(doc: PeriodicDocument) -> list[str]:
    blocks, slots = document_blocks(doc)
    out = [b.text for b in blocks if hasattr(b, "text") and id(b.style) not in slots]
    assert doc.appendix is not None
    out += [doc.appendix.title, *doc.appendix.headers]
    out += [cell for row in doc.appendix.rows for cell in row]
    return out


def test_every_string_is_in_the_pdf(doc: PeriodicDocument, pdf: tuple[Path, int]) -> None:
    path, pages = pdf
    texts = page_texts(path)
    assert len(texts) == pages
    text = squash("".join(texts))
    for s in _strings(doc):
        assert squash(s) in text, s
    for legend in ("基本合格", "问题数", "涉及案件数"):  # the charts' own text is drawn as text too
        assert legend in texts[0] + texts[1]


def test_fonts_page_size_and_page_numbers(pdf: tuple[Path, int]) -> None:
    path, _pages = pdf
    assert non_embedded_fonts(path) == []
    for w, h in page_sizes(path):
        assert (round(w / MM), round(h / MM)) == (210, 297)
    for n, (text, glyphs) in enumerate(zip(page_texts(path), page_glyphs(path), strict=True), start=1):
        assert f"— {n} —" in text
        folio = [g for g in glyphs if g.top < 33 * MM]
        centre = (min(g.left for g in folio) + max(g.right for g in folio)) / 2
        assert (centre > 105 * MM) == bool(n % 2)  # odd pages right, even pages left


def test_everything_stays_inside_the_text_block(pdf: tuple[Path, int]) -> None:
    path, _ = pdf
    for glyphs in page_glyphs(path):
        body = [g for g in glyphs if g.bottom > 33 * MM]
        assert body
        assert min(g.left for g in body) >= 28 * MM - 0.5
        assert max(g.right for g in body) <= (210 - 26) * MM + 0.5
        assert max(g.top for g in body) <= 297 * MM - 37 * MM + 0.5
        assert min(g.bottom for g in body) >= 35 * MM - 0.5
    first = [g for g in page_glyphs(path)[0] if g.bottom > 33 * MM]
    assert max(g.top for g in first) == pytest.approx(297 * MM - 37 * MM, abs=1 * MM)  # the title on line 1


def test_the_docx_text_round_trips_through_python_docx(doc: PeriodicDocument) -> None:
    word = Document(io.BytesIO(periodic_docx_bytes(doc, register_fonts(system_dirs=[]))))
    blocks, slots = document_blocks(doc)
    expected = [b.text for b in blocks if hasattr(b, "text") and id(b.style) not in slots]
    got = [plain_text(p.text) for p in word.paragraphs if p.text.strip()]
    assert doc.appendix is not None
    assert got == [*expected, doc.appendix.title]
    table = word.tables[0]
    assert tuple(c.text for c in table.rows[0].cells) == doc.appendix.headers
    assert [tuple(c.text for c in r.cells) for r in table.rows[1:]] == list(doc.appendix.rows)
    assert len(word.inline_shapes) == 2  # the two charts as pictures
    names = {f.get(qn("w:eastAsia")) for f in word.element.body.iter(qn("w:rFonts"))}
    assert names and names <= OFFICIAL
    assert word.core_properties.title == doc.title


@pytest.mark.slow
def test_libreoffice_opens_the_docx_and_converts_it(doc: PeriodicDocument, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    path = tmp_path / "report.docx"
    write_periodic_docx(doc, path, register_fonts(system_dirs=[]))
    conf = tmp_path / "fonts.conf"  # the shipped fonts stand in for the official ones
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
    out = tmp_path / "report.pdf"
    if not out.exists() and "no export filter" in (result.stdout + result.stderr).lower():
        pytest.skip("LibreOffice Writer is not installed")
    assert out.exists(), result.stdout + result.stderr
    reader = PdfReader(out)
    width, height = (float(v) * 25.4 / 72 for v in reader.pages[0].mediabox[2:])
    assert abs(width - 210) < 1 and abs(height - 297) < 1
    text = squash("".join(p.extract_text() for p in reader.pages)).replace("\u200d", "")
    assert doc.appendix is not None
    for needle in (doc.title, doc.procuratorate, doc.appendix.title, doc.appendix.rows[0][2], "—1—"):
        assert squash(needle) in text, needle

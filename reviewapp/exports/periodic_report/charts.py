"""Bar charts of the periodic report, drawn with reportlab.graphics — the core never imports Qt.

The same Drawing goes into the PDF as vectors (renderPDF.draw on the page's canvas) and into the DOCX as a
PNG: the drawing rendered as a one-page PDF and rasterised by pypdfium2, so both files show one picture.
Category labels are wrapped into at most three lines under their bars, never rotated out of the text block.
"""

from __future__ import annotations

import io
import math
import threading

import pypdfium2 as pdfium
from reportlab.graphics import renderPDF
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.renderbase import STATE_DEFAULTS
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from reviewapp.exports.fonts import RegisteredFonts
from reviewapp.exports.periodic_report.model import Chart

# Print-friendly greys and one accent: distinguishable in black-and-white copies.
PALETTE = ("#1f4e79", "#8faadc", "#c00000", "#7f7f7f", "#f4b183", "#548235")
LABEL_SIZE = 8.0
LABEL_LINES = 3
PNG_DPI = 200


def _wrap(label: str, per_line: int) -> str:
    per_line = max(per_line, 2)
    lines = [label[i : i + per_line] for i in range(0, len(label), per_line)]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][:-1] + "…"
    return "\n".join(lines)


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def chart_drawing(chart: Chart, width: float, height: float, fonts: RegisteredFonts) -> Drawing:
    """The chart in a ``width`` × ``height`` pt drawing (the space its grid lines hold on the page)."""
    d = Drawing(width, height)
    left, bottom, top = 36.0, LABEL_SIZE * (LABEL_LINES + 1) + 6, 24.0
    bc = VerticalBarChart()
    bc.x, bc.y = left, bottom
    bc.width, bc.height = width - left - 8, height - bottom - top
    data = [list(values) for _, values in chart.series] or [[0.0] * len(chart.categories)]
    bc.data = data
    bc.categoryAxis.style = "stacked" if chart.stacked else "parallel"
    per_category = bc.width / max(len(chart.categories), 1)
    bc.categoryAxis.categoryNames = [_wrap(c, int(per_category // (LABEL_SIZE + 0.5))) for c in chart.categories]
    bc.categoryAxis.labels.fontName = fonts.body
    bc.categoryAxis.labels.fontSize = LABEL_SIZE
    bc.categoryAxis.labels.boxAnchor = "n"
    bc.categoryAxis.labels.dy = -3
    bc.categoryAxis.labels.leading = LABEL_SIZE + 1
    peak = (
        max((sum(col) for col in zip(*data, strict=True)), default=0.0)
        if chart.stacked
        else max((v for row in data for v in row), default=0.0)
    )
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = _nice_max(peak)
    bc.valueAxis.valueStep = bc.valueAxis.valueMax / 5
    bc.valueAxis.labels.fontName = fonts.body
    bc.valueAxis.labels.fontSize = LABEL_SIZE
    bc.valueAxis.labelTextFormat = "%g" + chart.value_suffix
    bc.barSpacing = 1
    bc.groupSpacing = max(4.0, per_category * 0.25)
    for i in range(len(data)):
        bc.bars[i].fillColor = HexColor(PALETTE[i % len(PALETTE)])
        bc.bars[i].strokeColor = None
    d.add(bc)
    legend = Legend()
    legend.fontName = fonts.body
    legend.fontSize = LABEL_SIZE
    legend.x, legend.y = left, height - 6
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 6
    legend.dxTextSpace = 4
    legend.boxAnchor = "nw"
    colors: list[tuple[Color, str]] = [
        (HexColor(PALETTE[i % len(PALETTE)]), name) for i, (name, _) in enumerate(chart.series)
    ]
    legend.colorNamePairs = colors
    d.add(legend)
    if not chart.series or not chart.categories:
        d.add(String(width / 2, height / 2, "—", fontName=fonts.body, fontSize=LABEL_SIZE, textAnchor="middle"))
    return d


_STATE_LOCK = threading.Lock()


def draw_chart(canvas: Canvas, drawing: Drawing, x: float, y: float, fonts: RegisteredFonts) -> None:
    """renderPDF.draw with the body font as the renderer's starting font: its default (Helvetica) would
    otherwise be set on the page, a font the PDF does not embed (the notices' read-back check)."""
    with _STATE_LOCK:
        before = STATE_DEFAULTS["fontName"]
        STATE_DEFAULTS["fontName"] = fonts.body
        try:
            renderPDF.draw(drawing, canvas, x, y)
        finally:
            STATE_DEFAULTS["fontName"] = before


def drawing_png(drawing: Drawing, dpi: int = PNG_DPI) -> bytes:
    """The drawing as a PNG (rendered as a one-page PDF, then rasterised by pypdfium2)."""
    pdf_bytes = renderPDF.drawToString(drawing)
    doc = pdfium.PdfDocument(pdf_bytes)
    try:
        page = doc[0]
        image = page.render(scale=dpi / 72).to_pil()
        page.close()
    finally:
        doc.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()

"""Charts of the statistics window (QtCharts from the PySide6 Addons wheel): bars for distributions and rankings,
lines for trends. Every bar and every point clicks through: the chart emits ``figureClicked`` with the
drill.Figure given for it, and the window lists the cases behind it.

Why QtCharts: it ships with PySide6 (PySide6-Addons, the same Qt version and licence, no extra native library),
draws with the widget's own fonts (Chinese labels need nothing special), gives per-bar and per-point click
signals, and renders offscreen for tests and PNG export. pyqtgraph would be faster for millions of points but the
charts here have at most a few dozen bars; matplotlib would need a canvas bridge and its own CJK font setup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

MAX_BARS = 20  # categories shown; the table under the chart holds every row


def short_labels(categories: Sequence[str]) -> list[str]:
    """Long axis labels without what they all share (北京市第1区人民检察院 … → 第1区 …); a label that would
    be left empty stays whole. The table under the chart names every row in full."""
    labels = list(categories)
    if len(labels) < 2 or max(len(s) for s in labels) <= 8:
        return labels
    prefix = _common_start(labels)
    suffix = _common_start([s[::-1] for s in labels])
    return [s[prefix : len(s) - suffix] or s if len(s) > prefix + suffix else s for s in labels]


def _common_start(texts: Sequence[str]) -> int:
    """How many leading characters every text shares."""
    n = 0
    for chars in zip(*texts, strict=False):
        if len(set(chars)) != 1:
            break
        n += 1
    return n


class FigureChart(QChartView):
    """A chart whose bars / points carry drill Figures; ``figureClicked(Figure)`` on a click."""

    figureClicked = Signal(object)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        self._chart = QChart()
        self._chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self._chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(self._chart, parent)
        self.setObjectName(name)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.categories: list[str] = []
        self.series_figures: list[list[Any]] = []  # per series (bar set / line), per category
        self.values: list[list[float]] = []
        self.stacked = False
        self.kind = "bar"
        # Said over the chart when the period and filters leave nothing to draw: empty axes draw their
        # labels as "…".
        self.empty_note = QLabel(self.tr("No figures for this period and these filters."), self.viewport())
        self.empty_note.setObjectName("emptyChartNote")
        self.empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_note.setStyleSheet("color: #666; font-size: 14px;")
        self.empty_note.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.empty_note.setGeometry(self.viewport().rect())

    def _reset(self, title: str) -> None:
        self._chart.removeAllSeries()
        for axis in list(self._chart.axes()):
            self._chart.removeAxis(axis)
        self._chart.setTitle(title)

    def _nothing_to_draw(self) -> bool:
        """True (and the note shown, the legend hidden) when there is no category to draw."""
        empty = not self.categories
        self.empty_note.setGeometry(self.viewport().rect())
        self.empty_note.setVisible(empty)
        if empty:
            self._chart.legend().setVisible(False)
        return empty

    def _axes(self, series: Any, categories: Sequence[str], top: float) -> None:
        x = QBarCategoryAxis()
        x.append(short_labels(categories))
        if len(categories) > 6:
            x.setLabelsAngle(-45)
        y = QValueAxis()
        y.setRange(0, max(1.0, top * 1.05))
        y.applyNiceNumbers()
        y.setLabelFormat("%g")
        self._chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        self._chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)

    def show_bars(
        self,
        title: str,
        categories: Sequence[str],
        sets: Sequence[tuple[str, Sequence[float]]],
        figures: Sequence[Sequence[Any]],
        *,
        stacked: bool = False,
    ) -> None:
        """One bar set per (name, values); ``figures[s][i]`` is what bar i of set s drills into."""
        self._reset(title)
        self.kind, self.stacked = "bar", stacked
        self.categories = list(categories)[:MAX_BARS]
        n = len(self.categories)
        self.values = [[float(v) for v in values[:n]] for _name, values in sets]
        self.series_figures = [list(f[:n]) for f in figures]
        if self._nothing_to_draw():
            return
        series = QStackedBarSeries() if stacked else QBarSeries()
        for s, (name, _values) in enumerate(sets):
            bar_set = QBarSet(name)
            bar_set.append(self.values[s])
            bar_set.clicked.connect(lambda i, s=s: self._clicked(s, i))
            series.append(bar_set)
        self._chart.addSeries(series)
        if stacked:
            top = max((sum(col) for col in zip(*self.values, strict=False)), default=0.0)
        else:
            top = max((v for vs in self.values for v in vs), default=0.0)
        self._axes(series, self.categories, top)
        self._chart.legend().setVisible(len(sets) > 1)

    def show_lines(
        self,
        title: str,
        categories: Sequence[str],
        lines: Sequence[tuple[str, Sequence[float]]],
        figures: Sequence[Sequence[Any]],
    ) -> None:
        """One line per (name, values) over the categories (x = 0, 1, …); a click picks the nearest point."""
        self._reset(title)
        self.kind, self.stacked = "line", False
        self.categories = list(categories)
        self.values = [[float(v) for v in values] for _name, values in lines]
        self.series_figures = [list(f) for f in figures]
        if self._nothing_to_draw():
            return
        top = max((v for vs in self.values for v in vs), default=0.0)
        for s, (name, _values) in enumerate(lines):
            line = QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            for i, v in enumerate(self.values[s]):
                line.append(QPointF(i, v))
            line.clicked.connect(lambda point, s=s: self._clicked(s, round(point.x())))
            self._chart.addSeries(line)
            if s == 0:
                self._axes(line, self.categories, top)
            else:
                for axis in self._chart.axes():
                    line.attachAxis(axis)
        self._chart.legend().setVisible(True)

    def _clicked(self, series: int, index: int) -> None:
        if 0 <= series < len(self.series_figures) and 0 <= index < len(self.series_figures[series]):
            figure = self.series_figures[series][index]
            if figure is not None:
                self.figureClicked.emit(figure)

    def point_of(self, series: int, index: int) -> Any:
        """Where bar / point ``index`` of ``series`` is drawn, in viewport coordinates (tests click there)."""
        chart_series = self._chart.series()[0 if self.kind == "bar" else series]
        value = self.values[series][index]
        if self.kind == "bar" and self.stacked:
            value = sum(self.values[k][index] for k in range(series)) + value / 2
        elif self.kind == "bar":
            value = value / 2
            width = 0.8 / max(1, len(self.values))  # QBarSeries' default bar width, split among the sets
            offset = (series - (len(self.values) - 1) / 2) * width
            scene = self._chart.mapToScene(self._chart.mapToPosition(QPointF(index + offset, value), chart_series))
            return self.mapFromScene(scene)
        scene = self._chart.mapToScene(self._chart.mapToPosition(QPointF(index, value), chart_series))
        return self.mapFromScene(scene)

    def save_png(self, path: Path) -> Path:
        if not self.grab().save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        return path

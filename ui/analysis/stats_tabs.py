"""The tabs of the statistics window: each has a chart over a table, and turns one statistic into rows, bars and
the drill.Figure behind every cell and bar. The window computes the statistics (off the GUI thread) and hands
them to ``show``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewapp.exports.stats_xlsx import mapping_note
from reviewapp.i18n import term
from reviewapp.services.analysis import stats
from reviewapp.services.analysis.drill import Figure
from reviewapp.services.analysis.stats_json import by_label
from ui.analysis.stats_charts import MAX_BARS, FigureChart
from ui.analysis.stats_models import FIGURE_ROLE, FigureTableModel, Percent


def table_view(model: FigureTableModel, name: str, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)
    return view


class StatsTab(QWidget):
    """A chart above a table; a click on a bar, a point or a cell emits ``figureClicked``. ``show_data``
    takes the tab's statistic."""

    figureClicked = Signal(object)
    optionsChanged = Signal()  # a control of the tab itself (breakdown, threshold) changed

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.controls = QHBoxLayout()
        self.note = QLabel(self)
        self.note.setObjectName(f"{name}Note")
        self.note.setWordWrap(True)
        self.chart = FigureChart(f"{name}Chart", self)
        self.model = FigureTableModel((), self)
        self.table = table_view(self.model, f"{name}Table", self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setSizes([320, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.note)
        self.chart.figureClicked.connect(self.figureClicked)
        self.table.activated.connect(self._cell)

    def _cell(self, index: QModelIndex) -> None:
        figure = index.data(FIGURE_ROLE)
        if figure is not None:
            self.figureClicked.emit(figure)

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def by_combo(self, choices: tuple[str, ...], name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for by in choices:
            combo.addItem(by_label(by), by)
        combo.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())
        self.controls.addWidget(QLabel(self.tr("By"), self))
        self.controls.addWidget(combo)
        self.controls.addStretch(1)
        return combo


class GradesTab(StatsTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("statsGrades", parent)
        self.by = self.by_combo(stats.BY_DIMENSIONS, "statsGradesBy")

    def show_data(self, t: stats.GradeTable) -> None:
        top = sorted(t.rows, key=lambda r: -r.total)[:MAX_BARS]
        self.chart.show_bars(
            self.tr("Grade distribution by {by}").replace("{by}", by_label(t.by)),
            [r.label for r in top],
            [(term(g), [r.grades[g] for r in top]) for g in t.grades],
            [[Figure(grade=g, by=t.by, key=r.key) for r in top] for g in t.grades],
            stacked=True,
        )
        rows = [[r.label, *(r.grades[g] for g in t.grades), r.total, r.findings] for r in t.rows]
        figures = [
            [
                Figure(by=t.by, key=r.key),
                *(Figure(grade=g, by=t.by, key=r.key) for g in t.grades),
                Figure(by=t.by, key=r.key),
                Figure("findings", by=t.by, key=r.key),
            ]
            for r in t.rows
        ]
        totals = t.totals
        rows.append(
            [self.tr("Total"), *(totals[g] for g in t.grades), sum(totals.values()), sum(r.findings for r in t.rows)]
        )
        figures.append([Figure(), *(Figure(grade=g) for g in t.grades), Figure(), Figure("findings")])
        headers = [by_label(t.by), *(term(g) for g in t.grades), self.tr("Total"), self.tr("Problems")]
        self.model.set_rows(rows, headers=headers, figures=figures, keys=[r.key for r in t.rows] + [None])
        self.note.setText(mapping_note(t.mapped))


class TrendTab(StatsTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("statsTrend", parent)

    def show_data(self, points: list[stats.TrendPoint]) -> None:
        labels = [p.period.label() for p in points]
        self.chart.show_lines(
            self.tr("Reviewed and closed cases"),
            labels,
            [
                (self.tr("Reviewed"), [p.overview.reviewed for p in points]),
                (self.tr("Closed"), [p.overview.closed for p in points]),
                (self.tr("With problems"), [p.overview.with_problems for p in points]),
            ],
            [
                [Figure(period=p.period) for p in points],
                [Figure("closed", period=p.period) for p in points],
                [Figure("with_problems", period=p.period) for p in points],
            ],
        )
        rows, figures = [], []
        for p in points:
            o = p.overview
            rows.append(
                [p.period.label(), o.reviewed, o.closed, _pct(o.ratio), o.with_problems, o.findings, *o.grades.values()]
            )
            figures.append(
                [
                    Figure(period=p.period),
                    Figure(period=p.period),
                    Figure("closed", period=p.period),
                    Figure(period=p.period),
                    Figure("with_problems", period=p.period),
                    Figure("findings", period=p.period),
                    *(Figure(grade=g, period=p.period) for g in o.grades),
                ]
            )
        grades = list(points[-1].overview.grades) if points else []
        headers = [
            self.tr("Period"),
            self.tr("Reviewed"),
            self.tr("Closed"),
            self.tr("Review ratio"),
            self.tr("With problems"),
            self.tr("Problems"),
            *(term(g) for g in grades),
        ]
        self.model.set_rows(rows, headers=headers, figures=figures, keys=[p.period for p in points])
        self.note.setText(mapping_note([m for p in points for m in p.overview.mapped]))


def _pct(value: float | None) -> Percent | None:
    return None if value is None else Percent(value)


class ProblemsTab(StatsTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("statsProblems", parent)
        self.threshold = QSpinBox(self)
        self.threshold.setObjectName("statsThreshold")
        self.threshold.setRange(1, 10_000)
        self.threshold.setValue(2)
        self.controls.addWidget(QLabel(self.tr("Common from this many cases"), self))
        self.controls.addWidget(self.threshold)
        self.controls.addStretch(1)
        self.threshold.valueChanged.connect(lambda _v: self.optionsChanged.emit())
        self.dimensions = FigureTableModel((), self)
        self.dimensions_view = table_view(self.dimensions, "statsDimensions", self)
        self.layout().addWidget(self.dimensions_view)  # type: ignore[union-attr]

    def show_data(self, r: stats.ProblemRanking) -> None:
        top = r.items[:MAX_BARS]
        self.chart.show_bars(
            self.tr("Problems by number of cases"),
            [p.item for p in top],
            [(self.tr("Cases"), [p.cases for p in top])],
            [[Figure("findings", item=p.item) for p in top]],
        )
        common, individual = self.tr("common"), self.tr("individual")
        self.model.set_rows(
            [
                [term(p.dimension), p.item, term(p.text), p.cases, p.findings, common if p.common else individual]
                for p in r.items
            ],
            headers=[
                self.tr("Dimension"),
                self.tr("Item"),
                self.tr("Text"),
                self.tr("Cases"),
                self.tr("Findings"),
                self.tr("Common or individual"),
            ],
            figures=[[Figure("findings", item=p.item)] * 6 for p in r.items],
            keys=[p.item for p in r.items],
        )
        self.dimensions.set_rows(
            [
                [term(d.name) or d.code, d.cases, d.findings, _pct(d.cases / r.reviewed if r.reviewed else None)]
                for d in r.dimensions
            ],
            headers=[self.tr("Dimension"), self.tr("Cases"), self.tr("Findings"), self.tr("Share of reviewed cases")],
            figures=[[Figure("findings", dimension=d.code)] * 4 for d in r.dimensions],
            keys=[d.code for d in r.dimensions],
        )
        self.note.setText(
            self.tr("Common (共性): found in at least {n} cases; individual (个性): fewer.").replace(
                "{n}", str(r.threshold)
            )
        )


class RankingTab(StatsTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("statsRanking", parent)
        self.by = self.by_combo(("prosecutor", "department", "unit", "reviewer"), "statsRankingBy")

    def show_data(self, data: tuple[str, list[stats.RankRow]]) -> None:
        by, rows = data
        top = rows[:MAX_BARS]
        self.chart.show_bars(
            self.tr("Problems per reviewed case"),
            [r.label for r in top],
            [(self.tr("Problems per case"), [round(r.problems_per_case, 2) for r in top])],
            [[Figure("with_problems", by=by, key=r.key) for r in top]],
        )
        grades = list(rows[0].grades) if rows else []
        self.model.set_rows(
            [
                [r.rank, r.label, r.reviewed, r.with_problems, r.findings, r.problems_per_case, *r.grades.values()]
                for r in rows
            ],
            headers=[
                self.tr("Rank"),
                by_label(by),
                self.tr("Reviewed"),
                self.tr("With problems"),
                self.tr("Problems"),
                self.tr("Problems per case"),
                *(term(g) for g in grades),
            ],
            figures=[
                [Figure(by=by, key=r.key)] * 3
                + [
                    Figure("with_problems", by=by, key=r.key),
                    Figure("findings", by=by, key=r.key),
                    None,
                    *(Figure(grade=g, by=by, key=r.key) for g in grades),
                ]
                for r in rows
            ],
            keys=[r.key for r in rows],
        )
        self.note.setText(self.tr("Ranked by problems per reviewed case, then by the share of cases with problems."))


class KeyCasesTab(StatsTab):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("statsKeyCases", parent)

    def show_data(self, rows: list[stats.TriggerRow]) -> None:
        self.chart.show_bars(
            self.tr("Key cases by trigger"),
            [term(r.trigger) for r in rows],
            [(self.tr("Cases"), [r.cases for r in rows])],
            [[Figure(trigger=r.trigger) for r in rows]],
        )
        grades = list(rows[0].grades) if rows else []
        self.model.set_rows(
            [[term(r.trigger), r.cases, r.with_problems, r.findings, *r.grades.values()] for r in rows],
            headers=[
                self.tr("Trigger"),
                self.tr("Cases"),
                self.tr("With problems"),
                self.tr("Problems"),
                *(term(g) for g in grades),
            ],
            figures=[
                [
                    Figure(trigger=r.trigger),
                    Figure(trigger=r.trigger),
                    Figure("with_problems", trigger=r.trigger),
                    Figure("findings", trigger=r.trigger),
                    *(Figure(grade=g, trigger=r.trigger) for g in grades),
                ]
                for r in rows
            ],
            keys=[r.trigger for r in rows],
        )
        self.note.setText("" if rows else self.tr("No key case selected by a trigger was reviewed in this period."))


def tab_options(tab: Any) -> dict[str, Any]:
    """What a tab's own controls ask for (the breakdown, the threshold)."""
    if isinstance(tab, ProblemsTab):
        return {"threshold": tab.threshold.value()}
    if isinstance(tab, GradesTab | RankingTab):
        return {"by": tab.by.currentData()}
    return {}

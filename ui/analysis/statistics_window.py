"""The statistics window (统计分析): headline figures of a period with their period-on-period and year-on-year
change, and tabs for the grade distribution, the trend, the problems (共性 / 个性), the rankings, the key cases by
trigger and (when present) reviewer calibration. Every figure, bar, point and cell clicks through to the cases
behind it (DrillWindow), each of which opens in the main window (``caseRequested``).

The statistics are computed off the GUI thread (ui/runner.Job): the headline figures and the visible tab when
the filter changes, another tab when it is first shown. What is counted: services/analysis/stats.py.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewapp.errors import KNOWN_ERRORS, KnownError
from reviewapp.i18n import term
from reviewapp.services.analysis import drill, stats
from reviewapp.services.analysis.filters import StatsFilter, opening_period
from reviewapp.services.analysis.periods import PeriodKind, parse_period
from reviewapp.services.analysis.stats_json import report_of
from reviewapp.services.analysis.stats_names import filter_choices
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.workbench import Workbench
from ui.analysis.drill_window import DrillWindow
from ui.analysis.stats_filter_bar import StatsFilterBar
from ui.analysis.stats_models import FIGURE_ROLE, FigureTableModel, Percent, Points, Signed
from ui.analysis.stats_tabs import (
    GradesTab,
    KeyCasesTab,
    ProblemsTab,
    RankingTab,
    StatsTab,
    TrendTab,
    tab_options,
    table_view,
)
from ui.errors import report_bug, show_error
from ui.file_dialogs import remember, suggested_path
from ui.hub import hub_for
from ui.runner import Job

# Results change with reviews (formed, determined, reopened), findings, plans and imported cases.
STATS_KINDS = frozenset({Kind.REVIEW, Kind.FINDING, Kind.CASE, Kind.IMPORT, Kind.PLAN})
# How many periods the trend shows for each kind of period, and of which kind.
TREND = {
    PeriodKind.MONTH: (12, "month"),
    PeriodKind.QUARTER: (8, "quarter"),
    PeriodKind.HALF: (6, "half"),
    PeriodKind.YEAR: (12, "month"),
}


def _compute(wb: Workbench, f: StatsFilter, part: str, options: dict[str, Any]) -> Any:
    if part == "overview":
        return stats.compare(wb, f)
    if part == "statsGrades":
        return stats.grade_distribution(wb, f, options["by"])
    if part == "statsTrend":
        count, kind = TREND[f.period.kind]
        return stats.trend(wb, f, count, kind)
    if part == "statsProblems":
        return stats.problem_ranking(wb, f, options["threshold"])
    if part == "statsRanking":
        return options["by"], stats.ranking(wb, f, options["by"])
    if part == "statsKeyCases":
        return stats.key_cases_by_trigger(wb, f)
    raise ValueError(part)


class StatisticsWindow(QWidget):
    caseRequested = Signal(int)
    loaded = Signal()

    def __init__(self, wb: Workbench, parent: QWidget | None = None, *, period_text: str | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.setObjectName("statisticsWindow")
        self.setWindowTitle(self.tr("Statistics (统计分析)"))
        self.resize(1280, 860)
        self.jobs: list[Job] = []
        self.generation = 0
        self.loading = 0
        self.shown: dict[str, int] = {}  # part → the generation it was computed for
        self.filters = StatsFilterBar(self)
        self.overview = FigureTableModel((), self)
        self.overview_view = table_view(self.overview, "statsOverview", self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("statsTabs")
        self.pages: dict[str, StatsTab] = {}
        for page, title in (
            (GradesTab(self), self.tr("Grades")),
            (TrendTab(self), self.tr("Trend")),
            (ProblemsTab(self), self.tr("Problems")),
            (RankingTab(self), self.tr("Rankings")),
            (KeyCasesTab(self), self.tr("Key cases")),
        ):
            self.pages[page.objectName()] = page
            self.tabs.addTab(page, title)
            page.figureClicked.connect(self.drill)
            page.optionsChanged.connect(lambda p=page: self._load([p.objectName()], force=True))
        self.calibration: QWidget | None = None
        self._calibration_tab()
        self.status = QLabel(self)
        self.status.setObjectName("statsStatus")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export figures to Excel…"), self)
        self.png_button = QPushButton(self.tr("Save chart as PNG…"), self)
        self.drill_window = DrillWindow(self)
        self.drill_window.setWindowFlag(Qt.WindowType.Window)
        self.drill_window.caseRequested.connect(self.caseRequested)
        self._layout()
        self.tabs.currentChanged.connect(lambda _i: self._load(self._visible()))
        self.overview_view.activated.connect(self._overview_clicked)
        self.export_button.clicked.connect(lambda: self.export_xlsx())
        self.png_button.clicked.connect(lambda: self.save_png())
        hub_for(wb).subscribe(STATS_KINDS, self._heard, self)
        if period_text:
            self.filters.set_period(parse_period(period_text))
        else:
            self._open_on_a_period_with_files()
        self.refresh_choices()
        self.filters.filterChanged.connect(lambda _f: self.reload())  # after the set-up: one load, below
        self.reload()

    def _open_on_a_period_with_files(self) -> None:
        try:
            period = opening_period(self.wb, self.filters.today)
        except KnownError:  # not a reader of statistics: each part says so when it loads
            return
        if period != self.filters.current().period:
            self.filters.set_period(period)

    def _calibration_tab(self) -> None:
        """Reviewer calibration, when its view is installed (ui/analysis/calibration_view.py): built on first show."""
        try:
            from ui.analysis.calibration_view import make_calibration_view
        except ImportError:
            return
        holder = QWidget(self)
        holder.setObjectName("statsCalibration")
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(holder, self.tr("Calibration"))

        def build(index: int) -> None:
            if self.tabs.widget(index) is holder and self.calibration is None:
                self.calibration = make_calibration_view(self.wb, holder)
                box.addWidget(self.calibration)

        self.tabs.currentChanged.connect(build)

    def _layout(self) -> None:
        top = QWidget(self)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(QLabel(self.tr("Headline figures (double-click a figure for its cases)"), top))
        tv.addWidget(self.overview_view)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.tabs)
        splitter.setSizes([260, 600])
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    # --- loading ----------------------------------------------------------------------------------------
    def current_filter(self) -> StatsFilter:
        return self.filters.current()

    def refresh_choices(self) -> None:
        try:
            self.filters.set_choices(filter_choices(self.wb))
        except KNOWN_ERRORS as exc:
            self.status.setText(str(exc))

    def _visible(self) -> list[str]:
        name = self.tabs.currentWidget().objectName()
        return [name] if name in self.pages else []

    def reload(self) -> None:
        """The filter changed (or the data): recompute the headline figures and the visible tab."""
        self.generation += 1
        self._load(["overview", *self._visible()], force=True)

    def _heard(self, _record: ChangeRecord) -> None:
        self.refresh_choices()
        self.reload()

    def _load(self, parts: list[str], force: bool = False) -> list[Job]:
        """One job per part, so the headline figures and the tab are counted on two cores at once."""
        wanted = list(parts) if force else [p for p in parts if self.shown.get(p) != self.generation]
        wb, f, generation = self.wb, self.current_filter(), self.generation
        started = []
        for part in wanted:
            options = tab_options(self.pages[part]) if part in self.pages else {}

            def work(_progress: Any, _cancel: Any, part: str = part, options: dict[str, Any] = options) -> Any:
                if generation != self.generation:  # a newer filter came before this job started: skip it
                    return {}
                return {part: _compute(wb, f, part, options)}

            self.loading += 1
            self.status.setText(self.tr("Counting…"))
            job = Job(work)
            self.jobs.append(job)
            job.signals.succeeded.connect(lambda result, job=job: self._loaded(job, generation, result))
            job.signals.failed.connect(lambda exc, job=job: self._failed(job, exc))
            job.start()
            started.append(job)
        return started

    def _finished(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        self.loading = max(0, self.loading - 1)

    def _loaded(self, job: Job, generation: int, result: dict[str, Any]) -> None:
        self._finished(job)
        if generation == self.generation:  # a later filter's figures are on their way: drop these
            for part, value in result.items():
                self.shown[part] = generation
                if part == "overview":
                    self._show_overview(value)
                else:
                    self.pages[part].show_data(value)
            self.status.setText(
                self.tr("Figures of {period}.").replace("{period}", self.current_filter().period.label())
            )
        if not self.loading:
            self.loaded.emit()

    def _failed(self, job: Job, exc: BaseException) -> None:
        self._finished(job)
        if isinstance(exc, KNOWN_ERRORS):
            self.status.setText(str(exc))  # e.g. no permission to read results: said in place, not a dialog
        else:
            report_bug(exc, self)
        if not self.loading:
            self.loaded.emit()

    def wait_until_loaded(self, app: Any, timeout: float = 60.0) -> None:
        """Process events until every computation started has shown its figures (benchmarks, screenshots)."""
        deadline = time.monotonic() + timeout
        while (self.loading or self.jobs) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.005)
        app.processEvents()

    # --- headline figures -------------------------------------------------------------------------------
    def _show_overview(self, c: stats.Comparison) -> None:
        cur = c.current
        names = [
            ("reviewed", self.tr("Reviewed cases"), "reviewed", None),
            ("closed", self.tr("Closed cases"), "closed", None),
            ("ratio", self.tr("Review ratio (reviewed ÷ closed)"), "reviewed", None),
            ("with_problems", self.tr("Cases with problems"), "with_problems", None),
            ("problem_share", self.tr("Share of cases with problems"), "with_problems", None),
            ("findings", self.tr("Problems found"), "findings", None),
            ("problems_per_case", self.tr("Problems per case"), "findings", None),
            *((f"grade:{g}", term(g), "reviewed", g) for g in cur.grades),
        ]
        rows, figures = [], []
        for name, label, measure, grade in names:
            pop, yoy = c.pop(name), c.yoy(name)
            share = name in ("ratio", "problem_share")
            rows.append(
                [
                    label,
                    _value(cur.value(name), share),
                    _value(c.previous.value(name), share),
                    _change(pop),
                    _value(c.year_before.value(name), share),
                    _change(yoy),
                ]
            )
            here = [drill.Figure(measure, grade=grade, period=p.period) for p in (cur, c.previous, c.year_before)]
            figures.append([here[0], here[0], here[1], None, here[2], None])
        headers = [
            self.tr("Figure"),
            cur.period.label(),
            c.previous.period.label(),
            self.tr("Period-on-period"),
            c.year_before.period.label(),
            self.tr("Year-on-year"),
        ]
        self.overview.set_rows(rows, headers=headers, figures=figures, keys=[n[0] for n in names])
        from reviewapp.exports.stats_xlsx import mapping_note

        note = mapping_note([*cur.mapped, *c.previous.mapped, *c.year_before.mapped])
        self.overview_view.setToolTip(note)

    def _overview_clicked(self, index: QModelIndex) -> None:
        figure = index.data(FIGURE_ROLE)
        if figure is not None:
            self.drill(figure)

    # --- click-through and exports ------------------------------------------------------------------------
    def drill(self, figure: drill.Figure) -> DrillWindow:
        """List the cases behind ``figure`` in the drill window."""
        try:
            ids = drill.cases_behind(self.wb, self.current_filter(), figure)
            rows = drill.case_rows(self.wb, ids)
        except KNOWN_ERRORS as exc:
            show_error(self, str(exc))
            return self.drill_window
        self.drill_window.show_cases(figure, rows, len(ids))
        self.drill_window.show()
        return self.drill_window

    def export_xlsx(self, path: Path | None = None) -> Job | None:
        target = path or self._ask(self.tr("Export statistics"), "statistics.xlsx", "Excel (*.xlsx)")
        if target is None:
            return None
        wb, f = self.wb, self.current_filter()
        by = self.pages["statsGrades"].by.currentData()  # type: ignore[attr-defined]
        threshold = self.pages["statsProblems"].threshold.value()  # type: ignore[attr-defined]

        def work(_progress: Any, _cancel: Any) -> Path:
            from reviewapp.exports.stats_xlsx import write_stats_xlsx

            return write_stats_xlsx(report_of(wb, f, by, threshold), target)

        self.loading += 1
        job = Job(work)
        self.jobs.append(job)
        job.signals.succeeded.connect(lambda p: self._exported(job, p))
        job.signals.failed.connect(lambda exc: self._failed(job, exc))
        job.start()
        return job

    def _exported(self, job: Job, path: Path) -> None:
        self._finished(job)
        self.status.setText(self.tr("Exported to {path}.").replace("{path}", str(path)))
        if not self.loading:
            self.loaded.emit()

    def save_png(self, path: Path | None = None) -> Path | None:
        """The visible tab's chart as a PNG."""
        page = self.tabs.currentWidget()
        if not isinstance(page, StatsTab):
            return None
        target = path or self._ask(self.tr("Save chart"), f"{page.objectName()}.png", "PNG (*.png)")
        if target is None:
            return None
        try:
            page.chart.save_png(target)
        except OSError as exc:
            show_error(self, str(exc))
            return None
        self.status.setText(self.tr("Chart saved to {path}.").replace("{path}", str(target)))
        return target

    def _ask(self, title: str, name: str, kinds: str) -> Path | None:
        default = suggested_path(QCoreApplication.translate("StatisticsWindow", name))
        chosen, _ = QFileDialog.getSaveFileName(self, title, default, kinds)
        remember(chosen)
        return Path(chosen) if chosen else None

    def closeEvent(self, event: Any) -> None:
        for job in list(self.jobs):  # never let a worker signal into a dead widget
            job.done.wait(60)
        super().closeEvent(event)


def _value(value: Any, share: bool) -> Any:
    if value is None:
        return None
    return Percent(value) if share else value


def _change(c: stats.Change) -> Any:
    if c.delta is None:
        return None
    return Points(c.delta) if c.points else Signed(c.delta)

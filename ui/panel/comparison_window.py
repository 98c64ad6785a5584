"""The panel lead's comparison window (评查组合议): the item × member grid, the selected cell's reason and
evidence, and reconciling each disagreement with a written reason — all by keyboard:

    arrows            move in the grid; the detail shows the member's reason and evidence at once
    Enter             on a disagreement: go to the severity choice (arrows choose)
    Tab               to the reason; type it
    Ctrl+Enter        reconcile; the grid takes the focus again on the next open disagreement
    Esc               back to the grid

The panel is read through compare_panel (refused while the members score blind) and every decision goes
through the "opinion.reconcile" mutation; finalising the opinion ("opinion.finalise") is a button once no
disagreement is left open.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reviewapp.domain.roles import Action, grants_action
from reviewapp.errors import KNOWN_ERRORS
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.panel.compare import Comparison, ComparisonRow, compare_panel
from reviewapp.services.panel.labels import status_label
from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.reconcile import reconcile_item
from reviewapp.services.workbench import Workbench
from reviewapp.standards.model import SEVERITIES
from ui.errors import show_error
from ui.hub import hub_for
from ui.ops import ops_for
from ui.panel.comparison_model import ComparisonModel, evidence_text

PANEL_KINDS = frozenset({Kind.REVIEW, Kind.FINDING})
RECONCILING = "reconciling"


class ComparisonWindow(QWidget):
    def __init__(self, wb: Workbench, opinion_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.opinion_id = opinion_id
        self.ops = ops_for(wb)
        self.comparison: Comparison | None = None
        self.setWindowTitle(self.tr("Panel comparison"))
        self.resize(1180, 720)
        self.heading = QLabel(self)
        self.heading.setObjectName("comparisonHeading")
        self.heading.setWordWrap(True)
        self.model = ComparisonModel(self)
        self.grid = QTableView(self)
        self.grid.setObjectName("comparisonGrid")
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setWordWrap(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("cellDetail")
        self.detail.setOpenLinks(False)
        self.notes = QTextBrowser(self)  # dissents and joint meetings
        self.notes.setObjectName("panelNotes")
        self.severity = QComboBox(self)
        self.severity.setObjectName("reconcileSeverity")
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("reconcileReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(self.tr("Why the panel decides so (required)"))
        self.reconcile_button = QPushButton(self.tr("&Reconcile (Ctrl+Enter)"), self)
        self.reconcile_button.setObjectName("reconcileButton")
        self.finalise_button = QPushButton(self.tr("&Finalise the opinion"), self)
        self.finalise_button.setObjectName("finaliseButton")
        self.timeline_button = QPushButton(self.tr("&Timeline…"), self)
        self.status = QLabel(self)
        self.status.setObjectName("comparisonStatus")
        self._build_layout()
        self.grid.selectionModel().currentChanged.connect(self._current_changed)
        self.grid.doubleClicked.connect(lambda *_: self.start_reconciling())
        self.reconcile_button.clicked.connect(self.reconcile)
        self.finalise_button.clicked.connect(self.finalise)
        self.timeline_button.clicked.connect(self.show_timeline)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.grid, context=Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.start_reconciling)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(
                QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut
            ).activated.connect(self.reconcile)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.grid.setFocus)
        self.timeline: QWidget | None = None
        hub_for(wb).subscribe(PANEL_KINDS, self._changed, self)
        self.refresh()

    def _build_layout(self) -> None:
        decide = QGroupBox(self.tr("Reconcile the selected disagreement"), self)
        form = QFormLayout(decide)
        form.addRow(self.tr("Panel's severity:"), self.severity)
        form.addRow(self.tr("Reason:"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reconcile_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        side = QWidget(self)
        sv = QVBoxLayout(side)
        sv.setContentsMargins(0, 0, 0, 0)
        sv.addWidget(QLabel(self.tr("Reason and evidence"), self))
        sv.addWidget(self.detail, 3)
        sv.addWidget(decide, 2)
        sv.addWidget(QLabel(self.tr("Dissents and joint meetings"), self))
        sv.addWidget(self.notes, 1)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([700, 460])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.timeline_button)
        bottom.addWidget(self.finalise_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # --- reading --------------------------------------------------------------------------------------
    def _changed(self, record: ChangeRecord) -> None:
        if self.opinion_id in record.ids(Kind.REVIEW) or record.touches(Kind.FINDING):
            self.refresh()

    def refresh(self) -> bool:
        """Read the comparison again, keeping the current cell; False (with the reason shown) when refused."""
        current = self.grid.currentIndex()
        try:
            comparison = compare_panel(self.wb, self.opinion_id)
        except KNOWN_ERRORS as exc:
            self.comparison = None
            self.model.set_comparison(None)
            self.heading.setText(str(exc))
            self._update_buttons()
            return False
        self.comparison = comparison
        self.model.set_comparison(comparison)
        self.setWindowTitle(self.tr("Panel comparison — {number}").format(number=comparison.file_no))
        self.heading.setText(
            self.tr("Case {case} · review file {number} · {status} · panel of {n}").format(
                case=comparison.dept_case_no, number=comparison.file_no, status=status_label(comparison.status),
                n=comparison.panel_size,
            )
        )  # fmt: skip
        self.grid.resizeColumnsToContents()
        self.grid.setColumnWidth(0, min(max(self.grid.columnWidth(0), 220), 340))
        self._show_notes(comparison)
        row = current.row() if current.isValid() and current.row() < self.model.rowCount() else None
        if row is None:
            row = self.model.next_open_row()
        if row is not None:
            self._go(row, current.column() if current.isValid() else 1)
        else:
            self._current_changed(QModelIndex(), QModelIndex())
        self._update_buttons()
        return True

    def _show_notes(self, c: Comparison) -> None:
        parts = []
        for d in c.dissents:
            about = d.item_code or self.tr("the whole opinion")
            parts.append(
                f"<p><b>{escape(self.tr('Dissent of {member} on {item}').format(member=d.member, item=about))}"
                f"</b><br>{escape(d.text)}</p>"
            )
        for m in c.meetings:
            head = self.tr("Joint meeting on {day}: {attendees}").format(
                day=m.held_on.isoformat(), attendees="、".join(m.attendees)
            )
            files = "、".join(str(a.get("name", "")) for a in m.attachments)
            parts.append(
                f"<p><b>{escape(head)}</b><br>{escape(m.minutes)}" + (f"<br>{escape(files)}" if files else "") + "</p>"
            )
        self.notes.setHtml("".join(parts) or escape(self.tr("No dissent and no joint meeting recorded.")))

    def _go(self, row: int, column: int = 1) -> None:
        column = max(0, min(column, self.model.columnCount() - 1))
        index = self.model.index(row, column)
        self.grid.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.grid.scrollTo(index)

    def current_row(self) -> ComparisonRow | None:
        return self.model.row_at(self.grid.currentIndex().row())

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        r = self.model.row_at(current.row()) if current.isValid() else None
        self.detail.setHtml(self._detail_html(r, current.column()) if r is not None else "")
        self._prepare_decision(r)
        self._update_buttons()

    def _detail_html(self, r: ComparisonRow, column: int) -> str:
        cells = [self.model.cell_at(self.model.rows.index(r), column)] if 1 <= column <= self.model.member_count else []
        shown = [c for c in cells if c is not None] or list(r.cells)
        out = [f"<h3>{escape(r.item_code)} {escape(r.item_text)}</h3><p>{escape(r.dimension_name)}</p>"]
        for c in shown:
            severity = c.severity or self.tr("no problem")
            out.append(f"<p><b>{escape(c.reviewer)}</b>：{escape(severity)}</p>")
            if c.reason:
                out.append(f"<p>{escape(c.reason)}</p>")
            if c.evidence:
                out.append(f"<p>{escape(self.tr('Evidence: {pages}').format(pages=evidence_text(c)))}</p>")
        if r.decision is not None:
            decided = r.decision.severity or self.tr("no problem")
            out.append(f"<p><b>{escape(self.tr('Panel opinion: {severity}').format(severity=decided))}</b></p>")
            if r.decision.reason:
                out.append(f"<p>{escape(r.decision.reason)}</p>")
        return "".join(out)

    def _prepare_decision(self, r: ComparisonRow | None) -> None:
        self.severity.clear()
        if r is None or not r.disagreement:
            return
        votes = [c.severity for c in r.cells]
        choices: list[str | None] = [s for s in SEVERITIES if s in votes]
        choices += [s for s in SEVERITIES if s not in votes]
        choices.append(None)
        for choice in choices:
            self.severity.addItem(choice or self.tr("No problem"), choice)
        wanted = r.decision.severity if r.decision is not None else max(set(votes), key=votes.count)
        self.severity.setCurrentIndex(max(0, self.severity.findData(wanted)))
        if r.decision is not None and not self.reason.toPlainText().strip():
            self.reason.setPlainText(r.decision.reason)

    def _update_buttons(self) -> None:
        c, r = self.comparison, self.current_row()
        # Members read the comparison; reconciling is the panel lead's (the service checks the scope too).
        reconciling = c is not None and c.status == RECONCILING and grants_action(self.wb.user.grants, Action.RECONCILE)
        self.reconcile_button.setEnabled(reconciling and r is not None and r.disagreement)
        self.severity.setEnabled(self.reconcile_button.isEnabled())
        self.reason.setEnabled(self.reconcile_button.isEnabled())
        self.finalise_button.setEnabled(reconciling and c is not None and not c.open_items)
        if c is None:
            self.status.setText("")
        elif c.open_items:
            self.status.setText(
                self.tr("%n disagreement(s) to reconcile: {items}", "", len(c.open_items)).format(
                    items=self.tr(", ").join(c.open_items)
                )
            )
        else:
            self.status.setText(self.tr("No disagreement left open."))

    # --- acting ---------------------------------------------------------------------------------------
    def start_reconciling(self) -> None:
        """Enter on a disagreement: to the severity choice."""
        r = self.current_row()
        if r is not None and r.disagreement and self.severity.isEnabled():
            self.severity.setFocus(Qt.FocusReason.TabFocusReason)

    def reconcile(self) -> bool:
        r = self.current_row()
        if r is None or not self.reconcile_button.isEnabled():
            return False
        severity = self.severity.currentData()
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.status.setText(
                self.tr("Write the reason for the panel's decision on {item}.").format(item=r.item_code)
            )
            self.reason.setFocus()
            return False
        wb, opinion_id, row = self.wb, self.opinion_id, self.grid.currentIndex().row()

        def done(comparison: Comparison) -> None:
            self.reason.clear()
            self.comparison = comparison
            self.model.set_comparison(comparison)
            self._show_notes(comparison)
            nxt = self.model.next_open_row(row)
            self._go(nxt if nxt is not None else row)
            self._update_buttons()
            self.grid.setFocus()

        self.ops.run(lambda: reconcile_item(wb, opinion_id, r.item_code, severity, reason), done, self._failed, self)
        return True

    def finalise(self) -> None:
        wb, opinion_id = self.wb, self.opinion_id

        def done(_status: str) -> None:
            self.refresh()

        self.ops.run(lambda: finalise_opinion(wb, opinion_id), done, self._failed, self)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, KNOWN_ERRORS):
            self.status.setText(str(exc))
            show_error(self, str(exc))

    def show_timeline(self) -> QWidget:
        from ui.panel.timeline_view import TimelineView

        self.timeline = TimelineView(self.wb, opinion_id=self.opinion_id, parent=self)
        self.timeline.setWindowFlag(Qt.WindowType.Window)
        self.timeline.show()
        return self.timeline

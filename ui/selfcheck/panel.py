"""The case's submitted self-check forms, read-only, for the scoring workspace (beside the checklist).

``SelfCheckPanel(wb, parent)``; ``set_case(case_id)``. Items answered 否 come first, with their notes; a note
pre-filled from the pre-screening is marked 自动校验. Re-read when the hub reports a self-check change.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from reviewapp.domain.selfcheck import AUTO_MARK, Answer, problems_first
from reviewapp.errors import NotPermitted
from reviewapp.legal.local_time import local_datetime
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.selfcheck.forms import SelfCheckForm, case_selfchecks
from reviewapp.services.workbench import Workbench
from ui.hub import hub_for


class SelfCheckPanel(QWidget):
    countChanged = Signal(int)  # the number of submitted forms shown

    def __init__(self, wb: Workbench, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("selfCheckPanel")
        self.wb = wb
        self.case_id: int | None = None
        self.forms: list[SelfCheckForm] = []
        self.view = QTextBrowser(self)
        self.view.setObjectName("selfCheckView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        hub_for(wb).subscribe({Kind.SELF_CHECK}, self._changed, self)

    def set_case(self, case_id: int) -> None:
        self.case_id = case_id
        self.reload()

    def _changed(self, _record: ChangeRecord) -> None:
        self.reload()

    def reload(self) -> None:
        if self.case_id is None:
            return
        try:
            self.forms = case_selfchecks(self.wb, self.case_id, submitted_only=True)
        except NotPermitted as exc:
            self.forms = []
            self.view.setPlainText(str(exc))
            self.countChanged.emit(0)
            return
        if not self.forms:
            self.view.setPlainText(self.tr("No submitted self-check form (个人自查表 / 部门核查表) for this case yet."))
        else:
            self.view.setHtml("".join(self._html(f) for f in self.forms))
        self.countChanged.emit(len(self.forms))

    def _html(self, form: SelfCheckForm) -> str:
        when = local_datetime(form.submitted_at).strftime("%Y-%m-%d %H:%M") if form.submitted_at else ""
        head = self.tr("{title} — submitted by {who} on {when}; standard {standard}").format(
            title=form.title, who=form.filled_by or "—", when=when, standard=form.standard
        )
        problems = sum(1 for i in form.items if i.answer == Answer.NO.value)
        rows = []
        for item in problems_first(form.items):
            style = ' style="color:#b00020;font-weight:bold"' if item.answer == Answer.NO.value else ""
            mark = f" <i>[{AUTO_MARK}]</i>" if item.auto else ""
            rows.append(
                f"<tr><td>{escape(item.code)}</td><td{style}>{escape(item.answer or '—')}</td>"
                f"<td>{escape(item.text)}</td><td>{escape(item.note).replace(chr(10), '<br>')}{mark}</td></tr>"
            )
        summary = self.tr("%n item(s) answered No", "", problems)
        return (
            f"<h3>{escape(head)}</h3><p>{escape(summary)}</p>"
            '<table border="1" cellspacing="0" cellpadding="3">'
            f"<tr><th>{escape(self.tr('Item'))}</th><th>{escape(self.tr('Answer'))}</th>"
            f"<th>{escape(self.tr('Content'))}</th><th>{escape(self.tr('Note'))}</th></tr>" + "".join(rows) + "</table>"
        )

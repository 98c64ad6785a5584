"""The finding of the current checklist item: severity, common phrase or typed reason, evidence pages.

Every change is saved through the review session at once: a severity or phrase on click, the reason on
Enter, on leaving the field, or after a short pause in typing — there is no save button to forget.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewapp.i18n import term
from reviewapp.services.reviews.commands import ReviewState
from reviewapp.standards import SEVERITIES, ChecklistItem
from ui.rows_model import RowsModel
from ui.workspace.reason_edit import ReasonEdit
from ui.workspace.session import ReviewSession

AUTOSAVE_MS = 1500  # a pause in typing this long saves the reason


class FindingEditor(QWidget):
    evidenceActivated = Signal(int, int)  # document id, page

    def __init__(self, session: ReviewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.item: ChecklistItem | None = None
        self.title = QLabel(self)
        self.title.setObjectName("itemTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet("color: #555;")
        self.severity_buttons: dict[str | None, QPushButton] = {}
        buttons = QHBoxLayout()
        for key, severity in enumerate((*SEVERITIES, None), start=1):
            shortcut = "0" if severity is None else str(key)
            label = self.tr("None") if severity is None else term(severity)
            button = QPushButton(f"{shortcut}  {label}", self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the checklist
            button.clicked.connect(lambda _checked=False, s=severity: self.mark(s))
            self.severity_buttons[severity] = button
            buttons.addWidget(button)
        self.phrase_model = RowsModel([self.tr("Common phrase")])
        self.phrase_combo = QComboBox(self)
        self.phrase_combo.setObjectName("phraseCombo")
        self.phrase_combo.setModel(self.phrase_model)
        self.phrase_combo.activated.connect(self._phrase_chosen)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.commit_reason)
        self.deduction = QDoubleSpinBox(self)
        self.deduction.setObjectName("deductionSpin")
        self.deduction.setRange(0.0, 100.0)
        self.deduction.setDecimals(1)
        self.deduction.setSingleStep(0.5)
        self.deduction.setKeyboardTracking(False)
        self.deduction.editingFinished.connect(self.commit_deduction)
        deduction_row = QHBoxLayout()
        self.deduction_label = QLabel(self.tr("Deduction (points)"), self)
        deduction_row.addWidget(self.deduction_label)
        deduction_row.addWidget(self.deduction)
        deduction_row.addStretch(1)
        # Only standards scored out of a base (e.g. 100 points) deduct per finding.
        scored = session.state.standard.score_base is not None
        self.deduction_label.setVisible(scored)
        self.deduction.setVisible(scored)
        self.reason = ReasonEdit(self)
        self.reason.setObjectName("reasonEdit")
        self.reason.editingFinished.connect(self.commit_reason)
        self.reason.textEdited.connect(lambda _text: self._autosave.start())
        self.evidence_model = RowsModel([self.tr("Evidence")])
        self.evidence_view = QListView(self)
        self.evidence_view.setObjectName("evidenceList")
        self.evidence_view.setModel(self.evidence_model)
        self.evidence_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.evidence_view.setMaximumHeight(72)
        self.evidence_view.clicked.connect(self._evidence_clicked)
        self.evidence_view.activated.connect(self._evidence_clicked)
        self.link_button = QPushButton(self.tr("Link current page (L)"), self)
        self.link_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unlink_button = QPushButton(self.tr("Remove link"), self)
        self.unlink_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unlink_button.clicked.connect(self.unlink_selected)
        links = QHBoxLayout()
        links.addWidget(self.link_button)
        links.addWidget(self.unlink_button)
        links.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addLayout(buttons)
        layout.addWidget(self.phrase_combo)
        layout.addWidget(self.reason)
        layout.addLayout(deduction_row)
        layout.addWidget(QLabel(self.tr("Evidence in the dossier (click to open the page):"), self))
        layout.addWidget(self.evidence_view)
        layout.addLayout(links)
        layout.addStretch(1)
        session.changed.connect(lambda _state: self.refresh())
        self.show_item(None)

    # --- showing ------------------------------------------------------------------------------------
    def show_item(self, item: ChecklistItem | None) -> None:
        if item is not self.item:
            self.commit_reason()  # the reason typed for the previous item is not lost
        self.item = item
        self.refresh()

    def refresh(self, _state: ReviewState | None = None) -> None:
        item = self.item
        finding = self.session.finding(item.code) if item is not None else None
        editable = self.session.editable and item is not None
        if item is None:
            self.title.setText(self.tr("Choose a checklist item."))
            self.facts.clear()
        else:
            self.title.setText(f"{item.code}  {term(item.text)}")
            facts = [
                self.tr("Allowed: {severities}").format(severities=" / ".join(term(s) for s in item.severities)),
                self.tr("Deduction {points:g} points").format(points=item.deduction),
            ]
            if item.veto:
                facts.append(self.tr("Veto item"))
            text = " · ".join(facts)
            if item.basis:  # the rule the item rests on, as the checklist cites it (e.g. 刑事诉讼法第一百七十二条)
                text += "\n" + self.tr("Basis: {basis}").format(basis=item.basis)
            self.facts.setText(text)
        for severity, button in self.severity_buttons.items():
            allowed = item is not None and (severity is None or severity in item.severities)
            button.setEnabled(editable and allowed)
            button.setChecked(finding.severity == severity if finding is not None else severity is None)
        phrases = list(item.phrases) if item is not None else []
        self.phrase_model.set_rows([[self.tr("— choose a common phrase —")], *[[p] for p in phrases]])
        self.phrase_combo.setCurrentIndex(
            phrases.index(finding.phrase) + 1 if finding is not None and finding.phrase in phrases else 0
        )
        self.phrase_combo.setEnabled(editable and finding is not None and bool(phrases))
        if not self.reason.hasFocus() or finding is None:
            self.reason.setText(finding.reason if finding is not None else "")
        self.reason.setEnabled(editable and finding is not None)
        if not self.deduction.hasFocus():
            default = item.deduction if item is not None else 0.0
            value = finding.deduction if finding is not None and finding.deduction is not None else default
            self.deduction.setValue(value)
        self.deduction.setEnabled(editable and finding is not None)
        self.reason.setPlaceholderText(
            self.tr("Reason (required) — R to jump here, Enter to save")
            if finding is not None
            else self.tr("Choose a severity first (keys 1/2/3)")
        )
        evidence = finding.evidence if finding is not None else ()
        self.evidence_model.set_rows(
            [[self.tr("{title} — page {page}").format(title=e.title, page=e.page)] for e in evidence], evidence
        )
        self.link_button.setEnabled(editable and finding is not None)
        self.unlink_button.setEnabled(editable and bool(evidence))

    # --- editing ------------------------------------------------------------------------------------
    def mark(self, severity: str | None) -> bool:
        """Give the current item ``severity`` (None clears its finding); keeps reason, phrase and pages."""
        item = self.item
        if item is None or not self.session.editable:
            return False
        if severity is not None and severity not in item.severities:
            self.session.failed.emit(
                self.tr("{code} allows only {severities}.").format(
                    code=item.code, severities=" / ".join(term(s) for s in item.severities)
                )
            )
            self.refresh()  # a clicked severity button shows the stored severity again
            return False
        self.commit_reason()
        self.session.set_severity(item.code, severity)
        self.refresh()  # a checkable button toggled itself on the click; the saved state follows
        return True

    def commit_reason(self) -> None:
        self._autosave.stop()
        item = self.item
        if item is None or not self.session.editable:
            return
        before = self.session.finding(item.code)
        text = self.reason.text().strip()
        if before is not None and before.reason != text:
            self.session.edit_finding(item.code, reason=text)

    def commit_deduction(self) -> None:
        item = self.item
        before = self.session.finding(item.code) if item is not None else None
        if item is None or before is None or not self.session.editable:
            return
        value = self.deduction.value()
        # The item's default is stored as None, so a later standard default still reads as "default".
        deduction = None if abs(value - item.deduction) < 1e-9 else value
        if deduction != before.deduction:
            self.session.edit_finding(item.code, deduction=deduction)

    def focus_reason(self) -> None:
        if self.reason.isEnabled():
            self.reason.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.reason.end(False)  # go on writing; selecting all would let the next key wipe the reason

    def _phrase_chosen(self, row: int) -> None:
        item = self.item
        before = self.session.finding(item.code) if item is not None else None
        if item is None or before is None or row <= 0:
            return
        phrase = item.phrases[row - 1]
        # The phrase is also the reason unless the reviewer already wrote their own words.
        typed = self.reason.text().strip()
        reason = phrase if not typed or typed == (before.phrase or "") else typed
        self.session.edit_finding(item.code, phrase=phrase, reason=reason)

    def evidence_of(self, item_code: str) -> tuple[tuple[int, int], ...]:
        finding = self.session.finding(item_code)
        return tuple((e.document_id, e.page) for e in finding.evidence) if finding is not None else ()

    def link_page(self, document_id: int, page: int) -> bool:
        item = self.item
        if item is None or self.session.finding(item.code) is None or page < 1:
            return False
        pages = self.evidence_of(item.code)
        if (document_id, page) not in pages:
            self.session.edit_finding(item.code, evidence=(*pages, (document_id, page)))
        return True

    def unlink_selected(self) -> None:
        item = self.item
        pages = self.evidence_of(item.code) if item is not None else ()
        row = self.evidence_view.currentIndex().row()
        if item is None or not 0 <= row < len(pages):
            return
        self.session.edit_finding(item.code, evidence=pages[:row] + pages[row + 1 :])

    def _evidence_clicked(self, index: QModelIndex) -> None:
        ref = self.evidence_model.payload(index.row())
        if ref is not None:
            self.evidenceActivated.emit(ref.document_id, ref.page)

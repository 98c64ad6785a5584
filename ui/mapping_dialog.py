"""The column-mapping dialog: an export in another system's layout, mapped column by column to card fields.

Every column of the sheets read is listed with sample values and a guessed field (label, older systems'
names, the values' shape; reviewapp/intake/guessing.py). The user confirms, changes or ignores each, picks
which sheet holds the cases, the suspects and the documents, and names the mapping: it is saved as an import
profile and applies itself to the next export with the same header set. Never run with exec(): it is opened
with open() and reports through ``chosen``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewapp.intake.layout import ExportLayout
from reviewapp.intake.profiles import IGNORE, ROLES, Profile
from reviewapp.services.cases.profiles import (
    MappingNeed,
    guess_sheet,
    import_profile_file,
    profile_from_choices,
    save_profile,
)
from reviewapp.services.workbench import Workbench
from ui.file_dialogs import remember, suggested_path
from ui.ops import ops_for

ROLE_ORDER = ("cases", "suspects", "documents")


class MappingDialog(QDialog):
    chosen = Signal(object)  # the saved Profile, or None: import the file as it is

    def __init__(self, wb: Workbench, need: MappingNeed, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wb = wb
        self.layout_data: ExportLayout = need.layout
        self.units = need.units
        self.saved: Profile | None = None
        where = str(need.path) if need.path is not None else need.layout.file
        self.setWindowTitle(self.tr("Map the columns of {file}").replace("{file}", where))
        self.resize(900, 600)
        intro = QLabel(
            self.tr(
                "This export's columns are not all known. Check the field proposed for each column, change it or "
                "leave the column as an extra, and save the mapping under a name: the next export with the same "
                "columns is read with it automatically."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. the provincial system's export"))
        form.addRow(self.tr("Profile name"), self.name)
        self.sheet_boxes: dict[str, QComboBox] = {}
        labels = {
            "cases": self.tr("Sheet with the cases"),
            "suspects": self.tr("Sheet with the suspects"),
            "documents": self.tr("Sheet with the documents"),
        }
        names = [s.name for s in need.layout.sheets if s.header_index is not None]
        for role in ROLE_ORDER:
            box = QComboBox(self)
            box.addItem(self.tr("(none)"), "")
            for name in names:
                # A sheet name is the file's own (data), glossed in English like a domain term.
                box.addItem(self.tr("sheet ({name})").replace("{name}", name), name)
            current = next((s.name for s in need.layout.sheets if s.role == role), "")
            box.setCurrentIndex(max(0, box.findData(current)))
            box.currentIndexChanged.connect(self._fill)
            self.sheet_boxes[role] = box
            form.addRow(labels[role], box)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Column"), self.tr("Sample values"), self.tr("Field"), self.tr("Why")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(self.tr("Save profile and import"), self)
        self.skip_button = QPushButton(self.tr("Import without a profile"), self)
        self.file_button = QPushButton(self.tr("Use a profile file…"), self)
        self.buttons.addButton(self.file_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.skip_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.skip_button.clicked.connect(self.skip)
        self.file_button.clicked.connect(self.use_file)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.rows: list[tuple[str, str, QComboBox]] = []  # (role, header, field box) per table row
        self._fill()

    # --- the table ------------------------------------------------------------------------------------
    def _fill(self) -> None:
        self.table.setRowCount(0)
        self.rows = []
        by_name = {s.name: s for s in self.layout_data.sheets}
        for role in ROLE_ORDER:
            sheet = by_name.get(self.sheet_boxes[role].currentData() or "")
            if sheet is None:
                continue
            for guess in guess_sheet(sheet, role, self.units):
                row = self.table.rowCount()
                self.table.insertRow(row)
                self.table.setItem(row, 0, QTableWidgetItem(sheet.name))
                self.table.setItem(row, 1, QTableWidgetItem(guess.header))
                self.table.setItem(row, 2, QTableWidgetItem("；".join(guess.samples)))
                box = QComboBox(self.table)
                box.addItem(self.tr("(keep as an extra column)"), IGNORE)
                for spec in ROLES[role]:
                    box.addItem(self.tr("card field ({column})").replace("{column}", spec.column), spec.attr)
                box.setCurrentIndex(max(0, box.findData(guess.attr or IGNORE)))
                self.table.setCellWidget(row, 3, box)
                self.table.setItem(row, 4, QTableWidgetItem(guess.reason))
                self.rows.append((role, guess.header, box))

    def field_box(self, header: str, role: str = "cases") -> QComboBox:
        """The field chooser of one column (tests and keyboard users)."""
        return next(box for r, h, box in self.rows if r == role and h == header)

    def choices(self) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
        sheets = {role: box.currentData() for role, box in self.sheet_boxes.items() if box.currentData()}
        columns: dict[str, dict[str, str]] = {}
        for role, header, box in self.rows:
            columns.setdefault(role, {})[header] = box.currentData() or IGNORE
        return sheets, columns

    def problems(self) -> list[str]:
        """What keeps the mapping from being saved: no name, no cases sheet, a field chosen twice."""
        out: list[str] = []
        if not self.name.text().strip():
            out.append(self.tr("Give the profile a name."))
        sheets, columns = self.choices()
        if "cases" not in sheets:
            out.append(self.tr("Choose the sheet that holds the cases."))
        for role, mapping in columns.items():
            chosen = [a for a in mapping.values() if a]
            twice = sorted({a for a in chosen if chosen.count(a) > 1})
            labels = {s.attr: s.column for s in ROLES[role]}
            if twice:
                out.append(
                    self.tr("These fields are chosen for more than one column: {fields}").replace(
                        "{fields}", "、".join(labels[a] for a in twice)
                    )
                )
        return out

    # --- the buttons ----------------------------------------------------------------------------------
    def save(self) -> None:
        problems = self.problems()
        if problems:
            self.status.setText("\n".join(problems))
            return
        sheets, columns = self.choices()
        profile = profile_from_choices(self.name.text(), self.layout_data, sheets, columns)
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving the profile…"))
        ops_for(self.wb).run(lambda: save_profile(self.wb, profile), self._saved, self._failed, owner=self)

    def _saved(self, row: Any) -> None:
        self.saved = row.profile
        self.chosen.emit(row.profile)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText(str(exc))

    @staticmethod
    def ask_profile_file(parent: QWidget) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, parent.tr("Import profile file"), suggested_path(""), parent.tr("Import profile (*.json)")
        )
        remember(name)
        return Path(name) if name else None

    def use_file(self) -> None:
        """A profile another office exported (``profile export``): saved here, then used for this file."""
        path = self.ask_profile_file(self)
        if path is None:
            return
        self.status.setText(self.tr("Saving the profile…"))
        ops_for(self.wb).run(
            lambda: import_profile_file(self.wb, path, replace=True), self._saved, self._failed, owner=self
        )

    def skip(self) -> None:
        self.chosen.emit(None)
        self.reject()

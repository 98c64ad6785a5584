"""F1: the workspace's keyboard shortcuts, read from the window's own actions so the list cannot drift."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.rows_model import RowsModel


def shortcut_rows(actions: Sequence[QAction]) -> list[list[str]]:
    rows = []
    for action in actions:
        # Return and keypad Enter may read the same in the user's language: list each text once.
        names = dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        keys = ", ".join(names)
        if keys:
            rows.append([keys, action.text().replace("&", "")])
    return rows


class ShortcutsHelp(QDialog):
    def __init__(
        self, actions: Sequence[QAction], parent: QWidget | None = None, extra: Sequence[list[str]] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        self.model = RowsModel([self.tr("Keys"), self.tr("Action")], [*shortcut_rows(actions), *extra])
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    @classmethod
    def show_for(
        cls, actions: Sequence[QAction], parent: QWidget | None = None, extra: Sequence[list[str]] = ()
    ) -> ShortcutsHelp:
        """``extra``: [keys, action] rows for keys the widgets handle themselves (e.g. Up/Down in a tree)."""
        dialog = cls(actions, parent, extra)
        dialog.open()
        return dialog

"""F1: a window's keyboard shortcuts, read from the window's own actions so the list cannot drift.

Only keys that work are listed (an action's own shortcuts, not menu mnemonics), each action by its text without
the mnemonic marker ("&Import…" and "导入(&I)…" read "Import…", "导入…"), and only the actions of the window
asking — not those of the other windows it owns (a workspace is a child of the main window).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QObject
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

# "(&I)" / "（&I）" after a Chinese text, else a lone "&" before the mnemonic letter ("&&" is a real "&").
_CJK_MNEMONIC = re.compile(r"\s*[(（]&[^)）][)）]")


def plain_text(text: str) -> str:
    """An action's text as read: without its mnemonic marker."""
    text = _CJK_MNEMONIC.sub("", text)
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")


def _window_of(action: QAction) -> QObject | None:
    """The top-level window an action belongs to (through its parent widgets)."""
    owner = action.parent()
    while owner is not None and not isinstance(owner, QWidget):
        owner = owner.parent()
    return owner.window() if isinstance(owner, QWidget) else None


def shortcut_rows(actions: Sequence[QAction], window: QWidget | None = None) -> list[list[str]]:
    """[keys, action] for every action with a shortcut (of ``window`` only, when given), each once."""
    rows: list[list[str]] = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        if window is not None and _window_of(action) not in (window, None):
            continue
        # Return and keypad Enter may read the same in the user's language: list each text once.
        names = dict.fromkeys(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        keys = ", ".join(n for n in names if n)
        row = (keys, plain_text(action.text()))
        if keys and row not in seen:
            seen.add(row)
            rows.append(list(row))
    return rows


class ShortcutsHelp(QDialog):
    def __init__(
        self, actions: Sequence[QAction], parent: QWidget | None = None, extra: Sequence[list[str]] = ()
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 560)
        owner = parent.window() if parent is not None else None
        self.model = RowsModel([self.tr("Keys"), self.tr("Action")], [*shortcut_rows(actions, owner), *extra])
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
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

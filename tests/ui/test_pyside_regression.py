"""PySide6 6.12.0 on Python 3.11 aborted with none_dealloc after ~5000 ownership-transferring add-item calls.

Run in a child process: if the pinned PySide6 regressed, the abort kills the child, not the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = r"""
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListWidget, QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem
app = QApplication([])
model = QStandardItemModel()
for i in range(20000):
    model.appendRow(QStandardItem(str(i)))
for i in range(5000):
    model.setItem(i, 1, QStandardItem("x"))
table = QTableWidget(5000, 1)
for i in range(5000):
    table.setItem(i, 0, QTableWidgetItem("y"))
lw = QListWidget()
for i in range(5000):
    lw.addItem(str(i))
tree = QTreeWidget()
for i in range(5000):
    tree.addTopLevelItem(QTreeWidgetItem([str(i)]))
print(model.rowCount(), table.rowCount(), lw.count(), tree.topLevelItemCount())
"""


def test_twenty_thousand_add_item_calls_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["20000", "5000", "5000", "5000"]

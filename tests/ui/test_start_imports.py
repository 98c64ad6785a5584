"""Starting the main window loads neither the exporters (openpyxl, reportlab, python-docx) nor the dossier
readers (pdfium, numpy for OCR) nor Alembic on a current database: they load when first used. Checked in a
new process, through the whole start (window, first page, count, the start's background work)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import PASSWORD, login_for, sign_in
from tests.db_target import database_at

ROOT = Path(__file__).resolve().parents[2]
LAZY = ("openpyxl", "reportlab", "docx", "pypdfium2", "numpy", "alembic")

START = r"""
import json, sys, time
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtWidgets import QApplication
app = QApplication([])
QCoreApplication.setOrganizationName("ReviewWorkbenchTests")
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[4])
from reviewapp.services.accounts.users import log_in
from reviewapp.services.workbench import Workbench
import ui.app as app_module
wb = Workbench.open(sys.argv[1])
log_in(wb, sys.argv[2], sys.argv[3])
window = app_module.show_main_window(wb)
deadline = time.monotonic() + 60
while not window.count_label.text() and time.monotonic() < deadline:  # counted once the rows painted
    app.processEvents()
for _ in range(3):  # the start's background work: pre-screening look, standards, due steps
    QThreadPool.globalInstance().waitForDone(60000)
    window.ops.wait(60000)
    app.processEvents()
print(json.dumps({"label": window.count_label.text(), "modules": sorted(sys.modules)}))
window.close()
"""


def _run(script: str, *args: str) -> dict[str, Any]:
    """Run ``script`` in a new process (offscreen) and return the JSON it printed last."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300, cwd=ROOT, env=env
    )
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    assert lines, out.stderr[-3000:]
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def test_the_start_loads_no_exporter_reader_or_alembic(tmp_path: Path) -> None:
    target = database_at(tmp_path)
    wb = Workbench.open(target)  # migrated here: the start opens a current database
    sign_in(wb, "启动员")
    wb.close()
    result = _run(START, str(target), login_for("启动员"), PASSWORD, str(tmp_path / "settings"))
    assert result["label"]  # the start got through the count
    loaded = {name.split(".")[0] for name in result["modules"]}
    assert "sqlalchemy" in loaded  # the check sees the real start
    assert not loaded & set(LAZY), sorted(loaded & set(LAZY))


LOGIN = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
import ui.app as app_module
from ui.fonts import ensure_cjk_font
from ui.login import LoginDialog
app = app_module.create_application([])
dialog = LoginDialog.ask(None, "")
app.processEvents()
family = ensure_cjk_font(app)
print(json.dumps({"family": family, "modules": sorted(sys.modules)}))
dialog.close()
"""


def test_the_login_dialog_waits_for_no_exporter_and_no_database_layer(tmp_path: Path) -> None:
    """The first window needs Qt, the translators and a Chinese font: on a machine without one (this one) the
    shipped font is loaded, and finding it must not import the PDF exporters (reportlab, ~190 ms)."""
    result = _run(LOGIN, str(tmp_path / "settings"))
    assert result["family"]  # a Chinese family, the system's or the shipped one
    loaded = {name.split(".")[0] for name in result["modules"]}
    assert not loaded & {*LAZY, "sqlalchemy", "yaml"}, sorted(loaded & {*LAZY, "sqlalchemy", "yaml"})
    assert "reviewapp.exports" not in result["modules"]

"""Benchmark: cold start of the GUI against a bare QApplication + QMainWindow start, in the same run.

    .venv/bin/python benchmarks/bench_startup.py --db /tmp/caselist/cases-1m.sqlite3 [--runs 5]

Each start is a new process (`main.py --db … --user …`, the real start path), timed from just before the
process is spawned:
- **taking input**: the first window (the login dialog) has painted and the event loop is idle;
- **first rows painted**: the login is submitted the moment the dialog takes input (so the time includes
  opening the database, checking the password's Argon2 hash and building the main window), and the case
  table has painted a page of rows;
- **after login**: a second start where the login is pressed 2 s after the dialog took input (a user typing
  the password), timed from the press to the first page of rows painted;
- **machine time**: that second start's time to the dialog taking input plus its press-to-rows time, i.e. the
  start without the human's typing.
The bare start is a process that imports PySide6, shows an empty QMainWindow and measures the same way.
Starts alternate (bare, app, bare, app …) so both see the same machine; medians and ratios are printed.
The database needs the benchmark administrator (benchmarks/case_db.py makes one). The starts use settings of
their own (XDG_CONFIG_HOME in a temporary folder): a window state saved on this machine (a list sorted by some
column) would change what is measured; ``--saved-sort COLUMN`` starts with the list sorted by that column instead.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

BARE = r"""
import sys, time, json
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 800)
class F(QObject):
    done = False
    def eventFilter(self, o, e):
        if e.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, lambda: (print(json.dumps({"input": time.time(), "input_cpu": time.process_time()}),
                                                flush=True), app.quit()))
        return False
f = F(); w.installEventFilter(f); w.show()
app.exec()
"""

# Runs the app's own entry point with two observers: the first paint of the login dialog (then the login is
# submitted), and the case table's first paint with rows.
APP = r"""
import sys, time, json, os
sys.path.insert(0, os.environ["BENCH_ROOT"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog
marks = {}
class Watch(QObject):
    def eventFilter(self, o, e):
        if e.type() != QEvent.Type.Paint:
            return False
        if "input" not in marks and isinstance(o, QDialog) and o.isVisible():
            marks["input"] = None
            def ready(d=o):
                marks["input"] = time.time()
                marks["input_cpu"] = time.process_time()
                d.password.setText(os.environ["BENCH_PASSWORD"])
                if os.environ.get("BENCH_TYPING") == "1":  # the user types for 2 s (and the database is open)
                    def when_open():
                        if d.wb is None or time.time() < marks["input"] + 2.0:
                            QTimer.singleShot(20, when_open)
                            return
                        marks["submit"] = time.time()
                        d.submit()
                    when_open()
                else:
                    marks["submit"] = time.time()
                    d.submit()
            QTimer.singleShot(0, ready)
        elif "rows" not in marks and o.objectName() == "qt_scrollarea_viewport":
            table = o.parent()
            if table.objectName() == "caseTable" and table.model().rowCount() > 0:
                marks["rows"] = None
                def painted():
                    marks["rows"] = time.time()
                    marks["rows_cpu"] = time.process_time()
                    marks["count"] = table.model().rowCount()
                    print(json.dumps(marks), flush=True)
                    os._exit(0)
                QTimer.singleShot(0, painted)
        return False
import ui.app as app_module
real = app_module.create_application
def create(*a, **k):
    app = real(*a, **k)
    w = Watch(app); app.installEventFilter(w); app._bench_watch = w
    return app
app_module.create_application = create
import main
sys.exit(main.main(["--db", os.environ["BENCH_DB"], "--user", os.environ["BENCH_LOGIN"]]))
"""


def run(code: str, env: dict[str, str]) -> dict[str, float]:
    start = time.time()
    out = subprocess.run([PY, "-c", code], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise SystemExit(f"no measurement: {out.stdout[-2000:]} {out.stderr[-3000:]}")
    marks = json.loads(lines[-1])
    return {k: (v - start) if k in ("input", "submit", "rows") else v for k, v in marks.items()}


SAVE_SORT = r"""
import os, sys
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication([])
QCoreApplication.setOrganizationName("ReviewWorkbench"); QCoreApplication.setApplicationName("ReviewWorkbench")
table = QTableView(); table.setModel(QStandardItemModel(0, 13))
table.horizontalHeader().setSortIndicatorShown(True)
table.horizontalHeader().setSortIndicator(int(sys.argv[1]), Qt.SortOrder.DescendingOrder)
QSettings().setValue("main/header", table.horizontalHeader().saveState())
"""


def save_sorted_state(env: dict[str, str], column: int) -> None:
    """A window state as the app saves it, with the list sorted by ``column`` (descending)."""
    subprocess.run([PY, "-c", SAVE_SORT, str(column)], env=env, check=True, timeout=60, capture_output=True)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--saved-sort", type=int, default=None, help="a saved window state sorting the list by COLUMN")
    args = p.parse_args()
    import tempfile

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_common import ADMIN_LOGIN, PASSWORD

    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), BENCH_ROOT=str(ROOT))
    env.update(BENCH_DB=args.db, BENCH_LOGIN=ADMIN_LOGIN, BENCH_PASSWORD=PASSWORD)
    env["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-startup-")
    if args.saved_sort is not None:
        save_sorted_state(env, args.saved_sort)
    run(APP, env)  # warm the file cache and the parsed-resource cache once, as any second start finds them
    bare, app_input, app_rows, after_login, machine = [], [], [], [], []
    bare_cpu, rows_cpu = [], []  # the process's CPU seconds (all threads) at the same marks
    count = 0
    typing = dict(env, BENCH_TYPING="1")
    for _ in range(args.runs):
        bare_marks = run(BARE, env)
        bare.append(bare_marks["input"])
        bare_cpu.append(bare_marks["input_cpu"])
        marks = run(APP, env)
        rows_cpu.append(marks["rows_cpu"])
        app_input.append(marks["input"])
        app_rows.append(marks["rows"])
        count = int(marks["count"])
        typed = run(APP, typing)
        after_login.append(typed["rows"] - typed["submit"])
        machine.append(typed["input"] + typed["rows"] - typed["submit"])
    b, i, r = (statistics.median(x) for x in (bare, app_input, app_rows))
    a, m = statistics.median(after_login), statistics.median(machine)
    print(f"bare QApplication + QMainWindow taking input: {b * 1000:.0f} ms median of {args.runs}")
    print(f"app: login window taking input {i * 1000:.0f} ms = {i / b:.2f}x the bare start (goal <= 2x)")
    print(
        f"app: first page of rows painted {r * 1000:.0f} ms = {r / b:.2f}x the bare start (goal <= 5x), "
        f"{count} rows in the list when first painted"
    )
    print(
        f"app: login pressed 2 s after the dialog took input (the user typed) -> first page of rows painted "
        f"{a * 1000:.0f} ms = {a / b:.2f}x the bare start"
    )
    print(
        f"app: machine time (taking input + login pressed -> first page painted, without the typing) "
        f"{m * 1000:.0f} ms = {m / b:.2f}x the bare start"
    )
    bc, rc = statistics.median(bare_cpu), statistics.median(rows_cpu)
    print(
        f"CPU time (all threads, from the interpreter's start): bare {bc * 1000:.0f} ms; app to the first page of rows "
        f"{rc * 1000:.0f} ms = {rc / bc:.2f}x"
    )
    print(f"machine load average (1/5/15 min, 2 cores): {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(
        "runs (bare / input / rows / after login / machine, ms): "
        + "; ".join(
            "/".join(f"{v * 1000:.0f}" for v in run)
            for run in zip(bare, app_input, app_rows, after_login, machine, strict=True)
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

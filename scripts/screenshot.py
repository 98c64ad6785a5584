"""Render the main window over a database and save a PNG (for the README and for looking at the UI).

python scripts/screenshot.py --db PATH --out docs/screenshots/main_window.png [--search TEXT] [--lang en]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", required=True)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--search", default="")
    p.add_argument("--lang", default="zh_CN")
    p.add_argument("--user", default="reviewer1", help="login; the password from REVIEWAPP_PASSWORD or the demo one")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QSettings

    from reviewapp.demo.accounts import DEMO_PASSWORD
    from reviewapp.services.accounts.users import log_in
    from reviewapp.services.workbench import Workbench
    from ui.app import create_application
    from ui.main_window import MainWindow

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], args.lang)
    QSettings().clear()
    wb = Workbench.open(args.db)
    log_in(wb, args.user, os.environ.get("REVIEWAPP_PASSWORD", DEMO_PASSWORD))
    window = MainWindow(wb)
    window.resize(1440, 860)
    window.show()
    if args.search:
        window.filters.search.setText(args.search)
    window.table.selectRow(0)
    for _ in range(5):
        app.processEvents()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(args.out))
    window.close()
    wb.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

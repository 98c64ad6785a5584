"""Make the column-mapping screenshot of the README (offscreen Qt; nothing on the user's settings).

    .venv/bin/python scripts/screenshots_mapping.py [--work DIR]

Writes docs/screenshots/mapping_dialog.png: the mapping dialog over the tests' export in a second system's
layout (tests/core/other_system_export.py), with the guesses as proposed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--work", type=Path, default=ROOT / "benchmarks" / "_work" / "screenshots_mapping")
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("REVIEWAPP_DATA_DIR", str(args.work / "data"))
    args.work.mkdir(parents=True, exist_ok=True)
    OUT.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QCoreApplication, QSettings

    from reviewapp.services.cases.profiles import mapping_needed
    from reviewapp.services.workbench import Workbench
    from tests.accounts_fixtures import sign_in
    from tests.core.other_system_export import write_other_system_export
    from ui.app import create_application
    from ui.mapping_dialog import MappingDialog

    QCoreApplication.setOrganizationName("ReviewWorkbenchScreenshots")
    app = create_application([], "zh_CN")
    QSettings().clear()
    db = args.work / "mapping.sqlite3"
    if db.exists():
        db.unlink()
    wb = Workbench.open(db)
    sign_in(wb, "截图用户")
    export = write_other_system_export(args.work / "省院新系统导出.xlsx")
    need = mapping_needed(wb, export.path)
    assert need is not None
    dialog = MappingDialog(wb, need)
    dialog.name.setText("省院新系统")
    dialog.resize(1100, 720)
    dialog.show()
    app.processEvents()
    target = OUT / "mapping_dialog.png"
    dialog.grab().save(str(target))
    dialog.close()
    wb.close()
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

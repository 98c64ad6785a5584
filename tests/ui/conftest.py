"""GUI test fixtures: one QApplication set up like the real one (zh_CN, CJK font), settings in a temp folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool

from reviewapp.context import Actor
from reviewapp.services.workbench import Workbench


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    return ["reviewapp-tests"]


@pytest.fixture(scope="session", autouse=True)
def _app_setup(qapp, tmp_path_factory: pytest.TempPathFactory) -> None:  # type: ignore[no-untyped-def]
    from ui.fonts import ensure_cjk_font
    from ui.i18n import install_translators

    QCoreApplication.setOrganizationName("ReviewWorkbenchTests")
    QCoreApplication.setApplicationName("ReviewWorkbenchTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings")))
    install_translators(qapp, "zh_CN")
    ensure_cjk_font(qapp)


@pytest.fixture(autouse=True)
def _clean_settings() -> Iterator[None]:
    QSettings().clear()
    yield
    QSettings().clear()


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    bench = Workbench.open(tmp_path / "ui.sqlite3", Actor("界面测试员"))
    yield bench
    # Wait for workers before the database goes: no job may signal into a dead widget or closed engine.
    QThreadPool.globalInstance().waitForDone(30000)
    bench.close()

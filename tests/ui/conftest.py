"""GUI test fixtures: one QApplication set up like the real one (zh_CN, CJK font), settings in a temp folder."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool

from reviewapp.services.workbench import Workbench
from tests.accounts_fixtures import sign_in
from tests.db_target import database_at


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


@pytest.fixture(autouse=True)
def _no_message_box_left() -> Iterator[None]:
    """A message box a test left open is closed after it, so no later test on the same process finds it among
    the open boxes (tests assert that no bug apology showed)."""
    from ui import errors

    yield
    for box in list(errors._open_boxes):
        with contextlib.suppress(RuntimeError):  # its window is gone, and the box with it
            box.close()
    errors._open_boxes.clear()


def close_bench(bench: Workbench) -> None:
    """Wait for workers and queued writes before the database goes: no job may signal into a dead widget
    or a closed engine."""
    from ui.hub import release_hub
    from ui.ops import release_ops

    QThreadPool.globalInstance().waitForDone(30000)
    release_ops(bench)
    release_hub(bench)
    bench.close()


@pytest.fixture
def wb(tmp_path: Path) -> Iterator[Workbench]:
    """A database with a logged-in user holding every working role (tests that need a particular reviewer
    sign in as that person)."""
    bench = Workbench.open(database_at(tmp_path, "ui.sqlite3"))
    sign_in(bench, "界面测试员")
    yield bench
    close_bench(bench)


@pytest.fixture
def empty_wb(tmp_path: Path) -> Iterator[Workbench]:
    """A database without accounts (first run)."""
    bench = Workbench.open(database_at(tmp_path, "first.sqlite3"))
    yield bench
    close_bench(bench)

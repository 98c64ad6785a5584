"""Test configuration shared by every test: headless Qt, isolated data and settings folders."""

from __future__ import annotations

import os
import sys
import tempfile

# Headless Qt for every test, set before any Qt import (guide: tests set the platform themselves).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Crash logs and default databases of code under test go to a throwaway folder, never the user's.
os.environ["REVIEWAPP_DATA_DIR"] = tempfile.mkdtemp(prefix="reviewapp-tests-")
os.environ.pop("REVIEWAPP_DB", None)

# Argon2 at its production cost takes ~0.4 s a hash; tests log in hundreds of times. A cheap Argon2id still
# stores real "$argon2id$" hashes (a test reads one back), only with test-sized cost parameters.
from argon2 import PasswordHasher

from reviewapp.services.accounts import passwords

passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


# Reviews need an assignment of an open plan by default (setting reviews.assignment_required). Most tests are
# about scoring itself and start reviews directly, as an office that also reviews ad hoc does; they run with the
# setting's default off. Tests of the rule itself, and every test module marked ``assignment_required``, keep it.
import dataclasses  # noqa: E402
from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from reviewapp.services.results import setting_specs  # noqa: E402
from reviewapp.standards import Standard, load_shipped_standards  # noqa: E402


@pytest.fixture(autouse=True)
def _ad_hoc_reviews_unless_marked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("assignment_required") is None:
        key = setting_specs.ASSIGNMENT_REQUIRED
        relaxed = dataclasses.replace(setting_specs.SETTINGS[key], default=False)
        monkeypatch.setitem(setting_specs.SETTINGS, key, relaxed)


# --- the database target (tests/db_target.py): SQLite files, or a PostgreSQL server named by REVIEWAPP_TEST_DB
from tests import db_target  # noqa: E402


def pytest_report_header(config: pytest.Config) -> str:
    return f"database backend: {db_target.BACKEND}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        sqlite_only = item.get_closest_marker("sqlite_only")
        if db_target.ON_POSTGRES and sqlite_only is not None:
            reason = sqlite_only.args[0] if sqlite_only.args else "about SQLite itself"
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))
        if not db_target.ON_POSTGRES and item.get_closest_marker("postgresql_only") is not None:
            item.add_marker(pytest.mark.skip(reason=f"PostgreSQL only: set {db_target.TEST_DB_ENV}"))


@pytest.fixture(autouse=True)
def _drop_test_databases() -> Iterator[None]:
    """On PostgreSQL, drop every database this test made (module-wide fixtures' ones live to the session's end)."""
    mark = len(db_target.created)
    yield
    if db_target.ON_POSTGRES and len(db_target.created) > mark:
        _deliver_queued_qt_events()
        db_target.drop(db_target.created[mark:])
        del db_target.created[mark:]


def _deliver_queued_qt_events() -> None:
    """A GUI test's finished background job may still have its result queued (pytest-qt delivers it after the
    fixtures are gone); deliver it while its database still exists. No Qt import in a core-only run."""
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QThreadPool

    if QCoreApplication.instance() is not None:
        QThreadPool.globalInstance().waitForDone(30000)
        QCoreApplication.processEvents()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    db_target.finish_session()


@pytest.fixture(autouse=True)
def _unfreeze_the_collector() -> Iterator[None]:
    """A GUI start freezes its objects out of the collector's reach (reviewapp.collector), once per process; in
    the test process that would keep every later test's leftovers of that moment. Each test ends unfrozen."""
    yield
    import gc

    from reviewapp import collector

    if gc.get_freeze_count():
        gc.unfreeze()
    collector._frozen = False


@pytest.fixture(scope="module")
def criminal() -> Standard:
    """The shipped standard for criminal cases (XS-PCZ)."""
    return next(s for s in load_shipped_standards() if s.code == "XS-PCZ")

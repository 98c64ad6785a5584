"""The import in a process of its own: the same service, result and errors as an import here, while this
process keeps none of its memory; progress, cancel and the change record cross the process boundary."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import pytest

from reviewapp.errors import KnownError, NotPermitted
from reviewapp.intake.errors import FileProblem, IntakeCancelled, IntakeFileError
from reviewapp.services.accounts.current import ANONYMOUS
from reviewapp.services.cases import import_apart
from reviewapp.services.cases.import_apart import ImportProcessFailed, _failure, import_cases_apart
from reviewapp.services.changes import ChangeRecord, Kind
from reviewapp.services.workbench import Workbench
from tests.core.intake_fixtures import case_row, write_broken_files, write_simple_xlsx
from tests.core.services_fixtures import open_workbench, table_counts


@pytest.fixture
def wb(tmp_path: Path) -> Any:
    bench = open_workbench(tmp_path)
    yield bench
    bench.close()


@pytest.fixture
def only_in_the_child(monkeypatch: pytest.MonkeyPatch) -> None:
    """The import service, broken in this process: a test passing with it ran the import in the child."""

    def here(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("imported in the parent process")

    monkeypatch.setattr(import_apart, "import_cases", here)


def test_the_child_stores_the_cases_and_this_process_hears_progress_and_changes(
    wb: Workbench, tmp_path: Path, only_in_the_child: None
) -> None:
    export = write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(n) for n in range(1, 31)])
    heard: list[ChangeRecord] = []
    wb.subscribe(heard.append)
    steps: list[tuple[int, int]] = []
    generation = wb.generation

    summary = import_cases_apart(wb, export, progress=lambda done, total: steps.append((done, total)))

    assert summary.imported == 30
    assert {r.column for r in summary.rejects} == {"电子卷宗"}  # the fixture's dossier files are not there
    assert table_counts(wb)["cases"] == 30
    assert [r.action for r in heard] == ["cases.import"]
    assert len(heard[0].ids(Kind.CASE)) == 30
    assert wb.last_changes is heard[0] and wb.generation == generation + 1
    assert steps and steps[-1][0] == steps[-1][1]  # the bar reached its end


def test_an_unreadable_file_comes_back_as_the_same_error(
    wb: Workbench, tmp_path: Path, only_in_the_child: None
) -> None:
    damaged = write_broken_files(tmp_path)["damaged"]
    with pytest.raises(IntakeFileError) as caught:
        import_cases_apart(wb, damaged)
    assert caught.value.problem is FileProblem.DAMAGED
    assert damaged.name in str(caught.value)
    assert table_counts(wb)["cases"] == 0


def test_cancel_stops_the_child_and_nothing_is_stored(wb: Workbench, tmp_path: Path, only_in_the_child: None) -> None:
    export = write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(n) for n in range(1, 2001)])
    with pytest.raises(IntakeCancelled):
        import_cases_apart(wb, export, cancel=lambda: True)
    assert table_counts(wb)["cases"] == 0


def test_a_user_without_the_right_is_refused_before_any_process_starts(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(1)])
    from reviewapp.intake import guard

    monkeypatch.setattr(guard, "_mp_context", lambda: pytest.fail("a process was started"))
    wb.user = ANONYMOUS
    with pytest.raises(NotPermitted):
        import_cases_apart(wb, export)
    assert table_counts(wb)["cases"] == 0


def test_a_bug_in_the_child_reaches_this_process_with_its_traceback(wb: Workbench, tmp_path: Path) -> None:
    export = write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(1)])
    with pytest.raises(ImportProcessFailed) as caught:
        import_cases_apart(wb, export, profile="not an import profile")  # the child's service trips on it
    assert "Traceback" in str(caught.value)  # the child's traceback, for the crash log
    assert table_counts(wb)["cases"] == 0


def test_the_child_imports_in_this_process_s_present_environment(
    wb: Workbench, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewapp.intake.guard import TIMEOUT_ENV

    export = write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(1)])
    import_cases_apart(wb, export)  # the forkserver is running, with the environment of its start
    monkeypatch.setenv(TIMEOUT_ENV, "0.000001")  # the read's time limit, set in this process afterwards
    with pytest.raises(IntakeFileError) as caught:
        import_cases_apart(wb, write_simple_xlsx(tmp_path / "more.xlsx", [case_row(2)]))
    assert caught.value.problem is FileProblem.TIMED_OUT  # the child obeyed this process's present limit
    assert table_counts(wb)["cases"] == 1


def test_a_child_that_dies_is_a_failure_here_and_stores_nothing(wb: Workbench, tmp_path: Path) -> None:
    import multiprocessing
    import os
    import signal

    export = write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(n) for n in range(1, 2001)])

    def kill_the_child(_done: int, _total: int) -> None:
        for child in multiprocessing.active_children():
            if child.name == "case-import" and child.pid:
                os.kill(child.pid, signal.SIGKILL)

    with pytest.raises(ImportProcessFailed, match="without an answer"):
        import_cases_apart(wb, export, progress=kill_the_child)
    assert table_counts(wb)["cases"] == 0


class _Unpicklable(KnownError):
    def __init__(self, what: str, extra: int) -> None:
        super().__init__(f"{what} ({extra})")


def test_a_known_error_crosses_as_itself_or_at_least_as_its_message() -> None:
    error = IntakeFileError(Path("/x/案件.xlsx"), FileProblem.EMPTY)
    kind, sent = _failure(error)
    assert kind == "error" and sent is error
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.problem, str(copy)) == (FileProblem.EMPTY, str(error))

    kind, sent = _failure(_Unpicklable("没有权限", 3))
    assert kind == "error" and type(sent) is KnownError and str(sent) == "没有权限 (3)"

    try:
        raise ValueError("a bug")
    except ValueError as exc:
        kind, sent = _failure(exc)
    assert kind == "bug" and "ValueError: a bug" in sent and "Traceback" in sent


def test_an_in_memory_database_is_imported_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.core.services_fixtures import sign_in

    bench = Workbench.open("sqlite://")
    sign_in(bench, "测试评查员")
    called: list[Path] = []
    monkeypatch.setattr(import_apart, "import_cases", lambda _wb, path, **_kw: called.append(path))
    export = write_simple_xlsx(tmp_path / "cases.xlsx", [case_row(1)])
    import_cases_apart(bench, export)
    assert called == [export]
    bench.close()

"""The reading child's memory limit on Windows (a job object): what can be checked on any platform.

The job's limit structure must have the Windows SDK's layout (the API reads it by offset), and a child that
died at the job's limit must reach the user as the plain "needs too much memory" message.
"""

from __future__ import annotations

import ctypes
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from reviewapp.intake import guard, winjob
from reviewapp.intake.errors import FileProblem, IntakeFileError
from reviewapp.intake.parse import read_export
from tests.core.intake_fixtures import (
    case_row,
    english_ui,  # noqa: F401
    write_simple_xlsx,
)

SIXTY_FOUR_BIT = ctypes.sizeof(ctypes.c_void_p) == 8


@pytest.mark.skipif(not SIXTY_FOUR_BIT, reason="the 64-bit Windows layout")
def test_the_limit_structures_have_the_64_bit_windows_layout() -> None:
    basic, extended = winjob.JOBOBJECT_BASIC_LIMIT_INFORMATION, winjob.JOBOBJECT_EXTENDED_LIMIT_INFORMATION
    assert ctypes.sizeof(basic) == 64 and ctypes.sizeof(winjob.IO_COUNTERS) == 48
    assert ctypes.sizeof(extended) == 144
    offsets = {name: getattr(basic, name).offset for name, _ in basic._fields_}
    assert offsets["LimitFlags"] == 16 and offsets["MinimumWorkingSetSize"] == 24
    assert offsets["Affinity"] == 48 and offsets["SchedulingClass"] == 60
    assert extended.IoInfo.offset == 64 and extended.ProcessMemoryLimit.offset == 112
    assert extended.PeakProcessMemoryUsed.offset == 128


def test_the_limit_information_limits_process_memory_and_kills_the_child_with_the_job() -> None:
    info = winjob.limit_information(1536 << 20)
    flags = info.BasicLimitInformation.LimitFlags
    assert flags == winjob.JOB_OBJECT_LIMIT_PROCESS_MEMORY | winjob.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE == 0x2100
    assert info.ProcessMemoryLimit == 1536 << 20 and info.JobMemoryLimit == 0


def test_off_windows_no_job_is_made() -> None:
    if os.name != "nt":
        assert winjob.MemoryJob.attach(0, 1 << 30) is None
        assert winjob.MemoryJob(0, 1).peak() is None


@pytest.mark.parametrize(
    ("exitcode", "output", "peak", "expected"),
    [
        (0xC0000409, "memory allocation of 8589934592 bytes failed\n", None, True),  # Rust's abort
        (0xC0000017, "", None, True),  # STATUS_NO_MEMORY
        (-0x3FFFFFE9, "", None, True),  # the same status read as a signed number
        (1, "", 1000, True),  # the job saw the child at its limit
        (1, "", 400, False),
        (-9, "", None, False),  # killed, nothing about memory
        (0xC0000005, "", 10, False),  # an access violation is a reader failure, not memory
    ],
)
def test_which_deaths_count_as_out_of_memory(exitcode: int, output: str, peak: int | None, expected: bool) -> None:
    assert winjob.died_of_memory(exitcode, output, peak, 1000) is expected


class _FakeJob:
    def __init__(self, peak: int) -> None:
        self.peak_bytes, self.closed = peak, False

    def peak(self) -> int:
        return self.peak_bytes

    def close(self) -> None:
        self.closed = True


def _kill_at_start(peak_share: float, jobs: list[_FakeJob]) -> Any:
    def limit_child(proc: Any, limit: int) -> _FakeJob:
        os.kill(proc.pid, signal.SIGKILL)  # dies as a job-limited child dies: no message of its own
        jobs.append(_FakeJob(int(limit * peak_share)))
        return jobs[-1]

    return limit_child


@pytest.mark.skipif(os.name == "nt", reason="kills the child with a POSIX signal")
def test_a_child_that_died_at_the_jobs_limit_is_refused_as_too_large(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    jobs: list[_FakeJob] = []
    monkeypatch.setattr(guard, "_limit_child", _kill_at_start(1.0, jobs))
    path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1)])
    with pytest.raises(IntakeFileError) as caught:
        read_export(path)
    assert caught.value.problem is FileProblem.TOO_LARGE
    assert "a.xlsx" in str(caught.value) and "Traceback" not in str(caught.value)
    assert jobs[0].closed  # the job is closed with the read


@pytest.mark.skipif(os.name == "nt", reason="kills the child with a POSIX signal")
def test_a_child_that_died_below_the_limit_is_a_reader_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(guard, "_limit_child", _kill_at_start(0.1, []))
    path = write_simple_xlsx(tmp_path / "a.xlsx", [case_row(1)])
    with pytest.raises(IntakeFileError) as caught:
        read_export(path)
    assert caught.value.problem is FileProblem.READER_FAILED

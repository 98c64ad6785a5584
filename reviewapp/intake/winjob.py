"""The reading child's memory limit on Windows: a Job Object, since Windows has no ``RLIMIT_AS``.

The importing process creates a job whose per-process memory limit (``JOB_OBJECT_LIMIT_PROCESS_MEMORY``:
committed memory) is the same as the address-space limit POSIX children get, and assigns the started
child to it. An allocation past the limit then fails inside the child: Python raises MemoryError (the child
reports it), Rust's allocator prints "memory allocation of … failed" and aborts. Either way the parent
shows the plain "needs too much memory" message (:func:`died_of_memory` decides for a child that died).
The job is closed with ``JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE``, so a child can never outlive its reader.

The child runs its interpreter start-up for a moment before it is assigned (it is spawned first; the file is
read only later); that start-up needs a few tens of MB, far below any limit given here.

Only :class:`MemoryJob` touches the Windows API; the structures and the exit mapping are plain data and are
tested on every platform.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from ctypes import c_int64, c_size_t, c_uint32, c_uint64

log = logging.getLogger(__name__)

JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x0000_0100
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x0000_2000
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9  # JOBOBJECTINFOCLASS.JobObjectExtendedLimitInformation
STATUS_NO_MEMORY = 0xC000_0017  # an exit code of a process that ran out of memory (NTSTATUS)
STATUS_COMMITMENT_LIMIT = 0xC000_012D
_OUT_OF_MEMORY_CODES = {STATUS_NO_MEMORY, STATUS_COMMITMENT_LIMIT}
# A child whose peak committed memory came this close to the limit died of it, whatever it printed.
_NEAR_LIMIT = 0.95


class JOBOBJECT_BASIC_LIMIT_INFORMATION(ctypes.Structure):  # the Windows SDK's name
    _fields_ = [
        ("PerProcessUserTimeLimit", c_int64),  # LARGE_INTEGER
        ("PerJobUserTimeLimit", c_int64),
        ("LimitFlags", c_uint32),  # DWORD
        ("MinimumWorkingSetSize", c_size_t),  # SIZE_T
        ("MaximumWorkingSetSize", c_size_t),
        ("ActiveProcessLimit", c_uint32),
        ("Affinity", c_size_t),  # ULONG_PTR
        ("PriorityClass", c_uint32),
        ("SchedulingClass", c_uint32),
    ]


class IO_COUNTERS(ctypes.Structure):
    _fields_ = [
        (name, c_uint64)
        for name in (
            "ReadOperationCount",
            "WriteOperationCount",
            "OtherOperationCount",
            "ReadTransferCount",
            "WriteTransferCount",
            "OtherTransferCount",
        )
    ]


class JOBOBJECT_EXTENDED_LIMIT_INFORMATION(ctypes.Structure):
    _fields_ = [
        ("BasicLimitInformation", JOBOBJECT_BASIC_LIMIT_INFORMATION),
        ("IoInfo", IO_COUNTERS),
        ("ProcessMemoryLimit", c_size_t),
        ("JobMemoryLimit", c_size_t),
        ("PeakProcessMemoryUsed", c_size_t),
        ("PeakJobMemoryUsed", c_size_t),
    ]


def limit_information(limit: int) -> JOBOBJECT_EXTENDED_LIMIT_INFORMATION:
    """The job's settings: ``limit`` bytes of committed memory per process, and kill the child on close."""
    info = JOBOBJECT_EXTENDED_LIMIT_INFORMATION()
    info.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_PROCESS_MEMORY | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    info.ProcessMemoryLimit = limit
    return info


def died_of_memory(exitcode: int | None, output: str, peak: int | None, limit: int) -> bool:
    """Whether a reading child that died did so for want of memory: Rust's allocation-failure message, an
    out-of-memory exit status (Windows), or a peak at the job's limit."""
    if "memory allocation of" in output:
        return True
    if exitcode is not None and (exitcode & 0xFFFF_FFFF) in _OUT_OF_MEMORY_CODES:
        return True
    return peak is not None and limit > 0 and peak >= _NEAR_LIMIT * limit


class MemoryJob:
    """A Job Object holding one child under a memory limit (Windows only)."""

    def __init__(self, handle: int, limit: int) -> None:
        self.handle, self.limit = handle, limit

    @classmethod
    def attach(cls, process_handle: int, limit: int) -> MemoryJob | None:
        """Put the process behind ``process_handle`` into a new job limited to ``limit`` bytes; None off
        Windows, or when the system refuses (logged: the time limit still holds)."""
        if sys.platform != "win32":
            return None
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateJobObjectW.restype = wintypes.HANDLE
        kernel32.CreateJobObjectW.argtypes = (ctypes.c_void_p, wintypes.LPCWSTR)
        kernel32.SetInformationJobObject.argtypes = (wintypes.HANDLE, ctypes.c_int, ctypes.c_void_p, wintypes.DWORD)
        kernel32.AssignProcessToJobObject.argtypes = (wintypes.HANDLE, wintypes.HANDLE)
        kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            log.warning("no job object for the reader (error %s)", ctypes.get_last_error())
            return None
        info = limit_information(limit)
        ok = kernel32.SetInformationJobObject(
            job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, ctypes.byref(info), ctypes.sizeof(info)
        ) and kernel32.AssignProcessToJobObject(job, process_handle)
        if not ok:
            log.warning("reader memory limit not set (error %s)", ctypes.get_last_error())
            kernel32.CloseHandle(job)
            return None
        return cls(int(job), limit)

    def peak(self) -> int | None:
        """The most committed memory the child had, in bytes (None when it cannot be asked)."""
        if sys.platform != "win32":
            return None
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        info = JOBOBJECT_EXTENDED_LIMIT_INFORMATION()
        ok = kernel32.QueryInformationJobObject(
            ctypes.c_void_p(self.handle),
            JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS,
            ctypes.byref(info),
            ctypes.sizeof(info),
            None,
        )
        return int(info.PeakProcessMemoryUsed) if ok else None

    def close(self) -> None:
        """Close the job (which kills the child if it is still running)."""
        if sys.platform == "win32" and self.handle:
            ctypes.WinDLL("kernel32", use_last_error=True).CloseHandle(ctypes.c_void_p(self.handle))
        self.handle = 0

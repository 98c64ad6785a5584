"""Two workstations writing at once: pausing one inside its operation, running the other on a thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest

from reviewapp.services.workbench import Workbench
from reviewapp.services.write_path import Op


class Paused:
    """Stops the first workstation's write just before it locks the audit chain's head — having written all
    its rows and holding its review — until ``go()``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, wb: Workbench) -> None:
        self.reached = threading.Event()
        self.released = threading.Event()
        original = Op.chain_head

        def chain_head(op: Op) -> tuple[int, str]:
            if op.wb is wb and not self.released.is_set():
                self.reached.set()
                self.released.wait(20)
            return original(op)

        monkeypatch.setattr(Op, "chain_head", chain_head)

    def go(self) -> None:
        self.released.set()


class Run(threading.Thread):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.result: Any = None
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.result = self.work()
        except BaseException as exc:  # handed to the test
            self.error = exc

    def outcome(self) -> Any:
        self.join(30)
        assert not self.is_alive()
        if self.error is not None:
            raise self.error
        return self.result

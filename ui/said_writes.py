"""A window whose changes go to the write runner one by one and whose message label says what came of each
(the accounts and roster windows): the count of writes on their way, for tests and for closing safely."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel

from reviewapp.services.workbench import Workbench
from ui.ops import is_known, ops_for


class SaidWrites:
    """Send a change to the write runner; ``message`` then says ``done_text``, or why it was not done."""

    def __init__(self, wb: Workbench, owner: QObject, message: QLabel) -> None:
        self.wb = wb
        self.owner = owner
        self.message = message
        self.pending = 0

    def send(self, work: Callable[[], Any], done_text: str) -> None:
        self.pending += 1

        def done(_result: Any) -> None:
            self.pending -= 1
            self.message.setText(done_text)

        def failed(exc: BaseException) -> None:
            self.pending -= 1
            self.message.setText(
                str(exc)
                if is_known(exc)
                else QCoreApplication.translate("SaidWrites", "Not done because of an unexpected error.")
            )

        ops_for(self.wb).run(work, done, failed, owner=self.owner)

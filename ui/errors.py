"""Bugs reach the user as a short apology; the traceback goes to a log file. Known errors are plain messages."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from reviewapp.errors import write_crash_report

_open_boxes: list[QMessageBox] = []


def _show(box: QMessageBox) -> None:
    _open_boxes.append(box)

    def gone(*_: object) -> None:
        if box in _open_boxes:
            _open_boxes.remove(box)

    box.finished.connect(gone)
    box.destroyed.connect(gone)  # closed with its parent window, never finished
    box.open()  # never a blocking exec() inside a handler


def show_error(parent: QWidget | None, message: str) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Errors", "Cannot continue"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    _show(box)
    return box


def report_bug(exc: BaseException, parent: QWidget | None = None) -> QMessageBox:
    path = write_crash_report(exc)
    text = QCoreApplication.translate(
        "Errors",
        "Sorry — something went wrong inside the application. Your saved work is safe.\n\n"
        "Details were written to:\n{path}\n\nPlease send this file to your administrator.",
    ).format(path=path)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Errors", "Unexpected error"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    _show(box)
    return box


def install_excepthook() -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        report_bug(exc, QApplication.activeWindow())

    sys.excepthook = hook

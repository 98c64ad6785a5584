"""Wrapped labels that appear or grow in a shown dialog (an error, a hint loaded later): the dialog takes the
height they need. A dialog keeps the height it was shown with, and its layout would squeeze the fields above
into slivers instead."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def fit_height(window: QWidget) -> None:
    """Give a shown dialog the height its contents need at its width: a dialog keeps the height it was shown
    with, and its layout squeezes the fields into slivers when a wrapped note appears or grows."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    width = window.width()
    needed = window.heightForWidth(width) if window.hasHeightForWidth() else window.sizeHint().height()
    if needed > 0 and needed != window.height():
        window.resize(width, needed)


class FittingLabel(QLabel):
    """A wrapped label whose dialog takes the height it needs when its text or visibility changes."""

    def setText(self, text: str) -> None:
        super().setText(text)
        fit_height(self.window())

    def setVisible(self, visible: bool) -> None:
        super().setVisible(visible)
        fit_height(self.window())

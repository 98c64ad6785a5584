"""Figures as reports print them."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def percent(share: float | None, places: int = 1) -> str:
    """A share (0.0625) as a percentage rounded half up, 四舍五入 (6.3%): the figure a spreadsheet's 0.0%
    format shows for the same cell, so the text report and the workbook of one period agree. "—" for None.
    The share is read from its shortest repr, as the spreadsheet reads 15 digits: 0.145 is 14.5%, not the
    14.4999… of its binary value."""
    if share is None:
        return "—"
    scaled = Decimal(repr(float(share))) * 100
    return f"{scaled.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"


def fixed(value: float, places: int) -> str:
    """A figure with ``places`` decimals rounded half up, 四舍五入 (1.125 → 1.13, where Python's format rounds
    an exact half to even, 1.12), read from its shortest repr as :func:`percent` does."""
    return str(Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))

"""Plain input of the periodic report writers: finished text, chart data and the appendix table.

The service (services/analysis/periodic_text.py) writes every sentence; the PDF and DOCX writers only lay it
out, so both say the same.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chart:
    """A bar chart: one bar group per category, one bar per series (stacked when ``stacked``)."""

    caption: str  # "图1 各单位评查案件等次分布"
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float, ...]], ...]  # (name, one value per category)
    stacked: bool = False
    value_suffix: str = ""  # "%" for shares


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: 一、 黑体; 2: （一） 楷体


@dataclass(frozen=True)
class Paragraph:
    text: str


Item = Heading | Paragraph | Chart


@dataclass(frozen=True)
class Table:
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # relative column widths
    empty: str = ""  # printed when there is no row


@dataclass(frozen=True)
class PeriodicDocument:
    procuratorate: str
    title: str
    items: tuple[Item, ...]
    issuer: str
    date_text: str
    appendix: Table | None = None
    subject: str = ""
    note: str = ""  # e.g. the 瑕疵 ↔ 基本合格 mapping, printed before the signature

    def chart_list(self) -> list[Chart]:
        return [it for it in self.items if isinstance(it, Chart)]

"""The three-member panel of tests/core/panel_views_fixtures for the GUI tests, closed like the GUI's own
workbenches (workers and queued writes first)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reviewapp.services.panel.opinion import finalise_opinion
from reviewapp.services.panel.reconcile import reconcile_item
from tests.core.panel_views_fixtures import LEAD, PanelCase, make_panel
from tests.ui.conftest import close_bench


def open_panel(tmp_path: Path) -> Iterator[PanelCase]:
    """The body of each GUI test module's ``panel`` fixture."""
    p = make_panel(tmp_path)
    yield p
    close_bench(p.wb)


def send_to_prosecutor(p: PanelCase) -> None:
    """Reconcile both disagreements and finalise: the opinion (不合格) goes to the handling prosecutor."""
    p.act(LEAD)
    reconcile_item(p.wb, p.opinion_id, "E8", "一般司法错误", "两名评查员认定一般司法错误")
    reconcile_item(p.wb, p.opinion_id, "D5", "司法瑕疵", "起诉书确有缺漏")
    finalise_opinion(p.wb, p.opinion_id)

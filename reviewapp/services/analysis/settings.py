"""The statistics' settings: the 共性 threshold is the one the ledger's problem ranking uses
(``notice.common_threshold``), so the statistics and the ledger call the same problems common."""

from __future__ import annotations

from reviewapp.services.results.settings import load_notice_config
from reviewapp.services.workbench import Workbench


def common_threshold(wb: Workbench) -> int:
    """Cases an item must be found in to be a 共性问题 (setting notice.common_threshold)."""
    return int(load_notice_config(wb).common_threshold)

"""generate_demo: the demo export workbook (演示案件导出.xlsx) and its dossier folder, written atomically."""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewapp.demo.cards import DEFAULT_SEED, DEMO_AS_OF, build_cards
from reviewapp.demo.dossiers import DOSSIER_DIR, write_dossier
from reviewapp.demo.rows import (
    CASE_SHEET,
    DOCUMENT_SHEET,
    SUSPECT_SHEET,
    SheetSpec,
    case_row,
    document_row,
    suspect_row,
    with_extras,
)
from reviewapp.demo.vocabulary import CITY
from reviewapp.demo.workbook import STYLED_LIMIT, SheetContent, write_workbook
from reviewapp.demo.xlsx_stream import SheetRow
from reviewapp.domain.case_card import CaseCard
from reviewapp.i18n import translate

WORKBOOK_NAME = "演示案件导出.xlsx"
Progress = Callable[[int, int], None]


class GenerationCancelled(Exception):
    """The caller's ``cancel`` returned True; nothing of the run is left in the output folder."""


@dataclass(frozen=True)
class DemoOutput:
    workbook: Path
    dossier_dir: Path | None  # None when dossiers=False
    cases: int  # cases written, scenario cards included


class _Steps:
    """Progress in steps (one per case and phase) reported about every 1 %, with the cancel check."""

    def __init__(self, total: int, progress: Progress | None, cancel: Callable[[], bool] | None) -> None:
        self.total, self.done = total, 0
        self.progress, self.cancel = progress, cancel
        self.every = max(1, total // 100)

    def step(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        if self.done // self.every != before // self.every or self.done == self.total:
            if self.cancel is not None and self.cancel():
                raise GenerationCancelled(translate("Demo", "Demo data generation was cancelled."))
            if self.progress is not None:
                self.progress(self.done, self.total)


def _titles(count: int, as_of: date) -> list[str]:
    # Domain data: the case system's own Chinese export header, not UI text.
    return [
        f"{CITY}人民检察院 案件信息导出",
        f"导出时间：{as_of.isoformat()}　共{count}件　（演示数据，非真实案件）",
    ]


def _case_rows(cards: Sequence[CaseCard], sheet: SheetSpec, steps: _Steps) -> Iterator[SheetRow]:
    for card in cards:
        yield case_row(card, sheet)
        steps.step()


def _suspect_rows(cards: Sequence[CaseCard], sheet: SheetSpec) -> Iterator[SheetRow]:
    return (suspect_row(s, sheet) for card in cards for s in card.suspects)


def _document_rows(cards: Sequence[CaseCard]) -> Iterator[SheetRow]:
    return (document_row(d) for card in cards for d in card.documents)


def generate_demo(
    out_dir: Path,
    *,
    cases: int = 300,
    seed: int = DEFAULT_SEED,
    extra_cards: Sequence[CaseCard] = (),
    dossiers: bool = True,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
    as_of: date = DEMO_AS_OF,
) -> DemoOutput:
    """Write ``cases`` clean random cases after the ``extra_cards`` (scenario cards, written first, unchanged
    but for their dossier paths) into ``out_dir/演示案件导出.xlsx``, plus ``out_dir/卷宗/`` when ``dossiers``.

    Files are built in a temporary folder inside ``out_dir`` and moved in at the end, replacing an earlier
    demo's workbook and dossier folder; on cancel or error nothing new is left behind.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    # Deep copies: the caller's scenario cards keep their own (empty) dossier paths.
    scenario = [copy.deepcopy(c) for c in extra_cards]
    phases = 3 if dossiers else 2
    steps = _Steps(phases * (cases + len(scenario)), progress, cancel)
    staging = Path(tempfile.mkdtemp(prefix=".demo-", dir=out_dir))
    try:
        steps.step(len(scenario))
        reserved = {c.dept_case_no for c in scenario}
        cards = scenario + build_cards(cases, seed, as_of=as_of, reserved=reserved, on_card=steps.step)
        if dossiers:
            from reviewapp.exports.fonts import register_fonts  # reportlab only when PDFs are asked for

            fonts = register_fonts()
            for card in cards:
                card.documents = write_dossier(staging, card, fonts)
                card.dossier_paths = [d.path for d in card.documents]
                steps.step()
        # Unknown columns of the scenario cards (e.g. 罪名变更理由) are exported too, as real exports carry them.
        case_sheet = with_extras(CASE_SHEET, cards)
        suspect_sheet = with_extras(SUSPECT_SHEET, (s for card in cards for s in card.suspects))
        sheets = [
            SheetContent(case_sheet, _case_rows(cards, case_sheet, steps), _titles(len(cards), as_of)),
            SheetContent(suspect_sheet, _suspect_rows(cards, suspect_sheet)),
            SheetContent(DOCUMENT_SHEET, _document_rows(cards)),
        ]
        write_workbook(staging / WORKBOOK_NAME, sheets, styled=len(cards) <= STYLED_LIMIT)
        _move_into_place(staging, out_dir, dossiers)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return DemoOutput(out_dir / WORKBOOK_NAME, out_dir / DOSSIER_DIR if dossiers else None, len(cards))


def _move_into_place(staging: Path, out_dir: Path, dossiers: bool) -> None:
    names = [WORKBOOK_NAME, DOSSIER_DIR] if dossiers else [WORKBOOK_NAME]
    for name in names:
        target = out_dir / name
        if target.is_dir():
            # An earlier demo's folder: moved aside first so the swap is a rename, then dropped.
            old = staging / f"old-{name}"
            target.rename(old)
        elif target.exists():
            target.unlink()
        (staging / name).rename(target)

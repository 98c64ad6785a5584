"""generate_demo: the demo export workbook (演示案件导出.xlsx) and its dossier folder, written atomically."""

from __future__ import annotations

import copy
import itertools
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import IO

from reviewapp.demo.cards import ARCHIVED_COLUMN, DEFAULT_SEED, DEMO_AS_OF, build_cards, iter_cards
from reviewapp.demo.dossier_pool import DossierWriters, writer_count
from reviewapp.demo.dossiers import DOSSIER_DIR, dossier_records, heading_font, write_dossier
from reviewapp.demo.rows import (
    CASE_SHEET,
    DOCUMENT_SHEET,
    SUSPECT_SHEET,
    renderer,
    with_extras,
)
from reviewapp.demo.vocabulary import CITY
from reviewapp.demo.workbook import STYLED_LIMIT, SheetContent, write_workbook
from reviewapp.demo.xlsx_stream import StreamingWorkbook
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


def _stepped(cards: Sequence[CaseCard], steps: _Steps) -> Iterator[CaseCard]:
    for card in cards:
        yield card
        steps.step()


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
    writers: int | None = None,
) -> DemoOutput:
    """Write ``cases`` clean random cases after the ``extra_cards`` (scenario cards, written first, unchanged
    but for their dossier paths) into ``out_dir/演示案件导出.xlsx``, plus ``out_dir/卷宗/`` when ``dossiers``.

    Files are built in a temporary folder inside ``out_dir`` and moved in at the end, replacing an earlier
    demo's workbook and dossier folder; on cancel or error nothing new is left behind. ``writers``: processes
    writing the dossier PDFs (None: dossier_pool.writer_count; 0: this process).
    """
    run = DemoRun(out_dir, cases=cases, seed=seed, extra_cards=extra_cards, dossiers=dossiers, as_of=as_of)
    with run.start(progress, cancel, writers):
        return run.finish()


class DemoRun:
    """generate_demo in two steps, so that the caller can work while the dossier PDFs are being written:

    with run.start(progress, cancel):   # cards drawn, PDF writers started, workbook written (staging)
        ...                             # e.g. the demo accounts
        output = run.finish()           # the PDFs written (waits for the writers), files moved in place
    """

    def __init__(
        self,
        out_dir: Path,
        *,
        cases: int,
        seed: int = DEFAULT_SEED,
        extra_cards: Sequence[CaseCard] = (),
        dossiers: bool = True,
        as_of: date = DEMO_AS_OF,
    ) -> None:
        self.out_dir, self.cases, self.seed, self.dossiers, self.as_of = out_dir, cases, seed, dossiers, as_of
        # Deep copies: the caller's scenario cards keep their own (empty) dossier paths.
        self.scenario = [copy.deepcopy(c) for c in extra_cards]
        self.cards: list[CaseCard] = []
        self.staging: Path | None = None
        self.writers: DossierWriters | None = None
        self.streamed: int | None = None  # cases written by the streamed writer (large exports)
        self.steps = _Steps(0, None, None)
        self.cancel: Callable[[], bool] | None = None

    @contextmanager
    def start(
        self, progress: Progress | None, cancel: Callable[[], bool] | None, writers: int | None = None
    ) -> Iterator[DemoRun]:
        """Everything but waiting for the PDF writers; on leaving, writers still running are ended and the
        staging folder is removed (after finish() it holds only an earlier demo's files)."""
        self.cancel = cancel
        phases = 3 if self.dossiers else 2
        self.steps = steps = _Steps(phases * (self.cases + len(self.scenario)), progress, cancel)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.staging = staging = Path(tempfile.mkdtemp(prefix=".demo-", dir=self.out_dir))
        try:
            steps.step(len(self.scenario))
            self._write(staging, writers)
            yield self
        finally:
            if self.writers is not None:
                self.writers.close()
            shutil.rmtree(staging, ignore_errors=True)

    def _write(self, staging: Path, writers: int | None) -> None:
        scenario, steps, as_of = self.scenario, self.steps, self.as_of
        reserved = {c.dept_case_no for c in scenario}
        if not self.dossiers and self.cases + len(scenario) > STYLED_LIMIT:
            # A large export without dossiers never holds its cards: each is written as it is drawn.
            self.streamed = total = len(scenario) + self.cases
            cards_iter = iter_cards(self.cases, self.seed, as_of=as_of, reserved=reserved)
            write_streamed(staging / WORKBOOK_NAME, scenario, cards_iter, _titles(total, as_of), steps)
            return
        self.cards = cards = scenario + build_cards(
            self.cases, self.seed, as_of=as_of, reserved=reserved, on_card=steps.step
        )
        if self.dossiers:
            for card in cards:
                card.documents = dossier_records(card)
                card.dossier_paths = [d.path for d in card.documents]
            count = writer_count(len(cards)) if writers is None else writers
            if count > 0:
                self.writers = DossierWriters(staging, cards, count, heading_font)
        # Unknown columns of the scenario cards (e.g. 罪名变更理由) are exported too, as real exports carry them.
        case_sheet = with_extras(CASE_SHEET, cards)
        suspect_sheet = with_extras(SUSPECT_SHEET, (s for card in cards for s in card.suspects))
        sheets = [
            SheetContent(case_sheet, _stepped(cards, steps), _titles(len(cards), as_of)),
            SheetContent(suspect_sheet, (s for card in cards for s in card.suspects)),
            SheetContent(DOCUMENT_SHEET, (d for card in cards for d in card.documents)),
        ]
        write_workbook(staging / WORKBOOK_NAME, sheets, styled=len(cards) <= STYLED_LIMIT)

    def finish(self) -> DemoOutput:
        """Wait for (or write) the dossier PDFs, with progress and cancel, and move the files into place."""
        assert self.staging is not None, "finish() belongs inside start()"
        staging, steps, writers = self.staging, self.steps, self.writers
        if self.dossiers and writers is not None:
            while not writers.done:
                if self.cancel is not None and self.cancel():
                    raise GenerationCancelled(translate("Demo", "Demo data generation was cancelled."))
                steps.step(writers.collect(0.05))
        elif self.dossiers:
            font = heading_font()
            for card in self.cards:
                write_dossier(staging, card, font)
                steps.step()
        _move_into_place(staging, self.out_dir, self.dossiers)
        if self.streamed is not None:
            return DemoOutput(self.out_dir / WORKBOOK_NAME, None, self.streamed)
        dossier_dir = self.out_dir / DOSSIER_DIR if self.dossiers else None
        return DemoOutput(self.out_dir / WORKBOOK_NAME, dossier_dir, len(self.cards))


def write_streamed(
    path: Path, scenario: Sequence[CaseCard], drawn: Iterator[CaseCard], titles: list[str], steps: _Steps
) -> None:
    """The export of ``scenario`` + ``drawn`` cards, each card written as it comes: its case row into the
    workbook, its suspect and document rows into spool files that become the next two sheets. Random cards
    carry only the 归档日期 extra column and no extra suspect columns (cards.py), so the headers are known
    from the scenario cards before the first row."""
    keys = [dict.fromkeys(card.extra) for card in scenario] + [{ARCHIVED_COLUMN: None}]
    case_sheet = replace(CASE_SHEET, extras=tuple(dict.fromkeys(k for d in keys for k in d)))
    suspect_sheet = with_extras(SUSPECT_SHEET, (s for card in scenario for s in card.suspects))
    render_suspect, render_document = renderer(suspect_sheet), renderer(DOCUMENT_SHEET)
    numbers = [1, 1]  # last row written on the suspects and documents sheets (row 1: the header)
    with tempfile.TemporaryFile() as suspects, tempfile.TemporaryFile() as documents:

        def cards() -> Iterator[CaseCard]:
            spooled: tuple[list[str], list[str]] = ([], [])
            for i, card in enumerate(itertools.chain(scenario, drawn)):
                for suspect in card.suspects:
                    numbers[0] += 1
                    spooled[0].append(render_suspect(suspect, numbers[0]))
                for document in card.documents:
                    numbers[1] += 1
                    spooled[1].append(render_document(document, numbers[1]))
                if len(spooled[0]) >= 2000 or len(spooled[1]) >= 2000:
                    _spool(spooled, suspects, documents)
                steps.step(1 if i < len(scenario) else 2)  # a scenario card's first step was counted before
                yield card
            _spool(spooled, suspects, documents)

        book = StreamingWorkbook(path)
        try:
            book.add_sheet(case_sheet.name, titles, case_sheet.headers, cards(), renderer(case_sheet))
            for spec, spool in ((suspect_sheet, suspects), (DOCUMENT_SHEET, documents)):
                spool.seek(0)
                book.add_raw_sheet(spec.name, spec.headers, _blocks(spool))
        except BaseException:
            book.abort()
            raise
        book.close()


def _blocks(file: IO[bytes]) -> Iterator[bytes]:
    while block := file.read(1 << 20):
        yield block


def _spool(spooled: tuple[list[str], list[str]], *files: IO[bytes]) -> None:
    for rows, file in zip(spooled, files, strict=True):
        file.write("".join(rows).encode("utf-8"))
        rows.clear()


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

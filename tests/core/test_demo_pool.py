"""Demo dossiers written by writer processes: the same files as in process, progress to the end, cancel and
failures handled, and `demo --cases 300` still exactly 300 cases with dossiers."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from reviewapp.demo import GenerationCancelled, build_cards, generate_demo
from reviewapp.demo.dossier_pool import DossierWriters
from reviewapp.demo.dossiers import heading_font


def _pdfs(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.glob("卷宗/*/*.pdf"))}


def test_writer_processes_write_the_same_files_as_this_process(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    pooled = generate_demo(tmp_path / "a", cases=7, seed=3, writers=2, progress=lambda d, t: seen.append((d, t)))
    alone = generate_demo(tmp_path / "b", cases=7, seed=3, writers=0)
    assert pooled.cases == alone.cases == 7
    written = _pdfs(tmp_path / "a")
    assert len(written) >= 14 and written == _pdfs(tmp_path / "b")
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1] == (3 * 7, 3 * 7)


def test_cancel_while_the_writers_write_leaves_nothing_behind(tmp_path: Path) -> None:
    steps: list[int] = []

    def cancel() -> bool:
        return bool(steps) and steps[-1] > 40  # the cards are drawn: the writers have started

    with pytest.raises(GenerationCancelled):
        generate_demo(tmp_path, cases=40, seed=5, writers=2, progress=lambda d, _t: steps.append(d), cancel=cancel)
    time.sleep(0.3)  # a writer that outlived the cancel would go on creating folders
    assert list(tmp_path.iterdir()) == []


def test_a_writer_failure_is_raised_in_the_caller(tmp_path: Path) -> None:
    card = build_cards(1, 4)[0]
    card.dept_case_no = "bad\0number"  # no file system takes this name
    writers = DossierWriters(tmp_path, [card], 1, heading_font)
    try:
        with pytest.raises(ValueError, match="null"):
            for _ in range(600):
                writers.collect(0.05)
                assert not writers.done
    finally:
        writers.close()


def test_demo_cli_writes_300_cases_with_dossiers_and_progress_to_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewapp.cli import cases as cli_cases
    from reviewapp.cli.main import main

    seen: list[tuple[int, int]] = []
    monkeypatch.setattr(cli_cases, "progress_printer", lambda _label: lambda d, t: seen.append((d, t)))
    assert main(["demo", "--cases", "300", "--out", str(tmp_path / "d"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["cases"] == 300
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[-1][0] == seen[-1][1] and len({t for _, t in seen}) == 1
    book = CalamineWorkbook.from_path(str(tmp_path / "d" / "演示案件导出.xlsx"))
    cases = book.get_sheet_by_name("案件").to_python()[3:]
    listed = book.get_sheet_by_name("文书").to_python()[1:]
    assert len(cases) == 300 and {row[0] for row in listed} == {row[0] for row in cases}
    folders = list((tmp_path / "d" / "卷宗").iterdir())
    assert len(folders) == 300 and all(2 <= len(list(f.glob("*.pdf"))) <= 4 for f in folders)
    assert all((tmp_path / "d" / str(path)).is_file() for _no, _title, path in listed)


@pytest.mark.parametrize(
    ("cases", "cores", "load", "expected"),
    [(300, 2, 0.2, 2), (300, 2, 1.0, 0), (300, 2, 6.0, 0), (300, 8, 0.0, 2), (300, 1, 0.0, 0), (20, 2, 0.0, 0)],
)
def test_writers_follow_the_free_cores(
    monkeypatch: pytest.MonkeyPatch, cases: int, cores: int, load: float, expected: int
) -> None:
    import os

    from reviewapp.demo import dossier_pool

    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(cores)), raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert dossier_pool.writer_count(cases) == expected


def test_spliced_streams_are_valid_zlib() -> None:
    import os
    import zlib

    from reviewapp.demo.font_core import deflate, pack

    a, b, c = os.urandom(3000), b"core " * 4000, b"tail" * 10
    pa, pb = pack(a), pack(b)
    for parts, raw in (((a, pb, c), a + b + c), ((pb, c), b + c), ((a, pb), a + b), ((pa, pb), a + b)):
        stream, length = deflate(*parts)
        assert zlib.decompress(stream) == raw and length == len(raw)  # the Adler-32 is checked too


def test_text_outside_the_font_core_extracts_and_the_reportlab_fallback_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader

    from reviewapp.demo import dossiers

    card = build_cards(1, 9)[0]
    card.summary = "鬣狗与麒麟在Ab12路口相遇。"  # characters no core holds, and ASCII
    dossiers.write_document(tmp_path / "fast.pdf", card, "审查报告", heading_font())
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "fast.pdf").pages)
    assert "鬣狗与麒麟在Ab12路口相遇" in text.replace("\n", "")

    def unreadable(*_args: object) -> None:
        raise dossiers.UnsupportedFont("test")

    monkeypatch.setattr(dossiers, "load_font", unreadable)
    dossiers.write_document(tmp_path / "reportlab.pdf", card, "审查报告", heading_font())
    reader = PdfReader(tmp_path / "reportlab.pdf")
    assert reader.metadata is not None and "reportlab" in str(reader.metadata.producer).lower()
    assert card.dept_case_no in reader.pages[0].extract_text()

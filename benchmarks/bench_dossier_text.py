"""Dossier text benchmarks: text-layer extraction (pages/s), offline OCR (s/page), and dossier full-text search
over 1 000 000 pages (median ms; target ≤ 200 ms).

    nice -n 10 .venv/bin/python benchmarks/bench_dossier_text.py [--pages 1000000] [--ocr-pages 4] [--dir /tmp/dossier]

The search database is built by bulk SQL from real demo page texts (each page made unique by a serial
number): the FTS5 triggers are dropped for the load and the index is built in one 'rebuild', as a real import
of that size would not be. Everything is written under --dir and removed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _demo_pages(root: Path, cases: int) -> tuple[list[str], float, int]:
    """Texts of the demo dossiers' pages, and the text-layer extraction rate (pages/s) measured on them."""
    import pypdfium2 as pdfium

    from reviewapp.demo.cards import build_cards
    from reviewapp.demo.dossiers import write_dossier
    from reviewapp.dossier.pages import text_layer
    from reviewapp.exports.fonts import register_fonts

    fonts = register_fonts()
    files = []
    for card in build_cards(cases, 11):
        files += [root / d.path for d in write_dossier(root, card, fonts)]
    texts: list[str] = []
    pages = 0
    started = time.perf_counter()
    for path in files:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            layer = text_layer(page)
            pages += 1
            if layer is not None:
                texts.append(layer.text)
            page.close()
        pdf.close()
    return texts, pages / (time.perf_counter() - started), pages


def _ocr_seconds(root: Path, count: int, threads: int) -> float:
    os.environ["REVIEWAPP_OCR_THREADS"] = str(threads)
    import pypdfium2 as pdfium

    from reviewapp.dossier import ocr

    ocr._engine = None  # a fresh engine with this thread count
    paths = sorted(root.rglob("*.pdf"))[:count]
    ocr.recognise(ocr.render(pdfium.PdfDocument(str(paths[0]))[0]))  # model load and warm-up
    started = time.perf_counter()
    for path in paths:
        pdf = pdfium.PdfDocument(str(path))
        ocr.recognise(ocr.render(pdf[0]))
        pdf.close()
    return (time.perf_counter() - started) / len(paths)


def _build(db: Path, texts: list[str], pages: int) -> float:
    """A migrated database with ``pages`` page rows (100 per document) and their FTS5 index."""
    from reviewapp.storage.database import open_database

    open_database(db).close()
    con = sqlite3.connect(db)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-400000;")
    started = time.perf_counter()
    # A handful of units/people/cases is enough for the joins; the pages are what the search reads.
    con.executescript(
        """
        INSERT INTO units(name, created_at, updated_at) VALUES ('基准市人民检察院', '2025-01-01', '2025-01-01');
        INSERT INTO departments(unit_id, name, created_at, updated_at)
            VALUES (1, '第一检察部', '2025-01-01', '2025-01-01');
        INSERT INTO people(name, unit_id, department_id, is_prosecutor, is_reviewer, created_at, updated_at)
            VALUES ('基准检察官', 1, 1, 1, 0, '2025-01-01', '2025-01-01');
        """
    )
    docs = pages // 100
    cases = max(1, docs // 3)
    con.execute(
        """WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)
           INSERT INTO cases(dept_case_no, name, case_type, unit_id, department_id, prosecutor_id, accepted_on,
                             card_hash, dossier_paths, extra, created_at, updated_at)
           SELECT printf('基准检刑诉受[2025]%06d号', x), printf('基准案%06d', x), '审查起诉', 1, 1, 1,
                  '2025-01-01', '', '[]', '{}', '2025-01-01', '2025-01-01' FROM n""",
        (cases,),
    )
    con.execute(
        """WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?)
           INSERT INTO dossier_documents(case_id, title, extra, original_name, stored_path, sha256, size, added_at)
           SELECT (x - 1) / 3 + 1, '起诉书', '{}', 'x.pdf', 'x.pdf', '', 0, '2025-01-01' FROM n""",
        (docs,),
    )
    con.execute("CREATE TEMP TABLE base(i INTEGER PRIMARY KEY, text TEXT)")
    con.executemany("INSERT INTO base VALUES (?, ?)", enumerate(texts))
    for name in ("insert", "delete", "update"):
        con.execute(f"DROP TRIGGER dossier_pages_fts_{name}")
    con.execute(
        """WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < ? - 1)
           INSERT INTO dossier_pages(document_id, page, method, content_hash, text, boxes, lines, extracted_at)
           SELECT x / 100 + 1, x % 100 + 1, 'text', printf('%064d', x), base.text || '卷宗流水号Q' || x || '。',
                  '[]', '[0]', '2025-01-01'
           FROM n JOIN base ON base.i = x % ?""",
        (pages, len(texts)),
    )
    con.execute("INSERT INTO dossier_pages_fts(dossier_pages_fts) VALUES ('rebuild')")
    con.execute("INSERT INTO dossier_pages_fts(dossier_pages_fts) VALUES ('optimize')")
    con.commit()
    con.close()
    return time.perf_counter() - started


def _search_times(db: Path, queries: list[str], runs: int = 5) -> dict[str, float]:
    from reviewapp.services.dossier.search import search_dossiers
    from reviewapp.services.workbench import Workbench

    wb = Workbench.open(db)
    out = {}
    try:
        for q in queries:
            search_dossiers(wb, q)  # warm the page cache, as a second search in a session would find it
            times = []
            for _ in range(runs):
                t = time.perf_counter()
                hits = search_dossiers(wb, q)
                times.append(1000 * (time.perf_counter() - t))
            out[f"{q} ({len(hits)} hits)"] = statistics.median(times)
    finally:
        wb.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1_000_000)
    parser.add_argument("--ocr-pages", type=int, default=4)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/dossier"))
    args = parser.parse_args()
    root = args.dir / "bench"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    try:
        texts, rate, pages = _demo_pages(root / "pdf", 120)
        print(f"text layer: {pages} pages, {rate:.0f} pages/s")
        for threads in (1, 2):
            per_page = _ocr_seconds(root / "pdf", args.ocr_pages, threads)
            print(f"OCR ({threads} thread{'s' if threads > 1 else ''}): {per_page:.2f} s/page")
        db = root / "search.sqlite3"
        seconds = _build(db, texts, args.pages)
        print(
            f"built {args.pages} pages and their FTS5 trigram index in {seconds:.0f} s, {db.stat().st_size >> 20} MiB"
        )
        rare = f"卷宗流水号Q{args.pages // 2}。"
        # Common phrases fill the limit at once; the serial is on one page only (the index must find it);
        # "鲸鱼" is on no page: a two-character query without a trigram reads every page (the worst case).
        queries = ["犯罪嫌疑人", "交通肇事罪", "价格认定结论书", rare, "流水号Q77777。", "盗窃", "罪", "鲸鱼"]
        times = _search_times(db, queries)
        for q, ms in times.items():
            print(f"search {q}: {ms:.1f} ms")
        indexed = [ms for q, ms in times.items() if len(q.split(" (")[0]) >= 3]
        print(f"median over the indexed queries: {statistics.median(indexed):.1f} ms")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

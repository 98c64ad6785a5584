"""Benchmark: 1 000 rectification notices in one batch through the service (read the reviews, number, record,
render, hash, write temp files, commit, rename) vs the plain writer rendering the same notices to files.

benchmarks/bench_notices.py measures the writer against bare reportlab; this one measures what the app adds
on top of the writer. The baseline gets the finished NoticeData (built outside the timing) and calls
``write_notice_pdf`` once per notice into a folder — no database, no numbering. Goal: service ÷ writer ≤ 1.5.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_notice_batch.py [--count 1000] [--repeat 2]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for tests.core

from bench_common import open_as_admin

from reviewapp.exports import write_notice_pdf
from reviewapp.exports.fonts import register_fonts
from reviewapp.services.results.ledger import load_reviewed_cases
from reviewapp.services.results.notices import build_notice, format_number, group_cases, issue_notices
from reviewapp.services.results.settings import load_notice_config, save_notice_config
from tests.core.review_fixtures import seed_reviewed_cases
from tests.core.services_fixtures import ISSUER

ISSUED = date(2026, 3, 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    fonts = register_fonts()
    best_service = best_writer = float("inf")
    pages_note = ""
    for run in range(args.repeat):
        work = Path(tempfile.mkdtemp(prefix="bench-notice-batch-"))
        try:
            wb = open_as_admin(work / "bench.sqlite3")
            save_notice_config(wb, ISSUER)  # issuing is refused while the issuer is a placeholder
            ids = seed_reviewed_cases(wb, args.count)
            cfg = load_notice_config(wb)
            with wb.db.session() as s:  # the same notices, built before the timing
                reviewed = load_reviewed_cases(s, ids, cfg)
            groups = group_cases([reviewed[i] for i in ids], "case")
            notices = [
                build_notice(cases, addressee, format_number(cfg.issuer_code, ISSUED.year, k), ISSUED, cfg)
                for k, (addressee, cases) in enumerate(groups, start=1)
            ]
            plain = work / "writer"
            plain.mkdir()
            t = time.perf_counter()
            for k, data in enumerate(notices, start=1):
                write_notice_pdf(data, plain / f"{k}.pdf", fonts)
            best_writer = min(best_writer, time.perf_counter() - t)
            t = time.perf_counter()
            issued = issue_notices(wb, ids, out_dir=work / "service", issued_on=ISSUED, fonts=fonts)
            best_service = min(best_service, time.perf_counter() - t)
            assert len(issued) == args.count
            size = sum(p.stat().st_size for p in (work / "service").iterdir())
            pages_note = f"{len(issued)} files, {size / 1e6:.1f} MB"
            wb.close()
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"run {run + 1}: done")
    print(f"fonts: body={fonts.sources['body'].describe()}")
    print(f"{args.count} notices in one batch ({pages_note})")
    print(f"service (number+record+render): {best_service:7.2f} s")
    print(f"plain writer, same notices    : {best_writer:7.2f} s")
    print(f"ratio                         : {best_service / best_writer:7.2f}  (goal <= 1.5)")


if __name__ == "__main__":
    main()

"""Time the demo generator (goals: 100 000 cases without dossiers well under a minute; 300 cases with
dossiers well under 30 s).

    .venv/bin/python benchmarks/bench_demo.py [--cases 100000] [--dossier-cases 300]

Prints wall and CPU seconds per phase; on a busy machine the CPU time is the fairer number.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from reviewapp.demo import build_cards, generate_demo


def _timed(label: str, run: object) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run() if callable(run) else None
    print(f"{label:<40} wall {time.perf_counter() - wall:6.1f} s   cpu {time.process_time() - cpu:6.1f} s   {result}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--dossier-cases", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        _timed(f"build_cards({args.cases})", lambda: len(build_cards(args.cases)))
        _timed(
            f"generate_demo({args.cases}, dossiers=False)",
            lambda: generate_demo(root / "big", cases=args.cases, dossiers=False).cases,
        )
        _timed(
            f"generate_demo({args.dossier_cases}, dossiers=True)",
            lambda: generate_demo(root / "small", cases=args.dossier_cases).cases,
        )


if __name__ == "__main__":
    main()

"""Fill unfinished zh_CN entries from a JSON or Python-literal mapping {source: translation}.

    python scripts/fill_translations.py MAPPING_FILE [MODULE_PREFIX ...]

A translator's helper: entries already finished are left alone; only modules whose name starts with one of the
prefixes are touched (default: all).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from i18n import _read_existing, extract, write_ts  # noqa: E402


def main(argv: list[str]) -> int:
    mapping: dict[str, str] = ast.literal_eval(Path(argv[1]).read_text(encoding="utf-8"))
    prefixes = tuple(argv[2:]) or ("",)
    folder = ROOT / "resources" / "translations" / "zh_CN"
    filled = 0
    for mod, entries in extract().items():
        if not mod.startswith(prefixes):
            continue
        path = folder / f"{mod}.ts"
        existing = _read_existing(path)
        for key in entries:
            _text, finished = existing.get(key, ("", False))
            if not finished and key[1] in mapping:
                existing[key] = (mapping[key[1]], True)
                filled += 1
        write_ts(path, "zh_CN", entries, existing)
    print(f"filled {filled}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

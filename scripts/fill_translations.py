"""Fill unfinished zh_CN entries from a JSON or Python-literal mapping {source: translation}.

    python scripts/fill_translations.py MAPPING_FILE [MODULE_PREFIX ...]

A count message ("%n case(s)") takes a list of forms; with REVIEWAPP_FILL_LANGUAGE=en the English plural forms
(["%n case", "%n cases"]) are filled instead.

A translator's helper: entries already finished are left alone; only modules whose name starts with one of the
prefixes are touched (default: all).
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from i18n import NUMERUS, _read_existing, _wanted, extract, write_ts  # noqa: E402


def main(argv: list[str]) -> int:
    mapping: dict[str, str] = ast.literal_eval(Path(argv[1]).read_text(encoding="utf-8"))
    prefixes = tuple(argv[2:]) or ("",)
    language = os.environ.get("REVIEWAPP_FILL_LANGUAGE", "zh_CN")
    folder = ROOT / "resources" / "translations" / language
    filled = 0
    for mod, entries in _wanted(language, extract()).items():
        if not mod.startswith(prefixes):
            continue
        path = folder / f"{mod}.ts"
        existing = _read_existing(path)
        for ctx, marked in entries:
            key = (ctx, marked.removesuffix(NUMERUS))
            _forms, finished = existing.get(key, ([""], False))
            if not finished and key[1] in mapping:
                value = mapping[key[1]]
                existing[key] = (list(value) if isinstance(value, list | tuple) else [value], True)
                filled += 1
        write_ts(path, language, entries, existing)
    print(f"filled {filled}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

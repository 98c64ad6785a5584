"""The shipped table of common charges and their defining Criminal Law articles (resources/dossier)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

TABLE_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "dossier" / "charge_articles.yaml"


@cache
def charge_articles() -> dict[str, tuple[str, ...]]:
    """charge name → its defining articles ("264", "133-1" for 第一百三十三条之一)."""
    data = yaml.safe_load(TABLE_FILE.read_text(encoding="utf-8")) or {}
    return {str(k): tuple(str(a) for a in v) for k, v in (data.get("charges") or {}).items()}


@cache
def known_charges() -> tuple[str, ...]:
    """Charge names, longest first (so "走私、贩卖、运输、制造毒品罪" is read whole, not as "制造毒品罪")."""
    return tuple(sorted(charge_articles(), key=len, reverse=True))


def article_text(article: str) -> str:
    """'264' → '第264条', '133-1' → '第133条之一' (the form the explanation quotes)."""
    number, _, sub = article.partition("-")
    suffix = f"之{'一二三四五六七八九'[int(sub) - 1]}" if sub else ""
    return f"第{number}条{suffix}"

"""Spans of official-document text that never break across lines, in the PDF and the Word documents alike.

A document number (文号 京朝检案管整改〔2026〕7号), a case number (京朝检刑诉受〔2026〕123号) or a date
(2026年3月5日) split over two lines is misread and cannot be searched for on paper (GB/T 9704 §7.2.4
prints the 文号 on one line); numbers are kept whole by the Latin-word rule of linebreak.py already.
"""

from __future__ import annotations

import re

# The issuer's code before the year bracket is at most a dozen characters (机关代字); it stops at punctuation.
_CODE = r"[\u4e00-\u9fff×A-Za-z0-9]{0,12}"
_YEAR = r"[〔\[［(（]\d{4}[〕\]］)）]"
DOCUMENT_NUMBER = _CODE + _YEAR + r"\d+号"
DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
KEEP_WHOLE = re.compile(f"{DOCUMENT_NUMBER}|{DATE}")


def spans(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, keep_whole) in order; the pieces join back to ``text``."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for found in KEEP_WHOLE.finditer(text):
        if found.start() > pos:
            out.append((text[pos : found.start()], False))
        out.append((found.group(), True))
        pos = found.end()
    if pos < len(text) or not out:
        out.append((text[pos:], False))
    return out

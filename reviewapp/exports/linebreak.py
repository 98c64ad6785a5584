"""CJK line breaking for official documents (禁则): greedy fill with push-out of forbidden characters.

A line may not start with closing punctuation (。，、；：）」 …) and may not end with opening punctuation
(（「〔 …). When the next character would be forbidden at a line start, the previous character moves to the
next line with it (推出), so the right edge of the text block is never exceeded (GB/T 9704: 156 mm).
Latin words and numbers stay whole unless a single one is wider than the line, and so do document and case
numbers and dates (nobreak.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reviewapp.exports.nobreak import KEEP_WHOLE

NO_LINE_START = frozenset("。，、；：？！）」』】〕》〉”’…—%‰℃.,;:?!)]}·～－")
NO_LINE_END = frozenset("（「『【〔《〈“‘([{")
_TOKEN = re.compile(KEEP_WHOLE.pattern + r"|[A-Za-z0-9][A-Za-z0-9.\-/_:%]*|.", re.DOTALL)


@dataclass(frozen=True)
class Line:
    text: str
    width: float  # natural width in points, without the trailing character spacing
    last: bool  # last line of its paragraph (not justified)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def break_lines(
    text: str,
    max_width: float,
    char_width: Callable[[str], float],
    char_space: float = 0.0,
    first_indent: float = 0.0,
) -> list[Line]:
    """Break one paragraph into lines no wider than ``max_width`` (the first one ``first_indent`` narrower).

    ``char_width`` gives the advance of one character at the paragraph's font and size; ``char_space`` is
    added after every character (used to hit the 28-characters-per-line grid).
    """
    text = text.replace("\n", " ").strip()
    if not text:
        return [Line("", 0.0, True)]

    def width(tok: str) -> float:
        return sum(map(char_width, tok)) + char_space * len(tok)

    # Token widths are computed once; a token wider than a line (a long number) is split into characters.
    toks: list[str] = []
    widths: list[float] = []
    for tok in tokens(text):
        w = width(tok)
        if len(tok) > 1 and w > max_width - first_indent:
            toks.extend(tok)
            widths.extend(width(ch) for ch in tok)
        else:
            toks.append(tok)
            widths.append(w)

    lines: list[list[int]] = []
    cur: list[int] = []
    used = first_indent
    # Characters are laid in cells of (advance + char_space): 28 cells fill the 156 mm block exactly
    # (GB/T 9704 counts characters, not ink), so the cells must fit; the epsilon absorbs float error.
    limit = max_width + 1e-6
    for i, tok in enumerate(toks):
        tw = widths[i]
        if not cur or used + tw <= limit:
            cur.append(i)
            used += tw
            continue
        carry: list[int] = []
        following = tok
        while cur and (following[0] in NO_LINE_START or toks[cur[-1]][-1] in NO_LINE_END):
            moved = cur.pop()
            carry.insert(0, moved)
            following = toks[moved]
        if not cur:  # nothing can satisfy the rules (a run of punctuation): break here anyway
            cur, carry = carry, []
        lines.append(cur)
        cur = [*carry, i]
        used = sum(widths[k] for k in cur)
    lines.append(cur)

    out: list[Line] = []
    for n, idxs in enumerate(lines):
        # Spaces at the edges of a line are dropped (Latin words separated by a space).
        while idxs and toks[idxs[-1]] == " ":
            idxs = idxs[:-1]
        while n > 0 and idxs and toks[idxs[0]] == " ":
            idxs = idxs[1:]
        natural = sum(widths[k] for k in idxs) - (char_space if idxs else 0.0)
        out.append(Line("".join(toks[k] for k in idxs), natural, n == len(lines) - 1))
    return out

"""Legal citations for readers: 《中华人民共和国刑事诉讼法》第九十一条 in Chinese, "Criminal Procedure Law
art. 91" in English.

The rule registry writes a rule's legal basis compactly, for programmers and --json: laws by short name,
articles in Arabic numerals, several citations joined by "; " —

    "CPL art. 91; 规则 art. 282"   "CPL arts. 172, 175"   "规则 arts. 664–670 (案管 monitoring)"
    "CPL art. 175 para. 4"         "Criminal Law art. 17 (ages 14 / 16 / 18)"

:func:`cite` turns that into the reader's language: full law titles in 书名号 and Chinese numerals (第…条,
第…款, 至 for ranges, 、 between articles) for Chinese; full law names for English. Text it cannot parse is
returned as written rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewapp.i18n import current_language, translate

# Short name in the registry → (Chinese title, English name).
LAWS: dict[str, tuple[str, str]] = {
    "CPL": ("《中华人民共和国刑事诉讼法》", "Criminal Procedure Law"),
    "规则": ("《人民检察院刑事诉讼规则》", "People's Procuratorate Rules of Criminal Procedure"),
    "Criminal Law": ("《中华人民共和国刑法》", "Criminal Law"),
}
# Notes in parentheses after a citation → (Chinese, English).
NOTES: dict[str, tuple[str, str]] = {
    "案管 monitoring": ("案件管理监督", "case-management monitoring"),
    "process monitoring": ("流程监控", "process monitoring"),
    "ages 14 / 16 / 18": ("十四、十六、十八周岁", "ages 14 / 16 / 18"),
}

_CITATION = re.compile(
    r"^(?P<law>.+?) arts?\. (?P<articles>\d+(?:\s*[–-]\s*\d+)?(?:,\s*\d+(?:\s*[–-]\s*\d+)?)*)"
    r"(?: para\. (?P<para>\d+))?(?: \((?P<note>[^)]*)\))?$"
)
_DIGITS = "零一二三四五六七八九"


@dataclass(frozen=True)
class Citation:
    law: str  # the registry's short name (a LAWS key)
    articles: tuple[tuple[int, int], ...]  # (first, last) per item; first == last for a single article
    paragraph: int | None = None
    note: str = ""


def chinese_number(n: int) -> str:
    """0 < n < 10 000 in Chinese numerals as statute numbering writes them: 十七, 九十一, 一百零五, 二百八十二."""
    if not 0 < n < 10_000:
        return str(n)
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += ("" if unit == "十" and digit == 1 and not out else _DIGITS[digit]) + unit
    return out


def parse(basis: str) -> list[Citation] | None:
    """The citations of a registry basis string, or None when any part is not in the registry's form."""
    out: list[Citation] = []
    for part in (p.strip() for p in basis.split(";")):
        m = _CITATION.match(part)
        if m is None or m.group("law") not in LAWS:
            return None
        note = m.group("note") or ""
        if note and note not in NOTES:
            return None
        articles = []
        for item in m.group("articles").split(","):
            ends = [int(x) for x in re.split(r"\s*[–-]\s*", item.strip())]
            articles.append((ends[0], ends[-1]))
        para = m.group("para")
        out.append(Citation(m.group("law"), tuple(articles), int(para) if para else None, note))
    return out or None


def _zh(c: Citation) -> str:
    items = []
    for first, last in c.articles:
        text = f"第{chinese_number(first)}条"
        if last != first:
            text += f"至第{chinese_number(last)}条"
        items.append(text)
    text = LAWS[c.law][0] + "、".join(items)
    if c.paragraph is not None:
        text += f"第{chinese_number(c.paragraph)}款"
    if c.note:
        text += f"（{NOTES[c.note][0]}）"
    return text


def _en(c: Citation) -> str:
    several = len(c.articles) > 1 or c.articles[0][0] != c.articles[0][1]
    items = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in c.articles)
    text = f"{LAWS[c.law][1]} {'arts.' if several else 'art.'} {items}"
    if c.paragraph is not None:
        text += f" para. {c.paragraph}"
    if c.note:
        text += f" ({NOTES[c.note][1]})"
    return text


def cite_zh(basis: str) -> str:
    """The Chinese form: 《中华人民共和国刑事诉讼法》第九十一条；《人民检察院刑事诉讼规则》第二百八十二条."""
    parsed = parse(basis)
    return "；".join(_zh(c) for c in parsed) if parsed else basis


def cite_en(basis: str) -> str:
    """The English form: Criminal Procedure Law art. 91; Rules of Criminal Procedure … art. 282."""
    parsed = parse(basis)
    return "; ".join(_en(c) for c in parsed) if parsed else basis


def cite(basis: str, language: str | None = None) -> str:
    """The citation in ``language`` (default: the current one); English only when English is chosen."""
    return cite_en(basis) if (language or current_language()) == "en" else cite_zh(basis)


def page_reference(title: str, page: int | str) -> str:
    """Where in the dossier: 提请批准逮捕书第1页 / 提请批准逮捕书, p. 1."""
    return translate("Citations", "{title}, p. {page}").format(title=title, page=page)

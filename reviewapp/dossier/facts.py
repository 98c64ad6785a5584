"""Facts a document states: persons and their 诉讼地位, dates of procedural acts, charges and cited articles,
amounts, the sentencing recommendation and the sentence. Every fact keeps the quote it was read from (page
and character offsets) so a finding can show it on the page.

Reading is conservative: a fact is taken only in a form the documents use ("犯罪嫌疑人张三，男", "于2024年3月
5日受理", "涉嫌盗窃罪", "《中华人民共和国刑法》第二百六十四条", "建议判处有期徒刑一年"); anything else is
simply not a fact, so a rule says "not checkable" instead of guessing (review-rules.md §1).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from reviewapp.domain.sentence_terms import Term, chinese_number, parse_term
from reviewapp.dossier.charges import known_charges

ROLES = ("犯罪嫌疑人", "被告人", "被不起诉人", "被害人", "证人", "辩护人", "值班律师", "诉讼代理人")
ACCUSED_ROLES = frozenset({"犯罪嫌疑人", "被告人", "被不起诉人"})
# Procedural acts and the words that name them in a sentence.
ACTS = {
    "受理": ("受理",),
    "告知": ("告知",),
    "具结": ("具结",),
    "退查": ("退回补充侦查",),
    "起诉": ("提起公诉", "起诉至", "向本院提起"),
    "移送": ("移送审查起诉", "移送本院"),
}
ACT_ORDER = ("受理", "告知", "具结", "起诉", "判决")
# Common surnames (about 90 % of the population): a role word followed by anything else ("被害人头部",
# "犯罪嫌疑人的供述", "证人证言") is not a person.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔"
    "谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "慕容", "令狐")

_CJK = "\u4e00-\u9fff"
_NAME_END = "，,。、；;：:（(涉自的于在系因等与和经犯证陈称供"
_PERSON = re.compile(rf"({'|'.join(ROLES)})([{_CJK}]{{2,4}}?)(?=[{_NAME_END}]|$)")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_CHARGE_START = re.compile(r"涉嫌|构成|(?<!嫌疑)犯(?!罪)")
_UNKNOWN_CHARGE = re.compile(rf"[{_CJK}]{{1,12}}?罪(?![名行犯责])")
_NUM = "[零〇一二两三四五六七八九十百\\d]+"
_ARTICLE_BLOCK = re.compile(
    rf"《中华人民共和国刑法》((?:第{_NUM}条(?:之[一二三四五六七八九])?(?:第{_NUM}款)?[、和及，,]?)+)"
)
_ARTICLE = re.compile(rf"第({_NUM})条(?:之([一二三四五六七八九]))?")
_AMOUNT = re.compile(r"(?:人民币)?(\d+(?:[,，]\d{3})*(?:\.\d+)?)(万)?元")
_RECOMMEND = re.compile(r"建议(?:对被告人[^，。]{0,4})?判处([^，。；;]{2,40})")
_SENTENCE = re.compile(r"(?<!建议)判处([^，。；;]{2,40})")
_SENTENCE_END = re.compile(r"[，。；;]")


@dataclass(frozen=True)
class Quote:
    document_id: int
    page: int
    start: int  # offsets in the page's text
    end: int
    text: str

    def to_json(self) -> dict[str, object]:
        return {
            "document_id": self.document_id,
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "quote": self.text,
        }


@dataclass(frozen=True)
class Fact:
    kind: str  # person | date | charge | article | amount | recommendation | sentence | issued
    value: Any  # (role, name) | (act, date) | charge name | article number | fen | Term | date
    quote: Quote


@dataclass
class DocFacts:
    document_id: int
    kind: str
    first_page: int
    last_page: int
    facts: list[Fact] = field(default_factory=list)
    readable: bool = True

    def of(self, kind: str) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind]

    def persons(self) -> dict[str, str]:
        """name → role (the first role the document gives the name)."""
        out: dict[str, str] = {}
        for f in self.of("person"):
            role, name = f.value
            out.setdefault(name, role)
        return out

    def charges(self) -> set[str]:
        return {str(f.value) for f in self.of("charge")}

    def dates(self, act: str) -> list[Fact]:
        return [f for f in self.of("date") if f.value[0] == act]

    def first(self, kind: str) -> Fact | None:
        found = self.of(kind)
        return found[0] if found else None


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind("。", 0, pos), text.rfind("；", 0, pos)) + 1
    end = text.find("。", pos)
    return start, len(text) if end < 0 else end + 1


def _quote(doc: int, page: int, text: str, start: int, end: int) -> Quote:
    return Quote(doc, page, start, end, text[start:end])


def _fen(number: str, wan: str | None) -> int | None:
    try:
        value = float(number.replace(",", "").replace("，", ""))
    except ValueError:
        return None
    return round(value * (10000 if wan else 1) * 100)


def is_name(text: str) -> bool:
    """A plausible personal name: a common surname, not anonymised (孙某某 is a mention, not a name)."""
    return "某" not in text and (text[0] in SURNAMES or text.startswith(COMPOUND_SURNAMES))


def _charge_at(text: str, pos: int) -> str | None:
    for name in known_charges():
        if text.startswith(name, pos):
            return name
    m = _UNKNOWN_CHARGE.match(text, pos)
    if m is None or any(w in m.group(0) for w in ("嫌疑", "犯罪", "认罪", "涉嫌")):
        return None
    return m.group(0)


def charges_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, charge) after 涉嫌 / 构成 / 犯, lists joined by 、 or 和 included; the shipped table first so
    names holding 、 or 犯罪 ("掩饰、隐瞒犯罪所得罪", "帮助信息网络犯罪活动罪") are read whole."""
    out: list[tuple[int, int, str]] = []
    for m in _CHARGE_START.finditer(text):
        pos = m.end()
        while (name := _charge_at(text, pos)) is not None:
            out.append((pos, pos + len(name), name))
            pos += len(name)
            if pos < len(text) and text[pos] in "、和":
                pos += 1
            else:
                break
    return out


def card_charges(text: str | None) -> frozenset[str]:
    """A card's charge field as a set of names, names holding 、 kept whole: '掩饰、隐瞒犯罪所得罪、盗窃罪'."""
    out: set[str] = set()
    rest = (text or "").strip()
    while rest:
        rest = rest.lstrip("、，,；;/ ")
        name = next((n for n in known_charges() if rest.startswith(n)), None)
        if name is None:
            name = re.split(r"[、，,；;/\s]", rest, maxsplit=1)[0]
        if name:
            out.add(name)
        rest = rest[len(name) :]
    return frozenset(out)


def page_facts(document_id: int, page: int, text: str, lines: list[int] | None = None) -> list[Fact]:
    """Facts on one page's normalised text (offsets refer to that text)."""
    out: list[Fact] = []
    for m in _PERSON.finditer(text):
        if is_name(m.group(2)):
            out.append(Fact("person", (m.group(1), m.group(2)), _quote(document_id, page, text, m.start(), m.end())))
    line_starts = set(lines or [])
    for m in _DATE.finditer(text):
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        _s, e = _sentence_bounds(text, m.start())
        sentence = text[m.end() : e]
        act = next((a for a, words in ACTS.items() if any(w in sentence[:30] for w in words)), None)
        if act == "告知" and "被害人" in sentence[:12]:
            act = "告知被害人"  # the victim's notice (CPL 46) is a date of its own
        if act is not None:
            out.append(Fact("date", (act, day), _quote(document_id, page, text, m.start(), m.end())))
        elif m.start() in line_starts and (m.end() == len(text) or m.end() in line_starts):
            # A date alone on its line closes the document: the date it was issued.
            out.append(Fact("issued", day, _quote(document_id, page, text, m.start(), m.end())))
    for start, end, name in charges_in(text):
        out.append(Fact("charge", name, _quote(document_id, page, text, start, end)))
    for m in _ARTICLE_BLOCK.finditer(text):
        for a in _ARTICLE.finditer(m.group(1)):
            number = chinese_number(a.group(1))
            if number:
                sub = "一二三四五六七八九".find(a.group(2)) + 1 if a.group(2) else 0
                start = m.start(1) + a.start()
                value = f"{number}-{sub}" if sub else str(number)
                out.append(Fact("article", value, _quote(document_id, page, text, start, start + len(a.group(0)))))
    for m in _AMOUNT.finditer(text):
        fen = _fen(m.group(1), m.group(2))
        if fen:
            out.append(Fact("amount", fen, _quote(document_id, page, text, m.start(), m.end())))
    for m in _RECOMMEND.finditer(text):
        term = parse_term(m.group(1))
        if term is not None:
            out.append(Fact("recommendation", term, _quote(document_id, page, text, m.start(), m.end())))
    for m in _SENTENCE.finditer(text):
        term = parse_term(m.group(1))
        if term is not None:
            out.append(Fact("sentence", term, _quote(document_id, page, text, m.start(), m.end())))
    return out


def document_facts(document_id: int, kind: str, first_page: int, pages: list[tuple[int, str, list[int]]]) -> DocFacts:
    """Facts of a recognised document from its pages (page number, text, line starts)."""
    doc = DocFacts(document_id, kind, first_page, pages[-1][0] if pages else first_page)
    doc.readable = any(text for _p, text, _l in pages)
    for page, text, lines in pages:
        doc.facts.extend(page_facts(document_id, page, text, lines))
    return doc


def term_text(term: Term) -> str:
    from reviewapp.domain.sentence_terms import months_text

    if term.fixed:
        return months_text(term.low)
    return f"{months_text(term.low)}—{months_text(term.high)}"

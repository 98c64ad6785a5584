"""The words a standard workbook from another system may use for what the app calls otherwise.

Checklists kept in other case systems write 是/否 flags as Y/N or √/×, point values as "2分" or "每处扣2分", grade
names with the 案件 suffix (优质案件) and their own severity words (瑕疵 / 错误 / 问题). Flags, units and the suffix
are read as they are. Severity words are read when they can mean one tier only (BUILT_IN_SEVERITY_WORDS: 一般瑕疵 is
a 司法瑕疵, 严重错误 a 严重司法错误); a word that could mean two tiers (错误, 严重瑕疵, 一般问题) is refused with the
tiers it could mean and the setting ``standards.severity_synonyms`` that teaches it, because the same word means
different things in different systems and a guessed tier changes the proposed grade (review-rules.md §2).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.standards.model import ERROR, FLAW, SERIOUS, SEVERITIES, SEVERITY_ALIASES

SEVERITY_SYNONYMS_SETTING = "standards.severity_synonyms"
# How the setting is changed (there is no settings window for it): shown with every unknown severity word.
SEVERITY_SYNONYMS_COMMAND = "settings set standards.severity_synonyms"
# Severity words of other checklists that can mean one tier only (review-rules.md §2: 司法瑕疵 is an irregularity
# that does not affect the outcome, 一般 and 严重司法错误 are errors). 瑕疵 is also the name of a 2018 grade, but
# in a severity column it can only name the tier that grade is given for; 不规范 is the irregularity itself.
BUILT_IN_SEVERITY_WORDS: dict[str, str] = {
    "瑕疵": FLAW,
    "一般瑕疵": FLAW,
    "轻微瑕疵": FLAW,
    "瑕疵问题": FLAW,
    "轻微问题": FLAW,
    "不规范": FLAW,
    "一般错误": ERROR,
    "一般性错误": ERROR,
    "严重错误": SERIOUS,
    "重大错误": SERIOUS,
    "重大司法错误": SERIOUS,
}
# Words that could mean more than one tier: never guessed, refused with the tiers they could mean. A grade
# (不合格, 基本合格) follows from the severities of the findings, it is none itself.
AMBIGUOUS_SEVERITY_WORDS: dict[str, tuple[str, ...]] = {
    "错误": (ERROR, SERIOUS),
    "司法错误": (ERROR, SERIOUS),
    "问题": SEVERITIES,
    "一般问题": (FLAW, ERROR),
    "严重问题": (ERROR, SERIOUS),
    "重大问题": (ERROR, SERIOUS),
    "严重瑕疵": (FLAW, ERROR),
    "重大瑕疵": (FLAW, ERROR),
    "较大瑕疵": (FLAW, ERROR),
    "较重瑕疵": (FLAW, ERROR),
    "不合格": (ERROR, SERIOUS),
    "基本合格": (FLAW,),
    "瑕疵案件": (FLAW,),
}
GRADE_WORDS = ("优质", "合格", "基本合格", "不合格", "瑕疵案件")
YES_WORDS = ("是", "Y", "YES", "√", "✓", "✔", "TRUE")
NO_WORDS = ("否", "N", "NO", "×", "✗", "✘", "FALSE")
# In a veto column the word itself says yes (否决 is no 否).
VETO_WORDS = ("否决", "一票否决", "否决项")
# Marks a table puts in a cell that does not apply: read as an empty cell.
EMPTY_MARKS = ("-", "—", "——", "－", "/", "／", "\\")
UNITS = ("分",)
GRADE_SUFFIXES = ("案件",)
_NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十]{1,3})"  # 2, 2.5, or written out (二, 十五) after 扣 or before 分
_DIGITS = r"(\d+(?:\.\d+)?)"
_NUMBER = re.compile(rf"^扣?{_DIGITS}$|^扣{_NUM}$")
_CN_NUMBER = re.compile(r"^[零〇一二两三四五六七八九十]{1,3}$")
# A finding is one 处 (place), 项, 次 …: 每处扣2分, 每发现一处扣2分, 每出现一处扣2分, 每缺一项扣1分, 一处扣2分, 2分/处.
_EACH = r"(?:每(?:发现|出现|存在|缺少?|遗漏)?一?[处项次个份件例人]?|(?:发现|出现|存在)?一[处项次个份件例])"
# What caps the deductions of an item (扣完为止, 最多扣6分) does not change the default of one finding.
_CAP_WORDS = (
    rf"(?:扣完为止|扣满为止|扣完即止|扣分扣完为止|(?:本项)?(?:最多|最高|累计最多|至多)扣{_NUM}分?(?:为止)?"
    rf"|(?:本项)?(?:累计)?扣分不超过{_NUM}分?|上限{_NUM}分?)"
)
_CAP_SAID = rf"[，,；;]?[（(]?{_CAP_WORDS}[)）]?"
_CAP = rf"(?:{_CAP_SAID})?"
_DEDUCTION = re.compile(
    rf"^(?:{_EACH}[，,]?(?:扣除?|减)?{_NUM}分?{_CAP}|(?:扣除?|减)?{_NUM}分?/(?:每)?[处项次个份件例]{_CAP}|[-−]{_DIGITS}"
    rf"|(?:扣除?|减)?{_NUM}分?{_CAP_SAID})$"  # 扣2分，扣完为止 / 2分（最多扣6分）: one finding's points, capped
)
_NO_DEDUCTION = ("不扣分", "不扣")
_TO = r"(?:-|~|～|至|到|—|－)"
_RANGE = re.compile(rf"^(?:视情节?|视情况|酌情|根据情节)?(?:{_EACH}[，,]?)?(?:扣除?|减)?{_NUM}分?{_TO}{_NUM}$")
# A deduction inside a sentence (扣分标准 written as text): 未告知的，扣2分 / 发现一处扣1至3分.
_IN_TEXT = re.compile(rf"(?:扣除?|减){_NUM}分")
_RANGE_IN_TEXT = re.compile(rf"(?:扣除?|减){_NUM}分?{_TO}{_NUM}分")
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def _value(text: str) -> float | None:
    """2, 2.5 or a number written out up to 99 (二, 十, 十五, 二十)."""
    if text[0].isdigit():
        return float(text)
    if "十" not in text:
        return float(_CN_DIGITS[text]) if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if (tens and tens not in _CN_DIGITS) or (ones and ones not in _CN_DIGITS) or "十" in ones:
        return None
    return float((_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0))


def _plain(raw: object) -> str:
    """A cell's text as compared: full-width forms folded (２ = 2, （ = (), spaces and line breaks dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(raw)))


def _first(found: re.Match[str] | None) -> float | None:
    if found is None:
        return None
    text = next((g for g in found.groups() if g is not None), None)
    return _value(text) if text else None


class SynonymError(KnownError, ValueError):
    """A configured synonym line cannot be read (message for the user)."""


@dataclass(frozen=True)
class ImportVocabulary:
    """How cells of a standard workbook are read: yes/no words, units, grade suffixes, severity words."""

    severity_synonyms: Mapping[str, str] = field(default_factory=dict)
    yes_words: tuple[str, ...] = YES_WORDS
    no_words: tuple[str, ...] = NO_WORDS
    veto_words: tuple[str, ...] = VETO_WORDS
    empty_marks: tuple[str, ...] = EMPTY_MARKS
    units: tuple[str, ...] = UNITS
    grade_suffixes: tuple[str, ...] = GRADE_SUFFIXES

    def is_empty_mark(self, raw: object) -> bool:
        """A dash or slash standing for "does not apply": the cell is read as empty."""
        return isinstance(raw, str) and raw.strip() in self.empty_marks

    def severity_words(self) -> dict[str, str]:
        """Every severity word read besides the tiers themselves and 瑕 / 错 / 严: the built-in ones, then the
        configured synonyms (which win, so an office may read 瑕疵 otherwise)."""
        return {**BUILT_IN_SEVERITY_WORDS, **self.severity_synonyms}

    def is_severity_word(self, word: str) -> bool:
        """A word the app reads as a severity, or refuses as one that could mean several."""
        known = (SEVERITIES, SEVERITY_ALIASES, self.severity_words(), AMBIGUOUS_SEVERITY_WORDS)
        return any(word in words for words in known)

    def severity_problem(self, word: str) -> str:
        """Why a severity word is not read, saying how to teach it (the setting, in plain words)."""
        tiers = AMBIGUOUS_SEVERITY_WORDS.get(word, ())
        if word in GRADE_WORDS:
            problem = translate(
                "Standards",
                "{severity} is a grade, not a severity: the grade follows from the severities of the findings — "
                "write the item's severity ({tiers}), or, if your checklist uses this word for one of them, teach it "
                "to the app with the setting {key}: a line {severity}=X in Documents → Shared settings, or the command "
                "{command} {severity}=X, X being {tiers}; then import again",
            )
        elif tiers:
            problem = translate(
                "Standards",
                "the severity {severity} could mean {tiers}, so it is not guessed: write the one meant, or teach the "
                "word to the app with the setting {key}: a line {severity}=X in Documents → Shared settings, or the "
                "command {command} {severity}=X, X being {tiers}; then import again",
            )
        else:
            problem = translate(
                "Standards",
                "unknown severity {severity}: if your checklist uses this word for one of the severities, teach it "
                "to the app with the setting {key}: a line {severity}=X in Documents → Shared settings, or the command "
                "{command} {severity}=X, X being {tiers}; then import again",
            )
        return problem.format(
            severity=word,
            tiers=translate("Standards", " or ").join(tiers or SEVERITIES),
            key=SEVERITY_SYNONYMS_SETTING,
            command=SEVERITY_SYNONYMS_COMMAND,
        )

    def flag(self, raw: object, *, veto: bool = False) -> bool | None:
        """True / False for a yes or no word (any case, full- or half-width), None for anything else; in a veto
        column (``veto``) 否决 / 一票否决 are yes."""
        if isinstance(raw, bool):
            return raw
        word = unicodedata.normalize("NFKC", str(raw)).strip().upper()
        if veto and word in self.veto_words:
            return True
        if word in {unicodedata.normalize("NFKC", w).upper() for w in self.yes_words}:
            return True
        if word in {unicodedata.normalize("NFKC", w).upper() for w in self.no_words}:
            return False
        return None

    def flag_words(self, *, veto: bool = False) -> tuple[str, ...]:
        return (*self.yes_words, *(self.veto_words if veto else ()), *self.no_words)

    def number(self, raw: object, *, deduction: bool = False) -> float | int | None:
        """A number written plainly, with a unit (2分), full-width (２分) or as a deduction (扣2分); a
        ``deduction`` also per finding (每处扣2分, 每发现一处扣2分, 2分/处, with 扣完为止 or 最多扣6分 after it), as the
        points lost (-2), written out (扣二分) or as 不扣分 (0)."""
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return -raw if deduction and raw < 0 else raw
        text = self._bare(raw)
        if not text:
            return None
        if deduction and text in _NO_DEDUCTION:
            return 0
        value = _first(_NUMBER.match(text)) if (text[0].isdigit() or text[0] == "扣") else None
        if value is None and text != _plain(raw) and _CN_NUMBER.match(text):
            value = _value(text)  # 两分, 二分
        if value is None and deduction:
            value = _first(_DEDUCTION.match(text))
        return value

    def is_range(self, raw: object) -> bool:
        """Points written as a range (2-5分, 2～5分, 每处扣1至3分): the reviewer's choice, not one default deduction."""
        return not isinstance(raw, int | float) and bool(_RANGE.match(self._bare(raw)))

    def is_veto(self, raw: object) -> bool:
        """A points cell that says the item is a veto item (一票否决) instead of giving points."""
        return isinstance(raw, str) and self._bare(raw) in self.veto_words

    def deduction_in_text(self, raw: object) -> tuple[float | None, tuple[str, ...]]:
        """The one deduction a sentence names (未依法告知的，扣2分 → 2), or None with what the sentence names
        instead: several deductions, a range, or none."""
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return self.number(raw, deduction=True), ()
        strict = self.number(raw, deduction=True)
        if strict is not None:
            return strict, ()
        text = re.sub(_CAP_WORDS, "", _plain(raw))  # 本项最多扣6分 caps the item, it is no deduction of a finding
        ranges = tuple(m.group(0) for m in _RANGE_IN_TEXT.finditer(text))
        if ranges or self.is_range(text):
            return None, ranges or (text,)
        found = tuple(dict.fromkeys(m.group(0) for m in _IN_TEXT.finditer(text)))
        values = {_first(m) for m in _IN_TEXT.finditer(text)}
        if len(values) == 1 and None not in values:
            return values.pop(), ()
        return None, found

    def _bare(self, raw: object) -> str:
        text = _plain(raw)
        for unit in self.units:
            if text.endswith(unit):
                return text[: -len(unit)]
        return text

    def grade(self, name: str) -> str:
        """A grade name without the 案件 suffix (优质案件 → 优质)."""
        for suffix in self.grade_suffixes:
            if name.endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)]
        return name

    def case_type(self, name: str, known: Iterable[str]) -> str:
        """A case type without the 案件 suffix when the rest is a known case type (审查起诉案件 → 审查起诉)."""
        bare = self.grade(name)
        return bare if bare != name and bare in set(known) else name


def parse_severity_synonyms(lines: Iterable[str]) -> dict[str, str]:
    """``word=severity`` lines (瑕疵=司法瑕疵) as a mapping; the severity may be written 瑕 / 错 / 严 too."""
    out: dict[str, str] = {}
    allowed = "、".join((*SEVERITIES, *SEVERITY_ALIASES))
    for line in lines:
        text = line.strip()
        if not text:
            continue
        word, sep, target = (part.strip() for part in text.replace("＝", "=").partition("="))
        severity = SEVERITY_ALIASES.get(target, target)
        if not sep or not word or severity not in SEVERITIES:
            raise SynonymError(
                translate(
                    "Standards",
                    "The setting {key} cannot use the line {line}: write word=severity, the severity one of {allowed}.",
                ).format(key=SEVERITY_SYNONYMS_SETTING, line=text, allowed=allowed)
            )
        out[word] = severity
    return out

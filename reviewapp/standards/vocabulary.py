"""The words a standard workbook from another system may use for what the app calls otherwise.

Checklists kept in other case systems write 是/否 flags as Y/N or √/×, point values as "2分", grade names
with the 案件 suffix (优质案件) and their own severity words (瑕疵 / 错误 / 问题). Flags, units and the suffix
are read as they are; severity words are configured (the setting ``standards.severity_synonyms``), because
the same word means different things in different systems — 瑕疵 is a severity in one and a grade in the
2018 scheme (review-rules.md §3), so the app cannot guess it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.standards.model import SEVERITIES, SEVERITY_ALIASES

SEVERITY_SYNONYMS_SETTING = "standards.severity_synonyms"
YES_WORDS = ("是", "Y", "YES", "√", "✓", "✔", "TRUE")
NO_WORDS = ("否", "N", "NO", "×", "✗", "✘", "FALSE")
# In a veto column the word itself says yes (否决 is no 否).
VETO_WORDS = ("否决", "一票否决", "否决项")
# Marks a table puts in a cell that does not apply: read as an empty cell.
EMPTY_MARKS = ("-", "—", "——", "－", "/", "／", "\\")
UNITS = ("分",)
GRADE_SUFFIXES = ("案件",)
_NUMBER = re.compile(r"^扣?\s*(\d+(?:\.\d+)?)\s*$")
# A deduction per finding: 每处扣1分 (each finding is one 处), or written as the points lost (-2, －2分).
_DEDUCTION = re.compile(r"^(?:每[处项次个]\s*扣?|-|−)\s*(\d+(?:\.\d+)?)\s*$")
_RANGE = re.compile(r"^扣?\s*\d+(?:\.\d+)?\s*分?\s*(?:-|~|至|到|—)\s*\d+(?:\.\d+)?$")


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
        ``deduction`` also per finding (每处扣2分) or as the points lost (-2)."""
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return -raw if deduction and raw < 0 else raw
        text = self._bare(raw)
        found = _NUMBER.match(text) or (_DEDUCTION.match(text) if deduction else None)
        return float(found.group(1)) if found else None

    def is_range(self, raw: object) -> bool:
        """Points written as a range (2-5分, 2～5分): the reviewer's choice, not one default deduction."""
        return not isinstance(raw, int | float) and bool(_RANGE.match(self._bare(raw)))

    def _bare(self, raw: object) -> str:
        text = unicodedata.normalize("NFKC", str(raw)).strip()
        for unit in self.units:
            if text.endswith(unit):
                return text[: -len(unit)].strip()
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

"""Value vocabularies: the words other systems write for the enumerated card fields (import-format.md).

One export writes 审查起诉案件 where another writes 审查起诉, or 刑事拘留 for 拘留. The shipped file
(resources/vocabularies/case_values.yaml) names the stored word and its other spellings per field; an import
profile adds its own. Cells are mapped before they are parsed, column by column with a cache per distinct
spelling (a column holds a handful of them), so the chunked fast path of table.py stays fast. A value of a
*closed* field that matches no word is refused with the allowed words listed; an open field keeps it as written.

Everything here is plain, picklable data: vocabularies travel to the reading child process with the profile.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from reviewapp.errors import KnownError
from reviewapp.i18n import translate

VOCABULARY_FILE = Path(__file__).resolve().parent.parent.parent / "resources" / "vocabularies" / "case_values.yaml"
# Words added per field: {attr: {stored word: [spellings]}} (the `values` section of a profile).
Extension = Mapping[str, Mapping[str, Sequence[str]]]


class VocabularyError(KnownError, ValueError):
    """A vocabulary file or a profile's value words are malformed (translated message)."""


def fold_word(text: str) -> str:
    """Comparable form of a value: NFKC (full-width → half-width, （）→()), no whitespace, lower case."""
    return "".join(unicodedata.normalize("NFKC", text).split()).lower()


@dataclass
class FieldVocabulary:
    """The words of one field: ``lookup`` folded spelling → stored word."""

    attr: str
    closed: bool = False
    allowed: tuple[str, ...] = ()
    lookup: dict[str, str] = field(default_factory=dict)
    suffixes: tuple[str, ...] = ()

    def add(self, stored: str, spellings: Sequence[str]) -> None:
        if stored not in self.allowed:
            self.allowed += (stored,)
        self.lookup[fold_word(stored)] = stored
        for spelling in spellings:
            self.lookup[fold_word(str(spelling))] = stored

    def word(self, text: str) -> str | None:
        """The stored word for ``text``, or None when it matches none (suffixes such as 案件 tried too)."""
        folded = fold_word(text)
        found = self.lookup.get(folded)
        if found is not None:
            return found
        for suffix in self.suffixes:
            if folded.endswith(suffix) and len(folded) > len(suffix):
                found = self.lookup.get(folded[: -len(suffix)])
                if found is not None:
                    return found
        return None

    def apply(self, cells: Sequence[Any]) -> list[Any]:
        """Cells with every known spelling replaced by its stored word (others, and non-text cells, as they are)."""
        cache: dict[str, Any] = {}
        out: list[Any] = []
        for cell in cells:
            if cell.__class__ is not str or not cell:
                out.append(cell)
                continue
            mapped = cache.get(cell)
            if mapped is None:
                mapped = cache[cell] = self.word(cell) or cell
            out.append(mapped)
        return out

    def allows(self, value: str) -> bool:
        return not self.closed or value in self.allowed

    def refusal(self, value: str, column: str) -> str:
        return translate("Intake", "'{value}' is not a known {column}; allowed: {allowed}").format(
            value=value, column=column, allowed="、".join(self.allowed)
        )


@dataclass
class Vocabulary:
    fields: dict[str, FieldVocabulary] = field(default_factory=dict)

    def get(self, attr: str) -> FieldVocabulary | None:
        return self.fields.get(attr)

    def extended(self, extension: Extension | None) -> Vocabulary:
        """A copy with a profile's words added (a new stored word of a closed field becomes allowed)."""
        if not extension:
            return self
        copy = Vocabulary(
            {
                a: FieldVocabulary(f.attr, f.closed, f.allowed, dict(f.lookup), f.suffixes)
                for a, f in self.fields.items()
            }
        )
        suffixes = next(iter(self.fields.values())).suffixes if self.fields else ()
        for attr, words in checked_words(extension).items():
            target = copy.fields.setdefault(attr, FieldVocabulary(attr, suffixes=suffixes))
            for stored, spellings in words.items():
                target.add(stored, spellings)
        return copy


def checked_words(extension: Any) -> dict[str, dict[str, list[str]]]:
    if not isinstance(extension, Mapping):
        raise VocabularyError(translate("Intake", "The value words must be a table of fields."))
    out: dict[str, dict[str, list[str]]] = {}
    for attr, words in extension.items():
        if not isinstance(words, Mapping):
            raise VocabularyError(
                translate("Intake", "The value words of {field} must be a table: stored word → spellings.").format(
                    field=attr
                )
            )
        out[str(attr)] = {
            str(stored): [
                str(s) for s in (spellings if isinstance(spellings, list | tuple) else [spellings] if spellings else [])
            ]
            for stored, spellings in words.items()
        }
    return out


def parse_vocabulary(data: Any) -> Vocabulary:
    """A vocabulary from the YAML structure of resources/vocabularies/case_values.yaml."""
    if not isinstance(data, Mapping) or not isinstance(data.get("fields"), Mapping):
        raise VocabularyError(translate("Intake", "A vocabulary file needs a 'fields' table."))
    suffixes = tuple(fold_word(str(s)) for s in data.get("suffixes") or ())
    # Longest suffix first: 类案件 before 案件 before 案.
    suffixes = tuple(sorted(suffixes, key=len, reverse=True))
    vocabulary = Vocabulary()
    for attr, spec in data["fields"].items():
        if not isinstance(spec, Mapping):
            raise VocabularyError(translate("Intake", "The vocabulary of {field} must be a table.").format(field=attr))
        target = FieldVocabulary(str(attr), bool(spec.get("closed", False)), suffixes=suffixes)
        for stored, spellings in checked_words({attr: spec.get("values") or {}})[str(attr)].items():
            target.add(stored, spellings)
        vocabulary.fields[str(attr)] = target
    return vocabulary


@lru_cache(maxsize=1)
def shipped_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the app (read once per process)."""
    try:
        data = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(
            translate("Intake", "The value vocabulary {file} cannot be read: {error}").format(
                file=VOCABULARY_FILE.name, error=exc
            )
        ) from exc
    return parse_vocabulary(data)


def vocabulary_for(extension: Extension | None = None) -> Vocabulary:
    return shipped_vocabulary().extended(extension)

"""Import profiles: a saved column mapping for one export layout of another system (import-format.md).

A profile says which header of the layout fills which card field (or that a column is left as an unmapped
extra), which sheet holds the suspects or the documents, and the layout's own value words. It is applied as a
*header-level transform* before any row is parsed: the mapped header cells are rewritten to the canonical
column names, so the column-wise fast path (table.py) and every row rule run unchanged. Profiles are plain
data (``Profile.to_json``), so they travel to the reading child process and into a file as they are.

A profile applies itself when an export's cases header row has exactly the set of headers it was made for
(``header_key``); given explicitly (``import --profile``) it applies to whatever headers it names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewapp.domain.case_card import CASE_FIELDS, DOCUMENT_FIELDS, SUSPECT_FIELDS, FieldSpec
from reviewapp.errors import KnownError
from reviewapp.i18n import translate
from reviewapp.intake import headers
from reviewapp.intake.vocabulary import (
    FieldVocabulary,
    Vocabulary,
    VocabularyError,
    checked_words,
    vocabulary_for,
)

ROLES: dict[str, tuple[FieldSpec, ...]] = {
    "cases": CASE_FIELDS,
    "suspects": SUSPECT_FIELDS,
    "documents": DOCUMENT_FIELDS,
}
IGNORE = ""  # a column the user chose to leave unmapped: kept as an extra, as every unknown column is
UNMAPPED_MARK = "（未映射）"  # appended to a known header the profile leaves unmapped (domain text, as headers are)
FORMAT = "reviewapp-import-profile"
VERSION = 1


class ProfileError(KnownError, ValueError):
    """A profile file or a profile's content is malformed (translated message)."""


def header_set(cells: Iterable[Any]) -> frozenset[str]:
    """The normalised, non-empty headers of a header row."""
    return frozenset(n for c in cells if isinstance(c, str) and (n := headers.normalize_header(c)))


def header_key(cells: Iterable[Any]) -> str:
    """Identifies a layout by its set of headers (order and spacing do not matter)."""
    joined = "\n".join(sorted(header_set(cells)))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


@dataclass
class Profile:
    name: str
    header_key: str = ""
    sheets: dict[str, str] = field(default_factory=dict)  # "suspects" / "documents" / "cases" → sheet name
    columns: dict[str, dict[str, str]] = field(default_factory=dict)  # role → {header as written: attr or IGNORE}
    values: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # attr → {stored word: [spellings]}

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "name": self.name,
            "header_key": self.header_key,
            "sheets": dict(self.sheets),
            "columns": {role: dict(m) for role, m in self.columns.items()},
            "values": {a: {w: list(s) for w, s in words.items()} for a, words in self.values.items()},
        }

    @classmethod
    def from_json(cls, data: Any) -> Profile:
        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise ProfileError(translate("Profiles", "This is not an import profile of this application."))
        name = str(data.get("name") or "").strip()
        if not name:
            raise ProfileError(translate("Profiles", "The profile has no name."))
        sheets = data.get("sheets") or {}
        columns = data.get("columns") or {}
        if not isinstance(sheets, Mapping) or not isinstance(columns, Mapping):
            raise ProfileError(translate("Profiles", "The profile's sheets and columns must be tables."))
        profile = cls(name, str(data.get("header_key") or ""))
        for role, sheet in sheets.items():
            _role(role)
            profile.sheets[str(role)] = str(sheet)
        for role, mapping in columns.items():
            specs = _role(role)
            if not isinstance(mapping, Mapping):
                raise ProfileError(translate("Profiles", "The columns of {role} must be a table.").format(role=role))
            known = {s.attr for s in specs}
            for header, attr in mapping.items():
                attr = str(attr or IGNORE)
                if attr != IGNORE and attr not in known:
                    raise ProfileError(
                        translate(
                            "Profiles", "Column {header} is mapped to {field}, which is not a field of {role}."
                        ).format(header=header, field=attr, role=role)
                    )
                profile.columns.setdefault(str(role), {})[str(header)] = attr
        try:
            profile.values = checked_words(data.get("values") or {})
        except VocabularyError as exc:
            raise ProfileError(str(exc)) from exc
        return profile

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> Profile:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ProfileError(
                translate("Profiles", "Cannot read {file}: {error}").format(file=path.name, error=exc.strerror or exc)
            ) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProfileError(
                translate("Profiles", "{file} is not an import profile (JSON): {error}").format(
                    file=path.name, error=exc
                )
            ) from exc
        return cls.from_json(data)

    def mapping(self, role: str) -> dict[str, str]:
        """Normalised header → attr (IGNORE for a column left unmapped) of one sheet role."""
        return {headers.normalize_header(h): a for h, a in self.columns.get(role, {}).items()}

    def source_headers(self, role: str) -> frozenset[str]:
        return frozenset(self.mapping(role))


def _role(role: object) -> tuple[FieldSpec, ...]:
    specs = ROLES.get(str(role))
    if specs is None:
        raise ProfileError(
            translate("Profiles", "Unknown sheet role {role}; allowed: {allowed}").format(
                role=role, allowed=", ".join(ROLES)
            )
        )
    return specs


# --- applying a profile (runs in the reading child) ---------------------------------------------------


@dataclass
class Plan:
    """What one export is read with: the profile applied (if any) and the value vocabulary."""

    profile: Profile | None
    vocabulary: Vocabulary
    forced: bool = False  # given explicitly: applied whatever the header set

    @property
    def name(self) -> str | None:
        return self.profile.name if self.profile else None

    def sheet_name(self, role: str) -> str | None:
        return self.profile.sheets.get(role) if self.profile else None

    def prepare(self, rows: Sequence[list[Any]], role: str) -> None:
        """Rewrite the mapped header cells of ``rows`` (in place) to the canonical column names."""
        if self.profile is None:
            return
        mapping = self.profile.mapping(role)
        if not mapping:
            return
        index = _header_row(rows, mapping, role)
        if index is None:
            return
        columns = {s.attr: s.column for s in ROLES[role]}
        known = headers.alias_table(ROLES[role])
        header_rows = [rows[index]]
        if index + 1 < len(rows) and headers.grouped_names(rows[index], rows[index + 1]) is not None:
            header_rows.append(rows[index + 1])  # a two-row header's second row: the import joins it after this
        for row in header_rows:
            for i, cell in enumerate(row):
                if isinstance(cell, str) and cell:
                    norm = headers.normalize_header(cell)
                    attr = mapping.get(norm)
                    if attr:
                        wan = headers.wan_field(norm, known)  # 涉案金额（万元）: its unit is kept, and read
                        row[i] = f"{columns[attr]}(万元)" if wan is not None and wan.attr == attr else columns[attr]
                    elif attr == IGNORE and (norm in known or headers.wan_field(norm, known)):
                        # A known name the user chose to leave unmapped: marked, so it is kept as an extra column.
                        row[i] = f"{cell.strip()}{UNMAPPED_MARK}"


def _header_row(rows: Sequence[Sequence[Any]], mapping: Mapping[str, str], role: str) -> int | None:
    """The header row of a sheet laid out as the profile describes: the first (of the first 30) holding the
    header mapped to the key column, else the row sharing the most headers with the profile."""
    keys = {h for h, a in mapping.items() if a == headers.KEY_ATTR}
    keys |= {headers.normalize_header(n) for n in (headers.key_spec(ROLES[role]).column,)}
    best, best_count = None, 1
    for index, row in enumerate(rows[: headers.HEADER_SEARCH_ROWS]):
        names = header_set(row)
        if names & keys:
            return index
        count = len(names & mapping.keys())
        if count > best_count:
            best, best_count = index, count
    return best


def plan_for(
    sheet_rows: Mapping[str, Sequence[Sequence[Any]]], profiles: Sequence[Mapping[str, Any]], forced: bool
) -> Plan:
    """The plan for an export whose candidate cases sheets start with ``sheet_rows`` (name → first rows).

    ``forced``: ``profiles`` holds the one profile the user named. Otherwise the saved profile whose header set
    equals a header row of a candidate sheet applies; with none, the shipped vocabulary alone.
    """
    loaded = [Profile.from_json(p) for p in profiles]
    if forced and loaded:
        return Plan(loaded[0], vocabulary_for(loaded[0].values), True)
    by_key = {p.header_key: p for p in loaded if p.header_key}
    if by_key:
        for rows in sheet_rows.values():
            first = rows[: headers.HEADER_SEARCH_ROWS + 1]
            for index, row in enumerate(first[: headers.HEADER_SEARCH_ROWS]):
                found = by_key.get(header_key(row))
                if found is None and index + 1 < len(first):  # a two-row header, keyed as the dialog read it
                    joined = headers.grouped_names(row, first[index + 1])
                    found = by_key.get(header_key(joined)) if joined is not None else None
                if found is not None:
                    return Plan(found, vocabulary_for(found.values))
    return Plan(None, vocabulary_for(None))


# --- what a read is asked to apply (plain data, sent to the reading child) ----------------------------


@dataclass(frozen=True)
class ReadOptions:
    """The saved profiles to try (their JSON), or the one profile the user named (``forced``)."""

    profiles: tuple[dict[str, Any], ...] = ()
    forced: bool = False


_OPTIONS: ContextVar[ReadOptions | None] = ContextVar("read_options", default=None)
_PLAN: ContextVar[Plan | None] = ContextVar("read_plan", default=None)


@contextmanager
def reading(options: ReadOptions | None) -> Iterator[None]:
    """Within this block, parse.py reads with ``options`` (a context variable: concurrent reads on other
    threads keep their own)."""
    token, plan_token = _OPTIONS.set(options), _PLAN.set(None)
    try:
        yield
    finally:
        _OPTIONS.reset(token)
        _PLAN.reset(plan_token)


def start_plan(book: Any) -> Plan:
    """The plan of the export being read: the profile that applies to its layout, and the vocabulary."""
    options = _OPTIONS.get() or ReadOptions()
    names = list(book.sheet_names)
    plan = Plan(None, vocabulary_for(None))
    if options.profiles:
        if options.forced:
            plan = plan_for({}, options.profiles, True)
        else:
            loaded: dict[str, Any] = {}
            for name in headers.case_sheet_candidates(names)[:3]:
                loaded[name] = book.sheet(name)
                plan = plan_for({name: loaded[name].rows}, options.profiles, False)
                if plan.profile is not None:
                    break
            _reuse(book, loaded)
    _PLAN.set(plan)
    return plan


def _reuse(book: Any, loaded: dict[str, Any]) -> None:
    """Hand the sheets looked at here to the parse instead of reading them a second time (a sheet is read
    whole by the native reader; only its first rows were looked at)."""
    if not loaded:
        return
    read = book.sheet

    def sheet(name: str) -> Any:
        return loaded.pop(name) if name in loaded else read(name)

    book.sheet = sheet


def active() -> Plan:
    plan = _PLAN.get()
    if plan is None:
        plan = Plan(None, vocabulary_for(None))
        _PLAN.set(plan)
    return plan


def role_of(specs: Sequence[FieldSpec]) -> str:
    return next((r for r, s in ROLES.items() if s is specs or tuple(specs) == s), "cases")


def prepare_sheet(rows: Sequence[list[Any]], specs: Sequence[FieldSpec]) -> None:
    """Apply the active profile's header mapping to a sheet's first rows (before its header row is sought)."""
    active().prepare(rows, role_of(specs))


def vocabulary_of(specs: Sequence[FieldSpec]) -> dict[str, FieldVocabulary]:
    """The active vocabulary's fields that a sheet with ``specs`` has."""
    vocabulary = active().vocabulary
    return {s.attr: v for s in specs if (v := vocabulary.get(s.attr)) is not None}


def annotate(
    parsed: Any,
    sheet_names: Sequence[str],
    tables: Sequence[Any],
    *,
    hidden: Collection[str] = (),
    passed: Collection[str] = (),
) -> Any:
    """Fill what the summary lists besides rejects: the profile applied, every sheet not read and why, and
    every duplicate row skipped (import-format.md: nothing is dropped without a word). ``hidden``: the
    workbook's hidden sheets; ``passed``: sheets with the key column passed over for the cases."""
    parsed.profile = active().name
    read = set(parsed.sheets.values())
    refused = {r.sheet for r in parsed.rejects if r.row == 1 and r.value is None and r.sheet not in read}
    cases = parsed.sheets.get("cases", "")
    plan = active()
    candidates = headers.case_sheet_candidates(
        sheet_names, plan.sheet_name("suspects"), plan.sheet_name("documents"), plan.sheet_name("cases"), hidden=hidden
    )
    tried = candidates[: candidates.index(cases)] if cases in candidates else []
    for name in sheet_names:
        if name in read or name in refused:
            continue
        if name in passed:
            why = translate(
                "Intake",
                "Has the key column {column} but lacks a required column or holds no rows; the cases were read "
                "from {sheet}",
            )
        elif name in hidden and name not in tried:
            why = translate("Intake", "A hidden sheet, not read; the cases were read from the visible sheet {sheet}")
        elif name in tried:
            why = translate("Intake", "No header row with the key column {column}; the cases were read from {sheet}")
        else:
            why = translate(
                "Intake",
                "Not a cases, suspects or documents sheet (the cases were read from {sheet}); if it holds suspects "
                "or documents, name it in an import profile",
            )
        parsed.skipped_sheets.append((name, why.format(column=headers.key_spec(CASE_FIELDS).column, sheet=cases)))
    for table in tables:
        parsed.duplicates.extend((table.sheet.name, row) for row in getattr(table, "duplicates", ()))
    return parsed

"""Storing an export's cards chunk by chunk, inside the import's one transaction.

The reading child sends the cards as plain tuples (intake/wire.py), a chunk at a time; each chunk is stored
before the next is taken, so the importing process holds one chunk of cards however large the file. For a
new case — nearly every case of a large import — the stored row is assembled straight from the tuple (no
card object, no dict per row) and inserted with the bulk path; changed cards and cards under review, the
rare ones, are decoded into CaseCards and go the general way. Existing cases are looked up by number per
chunk, not loaded for the whole table.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from dataclasses import replace
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, bindparam, case, delete, func, select, update

from reviewapp.domain.roles import Action
from reviewapp.i18n import translate
from reviewapp.intake import wire
from reviewapp.intake.coverage import Coverage
from reviewapp.intake.values import BRACKET_OPENINGS, bracket_variants
from reviewapp.services.cases.card_rows import (
    PLAIN_CASE_ATTRS,
    SUSPECT_ATTRS,
    card_hash,
    case_values,
    suspect_values,
)
from reviewapp.services.cases.cards import load_cards_in
from reviewapp.services.cases.dossiers import attach_documents_in
from reviewapp.services.cases.people import OrgResolver
from reviewapp.services.cases.search_index import index_cases, index_inserted, search_text
from reviewapp.services.write_path import Op
from reviewapp.storage.bulk import bulk_insert, bulk_insert_tuples
from reviewapp.storage.models import Case, Person, Review, Suspect
from reviewapp.storage.models.base import utcnow

_IN_LIMIT = 900  # ids or numbers per statement: under SQLite's bound-parameter limit
_AT = {a: i for i, a in enumerate(wire.CARD_ATTRS)}
_NO, _UNIT, _DEPT, _PROS, _STAFF, _NAME, _CHARGE = (
    _AT[a]
    for a in ("dept_case_no", "unit", "department", "prosecutor", "prosecutor_staff_no", "name", "transferred_charge")
)
_plain = itemgetter(*(_AT[a] for a in PLAIN_CASE_ATTRS))
CASE_COLUMNS = (
    *PLAIN_CASE_ATTRS,
    "amount_fen",
    "extra",
    "unit_id",
    "department_id",
    "prosecutor_id",
    "card_hash",
    "dept_case_no",
    "search_text",
)
_suspect_plain = itemgetter(*(wire.SUSPECT_ATTRS.index(a) for a in SUSPECT_ATTRS))
SUSPECT_COLUMNS = (*SUSPECT_ATTRS, "case_id", "ordinal", "extra")
Differences = Callable[[Any, int, str, dict[str, Any], int, bool], list[Any]]
# The numbers are bound when the query runs, not written into it: SQLAlchemy keeps the first statement of
# each shape in its compiled cache for the life of the process, and a literal list would keep a chunk's
# case numbers (and the memory arenas they sit in) held after the import.
_EXISTING = select(Case.id, Case.dept_case_no, Case.card_hash).where(
    Case.dept_case_no.in_(bindparam("numbers", expanding=True))
)
_ADDED = select(Case.id, Case.dept_case_no).where(
    Case.id > bindparam("above"), Case.last_batch_id == bindparam("batch")
)
_PERSON_NAME = select(Person.name).where(Person.id == bindparam("person"))


def _fen(amount: str | None) -> int | None:
    """An amount as the reader sent it (str of a Decimal) in fen: whole yuan with up to two decimals, the
    usual spelling, directly; anything else (an exponent, a sign, more decimals) through Decimal."""
    if amount is None:
        return None
    whole, _, cents = amount.partition(".")
    if len(cents) <= 2 and whole.isascii() and whole.isdigit() and (not cents or (cents.isascii() and cents.isdigit())):
        return int(whole) * 100 + (int(cents) * (10 if len(cents) == 1 else 1) if cents else 0)
    from decimal import Decimal

    from reviewapp.services.cases.card_rows import amount_to_fen

    return amount_to_fen(Decimal(amount))


class ChunkStore:
    """Stores the chunks of one import; counts go into ``summary``, case ids stored into :attr:`touched`."""

    def __init__(
        self, o: Op, batch_id: int, base: Path, summary: Any, differences: Differences, coverage: Coverage | None = None
    ) -> None:
        self.o, self.batch_id, self.base, self.summary, self.differences = o, batch_id, base, summary, differences
        # import-format.md: a newer export updates what it changed; what it says nothing about (a column it
        # lacks, the suspects without a suspects sheet or with a rejected row) stays as stored.
        self.coverage = coverage or Coverage()
        self._kept = self.coverage.stored_absent()
        s = o.session
        self.under_review = set(s.scalars(select(Review.case_id).where(Review.deleted_at.is_(None)).distinct()))
        self.user_id = o.user.account_id
        self.org = OrgResolver(s, self.user_id)
        self.now = utcnow()
        # Ids of the rows this import adds are above this (read back per chunk by range, not by number).
        self.max_id: int = s.scalar(select(func.max(Case.id))) or 0
        self.had_cases = self.max_id > 0  # else no stored number to match across brackets
        self._styles: str | None = None  # the bracket styles the stored numbers use, read when first needed
        self.refused = 0  # rows not stored: their number matches two stored cases across brackets
        # The ids stored, kept as machine integers: an int object per case, allocated among each chunk's
        # short-lived objects, would pin Python's memory arenas after the import (measured: ~50 MB held).
        self.touched = array("q")
        self.stored = 0  # cards taken, stored or not (unchanged ones too)
        self._allowed: set[int] = set()
        # A new case's search text is stored with its row; it names the prosecutor as the roster has them
        # (a staff number may find a person whose stored name differs from the export's).
        self._person_names: dict[int, str] = {}

    def _existing(self, numbers: list[str]) -> dict[str, tuple[int, str]]:
        s, out = self.o.session, {}
        for start in range(0, len(numbers), _IN_LIMIT):
            part = numbers[start : start + _IN_LIMIT]
            out.update({no: (cid, h) for cid, no, h in s.execute(_EXISTING, {"numbers": part})})
        return out

    def _require(self, unit_id: int) -> None:
        # Importing is scoped: every unit whose cases this export adds or changes must lie in the user's scope.
        if unit_id not in self._allowed:
            self.o.require(Action.IMPORT_CASES, unit_id=unit_id)
            self._allowed.add(unit_id)

    def store(self, wires: list[wire.Wire], locations: wire.Locations) -> list[Any]:
        """Store one chunk; returns the dossier problems found (sheet, row, column, value, reason)."""
        s, org, summary, user_id, now = self.o.session, self.org, self.summary, self.user_id, self.now
        existing = self._existing([w[1][_NO] for w in wires])
        notes: list[Any] = []
        if self.had_cases and len(existing) < len(wires):
            wires, notes = self._match_brackets(wires, existing, locations)
        if not self.coverage.suspects or self.coverage.incomplete:
            wires = self._with_stored_suspects(wires, existing)
        new_rows: list[tuple[Any, ...]] = []
        new_wires: list[wire.Wire] = []
        changed: list[tuple[int, Any, dict[str, Any]]] = []
        for w in wires:
            h, f = w[0], w[1]
            known = existing.get(f[_NO])
            if known is not None and known[1] == h:
                summary.unchanged += 1
                continue
            unit_id = org.unit(f[_UNIT])
            dept_id = org.department(unit_id, f[_DEPT])
            pros_id = org.prosecutor(unit_id, dept_id, f[_PROS], f[_STAFF])
            if known is None:
                self._require(unit_id)
                amount = _fen(f[wire.AMOUNT])
                text = search_text(f[_NO], f[_NAME], self._person_name(pros_id), f[_CHARGE])
                new_rows.append((*_plain(f), amount, w[2], unit_id, dept_id, pros_id, h, f[_NO], text))
                new_wires.append(w)
                continue
            card = wire.decode(w)
            values = {k: v for k, v in case_values(card).items() if k not in self._kept}
            values.update(
                unit_id=unit_id,
                department_id=dept_id,
                prosecutor_id=pros_id,
                card_hash=h,
                last_batch_id=self.batch_id,
                updated_by_id=user_id,
                updated_at=now,
            )
            if known[0] in self.under_review:
                row = s.get(Case, known[0])  # the differences read it too (the session keeps it)
                values["extra"] = self.coverage.merged_extra(row.extra if row else None, values["extra"])
                suspects = self.coverage.replaces_suspects(card.dept_case_no)
                found = self.differences(s, known[0], card.dept_case_no, values, self.batch_id, suspects)
                summary.differences.extend(found)
            else:
                self._require(unit_id)
                changed.append((known[0], card, values))
        self.stored += len(wires)
        # The case list's search index follows in the same transaction: new rows by id range, changed ones
        # the general way.
        pairs = self._insert_new(new_rows, new_wires)
        if pairs:
            ids = [cid for cid, _ in pairs]
            texts = zip(ids, [row[-1] for row in new_rows], strict=True)
            index_inserted(s.connection(), min(ids), max(ids), texts)
        updated = self._update_changed(changed)
        index_cases(s, [cid for cid, _ in updated])
        self.touched.extend(cid for cid, _ in pairs)
        self.touched.extend(cid for cid, _ in updated)
        return notes + self._documents(pairs + updated, locations)

    def _match_brackets(
        self, wires: list[wire.Wire], existing: dict[str, tuple[int, str]], locations: wire.Locations
    ) -> tuple[list[wire.Wire], list[Any]]:
        """The chunk with each new number that differs from one stored case's only in its year brackets
        (〔2025〕 / [2025] / 【2025】 / (2025)) given that case's number as stored, so the case is updated, not
        imported twice; and a note at the row of each (the stored form is kept). A number matching two stored
        cases is left as it is: which one it means cannot be told."""
        wanted: dict[str, str] = {}  # variant → the number as the file has it
        styles = self._stored_styles()
        for w in wires:
            number = w[1][_NO]
            if number not in existing:
                for variant in bracket_variants(number, styles)[1:]:
                    wanted.setdefault(variant, number)
        if not wanted:
            return wires, []
        found: dict[str, list[str]] = {}
        for stored, (cid, h) in self._existing(list(wanted)).items():
            found.setdefault(wanted[stored], []).append(stored)
            existing.setdefault(stored, (cid, h))
        note = translate(
            "Intake",
            "Case number {written} differs from the stored case {number} only in its brackets; taken as that case, "
            "whose number is kept as stored",
        )
        out, notes = [], []
        for w in wires:
            written = w[1][_NO]
            matches = found.get(written, [])
            if len(matches) > 1:
                # Stored twice already (before numbers were matched across brackets): which is meant cannot be
                # told, and a third spelling must not become a third case.
                self.refused += 1
                notes.append((*self._row_of(written, locations), written, self._ambiguous(written, matches)))
                continue
            if len(matches) == 1:
                card = wire.decode(w)
                card.dept_case_no = number = matches[0]
                for suspect in card.suspects:
                    suspect.dept_case_no = number
                for document in card.documents:
                    document.dept_case_no = number
                w = wire.encode(card)
                notes.append((*self._row_of(written, locations), written, note.format(written=written, number=number)))
            out.append(w)
        return out, notes

    def _stored_styles(self) -> str:
        """The opening brackets the stored case numbers are written with, read once (one pass over the
        numbers): a number is looked up only in the spellings stored numbers can have. Most databases hold one
        style, so a new number written in it costs no look-up at all (four per number made a 20 000-case
        import on PostgreSQL hold the write lock twice as long)."""
        if self._styles is None:
            has = [func.max(case((Case.dept_case_no.contains(c), 1), else_=0)) for c in BRACKET_OPENINGS]
            found = self.o.session.execute(select(*has)).one()
            self._styles = "".join(c for c, hit in zip(BRACKET_OPENINGS, found, strict=True) if hit)
        return self._styles

    @staticmethod
    def _row_of(number: str, locations: wire.Locations) -> tuple[str, int | None, str]:
        return locations.get((wire.CASE_ROW, number), ("", None, "部门受案号"))

    @staticmethod
    def _ambiguous(written: str, matches: list[str]) -> str:
        return translate(
            "Intake",
            "Case number {written} differs from the stored cases {numbers} only in its brackets; which one it is "
            "cannot be told, so the row was not imported. Write the number as the case meant is stored.",
        ).format(written=written, numbers="、".join(sorted(matches)))

    def _with_stored_suspects(self, wires: list[wire.Wire], existing: dict[str, tuple[int, str]]) -> list[wire.Wire]:
        """The chunk with each stored case whose suspects this file does not give (no suspects sheet, or a
        rejected suspect row of the case) fingerprinted with its stored suspects, which it keeps: the same
        case is unchanged, and an update stores the fingerprint of the card as it then stands."""
        cover = self.coverage
        ids = {
            w[1][_NO]: known[0]
            for w in wires
            if (known := existing.get(w[1][_NO])) is not None
            and known[1] != w[0]
            and not cover.replaces_suspects(w[1][_NO])
        }
        if not ids:
            return wires
        suspects = {c.card.dept_case_no: c.card.suspects for c in load_cards_in(self.o.session, list(ids.values()))}
        out = []
        for w in wires:
            no = w[1][_NO]
            if no in ids:
                w = (card_hash(replace(wire.decode(w), suspects=suspects.get(no, []))), *w[1:])
            out.append(w)
        return out

    def _person_name(self, person_id: int) -> str | None:
        name = self._person_names.get(person_id)
        if name is None:
            name = self.o.session.scalar(_PERSON_NAME, {"person": person_id})
            if name is not None:
                self._person_names[person_id] = name
        return name

    def _insert_new(self, rows: list[tuple[Any, ...]], wires: list[wire.Wire]) -> list[tuple[int, Any]]:
        if not rows:
            return []
        s = self.o.session
        user, now = self.user_id, self.now
        same = dict(last_batch_id=self.batch_id, updated_by_id=user, updated_at=now, created_by_id=user, created_at=now)
        bulk_insert_tuples(s, cast(Table, Case.__table__), CASE_COLUMNS, rows, same)
        ids = {no: cid for cid, no in s.execute(_ADDED, {"above": self.max_id, "batch": self.batch_id})}
        self.max_id = max(ids.values(), default=self.max_id)
        self.summary.imported += len(rows)
        pairs = [(ids[w[1][_NO]], w) for w in wires]
        suspects = [
            (*_suspect_plain(values), cid, n, extra) for cid, w in pairs for n, (values, extra) in enumerate(w[3], 1)
        ]
        bulk_insert_tuples(s, cast(Table, Suspect.__table__), SUSPECT_COLUMNS, suspects)
        return pairs

    def _update_changed(self, changed: list[tuple[int, Any, dict[str, Any]]]) -> list[tuple[int, Any]]:
        if not changed:
            return []
        s = self.o.session
        ids = [cid for cid, _, _ in changed]
        stored: dict[int, Any] = {}
        for start in range(0, len(ids), _IN_LIMIT):
            part = ids[start : start + _IN_LIMIT]
            stored.update(
                (cid, extra) for cid, extra in s.execute(select(Case.id, Case.extra).where(Case.id.in_(part)))
            )
        for cid, _, values in changed:
            values["extra"] = self.coverage.merged_extra(stored.get(cid), values["extra"])
        s.execute(update(Case), [dict(v, id=cid) for cid, _, v in changed])
        replaced = [(cid, card) for cid, card, _ in changed if self.coverage.replaces_suspects(card.dept_case_no)]
        gone = [cid for cid, _ in replaced]
        for start in range(0, len(gone), _IN_LIMIT):
            s.execute(delete(Suspect).where(Suspect.case_id.in_(gone[start : start + _IN_LIMIT])))
        rows = [suspect_values(sp, cid, n) for cid, card in replaced for n, sp in enumerate(card.suspects, 1)]
        bulk_insert(s, cast(Table, Suspect.__table__), rows)
        self.summary.updated += len(changed)
        return [(cid, card) for cid, card, _ in changed]

    def _documents(self, pairs: list[tuple[int, Any]], locations: wire.Locations) -> list[Any]:
        """Attach the dossier files the chunk's cards name; a missing one is reported at its cell."""
        named = [(cid, c if not isinstance(c, tuple) else wire.decode(c)) for cid, c in pairs if _names_files(c)]
        if not named:
            return []
        added, missing = attach_documents_in(self.o, named, self.base)
        self.summary.documents_added += added
        out = []
        for sheet, row, column, value, reason in missing:
            where = locations.get(("文书" if sheet == "文书" else "案件", value or ""))
            out.append((sheet, row, column, value, reason) if where is None else (*where, value, reason))
        return out


def _names_files(card: Any) -> bool:
    if isinstance(card, tuple):
        return bool(card[1][_AT["dossier_paths"]] or card[4])
    return bool(card.dossier_paths or card.documents)

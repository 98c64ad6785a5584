"""Case cards as plain tuples, for the trip from the reading child to the importing process.

The child sends its cards in chunks serialised with ``marshal`` (built-in types only, no object graph): in
this form a 100 000-case export crosses the pipe and is decoded several times faster than pickled
dataclasses, and the importing process can store the values straight from the tuples without building a
card per case. Dates travel as ISO text (what SQLite stores anyway), amounts as decimal text, and the
card's fingerprint is computed in the child. The reader builds each tuple straight from the parsed row
(:func:`build`), without a CaseCard: its fingerprint hashes exactly the text card_rows.card_hash hashes for
the card that row makes (the card's values rendered as the dataclass reprs render them), so a stored case
stays unchanged at its next import.

One case: ``(card_hash, fields, extra, suspects, documents)`` — ``fields`` in CaseCard field order (without
extra, suspects, documents), ``suspects`` as ``(fields, extra)`` in SuspectRecord field order, documents as
``(dept_case_no, title, path, extra)``.
"""

from __future__ import annotations

import marshal
from dataclasses import fields
from datetime import date
from decimal import Decimal
from operator import itemgetter
from typing import Any

from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS, CaseCard, DocumentRecord, FieldKind, SuspectRecord
from reviewapp.services.cases.card_rows import card_hash, fingerprint

MARK = b"M"  # first byte of a chunk message (a pickled message starts with b"\x80")
NESTED = ("extra", "suspects", "documents")
CARD_ATTRS: tuple[str, ...] = tuple(f.name for f in fields(CaseCard) if f.name not in NESTED)
SUSPECT_ATTRS: tuple[str, ...] = tuple(f.name for f in fields(SuspectRecord) if f.name != "extra")
_DATE_ATTRS = {s.attr for s in CASE_FIELDS if s.kind is FieldKind.DATE}
CARD_DATES: tuple[int, ...] = tuple(i for i, a in enumerate(CARD_ATTRS) if a in _DATE_ATTRS)
SUSPECT_DATES: tuple[int, ...] = tuple(
    i for i, a in enumerate(SUSPECT_ATTRS) if a in {s.attr for s in SUSPECT_FIELDS if s.kind is FieldKind.DATE}
)
AMOUNT = CARD_ATTRS.index("amount")
DOSSIERS = CARD_ATTRS.index("dossier_paths")
Wire = tuple[Any, ...]
# Locations key of a case's row on the cases sheet: (CASE_ROW, case number) → (sheet, Excel row, key header).
CASE_ROW = "部门受案号"
Locations = dict[tuple[str, str], tuple[str, int, str]]
Taken = tuple[tuple[Any, ...], dict[str, str]]  # a linked record's values in field order, and its extra


def _plain(values: list[Any], dates: tuple[int, ...]) -> tuple[Any, ...]:
    for i in dates:
        if values[i] is not None:
            values[i] = values[i].isoformat()
    return tuple(values)


_SUSPECT_GET = itemgetter(*SUSPECT_ATTRS)
_CARD_GET = itemgetter(*CARD_ATTRS)


def encode(card: CaseCard) -> Wire:
    values = list(_CARD_GET(card.__dict__))
    if values[AMOUNT] is not None:
        values[AMOUNT] = str(values[AMOUNT])
    suspects = [(_plain(list(_SUSPECT_GET(s.__dict__)), SUSPECT_DATES), s.extra) for s in card.suspects]
    documents = [(x.dept_case_no, x.title, x.path, x.extra) for x in card.documents]
    return (card_hash(card), _plain(values, CARD_DATES), card.extra, suspects, documents)


# What card_rows.card_hash hashes: repr() of the card's values in field order, the amount normalised. The
# same text is formatted here in one step per record ("%r" is repr), the nested records as their dataclass
# reprs ("SuspectRecord(dept_case_no='…', name='…', …, extra={})") and lists as repr writes them.
_CARD_TEXT = "[" + "%r, " * len(CARD_ATTRS) + "%r, [%s], [%s]]"
_SUSPECT_TEXT = "SuspectRecord(" + ", ".join(f"{a}=%r" for a in (*SUSPECT_ATTRS, "extra")) + ")"
_DOCUMENT_TEXT = "DocumentRecord(" + ", ".join(f"{f.name}=%r" for f in fields(DocumentRecord)) + ")"
# A row merged over these gives the card's values in field order, absent columns as the card's defaults.
_CARD_DEFAULTS: dict[str, Any] = {a: None for a in CARD_ATTRS}


def build(record: dict[str, Any], extra: dict[str, str], suspects: list[Taken], documents: list[Taken]) -> Wire:
    """The wire tuple of the card ``CaseCard(**record, extra=extra)`` with these suspects and documents (as
    linked.LinkedSheet.take gives them), and its fingerprint — the same tuple :func:`encode` gives that card."""
    if len(record) == len(CARD_ATTRS):  # every field's column present (the usual export): no merge needed
        values = list(_CARD_GET(record))
    else:
        values = list({**_CARD_DEFAULTS, "dossier_paths": [], **record}.values())
    amount = values[AMOUNT]
    if amount is not None:
        values[AMOUNT] = amount.normalize()
    text = _CARD_TEXT % (
        *values,
        extra,
        ", ".join([_SUSPECT_TEXT % (*v, x) for v, x in suspects]),
        ", ".join([_DOCUMENT_TEXT % (*v, x) for v, x in documents]),
    )
    if amount is not None:
        values[AMOUNT] = str(amount)
    return (
        fingerprint(text),
        _plain(values, CARD_DATES),
        extra,
        [(_plain(list(v), SUSPECT_DATES), x) for v, x in suspects],
        [(*v, x) for v, x in documents],
    )


def encode_chunk(wires: list[Wire], locations: Locations) -> bytes:
    """One chunk message: the cards' tuples, where each of their dossier paths was written (for rejects), and
    the row of each case (CASE_ROW)."""
    wanted: Locations = {}
    for w in wires:
        for key in [(CASE_ROW, w[1][0]), *(("案件", p) for p in w[1][DOSSIERS]), *(("文书", d[2]) for d in w[4])]:
            if key in locations:
                wanted[key] = locations[key]
    return MARK + marshal.dumps((wires, wanted))


def forget_rows(locations: Locations, placed: list[str]) -> None:
    """Drop the CASE_ROW entries of the chunk just handed on (every case has one: kept, the map would grow with
    the file)."""
    for key in placed:
        locations.pop((CASE_ROW, key), None)
    placed.clear()


def decode_chunk(data: bytes | memoryview) -> tuple[list[Wire], Locations]:
    wires, locations = marshal.loads(memoryview(data)[len(MARK) :])
    return wires, locations


def _typed(values: tuple[Any, ...], dates: tuple[int, ...]) -> list[Any]:
    out = list(values)
    for i in dates:
        if out[i] is not None:
            out[i] = date.fromisoformat(out[i])
    return out


def card_fields(wire: Wire) -> dict[str, Any]:
    """The card's own fields with their Python types (dates, Decimal amount)."""
    values = _typed(wire[1], CARD_DATES)
    if values[AMOUNT] is not None:
        values[AMOUNT] = Decimal(values[AMOUNT])
    return dict(zip(CARD_ATTRS, values, strict=True))


def decode(wire: Wire) -> CaseCard:
    return CaseCard(
        **card_fields(wire),
        extra=wire[2],
        suspects=[
            SuspectRecord(**dict(zip(SUSPECT_ATTRS, _typed(v, SUSPECT_DATES), strict=True)), extra=x)
            for v, x in wire[3]
        ],
        documents=[DocumentRecord(no, title, path, extra) for no, title, path, extra in wire[4]],
    )

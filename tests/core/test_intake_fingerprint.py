"""The reader builds each case's wire tuple straight from its parsed row, without a CaseCard; the fingerprint it
computes must hash exactly the text card_rows.card_hash hashes for that card, or every stored case would look
changed at its next import. Checked three ways: against fingerprints recorded with the card-based reader on the
intake fixtures, field by field against the card path on cards with every field set (in any column order), and
on a generated demo export."""

from __future__ import annotations

import json
import random
from dataclasses import fields
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reviewapp.demo import generate_demo
from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS, CaseCard, DocumentRecord, SuspectRecord
from reviewapp.intake import wire
from reviewapp.intake.guard import open_stream
from reviewapp.services.cases.card_rows import card_hash
from tests.core import intake_fixtures as fx

RECORDED = Path(__file__).resolve().parent.parent / "fixtures" / "intake" / "fingerprints.json"


def _fingerprints(path: Path) -> dict[str, str]:
    """Case number → fingerprint, as the guarded reader sends them to the importing process."""
    out: dict[str, str] = {}
    with open_stream(path, None, None) as stream:
        for wires, _ in stream.chunks():
            out.update((w[1][0], w[0]) for w in wires)
    return out


def test_fingerprints_are_those_the_card_based_reader_recorded(tmp_path: Path) -> None:
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    files = [
        fx.write_messy_xlsx(tmp_path).path,
        *fx.write_csv_twins(tmp_path),
        fx.fixture_path("small_export.xls"),
        fx.write_simple_xlsx(tmp_path / "simple.xlsx", [fx.case_row(i) for i in range(1, 30)]),
    ]
    for path in files:
        assert _fingerprints(path) == recorded[path.name], path.name


def _value(kind: Any, rnd: random.Random, n: int) -> Any:
    text = f"值{n}'\"\\x"
    return {
        "str": text,
        "date": date(2020, 1, 1 + n % 28),
        "bool": bool(n % 2),
        "int": n % 10,
        "Decimal": Decimal(rnd.choice(["15000", "1.5E+4", "12.30", "0.01", "-3"])),
        "list[str]": [f"卷宗/{n}.pdf", f"卷宗/{n}b.pdf"],
    }[kind]


def _record(cls: type, rnd: random.Random, required: tuple[str, ...], every: bool) -> dict[str, Any]:
    """A row as the table reader gives it: some optional columns absent (unless ``every``), the rest in a
    shuffled column order."""
    out: dict[str, Any] = {}
    for n, f in enumerate(fields(cls)):
        if f.name in ("extra", "suspects", "documents"):
            continue
        kind = str(f.type).split(" | ")[0]
        if f.name in required or every or rnd.random() < 0.7:
            out[f.name] = None if f.name not in required and rnd.random() < 0.2 else _value(kind, rnd, n)
    items = list(out.items())
    rnd.shuffle(items)
    return dict(items)


@pytest.mark.parametrize("seed", range(40))
def test_a_tuple_built_from_the_row_is_the_cards_tuple_with_its_fingerprint(seed: int) -> None:
    rnd = random.Random(seed)
    every = seed % 2 == 0  # every column present (the reader's fast path) or some absent
    record = _record(CaseCard, rnd, ("dept_case_no", "name", "case_type", "unit", "department", "prosecutor"), every)
    record["accepted_on"] = date(2025, 3, 1)
    extra = {"备注": "=1+1", "x": "y"} if seed % 3 else {}
    suspects = []
    for _ in range(seed % 4):
        row = _record(SuspectRecord, rnd, ("dept_case_no", "name"), every)
        merged = {f.name: None for f in fields(SuspectRecord) if f.name != "extra"} | row
        suspects.append((tuple(merged.values()), {"曾用名": "某"} if rnd.random() < 0.5 else {}))
    documents = [
        ((record["dept_case_no"], f"文书{i}", f"文书/{i}.pdf"), {"页数": "3"} if i else {}) for i in range(seed % 3)
    ]

    built = wire.build(dict(record), extra, suspects, documents)

    card = CaseCard(
        **record,
        extra=extra,
        suspects=[SuspectRecord(*values, extra=x) for values, x in suspects],
        documents=[DocumentRecord(*values, extra=x) for values, x in documents],
    )
    assert built == wire.encode(card)
    assert built[0] == card_hash(card)
    assert wire.decode(built) == card


def test_the_card_fields_are_the_case_sheet_fields() -> None:
    # wire.build takes a row with as many fields as the card has for a row with every field.
    assert sorted(wire.CARD_ATTRS) == sorted(f.attr for f in CASE_FIELDS)
    assert sorted(wire.SUSPECT_ATTRS) == sorted(f.attr for f in SUSPECT_FIELDS)


def test_a_generated_export_reads_with_the_fingerprints_of_its_cards(tmp_path: Path) -> None:
    workbook = generate_demo(tmp_path, cases=200, dossiers=False).workbook
    with open_stream(workbook, None, None) as stream:
        wires = [w for chunk, _ in stream.chunks() for w in chunk]
    assert len(wires) >= 200
    assert any(w[3] for w in wires)  # with suspects
    for w in wires:
        card = wire.decode(w)
        assert w[0] == card_hash(card), card.dept_case_no
        assert wire.encode(card) == w

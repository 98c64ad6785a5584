"""Converting between CaseCard records and stored rows, and fingerprinting a card for re-import checks."""

from __future__ import annotations

import hashlib
from dataclasses import fields
from datetime import date
from decimal import Decimal
from typing import Any

from reviewapp.domain.case_card import CASE_FIELDS, SUSPECT_FIELDS, CaseCard, SuspectRecord

# Card attributes stored as same-named columns (org fields become foreign keys, amount becomes fen).
_ORG_ATTRS = {"dept_case_no", "unit", "department", "prosecutor", "prosecutor_staff_no", "amount"}
PLAIN_CASE_ATTRS: tuple[str, ...] = tuple(f.attr for f in CASE_FIELDS if f.attr not in _ORG_ATTRS)
SUSPECT_ATTRS: tuple[str, ...] = tuple(f.attr for f in SUSPECT_FIELDS if f.attr != "dept_case_no")


def amount_to_fen(amount: Decimal | None) -> int | None:
    if amount is None:
        return None
    return int((amount * 100).to_integral_value())


def fen_to_amount(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen) / 100


_AMOUNT_AT = [f.name for f in fields(CaseCard)].index("amount")


def card_hash(card: CaseCard) -> str:
    """A stable fingerprint of everything the export said about the case (fields, suspects, documents).

    The repr of the card's values in field order (suspects and documents are dataclasses with a generated
    repr); the amount is normalised so that 1.5万元 parsed (15000.0) and read back from fen (15000) agree.
    Not json.dumps(sort_keys=True, default=…) of asdict(): that cost ~5 s of a 100 000-case import.
    """
    values = list(card.__dict__.values())
    amount = values[_AMOUNT_AT]
    if amount is not None:
        values[_AMOUNT_AT] = amount.normalize()
    return fingerprint(repr(values))


def fingerprint(text: str) -> str:
    """The digest a card's text is stored under (``card_hash``; the reader hashes the same text, wire.build)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=32).hexdigest()


def case_values(card: CaseCard) -> dict[str, Any]:
    """Columns of the cases table taken straight from the card (without org ids and bookkeeping)."""
    values = {attr: getattr(card, attr) for attr in PLAIN_CASE_ATTRS}
    values["amount_fen"] = amount_to_fen(card.amount)
    values["dossier_paths"] = list(card.dossier_paths)
    values["extra"] = dict(card.extra)
    return values


def suspect_values(s: SuspectRecord, case_id: int, ordinal: int) -> dict[str, Any]:
    values = {attr: getattr(s, attr) for attr in SUSPECT_ATTRS}
    values["case_id"] = case_id
    values["ordinal"] = ordinal
    values["extra"] = dict(s.extra)
    return values


def display(value: Any) -> str:
    """A stored value as text for difference reports and the detail pane."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}={v}" for k, v in value.items())
    return str(value)

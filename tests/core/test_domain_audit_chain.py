"""The audit chain: every edit, deletion and insertion is found and named (domain.audit_chain)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from reviewapp.domain.audit_chain import GENESIS, ChainEntry, entry_hash, verify_chain


def chain(n: int) -> list[ChainEntry]:
    out: list[ChainEntry] = []
    prev = GENESIS
    start = datetime(2026, 12, 1, 9, 0, 0, 123456)
    for i in range(1, n + 1):
        e = ChainEntry(
            i,
            f"uid-{i}",
            start + timedelta(seconds=i),
            1 + i % 3,
            "finding.record",
            "finding",
            i,
            10,
            {"severity": [None, "司法瑕疵"]},
            {"item": "P3"},
            prev,
        )
        e = replace(e, hash=entry_hash(e))
        out.append(e)
        prev = e.hash
    return out


def head(entries: list[ChainEntry]) -> tuple[int, str]:
    return (entries[-1].seq, entries[-1].hash) if entries else (0, GENESIS)


def test_an_intact_chain_verifies() -> None:
    c = chain(5)
    assert verify_chain(c, head(c)) is None
    assert verify_chain([], (0, GENESIS)) is None


def test_the_hash_is_canonical() -> None:
    a, b = chain(1)[0], chain(1)[0]
    assert entry_hash(a) == entry_hash(b) == a.hash
    assert entry_hash(replace(a, detail={"item": "P4"})) != a.hash


def test_an_edited_entry_is_named() -> None:
    c = chain(5)
    c[2] = replace(c[2], changes={"severity": [None, "一般司法错误"]})
    broken = verify_chain(c, head(c))
    assert broken is not None and broken.seq == 3 and broken.kind == "edited"


def test_a_deleted_entry_is_named() -> None:
    c = chain(5)
    del c[1]
    broken = verify_chain(c, head(chain(5)))
    assert broken is not None and broken.seq == 2 and broken.kind == "deleted"


def test_a_deleted_tail_is_caught_by_the_head() -> None:
    full = chain(5)
    broken = verify_chain(full[:4], head(full))
    assert broken is not None and broken.seq == 5 and broken.kind == "deleted"


def test_an_appended_entry_is_caught_by_the_head() -> None:
    full = chain(6)
    broken = verify_chain(full, head(full[:5]))
    assert broken is not None and broken.kind == "inserted" and broken.seq == 6


def test_an_entry_inserted_in_the_middle_is_named() -> None:
    c = chain(5)
    forged = replace(c[2], uid="forged", detail={"item": "X"})
    forged = replace(forged, hash=entry_hash(forged))
    c.insert(3, forged)
    broken = verify_chain(c, head(chain(5)))
    assert broken is not None and broken.kind == "inserted"


@given(st.integers(min_value=1, max_value=12), st.data())
def test_any_single_edit_is_detected(n: int, data: st.DataObject) -> None:
    c = chain(n)
    i = data.draw(st.integers(min_value=0, max_value=n - 1))
    field = data.draw(st.sampled_from(["user_id", "action", "entity_id", "case_id", "at"]))
    value = {"user_id": 99, "action": "x", "entity_id": -1, "case_id": -5, "at": datetime(2000, 1, 1)}[field]
    c[i] = replace(c[i], **{field: value})
    broken = verify_chain(c, head(chain(n)))
    assert broken is not None and broken.seq == i + 1

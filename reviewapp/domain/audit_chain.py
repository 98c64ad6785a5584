"""The tamper-evident audit chain: each entry's hash covers its content and the previous entry's hash.

SHA-256 over a canonical JSON serialisation (sorted keys, no spaces, UTF-8), so the same entry always gives
the same hash on any machine. Editing an entry changes its hash; deleting one breaks the link of the next
(and the sequence numbers); inserting one breaks a link or a hash. Format version 1 — never change it in
place: a new format gets a new version and both stay verifiable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64
FORMAT = 1


@dataclass(frozen=True)
class ChainEntry:
    seq: int
    uid: str
    at: datetime
    user_id: int | None
    action: str
    entity: str
    entity_id: int | None
    case_id: int | None
    changes: dict[str, Any]  # field → [before, after]
    detail: dict[str, Any]
    prev_hash: str
    hash: str = ""


def canonical(entry: ChainEntry) -> bytes:
    body = {
        "v": FORMAT,
        "seq": entry.seq,
        "uid": entry.uid,
        "at": entry.at.isoformat(timespec="microseconds"),
        "user": entry.user_id,
        "action": entry.action,
        "entity": entry.entity,
        "entity_id": entry.entity_id,
        "case": entry.case_id,
        "changes": entry.changes,
        "detail": entry.detail,
        "prev": entry.prev_hash,
    }
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")


def entry_hash(entry: ChainEntry) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    seq: int  # the first entry found wrong (or, for a deleted tail, the head's sequence number)
    kind: str  # "edited" | "deleted" | "inserted" | "head"
    detail: str


def verify_chain(entries: Iterable[ChainEntry], head: tuple[int, str] | None) -> ChainBreak | None:
    """The first break in ``entries`` (in sequence order), or None. ``head`` is the (seq, hash) the app
    recorded with its last entry; it catches a deleted tail, which leaves no broken link behind."""
    prev_hash = GENESIS
    expected_seq = 1
    last: ChainEntry | None = None
    for e in entries:
        if e.seq != expected_seq:
            if e.seq > expected_seq:
                return ChainBreak(expected_seq, "deleted", f"entries {expected_seq}..{e.seq - 1} are missing")
            return ChainBreak(e.seq, "inserted", f"sequence number {e.seq} appears again")
        if e.prev_hash != prev_hash:
            return ChainBreak(e.seq, "inserted" if entry_hash(e) == e.hash else "edited", "link to the previous entry")
        if entry_hash(e) != e.hash:
            return ChainBreak(e.seq, "edited", "content does not match its hash")
        prev_hash = e.hash
        expected_seq += 1
        last = e
    if head is not None:
        head_seq, head_hash = head
        if (last is None and head_seq > 0) or (last is not None and last.seq < head_seq):
            return ChainBreak((last.seq + 1) if last else 1, "deleted", f"the chain should end at entry {head_seq}")
        if last is not None and (last.seq > head_seq or last.hash != head_hash):
            return ChainBreak(head_seq + 1 if last.seq > head_seq else last.seq, "inserted", "entries after the head")
    return None

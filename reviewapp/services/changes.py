"""Change records: what one operation changed, by kind of entity and id (Anki's OpChanges).

The GUI's hub refreshes exactly the views whose kinds a record touches; the CLI prints from it.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    CASE = "case"
    DOSSIER = "dossier"
    IMPORT = "import"
    CHECK_RESULT = "check_result"
    SUGGESTION = "suggestion"  # a reviewer's decision on a suggested finding
    REVIEW = "review"
    FINDING = "finding"
    STANDARD = "standard"
    NOTICE = "notice"
    PERSON = "person"
    ACCOUNT = "account"
    SETTING = "setting"
    AUDIT = "audit"
    PLAN = "plan"
    PLAN_CASE = "plan_case"  # a case selected into (or removed from) a plan
    ASSIGNMENT = "assignment"
    CONFLICT = "conflict"  # a declared conflict (回避) or its dismissal
    SELF_CHECK = "self_check"  # a 个人自查表 / 部门核查表 (每案必检)


class CompactIds(Set[int]):
    """A large, read-only set of ids kept as one sorted array of machine integers (8 bytes an id).

    An import's change record names every case it stored and stays referenced after the operation (the
    workbench's ``last_changes``): as a frozenset that is ~80 bytes an id, and each int object, allocated
    among the import's short-lived ones, keeps a memory arena of the process from being returned. Behaves
    as an immutable set (``in``, iteration in ascending order, ``len``, equality with any set, ``|`` ``&``
    ``-`` giving frozensets, hashable)."""

    __slots__ = ("_ids",)

    def __init__(self, ids: Iterable[int] = ()) -> None:
        self._ids = array("q", sorted(set(ids)))

    @classmethod
    def of_arrays(cls, parts: Iterable[array[int]], more: Iterable[int] = ()) -> CompactIds:
        """The ids of ``parts`` (arrays of ids) and ``more``, without making a Python set of them."""
        merged = array("q", more)
        for part in parts:
            merged.extend(part)
        out = cls.__new__(cls)
        ordered = sorted(merged)
        out._ids = array("q", (i for n, i in enumerate(ordered) if n == 0 or ordered[n - 1] != i))
        return out

    @classmethod
    def _from_iterable(cls, it: Iterable[Any]) -> frozenset[Any]:  # results of | & - ^
        return frozenset(it)

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, int):
            return False
        at = bisect_left(self._ids, value)
        return at < len(self._ids) and self._ids[at] == value

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __hash__(self) -> int:
        return self._hash()

    def __repr__(self) -> str:
        return f"CompactIds({len(self._ids)} ids)"


# Arrays of ids (an import's stored cases) at least this long are kept as CompactIds, smaller ones as frozensets.
COMPACT_FROM = 1024


@dataclass(frozen=True)
class ChangeRecord:
    action: str  # the operation, e.g. "finding.record"
    entities: Mapping[Kind, Set[int]] = field(default_factory=dict)  # frozenset, or CompactIds when large

    def touches(self, *kinds: Kind) -> bool:
        return any(k in self.entities for k in kinds)

    def ids(self, kind: Kind) -> Set[int]:
        """The ids of ``kind`` changed: an immutable set (a frozenset, or CompactIds for an import's cases)."""
        return self.entities.get(kind, frozenset())

    def to_json(self) -> dict[str, object]:
        return {"action": self.action, "changed": {k.value: sorted(v) for k, v in self.entities.items()}}


class ChangeCollector:
    """Gathers the kinds and ids an operation touched while it runs."""

    def __init__(self) -> None:
        self._ids: dict[Kind, set[int]] = {}
        self._arrays: dict[Kind, list[array[int]]] = {}  # ids handed over as arrays, kept as they are

    def add(self, kind: Kind, ids: Iterable[int | None] = ()) -> None:
        bucket = self._ids.setdefault(kind, set())
        if isinstance(ids, array):  # many ids (an import's cases): no int object per id
            self._arrays.setdefault(kind, []).append(ids)
            return
        bucket.update(i for i in ids if i is not None)

    def record(self, action: str) -> ChangeRecord:
        entities: dict[Kind, Set[int]] = {}
        for kind, ids in self._ids.items():
            parts = self._arrays.get(kind, [])
            if sum(map(len, parts)) >= COMPACT_FROM:
                entities[kind] = CompactIds.of_arrays(parts, ids)
            else:
                entities[kind] = frozenset(ids.union(*parts))
        return ChangeRecord(action, entities)

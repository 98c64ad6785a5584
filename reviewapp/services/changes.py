"""Change records: what one operation changed, by kind of entity and id (Anki's OpChanges).

The GUI's hub refreshes exactly the views whose kinds a record touches; the CLI prints from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


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


@dataclass(frozen=True)
class ChangeRecord:
    action: str  # the operation, e.g. "finding.record"
    entities: Mapping[Kind, frozenset[int]] = field(default_factory=dict)

    def touches(self, *kinds: Kind) -> bool:
        return any(k in self.entities for k in kinds)

    def ids(self, kind: Kind) -> frozenset[int]:
        return self.entities.get(kind, frozenset())

    def to_json(self) -> dict[str, object]:
        return {"action": self.action, "changed": {k.value: sorted(v) for k, v in self.entities.items()}}


class ChangeCollector:
    """Gathers the kinds and ids an operation touched while it runs."""

    def __init__(self) -> None:
        self._ids: dict[Kind, set[int]] = {}

    def add(self, kind: Kind, ids: Iterable[int | None] = ()) -> None:
        bucket = self._ids.setdefault(kind, set())
        bucket.update(i for i in ids if i is not None)

    def record(self, action: str) -> ChangeRecord:
        return ChangeRecord(action, {k: frozenset(v) for k, v in self._ids.items()})

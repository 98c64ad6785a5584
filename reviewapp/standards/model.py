"""A review standard (评查标准) as plain, frozen data: dimensions, checklist items, 优质 criteria, grade
rules and grade schemes.

The standard is data, not code (review-rules.md §2–§3): the grade rules are an ordered list of
conditions evaluated by a small interpreter (reviewapp.domain.grading), so a procuratorate can change
them without touching Python. ``to_dict`` gives the canonical plain form that the YAML files, the Excel
workbook and a review's pinned JSON copy all share; ``from_dict`` validates it with the same schema as
the loader.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

# Three tiers of problem severity (review-rules.md §2, one national-origin template).
FLAW = "司法瑕疵"
ERROR = "一般司法错误"
SERIOUS = "严重司法错误"
SEVERITIES: tuple[str, ...] = (FLAW, ERROR, SERIOUS)
# The checklist of §3 writes severities as 瑕 / 错 / 严; files may use either form.
SEVERITY_ALIASES: dict[str, str] = {"瑕": FLAW, "错": ERROR, "严": SERIOUS}

# Condition clauses a grade rule may combine (all must hold). Kept here so the schema, the Excel
# columns and the interpreter agree on one list.
CONDITION_KEYS: tuple[str, ...] = (
    "veto",
    "severity_any",
    "severity_only",
    "no_findings",
    "score_below",
    "score_at_least",
    "criteria_all_ticked",
    "justification",
)


@dataclass(frozen=True)
class Dimension:
    """A checklist dimension (评查维度), e.g. E = 证据采信."""

    code: str
    name: str


@dataclass(frozen=True)
class ChecklistItem:
    """One checklist item (评查项). ``check`` is the free-text id of an automatic check, if any; ``basis`` the
    provisions the item rests on (依据 / 法律依据 of an office's checklist), as written."""

    code: str
    dimension: str
    text: str
    case_types: tuple[str, ...]
    severities: tuple[str, ...]
    deduction: float
    veto: bool = False
    phrases: tuple[str, ...] = ()
    check: str | None = None
    basis: str = ""


@dataclass(frozen=True)
class Criterion:
    """A positive criterion (e.g. 证据审查全面) that must be ticked for the listed grades."""

    code: str
    text: str
    grades: tuple[str, ...]


@dataclass(frozen=True)
class RuleCondition:
    """All set clauses must hold; an unset clause (None / False) does not constrain."""

    veto: bool = False
    severity_any: tuple[str, ...] = ()
    severity_only: tuple[str, ...] = ()
    no_findings: bool = False
    score_below: float | None = None
    score_at_least: float | None = None
    criteria_all_ticked: bool = False
    justification: bool = False

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in CONDITION_KEYS:
            value = getattr(self, key)
            if value is None or value is False or value == ():
                continue
            out[key] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True)
class GradeRule:
    """One entry of the ordered rule list: the first enabled rule whose condition holds gives the grade
    (a grade of the standard's own scheme)."""

    id: str
    name: str
    when: RuleCondition
    grade: str
    enabled: bool = True


@dataclass(frozen=True)
class GradeScheme:
    """A set of grades, best first. ``mapping`` maps each grade to its equivalent in ``maps_to``
    (e.g. 2018 瑕疵 → 2026 基本合格) for cross-period statistics."""

    id: str
    name: str
    grades: tuple[str, ...]
    maps_to: str | None = None
    mapping: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PracticeRules:
    """Configurable submission checks of §2 [practice]."""

    require_record: bool = False  # at least one finding or ticked criterion, even for 合格
    require_finding_reason: bool = True
    require_override_reason: bool = True
    justification_required_for: tuple[str, ...] = ()


@dataclass(frozen=True)
class Standard:
    code: str
    name: str
    version: int
    case_types: tuple[str, ...]
    scheme: str  # id of the scheme the rules and criteria speak
    schemes: tuple[GradeScheme, ...]
    dimensions: tuple[Dimension, ...]
    items: tuple[ChecklistItem, ...]
    criteria: tuple[Criterion, ...]
    rules: tuple[GradeRule, ...]
    practice: PracticeRules = PracticeRules()
    score_base: float | None = None  # e.g. 100 when deductions are scored

    # --- look-ups -------------------------------------------------------------------------------

    def item(self, code: str) -> ChecklistItem:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(code)

    def items_for(self, case_type: str) -> tuple[ChecklistItem, ...]:
        return tuple(it for it in self.items if case_type in it.case_types)

    def dimension(self, code: str) -> Dimension:
        for dim in self.dimensions:
            if dim.code == code:
                return dim
        raise KeyError(code)

    def grade_scheme(self, scheme_id: str | None = None) -> GradeScheme:
        wanted = self.scheme if scheme_id is None else scheme_id
        for sch in self.schemes:
            if sch.id == wanted:
                return sch
        raise KeyError(wanted)

    def convert_grade(self, grade: str, from_scheme: str, to_scheme: str) -> str:
        """The equivalent grade in another scheme, following the explicit mappings (in either
        direction); raises KeyError when no mapping connects the two schemes."""
        if from_scheme == to_scheme:
            return grade
        src, dst = self.grade_scheme(from_scheme), self.grade_scheme(to_scheme)
        if src.maps_to == dst.id:
            return dict(src.mapping)[grade]
        if dst.maps_to == src.id:
            return {b: a for a, b in dst.mapping}[grade]
        # Both map to a common scheme (e.g. the default): go through it.
        if src.maps_to is not None and src.maps_to == dst.maps_to:
            middle = dict(src.mapping)[grade]
            return {b: a for a, b in dst.mapping}[middle]
        raise KeyError(f"no grade mapping {from_scheme} → {to_scheme}")

    # --- plain form -----------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The canonical plain form (JSON/YAML-safe), accepted back by :meth:`from_dict`."""
        return {
            "code": self.code,
            "name": self.name,
            "version": self.version,
            "case_types": list(self.case_types),
            "scheme": self.scheme,
            "score_base": self.score_base,
            "schemes": [
                {
                    "id": s.id,
                    "name": s.name,
                    "grades": list(s.grades),
                    "maps_to": s.maps_to,
                    "mapping": dict(s.mapping),
                }
                for s in self.schemes
            ],
            "practice": {
                "require_record": self.practice.require_record,
                "require_finding_reason": self.practice.require_finding_reason,
                "require_override_reason": self.practice.require_override_reason,
                "justification_required_for": list(self.practice.justification_required_for),
            },
            "dimensions": [{"code": d.code, "name": d.name} for d in self.dimensions],
            "items": [
                {
                    "code": it.code,
                    "dimension": it.dimension,
                    "text": it.text,
                    "case_types": list(it.case_types),
                    "severities": list(it.severities),
                    "deduction": it.deduction,
                    "veto": it.veto,
                    "phrases": list(it.phrases),
                    "check": it.check,
                    # Only when there is one: the plain form (and so the fingerprint) of every standard stored
                    # before items had a basis stays as it was, so the shipped ones are not stored again.
                    **({"basis": it.basis} if it.basis else {}),
                }
                for it in self.items
            ],
            "criteria": [{"code": c.code, "text": c.text, "grades": list(c.grades)} for c in self.criteria],
            "rules": [
                {"id": r.id, "name": r.name, "enabled": r.enabled, "when": r.when.to_dict(), "grade": r.grade}
                for r in self.rules
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, source: str = "<dict>") -> Standard:
        """Validate ``data`` with the standard schema and build the Standard (raises StandardError)."""
        from reviewapp.standards.schema import parse_standard

        return parse_standard(data, source=source)

    def content_fingerprint(self) -> str:
        """SHA-256 of the content without the version: two versions with equal content match."""
        data = self.to_dict()
        del data["version"]
        blob = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def item_order(code: str) -> tuple[str, int, str]:
    """The order people read item codes in: E2 before E10 (the letter prefix, then the number), whatever the
    order of the text; a code without a trailing number sorts as its prefix and 0."""
    head = code.rstrip("0123456789")
    tail = code[len(head) :]
    return head, int(tail) if tail else 0, code

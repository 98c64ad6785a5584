"""Warnings for a standard that loads but would not apply: case types or grade names the app does not know.

A standard whose case types match no case type of the case card (review-rules.md §5) is never picked for a
case, and a grade name outside the shipped schemes does not line up with the statistics; both are legal
(a new scheme is a new scheme), so they are warned about, not refused.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewapp.domain.case_card import CASE_TYPES
from reviewapp.i18n import translate
from reviewapp.standards.loader import load_shipped_standards
from reviewapp.standards.model import Standard

_known_grades: tuple[str, ...] | None = None


def known_grades() -> tuple[str, ...]:
    """Every grade name of the shipped standards' schemes, in first-seen order."""
    global _known_grades
    if _known_grades is None:
        seen: dict[str, None] = {}
        for standard in load_shipped_standards():
            for scheme in standard.schemes:
                seen.update(dict.fromkeys(scheme.grades))
        _known_grades = tuple(seen)
    return _known_grades


def standard_warnings(
    standard: Standard, case_types: Iterable[str] = CASE_TYPES, grades: Iterable[str] | None = None
) -> tuple[str, ...]:
    """Plain translated warnings, one per unknown case type and per unknown grade name."""
    known_types = tuple(case_types)
    known = tuple(grades) if grades is not None else known_grades()
    out: list[str] = []
    for case_type in standard.case_types:
        if case_type not in known_types:
            out.append(
                translate(
                    "Standards",
                    "The case type {case_type} matches no case type the app knows ({known}): no case will be "
                    "reviewed with this standard under it.",
                ).format(case_type=case_type, known="、".join(known_types))
            )
    unknown = dict.fromkeys(g for s in standard.schemes for g in s.grades if g not in known)
    for grade in unknown:
        out.append(
            translate(
                "Standards",
                "The grade {grade} matches no grade the app knows ({known}); statistics list it on its own.",
            ).format(grade=grade, known="、".join(known))
        )
    return tuple(out)

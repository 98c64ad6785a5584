"""Grades across grade schemes, for statistics (review-rules.md §2).

A review keeps the scheme it was graded under: 2018 (优质 / 合格 / 瑕疵 / 不合格) before 2026-02-01, 2026
(优质 / 合格 / 基本合格 / 不合格) after. A table that crosses the date counts every grade in the scheme the
others map to (``GradeScheme.maps_to``, the 2026 scheme in the shipped standards), through the standard's own
explicit mapping (瑕疵 → 基本合格), and says which grades it mapped and how many (``MappedGrade``) so the
table can print "瑕疵 counted as 基本合格 (n)". Nothing is mapped by a hard-coded word: a standard without
the mapping keeps its grade as it is.

The SQL groups by (standard version, scheme, grade) — a handful of rows — and the mapping runs on those
groups, never on review rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewapp.standards import Standard
from reviewapp.storage.models import StandardVersion

DEFAULT_ORDER = ("优质", "合格", "基本合格", "不合格")  # the 2026 scheme, best first (review-rules.md §2)
UNGRADED = ""  # a formed opinion always has a grade; kept for odd stored states


@dataclass(frozen=True)
class MappedGrade:
    """Grades of an older scheme counted as a grade of the newer one: 瑕疵 → 基本合格, ``count`` reviews."""

    source: str
    target: str
    count: int


class GradeMapper:
    """Maps (standard version id, scheme id, grade) to the grade counted, loading standards as needed."""

    def __init__(self, session: Session) -> None:
        self._s = session
        self._standards: dict[int, Standard | None] = {}
        self.order: list[str] = list(DEFAULT_ORDER)

    def _standard(self, standard_id: int) -> Standard | None:
        if standard_id not in self._standards:
            sv = self._s.scalars(select(StandardVersion).where(StandardVersion.id == standard_id)).first()
            std = None if sv is None else Standard.from_dict(sv.content, source=f"{sv.code} v{sv.version}")
            self._standards[standard_id] = std
            if std is not None:
                self._learn_order(std)
        return self._standards[standard_id]

    def _learn_order(self, std: Standard) -> None:
        target = std.grade_scheme(self._target_scheme(std, std.scheme))
        for g in target.grades:
            if g not in self.order:
                self.order.append(g)

    @staticmethod
    def _target_scheme(std: Standard, scheme_id: str) -> str:
        seen: set[str] = set()
        current = scheme_id
        while current not in seen:
            seen.add(current)
            try:
                nxt = std.grade_scheme(current).maps_to
            except KeyError:
                return current
            if not nxt:
                return current
            current = nxt
        return current

    def counted(self, standard_id: int, scheme_id: str, grade: str) -> str:
        """The grade a review graded ``grade`` under ``scheme_id`` counts as."""
        std = self._standard(standard_id)
        if std is None or not grade:
            return grade
        seen: set[str] = set()
        current_scheme, current = scheme_id, grade
        while current_scheme not in seen:
            seen.add(current_scheme)
            try:
                sch = std.grade_scheme(current_scheme)
            except KeyError:
                break
            if not sch.maps_to:
                break
            mapping = dict(sch.mapping)
            if current not in mapping:
                break
            current, current_scheme = mapping[current], sch.maps_to
        if current not in self.order:
            self.order.append(current)
        return current

    def fold(self, groups: Iterable[tuple[int, str, str, int]]) -> tuple[dict[str, int], list[MappedGrade]]:
        """(standard id, scheme id, grade, count) groups → counts per counted grade, and what was mapped."""
        counts: dict[str, int] = {}
        mapped: dict[tuple[str, str], int] = {}
        for standard_id, scheme_id, grade, n in groups:
            target = self.counted(standard_id, scheme_id or "", grade or UNGRADED)
            counts[target] = counts.get(target, 0) + n
            if target != (grade or UNGRADED):
                mapped[(grade, target)] = mapped.get((grade, target), 0) + n
        return counts, [MappedGrade(s, t, n) for (s, t), n in sorted(mapped.items())]

    def sources_of(self, grade: str, standard_schemes: Iterable[tuple[int, str]]) -> set[str]:
        """Every stored grade word that counts as ``grade`` (瑕疵 and 基本合格 for 基本合格), for click-through."""
        out = {grade}
        for standard_id, scheme_id in standard_schemes:
            std = self._standard(standard_id)
            if std is None:
                continue
            try:
                words = std.grade_scheme(scheme_id).grades
            except KeyError:
                continue
            out.update(w for w in words if self.counted(standard_id, scheme_id, w) == grade)
        return out

    def ordered(self, counts: dict[str, int]) -> dict[str, int]:
        """Every grade of the counted scheme (zeros included), best first, then any other word seen."""
        keys = [g for g in self.order if g != UNGRADED] + [g for g in counts if g not in self.order]
        return {g: counts.get(g, 0) for g in keys if g != UNGRADED or counts.get(g)}


def merge_mapped(*lists: Iterable[MappedGrade]) -> list[MappedGrade]:
    total: dict[tuple[str, str], int] = {}
    for items in lists:
        for m in items:
            total[(m.source, m.target)] = total.get((m.source, m.target), 0) + m.count
    return [MappedGrade(s, t, n) for (s, t), n in sorted(total.items())]

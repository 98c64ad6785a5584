"""Reviewer calibration (评查员校准): how far the members of review panels agree, per checklist item and
overall, and how each reviewer's severities compare with the panel's reconciled opinion.

    report = calibration(wb, plan_id=None, period=parse_period("2026Q3"))
    report.overall.alpha_ordinal, report.items[0].alpha_ordinal, report.pairs[0].kappa_linear,
    report.reviewers[0].mean_difference, report.to_json()

Method (README "Reviewer calibration"): a unit is one checklist item of one formed review file with two or
more members; each member rates it on the ordinal scale 0 no problem < 1 司法瑕疵 < 2 一般司法错误 < 3 严重司法
错误 (calibration_data.py). Per item and overall: Krippendorff's α (ordinal, and nominal), Fleiss' κ where every
panel has the same size, and the observed pairwise agreement. Per pair of reviewers who sat together: Cohen's κ
(nominal, and linearly weighted) over the items of their shared files. Leniency: on the items where the
reviewer or the panel found a problem, the mean of (reviewer's level − panel's level) — above 0 stricter than
the panel, below 0 more lenient — with the counts of stricter, same and more lenient items.

Reading needs READ_REVIEWS or EXPORT_RESULTS and counts only cases in the reader's units
(analysis/filters.reader_scope). Training reviews of gold cases are never read: they form no opinion.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Any

from reviewapp.domain.agreement import (
    cohen_kappas_table,
    fleiss_kappa_profiles,
    krippendorff_alpha_profiles,
    pairwise_agreement_profiles,
)
from reviewapp.services.analysis.calibration_data import NONE_LEVEL, SCALE, Counted, Counts, PanelData, Profile
from reviewapp.services.analysis.filters import reader_scope
from reviewapp.services.analysis.periods import Period
from reviewapp.services.workbench import Workbench
from reviewapp.standards.model import SEVERITIES


@dataclass(frozen=True)
class Agreement:
    """Agreement over a set of units (rated items of review files)."""

    files: int  # review files (cases) the units come from
    units: int  # items × files
    flagged: int  # units where at least one member found a problem
    agreement: float | None  # share of agreeing pairs of members
    alpha_ordinal: float | None
    alpha_nominal: float | None
    fleiss_kappa: float | None  # None where panels differ in size, or no variation


@dataclass(frozen=True)
class ItemAgreement(Agreement):
    item_code: str = ""
    item_text: str = ""
    dimension: str = ""


@dataclass(frozen=True)
class PairAgreement:
    reviewer_a: str
    reviewer_b: str
    reviewer_a_id: int
    reviewer_b_id: int
    files: int
    units: int
    agreement: float | None
    kappa: float | None  # Cohen's κ, nominal
    kappa_linear: float | None  # Cohen's κ, linear weights on the ordinal scale


@dataclass(frozen=True)
class Leniency:
    reviewer: str
    reviewer_id: int
    files: int
    compared: int  # items where the reviewer or the panel found a problem
    stricter: int
    same: int
    lenient: int
    mean_difference: float | None  # mean (reviewer − panel) over the compared items; > 0 stricter

    @property
    def share_stricter(self) -> float | None:
        return None if not self.compared else self.stricter / self.compared

    @property
    def share_lenient(self) -> float | None:
        return None if not self.compared else self.lenient / self.compared


@dataclass(frozen=True)
class CalibrationReport:
    plan_id: int | None
    period: str | None
    scale: tuple[str, ...]  # level 0.. labels: "" for no problem, then the severities
    overall: Agreement  # every rated item
    overall_flagged: Agreement  # only the items someone found a problem in
    items: list[ItemAgreement]  # items at least one member found a problem in, checklist order
    pairs: list[PairAgreement]
    reviewers: list[Leniency]

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["scale"] = list(self.scale)
        out["reviewers"] = [
            {**asdict(r), "share_stricter": r.share_stricter, "share_lenient": r.share_lenient} for r in self.reviewers
        ]
        return out


_EMPTY: dict[str, int] = {}


def reference_counts(data: PanelData) -> Counted:
    """The counts in plain Python over load_panels' objects: the reference the array counting
    (calibration_counts.py) is tested against. Only the units someone found a problem in are visited one by
    one; the others — most units — are counted per (rated items, panel size): a unit nobody found anything in
    has the profile (m, 0, 0, 0) and is a (0, 0) for every pair."""
    return Counted(_count(data), len(data.files), data.items, data.names)


def _count(data: PanelData) -> Counts:
    c = Counts()
    for f in data.files:
        members = f.members
        m = len(members)
        c.rated[(f.items, m)] += 1
        dicts = [f.member_levels.get(x, _EMPTY) for x in members]
        touched = set().union(*dicts) & f.item_set
        nothing_found = len(f.items) - len(touched)
        pairs = []  # (position of the lower id, position of the higher id, their table)
        for i in range(m):
            for j in range(i + 1, m):
                lo, hi = (i, j) if members[i] < members[j] else (j, i)
                key = (members[lo], members[hi])
                c.pair_files[key] += 1
                table = c.tables[key]
                table[(NONE_LEVEL, NONE_LEVEL)] += nothing_found
                pairs.append((lo, hi, table))
        leans = [c.lean[x] for x in members]
        for x in members:
            c.member_files[x] += 1
        if touched:
            c.flagged_files += 1
        panel = f.panel_levels
        for item in touched:
            levels = [d.get(item, NONE_LEVEL) for d in dicts]
            c.found[item][tuple(map(levels.count, SCALE))] += 1
            c.found_by_size[(item, m)] += 1
            for lo, hi, table in pairs:
                table[(levels[lo], levels[hi])] += 1
            agreed = panel.get(item, NONE_LEVEL)
            for row, level in zip(leans, levels, strict=True):
                if level or agreed:
                    _lean(row, level - agreed)
        for item, agreed in panel.items():  # the panel found what no member did (a reconciling decision)
            if agreed and item not in touched and item in f.item_set:
                for row in leans:
                    _lean(row, -agreed)
    return c


def _lean(row: list[int], difference: int) -> None:
    row[0] += 1
    row[1 if difference > 0 else 2 if difference == 0 else 3] += 1
    row[4] += difference


def _agreement(profiles: Counter[Profile], files: int) -> dict[str, Any]:
    """The figures of a set of units given as {profile: how many units}."""
    sizes = {sum(p) for p in profiles}
    return {
        "files": files,
        "units": sum(profiles.values()),
        "flagged": sum(times for p, times in profiles.items() if p[NONE_LEVEL] != sum(p)),
        "agreement": pairwise_agreement_profiles(profiles),
        "alpha_ordinal": krippendorff_alpha_profiles(profiles, SCALE, level="ordinal"),
        "alpha_nominal": krippendorff_alpha_profiles(profiles, SCALE, level="nominal"),
        "fleiss_kappa": fleiss_kappa_profiles(profiles) if len(sizes) == 1 else None,
    }


def _items(data: Counted, c: Counts) -> tuple[Agreement, Agreement, list[ItemAgreement]]:
    per_item: dict[str, Counter[Profile]] = defaultdict(Counter)
    files_per_item: Counter[str] = Counter()
    for (codes, m), times in c.rated.items():
        nothing = tuple([m] + [0] * (len(SCALE) - 1))
        for item in codes:
            files_per_item[item] += times
            per_item[item][nothing] += times - c.found_by_size[(item, m)]
    overall: Counter[Profile] = Counter()
    flagged: Counter[Profile] = Counter()
    for item, profiles in c.found.items():
        per_item[item].update(profiles)
        flagged.update(profiles)
    for profiles in per_item.values():
        overall.update({p: t for p, t in profiles.items() if t})
    items = [
        ItemAgreement(
            **_agreement(+per_item[code], files_per_item[code]),
            item_code=code,
            item_text=info.text,
            dimension=info.dimension,
        )
        for code, info in data.items.items()
        if code in c.found
    ]
    return (
        Agreement(**_agreement(overall, data.files)),
        Agreement(**_agreement(flagged, c.flagged_files)),
        items,
    )


def _pairs(data: Counted, c: Counts) -> list[PairAgreement]:
    out = []
    for (a, b), table in c.tables.items():
        units = sum(table.values())
        kappa, kappa_linear = cohen_kappas_table(table)
        out.append(
            PairAgreement(
                reviewer_a=data.names.get(a, ""),
                reviewer_b=data.names.get(b, ""),
                reviewer_a_id=a,
                reviewer_b_id=b,
                files=c.pair_files[(a, b)],
                units=units,
                agreement=sum(n for (x, y), n in table.items() if x == y) / units if units else None,
                kappa=kappa,
                kappa_linear=kappa_linear,
            )
        )
    return sorted(out, key=lambda p: (p.reviewer_a, p.reviewer_b))


def _leniency(data: Counted, c: Counts) -> list[Leniency]:
    out = []
    for member, files in c.member_files.items():
        compared, stricter, same, lenient, total = c.lean.get(member, [0, 0, 0, 0, 0])
        out.append(
            Leniency(
                reviewer=data.names.get(member, ""),
                reviewer_id=member,
                files=files,
                compared=compared,
                stricter=stricter,
                same=same,
                lenient=lenient,
                mean_difference=total / compared if compared else None,
            )
        )
    return sorted(out, key=lambda r: r.reviewer)


def calibration(wb: Workbench, *, plan_id: int | None = None, period: Period | None = None) -> CalibrationReport:
    """Agreement and leniency over the formed panel review files of the plan and/or period (all when
    neither) in the reader's units. NotPermitted without READ_REVIEWS / EXPORT_RESULTS."""
    from reviewapp.services.analysis.calibration_counts import count_panels  # numpy: loaded when first used

    scope = reader_scope(wb)
    data = count_panels(
        wb,
        scope,
        plan_id=plan_id,
        start=period.start if period is not None else None,
        end=period.end if period is not None else None,
    )
    return report_of(data, plan_id, period)


def report_of(data: Counted, plan_id: int | None, period: Period | None) -> CalibrationReport:
    counts = data.counts
    overall, flagged, items = _items(data, counts)
    return CalibrationReport(
        plan_id=plan_id,
        period=period.code() if period is not None else None,
        scale=("", *SEVERITIES),
        overall=overall,
        overall_flagged=flagged,
        items=items,
        pairs=_pairs(data, counts),
        reviewers=_leniency(data, counts),
    )

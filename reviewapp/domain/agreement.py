"""Agreement between raters: Cohen's κ (two raters, nominal or weighted), Fleiss' κ (a fixed number of raters
per subject) and Krippendorff's α (any number of raters, missing ratings allowed; nominal, ordinal or
interval). Pure functions on plain values; no I/O.

Used for reviewer calibration (review-rules.md §2 severity tiers as an ordinal scale, with "no problem" as
its lowest level). Each function computes with exact fractions over the counts and returns a float, or None
where the coefficient is undefined (nothing to compare, or no variation to correct for chance: the
denominator is zero).

Sources of the formulas (the tests reproduce their worked examples):
- Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and Psychological
  Measurement 20, 37–46; Cohen, J. (1968). Weighted kappa. Psychological Bulletin 70, 213–220.
- Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological Bulletin 76,
  378–382.
- Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. University of Pennsylvania,
  https://repository.upenn.edu/asc_papers/43 (coincidence matrix, metric differences δ²).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from fractions import Fraction
from itertools import combinations
from typing import Any, Literal, TypeVar, cast

T = TypeVar("T", bound=Hashable)

Weights = Literal["none", "linear", "quadratic"]
Level = Literal["nominal", "ordinal", "interval"]


def _ordered(values: Iterable[T], categories: Sequence[T] | None) -> list[T]:
    """The category order: the given one (every value must be in it), else the values sorted."""
    seen = set(values)
    if categories is None:
        return sorted(seen, key=_sort_key)
    order = list(dict.fromkeys(categories))
    unknown = seen - set(order)
    if unknown:
        raise ValueError(f"ratings outside the categories: {sorted(map(repr, unknown))}")
    return order


def _sort_key(value: object) -> tuple[str, object]:
    # Sorting mixed types would fail; numbers and strings each sort naturally.
    return (type(value).__name__, value)


def _result(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


# --- two raters --------------------------------------------------------------------------------------


def paired(a: Sequence[T | None], b: Sequence[T | None]) -> list[tuple[T, T]]:
    """The subjects both raters rated (None = not rated)."""
    if len(a) != len(b):
        raise ValueError("the two raters' ratings must be of the same subjects")
    return [(x, y) for x, y in zip(a, b, strict=True) if x is not None and y is not None]


def percent_agreement(a: Sequence[T | None], b: Sequence[T | None]) -> float | None:
    """Share of the commonly rated subjects on which the two raters gave the same rating."""
    pairs = paired(a, b)
    if not pairs:
        return None
    return sum(1 for x, y in pairs if x == y) / len(pairs)


def cohen_kappa(
    a: Sequence[T | None],
    b: Sequence[T | None],
    *,
    weights: Weights = "none",
    categories: Sequence[T] | None = None,
) -> float | None:
    """Cohen's κ of two raters over the subjects both rated.

    Unweighted: κ = (p_o − p_e) / (1 − p_e), p_o the observed share of agreement, p_e = Σ_k p_k(a)·p_k(b).
    Weighted (ordinal categories, in ``categories`` order): κ_w = 1 − Σ w_ij·o_ij / Σ w_ij·e_ij with
    disagreement weights w_ij = |i − j| (linear) or (i − j)² (quadratic), o the observed and e the
    chance-expected contingency table (row total × column total / n)."""
    pairs = paired(a, b)
    if not pairs:
        return None
    order = _ordered([v for p in pairs for v in p], categories)
    rank = {c: i for i, c in enumerate(order)}
    return cohen_kappa_table(Counter((rank[x], rank[y]) for x, y in pairs), len(order), weights=weights)


def cohen_kappa_table(table: Mapping[tuple[int, int], int], k: int, *, weights: Weights = "none") -> float | None:
    """Cohen's κ from the contingency table {(rank of rater a, rank of rater b): subjects} over k ordered
    categories (the form a large data set is counted in; ``cohen_kappa`` builds it from ratings)."""
    return _kappa(_Margins(table), weights)


def cohen_kappas_table(table: Mapping[tuple[int, int], int]) -> tuple[float | None, float | None]:
    """(Cohen's κ, linearly weighted κ) of one contingency table, its marginals counted once: the two figures
    a pair of reviewers is shown with. Equal to ``cohen_kappa_table`` with weights "none" and "linear"."""
    margins = _Margins(table)
    return _kappa(margins, "none"), _kappa(margins, "linear")


class _Margins:
    """A contingency table with its size and row and column totals."""

    def __init__(self, table: Mapping[tuple[int, int], int]) -> None:
        self.table, self.n = table, 0
        self.rows: dict[int, int] = {}
        self.cols: dict[int, int] = {}
        for (i, j), c in table.items():
            self.n += c
            self.rows[i] = self.rows.get(i, 0) + c
            self.cols[j] = self.cols.get(j, 0) + c


def _kappa(m: _Margins, weights: Weights) -> float | None:
    # κ_w = 1 − (Σ w·o / n) / (Σ w·r·c / n²) = 1 − n·Σ w·o / Σ w·r·c: integers until the one division.
    weight = _WEIGHTS.get(weights)
    if weight is None:
        raise ValueError(f"unknown weights {weights!r}")
    if m.n == 0:
        return None
    observed = m.n * sum(weight(i, j) * c for (i, j), c in m.table.items())
    if weights == "none":  # Σ_{i≠j} r_i·c_j = n² − Σ_i r_i·c_i
        expected = m.n * m.n - sum(r * m.cols.get(i, 0) for i, r in m.rows.items())
    else:
        expected = sum(weight(i, j) * r * c for i, r in m.rows.items() for j, c in m.cols.items())
    if expected == 0:
        return None
    return _result(Fraction(expected - observed, expected))


# Disagreement weights of Cohen (1968): nominal, linear and quadratic distance between the ranks.
_WEIGHTS: dict[str, Callable[[int, int], int]] = {
    "none": lambda i, j: int(i != j),
    "linear": lambda i, j: abs(i - j),
    "quadratic": lambda i, j: (i - j) ** 2,
}


# --- a fixed number of raters per subject ----------------------------------------------------------------


def category_counts(subjects: Sequence[Sequence[T]], categories: Sequence[T] | None = None) -> list[list[int]]:
    """The subjects × categories table of how many raters gave each category (Fleiss' n_ij)."""
    order = _ordered([v for s in subjects for v in s], categories)
    rank = {c: i for i, c in enumerate(order)}
    table = []
    for ratings in subjects:
        row = [0] * len(order)
        for value in ratings:
            row[rank[value]] += 1
        table.append(row)
    return table


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> float | None:
    """Fleiss' κ from the subjects × categories counts n_ij; every subject rated by the same n ≥ 2 raters.

    P_i = (Σ_j n_ij² − n) / (n(n − 1)), P̄ = mean of P_i, p_j = Σ_i n_ij / (N·n), P̄_e = Σ_j p_j²,
    κ = (P̄ − P̄_e) / (1 − P̄_e)."""
    return fleiss_kappa_profiles(Counter(tuple(r) for r in counts))


def fleiss_kappa_profiles(profiles: Mapping[tuple[int, ...], int]) -> float | None:
    """Fleiss' κ from {count row n_i·: how many subjects have it} (identical subjects counted once)."""
    rows = {r: times for r, times in profiles.items() if sum(r) > 0 and times > 0}
    if not rows:
        return None
    n = sum(next(iter(rows)))
    if n < 2 or any(sum(r) != n for r in rows):
        raise ValueError("Fleiss' kappa needs the same number (at least two) of raters for every subject")
    if any(v < 0 for r in rows for v in r):
        raise ValueError("counts cannot be negative")
    subjects = sum(rows.values())
    p_bar = Fraction(sum((sum(v * v for v in r) - n) * times for r, times in rows.items()), subjects * n * (n - 1))
    k = len(next(iter(rows)))
    totals = [sum(r[j] * times for r, times in rows.items()) for j in range(k)]
    p_e = sum((Fraction(t, subjects * n) ** 2 for t in totals), Fraction(0))
    if p_e == 1:
        return None
    return _result((p_bar - p_e) / (1 - p_e))


# --- any number of raters, missing ratings ---------------------------------------------------------------


def _profiles(units: Iterable[Sequence[T | None]], rank: dict[T, int], k: int) -> Counter[tuple[int, ...]]:
    """How many pairable units have each profile (count per category); units with < 2 values drop out."""
    profiles: Counter[tuple[int, ...]] = Counter()
    for unit in units:
        row = [0] * k
        for value in unit:
            if value is not None:
                row[rank[value]] += 1
        if sum(row) >= 2:
            profiles[tuple(row)] += 1
    return profiles


def coincidences(
    units: Sequence[Sequence[T | None]], categories: Sequence[T] | None = None
) -> tuple[list[T], list[list[Fraction]]]:
    """Krippendorff's coincidence matrix o_ck = Σ_u (pairs c–k in unit u) / (m_u − 1) over the pairable
    units (m_u ≥ 2 values), with its category order."""
    order, profiles = _ordered_profiles(units, categories)
    return order, coincidences_of_profiles(profiles, len(order))


def _ordered_profiles(
    units: Sequence[Sequence[T | None]], categories: Sequence[T] | None
) -> tuple[list[T], Counter[tuple[int, ...]]]:
    """The category order of the units' values and their pairable units counted per profile."""
    order = _ordered([v for u in units for v in u if v is not None], categories)
    rank = {c: i for i, c in enumerate(order)}
    return order, _profiles(units, rank, len(order))


def _pair_counts(profiles: Mapping[tuple[int, ...], int], k: int) -> tuple[list[list[int]], int]:
    """The coincidence matrix scaled to integers, with its scale L: L·o_ck for L the least common multiple of
    the (m_u − 1). Counting in integers per unit size and dividing once keeps a large data set (many
    profiles, a handful of sizes) exact and quick."""
    by_size: dict[int, list[list[int]]] = {}
    for profile, times in profiles.items():
        m = sum(profile)
        if m < 2 or not times:
            continue
        pairs = by_size.setdefault(m, [[0] * k for _ in range(k)])
        for c in range(k):
            nc = profile[c]
            if not nc:
                continue
            row = pairs[c]
            for d in range(k):
                row[d] += nc * (profile[d] - (c == d)) * times
    scale = 1
    for m in by_size:
        scale = math.lcm(scale, m - 1)
    matrix = [[0] * k for _ in range(k)]
    for m, pairs in by_size.items():
        factor = scale // (m - 1)
        for c in range(k):
            for d in range(k):
                matrix[c][d] += pairs[c][d] * factor
    return matrix, scale


def coincidences_of_profiles(profiles: Mapping[tuple[int, ...], int], k: int) -> list[list[Fraction]]:
    """The coincidence matrix from {count per category of a unit: how many units have it}."""
    matrix, scale = _pair_counts(profiles, k)
    return [[Fraction(v, scale) for v in row] for row in matrix]


def _delta2(level: Level, order: Sequence[T], marginals: Sequence[Fraction]) -> list[list[Fraction]]:
    k = len(order)
    out = [[Fraction(0)] * k for _ in range(k)]
    for c in range(k):
        for d in range(k):
            if c == d:
                continue
            if level == "nominal":
                out[c][d] = Fraction(1)
            elif level == "ordinal":
                lo, hi = min(c, d), max(c, d)
                out[c][d] = (sum(marginals[lo : hi + 1], Fraction(0)) - (marginals[lo] + marginals[hi]) / 2) ** 2
            elif level == "interval":
                x, y = order[c], order[d]
                if not isinstance(x, int | float | Fraction) or not isinstance(y, int | float | Fraction):
                    raise ValueError("interval alpha needs numeric ratings")
                out[c][d] = (Fraction(cast(Any, x)) - Fraction(cast(Any, y))) ** 2
            else:
                raise ValueError(f"unknown level {level!r}")
    return out


def krippendorff_alpha(
    units: Sequence[Sequence[T | None]],
    *,
    level: Level = "nominal",
    categories: Sequence[T] | None = None,
) -> float | None:
    """Krippendorff's α over units (each the ratings it received, None = a rater who did not rate it).

    α = 1 − D_o / D_e with D_o = Σ_ck o_ck δ²_ck / n and D_e = Σ_ck n_c n_k δ²_ck / (n(n − 1)), o the
    coincidence matrix, n_c its marginals, n the number of pairable values. δ²: nominal 1 for c ≠ k;
    ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)² in ``categories`` order; interval (c − k)²."""
    order, profiles = _ordered_profiles(units, categories)
    return krippendorff_alpha_profiles(profiles, order, level=level)


def krippendorff_alpha_profiles(
    profiles: Mapping[tuple[int, ...], int], categories: Sequence[T], *, level: Level = "nominal"
) -> float | None:
    """Krippendorff's α from {count per category (in ``categories`` order) of a unit: how many units}: the
    form a large data set is counted in (most units share a handful of profiles)."""
    if level in ("nominal", "ordinal"):
        return _alpha_scaled(*_pair_counts(profiles, len(categories)), level)
    return _alpha(coincidences_of_profiles(profiles, len(categories)), list(categories), level)


def _alpha_scaled(matrix: list[list[int]], scale: int, level: Level) -> float | None:
    """α from the integer matrix M = L·o (``_pair_counts``), in integers until the one division.

    With N_c = L·n_c and N = L·n: D_o / D_e = Σ o·δ² · (n − 1) / Σ n_c·n_k·δ² = Σ M·Δ · (N − L) / Σ N_c·N_k·Δ,
    Δ the integer δ² of the scaled marginals — nominal 1 for c ≠ k; ordinal (2·Σ_{g=c..k} N_g − N_c − N_k)²,
    which is 4L²·δ², a factor that cancels."""
    k = len(matrix)
    marginals = [sum(row) for row in matrix]
    total = sum(marginals)
    if total < 2 * scale:
        return None

    def delta(c: int, d: int) -> int:
        if c == d:
            return 0
        if level == "nominal":
            return 1
        lo, hi = min(c, d), max(c, d)
        return (2 * sum(marginals[lo : hi + 1]) - marginals[lo] - marginals[hi]) ** 2

    deltas = [[delta(c, d) for d in range(k)] for c in range(k)]
    observed = sum(matrix[c][d] * deltas[c][d] for c in range(k) for d in range(k)) * (total - scale)
    expected = sum(marginals[c] * marginals[d] * deltas[c][d] for c in range(k) for d in range(k))
    if expected == 0:
        return None
    return _result(Fraction(expected - observed, expected))


def _alpha(matrix: list[list[Fraction]], order: Sequence[T], level: Level) -> float | None:
    marginals = [sum(row, Fraction(0)) for row in matrix]
    n = sum(marginals, Fraction(0))
    if n < 2:
        return None
    delta = _delta2(level, order, marginals)
    k = len(order)
    observed = sum((matrix[c][d] * delta[c][d] for c in range(k) for d in range(k)), Fraction(0)) / n
    expected = sum((marginals[c] * marginals[d] * delta[c][d] for c in range(k) for d in range(k)), Fraction(0)) / (
        n * (n - 1)
    )
    if expected == 0:
        return None
    return _result(1 - observed / expected)


def pairwise_agreement(units: Sequence[Sequence[T | None]]) -> float | None:
    """Share of agreeing pairs among all pairs of ratings within the units (the observed agreement of a
    panel; meaningful where a chance-corrected coefficient is undefined, e.g. everyone found nothing)."""
    agree = total = 0
    for unit in units:
        values = [v for v in unit if v is not None]
        for x, y in combinations(values, 2):
            total += 1
            agree += x == y
    return None if total == 0 else agree / total


def pairwise_agreement_profiles(profiles: Mapping[tuple[int, ...], int]) -> float | None:
    """``pairwise_agreement`` from {count per category of a unit: how many units}."""
    agree = sum(sum(c * (c - 1) // 2 for c in p) * times for p, times in profiles.items())
    total = sum((sum(p) * (sum(p) - 1) // 2) * times for p, times in profiles.items())
    return None if total == 0 else agree / total

"""Agreement coefficients (domain/agreement.py) against published worked examples and an independent
implementation's test figures, plus properties every coefficient must have."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewapp.domain.agreement import (
    category_counts,
    cohen_kappa,
    coincidences,
    fleiss_kappa,
    krippendorff_alpha,
    pairwise_agreement,
    percent_agreement,
)

# --- published worked examples -------------------------------------------------------------------------


def test_cohen_kappa_textbook_two_by_two() -> None:
    # Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by readers A and B;
    # both Yes 20, A Yes / B No 5, A No / B Yes 10, both No 15 → p_o = 0.7, p_e = 0.5, κ = 0.4.
    a = ["Yes"] * 25 + ["No"] * 25
    b = ["Yes"] * 20 + ["No"] * 5 + ["Yes"] * 10 + ["No"] * 15
    assert percent_agreement(a, b) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(0.4)


def test_cohen_kappa_artstein_poesio_table_4() -> None:
    # Artstein & Poesio (2008), Inter-coder agreement for computational linguistics, Computational
    # Linguistics 34(4), Table 4 (three categories, 100 items): κ = 0.8013 — the figure scikit-learn's
    # test suite (sklearn/metrics/tests/test_classification.py::test_cohen_kappa) checks.
    y1 = [0] * 46 + [1] * 44 + [2] * 10
    y2 = [0] * 52 + [1] * 32 + [2] * 16
    assert cohen_kappa(y1, y2) == pytest.approx(0.8013, abs=5e-5)


def test_weighted_cohen_kappa_against_an_independent_implementation() -> None:
    # scikit-learn's test_cohen_kappa "weighting example": unweighted 0.9315, linear 0.9412,
    # quadratic 0.9541 (sklearn.metrics.cohen_kappa_score, an independent implementation).
    y1 = [0] * 46 + [1] * 44 + [2] * 10
    y2 = [0] * 50 + [1] * 40 + [2] * 10
    assert cohen_kappa(y1, y2) == pytest.approx(0.9315, abs=5e-5)
    assert cohen_kappa(y1, y2, weights="linear") == pytest.approx(0.9412, abs=5e-5)
    assert cohen_kappa(y1, y2, weights="quadratic") == pytest.approx(0.9541, abs=5e-5)


# Fleiss (1971), as tabulated on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14 raters, 5 categories.
FLEISS_1971 = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def test_fleiss_kappa_worked_example() -> None:
    # Wikipedia's worked example: P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
    assert fleiss_kappa(FLEISS_1971) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_kappa_from_ratings_equals_from_counts() -> None:
    subjects = [[c for c, n in enumerate(row) for _ in range(n)] for row in FLEISS_1971]
    assert category_counts(subjects, categories=[0, 1, 2, 3, 4]) == FLEISS_1971
    assert fleiss_kappa(category_counts(subjects)) == pytest.approx(0.210, abs=5e-4)


# Krippendorff (2011), Computing Krippendorff's Alpha-Reliability, section C: 4 observers × 12 units,
# values 1–5, missing data (None). Rows = observers A, B, C, D.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
UNITS_2011 = [list(unit) for unit in zip(*KRIPPENDORFF_2011, strict=True)]


def test_krippendorff_alpha_2011_example() -> None:
    # The paper: nominal α = 0.743, interval α = 0.849. Ordinal α = 0.815 for the same matrix is the
    # figure of the independent implementation `krippendorff` (pln-fing-udelar/fast-krippendorff,
    # tests/test_krippendorff.py::test_ordinal_metric).
    assert krippendorff_alpha(UNITS_2011, level="nominal") == pytest.approx(0.743, abs=5e-4)
    assert krippendorff_alpha(UNITS_2011, level="ordinal") == pytest.approx(0.815, abs=5e-4)
    assert krippendorff_alpha(UNITS_2011, level="interval") == pytest.approx(0.849, abs=5e-4)


def test_krippendorff_coincidences_2011_example() -> None:
    # The paper's coincidence matrix: n = 40 pairable values; n_1 = 9, n_2 = 13, n_3 = 10, n_4 = 5, n_5 = 3
    # (unit 12, rated once, is not pairable). By hand: o_11 = 3·2/2 (unit 1) + 3·2/3 (unit 8) + 2·1/1
    # (unit 11) = 7; o_33 = 4·3/3 (unit 3) + 4·3/3 (unit 4) = 8.
    order, matrix = coincidences(UNITS_2011)
    assert order == [1, 2, 3, 4, 5]
    assert [sum(row) for row in matrix] == [9, 13, 10, 5, 3]
    assert matrix[0][0] == 7 and matrix[2][2] == 8


def test_krippendorff_alpha_wikipedia_example() -> None:
    # Wikipedia, "Krippendorff's alpha", computational example (3 coders, 15 units): nominal 0.691,
    # interval 0.811 (also fast-krippendorff's test figures 0.691358 and 0.810845).
    coders = [
        [None, None, None, None, None, 3, 4, 1, 2, 1, 1, 3, 3, None, 3],
        [1, None, 2, 1, 3, 3, 4, 3, None, None, None, None, None, None, None],
        [None, None, 2, 1, 3, 4, 4, None, 2, 1, 1, 3, 3, None, 4],
    ]
    units = [list(u) for u in zip(*coders, strict=True)]
    assert krippendorff_alpha(units) == pytest.approx(0.691358, abs=1e-6)
    assert krippendorff_alpha(units, level="interval") == pytest.approx(0.810845, abs=1e-6)


# --- undefined and refused ------------------------------------------------------------------------------


def test_undefined_coefficients_are_none() -> None:
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None  # no variation: nothing to correct for
    assert cohen_kappa([None, "a"], ["b", None]) is None  # no subject rated by both
    assert fleiss_kappa([[3, 0], [3, 0]]) is None
    assert krippendorff_alpha([[1, None], [None, 2]]) is None  # no pairable unit
    assert krippendorff_alpha([[1, 1], [1, 1, 1]]) is None
    assert pairwise_agreement([[1, None]]) is None
    assert pairwise_agreement([[0, 0, 0], [0, 1]]) == pytest.approx(3 / 4)


def test_malformed_input_is_refused() -> None:
    with pytest.raises(ValueError):
        fleiss_kappa([[2, 1], [1, 1]])  # different numbers of raters
    with pytest.raises(ValueError):
        cohen_kappa([1, 2], [1])
    with pytest.raises(ValueError):
        cohen_kappa([1, 3], [1, 2], categories=[1, 2])
    with pytest.raises(ValueError):
        krippendorff_alpha([["a", "b"]], level="interval")


def test_missing_ratings_are_left_out_not_counted_as_a_category() -> None:
    a = [0, 1, None, 2, 1]
    b = [0, 1, 2, None, 0]
    assert cohen_kappa(a, b) == cohen_kappa([0, 1, 1], [0, 1, 0])


# --- properties -------------------------------------------------------------------------------------------

SCALE = [0, 1, 2, 3]  # none, 瑕, 错, 严
ratings = st.sampled_from(SCALE)


@st.composite
def two_raters(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    n = draw(st.integers(2, 30))
    return draw(st.lists(ratings, min_size=n, max_size=n)), draw(st.lists(ratings, min_size=n, max_size=n))


@st.composite
def panels(draw: st.DrawFn, missing: bool = True) -> list[list[int | None]]:
    raters = draw(st.integers(2, 5))
    value = st.one_of(st.none(), ratings) if missing else ratings
    return draw(st.lists(st.lists(value, min_size=raters, max_size=raters), min_size=2, max_size=25))


@given(st.lists(ratings, min_size=2, max_size=30).filter(lambda v: len(set(v)) > 1))
def test_perfect_agreement_gives_one(values: list[int]) -> None:
    for weights in ("none", "linear", "quadratic"):
        assert cohen_kappa(values, values, weights=weights) == 1.0  # type: ignore[arg-type]
    panel = [[v, v, v] for v in values]
    assert fleiss_kappa(category_counts(panel)) == 1.0
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(panel, level=level) == 1.0  # type: ignore[arg-type]
    assert pairwise_agreement(panel) == 1.0


@given(two_raters())
def test_cohen_kappa_is_symmetric_and_bounded(pair: tuple[list[int], list[int]]) -> None:
    a, b = pair
    for weights in ("none", "linear", "quadratic"):
        k = cohen_kappa(a, b, weights=weights, categories=SCALE)  # type: ignore[arg-type]
        assert k == cohen_kappa(b, a, weights=weights, categories=SCALE)  # type: ignore[arg-type]
        assert k is None or -1.0 <= k <= 1.0


@given(two_raters(), st.randoms(use_true_random=False))
def test_cohen_kappa_ignores_the_order_of_subjects(pair: tuple[list[int], list[int]], rnd: random.Random) -> None:
    a, b = pair
    order = list(range(len(a)))
    rnd.shuffle(order)
    assert cohen_kappa(a, b, weights="linear") == cohen_kappa(
        [a[i] for i in order], [b[i] for i in order], weights="linear"
    )


@given(panels(), st.randoms(use_true_random=False))
@settings(max_examples=60)
def test_alpha_ignores_the_order_of_units_and_raters(units: list[list[int | None]], rnd: random.Random) -> None:
    shuffled = [rnd.sample(u, len(u)) for u in units]
    rnd.shuffle(shuffled)
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(units, level=level) == krippendorff_alpha(shuffled, level=level)  # type: ignore[arg-type]


@given(panels())
@settings(max_examples=60)
def test_alpha_is_at_most_one_and_at_least_minus_one_for_two_values_per_unit(units: list[list[int | None]]) -> None:
    for level in ("nominal", "ordinal", "interval"):
        a = krippendorff_alpha(units, level=level)  # type: ignore[arg-type]
        assert a is None or a <= 1.0
    pairs = [[u[0], u[1]] for u in units if u[0] is not None and u[1] is not None]
    nominal = krippendorff_alpha(pairs)
    # α's lower limit is −1 for two values per unit (Krippendorff 2011, section A).
    assert nominal is None or nominal >= -1.0 - 1e-12


@given(panels(missing=False), st.randoms(use_true_random=False))
@settings(max_examples=60)
def test_fleiss_kappa_ignores_the_order_of_subjects_and_raters(
    units: list[list[int | None]], rnd: random.Random
) -> None:
    full = [[v for v in u if v is not None] for u in units]
    shuffled = [rnd.sample(u, len(u)) for u in full]
    rnd.shuffle(shuffled)
    k = fleiss_kappa(category_counts(full, SCALE))
    assert k == fleiss_kappa(category_counts(shuffled, SCALE))
    assert k is None or k <= 1.0


@given(two_raters())
def test_alpha_of_two_raters_follows_from_scotts_pi(pair: tuple[list[int], list[int]]) -> None:
    # Krippendorff (2011): with two coders and no missing data, α = 1 − (n − 1)/n · (1 − π), n = 2N the
    # number of values and π Scott's pi (pooled marginals) — computed here independently.
    a, b = pair
    n = 2 * len(a)
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    pooled = [(a + b).count(c) / n for c in SCALE]
    p_e = sum(p * p for p in pooled)
    alpha = krippendorff_alpha([list(u) for u in zip(a, b, strict=True)])
    if p_e == 1:
        assert alpha is None
    else:
        pi = 1 - (1 - p_o) / (1 - p_e)
        assert alpha == pytest.approx(1 - (n - 1) / n * (1 - pi))


@given(panels())
@settings(max_examples=60)
def test_counted_profiles_give_the_same_figures_as_the_ratings(units: list[list[int | None]]) -> None:
    # The calibration service counts units as {profile: units}; the figures must not depend on that form.
    from collections import Counter

    from reviewapp.domain.agreement import (
        krippendorff_alpha_profiles,
        pairwise_agreement_profiles,
    )

    profiles = Counter(tuple(row) for row in category_counts([[v for v in u if v is not None] for u in units], SCALE))
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha_profiles(profiles, SCALE, level=level) == krippendorff_alpha(  # type: ignore[arg-type]
            units,
            level=level,
            categories=SCALE,  # type: ignore[arg-type]
        )
    counted, listed = pairwise_agreement_profiles(profiles), pairwise_agreement(units)
    assert (counted is None and listed is None) or counted == pytest.approx(listed)


@given(two_raters())
def test_cohen_from_a_contingency_table_equals_from_ratings(pair: tuple[list[int], list[int]]) -> None:
    from collections import Counter

    from reviewapp.domain.agreement import cohen_kappa_table

    a, b = pair
    table = Counter(zip(a, b, strict=True))
    for weights in ("none", "linear", "quadratic"):
        assert cohen_kappa_table(table, len(SCALE), weights=weights) == cohen_kappa(  # type: ignore[arg-type]
            a,
            b,
            weights=weights,
            categories=SCALE,  # type: ignore[arg-type]
        )


@given(panels())
@settings(max_examples=80)
def test_alpha_in_scaled_integers_equals_the_formula_in_fractions(units: list[list[int | None]]) -> None:
    # Nominal and ordinal α are computed in integers (the coincidences scaled by the lcm of m − 1); the float
    # must be the very one Krippendorff's formula gives over the exact coincidence matrix.
    from reviewapp.domain.agreement import _alpha

    order, matrix = coincidences(units, SCALE)
    for level in ("nominal", "ordinal"):
        assert krippendorff_alpha(units, level=level, categories=SCALE) == _alpha(matrix, order, level)  # type: ignore[arg-type]


@given(two_raters())
def test_cohen_in_integers_equals_the_formula_in_fractions(pair: tuple[list[int], list[int]]) -> None:
    # Cohen (1968): κ_w = 1 − Σ w·o / Σ w·e with e = row total × column total / n, in exact fractions.
    from fractions import Fraction

    a, b = pair
    n = len(a)
    for weights, w in (("none", lambda i, j: int(i != j)), ("linear", lambda i, j: abs(i - j))):
        observed = sum(Fraction(w(x, y), n) for x, y in zip(a, b, strict=True))
        expected = sum(Fraction(w(i, j) * a.count(i) * b.count(j), n * n) for i in SCALE for j in SCALE)
        textbook = None if expected == 0 else float(1 - observed / expected)
        assert cohen_kappa(a, b, weights=weights, categories=SCALE) == textbook  # type: ignore[arg-type]


@given(two_raters())
def test_both_kappas_of_a_table_at_once_equal_each_alone(pair: tuple[list[int], list[int]]) -> None:
    from collections import Counter

    from reviewapp.domain.agreement import cohen_kappa_table, cohen_kappas_table

    table = Counter(zip(*pair, strict=True))
    assert cohen_kappas_table(table) == (
        cohen_kappa_table(table, len(SCALE)),
        cohen_kappa_table(table, len(SCALE), weights="linear"),
    )

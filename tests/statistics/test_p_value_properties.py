"""Properties of NC201: a p-value computed and rounded correctly is never flagged, a wrong one is."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats

from numcheck.checks import Settings, check_text


def _p(test: str, x: float, df1: int, df2: int) -> float:
    if test == "t":
        return 2 * stats.t.sf(abs(x), df1)
    if test == "F":
        return stats.f.sf(x, df1, df2)
    if test == "z":
        return 2 * stats.norm.sf(abs(x))
    return stats.chi2.sf(x, df1)


def _text(test: str, shown: str, df1: int, df2: int, p_text: str) -> str:
    head = {"t": f"t({df1})", "F": f"F({df1}, {df2})", "z": "z", "chi2": f"χ2({df1})"}[test]
    return f"The result was {head} = {shown}, {p_text}."


def _round(x: float, places: int) -> Decimal:
    return Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


TESTS = st.sampled_from(["t", "F", "z", "chi2"])


@settings(max_examples=300, deadline=None)
@given(TESTS, st.floats(0.05, 6.0), st.integers(1, 6), st.integers(5, 300), st.sampled_from([2, 3]))
def test_correctly_reported_results_are_consistent(test, x, df1, df2, places):
    shown = _round(x, 2)
    p = _p(test, x, df1, df2)  # the true statistic, before rounding: as the software printed p
    p_shown = _round(p, places)
    unit = str(Decimal(1).scaleb(-places)).lstrip("0")  # .01 or .001
    p_text = f"p < {unit}" if p_shown == 0 else f"p = {str(p_shown).lstrip('0')}"
    results = check_text(_text(test, str(shown), df1, df2, p_text), settings=Settings(select=("NC201",))).results
    assert [r.verdict for r in results] == ["consistent"], results[0].message if results else "no result"


@settings(max_examples=300, deadline=None)
@given(TESTS, st.floats(0.05, 6.0), st.integers(1, 6), st.integers(5, 300))
def test_a_p_far_from_the_statistic_is_inconsistent(test, x, df1, df2):
    shown = _round(x, 2)
    lo = _p(test, float(shown) + 0.005, df1, df2)
    hi = _p(test, float(shown) - 0.005, df1, df2)
    wrong = hi + 0.05 if hi < 0.9 else lo - 0.05  # five hundredths beyond any rounding
    assume(wrong > 0.001)
    p_text = f"p = {str(_round(wrong, 3)).lstrip('0')}"
    results = check_text(_text(test, str(shown), df1, df2, p_text), settings=Settings(select=("NC201",))).results
    assert [r.verdict for r in results] == ["inconsistent"], results[0].message

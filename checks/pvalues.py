"""p-values from reported test statistics, over every value the statistic's rounding allows.

This follows statcheck (Nuijten & Epskamp; R/compute_p.R, R/error_test.R,
R/decision_error_test.R): t, z and r are two-tailed unless a one-tailed reading is licensed, F, χ²
and Q are upper-tailed; r is turned into t with df degrees of freedom. A reported "t = 2.20" may
be anything in [2.195, 2.205], and since p falls as |statistic| grows, the p-values it allows are
the interval between p at the two ends.

>>> from decimal import Decimal as D
>>> iv = p_interval("t", D("2.195"), D("2.205"), 28, None)
>>> round(float(iv.lower), 4), round(float(iv.upper), 4)
(0.0358, 0.0366)
"""

from __future__ import annotations

import math
from decimal import Decimal

from ..claims.records import Interval

#: The significance level at which a decision error (statcheck's "gross inconsistency") is judged.
ALPHA = 0.05
TWO_SIDED = ("t", "z", "r")


def p_value(test: str, statistic: float, df1: float | None, df2: float | None,
            two_tailed: bool = True) -> float:
    """The p-value of a test statistic (its magnitude for t, z and r).

    >>> round(p_value("t", 2.20, 28, None), 4), round(p_value("F", 4.0, 1, 30), 4)
    (0.0362, 0.0546)
    """
    from scipy import stats  # imported on first use: it doubles start-up time for news-only runs

    x = abs(statistic)
    if test == "t":
        p = float(stats.t.sf(x, df1))
    elif test == "z":
        p = float(stats.norm.sf(x))
    elif test == "r":
        if x >= 1:
            return 0.0
        p = float(stats.t.sf(x * math.sqrt(df1 / (1 - x * x)), df1))
    elif test == "F":
        p = float(stats.f.sf(x, df1, df2))
    else:  # chi2 and Q both follow a chi-square distribution
        p = float(stats.chi2.sf(x, df1))
    return 2 * p if two_tailed and test in TWO_SIDED else p


def magnitude(lower: Decimal | None, upper: Decimal | None) -> tuple[Decimal, Decimal | None]:
    """The interval of |statistic| for a statistic in [lower, upper] (``None``: unbounded).

    >>> magnitude(Decimal("-2.205"), Decimal("-2.195")), magnitude(None, Decimal("2.15"))
    ((Decimal('2.195'), Decimal('2.205')), (Decimal('0'), Decimal('2.15')))
    """
    if lower is None:
        return Decimal(0), upper  # "t < 2.2": statcheck reads the magnitude below the bound
    if upper is None:
        return lower, None
    if lower >= 0:
        return lower, upper
    if upper <= 0:
        return -upper, -lower
    return Decimal(0), max(-lower, upper)


def p_interval(test: str, lower: Decimal | None, upper: Decimal | None,
               df1: float | None, df2: float | None, two_tailed: bool = True) -> Interval:
    """Every p the statistic's interval allows; ``value`` is left to the caller (see :func:`point`)."""
    lo_mag, hi_mag = magnitude(lower, upper)
    p_high = p_value(test, float(lo_mag), df1, df2, two_tailed)
    p_low = 0.0 if hi_mag is None else p_value(test, float(hi_mag), df1, df2, two_tailed)
    return Interval(Decimal(0), _dec(p_low), _dec(p_high))


def point(test: str, statistic: Decimal, df1: float | None, df2: float | None,
          two_tailed: bool = True) -> Decimal:
    """The p of the statistic exactly as reported (statcheck's ``computed_p``)."""
    return _dec(p_value(test, float(statistic), df1, df2, two_tailed))


def decision_error(reported: float, p_comparison: str, test_comparison: str, computed: float,
                   alpha: float = ALPHA) -> bool:
    """Whether the significance decision at ``alpha`` flips (statcheck, pEqualAlphaSig = TRUE).

    Only meaningful for a result already found inconsistent. "ns" is read as p > alpha.

    >>> decision_error(0.05, "=", "=", 0.036), decision_error(0.05, "ns", "=", 0.036)
    (False, True)
    """
    if p_comparison == "ns":
        reported, p_comparison = alpha, ">"
    significant, computed_significant = reported <= alpha, computed <= alpha
    if test_comparison == "<":  # the statistic is a lower-bounded magnitude: p is at least …
        return p_comparison in ("=", "<") and significant and computed >= alpha
    if test_comparison == ">":
        if p_comparison == "<":
            return False
        if p_comparison == "=":
            return reported > alpha and computed_significant
        return reported >= alpha and computed_significant
    if p_comparison == "=":
        return significant != computed_significant
    if p_comparison == "<":
        return significant and not computed_significant
    return reported >= alpha and computed_significant


def _dec(x: float) -> Decimal:
    """A float as the shortest decimal that round-trips, so interval comparisons stay exact."""
    return Decimal(repr(x))

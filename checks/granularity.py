"""Granularity tests for summaries of whole-number data: GRIM, GRIMMER and DEBIT, in exact arithmetic.

A mean of N whole numbers is a fraction k/N, so only some means exist at a given precision (GRIM;
Brown & Heathers 2017). Their standard deviation is constrained too: the sum of squares must be a
whole number of the same parity as the sum (GRIMMER; Anaya 2016, in Allard's 2018 analytic form).
For binary data (all 0 or 1) the SD follows from the mean and N (DEBIT; Heathers & Brown 2019).

Stated values are intervals ("3.47" is [3.465, 3.475], both ends allowed, so a value may have been
rounded up or down from 5 — scrutiny's default "up_or_down"). With ``items`` > 1 the data are
means of that many whole-number items per person: the per-person totals are whole numbers, and
the tests run on totals (mean and SD scaled by ``items``). Arithmetic uses :class:`Fraction`, so
no verdict depends on floating-point noise.

>>> grim(Fraction("5.185"), Fraction("5.195"), 28).consistent  # scrutiny: grim("5.19", 28) is FALSE
False
>>> grim(Fraction("5.185"), Fraction("5.195"), 32).consistent  # … and grim("5.19", 32) TRUE
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True, slots=True)
class Grim:
    """The outcome of a GRIM test."""

    consistent: bool
    """Some whole-number sum gives a mean inside the stated interval."""
    sums: range
    """Every whole-number sum whose mean lies in the stated interval (empty when inconsistent)."""
    below: Fraction
    """The largest possible mean at or below the stated interval's centre."""
    above: Fraction
    """The smallest possible mean at or above the stated interval's centre."""
    informative: bool
    """False when the grains are finer than the stated precision, so any mean is possible."""


def grim(lower: Fraction, upper: Fraction, n: int, items: int = 1) -> Grim:
    """GRIM on a mean stated as [lower, upper] from ``n`` people answering ``items`` whole-number items."""
    cells = n * items
    first, last = math.ceil(lower * cells), math.floor(upper * cells)
    centre = (lower + upper) / 2
    below = Fraction(math.floor(centre * cells), cells)
    above = Fraction(math.ceil(centre * cells), cells)
    return Grim(first <= last, range(first, last + 1), below, above, (upper - lower) * cells < 1)


@dataclass(frozen=True, slots=True)
class Grimmer:
    """The outcome of a GRIMMER test on a standard deviation."""

    consistent: bool
    """Some sum of squares fits the stated SD and the parity of a possible sum."""
    reason: str
    """"" when consistent; "grim" (no possible sum), "no whole sum of squares", or "parity"."""
    total: int | None
    """The possible sum of totals used (the consistent one, or the one nearest the mean)."""
    squares: tuple[Fraction, Fraction]
    """The sums of squared totals the stated SD allows with that sum."""
    found: int | None
    """A whole sum of squares of the right parity inside ``squares``, when consistent."""
    nearest: tuple[Fraction | None, Fraction | None]
    """The nearest possible SDs below and above the stated interval (``None`` if none)."""


def grimmer(mean: tuple[Fraction, Fraction], sd: tuple[Fraction, Fraction], n: int,
            items: int = 1) -> Grimmer:
    """GRIMMER: can ``n`` people's whole-number totals have this mean and this SD?

    >>> r = grimmer((Fraction("5.225"), Fraction("5.235")), (Fraction("2.545"), Fraction("2.555")), 35)
    >>> r.consistent, r.reason, r.total  # scrutiny's pigs5, row 3: inconsistent (test 3, parity)
    (False, 'parity', 183)
    """
    g = grim(*mean, n, items)
    if not g.consistent or n < 2:
        return Grimmer(False, "grim", None, (Fraction(0), Fraction(0)), None, (None, None))
    lo, hi = (max(Fraction(0), x * items) for x in sd)  # SD of per-person totals
    centre = (mean[0] + mean[1]) / 2 * n * items
    failed: Grimmer | None = None
    for k in sorted(g.sums, key=lambda s: abs(s - centre)):
        base = Fraction(k * k, n)  # sum of squares = (n − 1)·SD² + k²/n
        ss_lo, ss_hi = (n - 1) * lo * lo + base, (n - 1) * hi * hi + base
        first = _with_parity(math.ceil(ss_lo), k % 2)
        if first <= ss_hi:
            return Grimmer(True, "", k, (ss_lo, ss_hi), first, (None, None))
        if failed is None:  # explain with the sum nearest the stated mean
            whole = math.ceil(ss_lo) <= math.floor(ss_hi)
            below = _with_parity(math.floor(ss_lo), k % 2, step=-1)
            nearest = (_sd(below, base, n, items) if below >= base else None,
                       _sd(first, base, n, items))
            failed = Grimmer(False, "parity" if whole else "no whole sum of squares", k,
                             (ss_lo, ss_hi), None, nearest)
    assert failed is not None
    return failed


def _with_parity(x: int, parity: int, step: int = 1) -> int:
    """``x`` or the next whole number in direction ``step`` with the given parity."""
    return x if x % 2 == parity else x + step


def _sd(squares: int, base: Fraction, n: int, items: int) -> Fraction:
    """The SD (per item) implied by a sum of squared totals; a Fraction close to the square root."""
    return _root((squares - base) / (n - 1)) / items


@dataclass(frozen=True, slots=True)
class Debit:
    """The outcome of a DEBIT test on the SD of binary data."""

    consistent: bool
    """Some count of ones gives both the stated mean and the stated SD."""
    ones: range
    """The counts of ones whose mean fits the stated mean."""
    sds: tuple[Fraction, Fraction] | None
    """The lowest and highest SD those counts give; ``None`` if no count fits the mean."""


#: Beyond this many candidate counts, DEBIT compares the hull of their SDs (they are then dense).
_EXHAUSTIVE = 100_000


def debit(mean: tuple[Fraction, Fraction], sd: tuple[Fraction, Fraction], n: int) -> Debit:
    """DEBIT: ``k`` ones among ``n`` have SD √(k(n−k)/(n(n−1))); does one fit mean and SD at once?

    >>> debit((Fraction("0.185"), Fraction("0.195")), (Fraction("0.345"), Fraction("0.355")), 1683).consistent
    False
    """
    lo, hi = max(Fraction(0), mean[0]), min(Fraction(1), mean[1])
    ones = range(math.ceil(lo * n), math.floor(hi * n) + 1)
    if n < 2 or not ones:
        return Debit(False, ones, None)
    target = (max(Fraction(0), sd[0]) ** 2, sd[1] ** 2)
    if len(ones) > _EXHAUSTIVE:  # the variance k(n−k) is a parabola: its hull is enough
        ks = [ones[0], ones[-1], min(max(n // 2, ones[0]), ones[-1])]
    else:
        ks = list(ones)
    variances = [Fraction(k * (n - k), n * (n - 1)) for k in ks]
    if len(ones) > _EXHAUSTIVE:
        fits = min(variances) <= target[1] and max(variances) >= target[0]
    else:
        fits = any(target[0] <= v <= target[1] for v in variances)
    return Debit(fits, ones, (_root(min(variances)), _root(max(variances))))


def _root(x: Fraction) -> Fraction:
    return Fraction(math.sqrt(x)).limit_denominator(10**9)

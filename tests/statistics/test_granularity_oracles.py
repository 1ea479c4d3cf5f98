"""GRIM, GRIMMER and DEBIT against brute force: every real data set passes, and GRIM and DEBIT
reject exactly the summaries no data set has."""

from __future__ import annotations

import itertools
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from conftest import run_doctests

from numcheck.checks import granularity as gr


def _reported(x: Fraction, places: int) -> set[Decimal]:
    """Every way x is written at ``places`` decimals, rounded up or down from 5."""
    exact = Decimal(x.numerator) / Decimal(x.denominator)
    unit = Decimal(1).scaleb(-places)
    return {exact.quantize(unit, ROUND_HALF_UP), exact.quantize(unit, ROUND_HALF_DOWN)}


def _reported_root(x: Fraction, places: int) -> set[Decimal]:
    """Every way √x is written at ``places`` decimals (28 correct digits before rounding)."""
    root = (Decimal(x.numerator) / Decimal(x.denominator)).sqrt()
    unit = Decimal(1).scaleb(-places)
    return {root.quantize(unit, ROUND_HALF_UP), root.quantize(unit, ROUND_HALF_DOWN)}


def _interval(value: Decimal) -> tuple[Fraction, Fraction]:
    h = Fraction(Decimal(5).scaleb(value.as_tuple().exponent - 1))
    return Fraction(value) - h, Fraction(value) + h


@pytest.mark.parametrize("places", [1, 2])
@pytest.mark.parametrize("items", [1, 2, 3])
def test_grim_accepts_exactly_the_possible_means(places: int, items: int) -> None:
    for n in range(1, 41):
        cells = n * items
        possible = set().union(*(_reported(Fraction(k, cells), places) for k in range(0, 5 * cells + 1)))
        for i in range(0, 5 * 10**places):
            mean = Decimal(i).scaleb(-places)
            assert gr.grim(*_interval(mean), n, items).consistent == (mean in possible), (mean, n, items)


@pytest.mark.parametrize(("n", "mean_places", "sd_places"),
                         [(n, 2, 2) for n in (2, 3, 5, 9, 20, 37)] + [(n, 1, 2) for n in (2, 9, 37)]
                         + [(5, 2, 3), (37, 2, 3)])
def test_debit_accepts_exactly_the_binary_samples(n: int, mean_places: int, sd_places: int) -> None:
    real = set()
    for k in range(n + 1):
        sds = _reported_root(Fraction(k * (n - k), n * (n - 1)), sd_places)
        real |= {(m, s) for m in _reported(Fraction(k, n), mean_places) for s in sds}
    for i in range(0, 10**mean_places + 1):
        mean = Decimal(i).scaleb(-mean_places)
        for j in range(0, int(0.6 * 10**sd_places)):
            sd = Decimal(j).scaleb(-sd_places)
            got = gr.debit(_interval(mean), _interval(sd), n).consistent
            assert got == ((mean, sd) in real), (str(mean), str(sd), n)


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_grimmer_never_rejects_a_real_sample(n: int) -> None:
    checked = 0
    for data in itertools.combinations_with_replacement(range(0, 8), n):
        total, squares = sum(data), sum(x * x for x in data)
        variance = Fraction(n * squares - total * total, n * (n - 1))
        for mean in _reported(Fraction(total, n), 2):
            for shown in _reported_root(variance, 2):
                assert gr.grimmer(_interval(mean), _interval(shown), n).consistent, (data, mean, shown)
                checked += 1
    assert checked > 30


@pytest.mark.parametrize("name", ["numcheck.claims.statistics", "numcheck.claims.descriptives",
                                  "numcheck.claims.ledger", "numcheck.checks.pvalues",
                                  "numcheck.checks.p_value", "numcheck.checks.granularity"])
def test_doctests(name: str) -> None:
    result = run_doctests(name)
    assert result.attempted > 0 and result.failed == 0

"""Numbers as written → value and the interval they were rounded from."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from numcheck.claims.numbers import parse_digits, parse_fraction, parse_words


@pytest.mark.parametrize("text, value, lower, upper, lenient", [
    ("382", D(382), D("381.5"), D("382.5"), False),
    ("4.2", D("4.2"), D("4.15"), D("4.25"), False),
    ("35", D(35), D("34.5"), D("35.5"), False),
    ("50,000", D(50000), D(45000), D(55000), True),
    ("11,000", D(11000), D(10500), D(11500), True),
    ("1,234,567", D(1234567), D("1234566.5"), D("1234567.5"), False),
    ("0.05", D("0.05"), D("0.045"), D("0.055"), False),
    ("7,613", D(7613), D("7612.5"), D("7613.5"), False),
    ("4.20", D("4.20"), D("4.195"), D("4.205"), False),
    ("0", D(0), D("-0.5"), D("0.5"), False),
])
def test_digits(text, value, lower, upper, lenient):
    p = parse_digits(text)
    assert (p.value, p.lower, p.upper, bool(p.precision)) == (value, lower, upper, lenient)


@pytest.mark.parametrize("text, value", [
    ("eight", D(8)), ("twenty-three", D(23)), ("one hundred and five", D(105)),
    ("a dozen", D(12)), ("half a million", D(500000)), ("a third", 1 / D(3)),
    ("three-quarters", D("0.75")), ("one and a half", D("1.5")), ("three-and-a-half", D("3.5")),
    ("two thousand", D(2000)), ("a hundred", D(100)), ("two million", D(2000000)),
    ("ninety-nine", D(99)), ("two thirds", D(2) / 3), ("a half", D("0.5")),
])
def test_words(text, value):
    p = parse_words(text)
    assert p is not None and p.value == value and p.lower == p.upper == value


def test_words_that_are_not_numbers():
    assert parse_words("and a") is None
    assert parse_words("cabbage") is None


@pytest.mark.parametrize("text, value", [("1/2", D("0.5")), ("2½", D("2.5")), ("3 1/4", D("3.25"))])
def test_fractions(text, value):
    assert parse_fraction(text).value == value


def test_zero_denominator_is_not_a_fraction():
    assert parse_fraction("3/0") is None

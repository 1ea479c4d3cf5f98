"""The one pint registry: every unit string extraction emits is a registry unit, spelled as pint spells it."""

from __future__ import annotations

import pint
import pytest

from numcheck.claims.units import CURRENCIES, PERIODS, UNIT_WORDS, registry, unit_string


@pytest.mark.parametrize("unit", sorted({u for u, _ in UNIT_WORDS.values()} | set(CURRENCIES)))
def test_every_unit_is_in_the_registry_and_round_trips(unit):
    assert unit_string(unit) == unit


def test_rate_units_round_trip():
    for period in set(PERIODS.values()):
        assert unit_string(f"GBP / {period}") == f"GBP / {period}"


def test_currencies_do_not_convert_without_a_rate():
    ureg = registry()
    with pytest.raises(pint.DimensionalityError):
        ureg.Quantity(1, "GBP").to("EUR")
    assert ureg.Quantity(250, "GBX").to("GBP").magnitude == 2.5


def test_rates_convert_between_periods():
    ureg = registry()
    weekly = ureg.Quantity(11000, "GBP / week")
    assert round(weekly.to("GBP / year").magnitude) == 573964  # pint's year is 365.25 days
    assert registry() is ureg

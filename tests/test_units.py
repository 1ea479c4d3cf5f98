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


_BUILD = ("from numcheck.claims.units import registry, cache_folder; r = registry(); "
          "print(cache_folder(), r.Quantity(7, 'GBP/week').to('GBP/day'), r.Quantity(3, 'USX').to('USD'))")


def _build(tmp_path, folder):
    import os
    import subprocess
    import sys

    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(folder)}
    proc = subprocess.run([sys.executable, "-c", _BUILD], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_the_unit_registry_is_the_same_from_pint_s_cache_and_without_it(tmp_path):
    """The first run parses pint's definitions and caches them; the next reads the cache; a
    cache file broken half-way (as another process writing it would leave it) is passed over."""
    import pint

    folder = tmp_path / "cache"
    expected = f"{folder / f'pint-{pint.__version__}'} 1.0 GBP / day 0.03 USD\n"
    assert _build(tmp_path, folder) == expected
    cached = sorted((folder / f"pint-{pint.__version__}").glob("*.pickle"))
    assert len(cached) == 3  # pint's definitions, constants and the parsed registry
    assert _build(tmp_path, folder) == expected
    for path in cached:
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    assert _build(tmp_path, folder) == expected
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert _build(tmp_path, blocker) == "None 1.0 GBP / day 0.03 USD\n"

"""NC110 unit-equivalence."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Quantity, Result
from . import intervals as iv
from .base import Comparing, Context

_BINARY = {"kilobyte": "kibibyte", "megabyte": "mebibyte", "gigabyte": "gibibyte",
           "terabyte": "tebibyte", "petabyte": "pebibyte"}


class UnitEquivalence(Comparing):
    """Checks an amount restated in another unit: "8 terabytes (8,000 GB)", "5 miles (8 km)".

    The first figure is converted with pint over its rounding interval and compared with the second
    within its rounding; data sizes may use decimal (1 GB = 1,000 MB) or binary (1,024) prefixes.
    Money in two currencies is checked only against exchange rates the user configures, and is
    unverifiable otherwise: numcheck never fetches rates.

    Why: conversions in brackets are added by editors, and a slipped factor of 1,000 or 1.6 goes
    unnoticed.

    Fails: "The drive holds 8 terabytes (800 GB) of music."
    Passes: "The race is 5 miles (8 km) long."
    """

    code = "NC110"
    name = "unit-equivalence"
    claim_kinds = ("equivalence",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        first, second = ctx.role(claim, "first"), ctx.role(claim, "second")
        if first is None or second is None:
            return
        stated = iv.of(second)
        if first.kind == "money":
            yield from self._money(claim, ctx, first, second, stated)
            return
        readings = [c for c in (_convert(first, second.unit), _convert_binary(first, second.unit)) if c]
        if not readings:
            return
        stated = _conversion_precision(second)
        computed = next((c for c in readings if c.overlaps(stated)), readings[0])
        yield self.compare([claim], stated, computed,
                           f"stated {second.text} {iv.fmt_interval(stated, 2)}; {first.text} is "
                           f"{iv.fmt(computed.value, 2)} {second.unit} {iv.fmt_interval(computed, 2)}",
                           "the two figures are not the same amount")

    def _money(self, claim: Claim, ctx: Context, first: Quantity, second: Quantity,
               stated: Interval) -> Iterable[Result]:
        a, b = first.unit, second.unit
        if a not in ctx.rates or b not in ctx.rates:
            missing = ", ".join(c for c in (a, b) if c not in ctx.rates)
            yield self.result([claim], "unverifiable",
                              f"{first.text} restated as {second.text}: no exchange rate configured for {missing}",
                              stated)
            return
        rate = ctx.rates[a] / ctx.rates[b]
        tol = ctx.rate_tolerance
        converted = iv.scaled(iv.of(first), rate, b)
        computed = Interval(converted.value, converted.lower * (1 - tol) if converted.lower is not None else None,
                            converted.upper * (1 + tol) if converted.upper is not None else None, b)
        yield self.compare([claim], stated, computed,
                           f"stated {second.text}; {first.text} at the configured rate is "
                           f"{iv.fmt_amount(converted.value, b)} {iv.fmt_interval(computed, 0)}",
                           "the two amounts differ by more than the configured rate allows")


def _conversion_precision(q: Quantity) -> Interval:
    """A converted figure is rounded to its leading digits by convention: "30ft (10m)" gives 9.1m
    as 10, so "10" there stands for 5 to 15, as a round figure does under the lenient reading."""
    digits = "".join(ch for ch in q.text if ch.isdigit() or ch == ".")
    if "." in digits or not digits.rstrip("0") or digits == digits.rstrip("0"):
        return iv.of(q)
    zeros = len(digits) - len(digits.rstrip("0"))
    unit = q.value / Decimal(digits) * Decimal(10) ** zeros
    half = unit / 2
    return Interval(q.value, min(q.lower, q.value - half) if q.lower is not None else None,
                    max(q.upper, q.value + half) if q.upper is not None else None, q.unit)


def _convert(q: Quantity, unit: str) -> Interval | None:
    import pint  # here, not at the top: importing the checks should not load pint (0.4 s)

    from ..claims.units import registry

    ureg = registry()
    try:
        def one(x: Decimal | None) -> Decimal | None:
            if x is None:
                return None
            return Decimal(str(ureg.Quantity(float(x), q.unit).to(unit).magnitude))
        lo, hi = one(q.lower), one(q.upper)
    except (pint.DimensionalityError, pint.UndefinedUnitError, pint.OffsetUnitCalculusError):
        return None
    value = one(q.value)
    assert value is not None
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Interval(value, lo, hi, unit)


def _convert_binary(q: Quantity, unit: str) -> Interval | None:
    if q.kind != "data_size" or q.unit not in _BINARY or unit not in _BINARY:
        return None
    # Binary reading: both prefixes are powers of 1,024 ("8 TB (8,192 GB)").
    from ..claims.units import registry

    ureg = registry()
    factor = Decimal(str(ureg.Quantity(1, _BINARY[q.unit]).to(_BINARY[unit]).magnitude))
    return iv.scaled(iv.of(q), factor, unit)

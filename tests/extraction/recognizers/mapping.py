"""Recognizers-Text resolutions → numcheck values, unit strings and kinds.

Everything that translates one convention into the other lives here, as data, so that a reviewer
reads the mapping instead of hunting through hand-edited tables. Unit strings are those of
numcheck's pint registry (``claims/units.py``): ISO codes for money, pint names for the rest.
"""

from __future__ import annotations

import re
from decimal import Decimal

#: Recognizers currency unit (when it gives no ``isoCurrency``) → (ISO code, factor to that code).
#: Minor units become their major currency, as numcheck reads them: "50 cents" is 0.5 USD.
#: A bare "$" is the US dollar in numcheck, and "Dollar" is what Recognizers gives for it.
CURRENCY_UNITS: dict[str, tuple[str, Decimal]] = {
    "Dollar": ("USD", Decimal(1)),
    "Cent": ("USD", Decimal("0.01")),
    "Pound": ("GBP", Decimal(1)),
    "British pound": ("GBP", Decimal(1)),
    "Pence": ("GBP", Decimal("0.01")),
    "Penny": ("GBP", Decimal("0.01")),
    "Rupee": ("INR", Decimal(1)),
    "Bitcoin": ("BTC", Decimal(1)),
    "Satoshi": ("BTC", Decimal("0.00000001")),
}

#: Recognizers dimension unit → pint unit string. Units absent here have an out-of-scope rule.
DIMENSION_UNITS: dict[str, str] = {
    "Pound": "pound", "Ounce": "ounce", "Ton": "ton", "Metric ton": "metric_ton",
    "Kilogram": "kilogram", "Microgram": "microgram", "Gram": "gram",
    "Milliliter": "milliliter", "Gallon": "gallon", "Barrel": "oil_barrel",
    "Cubic foot": "foot ** 3", "Tablespoon": "tablespoon", "Teaspoon": "teaspoon", "Cup": "cup",
    "Inch": "inch", "Foot": "foot", "Mile": "mile", "Meter": "meter", "Kilometer": "kilometer",
    "Millimeter": "millimeter", "Decimeter": "decimeter", "Picometer": "picometer",
    "Acre": "acre", "Square meter": "meter ** 2", "Square kilometer": "kilometer ** 2",
    "Mile per hour": "mile / hour", "Kilometer per hour": "kilometer / hour",
    "Bit": "bit", "Megabyte": "megabyte",
    "Degree": "degree", "Radian": "radian",
}
#: Recognizers resolves "tonnes" and "t" as "Ton"; in English both are the metric ton (1000 kg).
_METRIC_TON_SURFACE = re.compile(r"tonnes?\b|\d\s*t$")

TEMPERATURE_UNITS = {"C": "degree_Celsius", "F": "degree_Fahrenheit"}
#: Age units; "Age" ("age 87") names no unit, so the row compares the value only.
AGE_UNITS: dict[str, str | None] = {"Year": "year", "Month": "month", "Week": "week", "Day": "day",
                                    "Age": None}

_DATA_UNITS = frozenset({"bit", "megabyte"})
_DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})

#: ISO 8601 duration as written in a Timex ("P1Y1M21D", "PT1.5H"); "BD" is a business day.
_TIMEX = re.compile(r"""
    P(?:(?P<year>[\d.]+)Y)?
     (?:(?P<month>[\d.]+)M)?
     (?:(?P<week>[\d.]+)W)?
     (?:(?P<day>[\d.]+)D)?
     (?:(?P<business_day>[\d.]+)BD)?
     (?:T(?:(?P<hour>[\d.]+)H)?
         (?:(?P<minute>[\d.]+)M)?
         (?:(?P<second>[\d.]+)S)?)?
    \Z""", re.VERBOSE)


def plain(value: Decimal) -> str:
    """A Decimal written without exponent or trailing zeros ("1E-12" → "0.000000000001")."""
    return format(value.normalize(), "f")


def number(text: str) -> str:
    """A spec value string in plain notation ("4.800" → "4.8", "-1.2732E+15" → "-1273200000000000")."""
    return plain(Decimal(text))


def kind_of(unit: str | None) -> str | None:
    """numcheck's quantity kind for a unit string (``None`` for a value-only row)."""
    if unit is None:
        return None
    if unit == "percent":
        return "percent"
    if unit.isupper():
        return "money"
    if unit in _DATA_UNITS:
        return "data_size"
    if unit in _DURATION_UNITS:
        return "duration"
    return "measure"


def currency(resolution: dict) -> tuple[str, str] | None:
    """(value, ISO code) of a currency resolution, or ``None`` when no mapping exists."""
    iso = resolution.get("isoCurrency")
    if iso:
        return number(resolution["value"]), iso
    found = CURRENCY_UNITS.get(resolution.get("unit", ""))
    if found is None:
        return None
    code, factor = found
    return plain(Decimal(resolution["value"]) * factor), code


def dimension_unit(unit: str, text: str) -> str | None:
    """The pint unit for a Recognizers dimension unit, reading "tonnes"/"t" as metric tons."""
    if unit == "Ton" and _METRIC_TON_SURFACE.search(text):
        return "metric_ton"
    return DIMENSION_UNITS.get(unit)


def timex_parts(timex: str) -> list[tuple[str, str]] | None:
    """Components of a Timex duration as (value, unit); ``None`` if it is not one we read.

    >>> timex_parts("P1Y1M21D")
    [('1', 'year'), ('1', 'month'), ('21', 'day')]
    >>> timex_parts("PT1.5H")
    [('1.5', 'hour')]
    """
    m = _TIMEX.match(timex)
    if m is None or timex in ("P", "PT"):
        return None
    return [(number(v), unit) for unit, v in m.groupdict().items() if v is not None]


#: A one-sided range as numcheck's qualifier: "(30," is more than 30, "(,100]" at most 100.
_BOUNDS = {"(": "more_than", "[": "at_least", ")": "less_than", "]": "at_most"}


def range_bound(spec: str) -> str | None:
    """The qualifier a one-sided range implies, or ``None`` for a two-sided one.

    >>> range_bound("(30,)"), range_bound("(,100]"), range_bound("[20,30)")
    ('more_than', 'at_most', None)
    """
    if spec.endswith(",)"):
        return _BOUNDS[spec[0]]
    if spec.startswith("(,"):
        return _BOUNDS[spec[-1]]
    return None


def range_ends(spec: str) -> list[str] | None:
    """The finite ends of a Recognizers range value ("(20,35]" → ["20", "35"], "(30,)" → ["30"]).

    >>> range_ends("[20,30)")
    ['20', '30']
    >>> range_ends("(,100]")
    ['100']
    """
    m = re.fullmatch(r"[\[(](-?[\d.]*),(-?[\d.]*)[\])]", spec)
    if m is None:
        return None
    return [number(v) for v in m.groups() if v]

"""Interval arithmetic on stated figures, and the words used to show it.

Every function returns the *hull* of all values its inputs allow, so a check that finds no overlap
between a stated interval and a computed one has shown that no reading of the text makes it true.
"""

from __future__ import annotations

import re
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from ..claims.records import Interval, Quantity

HUNDRED = Decimal(100)


def of(q: Quantity) -> Interval:
    """The interval a quantity stands for."""
    return Interval(q.value, q.lower, q.upper, q.unit)


def change_pair(start: Quantity, end: Quantity) -> tuple[Interval, Interval]:
    """The from and to values of one change, read to the precision the writer used for both.

    Trailing zeros are read leniently: "£100m" alone may be rounded to the nearest £100m (50–150).
    Next to a figure written more finely ("to £110m from £100m") the writer's precision is the
    finer one, so the round figure is narrowed to the partner's rounding step — never below the
    last digit it states. Hedged and bounded figures keep their intervals.

    >>> from decimal import Decimal as D
    >>> from ..claims.records import Quantity
    >>> def q(text, v, lo, hi, note=""):
    ...     return Quantity("q", text, 0, 1, 1, D(v), D(lo), D(hi), "", "count", precision=note)
    >>> a, b = change_pair(q("100 million", 100e6, 50e6, 150e6, "lenient"), q("70 million", 70e6, 69.5e6, 70.5e6))
    >>> a.lower, a.upper
    (Decimal('99500000'), Decimal('100500000'))
    """
    a, b = of(start), of(end)
    return _narrowed(start, b), _narrowed(end, a)


def _narrowed(q: Quantity, partner: Interval) -> Interval:
    own = of(q)
    if not q.precision or q.qualifier != "exact" or q.lower is None or q.upper is None \
            or partner.lower is None or partner.upper is None or partner.unit != q.unit:
        return own
    digits = re.search(r"\d[\d,]*", q.text)
    if digits is None:
        return own
    written = digits.group().replace(",", "")
    step = q.upper - q.lower
    finest = step / Decimal(10) ** (len(written) - len(written.rstrip("0")))
    target = partner.upper - partner.lower
    while step / 10 >= target and step / 10 >= finest:
        step /= 10
    return Interval(q.value, q.value - step / 2, q.value + step / 2, q.unit)


def signed(iv: Interval, direction: str) -> Interval:
    """A stated magnitude of change given the sign of its direction word ("down 35%" → −35)."""
    # A stated change is a magnitude: "by less than £600" is 0 to 600, never below zero.
    lower = iv.lower if iv.lower is not None else Decimal(0)
    if direction != "down":
        return Interval(iv.value, lower, iv.upper, iv.unit)
    return Interval(-iv.value, None if iv.upper is None else -iv.upper, -lower, iv.unit)


def difference(a: Interval, b: Interval, unit: str = "") -> Interval:
    """b − a over the intervals."""
    lo = None if b.lower is None or a.upper is None else b.lower - a.upper
    hi = None if b.upper is None or a.lower is None else b.upper - a.lower
    return Interval(b.value - a.value, lo, hi, unit or a.unit)


def sum_of(parts: list[Interval], unit: str = "") -> Interval:
    """The sum of intervals (open if any part is open on that side)."""
    value = sum((p.value for p in parts), Decimal(0))
    lo = None if any(p.lower is None for p in parts) else sum((p.lower for p in parts), Decimal(0))
    hi = None if any(p.upper is None for p in parts) else sum((p.upper for p in parts), Decimal(0))
    return Interval(value, lo, hi, unit or (parts[0].unit if parts else ""))


def ratio(num: Interval, den: Interval, scale: Decimal = Decimal(1), unit: str = "") -> Interval | None:
    """num / den × scale over the intervals, for positive bounded denominators; else ``None``."""
    if den.lower is None or den.upper is None or den.lower <= 0 or den.value <= 0:
        return None
    value = num.value / den.value * scale
    lo = None if num.lower is None else min(num.lower / den.upper, num.lower / den.lower) * scale
    hi = None if num.upper is None else max(num.upper / den.lower, num.upper / den.upper) * scale
    return Interval(value, lo, hi, unit)


def scaled(x: Interval, factor: Decimal, unit: str = "") -> Interval:
    """x × factor (factor > 0)."""
    return Interval(x.value * factor, None if x.lower is None else x.lower * factor,
                    None if x.upper is None else x.upper * factor, unit or x.unit)


def percent_change(start: Interval, end: Interval) -> Interval | None:
    """(end − start) / start × 100 over the intervals; ``None`` unless start is bounded and > 0."""
    if start.lower is None or start.upper is None or start.lower <= 0 or start.value <= 0:
        return None
    value = (end.value / start.value - 1) * HUNDRED
    lo = None if end.lower is None else (end.lower / start.upper - 1) * HUNDRED
    hi = None if end.upper is None else (end.upper / start.lower - 1) * HUNDRED
    return Interval(value, lo, hi, "percent")


def is_edge(stated: Interval, computed: Interval) -> bool:
    """Consistent only through rounding: each central value lies outside the other interval."""
    return not stated.contains(computed.value) and not computed.contains(stated.value)


def fmt(x: Decimal | None, places: int = 1, rounding: str | None = None) -> str:
    """A number for a message: ``places`` decimals at most, a real minus sign, thousands commas."""
    if x is None:
        return "unbounded"
    q = Decimal(1).scaleb(-places)
    r = x.quantize(q, rounding=rounding) if rounding else x.quantize(q)
    text = f"{abs(r):,.{places}f}".rstrip("0").rstrip(".") if places else f"{abs(r):,.0f}"
    return ("−" if r < 0 and text.strip("0.,") else "") + text


_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}


def fmt_amount(x: Decimal, unit: str) -> str:
    """An amount for a message: "£2m", "−£1.5bn", "23,600", "8 terabyte"."""
    sign = "−" if x < 0 else ""
    mag = abs(x)
    base = unit.split(" / ")[0]
    per = f" / {unit.split(' / ')[1]}" if " / " in unit else ""
    if base in _SYMBOLS or len(base) == 3 and base.isupper():
        for size, suffix in ((Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m")):
            if mag >= size:
                return f"{sign}{_SYMBOLS.get(base, base + ' ')}{fmt(mag / size, 2)}{suffix}{per}"
        return f"{sign}{_SYMBOLS.get(base, base + ' ')}{fmt(mag, 2)}{per}"
    text = f"{sign}{fmt(mag, 2)}"
    return f"{text} {unit}" if unit else text


def fmt_interval(iv: Interval, places: int = 1) -> str:
    """"(−36.7 to −36.4)": bounds rounded outwards so the shown interval still holds the true one."""
    lo = "no lower bound" if iv.lower is None else fmt(iv.lower, places, ROUND_FLOOR)
    hi = "no upper bound" if iv.upper is None else fmt(iv.upper, places, ROUND_CEILING)
    return f"({lo} to {hi})"

"""NC108 rates-and-periods."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Result
from . import intervals as iv
from .base import Comparing, Context

#: Length of each period in days under each reading a writer may use. A rate "per week" restated
#: "a year" may use 52 weeks, 52.18 (365.25 days) or, for pay, a five-day week of 260 working days.
_READINGS: dict[str, dict[str, Decimal]] = {
    "calendar": {"second": Decimal(1) / 86400, "minute": Decimal(1) / 1440, "hour": Decimal(1) / 24,
                 "day": Decimal(1), "week": Decimal(7), "month": Decimal("30.4375"),
                 "year": Decimal("365.25")},
    "365 days": {"second": Decimal(1) / 86400, "minute": Decimal(1) / 1440, "hour": Decimal(1) / 24,
                 "day": Decimal(1), "week": Decimal(7), "month": Decimal(365) / 12, "year": Decimal(365)},
    "52 weeks": {"second": Decimal(1) / 86400, "minute": Decimal(1) / 1440, "hour": Decimal(1) / 24,
                 "day": Decimal(1), "week": Decimal(7), "month": Decimal(364) / 12, "year": Decimal(364)},
    "working time": {"second": Decimal(1) / 28800, "minute": Decimal(1) / 480, "hour": Decimal(1) / 8,
                     "day": Decimal(1), "week": Decimal(5), "month": Decimal(260) / 12,
                     "year": Decimal(260)},
}


class RatesAndPeriods(Comparing):
    """Checks a rate restated over another period: "£11,000 per week (£572,000 a year)".

    The first rate is converted to the second's period under every common reading of the periods
    (calendar, 365 days, 52 weeks of 7 days, a working year of 260 days) and compared with the
    second within the rounding of both. Consistent if any reading agrees.

    Why: converting weekly pay to annual, or monthly costs to yearly, is done by hand with a wrong
    multiplier more often than one would think.

    Fails: "He earns £11,000 per week (£750,000 a year)."
    Passes: "He earns £11,000 per week (£572,000 a year)."
    """

    code = "NC108"
    name = "rates-and-periods"
    claim_kinds = ("rate_equivalence",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        first, second = ctx.role(claim, "first"), ctx.role(claim, "second")
        if first is None or second is None:
            return
        p1, p2 = first.unit.split(" / ")[-1], second.unit.split(" / ")[-1]
        stated = iv.of(second)
        candidates = [(name, iv.scaled(iv.of(first), days[p2] / days[p1], second.unit))
                      for name, days in _READINGS.items() if p1 in days and p2 in days]
        if not candidates:
            return
        name, computed = next(((n, c) for n, c in candidates if c.overlaps(stated)), candidates[0])
        hull = Interval(computed.value, min(c.lower for _, c in candidates if c.lower is not None),
                        max(c.upper for _, c in candidates if c.upper is not None), second.unit)
        shown = computed if computed.overlaps(stated) else hull
        yield self.compare([claim], stated, shown,
                           f"stated {second.text} {iv.fmt_interval(stated, 0)}; {first.text} is "
                           f"{iv.fmt_amount(computed.value, second.unit)} ({name}), "
                           f"{iv.fmt_interval(shown, 0)} over all readings",
                           "no reading of the periods makes the two rates equal")

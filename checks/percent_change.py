"""NC101 percent-change."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Quantity, Result
from . import intervals as iv
from .base import Comparing, Context



class PercentChange(Comparing):
    """Checks a stated relative change against the values it goes from and to.

    A change stated as a percentage ("down 35% to 382 million … compared to 602 million") or a
    fraction ("fell by a third") is recomputed as (to − from) / from over every reading the rounding
    of the figures allows. It is inconsistent only if no such reading reaches the stated change; a
    direction word that disagrees with the sign of the recomputed change (a "rise" that is a fall)
    is gross.

    Why: percentages are recomputed by hand and often from the wrong base or the wrong pair of
    years; a wrong one misstates the story while looking precise.

    Fails: "Downloads fell 35% to 382 million from 602 million." (602m → 382m is −36.5%)
    Passes: "Users dropped by approximately 45% (from 4.2 million to 2.3 million)."
    """

    code = "NC101"
    name = "percent-change"
    claim_kinds = ("change",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        change = ctx.role(claim, "stated_change")
        if change is None or change.kind not in ("percent", "ratio"):
            return
        stated = iv.signed(_as_percent(change), claim.attributes.get("direction", "up"))
        start, end = ctx.role(claim, "from"), ctx.role(claim, "to")
        said = f"stated {iv.fmt(stated.value)}% {iv.fmt_interval(stated)}"
        if _beyond_all(stated, end):
            yield self.result([claim], "inconsistent",
                              f"{said}; a fall of more than 100% would leave less than nothing, yet it "
                              f"ends at {end.text}", stated, severity="gross")
            return
        if start is None or end is None:
            missing = " and ".join(r for r, q in (("from", start), ("to", end)) if q is None)
            plural = "values" if start is None and end is None else "value"
            yield self.result([claim], "unverifiable",
                              f"{said}; the text gives no {missing} {plural} to recompute it from", stated)
            return
        first, last = iv.change_pair(start, end)
        computed = iv.percent_change(first, last)
        if start.kind == "percent" and end.kind == "percent":
            points = iv.difference(first, last)
            if points.overlaps(stated) and not (computed and computed.overlaps(stated)):
                return  # a change in points written with "%": NC104 reports it
        if computed is None:
            yield self.result([claim], "unverifiable",
                              f"{said}; a change from {start.text} has no percentage", stated)
            return
        wrong_way = (computed.upper is not None and computed.upper < 0 < stated.value) or (
            computed.lower is not None and computed.lower > 0 > stated.value)
        failure = (f"“{claim.attributes.get('direction_word', '')}” points the wrong way" if wrong_way
                   else "no rounding of the stated figures reaches the stated change")
        yield self.compare([claim], stated, computed,
                           f"{said}; {start.text} → {end.text} is {iv.fmt(computed.value)}% "
                           f"{iv.fmt_interval(computed)}", failure, wrong_direction=wrong_way)


def _beyond_all(stated: Interval, end: Quantity | None) -> bool:
    """A fall of more than 100% that ends at a positive figure ("fell 120% to 40p"): impossible
    from any start. Without a positive end it may be a profit turning into a loss, which is not."""
    return (end is not None and stated.upper is not None and stated.upper < -iv.HUNDRED
            and end.lower is not None and end.lower > 0)


def _as_percent(q: Quantity) -> Interval:
    """A percentage as stated, or a fraction ("a third") as a percentage, widened like a hedge.

    Fractions in words are round by nature: "fell by a third" is not a claim of 33.33%.
    """
    if q.kind == "percent":
        return iv.of(q)
    value = q.value * iv.HUNDRED
    spread = value * Decimal("0.05")
    return Interval(value, (q.lower or q.value) * iv.HUNDRED - spread, (q.upper or q.value) * iv.HUNDRED + spread,
                    "percent")

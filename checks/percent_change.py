"""NC101 percent-change."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Check, Context, severity_of


class PercentChange(Check):
    """Checks a stated relative change against the values it goes from and to.

    A change stated as a percentage ("down 35% to 382 million … compared to 602 million") is
    recomputed as (to − from) / from over every reading the rounding of the three figures allows.
    It is inconsistent only if no such reading reaches the stated change; a direction word that
    disagrees with the sign of the recomputed change (a "rise" that is a fall) is gross.

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
        if change is None or change.kind != "percent":
            return
        direction = claim.attributes.get("direction", "up")
        stated = iv.signed(iv.of(change), direction)
        start, end = ctx.role(claim, "from"), ctx.role(claim, "to")
        said = f"stated {iv.fmt(stated.value)}% {iv.fmt_interval(stated)}"
        if start is None or end is None:
            missing = " and ".join(r for r, q in (("from", start), ("to", end)) if q is None)
            plural = "values" if start is None and end is None else "value"
            yield self.result([claim], "unverifiable",
                              f"{said}; the text gives no {missing} {plural} to recompute it from",
                              stated=stated)
            return
        if start.kind == "percent" and end.kind == "percent":
            points = iv.difference(iv.of(start), iv.of(end))
            if points.overlaps(stated) and not _relative_holds(start, end, stated):
                return  # a change in points stated with "%": NC104 reports it
        computed = iv.percent_change(iv.of(start), iv.of(end))
        if computed is None:
            yield self.result([claim], "unverifiable",
                              f"{said}; a change from {start.text} has no percentage", stated=stated)
            return
        arithmetic = (f"{said}; {start.text} → {end.text} is {iv.fmt(computed.value)}% "
                      f"{iv.fmt_interval(computed)}")
        if stated.overlaps(computed):
            edge = iv.is_edge(stated, computed)
            note = " (holds only at the edge of the rounding)" if edge else ""
            yield self.result([claim], "consistent", arithmetic + note, stated, computed, edge=edge)
            return
        wrong_way = (computed.upper is not None and computed.upper < 0 < stated.value) or (
            computed.lower is not None and computed.lower > 0 > stated.value)
        verdict_words = (f"; “{claim.attributes.get('direction_word', '')}” points the wrong way"
                         if wrong_way else "; no rounding of the stated figures reaches the stated change")
        yield self.result([claim], "inconsistent", arithmetic + verdict_words, stated, computed,
                          severity=severity_of(stated.value, computed.value, wrong_direction=wrong_way))


def _relative_holds(start, end, stated) -> bool:
    computed = iv.percent_change(iv.of(start), iv.of(end))
    return computed is not None and computed.overlaps(stated)

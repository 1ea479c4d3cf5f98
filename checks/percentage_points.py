"""NC104 percent-vs-points."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Check, Context


class PercentVersusPoints(Check):
    """Checks that a change between two percentages is stated in the right kind of unit.

    From 10% to 12% is a rise of 2 percentage points, or of 20%. "A 2% increase" there states the
    points as a percentage (gross), and "up 20 points" the reverse. Both readings are shown.

    Why: confusing points with percent understates or overstates a change tenfold, and it is the
    commonest error in reporting rates, shares and polls.

    Fails: "Unemployment rose from 10% to 12%, a 2% increase."
    Passes: "Unemployment rose 2 percentage points, from 10% to 12%."
    """

    code = "NC104"
    name = "percent-vs-points"
    claim_kinds = ("change",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        change = ctx.role(claim, "stated_change")
        start, end = ctx.role(claim, "from"), ctx.role(claim, "to")
        if change is None or start is None or end is None or start.kind != "percent" or end.kind != "percent":
            return
        points_word = change.kind == "count" and change.noun in ("points", "point")
        if change.kind not in ("percent", "percentage_point") and not points_word:
            return  # "fell 5.5 points" between two percentages means percentage points
        stated = iv.signed(iv.of(change), claim.attributes.get("direction", "up"))
        points = iv.difference(iv.of(start), iv.of(end), "percentage_point")
        relative = iv.percent_change(iv.of(start), iv.of(end))
        readings = (f"{start.text} → {end.text} is {iv.fmt(points.value)} percentage points "
                    f"{iv.fmt_interval(points)}" + (
                        f" or {iv.fmt(relative.value)}% {iv.fmt_interval(relative)}" if relative else ""))
        if change.kind == "percent":
            said = f"stated {iv.fmt(stated.value)}% {iv.fmt_interval(stated)}; {readings}"
            if relative is not None and relative.overlaps(stated):
                yield self.result([claim], "consistent", said + "; the percentage is a relative change, as stated",
                                  stated, relative)
            elif points.overlaps(stated):
                yield self.result([claim], "inconsistent",
                                  said + "; the stated figure is the change in percentage points, written as %",
                                  stated, points, severity="gross")
            return
        said = f"stated {iv.fmt(stated.value)} points {iv.fmt_interval(stated)}; {readings}"
        if points.overlaps(stated):
            yield self.result([claim], "consistent", said, stated, points)
        elif relative is not None and relative.overlaps(stated):
            yield self.result([claim], "inconsistent",
                              said + "; the stated figure is the relative change in %, written as points",
                              stated, points, severity="gross")
        else:
            yield self.result([claim], "inconsistent", said + "; no rounding of the figures reaches it",
                              stated, points, severity="major")

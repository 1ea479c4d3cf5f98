"""NC102 absolute-change."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Check, Context, severity_of


class AbsoluteChange(Check):
    """Checks a change stated as an amount against the values it goes from and to.

    "Up 23,600 to 27,700" implies a start of 4,100; when the start is stated too, the difference
    between the figures must be the stated amount within their rounding. A direction word that
    disagrees with the sign of the difference is gross.

    Why: absolute changes are subtracted by hand, often from a figure of a different period.

    Fails: "Profits rose by £2m to £12m from £7m." (£7m → £12m is at least £4m)
    Passes: "Jobless claims rose by 2,300 to 27,700 from 25,400."
    """

    code = "NC102"
    name = "absolute-change"
    claim_kinds = ("change",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        change = ctx.role(claim, "stated_change")
        start, end = ctx.role(claim, "from"), ctx.role(claim, "to")
        if change is None or change.kind in ("percent", "percentage_point"):
            return
        anchor = start or end
        if anchor is None or anchor.unit != change.unit or anchor.kind != change.kind:
            return
        stated = iv.signed(iv.of(change), claim.attributes.get("direction", "up"))
        said = f"stated change {iv.fmt(stated.value, 2)} {change.unit}".rstrip() + f" {iv.fmt_interval(stated, 2)}"
        if start is None or end is None:
            yield self.result([claim], "unverifiable",
                              f"{said}; the text gives only one of the values it goes from and to",
                              stated=stated)
            return
        computed = iv.difference(iv.of(start), iv.of(end))
        arithmetic = f"{said}; {start.text} → {end.text} is {iv.fmt(computed.value, 2)} {iv.fmt_interval(computed, 2)}"
        if stated.overlaps(computed):
            yield self.result([claim], "consistent", arithmetic, stated, computed,
                              edge=iv.is_edge(stated, computed))
            return
        wrong_way = computed.value * stated.value < 0
        yield self.result([claim], "inconsistent", arithmetic + "; the figures do not differ by the stated amount",
                          stated, computed, severity=severity_of(stated.value, computed.value, wrong_direction=wrong_way))

"""NC102 absolute-change."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Comparing, Context


class AbsoluteChange(Comparing):
    """Checks a change stated as an amount against the values it goes from and to.

    "Rose by £2m to £12m from £9m": the difference between the from and to values must be the stated
    amount within the rounding of all three. With only one of the two values the start (or end) the
    change implies is shown, and the result is unverifiable. A direction word that disagrees with
    the sign of the difference is gross.

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
        if change is None or change.kind in ("percent", "percentage_point", "ratio"):
            return
        anchor = start or end
        if anchor is None or anchor.unit != change.unit or anchor.kind != change.kind:
            return
        stated = iv.signed(iv.of(change), claim.attributes.get("direction", "up"))
        said = f"stated change {iv.fmt_amount(stated.value, change.unit)} {iv.fmt_interval(stated, 2)}"
        if start is None or end is None:
            known = end if end is not None else start
            assert known is not None
            other = (iv.difference(stated, iv.of(known)) if end is not None
                     else iv.sum_of([iv.of(known), stated]))
            which = "a start" if end is not None else "an end"
            yield self.result([claim], "unverifiable",
                              f"{said}; with {known.text} it implies {which} of "
                              f"{iv.fmt_amount(other.value, change.unit)}, which the text does not state",
                              stated, other)
            return
        computed = iv.difference(*iv.change_pair(start, end))
        wrong_way = computed.value * stated.value < 0 and not computed.contains(stated.value)
        yield self.compare([claim], stated, computed,
                           f"{said}; {start.text} → {end.text} is {iv.fmt_amount(computed.value, change.unit)} "
                           f"{iv.fmt_interval(computed, 2)}",
                           "the figures do not differ by the stated amount", wrong_direction=wrong_way)

"""NC106 totals."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Comparing, Context


class Totals(Comparing):
    """Checks totals: parts that should add up to a stated total, and increments to a running total.

    "A total of 90: 50 in England, 30 in Scotland and 10 in Wales" adds the parts; after
    "including" or "such as" the parts need only not exceed the total. "Suing 33 … would bring to
    90 the total" implies 57 before, which is checked against an earlier statement of it ("had
    already sued 57"); parts of it ("a first tranche of 26 cases") do not contradict it.

    Why: totals and their parts are updated separately as stories develop, and drift apart.

    Fails: "A total of 90 people were charged: 50 in England, 30 in Scotland and 20 in Wales."
    Passes: "Suing 33 file-swappers would bring to 90 the total number of people sued."
    """

    code = "NC106"
    name = "totals"
    claim_kinds = ("increment", "parts_total")

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        if claim.kind == "parts_total":
            yield from self._parts(claim, ctx)
        else:
            yield from self._increment(claim, ctx)

    def _parts(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        total = ctx.role(claim, "total")
        parts = [q for role, qid in sorted(claim.roles.items()) if role.startswith("part")
                 for q in [ctx.quantities[qid]]]
        if total is None or len(parts) < 2:
            return
        summed = iv.sum_of([iv.of(p) for p in parts], total.unit)
        stated = iv.of(total)
        listing = " + ".join(p.text for p in parts)
        arithmetic = f"stated total {total.text} {iv.fmt_interval(stated, 1)}; {listing} = " \
                     f"{iv.fmt_amount(summed.value, total.unit)} {iv.fmt_interval(summed, 1)}"
        if claim.attributes.get("exhaustive", True):
            yield self.compare([claim], stated, summed, arithmetic, "the parts do not add up to the total")
        elif summed.lower is not None and stated.upper is not None and summed.lower > stated.upper:
            yield self.result([claim], "inconsistent", arithmetic + "; the parts listed exceed the total",
                              stated, summed, severity="major")
        else:
            yield self.result([claim], "consistent", arithmetic + " (some of the parts; they fit within it)",
                              stated, summed)

    def _increment(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        added, total = ctx.role(claim, "added"), ctx.role(claim, "total")
        if added is None or total is None:
            return
        implied = iv.difference(iv.of(added), iv.of(total))
        said = (f"{added.text} more bring the total to {total.text}, so {iv.fmt(implied.value, 0)} "
                f"{iv.fmt_interval(implied, 1)} were counted before")
        earlier = ctx.role(claim, "earlier")
        if earlier is None:
            yield self.result([claim], "unverifiable", said + "; the text states no earlier total to compare with",
                              computed=implied)
            return
        yield self.compare([claim], iv.of(earlier), implied, f"{said}; the text earlier gives {earlier.text}",
                           "the earlier total, the increment and the new total do not agree")

"""NC111 conflicting-repeats."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Check, Context


class ConflictingRepeats(Check):
    """Checks that a figure stated twice for the same thing has the same value both times.

    Two counts of the same noun after the same word ("targeting 963 individuals" … "targeting 936
    individuals"), in different sentences and within a factor of two of each other, must agree
    within their rounding ("1,200" and "1,300" can both be 1,250).

    Why: a figure corrected in one paragraph and not in another leaves the reader two numbers.

    Fails: "The firm will cut 1,200 jobs. … Unions said it will cut 1,500 jobs by May."
    Passes: "The firm will cut 1,200 jobs. … Unions said it will cut 1,200 jobs by May."
    """

    code = "NC111"
    name = "conflicting-repeats"
    claim_kinds = ("repeat",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        first, second = ctx.role(claim, "first"), ctx.role(claim, "second")
        if first is None or second is None:
            return
        stated, other = iv.of(first), iv.of(second)
        if stated.overlaps(other):
            yield self.result([claim], "consistent", f"{first.text} and {second.text} agree", stated, other)
            return
        yield self.result([claim], "inconsistent",
                          f"the text says {first.text} {first.noun} {iv.fmt_interval(stated, 1)} (line {first.line}) "
                          f"and later {second.text} {second.noun} {iv.fmt_interval(other, 1)} (line {second.line})",
                          stated, other, severity="major")

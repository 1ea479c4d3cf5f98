"""NC106 totals."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Check, Context, severity_of


class Totals(Check):
    """Checks an increment against the total it brings a count to.

    "Suing 33 file-swappers … would bring to 90 the total" implies 57 were counted before. The
    implied earlier count is shown, and checked against any earlier total the text states ("had
    already sued 57 people"). Parts of the earlier total ("a first tranche of 26 cases") do not
    contradict it as long as they fit within it.

    Why: running totals are updated by hand from press releases and drift from earlier statements.

    Fails: "The firm had already sued 50 people. Suing 33 more brings the total to 90."
    Passes: "Suing 33 more would bring to 90 the total number sued."
    """

    code = "NC106"
    name = "totals"
    claim_kinds = ("increment",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        added, total = ctx.role(claim, "added"), ctx.role(claim, "total")
        if added is None or total is None:
            return
        implied = iv.difference(iv.of(added), iv.of(total))
        said = (f"{added.text} more bring the total to {total.text}, so {iv.fmt(implied.value, 0)} "
                f"{iv.fmt_interval(implied, 1)} were counted before")
        earlier = [c for c in ctx.document.claims if c.kind == "earlier_total" and c.end <= claim.start]
        if not earlier:
            yield self.result([claim], "unverifiable",
                              said + "; the text states no earlier total to compare with",
                              computed=implied)
            return
        prior = ctx.role(earlier[-1], "total")
        assert prior is not None
        stated = iv.of(prior)
        if stated.overlaps(implied):
            yield self.result([earlier[-1], claim], "consistent",
                              f"{said}, as stated earlier ({prior.text})", stated, implied)
        else:
            yield self.result([earlier[-1], claim], "inconsistent",
                              f"{said}, but the text earlier gives {prior.text}", stated, implied,
                              severity=severity_of(stated.value, implied.value))

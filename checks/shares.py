"""NC105 shares."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Comparing, Context


class Shares(Comparing):
    """Checks a stated share against the part and the whole it relates.

    "120 (12.5%) of the 963 defendants": 120 / 963 is 12.46%, which the stated 12.5% allows. The
    share is recomputed over the rounding of both counts.

    Why: shares are quoted from one table and counts from another; when both are printed, a reader
    can and will divide.

    Fails: "Of the 963 defendants, 220 (12.5%) were from the UK."
    Passes: "120 (12.5%) of the 963 defendants were from the UK."
    """

    code = "NC105"
    name = "shares"
    claim_kinds = ("share",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        part, whole, share = ctx.role(claim, "part"), ctx.role(claim, "whole"), ctx.role(claim, "share")
        if part is None or whole is None or share is None:
            return
        stated = iv.of(share)
        computed = iv.ratio(iv.of(part), iv.of(whole), Decimal(100), "percent")
        if computed is None:
            return
        yield self.compare([claim], stated, computed,
                           f"stated {share.text} {iv.fmt_interval(stated)}; {part.text} of {whole.text} is "
                           f"{iv.fmt(computed.value)}% {iv.fmt_interval(computed)}",
                           "the share does not match the counts")

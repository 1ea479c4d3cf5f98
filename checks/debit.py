"""NC204 debit."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Result
from . import granularity as gr
from .base import Check, Context
from .grim import TRUNCATED, bounds, decimals, sd_sample, show, truncated


class Debit(Check):
    """Checks the mean and SD of binary (0/1) data against each other (DEBIT).

    k ones among N values have mean k/N and SD √(k(N − k)/(N(N − 1))), so mean and SD of a
    binary variable determine each other. Every k whose mean rounds to the stated one is tried;
    the SD may lie anywhere within its rounding. Applies when the sentence says the variable is
    binary, dichotomous, a proportion or coded 0/1, and the mean lies between 0 and 1.

    Why: for binary data a wrong SD cannot be a matter of opinion; it flags a typo or an SD
    copied from another variable (Heathers & Brown, 2019).

    Fails: "The binary outcome had M = 0.19, SD = 0.35, N = 1683."
    Passes: "The binary outcome had M = 0.53, SD = 0.50, N = 1683."
    """

    code = "NC204"
    name = "debit"
    claim_kinds = ("descriptives",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        mean, sd, n = (ctx.role(claim, r) for r in ("mean", "sd", "n"))
        if mean is None or sd is None or n is None or not claim.attributes.get("binary"):
            return
        setup = sd_sample(claim, mean, sd, n)
        if setup is None:
            yield self.result([claim], "unverifiable", f"SD = {sd.text}: DEBIT needs a stated mean, "
                              "a stated SD and a whole-number sample size of at least 2")
            return
        size = setup[0]
        if not Decimal(0) <= mean.value <= Decimal(1):
            yield self.result([claim], "inconsistent", f"M = {mean.text.strip()} is not a mean of "
                              "binary data: it must lie between 0 and 1", severity="gross")
            return
        r = gr.debit(bounds(mean), bounds(sd), size)
        stated = Interval(sd.value, sd.lower, sd.upper)
        said = f"binary data, N = {size}: M = {mean.text.strip()}"
        if r.sds is None:
            yield self.result([claim], "unverifiable", f"{said} is no count of ones out of {size} "
                              "(see NC202), so there is no SD to compare", stated)
            return
        places = decimals(sd) + 1
        low, high = (show(x, places) for x in r.sds)
        ones = f"{r.ones[0]}" if len(r.ones) == 1 else f"{r.ones[0]} to {r.ones[-1]}"
        spread = low if low == high else f"{low} to {high}"
        message = f"{said} means {ones} ones, whose SD is {spread}; reported SD = {sd.text.strip()}"
        computed = Interval(Decimal(show(r.sds[0], 6)), Decimal(show(r.sds[0], 6)),
                            Decimal(show(r.sds[1], 6)))
        if r.consistent:
            yield self.result([claim], "consistent", message, stated, computed)
            return
        slip = gr.debit(bounds(mean), truncated(sd), size).consistent
        yield self.result([claim], "inconsistent", message + (TRUNCATED if slip else ""),
                          stated, computed, severity="minor" if slip else "major")

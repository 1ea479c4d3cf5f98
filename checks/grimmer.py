"""NC203 grimmer."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Interval, Result
from . import granularity as gr
from .base import Check, Context
from .grim import TRUNCATED, bounds, decimals, point, sd_sample, show, truncated


class Grimmer(Check):
    """Checks that a standard deviation of whole-number data fits its mean and sample size (GRIMMER).

    With N whole-number answers summing to k, the sum of their squares is (N − 1)·SD² + k²/N, and
    it must be a whole number with the same parity as k (a square is odd exactly when its root
    is). The stated SD may lie anywhere within its rounding; every possible sum k is tried.
    Multi-item scales are tested on the per-person totals. When the mean itself fails GRIM
    (NC202) no sum exists and the SD cannot be tested. Means with a unit are not checked.

    Why: an SD that no data set can produce exposes a typo or a wrong N even when the mean
    survives GRIM (Anaya, 2016; Allard, 2018).

    Fails: "Scores were moderate (M = 5.23, SD = 2.55, N = 35)."
    Passes: "Scores were moderate (M = 5.23, SD = 2.57, N = 35)."
    """

    code = "NC203"
    name = "grimmer"
    claim_kinds = ("descriptives",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        mean, sd, n = (ctx.role(claim, r) for r in ("mean", "sd", "n"))
        if mean is None or sd is None or n is None or claim.attributes.get("unit"):
            return
        setup = sd_sample(claim, mean, sd, n)
        if setup is None:
            yield self.result([claim], "unverifiable", f"SD = {sd.text}: GRIMMER needs a stated mean, "
                              "a stated SD and a whole-number sample size of at least 2")
            return
        size, items, cells = setup
        m, s = bounds(mean), bounds(sd)
        r = gr.grimmer(m, s, size, items)
        stated = Interval(sd.value, sd.lower, sd.upper)
        said = f"SD = {sd.text.strip()} and M = {mean.text.strip()} of whole-number answers, {cells}"
        if r.reason == "grim":
            yield self.result([claim], "unverifiable", f"{said}: no whole-number sum gives the mean "
                              "(see NC202), so there is nothing to test the SD against", stated)
            return
        lo, hi = (show(x, 2) for x in r.squares)
        if r.consistent:
            yield self.result([claim], "consistent", f"{said}: the totals sum to {r.total}, and this SD "
                              f"needs a sum of squares of {lo}–{hi}, which holds {r.found}, a whole "
                              f"number as {_parity(r.total)} as the sum", stated)
            return
        places = decimals(sd) + 2
        near = [f"{show(x, places)}" for x in r.nearest if x is not None]
        why = (f"whole numbers there are all {_parity(1 - r.total % 2)}" if r.reason == "parity"
               else "no whole number lies there")
        message = (f"{said}: the totals sum to {r.total}, so their squares must sum to a whole "
                   f"{_parity(r.total)} number; this SD needs a sum of squares of {lo}–{hi}, but "
                   f"{why}; the nearest possible SDs are {' and '.join(near)}")
        slip = gr.grimmer(m, truncated(sd), size, items).consistent
        nearest = next((x for x in r.nearest if x is not None), None)
        yield self.result([claim], "inconsistent", message + (TRUNCATED if slip else ""),
                          stated, point(nearest) if nearest is not None else None,
                          severity="minor" if slip else "major")


def _parity(x: int) -> str:
    return "odd" if x % 2 else "even"

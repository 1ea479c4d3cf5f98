"""NC107 averages."""

from __future__ import annotations

from typing import Iterable

from ..claims.records import Claim, Result
from . import intervals as iv
from .base import Comparing, Context


class Averages(Comparing):
    """Checks a stated average against the total and the count it is the average of.

    "26 cases settled for a total of £50,000, an average of £1,900 each": £50,000 / 26 is £1,923,
    which £1,900 allows. The quotient is taken over the rounding of total and count.

    Why: averages are often computed from a different total or count than the ones printed.

    Fails: "The 26 cases settled for a total of £50,000, an average of £5,000 each."
    Passes: "The 26 cases settled for a total of £50,000, an average of about £1,900 each."
    """

    code = "NC107"
    name = "averages"
    claim_kinds = ("average",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        total, count, average = ctx.role(claim, "total"), ctx.role(claim, "count"), ctx.role(claim, "average")
        if total is None or count is None or average is None:
            return
        computed = iv.ratio(iv.of(total), iv.of(count), unit=average.unit)
        if computed is None:
            return
        stated = iv.of(average)
        yield self.compare([claim], stated, computed,
                           f"stated average {average.text} {iv.fmt_interval(stated, 0)}; {total.text} / "
                           f"{count.text} is {iv.fmt_amount(computed.value, average.unit)} "
                           f"{iv.fmt_interval(computed, 0)}", "the average does not match the total and count")

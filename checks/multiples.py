"""NC103 multiples."""

from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Result
from . import intervals as iv
from .base import Comparing, Context

#: "doubled" is a round word: read it as 2 give or take this share, the default hedge tolerance.
_WORD_SPREAD = Decimal("0.05")


class Multiples(Comparing):
    """Checks a stated multiple ("doubled", "tripled", "halved", "a three-fold rise") against its values.

    The ratio to / from is recomputed over the rounding of both figures and compared with the
    multiple like a hedged figure: "doubled" is 1.9 to 2.1 times, "more than doubled" at least 2
    times, "almost doubled" 1.9 to 2 times.

    Why: "doubled" and "tripled" are written from memory of the figures, and a rise from 40 to 60
    is not a doubling.

    Fails: "Sales doubled from £40m to £60m."
    Passes: "Membership more than tripled, from 1,200 to 4,000."
    """

    code = "NC103"
    name = "multiples"
    claim_kinds = ("multiple",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        factor = Decimal(claim.attributes["factor"])
        stated = _stated(factor, claim.attributes.get("bound", ""))
        word = claim.attributes.get("word", "")
        start, end = ctx.role(claim, "from"), ctx.role(claim, "to")
        said = f"“{word}” means {iv.fmt(factor, 2)} times {iv.fmt_interval(stated, 2)}"
        if start is None or end is None:
            known = start or end
            assert known is not None
            which = "a start" if end is not None else "an end"
            other = iv.scaled(iv.of(known), 1 / factor if end is not None else factor)
            yield self.result([claim], "unverifiable",
                              f"{said}; with {known.text} it implies {which} of about "
                              f"{iv.fmt_amount(other.value, known.unit)}, which the text does not state", stated)
            return
        computed = iv.ratio(iv.of(end), iv.of(start))
        if computed is None:
            return
        yield self.compare([claim], stated, computed,
                           f"{said}; {start.text} → {end.text} is {iv.fmt(computed.value, 2)} times "
                           f"{iv.fmt_interval(computed, 2)}", f"the figures are not {word}",
                           wrong_direction=(computed.value - 1) * (factor - 1) < 0)


def _stated(factor: Decimal, bound: str) -> Interval:
    if bound == "more":
        return Interval(factor, factor, None)
    low = factor * (1 - _WORD_SPREAD)
    if bound in ("almost", "nearly"):
        return Interval(factor, low, factor)
    return Interval(factor, low, factor * (1 + _WORD_SPREAD))

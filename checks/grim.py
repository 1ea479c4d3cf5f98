"""NC202 grim."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Iterable

from ..claims.records import Claim, Interval, Quantity, Result
from . import granularity as gr
from .base import Check, Context


class Grim(Check):
    """Checks that a mean of whole-number data is possible with the stated sample size (GRIM).

    The mean of N whole numbers (Likert answers, counts) is a fraction k/N, so at two decimals a
    mean of 3.47 from 28 people is impossible: 97/28 = 3.464 and 98/28 = 3.500. The mean may have
    been rounded either way from 5; with a k-item scale (the sentence says "5-item") the grain is
    1/(N·k). Means carrying a unit ("512 ms") are not whole-number data and are not checked.
    When N·items reaches 10^decimals every mean is possible and the result says so.

    Why: an impossible mean shows a typo, a wrong N (participants dropped silently) or worse; the
    GRIM test found such means in half of a sample of psychology papers (Brown & Heathers, 2017).

    Fails: "Participants rated the task as hard (M = 5.19, SD = 1.10, N = 28)."
    Passes: "Participants rated the task as hard (M = 5.19, SD = 1.10, N = 32)."
    """

    code = "NC202"
    name = "grim"
    claim_kinds = ("descriptives",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        mean, n = ctx.role(claim, "mean"), ctx.role(claim, "n")
        if mean is None or n is None or claim.attributes.get("unit"):
            return  # no sample size, or not whole-number data: GRIM does not apply
        setup = sample(claim, n)
        if mean.lower is None or mean.upper is None or setup is None:
            yield self.result([claim], "unverifiable", f"M = {mean.text}: GRIM needs a stated mean "
                              "and a whole-number sample size")
            return
        size, items, cells = setup
        g = gr.grim(Fraction(mean.lower), Fraction(mean.upper), size, items)
        stated = Interval(mean.value, mean.lower, mean.upper)
        said = f"M = {mean.text.strip()} of whole-number answers, {cells}"
        places = decimals(mean) + 2
        if not g.informative:
            yield self.result([claim], "consistent", f"{said}: with {size * items} answers every mean "
                              f"at {decimals(mean)} decimals is possible, so GRIM cannot fail here", stated)
            return
        if g.consistent:
            k = min(g.sums, key=lambda s: abs(Fraction(s, size * items) - Fraction(mean.value)))
            grain = Fraction(k, size * items)
            yield self.result([claim], "consistent", f"{said}: {k}/{size * items} = "
                              f"{show(grain, places)} rounds to {mean.text.strip()}", stated, point(grain))
            return
        total = Fraction(mean.value) * size * items
        nearest = min((g.below, g.above), key=lambda x: abs(x - Fraction(mean.value)))
        message = (f"{said}: the answers would sum to {show(total, 2)}, not a whole number; "
                   f"{g.below * size * items}/{size * items} = {show(g.below, places)} and "
                   f"{g.above * size * items}/{size * items} = {show(g.above, places)} are the "
                   f"nearest possible means")
        cut = truncated(mean)
        slip = gr.grim(*cut, size, items).consistent
        yield self.result([claim], "inconsistent", message + (TRUNCATED if slip else ""),
                          stated, point(nearest), severity="minor" if slip else "major")


def sample(claim: Claim, n: Quantity) -> tuple[int, int, str] | None:
    """(N, items, "N = 28" or "N = 28 × 5 items") when N and the item count are whole numbers ≥ 1."""
    items = claim.attributes.get("items", 1) or 1
    if n.value != n.value.to_integral_value() or n.value < 1 or int(items) != items or items < 1:
        return None
    size, items = int(n.value), int(items)
    return size, items, f"N = {size}" + (f" × {items} items" if items > 1 else "")


def sd_sample(claim: Claim, mean: Quantity, sd: Quantity, n: Quantity) -> tuple[int, int, str] | None:
    """:func:`sample` when a mean and an SD are stated with both bounds and N is at least 2 — what
    GRIMMER and DEBIT need — else ``None``."""
    setup = sample(claim, n)
    if setup is None or setup[0] < 2 or any(b is None for b in (mean.lower, mean.upper, sd.lower, sd.upper)):
        return None
    return setup


def bounds(q: Quantity) -> tuple[Fraction, Fraction]:
    """The interval a stated figure stands for, as exact fractions."""
    assert q.lower is not None and q.upper is not None
    return Fraction(q.lower), Fraction(q.upper)


#: Added to a message when the figure holds if it was truncated rather than rounded (minor).
TRUNCATED = "; it holds only if the figure was truncated rather than rounded"


def truncated(q: Quantity) -> tuple[Fraction, Fraction]:
    """What a figure stands for if its digits were cut off, not rounded (3.47 → [3.47, 3.48])."""
    unit = Fraction(Decimal(1).scaleb(q.value.as_tuple().exponent))
    value = Fraction(q.value)
    return (value, value + unit) if value >= 0 else (value - unit, value)


def decimals(q: Quantity) -> int:
    return max(0, -q.value.as_tuple().exponent)


def show(x: Fraction, places: int) -> str:
    """A fraction as a decimal with ``places`` decimals (trailing zeros kept: they are the point)."""
    return f"{Decimal(x.numerator) / Decimal(x.denominator):.{places}f}"


def point(x: Fraction) -> Interval:
    """A computed value known exactly, as an interval of width zero."""
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return Interval(d, d, d)

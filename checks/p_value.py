"""NC201 p-value."""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Iterable

from ..claims.records import Claim, Interval, Quantity, Result
from . import pvalues as pv
from .base import Check, Context


class PValue(Check):
    """Recomputes the p-value of a reported test result from its statistic and degrees of freedom.

    "t(28) = 2.20, p = .036", "F(2, 45) = 3.91, p < .05", "χ²(1, N = 120) = 4.12, p = .042",
    "r(48) = −.32, p = .024", "z = 1.96, p = .05", "Q(12) = 20.1, ns" are recomputed with scipy
    under statcheck's rules: the statistic may lie anywhere within its rounding, an exact p is
    compared at its reported decimals, "p < .001" and "ns" (p > .05) are bounds, and a p of .000
    is an error (no p is exactly 0). t, z and r are two-tailed; when the document says one-tailed,
    one-sided or directional, a one-tailed reading that fits is accepted. Inconsistent results
    whose significance decision at α = .05 flips (statcheck's decision errors) are gross; a p that
    holds only if its digits were truncated rather than rounded, or a p of .000, is minor; other
    errors are major. A correlation outside −1
    to 1 is gross: no reading makes it a correlation.

    Why: mistyped, copy-pasted or wrongly rounded p-values are common in published research, and
    about one paper in eight has one that changes a conclusion (Nuijten et al., 2016).

    Fails: "The effect was significant, t(28) = 1.20, p = .03." (t = 1.20 gives p = .24)
    Passes: "The effect was significant, t(28) = 2.20, p = .036."
    """

    code = "NC201"
    name = "p-value"
    claim_kinds = ("test_result",)

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        stat = ctx.role(claim, "statistic")
        test = claim.attributes.get("test", "")
        df1, df2 = ctx.role(claim, "df1"), ctx.role(claim, "df2")
        missing = _missing(test, stat, df1, df2, ctx.role(claim, "p"), claim)
        if missing:
            yield self.result([claim], "unverifiable", f"the text gives no {missing} to recompute p from")
            return
        said = _statistic_text(claim, ctx)
        if test == "r" and ((stat.lower is not None and stat.lower > 1) or
                            (stat.upper is not None and stat.upper < -1)):
            yield self.result([claim], "inconsistent", f"{said} is not a correlation: every r lies "
                              "between −1 and 1", severity="gross")
            return
        yield self._judge(claim, ctx, said, test, stat, df1, df2)

    def _judge(self, claim: Claim, ctx: Context, said: str, test: str, stat: Quantity,
               df1: Quantity | None, df2: Quantity | None) -> Result:
        p = ctx.role(claim, "p")
        pcmp, tcmp = claim.attributes.get("p_comparison", "="), claim.attributes.get("test_comparison", "=")
        stated = _stated(p, pcmp)
        dfs = tuple(float(q.value) if q is not None else None for q in (df1, df2))
        reading, tailed = _recompute(claim, test, stat, tcmp, dfs, stated, p)
        arithmetic = _arithmetic(said, reading, tcmp, tailed, p, pcmp)
        if stated.overlaps(reading) and (p is None or p.value > 0):
            return self.consistent([claim], arithmetic, stated, reading)
        centre = pv.point(test, stat.value, *dfs, two_tailed=not tailed)
        severity, why = _failure(p, pcmp, tcmp, float(centre), reading)
        return self.result([claim], "inconsistent", arithmetic + why, stated, reading, severity=severity)


def _recompute(claim: Claim, test: str, stat: Quantity, tcmp: str, dfs: tuple, stated: Interval,
               p: Quantity | None) -> tuple[Interval, str]:
    """The p interval the statistic allows, two-tailed, or one-tailed when the text licenses it
    and only that reading fits (statcheck's OneTailedTxt); with the licensing word, or ""."""
    two = _reading(test, stat, tcmp, *dfs, True)
    licensed = claim.attributes.get("one_tailed") and test in pv.TWO_SIDED
    if stated.overlaps(two) or not licensed or (p is not None and p.value <= 0):
        return two, ""
    one = _reading(test, stat, tcmp, *dfs, False)
    if stated.overlaps(one):
        return one, claim.attributes.get("one_tailed_word") or "one-tailed"
    return two, ""


def _failure(p: Quantity | None, pcmp: str, tcmp: str, centre: float, reading: Interval
             ) -> tuple[str, str]:
    """(severity, explanation) of an inconsistent result: gross when the decision at .05 flips."""
    reported = float(p.value) if p is not None else pv.ALPHA
    if pv.decision_error(reported, pcmp, tcmp, centre):
        side = "significant" if reported <= pv.ALPHA and pcmp in ("=", "<") else "not significant"
        other = "is not" if side == "significant" else "is"
        return "gross", f"; the reported p is {side} at .05 and the recomputed one {other}: the decision flips"
    if p is not None and p.value <= 0:
        return "minor", "; no p-value is exactly 0 (write p < .001)"
    if p is not None and pcmp == "=" and _truncated(p).overlaps(reading):
        return "minor", "; it holds only if p was truncated rather than rounded"
    return "major", "; no rounding of the statistic reaches it"


def _missing(test: str, stat: Quantity | None, df1: Quantity | None, df2: Quantity | None,
             p: Quantity | None, claim: Claim) -> str:
    """The roles a recomputation needs but the claim lacks, in words ("" when complete)."""
    needs = [("statistic", stat)]
    if test in ("t", "r", "chi2", "Q", "F"):
        needs.append(("degrees of freedom", df1))
    if test == "F":
        needs.append(("second degrees of freedom", df2))
    if claim.attributes.get("p_comparison", "=") != "ns":
        needs.append(("p-value", p))
    if test not in ("t", "r", "chi2", "Q", "F", "z"):
        return "known test type"
    return " and ".join(name for name, q in needs if q is None)


def _reading(test: str, stat: Quantity, tcmp: str, d1: float | None, d2: float | None,
             two_tailed: bool) -> Interval:
    """The p interval over the statistic's rounding, centred on the p of the stated value.

    For a bounded statistic the value is the bound's p: "t < 2.2" (t below 2.15) gives p ≥ p(2.15).
    """
    hull = pv.p_interval(test, stat.lower, stat.upper, d1, d2, two_tailed)
    if tcmp == "<":
        return Interval(hull.lower, hull.lower, Decimal(1))
    if tcmp == ">":
        return Interval(hull.upper, Decimal(0), hull.upper)
    return Interval(pv.point(test, stat.value, d1, d2, two_tailed), hull.lower, hull.upper)


def _arithmetic(said: str, reading: Interval, tcmp: str, tailed: str, p: Quantity | None,
                pcmp: str) -> str:
    """"t(28) = 2.20 gives p = .0362 (.0358 to .0367); reported p = .045", in words."""
    places = min(6, max(3, _decimals(p) + 1))
    which = "one-tailed p" if tailed else "p"
    if tcmp == "<":
        gives = f"{which} ≥ {fmt_p(reading.lower, places, ROUND_FLOOR)}"
    elif tcmp == ">":
        gives = f"{which} ≤ {fmt_p(reading.upper, places, ROUND_CEILING)}"
    else:
        gives = (f"{which} = {fmt_p(reading.value, places)} ({fmt_p(reading.lower, places, ROUND_FLOOR)}"
                 f" to {fmt_p(reading.upper, places, ROUND_CEILING)})")
    licence = f", as the text says “{tailed}”" if tailed else ""
    return f"{said} gives {gives}{licence}; reported {_reported(p, pcmp)}"


def _stated(p: Quantity | None, pcmp: str) -> Interval:
    """The p the text states, as an interval ("ns" is p > .05)."""
    if p is None:
        alpha = Decimal(str(pv.ALPHA))
        return Interval(alpha, alpha, Decimal(1))
    lower = p.lower if p.lower is not None else Decimal(0)
    upper = p.upper if p.upper is not None else Decimal(1)
    return Interval(p.value, lower, upper)


def _truncated(p: Quantity) -> Interval:
    """The p values behind a reported p whose digits were cut off, not rounded (.03 → [.03, .04])."""
    unit = Decimal(1).scaleb(p.value.as_tuple().exponent)
    return Interval(p.value, p.value, p.value + unit)


def _decimals(p: Quantity | None) -> int:
    return -p.value.as_tuple().exponent if p is not None else 2


def _reported(p: Quantity | None, pcmp: str) -> str:
    if p is None:
        return "ns (p > .05)"
    return f"p {pcmp} {p.text.strip()}"


def _statistic_text(claim: Claim, ctx: Context) -> str:
    """The test as APA writes it: "t(28) = 2.20", "χ²(1, N = 120) = 4.12", "z = 1.96"."""
    parts = [ctx.role(claim, r) for r in ("df1", "df2")]
    dfs = [q.text.strip() for q in parts if q is not None]
    n = ctx.role(claim, "N")
    if n is not None:
        dfs.append(f"N = {n.text.strip()}")
    name = claim.attributes.get("test_text") or claim.attributes.get("test", "")
    head = f"{name}({', '.join(dfs)})" if dfs else name
    stat = ctx.role(claim, "statistic")
    return f"{head} {claim.attributes.get('test_comparison', '=')} {stat.text.strip()}"


def fmt_p(x: Decimal | None, places: int = 3, rounding: str | None = None) -> str:
    """A p-value as APA writes it (no leading zero); tiny values in scientific notation.

    >>> fmt_p(Decimal("0.036168"), 4), fmt_p(Decimal("4.1e-19")), fmt_p(Decimal("0.0313"), 3, ROUND_FLOOR)
    ('.0362', '4.1e-19', '.031')
    """
    if x is None:
        return "unbounded"
    if 0 < x < Decimal(1).scaleb(-places):
        return f"{float(x):.1e}"
    text = f"{x.quantize(Decimal(1).scaleb(-places), rounding=rounding):f}"
    return text[1:] if text.startswith("0.") else text

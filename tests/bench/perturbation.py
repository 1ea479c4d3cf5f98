"""Perturbation of consistent claims: move one figure beyond what its claim allows, and re-check.

For every consistent result of a relation check (NC101 percent change, NC102 absolute change,
NC103 multiples, NC105 shares, NC106 totals, NC107 averages), each figure of its claim is given
the range of magnitudes the claim's *other* figures allow it (``allowed_ranges.py``: interval
arithmetic written for the harness, independent of the checks). :func:`rewrite` moves it beyond
that range, up or down, by rewriting its digits in the original text; :func:`recheck` re-checks
the altered text and reports whether numcheck now flags the claim. A sensitive check always does.

The new figure keeps the old one's scale word, unit and form ("$1.13bn" → "$1.63bn"); it never ends
in a zero (so no lenient reading of round figures widens it), and its interval — half a unit of
its last digit, or for a hedged figure the old one's relative spread — clears the allowed range by
a margin (:data:`MARGIN` by default). As a control, :func:`rewrite_within` moves a figure to another
value inside the range, which must leave the claim consistent. Used by ``perturb.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from numcheck.checks import Settings, check_text
from numcheck.claims.records import Claim, Document, Quantity, Result

from allowed_ranges import INF, Span, allowed

#: By default the altered figure's interval clears the allowed range by this factor (20% beyond).
MARGIN = Decimal("1.2")
CODES = ("NC101", "NC102", "NC103", "NC105", "NC106", "NC107")

# A figure's digits: "7,613", "4.2", "35"; fractions and number words are left alone.
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_NOT_PLAIN = re.compile(r"[/⁄½¼¾⅓⅔⅛]")


@dataclass(frozen=True, slots=True)
class Target:
    """One figure of a consistent claim, and the magnitudes the claim's other figures allow it."""

    path: str
    code: str
    result: Result
    claim: Claim
    role: str
    quantity: Quantity
    allowed: Span


@dataclass(frozen=True, slots=True)
class Outcome:
    """What numcheck says about the claim once one figure is moved ``direction`` beyond its range."""

    target: Target
    direction: str
    """"up" or "down" beyond the range, or "within" it (a control: the claim must stay consistent)."""
    new_figure: str
    """The rewritten digits ("" when the figure could not be moved this way; see ``verdict``)."""
    flagged: bool
    """An inconsistent result of the same check on a claim holding the altered figure."""
    flagged_any: bool
    """An inconsistent result of any check on a claim holding the altered figure."""
    verdict: str
    """inconsistent / consistent / unverifiable, or what went missing ("no claim holds …")."""
    message: str = ""
    altered: str = ""
    """The altered document text."""


def targets(doc: Document, codes: tuple[str, ...] = CODES, stated_only: bool = False) -> list[Target]:
    """Every figure of every consistent result of ``codes`` in ``doc``, with its allowed range."""
    quantities = {q.id: q for q in doc.quantities}
    claims = {c.id: c for c in doc.claims}
    found = []
    for r in doc.results:
        if r.code not in codes or r.verdict != "consistent" or len(r.claim_ids) != 1:
            continue
        claim = claims[r.claim_ids[0]]
        for role, qid in sorted(claim.roles.items()):
            if stated_only and role not in STATED[r.code]:
                continue
            span = allowed(r, claim, role, quantities)
            if span is not None:
                found.append(Target(doc.path, r.code, r, claim, role, quantities[qid], span))
    return found


#: The figure each check compares with what the others imply (NC103's is a word, so its "to").
STATED = {"NC101": ("stated_change",), "NC102": ("stated_change",), "NC103": ("to",),
          "NC105": ("share",), "NC106": ("total", "earlier"), "NC107": ("average",)}


# --- rewriting a figure -------------------------------------------------------------------------

def rewrite(q: Quantity, span: Span, direction: str, margin: Decimal = MARGIN) -> str | None:
    """The digits nearest ``q`` whose interval clears ``span`` by ``margin`` on one side, or ``None``.

    The interval assumed for the new figure is half a unit of its last digit, widened for a hedged
    or bounded figure by the old one's relative spread. The old figure's decimals are kept if a
    move of up to three times the goal allows it; else one more decimal is tried, then two.

    >>> from numcheck.claims import extract
    >>> q = extract("Sales rose 12% to £3.4bn.").quantities[0]
    >>> span = (Decimal("9.8"), Decimal("17.0"))
    >>> rewrite(q, span, "up"), rewrite(q, span, "down"), rewrite(q, span, "down", Decimal("1.01"))
    ('21', '7', '9')
    """
    found = _figure(q)
    if found is None:
        return None
    _, scale, decimals, commas = found
    hedged = q.qualifier != "exact"
    lo_ratio = q.lower / q.value if hedged and q.lower is not None else Decimal(1)
    hi_ratio = (q.upper / q.value if q.upper is not None else INF) if hedged else Decimal(1)
    up = direction == "up"
    if (up and span[1] == INF) or (not up and (span[0] <= 0 or hi_ratio == INF)):
        return None  # nothing lies beyond an open side, or below zero
    goal = span[1] * margin if up else span[0] / margin
    for places in (decimals, decimals + 1, decimals + 2):
        m = goal
        for _ in range(_STEPS):
            new = _round(m / scale, places, up)
            value, half = new * scale, scale * Decimal(1).scaleb(-places) / 2
            if new <= 0:
                break  # too small for this many decimals
            lo, hi = min(value - half, value * lo_ratio), max(value + half, value * hi_ratio)
            if (up and lo >= goal) or (not up and hi <= goal):
                return _format(new, places, commas or new >= 1000)
            m = m * _STEP if up else m / _STEP
    return None


#: Moves grow in 1% steps, up to a factor of 3 beyond the goal at each precision.
_STEP, _STEPS = Decimal("1.01"), 111


def rewrite_within(q: Quantity, span: Span) -> str | None:
    """The figure nearest ``q`` at its precision (or one decimal more) lying inside ``span``: a control.

    Its interval overlaps the range the claim allows, so numcheck must still find the claim consistent.

    >>> from numcheck.claims import extract
    >>> q = extract("Sales rose 76% to $1.13bn.").quantities[0]
    >>> wide, narrow = (Decimal("75.9"), Decimal("77.8")), (Decimal("75.9"), Decimal("76.4"))
    >>> rewrite_within(q, wide), rewrite_within(q, narrow)
    ('77', '76.1')
    """
    found = _figure(q)
    if found is None:
        return None
    digits, scale, decimals, commas = found
    for places in (decimals, decimals + 1):
        unit = Decimal(1).scaleb(-places)
        for k in range(1, 50):
            for new in (digits + k * unit, digits - k * unit):
                if new > 0 and (new / unit) % 10 != 0 and span[0] <= new * scale <= span[1]:
                    return _format(new, places, commas or new >= 1000)
    return None


def _figure(q: Quantity) -> tuple[Decimal, Decimal, int, bool] | None:
    """(digits, scale, decimals, commas) of a figure written in digits, or ``None``."""
    runs = list(_DIGITS.finditer(q.text))
    if len(runs) != 1 or _NOT_PLAIN.search(q.text) or q.value <= 0:
        return None
    written = runs[0].group()
    digits = Decimal(written.replace(",", ""))
    if digits == 0:
        return None
    scale = q.value / digits
    if scale.normalize().as_tuple().digits != (1,):  # "a dozen", "2½": not a plain scale word
        return None
    decimals = len(written.split(".")[1]) if "." in written else 0
    return digits, scale, decimals, "," in written


def _round(x: Decimal, places: int, up: bool) -> Decimal:
    """``x`` rounded away from the range at ``places`` decimals, never ending in a zero digit."""
    unit = Decimal(1).scaleb(-places)
    new = x.quantize(unit, rounding=ROUND_CEILING if up else ROUND_FLOOR)
    if (new / unit) % 10 == 0:
        new += unit if up else -unit
    return new


def _format(x: Decimal, places: int, commas: bool) -> str:
    return f"{x:,.{places}f}" if commas else f"{x:.{places}f}"


def digits_of(q: Quantity) -> str:
    """The digits of a figure as written ("£3.4bn" → "3.4")."""
    return next(_DIGITS.finditer(q.text)).group()


def replace_figure(text: str, q: Quantity, figure: str) -> str:
    """``text`` with the digits of ``q`` replaced by ``figure``; all else untouched."""
    start = q.start + next(_DIGITS.finditer(q.text)).start()
    return text[:start] + figure + text[start + len(digits_of(q)):]


# --- re-checking ----------------------------------------------------------------------------------

def recheck(target: Target, direction: str, text: str, margin: Decimal = MARGIN,
            settings: Settings = Settings()) -> Outcome:
    """Move ``target`` ``direction`` ("up" or "down" beyond its range, or "within" it as a control),
    re-check the text, and say what numcheck finds on the claim."""
    figure = (rewrite_within(target.quantity, target.allowed) if direction == "within"
              else rewrite(target.quantity, target.allowed, direction, margin))
    if figure is None:
        why = ("not written in plain digits" if _figure(target.quantity) is None
               else "no other figure at its precision lies in the range" if direction == "within"
               else "an open bound, or no positive figure beyond the range on this side")
        return Outcome(target, direction, "", False, False, f"skipped: {why}")
    altered = replace_figure(text, target.quantity, figure)
    doc = check_text(altered, target.path, settings)
    moved = next((q for q in doc.quantities if q.start == target.quantity.start), None)
    if moved is None:
        return Outcome(target, direction, figure, False, False, "the altered figure is not read as a quantity",
                       altered=altered)
    if direction != "within" and not _beyond(moved, target.allowed, direction):  # read more widely
        return Outcome(target, direction, figure, False, False, f"not beyond the range as numcheck reads it "
                       f"({moved.text}: {moved.lower} to {moved.upper})", altered=altered)
    holding = {c.id for c in doc.claims if moved.id in c.quantity_ids}
    results = [r for r in doc.results if holding & set(r.claim_ids)]
    same = [r for r in results if r.code == target.code]
    flagged = any(r.verdict == "inconsistent" for r in same)
    flagged_any = any(r.verdict == "inconsistent" for r in results)
    if flagged:
        r = next(r for r in same if r.verdict == "inconsistent")
        return Outcome(target, direction, figure, True, True, f"inconsistent ({r.severity})", r.message, altered)
    if same:
        return Outcome(target, direction, figure, False, flagged_any, same[0].verdict, same[0].message, altered)
    what = (f"no claim holds the altered figure ({moved.kind} {moved.value} {moved.unit})" if not holding
            else f"no {target.code} result on the claim holding it")
    other = "; ".join(f"{r.code} {r.verdict}: {r.message}" for r in results)
    return Outcome(target, direction, figure, False, flagged_any, what, other, altered)


def _beyond(q: Quantity, span: Span, direction: str) -> bool:
    """Whether the interval numcheck gives the altered figure lies wholly beyond ``span``."""
    if direction == "up":
        return q.lower is not None and q.lower > span[1]
    return q.upper is not None and q.upper < span[0]

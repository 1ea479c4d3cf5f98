"""What a check is, and the context it is given.

A check is a class with a ``code`` (``NC101``), a ``name`` (``percent-change``), the claim kinds it
reads, and a ``run`` method that turns one claim into zero or more results. Its docstring is its
documentation: ``numcheck explain NC101`` prints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar, Iterable, Mapping

from ..claims.records import Claim, Document, Interval, Quantity, Result
from .intervals import is_edge


@dataclass(frozen=True, slots=True)
class Context:
    """What a check may look at besides its claim: the whole document and the settings."""

    document: Document
    quantities: dict[str, Quantity] = field(default_factory=dict)
    """Quantity id → quantity."""
    rates: Mapping[str, Decimal] = field(default_factory=dict)
    """Currency code → value of one unit in a common base, from the user's configuration."""
    rate_tolerance: Decimal = Decimal("0.05")
    """How far a currency conversion in the text may stray from the configured rate."""

    @classmethod
    def of(cls, document: Document, rates: Mapping[str, Decimal] | None = None,
           rate_tolerance: Decimal = Decimal("0.05")) -> "Context":
        return cls(document, {q.id: q for q in document.quantities}, dict(rates or {}), rate_tolerance)

    def role(self, claim: Claim, role: str) -> Quantity | None:
        """The quantity in ``role`` of ``claim``, if the claim has that role."""
        qid = claim.roles.get(role)
        return self.quantities.get(qid) if qid else None


class Check:
    """Base class of every check; subclasses set the class attributes and implement :meth:`run`."""

    code: ClassVar[str]
    name: ClassVar[str]
    claim_kinds: ClassVar[tuple[str, ...]]

    def run(self, claim: Claim, ctx: Context) -> Iterable[Result]:
        raise NotImplementedError

    def result(self, claims: Iterable[Claim], verdict: str, message: str,
               stated: Interval | None = None, computed: Interval | None = None,
               severity: str | None = None, edge: bool = False) -> Result:
        """A result about ``claims``, positioned at their span; the runner numbers it."""
        cs = list(claims)
        start = min(c.start for c in cs)
        return Result(
            id="", code=self.code, check=self.name, verdict=verdict,
            severity=severity if verdict == "inconsistent" else None,
            claim_ids=tuple(c.id for c in cs), message=message,
            stated=stated, computed=computed, start=start, end=max(c.end for c in cs),
            line=min(c.line for c in cs), edge=edge,
        )


    def consistent(self, claims: Iterable[Claim], arithmetic: str, stated: Interval,
                   computed: Interval) -> Result:
        """A consistent result, marked edge (and said so) when it holds only through rounding."""
        edge = is_edge(stated, computed)
        note = " (holds only at the edge of the rounding)" if edge else ""
        return self.result(claims, "consistent", arithmetic + note, stated, computed, edge=edge)


class Comparing(Check):
    """A check that recomputes one figure and compares it with the stated one."""

    def compare(self, claims: Iterable[Claim], stated: Interval, computed: Interval, arithmetic: str,
                failure: str, wrong_direction: bool = False) -> Result:
        """consistent when the intervals overlap (marked edge when only through rounding), else
        inconsistent with ``failure`` appended and a severity from the size of the miss."""
        if stated.overlaps(computed):
            return self.consistent(claims, arithmetic, stated, computed)
        return self.result(claims, "inconsistent", f"{arithmetic}; {failure}", stated, computed,
                           severity=severity_of(stated.value, computed.value, wrong_direction=wrong_direction))


def severity_of(stated: Decimal, computed: Decimal, *, wrong_direction: bool = False) -> str:
    """gross for a wrong direction or order of magnitude, minor within 10% relative error, else major."""
    if wrong_direction:
        return "gross"
    if stated != 0 and computed != 0:
        ratio = abs(computed / stated)
        if ratio >= 10 or ratio <= Decimal("0.1"):
            return "gross"
        if abs(ratio - 1) <= Decimal("0.1"):
            return "minor"
    return "major"

"""The records every stage exchanges: quantities, classified numbers, claims, notes, results.

All records are frozen, slotted dataclasses. Offsets (``start``/``end``) always index the
*original* input text, so ``text[q.start:q.end] == q.text`` holds for every record that has
a surface text. Values are :class:`decimal.Decimal`; an interval bound of ``None`` means the
interval is open on that side ("more than £50,000" has ``upper=None``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping

#: Kinds of quantity (JSON contract v1).
QUANTITY_KINDS = (
    "count", "money", "percent", "percentage_point", "duration",
    "data_size", "rate", "measure", "ratio",
)
#: Hedges and bounds (JSON contract v1).
QUALIFIERS = ("exact", "approximate", "at_least", "more_than", "at_most", "less_than", "vague")
#: Verdicts of a result (JSON contract v1).
VERDICTS = ("consistent", "inconsistent", "unverifiable")
#: Severities of an inconsistent result; other verdicts carry ``None``.
SEVERITIES = ("minor", "major", "gross")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number stated in the text, with what it measures and the interval it stands for."""

    id: str
    """Identifier unique within its document: ``q1``, ``q2`` … in text order."""
    text: str
    """Surface text exactly as in the input, qualifier excluded ("382 million files" → "382 million")."""
    start: int
    """Offset of the first character in the original input."""
    end: int
    """Offset one past the last character in the original input."""
    line: int
    """1-based line of ``start`` in the original input."""
    value: Decimal
    """The stated value in ``unit`` ("4.2 million" → 4200000; "35%" → 35)."""
    lower: Decimal | None
    """Smallest value the statement allows (rounding, hedges, bounds); ``None`` if unbounded."""
    upper: Decimal | None
    """Largest value the statement allows; ``None`` if unbounded."""
    unit: str
    """A unit string of the shared pint registry ("GBP", "percent", "GBP / week"); "" for a plain count."""
    kind: str
    """One of :data:`QUANTITY_KINDS`."""
    qualifier: str = "exact"
    """One of :data:`QUALIFIERS`; "exact" means stated plainly, still subject to rounding."""
    qualifier_text: str = ""
    """The hedge or bound word(s) as written ("approximately", "more than"), if any."""
    noun: str = ""
    """For counts and some measures, the noun counted ("individuals", "countries")."""
    precision: str = ""
    """How the interval was derived, when not obvious (e.g. the lenient reading of trailing zeros)."""
    sentence: int = 0
    """Index of the sentence holding this quantity in the document's sentence list."""


@dataclass(frozen=True, slots=True)
class Classified:
    """A token holding a digit or number word that is *not* a quantity, and why."""

    text: str
    """Surface text exactly as in the input."""
    start: int
    """Offset of the first character in the original input."""
    end: int
    """Offset one past the last character in the original input."""
    line: int
    """1-based line of ``start``."""
    category: str
    """year, date, time, ordinal, identifier, name, score, phone, reference, excluded …"""
    reason: str
    """Why it is not a quantity, in words ("four-digit year after 'in'")."""


@dataclass(frozen=True, slots=True)
class Claim:
    """A relation the text asserts between quantities of one sentence, each in a named role."""

    id: str
    """Identifier unique within its document: ``c1``, ``c2`` …"""
    kind: str
    """change, increment, enumeration …; later issues add kinds."""
    text: str
    """The stretch of the original text the claim spans."""
    start: int
    """Offset of the first character of ``text`` in the original input."""
    end: int
    """Offset one past the last character of ``text``."""
    line: int
    """1-based line of ``start``."""
    quantity_ids: tuple[str, ...]
    """The quantities taking part, in text order."""
    roles: Mapping[str, str]
    """Role name → quantity id (for a change: ``from``, ``to``, ``stated_change``)."""
    attributes: Mapping[str, Any] = field(default_factory=dict)
    """Non-numeric parts of the claim: ``direction`` ("down"/"up"), listed ``items`` …"""
    sentence: int = 0
    """Index of the sentence holding the claim."""


@dataclass(frozen=True, slots=True)
class Note:
    """Something the reader should know about the input that is neither a claim nor a result."""

    kind: str
    """duplicate_paragraph, boilerplate, encoding …"""
    message: str
    """One sentence for a person."""
    start: int
    """Offset in the original input (0 when the note concerns the whole input)."""
    end: int
    """End offset in the original input."""


@dataclass(frozen=True, slots=True)
class Interval:
    """A value with the closed interval it may lie in; ``None`` bounds are open (unbounded)."""

    value: Decimal
    """The central reading."""
    lower: Decimal | None
    """Smallest admissible value, or ``None``."""
    upper: Decimal | None
    """Largest admissible value, or ``None``."""
    unit: str = ""
    """pint unit string, "" for dimensionless counts."""

    def contains(self, x: Decimal) -> bool:
        """Whether ``x`` lies in the interval (bounds inclusive)."""
        return (self.lower is None or x >= self.lower) and (self.upper is None or x <= self.upper)

    def overlaps(self, other: "Interval") -> bool:
        """Whether the two intervals share at least one value."""
        if self.upper is not None and other.lower is not None and self.upper < other.lower:
            return False
        if other.upper is not None and self.lower is not None and other.upper < self.lower:
            return False
        return True


@dataclass(frozen=True, slots=True)
class Result:
    """The verdict of one check on one or more claims, with the arithmetic that decided it."""

    id: str
    """Identifier unique within its document: ``r1``, ``r2`` …"""
    code: str
    """The check's code, e.g. ``NC101``."""
    check: str
    """The check's name, e.g. ``percent-change``."""
    verdict: str
    """One of :data:`VERDICTS`."""
    severity: str | None
    """For inconsistent results one of :data:`SEVERITIES`, else ``None``."""
    claim_ids: tuple[str, ...]
    """The claims this result is about."""
    message: str
    """The arithmetic in words a reader understands, stated and computed values as intervals."""
    stated: Interval | None
    """What the text states for the checked figure (signed for changes), or ``None``."""
    computed: Interval | None
    """What the other figures imply for it, or ``None`` when it cannot be recomputed."""
    start: int
    """Offset of the start of the first claim."""
    end: int
    """Offset of the end of the last claim."""
    line: int
    """1-based line of ``start``."""
    edge: bool = False
    """True for a consistent result that holds only at the edge of the rounding intervals."""


@dataclass(frozen=True, slots=True)
class Document:
    """One checked input: its text and every record derived from it."""

    path: str
    """The path as given by the user ("-" for standard input, "<sample>/name" for samples)."""
    text: str
    """The original input text, decoded."""
    quantities: tuple[Quantity, ...] = ()
    """Every quantity, in text order."""
    classified: tuple[Classified, ...] = ()
    """Every number-bearing token that is not a quantity, in text order."""
    claims: tuple[Claim, ...] = ()
    """Every claim, in text order."""
    results: tuple[Result, ...] = ()
    """Every result, in text order."""
    notes: tuple[Note, ...] = ()
    """Notes on the input (duplicates removed, boilerplate skipped, encoding fallback …)."""
    sentences: tuple[tuple[int, int], ...] = ()
    """(start, end) of every checked sentence; quantities and claims index it by ``sentence``."""
    error: str | None = None
    """Set when the input could not be read or checked; the other fields are then empty."""

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``offset``, or a one-line span if none does."""
        for s, e in self.sentences:
            if s <= offset < e:
                return s, e
        s = self.text.rfind("\n", 0, offset) + 1
        e = self.text.find("\n", offset)
        return s, len(self.text) if e < 0 else e

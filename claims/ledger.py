"""Re-type generic number records as statistics, keeping every digit accounted for exactly once.

:func:`~numcheck.claims.quantities.scan` reads "t(28) = 2.20, p = .036" as three plain counts (and
"χ2" as a malformed token). The statistics finders know better: 2.20 is a test statistic stated to
two decimals, .036 a p-value. A :class:`Ledger` swaps the generic records of one recognised match for
typed ones in a single transaction, which is refused when it would leave a digit of the match
uncovered or cut through a record reaching outside it. Quantities are renumbered ``q1``, ``q2`` … in
text order at the end, so identifiers stay unique.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .found import classified
from .records import Classified, Quantity
from .segment import Segmented

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Number:
    """A number the statistics finders read, before it becomes a :class:`Quantity`."""

    start: int
    """Offset of its first character (a minus sign included)."""
    end: int
    """Offset one past its last digit."""
    value: Decimal
    """The value as stated."""
    lower: Decimal | None
    """Smallest value the statement allows; ``None`` if unbounded."""
    upper: Decimal | None
    """Largest value the statement allows; ``None`` if unbounded."""
    kind: str
    """A kind of :data:`~numcheck.claims.records.QUANTITY_KINDS`."""
    qualifier: str = "exact"
    """exact, less_than or more_than."""
    qualifier_text: str = ""
    """The comparison sign as written ("<"), if any."""
    precision: str = ""
    """How the interval was derived, in words."""
    unit: str = ""
    """A unit string of the shared registry, when the text gives one ("ms" after a mean)."""
    noun: str = ""
    """The counted noun ("participants" after N = 28), if any."""


#: A claim before numbering: (kind, start, end, quantities by role, attributes).
Draft = tuple[str, int, int, dict[str, Quantity], dict[str, object]]

#: No record is longer than this, so one starting further back cannot reach a match.
_LONGEST = 200


@dataclass(slots=True)
class Ledger:
    """The document's quantities and classified tokens while the statistics finders edit them.

    Both lists stay sorted by start offset, so each look-up and swap touches only the records
    near its match: the cost grows with the number of matches, not with its square.
    """

    seg: Segmented
    quantities: list[Quantity]
    classified: list[Classified]
    _serial: int = 0

    def __post_init__(self) -> None:
        self.quantities.sort(key=_start)
        self.classified.sort(key=_start)

    def covering(self, start: int, end: int) -> Quantity | None:
        """The scanner's quantity overlapping ``[start, end)``, if any."""
        return next((q for q in _near(self.quantities, start, end) if q.start < end and q.end > start), None)

    def swap(self, span: tuple[int, int], numbers: list[Number],
             names: list[tuple[int, int, str]]) -> list[Quantity] | None:
        """Replace the records under ``numbers`` and ``names`` inside ``span``; ``None`` if unsafe.

        ``names`` are (start, end, reason) of test names holding digits ("χ2"), which become
        ``identifier`` tokens. Returns the new quantities in the order of ``numbers``.
        """
        s0, e0 = span
        targets = [(n.start, n.end) for n in numbers] + [(s, e) for s, e, _ in names]
        near = [r for r in [*_near(self.quantities, s0, e0), *_near(self.classified, s0, e0)]
                if r.start < e0 and r.end > s0]
        old = [r for r in near if _hits(r.start, r.end, targets)]
        if any(r.start < s0 or r.end > e0 for r in old):
            return None  # a record reaches outside the match: leave the text to the scanner
        new_q = [self._quantity(n) for n in numbers]
        new_c = [classified(self.seg, s, e, "identifier", why)
                 for s, e, why in names if any(ch.isdigit() for ch in self.seg.text[s:e])]
        covered = [(r.start, r.end) for r in near if not any(r is o for o in old)]
        added: list[Quantity | Classified] = [*new_q, *new_c]
        covered += [(r.start, r.end) for r in added]
        for m in _DIGITS.finditer(self.seg.text, s0, e0):
            if not any(s <= m.start() and m.end() <= e for s, e in covered):
                return None  # a digit of the match would be lost
        for r in old:
            _remove(self.quantities if isinstance(r, Quantity) else self.classified, r)
        for q in new_q:
            bisect.insort(self.quantities, q, key=_start)
        for c in new_c:
            bisect.insort(self.classified, c, key=_start)
        return new_q

    def finish(self) -> tuple[list[Quantity], list[Classified], dict[str, str]]:
        """Quantities renumbered in text order, classified tokens in text order, old id → new id."""
        ordered = sorted(self.quantities, key=lambda q: (q.start, q.end))
        ids = {q.id: f"q{i}" for i, q in enumerate(ordered, 1)}
        quantities = [q if q.id == ids[q.id] else replace(q, id=ids[q.id]) for q in ordered]
        classified = sorted(self.classified, key=lambda c: (c.start, c.end))
        return quantities, classified, ids

    def _quantity(self, n: Number) -> Quantity:
        self._serial += 1
        sentence = self.seg.sentence_index(n.start)
        return Quantity(
            id=f"_s{self._serial}", text=self.seg.text[n.start:n.end], start=n.start, end=n.end,
            line=self.seg.line_of(n.start), value=n.value, lower=n.lower, upper=n.upper, unit=n.unit,
            kind=n.kind, qualifier=n.qualifier, qualifier_text=n.qualifier_text, noun=n.noun,
            precision=n.precision, sentence=sentence)


def _start(r: Quantity | Classified) -> int:
    return r.start


def _near(records: list, start: int, end: int) -> list:
    """The records of a start-sorted list that may overlap ``[start, end)``."""
    lo = bisect.bisect_left(records, start - _LONGEST, key=_start)
    hi = bisect.bisect_left(records, end, key=_start)
    return records[lo:hi]


def _remove(records: list, record: Quantity | Classified) -> None:
    """Remove ``record`` itself (not an equal one) from a start-sorted list."""
    i = bisect.bisect_left(records, record.start, key=_start)
    while records[i] is not record:
        i += 1
    del records[i]


def _hits(start: int, end: int, targets: list[tuple[int, int]]) -> bool:
    return any(start < e and end > s for s, e in targets)


def rounding(value: Decimal) -> Decimal:
    """Half the unit of the last stated digit: the rounding radius of ``value``.

    >>> rounding(Decimal("2.20")), rounding(Decimal(".5e-3")), rounding(Decimal("28"))
    (Decimal('0.005'), Decimal('0.00005'), Decimal('0.5'))
    """
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int):  # 'n', 'N', 'F': NaN and infinity have no last digit
        raise ValueError(f"no rounding radius for {value}")
    return Decimal(5).scaleb(exponent - 1)


def parse(text: str) -> Decimal:
    """A stated number as written: spaces and thousands commas dropped, minus kept.

    >>> parse("- 2,000.20"), parse(". 001"), parse(".5e-3")
    (Decimal('-2000.20'), Decimal('0.001'), Decimal('0.0005'))
    """
    return Decimal(re.sub(r"[\s,]", "", text))

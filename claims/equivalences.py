"""Equivalences: one amount stated twice in different units, "8 terabytes (8,000 GB)".

- equivalence: a quantity followed by another of the same dimension in brackets, or after "or",
  "equivalent to", "the equivalent of" ("5 miles (8 km)", "$1.13bn (£600m)") → NC110.
- rate_equivalence: the same for two rates over different periods ("£11,000 per week (£572,000 a
  year)", "£11,000 a week, or £572,000 a year") → NC108. A bare "or" joins alternatives, not
  restatements ("£4.99 per month or £50 per year" is a price list), so it needs the comma.
"""

from __future__ import annotations

import re
from typing import Iterable

from .drafts import BySentence, Draft, draft
from .records import Quantity
from .segment import Segmented

_JOIN = re.compile(
    r"""\s*(?:\(\s*|,\s*or\s+|\s-\s+(?:or\s+)?|,?\s*(?:the\s+)?equivalent\s+(?:to|of)\s+|,?\s*(?:which|that)\s+is\s+)
        (?:about\s+|around\s+|roughly\s+|some\s+|approximately\s+|nearly\s+|almost\s+|over\s+|more\s+than\s+)?\Z""",
    re.VERBOSE)
_UNIT_KINDS = frozenset({"money", "data_size", "measure", "duration"})


def find_equivalences(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    """Pairs of adjacent quantities that restate one amount in another unit or period."""
    for idx, qs in by_sentence.items():
        for first, second in zip(qs, qs[1:]):
            if not _JOIN.fullmatch(seg.lower, first.end, second.start):
                continue
            if first.kind == "rate" and second.kind == "rate" and _rate_base(first) == _rate_base(second) \
                    and first.unit != second.unit:
                yield draft("rate_equivalence", {"first": first, "second": second}, idx)
            elif first.kind == second.kind and first.kind in _UNIT_KINDS and first.unit != second.unit:
                yield draft("equivalence", {"first": first, "second": second}, idx)


def _rate_base(q: Quantity) -> str:
    return q.unit.split(" / ")[0]

"""Accounting: every token holding a digit or a number word is a quantity or a classified token.

A number that is neither has been silently dropped, which is a bug; ``numcheck extract
--unaccounted`` lists such tokens and a test asserts there are none.
"""

from __future__ import annotations

import bisect
import re

from .lexicon import alternation
from .numbers import FRACTION_WORDS, ORDINAL_WORDS, TENS_WORDS, UNITS_WORDS
from .records import Document

_NUMBERISH = re.compile(
    r"\d+|(?i:\b" + alternation(
        list(UNITS_WORDS) + list(TENS_WORDS) + list(ORDINAL_WORDS) + list(FRACTION_WORDS)
        + ["hundred", "thousand", "million", "billion", "trillion", "dozen"]) + ")"
)


def unaccounted(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, text) of each digit run or number word covered by no quantity or classified token."""
    spans = sorted([(q.start, q.end) for q in doc.quantities] + [(c.start, c.end) for c in doc.classified])
    starts = [s for s, _ in spans]
    ends = _running_max([e for _, e in spans])
    missing = []
    for m in _NUMBERISH.finditer(doc.text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i < 0 or ends[i] < m.end():
            missing.append((m.start(), m.end(), m.group(0)))
    return missing


def _running_max(values: list[int]) -> list[int]:
    out, best = [], -1
    for v in values:
        best = max(best, v)
        out.append(best)
    return out

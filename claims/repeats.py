"""Repeats: the same figure for the same thing stated twice in one document.

"The same thing" is read narrowly, because two counts of jobs in one article are usually two
different counts ("added 146,000 jobs" against "expectations of 190,000 new jobs"). Two statements
repeat each other when they count the same noun, the content word right before the number is the
same two content words stand right before both numbers ("IFPI is targeting 963 individuals" …
"IFPI is targeting 936 individuals"), they stand in different sentences, and neither is more than
1.5 times the other (a drifted figure, not another quantity). On the BBC corpus a looser rule
(any shared word) flagged "made 110 appearances" against "made 164 appearances" for two clubs.
Independently, two counts of the same noun whose digits are transposed ("24 cities" … "42
cities") are taken as one figure mistyped.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from .drafts import BySentence, Draft, draft
from .numbers import TENS_WORDS, UNITS_WORDS
from .records import Quantity
from .segment import Segmented

_SKIP = frozenset("""the a an its their his her our this that these those some about around nearly
    almost more than over under just only all another further extra additional""".split())
_GENERIC_NOUNS = frozenset("""people years months weeks days times per cent percent points goals
    games matches minutes hours seconds""".split())
_WORD = re.compile(r"[a-z][a-z'-]*")
_MAX_RATIO = Decimal("1.5")
_STOP = frozenset("""of to in on at by for from with and or but as is was are were be been has have
    had it he she they we i you who which that said says would could will may might out""".split())
#: Number words are figures, not context: "only two out of 16 dancers" … "only two out of their 12".
_NUMBER_WORDS = frozenset(UNITS_WORDS) | frozenset(TENS_WORDS)


def find_repeats(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    """Pairs of statements of one count, whether they agree or not (the check decides)."""
    seen: dict[tuple[str, str, str], Quantity] = {}
    by_noun: dict[tuple[str, str], list[Quantity]] = {}
    for idx in sorted(by_sentence):
        for q in by_sentence[idx]:
            if q.kind != "count" or q.qualifier != "exact" or len(q.noun) < 4 or q.noun in _GENERIC_NOUNS:
                continue
            swapped = next((p for p in by_noun.get((q.noun, q.unit), [])
                            if p.sentence != q.sentence and _transposed(p.text, q.text)), None)
            word = _words_before(seg, q)
            prior = seen.get((q.noun, q.unit, word)) if word else None
            if swapped is not None:
                yield draft("repeat", {"first": swapped, "second": q}, idx, signal="transposed digits")
            elif prior is not None and prior.sentence != q.sentence and _close(prior.value, q.value):
                yield draft("repeat", {"first": prior, "second": q}, idx, signal="same words before")
            by_noun.setdefault((q.noun, q.unit), []).append(q)
            if word:
                seen.setdefault((q.noun, q.unit, word), q)


def _words_before(seg: Segmented, q: Quantity) -> str:
    """The two content words right before the number ("" if fewer): "will cut", "targeting …"."""
    start = seg.sentences[q.sentence][0]
    words = [w for w in _WORD.findall(seg.lower[max(start, q.start - 60):q.start])
             if w not in _SKIP and w not in _STOP and w not in _NUMBER_WORDS]
    return " ".join(words[-2:]) if len(words) >= 2 else ""


def _transposed(a: str, b: str) -> bool:
    """Two figures whose digits are the same but in another order ("24" and "42", "21.8" and
    "28.1"): the signature of a typing slip, and a strong sign that both mean one number."""
    da, db = [c for c in a if c.isdigit()], [c for c in b if c.isdigit()]
    return len(da) >= 2 and da != db and sorted(da) == sorted(db) and len(set(da)) > 1


def _close(a: Decimal, b: Decimal) -> bool:
    lo, hi = sorted((abs(a), abs(b)))
    return lo > 0 and hi / lo <= _MAX_RATIO

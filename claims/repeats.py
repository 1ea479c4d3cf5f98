"""Repeats: the same figure for the same thing stated twice in one document.

Two counts are "the same thing" when they count the same noun and share a content word right
before the number ("will cut 1,200 jobs" … "the 1,300 jobs it will cut" share "cut" and "jobs").
Deliberately narrow: a false alarm costs more than a miss.
"""

from __future__ import annotations

import re
from typing import Iterable

from .drafts import BySentence, Draft, draft
from .records import Quantity
from .segment import Segmented

_STOP = frozenset("""the a an of to in on at by for from with and or but as is was are were be been
    has have had that this these those its it their his her our we they he she said says about
    some more than over under nearly almost around up down just only all total""".split())
_GENERIC_NOUNS = frozenset("""people years months weeks days times per cent percent points goals
    games matches minutes hours seconds cases""".split())
_WORD = re.compile(r"[a-z]+")


def find_repeats(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    """Pairs of counts of the same thing, in different sentences, with different stated values."""
    seen: dict[tuple[str, str], list[tuple[Quantity, frozenset[str]]]] = {}
    for idx in sorted(by_sentence):
        for q in by_sentence[idx]:
            if q.kind != "count" or q.qualifier != "exact" or len(q.noun) < 4 or q.noun in _GENERIC_NOUNS:
                continue
            s, e = seg.sentences[idx]
            context = _stems(seg.lower[max(s, q.start - 40):q.start], last=True) | _stems(
                seg.lower[q.end:min(e, q.end + 40)], last=False)
            key = (q.noun, q.unit)
            for prior, prior_context in seen.get(key, []):
                if prior.sentence != q.sentence and context & prior_context and not _same(prior, q):
                    yield draft("repeat", {"first": prior, "second": q}, idx)
                    break
            seen.setdefault(key, []).append((q, context))


def _stems(text: str, last: bool) -> frozenset[str]:
    """Crude stems (first four letters) of up to three content words next to the number."""
    words = [w for w in _WORD.findall(text) if w not in _STOP and len(w) > 2]
    return frozenset(w[:4] for w in (words[-3:] if last else words[:3]))


def _same(a: Quantity, b: Quantity) -> bool:
    """Whether the two statements can be the same number within their rounding."""
    lo = max(x for x in (a.lower, b.lower) if x is not None) if a.lower is not None and b.lower is not None else None
    hi = min(a.upper, b.upper) if a.upper is not None and b.upper is not None else None
    return lo is None or hi is None or lo <= hi

"""Reading a number written in words: "eight", "three-and-a-half", "a dozen", "several thousand".

Number words are exact ("eight" is 8, not 7.5 to 8.5); vague amounts carry the interval the words
allow ("several thousand" is 2,000 to 9,999). Words that are not amounts ("no one", "The Teesside
Ten", "the first half") are classified instead.
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .context import read_left
from .digits import _CAPITALISED_BEFORE
from .found import FUNCTION_WORDS, Found, classified, currency, read_after, sentence_start
from .numbers import FRACTION_WORDS, SCALES, VAGUE_WORDS, Parsed, parse_words
from .records import Classified
from .segment import Segmented

_PERIOD_COUNT = re.compile(r"(\w+)\s+(?:quarters|halves)")
_PERIOD_AFTER = re.compile(r"\s+(?:ahead|running|later|earlier|ago|straight|in\s+a\s+row|of\s+(?:growth|decline|contraction|the\s+(?:year|season|game|match)))\b")


def read_words(seg: Segmented, m: re.Match) -> Found | Classified:
    view = seg.view
    start, end = m.start(), m.end()
    surface = view[start:end]
    low = surface.lower()
    words = low.replace("-", " ").split()
    if len(words) == 1 and words[0] in FRACTION_WORDS:
        w = words[0]
        after = view[end:end + 12].lower()
        before = view[max(0, start - 12):start].lower()
        if w in ("half", "halves", "quarter", "quarters") and (
                re.match(r"[\s-]*time|s?\b\s*(?:of\s+the\s+)?(?:season|year|century|final)", after)
                or re.search(r"(?:first|second|third|fourth|final|last|next|each|every)\s+\Z", before)):
            return classified(seg, start, end, "period", "part of a game or calendar period")
        if w not in ("half", "halves") and not re.match(r"\s+of\b", after):
            return classified(seg, start, end, "ordinal", "ordinal number word")
    if re.fullmatch(r"one", low) and (
            re.search(r"\b(?:no|any|every|some|each|the|this|that|which)\s+\Z", view[max(0, start - 12):start].lower())
            or re.match(r"[\s-]+(?:another|off|by\s+one)\b", view[end:end + 12].lower())):
        return classified(seg, start, end, "pronoun", "'one' used as a pronoun or idiom")
    if lx.REFERENCE_BEFORE.search(view, max(0, start - 30), start):
        return classified(seg, start, end, "reference", "number of a rank, page, item or the like")
    if surface[0].isupper() and not sentence_start(seg, start):
        cap = _CAPITALISED_BEFORE.search(view, max(0, start - 40), start)
        if cap and cap.group(1).lower() not in FUNCTION_WORDS:
            return classified(seg, start, end, "name", f"number word in the name '{cap.group(1)} {surface}'")
    period = _PERIOD_COUNT.fullmatch(low)
    if period and _PERIOD_AFTER.match(seg.lower, end):
        # "two quarters ahead", "both halves": periods counted, not the fraction 2/4
        end = start + len(period.group(1))
        low, surface, words = period.group(1), surface[:len(period.group(1))], [period.group(1)]
    parsed = parse_words(low)
    if parsed is None:
        return classified(seg, start, end, "unparsed", "number words that do not form a number")
    left = read_left(view, seg.lower, start)
    f = Found(start, end, parsed)
    if left.qualifier:
        f.qualifier, f.qualifier_text = lx.QUALIFIER_WORDS[" ".join(left.qualifier.lower().split())], left.qualifier
    if left.currency:
        f.start, f.unit, f.kind = left.currency_start, currency(left.currency), "money"
    f.scaled = any(w in SCALES for w in words)
    if words[-1] in FRACTION_WORDS and not f.scaled:  # "a third", "three-quarters", "two thirds"
        f.kind = "ratio"
    read_after(view, f)
    return f


def read_vague(seg: Segmented, m: re.Match) -> Found | Classified:
    view = seg.view
    start, end = m.start(), m.end()
    words = [w for w in view[start:end].lower().split() if w != "of"]
    if " ".join(words[:2]) in VAGUE_WORDS:   # "a handful", "a few"
        key, rest = " ".join(words[:2]), words[2:]
    elif words[0] in VAGUE_WORDS:            # "several", "hundreds"
        key, rest = words[0], words[1:]
    else:                                    # "a several": the article is not part of it
        key, rest = words[1], words[2:]
    lo, hi = VAGUE_WORDS[key]
    for w in rest:                           # "several hundred million", "tens of thousands"
        w = w.removesuffix("s")
        if w in SCALES:
            lo, hi = lo * SCALES[w], hi * SCALES[w]
    f = Found(start, end, Parsed(lo, lo, hi - 1 if hi > 1 else hi), qualifier="vague")
    f.scaled = True
    read_after(view, f)
    return f

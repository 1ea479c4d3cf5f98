"""Reading a number written in words: "eight", "three-and-a-half", "a dozen", "several thousand".

Number words are exact ("eight" is 8, not 7.5 to 8.5); vague amounts carry the interval the words
allow ("several thousand" is 2,000 to 9,999). Words that are not amounts ("no one", "The Teesside
Ten", "the first half") are classified instead.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import lexicon as lx
from .context import read_left
from .found import FUNCTION_WORDS, Found, classified, currency, read_after, sentence_start
from .numbers import FRACTION_WORDS, SCALES, VAGUE_WORDS, Parsed, parse_words
from .records import Classified
from .segment import Segmented

_CAPITALISED_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'-]*)\s+\Z")
_SMALL = "|".join(sorted(set(lx.UNITS_WORDS) | set(lx.TENS_WORDS), key=len, reverse=True))
#: "ten and fifteen": "and" joins a number to a hundred or a fraction ("one hundred and five",
#: "one and a half"), never two small numbers.
_TWO_NUMBERS = re.compile(rf"(.*?\b(?:{_SMALL}))\s+and\s+(?:{_SMALL})\b")
_PERIOD_PART_AFTER = re.compile(r"[\s-]*time|s?\b\s*(?:of\s+the\s+)?(?:season|year|century|final)")
_PERIOD_PART_BEFORE = re.compile(r"(?:first|second|third|fourth|final|last|next|each|every)\s+\Z")
_OF_AFTER = re.compile(r"\s+of\b")
_PRONOUN_BEFORE = re.compile(r"\b(?:no|any|every|some|each|the|this|that|which)\s+\Z")
_PRONOUN_AFTER = re.compile(r"[\s-]+(?:another|off|by\s+one)\b")
_PERIOD_COUNT = re.compile(r"(\w+)\s+(?:quarters|halves)")
_PERIOD_AFTER = re.compile(r"\s+(?:ahead|running|later|earlier|ago|straight|in\s+a\s+row|of\s+(?:growth|decline|contraction|the\s+(?:year|season|game|match)))\b")


def read_words(seg: Segmented, m: re.Match) -> Found | Classified:
    view = seg.view
    start, end = m.start(), m.end()
    surface = view[start:end]
    low = surface.lower()
    words = low.replace("-", " ").split()
    if len(words) > 1 and words[0] in FRACTION_WORDS and words[1] in FRACTION_WORDS:
        # "fourth quarter", "third half": an ordinal before a period, not a sum of fractions
        end = start + len(surface.split()[0].split("-")[0])
        surface, low, words = view[start:end], view[start:end].lower(), [words[0]]
    if len(words) == 1 and words[0] in FRACTION_WORDS:
        w = words[0]
        after = view[end:end + 12].lower()
        before = view[max(0, start - 12):start].lower()
        if w in ("half", "halves", "quarter", "quarters") and (
                _PERIOD_PART_AFTER.match(after) or _PERIOD_PART_BEFORE.search(before)):
            return classified(seg, start, end, "period", "part of a game or calendar period")
        if w not in ("half", "halves") and not _OF_AFTER.match(after):
            return classified(seg, start, end, "ordinal", "ordinal number word")
    joined = _TWO_NUMBERS.match(low)
    if joined is not None:  # "between ten and fifteen": two numbers, not twenty-five
        end = start + joined.end(1)
        surface, low, words = view[start:end], low[:joined.end(1)], low[:joined.end(1)].replace("-", " ").split()
    if low == "one" and lx.unit_after(view, end) is None and (
            _PRONOUN_BEFORE.search(view[max(0, start - 12):start].lower())
            or _PRONOUN_AFTER.match(view[end:end + 12].lower())):
        return classified(seg, start, end, "pronoun", "'one' used as a pronoun or idiom")
    if lx.previous_word(view, start)[0].lower().rstrip(".") in lx.REFERENCE_WORDS:
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
    if left.sign_start >= 0:  # "minus one", "negative five percent"
        f.start, f.parsed = min(f.start, left.sign_start), f.parsed.negated()
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


_ARTICLE_COUNTS = {"a": Decimal(1), "an": Decimal(1), "another": Decimal(1)}
_UNIT_OF = {"fortnight": ("week", Decimal(2)), "decade": ("year", Decimal(10))}


def read_article_duration(seg: Segmented, m: re.Match) -> Found:
    """"an hour" is 1 hour, "half an hour" 0.5, "a couple of days" 2, "an hour and a half" 1.5."""
    count = " ".join(m.group("count").split())
    value = (Decimal("0.5") if count.startswith("half") else Decimal(2) if "couple" in count
             else _ARTICLE_COUNTS[count])
    if m.group("and_half"):
        value += Decimal("0.5")
    unit = m.group("unit").removesuffix("s")
    unit, factor = _UNIT_OF.get(unit, (unit, Decimal(1)))
    value *= factor
    f = Found(m.start(), m.end(), Parsed(value, value, value), unit=unit, kind="duration")
    return f

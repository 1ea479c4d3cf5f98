"""Find every number in a segmented document: a :class:`Quantity`, or a :class:`Classified` token.

One regular-expression pass finds each token that holds a digit or a number word; anchored
look-ups around it read what the number is about: a qualifier and currency before it, a scale,
unit, rate period and counted noun after it. Tokens that are not amounts (years, dates, times,
ordinals, identifiers, names, scores, references) are classified with the reason kept, so that
every number in the input is accounted for.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as lx
from .context import read_left
from .numbers import (
    FRACTION_WORDS, SCALES, VAGUE_WORDS, Parsed, parse_digits, parse_fraction, parse_words,
)
from .records import Classified, Quantity
from .segment import Segmented
from .units import CURRENCY_WORDS, PERIODS, UNIT_WORDS

#: How far a hedge ("approximately") widens an interval, relative to the value.
DEFAULT_HEDGE_TOLERANCE = Decimal("0.05")

_MINOR_CURRENCY = {"GBX": "GBP", "USX": "USD", "EUX": "EUR"}
_LOWER_HEDGES = ("nearly", "almost", "just under", "just below", "getting on for", "close to")
_UPPER_HEDGES = ("just over", "just above")
_FUNCTION_WORDS = frozenset(
    """the a an in on at by for from to of and or but as with since after before during this that
    these those its his her their our my your it he she they we i if when while some about around
    according said says per than over under up down only just nearly almost more less""".split()
)
_CAPITALISED_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'-]*)\s+\Z")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)", re.IGNORECASE)
_TIME_SUFFIX = re.compile(r"(?:[ap]\.?m\.?|h|hrs|GMT|BST)", re.IGNORECASE)
_PERIOD_COUNT = re.compile(r"(\w+)\s+(?:quarters|halves)")
_PERIOD_AFTER = re.compile(r"\s+(?:ahead|running|later|earlier|ago|straight|in\s+a\s+row|of\s+(?:growth|decline|contraction|the\s+(?:year|season|game|match)))\b")
_MALFORMED_TAIL = re.compile(r"[.,]\d[\d.,]*(?<![.,])")
_AND_A_FRACTION = re.compile(r"[\s-]+and[\s-]+an?[\s-]+(half|quarter|third)\b", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:-|to|and)\s*\Z", re.IGNORECASE)


@dataclass(slots=True)
class _Found:
    """A quantity being assembled (mutable, internal)."""

    start: int
    end: int
    parsed: Parsed
    unit: str = ""
    kind: str = "count"
    qualifier: str = "exact"
    qualifier_text: str = ""
    noun: str = ""
    scaled: bool = False


def scan(seg: Segmented, hedge_tolerance: Decimal = DEFAULT_HEDGE_TOLERANCE
         ) -> tuple[list[Quantity], list[Classified]]:
    """Every quantity and every classified number-bearing token of ``seg``, in text order."""
    view = seg.view
    skipped_starts = [s for s, _, _ in seg.skipped]
    sentence_starts = [s for s, _ in seg.sentences]
    quantities: list[Quantity] = []
    classified: list[Classified] = []
    found: list[_Found] = []
    pos = 0
    for at in _candidates(seg):
        if at < pos:
            continue  # inside what the last token consumed ("4.2 million": "million" is read)
        m = _token_at(view, at, pos)
        if m is None:
            continue
        skip = _skipped_reason(seg, skipped_starts, m.start())
        if skip:
            classified.append(_classified(seg, m.start(), m.end(), "excluded", skip))
            pos = max(m.end(), m.start() + 1)
            continue
        outcome = _read_token(seg, m, hedge_tolerance)
        if isinstance(outcome, Classified):
            classified.append(outcome)
        else:
            _inherit_range_unit(view, found, outcome)
            found.append(outcome)
        pos = max(outcome.end, m.start() + 1)
    for f in found:
        quantities.append(_finish(seg, f, len(quantities) + 1, sentence_starts, hedge_tolerance))
    return quantities, classified


def _candidates(seg: Segmented) -> list[int]:
    """Offsets where a token may start: digit runs and number words, in text order.

    Two cheap scans (digits; a prefix-factored word list on the lower-cased view) replace one
    expensive alternation tried at every character.
    """
    found = [m.start() for m in lx.CANDIDATE_DIGIT.finditer(seg.view)]
    found += [m.start() for m in lx.CANDIDATE_WORD.finditer(seg.lower)]
    found.sort()
    return found


def _token_at(view: str, at: int, floor: int) -> re.Match | None:
    """The token holding the candidate at ``at``, starting no earlier than ``floor``."""
    start = at
    if view[at].isdigit() or view[at] in "½¼¾⅓⅔⅕⅛⅜⅝⅞":
        # back up over letters glued to the digits ("MP3", "COVID-19") and a leading point (".5")
        while start > floor and (view[start - 1].isalpha() or (
                view[start - 1] == "-" and start >= 2 and view[start - 2].isupper())):
            start -= 1
        if start == at and start > floor and view[start - 1] == "." and (
                start < 2 or not view[start - 2].isalnum()):
            start -= 1
    elif at - 2 >= floor and view[at - 2:at].lower() in ("a ", "a-"):
        start = at - 2  # "a dozen", "a third", "a handful"
    elif at - 3 >= floor and view[at - 3:at].lower() in ("an ", "an-"):
        start = at - 3
    for s in dict.fromkeys((start, at)):
        m = lx.TOKEN.match(view, s)
        if m is not None and m.end() > at:
            return m
    return None


def _skipped_reason(seg: Segmented, starts: list[int], at: int) -> str:
    i = bisect.bisect_right(starts, at) - 1
    if i >= 0 and seg.skipped[i][0] <= at < seg.skipped[i][1]:
        return f"inside a {seg.skipped[i][2]} paragraph that is not checked"
    return ""


def _classified(seg: Segmented, start: int, end: int, category: str, reason: str) -> Classified:
    return Classified(seg.text[start:end], start, end, seg.line_of(start), category, reason)


def _read_token(seg: Segmented, m: re.Match, tol: Decimal) -> _Found | Classified:
    if m.group("inword") is not None:
        return _classified(seg, m.start(), m.end(), "compound", "number word inside a hyphenated word")
    if m.group("odd") is not None:
        return _classified(seg, m.start(), m.end(), "malformed", "digits in no number format numcheck reads")
    if m.group("ident") is not None:
        return _classified(seg, m.start(), m.end(), "identifier", "letters and digits in one word")
    if m.group("ordinal") is not None:
        return _classified(seg, m.start(), m.end(), "ordinal", "ordinal number word")
    if m.group("vague") is not None:
        return _read_vague(seg, m)
    if m.group("words") is not None:
        return _read_words(seg, m)
    return _read_digits(seg, m)


# --- digits ---------------------------------------------------------------------------------

def _read_digits(seg: Segmented, m: re.Match) -> _Found | Classified:
    view = seg.view
    start, end = m.start(), m.end()
    glued = m.group("glued") or ""
    core = view[start:end - len(glued)] if glued else view[start:end]
    if not glued:
        odd = _MALFORMED_TAIL.match(view, end)
        if odd:  # "1,8923", "3.817.69", "110,00": separators in no pattern we can read
            return _classified(seg, start, odd.end(), "malformed", "digits in no number format numcheck reads")
    if ":" in core or _TIME_SUFFIX.fullmatch(glued or "-") and (":" in core or "." in core or glued):
        if ":" in core or glued.lower().rstrip(".") in ("am", "pm", "a.m", "p.m"):
            return _classified(seg, start, end, "time", "time of day")
    if glued and _ORDINAL_SUFFIX.fullmatch(glued):
        return _classified(seg, start, end, "ordinal", f"ordinal suffix '{glued}'")
    if glued.lower() == "s" and re.fullmatch(r"(?:1[89]|20)?\d0", core):
        return _classified(seg, start, end, "year", "decade")
    if "/" in core or core[-1] in "½¼¾⅓⅔⅕⅛⅜⅝⅞" or core[0] in "½¼¾⅓⅔⅕⅛⅜⅝⅞":
        parsed = parse_fraction(core)
        if parsed is None:
            return _classified(seg, start, end, "date", "numbers separated by slashes")
    else:
        parsed = parse_digits(core)
        if not glued:
            plus = _AND_A_FRACTION.match(view, end)
            if plus:
                extra = 1 / Decimal(FRACTION_WORDS[plus.group(1).lower()])
                parsed = Parsed(parsed.value + extra, parsed.value + extra, parsed.value + extra)
                end = plus.end()

    left = read_left(view, seg.lower, start)
    qual, cur = left.qualifier, left.currency
    f = _Found(start, end - len(glued), parsed)
    if cur:
        f.start = left.currency_start
        f.unit, f.kind = _currency(cur), "money"
    if left.sign_start >= 0:
        f.start = min(f.start, left.sign_start)
        f.parsed = f.parsed.negated()

    # A letter suffix glued to the digits: a scale ("1.2bn"), a unit ("5km", "50p") or a name ("4G").
    if glued:
        g = glued.lower()
        nxt = lx.NOUN_AFTER.match(view, end)
        if g in SCALES and (f.kind == "money" or g != "m" or (nxt and nxt.group("a") not in lx.NOT_NOUNS)):
            f.parsed, f.scaled, f.end = f.parsed.scaled(SCALES[g]), True, end
        elif g in UNIT_WORDS:
            f.unit, f.kind = UNIT_WORDS[g]
            f.end = end
        elif g in CURRENCY_WORDS and not f.unit:
            f.unit, f.kind = _currency(g), "money"
            f.end = end
        else:
            return _classified(seg, m.start(), end, "identifier", f"digits with letters '{glued}'")

    context = _context_class(seg, f, core, glued, qual, cur)
    if context:
        return _classified(seg, start, _extend_pair(view, context, end), context[0], context[1])
    if qual:
        f.qualifier, f.qualifier_text = lx.QUALIFIER_WORDS[" ".join(qual.lower().split())], qual
    _read_after(view, f)
    return f


def _context_class(seg: Segmented, f: _Found, core: str, glued: str, qual: str, cur: str
                   ) -> tuple[str, str] | None:
    """(category, reason) when the context shows the number is not an amount."""
    if f.unit or f.scaled or glued:
        return None
    view = seg.view
    start, end = f.start, f.end
    before = view[max(0, start - 30):start]
    after = view[end:end + 30]
    if core.isascii() and core.isdigit():
        n = int(core)
        if lx.REFERENCE_BEFORE.search(before) and not lx.UNIT_AFTER.match(after):
            return "reference", "number of a page, section, item or the like"
        if n <= 31 and (re.match(r"\s+(?:of\s+)?" + lx.MONTH.pattern + r"\b", after)
                        or re.search(lx.MONTH.pattern + r"\s+\Z", before)):
            return "date", "day of the month"
        score = re.match(r"\s?-\s?(\d{1,2})\b(?!\s*(?:%|per|years?|months?|weeks?|days?))", after)
        if score and n <= 99 and int(score.group(1)) <= 99 and lx.SPORT_CONTEXT.search(
                view, max(0, start - 120), min(len(view), end + 60)):
            return "score", "sports score"
        if re.match(r"-(?:\d{2}|\d{4})\b", after) and len(core) == 4 and 1800 <= n <= 2100:
            return "year", "range of years"
        if len(core) == 4 and 1800 <= n <= 2100 and not cur:
            noun = lx.NOUN_AFTER.match(view, end)
            counted = noun and noun.group("a") in lx.COUNT_NOUNS
            if not counted or lx.YEAR_BEFORE.search(before):
                return "year", "four-digit year"
        if re.search(lx.MONTH.pattern + r"\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\Z", before) and len(core) == 4:
            return "date", "year of a date"
        cap = _CAPITALISED_BEFORE.search(before)
        if cap and cap.group(1).lower() not in _FUNCTION_WORDS and not lx.MONTH.fullmatch(cap.group(1)) \
                and not _sentence_start(seg, start - len(cap.group(0))) and not qual \
                and not lx.UNIT_AFTER.match(after) and not _has_plural_noun(view, end):
            return "name", f"number in the name '{cap.group(1)} {core}'"
    return None


def _extend_pair(view: str, context: tuple[str, str], end: int) -> int:
    """Scores and year ranges cover both numbers ("2-1", "2000-04")."""
    if context[0] in ("score", "year") and context[1] in ("sports score", "range of years"):
        m = re.match(r"\s?-\s?\d+\b", view[end:end + 8])
        if m:
            return end + m.end()
    return end


def _sentence_start(seg: Segmented, at: int) -> bool:
    i = bisect.bisect_right([s for s, _ in seg.sentences], at) - 1
    return i < 0 or seg.view[seg.sentences[i][0]:at].strip(" \"'(") == ""


def _has_plural_noun(view: str, end: int) -> bool:
    """A counted noun follows ("747 jets"); a verb ("95 sold") leaves the number in a name."""
    n = lx.NOUN_AFTER.match(view, end)
    word = n.group("a") if n else ""
    return bool(word) and word not in lx.NOT_NOUNS and (
        word in lx.COUNT_NOUNS or (word.endswith("s") and not word.endswith(("ss", "us", "is"))))


def _currency(word: str) -> str:
    return CURRENCY_WORDS.get(word.lower(), word.upper())


def _read_after(view: str, f: _Found) -> None:
    """Scale, unit, rate period and counted noun after the number; extends ``f`` in place."""
    if not f.scaled:
        sc = lx.SCALE_AFTER.match(view, f.end)
        if sc:
            word = (sc.group("word") or sc.group("abbr")).lower()
            f.parsed, f.scaled, f.end = f.parsed.scaled(SCALES[word]), True, sc.end()
    if not f.unit:
        u = lx.UNIT_AFTER.match(view, f.end)
        if u:
            word = " ".join(u.group("unit").lower().replace("-", " ").split())
            if word in UNIT_WORDS:
                f.unit, f.kind = UNIT_WORDS[word]
            else:
                f.unit, f.kind = _currency(word), "money"
            f.end = u.end()
    if f.unit in _MINOR_CURRENCY:
        f.unit = _MINOR_CURRENCY[f.unit]
        f.parsed = f.parsed.scaled(Decimal("0.01"))
    if f.kind in ("money", "percent", "count", "data_size", "measure"):
        r = lx.RATE_AFTER.match(view, f.end)
        if r and (f.kind != "count" or f.unit):
            period = PERIODS[r.group("period").lower()]
            f.unit = f"{f.unit} / {period}" if f.unit else f"1 / {period}"
            f.kind, f.end = "rate", r.end()
    if f.kind == "count":
        f.noun = _noun(view, f.end)


def _noun(view: str, end: int) -> str:
    n = lx.NOUN_AFTER.match(view, end)
    if not n or n.group("a") in lx.NOT_NOUNS:
        return ""
    a, b = n.group("a"), n.group("b")
    # "963 new cases", "hundreds of copyrighted songs": skip one adjective before a plural noun.
    if b and not a.endswith("s") and b.endswith("s") and b not in lx.NOT_NOUNS:
        return b
    return a


# --- words ----------------------------------------------------------------------------------

def _read_words(seg: Segmented, m: re.Match) -> _Found | Classified:
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
            return _classified(seg, start, end, "period", "part of a game or calendar period")
        if w not in ("half", "halves") and not re.match(r"\s+of\b", after):
            return _classified(seg, start, end, "ordinal", "ordinal number word")
    if re.fullmatch(r"one", low) and (
            re.search(r"\b(?:no|any|every|some|each|the|this|that|which)\s+\Z", view[max(0, start - 12):start].lower())
            or re.match(r"[\s-]+(?:another|off|by\s+one)\b", view[end:end + 12].lower())):
        return _classified(seg, start, end, "pronoun", "'one' used as a pronoun or idiom")
    if lx.REFERENCE_BEFORE.search(view, max(0, start - 30), start):
        return _classified(seg, start, end, "reference", "number of a rank, page, item or the like")
    if surface[0].isupper() and not _sentence_start(seg, start):
        cap = _CAPITALISED_BEFORE.search(view, max(0, start - 40), start)
        if cap and cap.group(1).lower() not in _FUNCTION_WORDS:
            return _classified(seg, start, end, "name", f"number word in the name '{cap.group(1)} {surface}'")
    period = _PERIOD_COUNT.fullmatch(low)
    if period and _PERIOD_AFTER.match(seg.lower, end):
        # "two quarters ahead", "both halves": periods counted, not the fraction 2/4
        end = start + len(period.group(1))
        low, surface, words = period.group(1), surface[:len(period.group(1))], [period.group(1)]
    parsed = parse_words(low)
    if parsed is None:
        return _classified(seg, start, end, "unparsed", "number words that do not form a number")
    left = read_left(view, seg.lower, start)
    f = _Found(start, end, parsed)
    if left.qualifier:
        f.qualifier, f.qualifier_text = lx.QUALIFIER_WORDS[" ".join(left.qualifier.lower().split())], left.qualifier
    if left.currency:
        f.start, f.unit, f.kind = left.currency_start, _currency(left.currency), "money"
    f.scaled = any(w in SCALES for w in words)
    if words[-1] in FRACTION_WORDS and not f.scaled:  # "a third", "three-quarters", "two thirds"
        f.kind = "ratio"
    _read_after(view, f)
    return f


def _read_vague(seg: Segmented, m: re.Match) -> _Found | Classified:
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
    f = _Found(start, end, Parsed(lo, lo, hi - 1 if hi > 1 else hi), qualifier="vague")
    f.scaled = True
    _read_after(view, f)
    return f


# --- finishing --------------------------------------------------------------------------------

def _inherit_range_unit(view: str, found: list[_Found], f: _Found) -> None:
    """In "10-15%", "between 4 and 5 million", the first figure takes the second's scale and unit."""
    if not found:
        return
    prev = found[-1]
    gap = view[prev.end:f.start]
    if prev.unit or prev.scaled or prev.noun or not _RANGE_JOIN.fullmatch(" " + gap if gap else "-"):
        return
    if len(gap) > 9:
        return
    if f.scaled and not prev.scaled:
        factor = f.parsed.value / _unscaled_value(view, f)
        if factor > 1:
            prev.parsed, prev.scaled = prev.parsed.scaled(factor), True
    if f.unit:
        prev.unit, prev.kind = f.unit, f.kind


def _unscaled_value(view: str, f: _Found) -> Decimal:
    m = re.match(r"[^\d.]*([\d,]*\.?\d+)", view[f.start:f.end])
    try:
        v = Decimal(m.group(1).replace(",", "")) if m else f.parsed.value
    except ArithmeticError:
        v = f.parsed.value
    return v or Decimal(1)


def _finish(seg: Segmented, f: _Found, n: int, sentence_starts: list[int], tol: Decimal) -> Quantity:
    p = f.parsed
    lower: Decimal | None = p.lower
    upper: Decimal | None = p.upper
    q = f.qualifier
    text_q = f.qualifier_text.lower()
    spread = abs(p.value) * tol
    if q == "approximate":
        if text_q in _LOWER_HEDGES:
            lower, upper = p.lower - spread, p.upper
        elif text_q in _UPPER_HEDGES:
            lower, upper = p.lower, p.upper + spread
        else:
            lower, upper = p.lower - spread, p.upper + spread
    elif q in ("more_than", "at_least"):
        lower, upper = p.value, None
    elif q in ("less_than", "at_most"):
        lower, upper = None, p.value
    sentence = max(0, bisect.bisect_right(sentence_starts, f.start) - 1)
    return Quantity(
        id=f"q{n}", text=seg.text[f.start:f.end], start=f.start, end=f.end,
        line=seg.line_of(f.start), value=_tidy(p.value), lower=_tidy(lower), upper=_tidy(upper),
        unit=f.unit, kind=f.kind, qualifier=q, qualifier_text=f.qualifier_text, noun=f.noun,
        precision=p.precision, sentence=sentence,
    )


def _tidy(x: Decimal | None) -> Decimal | None:
    """Drop exponent noise from scaling ("4.2E+6" → 4200000) without changing the value."""
    if x is None:
        return None
    if x == x.to_integral_value() and x.adjusted() < 28:  # quantize needs the digits to fit the context
        return x.quantize(Decimal(1))
    return x.normalize()

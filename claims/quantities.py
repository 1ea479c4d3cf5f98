"""Find every number in a segmented document: a :class:`Quantity`, or a :class:`Classified` token.

One regular-expression pass finds each token that holds a digit or a number word; anchored
look-ups around it read what the number is about: a qualifier and currency before it, a scale,
unit, rate period and counted noun after it. Tokens that are not amounts (years, dates, times,
ordinals, identifiers, names, scores, references) are classified with the reason kept, so that
every number in the input is accounted for.
"""

from __future__ import annotations

import bisect
import functools
import re
from decimal import Decimal

from . import DEFAULT_HEDGE_TOLERANCE
from . import lexicon as lx
from . import make
from .digits import read_code_glued, read_digits
from .found import Found, classified
from .numbers import FRACTION_CHARS
from .records import Classified, Quantity
from .segment import Segmented
from .words import read_article_duration, read_vague, read_words

#: How far a hedge ("approximately") widens an interval, relative to the value.

_LOWER_HEDGES = ("nearly", "almost", "just under", "just below", "getting on for", "close to")
_UPPER_HEDGES = ("just over", "just above")
_CODE_GLUED = re.compile(r"(?i)(usd|eur|gbp|jpy|cny|inr|aud|cad|chf|hkd|rmb)(\d[\d,]*(?:\.\d+)?)")
_FIRST_DIGITS = re.compile(r"[^\d.]*([\d,]*\.?\d+)")
_RANGE_JOIN = re.compile(r"\s*(?:-|to|and)\s*\Z", re.IGNORECASE)


def scan(seg: Segmented, hedge_tolerance: Decimal = DEFAULT_HEDGE_TOLERANCE
         ) -> tuple[list[Quantity], list[Classified]]:
    """Every quantity and every classified number-bearing token of ``seg``, in text order."""
    view = seg.view
    skipped_starts = [s for s, _, _ in seg.skipped]
    quantities: list[Quantity] = []
    others: list[Classified] = []
    found: list[Found] = []
    pos = 0
    for at in _candidates(seg):
        if at < pos:
            continue  # inside what the last token consumed ("4.2 million": "million" is read)
        # Only "a", "an", "another", "half", "couple" open a duration with an article.
        duration = lx.ARTICLE_DURATION.match(seg.lower, at) if seg.lower[at] in "ach" else None
        if duration is not None and not _after_amount(view, at):
            found.append(read_article_duration(seg, duration))
            pos = duration.end()
            continue
        m = _token_at(seg, at, pos)
        if m is None:
            continue
        skip = _skipped_reason(seg, skipped_starts, m.start())
        if skip:
            others.append(classified(seg, m.start(), m.end(), "excluded", skip))
            pos = max(m.end(), m.start() + 1)
            continue
        outcome = _read_token(seg, m, hedge_tolerance)
        if isinstance(outcome, Classified):
            others.append(outcome)
        else:
            _inherit_range_unit(view, found, outcome)
            found.append(outcome)
        pos = max(outcome.end, m.start() + 1)
    for f in found:
        quantities.append(_finish(seg, f, len(quantities) + 1, hedge_tolerance))
    return quantities, others


def _candidates(seg: Segmented) -> list[int]:
    """Offsets where a token may start: digit runs and number words, in text order.

    Two cheap scans (digits; a prefix-factored word list on the lower-cased view, which also finds
    the unit words of durations with an article) replace one expensive alternation tried at every
    character.
    """
    found = _digit_positions(seg.view, seg.plain)
    durations = []
    for m in (lx.WORD_CANDIDATE_ASCII if seg.plain else lx.WORD_CANDIDATE).finditer(seg.lower):
        word = m.group()
        if word in lx.CANDIDATE_WORDS:
            found.append(m.start())
        if word in lx.DURATION_FORMS:  # "second" is both
            durations.append(m.start())
    found += _article_durations(seg.lower, durations)
    found.sort()
    return found


def _digit_positions(view: str, plain: bool) -> list[int]:
    """Every digit's offset. For ASCII text, ``str.find`` per digit is several times faster than a
    regex, which tries its character class at every offset of the text; so for a plain one
    (segment.is_plain), whose other characters are symbols, neither digits nor fractions."""
    if not plain and not view.isascii():
        return [m.start() for m in lx.CANDIDATE_DIGIT.finditer(view)]
    found = []
    for digit in "0123456789":
        i = view.find(digit)
        while i >= 0:
            found.append(i)
            i = view.find(digit, i + 1)
    return found


#: The last two characters of every article ending ("a ", "n " of "an ", "f " of "couple of "):
#: most unit words ("this year", "the second") are rejected on them at once.
_ARTICLE_TAILS = frozenset(ending[-2:] for ending in lx.ARTICLE_ENDINGS)


def _article_durations(lower: str, units: list[int]) -> list[int]:
    """Where "an hour", "half an hour", "a couple of days" may start: found from the unit words
    (``units``, offsets of lx.DURATION_FORMS in ``lower``) backwards, because scanning for "a"
    would try a pattern at every other word."""
    starts = []
    for i in units:
        if lower[max(0, i - 2):i] not in _ARTICLE_TAILS:
            continue  # "this year", "the second": no article ending right before the unit
        for ending in lx.ARTICLE_ENDINGS:
            if lower.endswith(ending, max(0, i - len(ending)), i) and (
                    i - len(ending) == 0 or not lower[i - len(ending) - 1].isalnum()):
                s = i - len(ending)
                if ending == "couple of " and lower.endswith(("a ", "an "), max(0, s - 3), s):
                    s -= 2 if lower[s - 2] == "a" else 3
                starts.append(s)
                break
    return starts


def _after_amount(view: str, at: int) -> bool:
    """"£5 a year", "200 a day": the article is the period of a rate that a reader rejected."""
    t = view[max(0, at - 3):at].rstrip()
    return bool(t) and (t[-1] == "%" or t[-1].isdecimal())


def _token_at(seg: Segmented, at: int, floor: int) -> re.Match | None:
    """The token holding the candidate at ``at``, starting no earlier than ``floor``."""
    view = seg.view
    token = lx.TOKEN_ASCII if seg.plain else lx.TOKEN
    start = at
    if view[at].isdigit() or view[at] in FRACTION_CHARS:
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
    m = token.match(view, start)
    if m is None or m.end() <= at:
        m = token.match(view, at) if start != at else None
    return m if m is not None and m.end() > at else None


def _skipped_reason(seg: Segmented, starts: list[int], at: int) -> str:
    i = bisect.bisect_right(starts, at) - 1
    if i >= 0 and seg.skipped[i][0] <= at < seg.skipped[i][1]:
        return f"inside a {seg.skipped[i][2]} paragraph that is not checked"
    return ""


def _read_token(seg: Segmented, m: re.Match, tol: Decimal) -> Found | Classified:
    if m.group("inword") is not None:
        return classified(seg, m.start(), m.end(), "compound", "number word inside a hyphenated word")
    if m.group("odd") is not None:
        return classified(seg, m.start(), m.end(), "malformed", "digits in no number format numcheck reads")
    if m.group("ident") is not None:
        code = _CODE_GLUED.fullmatch(m.group("ident"))
        if code is not None:  # "USD115", "EUR63.1m": a currency code written against its amount
            return read_code_glued(seg, m, code)
        return classified(seg, m.start(), m.end(), "identifier", "letters and digits in one word")
    if m.group("ordinal") is not None:
        return classified(seg, m.start(), m.end(), "ordinal", "ordinal number word")
    if m.group("vague") is not None:
        return read_vague(seg, m)
    if m.group("words") is not None:
        return read_words(seg, m)
    return read_digits(seg, m)


def _inherit_range_unit(view: str, found: list[Found], f: Found) -> None:
    """In "10-15%", "between 4 and 5 million", the first figure takes the second's scale and unit."""
    if not found:
        return
    prev = found[-1]
    gap = view[prev.end:f.start]
    if prev.kind == "ratio" or "," in view[prev.start:prev.end] or (
            "to" in gap.lower() and lx.ends_with_word(view[max(0, prev.start - 4):prev.start], "by")):
        return  # "fell by 35,000 to 1.42 million" is a change, not a range; "by 3-5%" is a range
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


def _unscaled_value(view: str, f: Found) -> Decimal:
    m = _FIRST_DIGITS.match(view, f.start, f.end)
    try:
        v = Decimal(m.group(1).replace(",", "")) if m else f.parsed.value
    except ArithmeticError:
        v = f.parsed.value
    return v or Decimal(1)


def _finish(seg: Segmented, f: Found, n: int, tol: Decimal) -> Quantity:
    p = f.parsed
    lower: Decimal | None = p.lower
    upper: Decimal | None = p.upper
    if f.kind == "duration" and f.qualifier_text.lower() == "over" and _spans_period(seg, f):
        f.qualifier, f.qualifier_text = "exact", ""
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
    sentence = seg.sentence_index(f.start)
    return make.quantity(
        f"q{n}", seg.text[f.start:f.end], f.start, f.end, seg.line_of(f.start), _tidy(p.value),
        _tidy(lower) if lower is not None else None, _tidy(upper) if upper is not None else None,
        f.unit, f.kind, q, f.qualifier_text, f.noun, p.precision, sentence,
    )


def _spans_period(seg: Segmented, f: Found) -> bool:
    """ "over 35 days", "over three weeks": the period something is spread across, not "more than"
    — unless a verb of lasting or a preposition before "over" ("for over 10 years", "lasted over
    an hour") or "ago"/"old" after it makes it a bound."""
    at = seg.lower.rfind("over", max(0, f.start - 8), f.start)
    if at < 0:
        return False
    before = lx.previous_word(seg.lower, at)[0].strip(",;:")
    after = seg.lower[f.end:f.end + 12].split()
    return before not in _BOUND_BEFORE_OVER and not before.endswith(("ly", "ately")) \
        and not (after and after[0].strip(".,;") in _BOUND_AFTER_OVER)


#: Words before "over" that make it a bound: prepositions, verbs of lasting or waiting, and hedges
#: ("little over two years"); an adverb in -ly does too ("definitely over 20 hours").
_BOUND_BEFORE_OVER = frozenset("""for of in lasted lasting last lasts took taking take takes taken spent after
    than aged within under by little just well slightly wait waits waited waiting span spans spanned
    spanning been lived living served serving worked working run runs ran running stretch stretches
    stretched stretching""".split())
_BOUND_AFTER_OVER = frozenset("ago old later earlier before after since".split())


def _tidy(x: Decimal) -> Decimal:
    """Drop exponent noise from scaling ("4.2E+6" → 4200000) without changing the value.

    Cached: the result depends on the value alone, so Decimals that are equal (and hash alike)
    share it; except zero, whose two signs are equal keys with different results."""
    return _tidied(x) if x.is_zero() else _tidy_cached(x)


def _tidied(x: Decimal) -> Decimal:
    if x == x.to_integral_value() and x.adjusted() < 28:  # quantize needs the digits to fit the context
        return x.quantize(Decimal(1))
    return x.normalize()


_tidy_cached = functools.lru_cache(maxsize=4096)(_tidied)

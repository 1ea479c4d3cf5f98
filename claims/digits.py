"""Reading a number written in digits: "4.2 million", "£1.2bn", "35%", "21st", "MP3", "2-1".

The digits give the value and its rounding; the words around them say what it is. Context that
shows the number is not an amount (a year, a date, a time, a score, a reference, a name) makes it
a classified token instead, with the reason.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import lexicon as lx
from .context import read_left
from .found import FUNCTION_WORDS, Found, classified, currency, read_after, sentence_start
from .numbers import FRACTION_CHARS, FRACTION_WORDS, SCALES, Parsed, parse_digits, parse_fraction
from .records import Classified
from .segment import Segmented
from .units import CURRENCY_WORDS, UNIT_WORDS

_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)", re.IGNORECASE)
_TIME_SUFFIX = re.compile(r"(?:[ap]\.?m\.?|h|hrs|GMT|BST)", re.IGNORECASE)
_ZONE_AFTER = re.compile(r"\s?(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT)\b")
#: Words before a four-digit number under 1800 that make it a year ("records began in 1659").
_EARLY_YEAR_WORDS = frozenset("in since until till circa c.".split())
_MONTH_AFTER = re.compile(r"\s+(?:of\s+)?" + lx.MONTH.pattern + r"\b")
_SCORE_AFTER = re.compile(r"\s?-\s?(\d{1,2})\b(?!\s*(?:%|per|years?|months?|weeks?|days?))")
_YEAR_RANGE_AFTER = re.compile(r"-(?:\d{2}|\d{4})\b")
_MONTH_DAY = re.compile(rf".*?\b{lx.MONTH.pattern}\s+\d{{1,2}}(?:st|nd|rd|th)?,?", re.S)
_LENGTH_WORDS = frozenset("tall long high wide deep away high-jump hurdles sprint race freestyle".split())
_DECADE = re.compile(r"(?:1[89]|20)?\d0")
_SECOND_OF_PAIR = re.compile(r"\s?-\s?\d+\b")
_MALFORMED_TAIL = re.compile(r"[.,]\d[\d.,]*(?<![.,])")
_AND_A_FRACTION = re.compile(r"[\s-]+and[\s-]+an?[\s-]+(half|quarter|third)\b", re.IGNORECASE)


def read_digits(seg: Segmented, m: re.Match) -> Found | Classified:
    view = seg.view
    start, end = m.start(), m.end()
    glued = m.group("glued") or ""
    core = view[start:end - len(glued)] if glued else view[start:end]
    if not glued:
        odd = _MALFORMED_TAIL.match(view, end)
        if odd:  # "1,8923", "3.817.69", "110,00": separators in no pattern we can read
            return classified(seg, start, odd.end(), "malformed", "digits in no number format numcheck reads")
    if ":" in core or _TIME_SUFFIX.fullmatch(glued or "-") and (":" in core or "." in core or glued):
        if ":" in core or glued.lower().rstrip(".") in ("am", "pm", "a.m", "p.m"):
            return classified(seg, start, end, "time", "time of day")
    if not glued and len(core) == 4 and core.isdigit() and core[:2] < "24" and core[2:] < "60" \
            and _ZONE_AFTER.match(view, end):
        return classified(seg, start, end, "time", "time of day, 24-hour clock")  # "0930 GMT"
    if glued and _ORDINAL_SUFFIX.fullmatch(glued):
        return classified(seg, start, end, "ordinal", f"ordinal suffix '{glued}'")
    if glued.lower() == "s" and _DECADE.fullmatch(core):
        return classified(seg, start, end, "year", "decade")
    if "/" in core or core[-1] in FRACTION_CHARS or core[0] in FRACTION_CHARS:
        parsed = parse_fraction(core)
        if parsed is not None and len(core) == 1:  # "⅙ of them": a share, like "a sixth"
            f = Found(start, end, parsed, kind="ratio")
            read_after(view, f)
            return f
        if parsed is None:
            return classified(seg, start, end, "date", "numbers separated by slashes")
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
    f = Found(start, end - len(glued), parsed)
    if cur:
        f.start = left.currency_start
        f.unit, f.kind = currency(cur), "money"
    if left.sign_start >= 0:
        f.start = min(f.start, left.sign_start)
        f.parsed = f.parsed.negated()

    # A letter suffix glued to the digits: a scale ("1.2bn"), a unit ("5km", "50p") or a name ("4G").
    if glued:
        g = glued.lower()
        nxt = lx.NOUN_AFTER.match(view, end)
        if glued in ("M", "MM") or g in SCALES and (f.kind == "money" or g != "m" or (
                nxt and nxt.group("a") not in lx.NOT_NOUNS and nxt.group("a") not in _LENGTH_WORDS)):
            # "£10m", "10M", "US$ 1MM", "7m copies" are millions; "1.8m tall", "the 100m" metres
            f.parsed, f.scaled, f.end = f.parsed.scaled(SCALES["m"] if glued in ("M", "MM") else SCALES[g]), True, end
        elif g in UNIT_WORDS and glued != "G":  # "3G", "4G" are networks; a gram is "g"
            f.unit, f.kind = UNIT_WORDS[g]
            f.end = end
        elif g in CURRENCY_WORDS and not f.unit:
            f.unit, f.kind = currency(g), "money"
            f.end = end
        else:
            return classified(seg, m.start(), end, "identifier", f"digits with letters '{glued}'")

    context = _context_class(seg, f, core, glued, qual, cur)
    if context:
        return classified(seg, start, _extend_pair(view, context, end), context[0], context[1])
    if qual:
        f.qualifier, f.qualifier_text = lx.QUALIFIER_WORDS[" ".join(qual.lower().split())], qual
    read_after(view, f)
    return f


def _context_class(seg: Segmented, f: Found, core: str, glued: str, qual: str, cur: str
                   ) -> tuple[str, str] | None:
    """(category, reason) when the context shows the number is not an amount."""
    if f.unit or f.scaled or glued:
        return None
    view = seg.view
    start, end = f.start, f.end
    after = view[end:end + 30]
    prev, prev_start = lx.previous_word(view, start)
    word = prev.lower().rstrip(".,:;")
    if core.isascii() and core.isdigit():
        n = int(core)
        if word in lx.NAME_WORDS and prev[:1].isupper() and prev[-1:].isalnum():
            return "name", f"number in the name '{prev} {core}'"
        if word in lx.REFERENCE_WORDS and lx.unit_after(view, end) is None:
            return "reference", "number of a page, section, item or the like"
        if n <= 31 and (_MONTH_AFTER.match(after) or lx.MONTH.fullmatch(prev)):
            return "date", "day of the month"
        score = _SCORE_AFTER.match(after)
        if score and n <= 99 and int(score.group(1)) <= 99 and lx.SPORT_CONTEXT.search(
                view, max(0, start - 120), min(len(view), end + 60)):
            return "score", "sports score"
        if _YEAR_RANGE_AFTER.match(after) and len(core) == 4 and 1800 <= n <= 2100:
            return "year", "range of years"
        if len(core) == 4 and 1000 <= n < 1800 and not cur and word in _EARLY_YEAR_WORDS \
                and lx.unit_after(view, end) is None and not _has_plural_noun(view, end):
            return "year", f"four-digit year after '{word}'"
        if len(core) == 4 and 1800 <= n <= 2100 and not cur:
            noun = lx.NOUN_AFTER.match(view, end)
            counted = noun and noun.group("a") in lx.COUNT_NOUNS
            if not counted or word in lx.YEAR_WORDS:
                return "year", "four-digit year"
        if len(core) == 4 and (lx.MONTH.fullmatch(prev) or _MONTH_DAY.fullmatch(
                view, max(0, prev_start - 12), prev_start + len(prev))):
            return "date", "year of a date"
        if prev[:1].isupper() and prev[-1:].isalnum() and word not in FUNCTION_WORDS and not lx.MONTH.fullmatch(prev) \
                and not prev.endswith(("'s", "s'")) and prev_start + len(prev) + 2 >= start \
                and not sentence_start(seg, prev_start) and not qual \
                and lx.unit_after(view, end) is None and not _has_plural_noun(view, end):
            return "name", f"number in the name '{prev} {core}'"
    return None


def _extend_pair(view: str, context: tuple[str, str], end: int) -> int:
    """Scores and year ranges cover both numbers ("2-1", "2000-04")."""
    if context[0] in ("score", "year") and context[1] in ("sports score", "range of years"):
        m = _SECOND_OF_PAIR.match(view[end:end + 8])
        if m:
            return end + m.end()
    return end


def _has_plural_noun(view: str, end: int) -> bool:
    """A counted noun follows ("747 jets"); a verb ("95 sold") leaves the number in a name."""
    n = lx.NOUN_AFTER.match(view, end)
    word = n.group("a") if n else ""
    return bool(word) and word not in lx.NOT_NOUNS and (
        word in lx.COUNT_NOUNS or (word.endswith("s") and not word.endswith(("ss", "us", "is"))))


def read_code_glued(seg: Segmented, m: re.Match, code: re.Match) -> Found:
    """"USD115": the code's currency and the digits after it, then the usual scale and unit."""
    start = m.start() + code.start(2)
    f = Found(m.start(), start + len(code.group(2)), parse_digits(code.group(2)),
              unit=currency(code.group(1)), kind="money")
    read_after(seg.view, f)
    return f

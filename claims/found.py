"""What the digit and word readers share: the quantity being assembled and what follows a number.

After its digits or words, a number may have a scale ("million"), a unit ("%", "terabytes"), the
period of a rate ("per week") and, for a count, the noun it counts ("963 individuals").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as lx
from . import make
from .numbers import SCALES, Parsed
from .records import Classified
from .segment import Segmented
from .units import CURRENCY_WORDS, PERIODS, UNIT_WORDS

_MINOR_CURRENCY = {"GBX": "GBP", "USX": "USD", "EUX": "EUR"}
_MILLION_CODE = re.compile(r"\s?[mM](USD|usd|EUR|eur|GBP|gbp)\b")
_WON = re.compile(r"\s+won\b", re.IGNORECASE)
#: "12 m long", "1 m x 1 m", "12 m 2 dm": a spaced "m" is a metre only where a length reads so.
_SPACED_METRE = re.compile(r" m(?=\s+(?:long|tall|high|wide|deep|away|x|by|\d)\b|[.,;)]|\s*\Z)")
_UNIT_MULTIPLES = {"decade": ("year", Decimal(10)), "fortnight": ("week", Decimal(2))}
#: Words before a capitalised word that make it ordinary prose, not a name ("In 2004").
FUNCTION_WORDS = frozenset(
    """the a an in on at by for from to of and or but as with since after before during this that
    these those its his her their our my your it he she they we i if when while some about around
    according said says per than over under up down only just nearly almost more less""".split()
)


@dataclass(slots=True)
class Found:
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

    # Written out, not generated: mypyc compiles this one, where the dataclass's own runs as
    # interpreted Python (about 0.8 µs a record instead of 0.08). The dataclass keeps eq and repr.
    def __init__(self, start: int, end: int, parsed: Parsed, unit: str = "", kind: str = "count",
                 qualifier: str = "exact", qualifier_text: str = "", noun: str = "", scaled: bool = False) -> None:
        self.start = start
        self.end = end
        self.parsed = parsed
        self.unit = unit
        self.kind = kind
        self.qualifier = qualifier
        self.qualifier_text = qualifier_text
        self.noun = noun
        self.scaled = scaled


def classified(seg: Segmented, start: int, end: int, category: str, reason: str) -> Classified:
    return make.classified(seg.text[start:end], start, end, seg.line_of(start), category, reason)


def sentence_start(seg: Segmented, at: int) -> bool:
    i = bisect.bisect_right(seg.sentence_starts, at) - 1
    return i < 0 or seg.view[seg.sentences[i][0]:at].strip(" \"'(") == ""


def currency(word: str) -> str:
    return CURRENCY_WORDS.get(word.lower(), word.upper())


def read_after(view: str, f: Found) -> None:
    """Scale, unit, rate period and counted noun after the number; extends ``f`` in place."""
    of_a = lx.OF_A.match(view, f.end) if f.kind == "ratio" else None
    if of_a is not None:  # "a quarter of a percentage point", "two thirds of a million"
        sc = lx.SCALE_AFTER.match(view, of_a.end() - 1)
        u = lx.unit_after(view, of_a.end() - 1)
        if sc is not None:
            word = (sc.group("word") or sc.group("abbr")).lower()
            f.parsed, f.scaled, f.end, f.kind = f.parsed.scaled(SCALES[word]), True, sc.end(), "count"
        elif u is not None:
            f.end = of_a.end() - 1
            f.kind = "count"
    if not f.scaled:
        sc = lx.SCALE_AFTER.match(view, f.end)
        if sc:
            word = (sc.group("word") or sc.group("abbr")).lower()
            f.parsed, f.scaled, f.end = f.parsed.scaled(SCALES[word]), True, sc.end()
    if not f.unit:
        mcode = _MILLION_CODE.match(view, f.end)
        if mcode is not None and not f.scaled:  # "30 MUSD", "48.5 mGBP": millions of the currency
            f.parsed, f.scaled, f.end = f.parsed.scaled(SCALES["m"]), True, mcode.end()
            f.unit, f.kind = mcode.group(1).upper(), "money"
        elif f.scaled and (won := _WON.match(view, f.end)) is not None:
            f.unit, f.kind, f.end = "KRW", "money", won.end()  # "1.2 trillion won": the currency, not the verb
        elif _SPACED_METRE.match(view, f.end):  # "12 m long"
            f.unit, f.kind, f.end = "meter", "measure", f.end + 2
    if not f.unit:
        u = lx.unit_after(view, f.end)
        if u:
            word = " ".join(u[0].replace("-", " ").split())
            if word in UNIT_WORDS:
                f.unit, f.kind = UNIT_WORDS[word]
            else:
                f.unit, f.kind = currency(word), "money"
            f.end = u[1]
    if f.kind == "money" and not f.scaled:  # "75 USD million"
        sc = lx.SCALE_AFTER.match(view, f.end)
        if sc is not None and sc.group("word"):
            f.parsed, f.scaled, f.end = f.parsed.scaled(SCALES[sc.group("word").lower()]), True, sc.end()
    if f.unit in _UNIT_MULTIPLES:  # "two decades" is 20 years: pint's decade is logarithmic
        f.unit, factor = _UNIT_MULTIPLES[f.unit]
        f.parsed = f.parsed.scaled(factor)
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
        f.noun = noun_after(view, f.end)


def noun_after(view: str, end: int) -> str:
    n = lx.NOUN_AFTER.match(view, end)
    if not n or n.group("a") in lx.NOT_NOUNS:
        return ""
    a, b = n.group("a"), n.group("b")
    # "963 new cases", "hundreds of copyrighted songs": skip one adjective before a plural noun.
    if b and not a.endswith("s") and b.endswith("s") and b not in lx.NOT_NOUNS:
        return b
    return a

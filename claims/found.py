"""What the digit and word readers share: the quantity being assembled and what follows a number.

After its digits or words, a number may have a scale ("million"), a unit ("%", "terabytes"), the
period of a rate ("per week") and, for a count, the noun it counts ("963 individuals").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from decimal import Decimal

from . import lexicon as lx
from .numbers import SCALES, Parsed
from .records import Classified
from .segment import Segmented
from .units import CURRENCY_WORDS, PERIODS, UNIT_WORDS

_MINOR_CURRENCY = {"GBX": "GBP", "USX": "USD", "EUX": "EUR"}
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


def classified(seg: Segmented, start: int, end: int, category: str, reason: str) -> Classified:
    return Classified(seg.text[start:end], start, end, seg.line_of(start), category, reason)


def sentence_start(seg: Segmented, at: int) -> bool:
    i = bisect.bisect_right([s for s, _ in seg.sentences], at) - 1
    return i < 0 or seg.view[seg.sentences[i][0]:at].strip(" \"'(") == ""


def currency(word: str) -> str:
    return CURRENCY_WORDS.get(word.lower(), word.upper())


def read_after(view: str, f: Found) -> None:
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
                f.unit, f.kind = currency(word), "money"
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

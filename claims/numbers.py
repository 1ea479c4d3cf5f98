"""Numbers as written: digits and number words, with the interval each was rounded from.

A stated figure stands for every value that rounds to it: "4.2" for 4.15–4.25, "382" for
381.5–382.5. Trailing zeros of an integer are ambiguous ("50,000" may be exact or rounded to the
nearest ten thousand); we take the lenient reading, the widest one, and say so.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

HALF = Decimal("0.5")

#: Scale words and abbreviations → multiplier.
SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100), "dozen": Decimal(12),
    "thousand": Decimal(10) ** 3, "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6, "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6, "mil": Decimal(10) ** 6,
    "lakh": Decimal(10) ** 5, "lakhs": Decimal(10) ** 5, "crore": Decimal(10) ** 7, "crores": Decimal(10) ** 7,
    "billion": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "b": Decimal(10) ** 9, "bln": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12, "tn": Decimal(10) ** 12, "trn": Decimal(10) ** 12,
}

UNITS_WORDS = {
    "zero": 0, "nil": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: Fraction word → denominator ("two thirds" is 2 / 3, computed as such to keep Decimal exact).
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
    "millionth": 10 ** 6, "billionth": 10 ** 9, "trillionth": 10 ** 12,
}
ORDINAL_WORDS = frozenset(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth
    millionth billionth""".split()
)
#: Vague amounts → (lower, upper) before any scale word.
VAGUE_WORDS: dict[str, tuple[Decimal, Decimal]] = {
    "several": (Decimal(2), Decimal(10)),
    "a few": (Decimal(2), Decimal(10)),
    "a handful": (Decimal(2), Decimal(6)),
    "a couple": (Decimal(2), Decimal(3)),
    "dozens": (Decimal(24), Decimal(144)),
    "scores": (Decimal(40), Decimal(200)),
    "tens": (Decimal(20), Decimal(100)),
    "hundreds": (Decimal(200), Decimal(1000)),
    "thousands": (Decimal(2000), Decimal(10000)),
    "millions": (Decimal(2) * 10 ** 6, Decimal(10) ** 9),
    "billions": (Decimal(2) * 10 ** 9, Decimal(10) ** 12),
}
UNICODE_FRACTIONS = {ch: Decimal(n) / Decimal(d) for ch, (n, d) in {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
    "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7), "⅛": (1, 8), "⅜": (3, 8),
    "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10)}.items()}
#: The vulgar-fraction characters, for character classes of the token patterns.
FRACTION_CHARS = "".join(UNICODE_FRACTIONS)


@dataclass(frozen=True, slots=True)
class Parsed:
    """A number as read: value and the interval it was rounded from, in the same scale."""

    value: Decimal
    lower: Decimal
    upper: Decimal
    precision: str = ""
    """Set when the interval is a judgement call (the lenient reading of trailing zeros)."""

    # Written out, not generated: mypyc compiles this one (see found.Found).
    def __init__(self, value: Decimal, lower: Decimal, upper: Decimal, precision: str = "") -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        object.__setattr__(self, "precision", precision)

    def scaled(self, factor: Decimal) -> "Parsed":
        """The same reading multiplied by a scale word ("4.2" × million)."""
        return Parsed(self.value * factor, self.lower * factor, self.upper * factor, self.precision)

    def negated(self) -> "Parsed":
        """The reading with its sign flipped."""
        return Parsed(-self.value, -self.upper, -self.lower, self.precision)


@functools.lru_cache(maxsize=4096)  # "1", "10", "2005" recur; a Parsed is immutable
def parse_digits(s: str) -> Parsed:
    """Read a digit string with optional thousands separators and decimals.

    The interval is half a unit in the last stated place; trailing zeros of an integer of three
    or more digits are read leniently (rounded at the last non-zero digit).

    >>> parse_digits("4.2")
    Parsed(value=Decimal('4.2'), lower=Decimal('4.15'), upper=Decimal('4.25'), precision='')
    >>> p = parse_digits("50,000"); (p.lower, p.upper, p.precision != "")
    (Decimal('45000'), Decimal('55000'), True)
    >>> parse_digits("963").upper
    Decimal('963.5')
    """
    clean = s.replace(",", "")
    value = Decimal(clean)
    if "." in clean:
        decimals = len(clean.split(".", 1)[1])
        half = HALF * Decimal(10) ** -decimals
        return Parsed(value, value - half, value + half)
    digits = clean.lstrip("0") or "0"
    zeros = len(digits) - len(digits.rstrip("0")) if digits != "0" else 0
    if zeros and len(digits) > zeros and len(digits) >= 3:
        # "50,000", "1,200", "300" may be rounded; "10" and "90" are read to the unit, since a
        # two-digit figure rounded to tens ("10%" for 5-15%) is not how anyone writes.
        half = 5 * Decimal(10) ** (zeros - 1)
        note = f"trailing zeros read leniently: may be rounded to the nearest {10 ** zeros:,}"
        return Parsed(value, value - half, value + half, note)
    return Parsed(value, value - HALF, value + HALF)


_WORD_SPLIT = re.compile(r"[\s-]+")
_FRACTION = re.compile(r"(?:(\d+)\s+)?(\d+)/(\d+)")


@functools.lru_cache(maxsize=4096)
def parse_words(s: str) -> Parsed | None:
    """Read a number written in words; exact unless the words are vague.

    >>> parse_words("three-and-a-half").value
    Decimal('3.5')
    >>> parse_words("one hundred and five").value
    Decimal('105')
    >>> parse_words("half a million").value
    Decimal('500000.0')
    >>> parse_words("twenty-three").value
    Decimal('23')
    >>> parse_words("a dozen").value
    Decimal('12')
    """
    words = [w for w in _WORD_SPLIT.split(s.casefold()) if w]
    if not words:
        return None
    for i, w in enumerate(words[1:-1], 1):
        # "twenty and three fifths", "one hundred and three quarters": a whole plus a fraction
        if w == "and" and words[-1] in FRACTION_WORDS:
            whole, part = parse_words(" ".join(words[:i])), parse_words(" ".join(words[i + 1:]))
            if whole is not None and part is not None and part.value < 1:
                value = whole.value + part.value
                return Parsed(value, value, value)
    total = Decimal(0)   # completed groups (… million, … thousand)
    group = Decimal(0)   # the group being read
    seen_number = False
    fraction = Decimal(0)
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("and", "a", "an"):
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w in ("a", "an") and not seen_number and nxt in FRACTION_WORDS:
                fraction += 1 / Decimal(FRACTION_WORDS[nxt])
                i += 2
                seen_number = True
                continue
            if w in ("a", "an") and not seen_number and (nxt in SCALES or nxt in ("hundred", "dozen")):
                group = Decimal(1)
            i += 1
            continue
        if w in UNITS_WORDS:
            group += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            group += TENS_WORDS[w]
        elif w == "dozen":
            if fraction and not group:  # "half a dozen"
                group, fraction = fraction * 12, Decimal(0)
            else:
                group = (group or Decimal(1)) * 12
        elif w == "hundred":
            group = (group or Decimal(1)) * 100
        elif w in SCALES and len(w) > 3 and w not in ("lakhs", "crores"):
            if fraction and not group:
                # "half a million": the fraction applies to the scale
                total += fraction * SCALES[w]
                fraction = Decimal(0)
            else:
                total += ((group or Decimal(1)) + fraction) * SCALES[w]
                fraction = Decimal(0)
            group = Decimal(0)
        elif w in FRACTION_WORDS:
            if group and fraction == 0 and words[i - 1] not in ("a", "an", "and"):
                # "two thirds", "three-quarters": numerator × fraction
                fraction = group / FRACTION_WORDS[w]
                group = Decimal(0)
            else:
                fraction += 1 / Decimal(FRACTION_WORDS[w])
        else:
            return None
        seen_number = True
        i += 1
    if not seen_number:
        return None
    value = total + group + fraction
    return Parsed(value, value, value)


def parse_fraction(s: str) -> Parsed | None:
    """Read "1/2", "2½", "3 1/2".

    >>> parse_fraction("2½").value
    Decimal('2.5')
    >>> parse_fraction("3/4").value
    Decimal('0.75')
    """
    s = s.strip()
    if s and s[-1] in UNICODE_FRACTIONS:
        whole = s[:-1].strip()
        value = (Decimal(whole) if whole else Decimal(0)) + UNICODE_FRACTIONS[s[-1]]
        return Parsed(value, value, value)
    m = _FRACTION.fullmatch(s)
    if not m or int(m.group(3)) == 0:
        return None
    value = Decimal(m.group(2)) / Decimal(m.group(3)) + (Decimal(m.group(1)) if m.group(1) else 0)
    return Parsed(value, value, value)

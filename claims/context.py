"""What stands right before a number: a hedge or bound, a currency, a sign.

Read with plain string tests on the lower-cased view instead of a regular expression anchored at
the end of a window: ``re`` would try the whole alternation at every position of the window, and
this runs once per number in the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import QUALIFIER_WORDS
from .units import CURRENCY_WORDS

#: Currency marks that may stand before the digits, longest first ("us$" before "$").
_SYMBOLS = tuple(sorted((w for w in CURRENCY_WORDS if not w.isalpha()), key=len, reverse=True))
#: Currency codes and abbreviations written before the digits ("EUR 63.1 mn", "Rs 500").
_CODES = tuple(sorted({"eur", "usd", "gbp", "jpy", "cny", "inr", "aud", "cad", "chf", "hkd", "sek",
                       "nok", "dkk", "rub", "zar", "brl", "krw", "mxn", "nzd", "sgd", "rs", "rs.", "rmb"},
                      key=len, reverse=True))
_CODE_SET = frozenset(_CODES)
_CODE_SIZES = tuple(sorted({len(c) for c in _CODES}, reverse=True))
_BY_LAST_CHAR: dict[str, tuple[str, ...]] = {}
for _sym in _SYMBOLS:
    _BY_LAST_CHAR[_sym[-1]] = _BY_LAST_CHAR.get(_sym[-1], ()) + (_sym,)
#: The last word of every qualifier phrase: a cheap test before trying phrases.
_LAST_WORDS = frozenset(q.split()[-1] for q in QUALIFIER_WORDS)
#: Bounds written as symbols; their "qualifier text" is the symbol itself.
_SYMBOL_BOUNDS = {"<": "<", ">": ">", "≤": "≤", "≥": "≥"}
_MAX_QUALIFIER_WORDS = max(len(q.split()) for q in QUALIFIER_WORDS)


@dataclass(frozen=True, slots=True)
class Left:
    """The prefix of a number: each part's text and start offset ("" and -1 when absent)."""

    qualifier: str = ""
    qualifier_start: int = -1
    currency: str = ""
    currency_start: int = -1
    sign_start: int = -1

    # Written out, not generated: mypyc compiles this one, where the dataclass's own runs as
    # interpreted Python (about 1.3 µs a record instead of 0.1). object.__setattr__ as in the
    # generated one, since the record is frozen.
    def __init__(self, qualifier: str = "", qualifier_start: int = -1, currency: str = "",
                 currency_start: int = -1, sign_start: int = -1) -> None:
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "qualifier_start", qualifier_start)
        object.__setattr__(self, "currency", currency)
        object.__setattr__(self, "currency_start", currency_start)
        object.__setattr__(self, "sign_start", sign_start)


def read_left(view: str, lower: str, start: int) -> Left:
    """Sign, currency and qualifier before ``start``, innermost first.

    >>> v = "paid more than £50,000"; read_left(v, v.lower(), v.index("5"))
    Left(qualifier='more than', qualifier_start=5, currency='£', currency_start=15, sign_start=-1)
    """
    i = start
    sign = -1
    if i > 0 and view[i - 1] == "-" and (i < 2 or view[i - 2] in " (\n\"'/£$€¥<>=~") and not (
            i >= 3 and view[i - 2] == " " and view[i - 3].isdigit()):  # "75 -300mm" is a range
        sign = i - 1
        i -= 1
    currency, cur_start = _currency_before(lower, i)
    if currency:
        i = cur_start
        if sign < 0 and i > 0 and view[i - 1] == "-" and (i < 2 or view[i - 2] in " (\n\"'"):
            sign = i = i - 1
    elif sign < 0:
        for word in ("minus ", "negative "):
            if lower.endswith(word, max(0, i - len(word)), i):
                sign = i = i - len(word)
                break
    if i > 0 and view[i - 1] in "<>≤≥":  # "<-30", ">700": a bound written as a symbol
        s = i - 2 if i >= 2 and view[i - 2] in "=" else i - 1
        return Left(_SYMBOL_BOUNDS[view[i - 1]], s, view[cur_start:cur_start + len(currency)] if currency else "",
                    cur_start, sign)
    qualifier, q_start = _qualifier_before(view, lower, i)
    return Left(qualifier, q_start, view[cur_start:cur_start + len(currency)] if currency else "",
                cur_start, sign)


def _currency_before(lower: str, i: int) -> tuple[str, int]:
    j = i - 1 if i > 0 and lower[i - 1] == " " else i
    if j == 0:
        return "", -1
    for sym in _BY_LAST_CHAR.get(lower[j - 1], ()):
        if lower.endswith(sym, max(0, j - len(sym)), j):
            s = j - len(sym)
            if sym[0].isalpha() and s > 0 and lower[s - 1].isalpha():
                continue  # "ca$" is not "a$"
            return sym, s
    if j < i and lower[j - 1] in ".bdfklnprswy":  # a code needs the space: "EUR 63.1", "Rs 500"
        for size in _CODE_SIZES:
            s = j - size
            if s >= 0 and lower[s:j] in _CODE_SET and (s == 0 or not lower[s - 1].isalpha()):
                return lower[s:j], s
    return "", -1


def _qualifier_before(view: str, lower: str, i: int) -> tuple[str, int]:
    if i == 0 or lower[i - 1] != " ":
        return "", -1
    k = lower.rfind(" ", max(0, i - 20), i - 1)
    if lower[k + 1:i].strip() not in _LAST_WORDS:
        return "", -1
    lo = max(0, i - 40)
    # The words of the window as str.split cuts them (at the whitespace \s stands for): a list of
    # strings, where a finditer built a match object and a tuple per word.
    words = lower[lo:i].split()
    for n in range(min(_MAX_QUALIFIER_WORDS, len(words)), 0, -1):
        if " ".join(words[-n:]) in QUALIFIER_WORDS:
            s = _start_of_word(lower, lo, i, n)
            if s == 0 or not lower[s - 1].isalnum():
                return view[s:i].rstrip(), s
    return "", -1


def _start_of_word(lower: str, lo: int, i: int, n: int) -> int:
    """Where the ``n``-th word back from ``i`` starts, not before ``lo``."""
    j = i
    for _ in range(n):
        while j > lo and lower[j - 1].isspace():
            j -= 1
        while j > lo and not lower[j - 1].isspace():
            j -= 1
    return j

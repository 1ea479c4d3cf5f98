"""Descriptive statistics in APA prose: "M = 3.47, SD = 1.21, N = 28" → a ``descriptives`` claim.

A *block* is a run of ``key = value`` items with nothing but commas, semicolons, parentheses and
the values' own units between them ("(M = 5.19, SD = 1.07, n = 40)", "M = 3.47 (SD = 1.21); N =
28"). Each block holding a mean becomes one claim with roles ``mean``, ``sd`` and ``n`` (those
present) and attributes read from its sentence: ``items`` ("a 5-item scale"; 1 if not said),
``scale`` ("7-point"), ``binary`` (the sentence calls the variable binary, dichotomous, a
proportion, or coded 0/1) and ``unit`` (the mean carries a unit such as "ms", so it is not a mean
of whole numbers).

A sample size is taken only from the mean's own block: an N stated elsewhere in the sentence may
count a different group, and a wrong N would make the granularity checks cry wolf.

>>> from numcheck.claims import extract
>>> doc = extract("Ratings were high (M = 5.19, SD = 1.07, n = 40).")
>>> c = doc.claims[0]
>>> c.kind, dict(c.roles), c.attributes["items"]
('descriptives', {'mean': 'q1', 'sd': 'q2', 'n': 'q3'}, 1)
>>> [(q.text, str(q.lower), str(q.upper)) for q in doc.quantities]
[('5.19', '5.185', '5.195'), ('1.07', '1.065', '1.075'), ('40', '40', '40')]
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from typing import Iterator

from .ledger import Draft, Ledger, Number, parse, rounding

_ITEM = re.compile(r"""
    (?<![\w.])
    (?P<key> M | Mean | mean | SD | S\.D\. | s\.d\. | sd | N | n )
    \s?=\s?
    (?P<value> -?\s? (?: \d{1,3}(?:,\d{3})+(?:\.\d+)? | \d*\.?\d+ ) )
    (?![\d.]?\d)                                  # the whole number, not a prefix of it
""", re.VERBOSE)
_SEPARATORS = re.compile(r"[\s,;()\[\]]*")
_ROLE = {"M": "mean", "Mean": "mean", "mean": "mean", "N": "n", "n": "n"}
_WHOLE = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_ITEMS = re.compile(r"\b(\d+)[-\s]items?\b", re.IGNORECASE)
_SCALE = re.compile(r"\b\d+[-\s]point\b", re.IGNORECASE)
_BINARY = re.compile(
    r"\b(?:binary|dichotom\w*|proportions?|coded\s+(?:as\s+)?0\s*(?:and|or|/|=)\s*1|yes/no)\b",
    re.IGNORECASE)


def find_descriptives(ledger: Ledger, taken: list[tuple[int, int]]) -> Iterator[Draft]:
    """Draft ``descriptives`` claims for every block with a mean, outside the spans in ``taken``."""
    starts = [s for s, _ in taken]  # in text order: the test results were found left to right
    items = [m for m in _ITEM.finditer(ledger.seg.view) if not _inside(m.start(), starts, taken)]
    for block in _blocks(ledger, items):
        draft = _claim(ledger, block)
        if draft is not None:
            yield draft


def _inside(at: int, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(starts, at) - 1
    return i >= 0 and spans[i][0] <= at < spans[i][1]


def _blocks(ledger: Ledger, items: list[re.Match]) -> list[list[re.Match]]:
    """Group items into blocks: a new block where other words intervene or a role repeats."""
    blocks: list[list[re.Match]] = []
    for m in items:
        current = blocks[-1] if blocks else []
        if current and _joined(ledger, current[-1], m) and _role(m) not in map(_role, current):
            current.append(m)
        else:
            blocks.append([m])
    return blocks


def _joined(ledger: Ledger, before: re.Match, after: re.Match) -> bool:
    """Only separators (and the first value's unit) between two items."""
    _, _, unit_end = _unit(ledger, before)
    return _SEPARATORS.fullmatch(ledger.seg.view, unit_end, after.start()) is not None


def _role(m: re.Match) -> str:
    return _ROLE.get(m.group("key"), "sd")


def _unit(ledger: Ledger, m: re.Match) -> tuple[str, str, int]:
    """(pint unit, word as written, offset after it) of a unit or noun right after the value."""
    q = ledger.covering(*m.span("value"))
    view = ledger.seg.view
    if q is not None and q.unit and q.end > m.end():  # "512ms", "45%": the scanner read a unit
        return q.unit, view[m.end():q.end].strip(), q.end
    if q is not None and q.noun:  # "512 ms", "28 participants": the scanner read a noun
        follows = re.compile(r"\s?" + re.escape(q.noun) + r"\b").match(view, m.end())
        if follows:
            return "", q.noun, follows.end()
    return "", "", m.end()


def _claim(ledger: Ledger, block: list[re.Match]) -> Draft | None:
    roles = {_role(m): m for m in block}
    if "n" in roles and not _WHOLE.fullmatch(roles["n"].group("value")):
        del roles["n"]  # a sample size is a whole number; "n = 2.5" is something else
    if "mean" not in roles:
        return None
    numbers = {role: _number(ledger, m, role) for role, m in roles.items()}
    s0, e0 = block[0].start(), max(_unit(ledger, block[-1])[2], block[-1].end())
    unit_word = _unit(ledger, roles["mean"])[1]  # before the swap replaces the scanner's "5.2 kg"
    new = ledger.swap((s0, e0), list(numbers.values()), [])
    if new is None:
        return None
    sentence = _sentence(ledger, s0)
    items = _ITEMS.search(sentence)
    scale = _SCALE.search(sentence)
    attributes = {
        "items": int(items.group(1)) if items else 1,
        "scale": scale.group(0) if scale else "",
        "binary": bool(_BINARY.search(sentence)),
        "unit": unit_word,
    }
    return "descriptives", s0, e0, dict(zip(numbers, new)), attributes


def _sentence(ledger: Ledger, at: int) -> str:
    for s, e in ledger.seg.sentences:
        if s <= at < e:
            return ledger.seg.view[s:e]
    return ledger.seg.view


def _number(ledger: Ledger, m: re.Match, role: str) -> Number:
    value = parse(m.group("value"))
    start, end = m.span("value")
    unit, word, _ = _unit(ledger, m)
    if role == "n":
        return Number(start, end, value, value, value, "count",
                      precision="a sample size: an exact count", noun=word)
    h = rounding(value)
    lower = max(Decimal(0), value - h) if role == "sd" else value - h  # an SD is never negative
    q = ledger.covering(start, end)
    kind = q.kind if q is not None and unit else "measure"
    return Number(start, end, value, lower, value + h, kind, unit=unit, noun="" if unit else word)

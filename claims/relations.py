"""Find the relations a text asserts between its quantities: one :class:`Claim` per relation.

Each finder reads one sentence (or a sentence and the one before it, for "This would bring …") and
assigns quantities to named roles from the words around them: "to 382 million" is the ``to`` value
of a change, "compared to 602 million" its ``from`` value, "down 35%" its ``stated_change``.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from .gazetteer import CATEGORY_NOUNS, countries_in
from .records import Claim, Quantity
from .segment import Segmented

_UP = r"""ris(?:e|es|ing|en)|rose|increas(?:e|es|ed|ing)|jump(?:s|ed|ing)?|gain(?:s|ed|ing)?|
    gr(?:ow|ows|ew|own|owing|owth)|climb(?:s|ed|ing)?|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|
    boost(?:s|ed|ing)?|rebound(?:s|ed|ing)?|leap(?:s|t|ed|ing)?|swell(?:s|ed|ing)?|
    rais(?:e|es|ed|ing)|higher|hike[sd]?|up"""
_DOWN = r"""fall(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|slump(?:s|ed|ing)?|
    plung(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|cut(?:s|ting)?|loss(?:es)?|lost|los(?:e|es|ing)|
    decreas(?:e|es|ed|ing)|lower|shr(?:ink|inks|ank|unk|inking)|sl(?:id|ide|ides|iding)|
    slip(?:s|ped|ping)?|dip(?:s|ped|ping)?|tumbl(?:e|es|ed|ing)|s(?:ank|ink|inks|inking|unk)|
    reduc(?:e|es|ed|ing|tion)|contract(?:s|ed|ing|ion)|down"""
#: Matched on the lower-cased view (no IGNORECASE: several times faster on a big alternation).
DIRECTION = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.VERBOSE)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|although|though|and\s+(?=\w+\s+(?:rose|fell)))\b|\s-\s")
_FROM_BEFORE = re.compile(r"(?:\bfrom|\bcompared\s+(?:to|with)|\bagainst|\bversus|\bvs\.?|\bon)\s*\(?\Z", re.I)
_TO_BEFORE = re.compile(r"\bto\s*\Z", re.I)
_BY_BEFORE = re.compile(r"\bby\s*\Z", re.I)
_OF_BEFORE = re.compile(rf"\b(?:{_UP}|{_DOWN})\s+of\s*\Z", re.I | re.VERBOSE)
_DIRECTION_BEFORE = re.compile(rf"\b(?:{_UP}|{_DOWN})(?:\s+\w+ly)?\s*\Z", re.I | re.VERBOSE)
_DIRECTION_AFTER = re.compile(rf"\s*(?:-\s*)?(?:{_UP}|{_DOWN})\b", re.I | re.VERBOSE)
_TOTAL_BEFORE = re.compile(
    r"""\b(?:bring|brings|bringing|brought|take|takes|taking|took|taken|push|pushes|pushing|
        pushed|lift|lifts|lifting|lifted|rais(?:e|es|ed|ing))
        (?:\s+(?:the|its|their|our)\s+(?:\w+\s+){0,6}?)?\s+to\s*\Z""",
    re.I | re.VERBOSE,
)
_TOTAL_WORD = re.compile(r"\b(?:total|tally|overall|altogether|in\s+all|number)\b")
_ANAPHOR = re.compile(r"\s*[\"']?(?:this|that|it|which|these|they)\b", re.I)
_CHANGE_ROLE_KINDS = frozenset({"count", "money", "percent", "percentage_point", "data_size",
                                 "measure", "rate"})


def find_claims(seg: Segmented, quantities: list[Quantity]) -> list[Claim]:
    """Every claim in the document, in text order, numbered ``c1``, ``c2`` …"""
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    drafts: list[tuple[int, Callable[[str, int], Claim]]] = []
    for finder in (_changes, _increments, _enumerations):
        drafts.extend(finder(seg, by_sentence))
    drafts.sort(key=lambda d: d[0])
    return [make(f"c{i}", i) for i, (_, make) in enumerate(drafts, 1)]


def _claim(seg: Segmented, kind: str, roles: dict[str, Quantity], sentence: int,
           start: int | None = None, end: int | None = None, **attributes
           ) -> tuple[int, Callable[[str, int], Claim]]:
    qs = sorted(roles.values(), key=lambda q: q.start)
    s = min([q.start for q in qs] + ([start] if start is not None else []))
    e = max([q.end for q in qs] + ([end] if end is not None else []))

    def make(cid: str, _n: int) -> Claim:
        return Claim(cid, kind, seg.text[s:e], s, e, seg.line_of(s), tuple(q.id for q in qs),
                     {role: q.id for role, q in roles.items()}, dict(attributes), sentence)
    return s, make


def _left(seg: Segmented, q: Quantity, lo: int) -> str:
    """Text before ``q`` back to offset ``lo``, without the quantity's own qualifier."""
    left = seg.view[lo:q.start].rstrip()
    if q.qualifier_text and left.lower().endswith(q.qualifier_text.lower()):
        left = left[:-len(q.qualifier_text)]
    return left.rstrip() + " "


def _clauses(seg: Segmented, start: int, end: int) -> Iterable[tuple[int, int]]:
    s = start
    for m in _CLAUSE_BREAK.finditer(seg.view, start, end):
        yield s, m.start()
        s = m.end()
    yield s, end


# --- change: "down 35% to 382 million files compared to 602 million" ------------------------

def _changes(seg: Segmented, by_sentence: dict[int, list[Quantity]]):
    for idx, qs in by_sentence.items():
        s0, e0 = seg.sentences[idx]
        for cs, ce in _clauses(seg, s0, e0):
            in_clause = [q for q in qs if cs <= q.start < ce and q.kind in _CHANGE_ROLE_KINDS]
            directions = list(DIRECTION.finditer(seg.lower, cs, ce))
            if not in_clause or not directions:
                continue
            roles: dict[str, Quantity] = {}
            prev_end = cs
            for q in in_clause:
                left = _left(seg, q, prev_end)
                prev_end = q.end
                role = _change_role(seg, q, left)
                if role and role not in roles:
                    roles[role] = q
            if "from" in roles and "to" in roles and not _comparable(roles["from"], roles["to"]):
                continue
            change = roles.get("stated_change")
            if not (("from" in roles and "to" in roles) or
                    (change is not None and change.kind in ("percent", "percentage_point"))):
                continue
            anchor = change or roles.get("to") or roles["from"]
            direction = _nearest_direction(directions, anchor.start)
            if direction is None:
                continue
            yield _claim(seg, "change", roles, idx, start=direction.start(), direction=(
                "up" if direction.group("up") else "down"), direction_word=direction.group(0))


def _change_role(seg: Segmented, q: Quantity, left: str) -> str | None:
    if _FROM_BEFORE.search(left):
        return "from"
    if _TO_BEFORE.search(left) and not re.search(r"\bup\s+to\s*\Z", left, re.I):
        return "to"
    if _BY_BEFORE.search(left) or _OF_BEFORE.search(left):
        return "stated_change"
    if q.kind in ("percent", "percentage_point") and (
            _DIRECTION_BEFORE.search(left) or _DIRECTION_AFTER.match(seg.view, q.end)):
        return "stated_change"
    return None


def _comparable(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and a.unit == b.unit


def _nearest_direction(directions: list[re.Match], at: int) -> re.Match | None:
    usable = [d for d in directions if d.group(0).lower() not in ("up", "down") or
              re.match(r"\s*(?:by\s+|from\s+|to\s+)?[\d£$€¥(-]", d.string[d.end():d.end() + 12])]
    if not usable:
        return None
    return min(usable, key=lambda d: abs(d.start() - at))


# --- increment: "suing 33 … This would bring to 90 the total" --------------------------------

def _increments(seg: Segmented, by_sentence: dict[int, list[Quantity]]):
    for idx, qs in by_sentence.items():
        s0, e0 = seg.sentences[idx]
        if not _TOTAL_WORD.search(seg.lower, s0, e0):
            continue
        for i, q in enumerate(qs):
            if q.kind != "count" or not _TOTAL_BEFORE.search(seg.lower, max(s0, q.start - 80), q.start):
                continue
            added = next((p for p in reversed(qs[:i]) if p.kind == "count"), None)
            if added is None and _ANAPHOR.match(seg.view, s0) and idx - 1 in by_sentence:
                added = next((p for p in reversed(by_sentence[idx - 1]) if p.kind == "count"), None)
            if added is not None:
                yield _claim(seg, "increment", {"added": added, "total": q}, idx)


# --- enumeration: "in 11 countries" against the countries the text names --------------------

def _enumerations(seg: Segmented, by_sentence: dict[int, list[Quantity]]):
    for idx, qs in by_sentence.items():
        for q in qs:
            category = CATEGORY_NOUNS.get(q.noun)
            if q.kind != "count" or category is None or q.qualifier != "exact":
                continue
            best: tuple[int, int, list[str]] = (0, 0, [])
            for j in range(max(0, idx - 1), min(len(seg.sentences), idx + 5)):
                s, e = seg.sentences[j]
                items = countries_in(seg.view, s, e)
                if len(items) > len(best[2]):
                    best = (s, e, items)
            items = best[2] if len(best[2]) >= 2 else []
            yield _claim(seg, "enumeration", {"count": q}, idx, category=category, items=items,
                         list_start=best[0] if items else None, list_end=best[1] if items else None)

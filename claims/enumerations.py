"""Enumerations: a stated count of things against the things the text names.

"targeting 963 individuals in 11 countries" is compared with the countries the article names for
them (a gazetteer); "two topsites called XXS and Z" with the capitalised names of a list that
follows "called", "named", "namely" or a colon (exhaustive) or "including", "such as" (partial).
"""

from __future__ import annotations

import re
from typing import Iterable

from .drafts import BySentence, Draft, draft
from .gazetteer import CATEGORY_NOUNS, countries_in
from .segment import Segmented

_WORD = r"[A-Z][\w&'-]*(?:\.[\w&'-]+)*"  # "St.Helens" keeps its dot; a full stop ends the name
_NAME = rf"(?:the\s+)?{_WORD}(?:\s+(?:{_WORD}|of))*"
#: A list of names: "XXS and Z", "France, Spain and Italy", "Arsenal, Chelsea, and Everton".
_LIST = re.compile(rf"(?P<items>{_NAME}(?:\s*,\s*{_NAME})*,?\s+(?:and|or)\s+{_NAME})")
_INTRO = re.compile(r"""\A(?P<phrase>(?:\s+[a-z][a-z-]*){0,3})\s*(?:,\s*|\(\s*|\s-\s*)?
    (?:(?P<exhaustive>called|named|namely|dubbed|known\s+as|:)|(?P<partial>including|such\s+as|among\s+them))\s*\Z""",
    re.VERBOSE)
#: Apposition: "their two countries, Hong Kong and China" — the list right after the noun and a comma.
_APPOSITION = re.compile(r"\A(?:\s+[a-z][a-z-]*){0,3}\s*(?:,|:|\s-)\s*\Z")
_MAX_LISTED = 30


def find_enumerations(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    """Enumeration claims: a count with a category noun, and the list of names it counts."""
    for idx, qs in by_sentence.items():
        for q in qs:
            if q.kind != "count" or q.qualifier != "exact" or not q.noun or not 2 <= q.value <= _MAX_LISTED:
                continue
            category = CATEGORY_NOUNS.get(q.noun)
            if category:
                yield _countries(seg, idx, q, category)
                continue
            if not q.noun.endswith("s"):
                continue  # "one hip-hop", "two just": not a counted plural noun
            listed = _named_list(seg, idx, q)
            if listed is not None:
                items, partial, start, end = listed
                yield draft("enumeration", {"count": q}, idx, category=q.noun, items=items,
                            exhaustive=not partial, same_sentence=True, list_start=start, list_end=end)


def _countries(seg: Segmented, idx: int, q, category: str) -> Draft:
    """The countries named with the count: in its own sentence, or in the longest list of the next
    few ("in 11 countries. … The defendants, from Austria, Denmark, …"). A list in another sentence
    may be about something else, so it can confirm the count but never contradict it."""
    listed = _named_list(seg, idx, q, apposition=True)
    if listed is not None:
        names, partial, s, e = listed
        items = countries_in(", ".join(names))
        if len(items) >= 2:
            return draft("enumeration", {"count": q}, idx, category=category, items=items,
                         exhaustive=not partial, same_sentence=True, list_start=s, list_end=e)
    best: tuple[int, int, list[str]] = (0, 0, [])
    for j in range(idx + 1, min(len(seg.sentences), idx + 4)):
        s, e = seg.sentences[j]
        items = countries_in(seg.view, s, e)
        if len(items) > len(best[2]):
            best = (s, e, items)
    items = best[2] if len(best[2]) >= 2 else []
    nearby = False
    return draft("enumeration", {"count": q}, idx, category=category, items=items, exhaustive=False,
                 same_sentence=nearby, list_start=best[0] if items else None,
                 list_end=best[1] if items else None)


def _named_list(seg: Segmented, idx: int, q, apposition: bool = False
                ) -> tuple[list[str], bool, int, int] | None:
    """The names listed right after the count's own noun phrase ("two servers, called XXS and Z";
    "three countries: France, Spain and Italy"), and whether the list may be partial."""
    _, e = seg.sentences[idx]
    for m in _LIST.finditer(seg.view, q.end, e):
        gap = seg.view[q.end:m.start()]
        intro = _INTRO.match(gap)
        if intro is None and not (apposition and _APPOSITION.match(gap)):
            return None  # the first list after the count belongs to it or to nothing
        items = [re.sub(r"^the\s+", "", part.strip())
                 for part in re.split(r"\s*,\s*|\s+(?:and|or)\s+", m.group("items"))]
        return [i for i in items if i], bool(intro and intro.group("partial")), m.start(), m.end()
    return None

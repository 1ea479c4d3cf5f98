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
_INTRO = re.compile(r"(?:\b(?:called|named|namely|dubbed|known\s+as|(?P<partial>including|such\s+as|among\s+them))|:)\s*\Z")
_MAX_LISTED = 30


def find_enumerations(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    """Enumeration claims: a count with a category noun, and the list of names it counts."""
    for idx, qs in by_sentence.items():
        for q in qs:
            if q.kind != "count" or q.qualifier != "exact" or not q.noun or q.value > _MAX_LISTED:
                continue
            category = CATEGORY_NOUNS.get(q.noun)
            if category:
                yield _countries(seg, idx, q, category)
                continue
            listed = _named_list(seg, idx, q)
            if listed is not None:
                items, partial, start, end = listed
                yield draft("enumeration", {"count": q}, idx, category=q.noun, items=items,
                            exhaustive=not partial, list_start=start, list_end=end)


def _countries(seg: Segmented, idx: int, q, category: str) -> Draft:
    best: tuple[int, int, list[str]] = (0, 0, [])
    for j in range(max(0, idx - 1), min(len(seg.sentences), idx + 5)):
        s, e = seg.sentences[j]
        items = countries_in(seg.view, s, e)
        if len(items) > len(best[2]):
            best = (s, e, items)
    items = best[2] if len(best[2]) >= 2 else []
    return draft("enumeration", {"count": q}, idx, category=category, items=items, exhaustive=False,
                 list_start=best[0] if items else None, list_end=best[1] if items else None)


def _named_list(seg: Segmented, idx: int, q) -> tuple[list[str], bool, int, int] | None:
    """The names listed after the count in its sentence, if an introducing word says they are its items."""
    s, e = seg.sentences[idx]
    for m in _LIST.finditer(seg.view, q.end, e):
        intro = _INTRO.search(seg.view, q.end, m.start())
        if intro is None or intro.end() != m.start() and seg.view[intro.end():m.start()].strip():
            continue
        items = [re.sub(r"^the\s+", "", part.strip()) for part in re.split(r"\s*,\s*|\s+(?:and|or)\s+", m.group("items"))]
        items = [i for i in items if i]
        return items, bool(intro.group("partial")), m.start(), m.end()
    return None

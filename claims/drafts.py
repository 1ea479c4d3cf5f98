"""What every claim finder shares: the draft record, and reading the words around a quantity."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .records import Quantity
from .segment import Segmented

#: Quantities of a sentence, by sentence index.
BySentence = dict[int, list[Quantity]]


@dataclass(slots=True)
class Draft:
    """A claim before numbering: kind, roles, and the stretch of text it spans."""

    kind: str
    roles: dict[str, Quantity]
    sentence: int
    start: int
    end: int
    attributes: dict[str, Any] = field(default_factory=dict)


Finder = Callable[[Segmented, BySentence], Iterable[Draft]]


def draft(kind: str, roles: dict[str, Quantity], sentence: int, start: int | None = None,
          end: int | None = None, **attributes: Any) -> Draft:
    """A draft spanning its quantities (and ``start``/``end`` when a word outside them belongs)."""
    qs = list(roles.values())
    s = min([q.start for q in qs] + ([start] if start is not None else []))
    e = max([q.end for q in qs] + ([end] if end is not None else []))
    return Draft(kind, roles, sentence, s, e, attributes)


#: How far back :func:`left_of` reads. The patterns run on it are anchored at its end and reach a
#: few words back; a longer left text only makes ``re`` try them at more offsets.
_LEFT_REACH = 100


def left_of(seg: Segmented, q: Quantity, lo: int) -> str:
    """Lower-cased text before ``q`` back to ``lo`` (at most :data:`_LEFT_REACH` characters), without
    the quantity's own qualifier, ending in one space."""
    left = seg.lower[max(lo, q.start - _LEFT_REACH):q.start].rstrip()
    if q.qualifier_text and left.endswith(q.qualifier_text.lower()):
        left = left[:-len(q.qualifier_text)]
    return left.rstrip() + " "


_CLAUSE_BREAK = re.compile(
    r""";|\s-\s|,\s+(?:and|while|whereas|but|although|though|however)\b|\s(?:while|whereas)\s""")


def clauses(seg: Segmented, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Spans of the clauses of a sentence, cut at semicolons, dashes and contrastive conjunctions."""
    s = start
    for m in _CLAUSE_BREAK.finditer(seg.lower, start, end):
        yield s, m.start()
        s = m.end()
    yield s, end


def comparable(a: Quantity, b: Quantity) -> bool:
    """Two quantities of the same kind and unit, so one can be the other's from or to."""
    return a.kind == b.kind and a.unit == b.unit

"""Find the relations a text asserts between its quantities: one :class:`Claim` per relation.

Each family of relations has its own finder module; this one runs them in order and numbers the
claims ``c1``, ``c2`` … in text order.
"""

from __future__ import annotations

from . import make
from .aggregates import find_aggregates
from .changes import find_changes
from .drafts import BySentence, Finder
from .enumerations import find_enumerations
from .equivalences import find_equivalences
from .records import Claim, Quantity
from .repeats import find_repeats
from .segment import Segmented

#: The claim finders, in the order their claims are listed when two start at the same offset.
FINDERS: tuple[Finder, ...] = (find_changes, find_aggregates, find_equivalences, find_enumerations,
                               find_repeats)


def find_claims(seg: Segmented, quantities: list[Quantity]) -> list[Claim]:
    """Every claim in the document, in text order, numbered ``c1``, ``c2`` …"""
    by_sentence: BySentence = {}
    for q in quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    drafts = [d for finder in FINDERS for d in finder(seg, by_sentence)]
    drafts.sort(key=lambda d: d.start)
    return [
        make.claim(f"c{i}", d.kind, seg.text[d.start:d.end], d.start, d.end, seg.line_of(d.start),
              tuple(q.id for q in sorted(d.roles.values(), key=lambda q: q.start)),
              {role: q.id for role, q in d.roles.items()}, d.attributes, d.sentence)
        for i, d in enumerate(drafts, 1)
    ]

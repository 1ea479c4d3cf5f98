"""Stage 1: text → records. Segment the text, find every quantity, find the claims between them.

>>> doc = extract("Sales fell 10% to £9m from £10m.", "example.txt")
>>> [q.text for q in doc.quantities]
['10%', '£9m', '£10m']
>>> doc.claims[0].roles
{'stated_change': 'q1', 'to': 'q2', 'from': 'q3'}
"""

from __future__ import annotations

from decimal import Decimal

from .records import (
    Claim, Classified, Document, Interval, Note, Quantity, Result,
)

#: How far "approximately" and its kin widen a figure, relative to it.
DEFAULT_HEDGE_TOLERANCE = Decimal("0.05")

__all__ = [
    "Claim", "Classified", "Document", "Interval", "Note", "Quantity", "Result",
    "DEFAULT_HEDGE_TOLERANCE", "extract", "build",
]


def extract(text: str, path: str = "<text>", notes: tuple[Note, ...] = (),
            hedge_tolerance: Decimal = DEFAULT_HEDGE_TOLERANCE) -> Document:
    """Read ``text`` into a :class:`Document` of quantities, classified tokens, claims and notes."""
    segment, scan, find_statistics, number_claims, find_claims = _STAGES or _load_stages()
    seg = segment(text)
    quantities, classified = scan(seg, hedge_tolerance)
    # Reported tests and descriptives re-type the scanner's generic numbers first, so the
    # relation finders see them for what they are; all claims are then numbered in text order.
    quantities, classified, statistics = find_statistics(seg, quantities, classified)
    claims = number_claims(find_claims(seg, quantities), statistics)
    return Document(path=path, text=text, quantities=tuple(quantities),
                    classified=tuple(classified), claims=tuple(claims),
                    notes=tuple(notes) + seg.notes, sentences=seg.sentences)


_STAGES: tuple | None = None


def _load_stages() -> tuple:
    """The stages, imported on first use, not at the top: they load pint and the lexicons (about
    0.6 s), and importing the records alone (the pytest plugin at every pytest start, a report
    reader) should not. Kept after that: four imports per document cost more than a short text."""
    global _STAGES
    from .quantities import scan
    from .relations import find_claims
    from .segment import segment
    from .statistics import find_statistics, number_claims

    _STAGES = (segment, scan, find_statistics, number_claims, find_claims)
    return _STAGES


def build() -> str:
    """How this installation runs stage 1: "compiled (mypyc, N modules of claims/)" for a wheel
    built with mypyc (see setup.py), "pure Python" for an editable or pure install.

    Looks the modules up without importing them, so asking costs no pint or lexicon load.
    """
    import importlib.util
    import pkgutil

    compiled = [m.name for m in pkgutil.iter_modules(__path__)
                if (spec := importlib.util.find_spec(f"{__name__}.{m.name}")) is not None
                and spec.origin is not None and not spec.origin.endswith(".py")]
    return f"compiled (mypyc, {len(compiled)} modules of claims/)" if compiled else "pure Python"

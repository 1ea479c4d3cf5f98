"""The JSON contract, version 1: every record of every document, and a summary.

Later versions may add fields; none is ever renamed or removed. Numbers are JSON numbers (``null``
for an open interval bound); a stated or computed change is signed, a drop negative.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from typing import Any, Sequence

from ..claims.records import Classified, Claim, Document, Interval, Note, Quantity, Result
from .locate import Locator
from .render import Options

VERSION = 1


def number(x: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when integral, else a float to 6 decimals."""
    if x is None:
        return None
    if x == x.to_integral_value():
        return int(x)
    return round(float(x), 6)


def quantity(q: Quantity, loc: Locator | None = None) -> dict[str, Any]:
    """A quantity; with ``loc``, also its 1-based ``column`` (added in v1, after ``precision``)."""
    out = {"id": q.id, "text": q.text, "start": q.start, "end": q.end, "line": q.line,
           "value": number(q.value), "lower": number(q.lower), "upper": number(q.upper),
           "unit": q.unit, "kind": q.kind, "qualifier": q.qualifier,
           "qualifier_text": q.qualifier_text, "noun": q.noun, "precision": q.precision}
    if loc is not None:
        out["column"] = loc.position(q.start)[1]
    return out


def classified(c: Classified) -> dict[str, Any]:
    return {"text": c.text, "start": c.start, "end": c.end, "line": c.line,
            "category": c.category, "reason": c.reason}


def claim(c: Claim, loc: Locator | None = None) -> dict[str, Any]:
    out = {"id": c.id, "kind": c.kind, "text": c.text, "start": c.start, "end": c.end,
           "line": c.line, "quantity_ids": list(c.quantity_ids), "roles": dict(c.roles),
           "attributes": dict(c.attributes)}
    if loc is not None:
        out["column"] = loc.position(c.start)[1]
    return out


def interval(i: Interval | None) -> dict[str, Any] | None:
    if i is None:
        return None
    return {"value": number(i.value), "lower": number(i.lower), "upper": number(i.upper), "unit": i.unit}


def result(r: Result, loc: Locator | None = None) -> dict[str, Any]:
    """A result; with ``loc``, also ``column``, ``end_line`` and ``end_column`` (exclusive)."""
    out = {"id": r.id, "code": r.code, "check": r.check, "verdict": r.verdict,
           "severity": r.severity, "claim_ids": list(r.claim_ids), "message": r.message,
           "stated": interval(r.stated), "computed": interval(r.computed),
           "start": r.start, "end": r.end, "line": r.line, "edge": r.edge}
    if loc is not None:
        out["column"] = loc.position(r.start)[1]
        out["end_line"], out["end_column"] = loc.end_position(r.start, r.end)
    return out


def note(n: Note) -> dict[str, Any]:
    return {"kind": n.kind, "message": n.message, "start": n.start, "end": n.end}


def document(d: Document) -> dict[str, Any]:
    loc = Locator(d.text)
    return {"path": d.path, "error": d.error,
            "quantities": [quantity(q, loc) for q in d.quantities],
            "claims": [claim(c, loc) for c in d.claims],
            "results": [result(r, loc) for r in d.results],
            "notes": [note(n) for n in d.notes],
            "classified": [classified(c) for c in d.classified]}


def summary(docs: Sequence[Document]) -> dict[str, int]:
    """Counts over the batch: documents, quantities, claims and results per verdict."""
    verdicts = Counter(r.verdict for d in docs for r in d.results)
    return {"documents": len(docs),
            "quantities": sum(len(d.quantities) for d in docs),
            "claims": sum(len(d.claims) for d in docs),
            "consistent": verdicts["consistent"],
            "inconsistent": verdicts["inconsistent"],
            "unverifiable": verdicts["unverifiable"],
            "errors": sum(1 for d in docs if d.error),
            "suppressed": sum(n.kind == "suppressed" for d in docs for n in d.notes)}


def to_dict(docs: Sequence[Document]) -> dict[str, Any]:
    return {"version": VERSION, "documents": [document(d) for d in docs], "summary": summary(docs)}


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    return json.dumps(to_dict(docs), ensure_ascii=False, indent=2) + "\n"

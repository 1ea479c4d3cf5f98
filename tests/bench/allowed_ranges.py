"""The range of magnitudes one figure of a claim may take, given the claim's other figures.

Plain interval arithmetic on the quantities' intervals, written for the perturbation harness and
independent of the checks: NC101 to = from × (1 + S/100), NC102 to = from + S, NC103 to = from ×
F, NC105 share = part / whole × 100, NC106 earlier + added = total and Σ parts = total, NC107
average = total / count. Magnitudes are non-negative; an open side is ``INF``.

>>> from numcheck.checks import check_text
>>> doc = check_text("Pre-tax profits rose 12% to £3.4bn from £3.0bn.")
>>> [r.verdict for r in doc.results]
['consistent']
>>> lo, hi = allowed(doc.results[0], doc.claims[0], "stated_change", {q.id: q for q in doc.quantities})
>>> f"{lo:.2f} to {hi:.2f}"
'9.84 to 16.95'
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Callable

from numcheck.claims.records import Claim, Quantity, Result

INF = Decimal("Infinity")
Span = tuple[Decimal, Decimal]
"""A closed range of non-negative magnitudes; the upper bound may be ``INF``."""


def _q(q: Quantity) -> Span:
    return (q.lower if q.lower is not None else Decimal(0), q.upper if q.upper is not None else INF)


def _signed(r: Result) -> Span:
    """The stated interval of the result (signed for changes; open sides infinite)."""
    assert r.stated is not None
    return (r.stated.lower if r.stated.lower is not None else -INF,
            r.stated.upper if r.stated.upper is not None else INF)


def _times(x: Decimal, y: Decimal) -> Decimal:
    return Decimal(0) if 0 in (x, y) else x * y  # 0 × ∞ is 0 here: a zero bound stays zero


def _mul(a: Span, b: Span) -> Span:
    return (_times(a[0], b[0]), _times(a[1], b[1]))


def _div(a: Span, b: Span) -> Span:
    return (Decimal(0) if b[1] == INF else a[0] / b[1], INF if b[0] == 0 else a[1] / b[0])


def _add(a: Span, b: Span) -> Span:
    return (a[0] + b[0], a[1] + b[1])


def _sub(a: Span, b: Span) -> Span:
    """a − b over the ranges."""
    return (a[0] - b[1], a[1] - b[0])


def _sum(spans: list[Span]) -> Span:
    return (sum((s[0] for s in spans), Decimal(0)), sum((s[1] for s in spans), Decimal(0)))


def _magnitude(s: Span, direction: str) -> Span:
    """The magnitudes a signed change may state, given its direction word."""
    return (-s[1], -s[0]) if direction == "down" else s


def _change(r: Result, claim: Claim, q: dict[str, Span], role: str) -> Span:
    """NC101: to = from × (1 + S/100); NC102: to = from + S; S the signed stated change."""
    s, direction = _signed(r), claim.attributes.get("direction", "up")
    if r.code == "NC101":
        growth = (max(1 + s[0] / 100, Decimal(0)), 1 + s[1] / 100)
        if role == "stated_change":
            return _magnitude(((q["to"][0] / q["from"][1] - 1) * 100, (q["to"][1] / q["from"][0] - 1) * 100),
                              direction)
        return _mul(q["from"], growth) if role == "to" else _div(q["to"], growth)
    if role == "stated_change":
        return _magnitude(_sub(q["to"], q["from"]), direction)
    return _add(q["from"], s) if role == "to" else _sub(q["to"], s)


def _multiple(r: Result, claim: Claim, q: dict[str, Span], role: str) -> Span:
    """NC103: to = from × F, F the multiple's word as an interval ("doubled": 1.9 to 2.1)."""
    if role == "factor":  # "a 3-fold rise": the figure in the word
        return _div(q["to"], q["from"])
    return _mul(q["from"], _signed(r)) if role == "to" else _div(q["to"], _signed(r))


def _share(r: Result, claim: Claim, q: dict[str, Span], role: str) -> Span:
    """NC105: share = part / whole × 100."""
    hundred = (Decimal(100), Decimal(100))
    return {"share": lambda: _mul(_div(q["part"], q["whole"]), hundred),
            "part": lambda: _div(_mul(q["whole"], q["share"]), hundred),
            "whole": lambda: _div(_mul(q["part"], hundred), q["share"])}[role]()


def _total(r: Result, claim: Claim, q: dict[str, Span], role: str) -> Span:
    """NC106: earlier + added = total; or parts that sum to the total (fit within it after "including")."""
    if claim.kind == "increment":
        return {"earlier": lambda: _sub(q["total"], q["added"]), "added": lambda: _sub(q["total"], q["earlier"]),
                "total": lambda: _add(q["earlier"], q["added"])}[role]()
    exhaustive = claim.attributes.get("exhaustive", True)
    if role == "total":
        parts = _sum([q[k] for k in q if k.startswith("part")])
        return parts if exhaustive else (parts[0], INF)
    rest = _sum([q[k] for k in q if k.startswith("part") and k != role])
    return _sub(q["total"], rest) if exhaustive else (Decimal(0), q["total"][1] - rest[0])


def _average(r: Result, claim: Claim, q: dict[str, Span], role: str) -> Span:
    """NC107: average = total / count."""
    return {"average": lambda: _div(q["total"], q["count"]), "total": lambda: _mul(q["average"], q["count"]),
            "count": lambda: _div(q["total"], q["average"])}[role]()


Relation = Callable[[Result, Claim, dict[str, Span], str], Span]
#: Check → the range its claim's other figures allow one figure (by role), and the roles it relates.
RELATIONS: dict[str, tuple[Relation, tuple[str, ...]]] = {
    "NC101": (_change, ("stated_change", "from", "to")), "NC102": (_change, ("stated_change", "from", "to")),
    "NC103": (_multiple, ("from", "to", "factor")), "NC105": (_share, ("share", "part", "whole")),
    "NC106": (_total, ("earlier", "added", "total", "part")), "NC107": (_average, ("average", "total", "count")),
}


def allowed(result: Result, claim: Claim, role: str, quantities: dict[str, Quantity]) -> Span | None:
    """The magnitudes ``role`` may take given the claim's other figures; ``None`` if not computable."""
    relation, roles = RELATIONS.get(result.code, (None, ()))
    if relation is None or role.rstrip("0123456789") not in roles:
        return None
    if any(quantities[qid].value < 0 for qid in claim.roles.values()):
        return None
    share = quantities.get(claim.roles.get("share", ""))
    if result.code == "NC105" and (share is None or share.kind != "percent"):
        return None  # "one in five": a ratio, not a percentage
    spans = {r: _q(quantities[qid]) for r, qid in claim.roles.items()}
    try:
        lo, hi = relation(result, claim, spans, role)
    except (InvalidOperation, ZeroDivisionError, KeyError):  # a role missing, or an open divisor
        return None
    return (max(lo, Decimal(0)), hi)

"""Measure how well ``numcheck.claims.extract`` agrees with the Recognizers-Text tables.

    python tests/extraction/recognizers/agreement.py [MODEL ...]

prints the agreement per model and overall, then every miss grouped by cause.

A row is *found* when every ``[value, unit]`` pair it expects is matched by a quantity that
overlaps the row's span (``start``–``end``) and

- has the value, compared numerically (the spec rounds repeating fractions to 15 digits, so equal
  within a relative 1e-12); and
- when the row gives a unit: has that unit and the row's kind; or is a *rate* of that unit
  ("$4bn a year" is ``USD / year`` to numcheck, the spec has no rates); or has a unit the shared
  pint registry converts to the expected one with the same value ("two decades" = 20 years).
"""

from __future__ import annotations

import functools
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from numcheck.claims import Document, Quantity, extract
from numcheck.claims.units import registry

TABLES = Path(__file__).resolve().parent / "tables"
#: The models the requirement names (Percent, Number, NumberRange, Currency, Dimension, Duration);
#: Duration has two spec files, the parser's (with values) and the extractor's.
REQUIRED = ("Percent", "Number", "NumberRange", "Currency", "Dimension", "Duration", "DurationExtractor")
#: The agreement the requirement asks of each required model.
TARGET = 0.95
_REL = Decimal("1e-12")


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one in-scope row fared."""

    row: dict
    found: bool
    cause: str = ""
    """Coarse cause of a miss, for grouping ("not read: classified as ordinal", "unit GBP read as USD")."""
    detail: str = ""
    """What numcheck produced at the row's span."""


def load_tables(models: tuple[str, ...] | None = None) -> dict[str, list[dict]]:
    """Model → rows, for every table (or the named ones), in file-name order."""
    tables = {}
    for path in sorted(TABLES.glob("*.json")):
        if models is None or path.stem in models:
            tables[path.stem] = json.loads(path.read_text(encoding="utf-8"))["rows"]
    return tables


@functools.lru_cache(maxsize=None)
def document(text: str) -> Document:
    """numcheck's reading of one spec input (cached: several rows share an input)."""
    return extract(text, "<recognizers>")


def _close(a: Decimal, b: Decimal) -> bool:
    return a == b or abs(a - b) <= abs(b) * _REL


def _converts(q: Quantity, value: Decimal, unit: str) -> bool:
    """Whether ``q`` is ``value`` ``unit`` in another unit of the same dimension."""
    ureg = registry()
    try:
        ours = ureg.Quantity(float(q.value), q.unit)
        dims = ureg.Unit(unit).dimensionality
        if not dims or ours.dimensionality != dims:  # dimensionless units (percent, bit) never convert
            return False
        # pint converts in floats: equal within a relative 1e-9
        return abs(ours.to(unit).magnitude - float(value)) <= 1e-9 * max(1.0, abs(float(value)))
    except Exception:  # pint raises many types for units it does not know (e.g. "BTC")
        return False


def unit_agrees(q: Quantity, unit: str | None, kind: str | None) -> bool:
    """Whether ``q`` carries the expected unit (and kind), as the module docstring defines."""
    if unit is None:
        return True
    if q.unit == unit:
        return kind is None or q.kind == kind
    return q.kind == "rate" and q.unit.startswith(unit + " / ")


def matches(q: Quantity, value: Decimal, unit: str | None, kind: str | None) -> bool:
    """Whether quantity ``q`` is the expected value in the expected unit."""
    if unit_agrees(q, unit, kind):
        return _close(q.value, value)
    return bool(q.unit) and unit is not None and _converts(q, value, unit)


def _overlapping(doc: Document, row: dict) -> list[Quantity]:
    return [q for q in doc.quantities if q.start < row["end"] and q.end > row["start"]]


def evaluate(row: dict) -> Outcome:
    """Whether numcheck finds every pair the row expects; if not, the first miss's cause."""
    doc = document(row["input"])
    near = _overlapping(doc, row)
    for raw, unit in row["expect"]:
        value = Decimal(raw)
        if any(matches(q, value, unit, row["kind"]) for q in near):
            continue
        return _miss(doc, row, near, value, unit)
    return Outcome(row, True)


def _miss(doc: Document, row: dict, near: list[Quantity], value: Decimal, unit: str | None) -> Outcome:
    got = "; ".join(f"{q.text!r}={q.value} {q.unit or '-'} ({q.kind})" for q in near)
    same_value = [q for q in near if _close(q.value, value)]
    if same_value:
        q = same_value[0]
        return Outcome(row, False, f"unit {unit} read as {q.unit or 'count'} ({q.kind})", got)
    if near:
        return Outcome(row, False, "value differs", got)
    classes = [c for c in doc.classified if c.start < row["end"] and c.end > row["start"]]
    if classes:
        c = classes[0]
        return Outcome(row, False, f"not read: classified as {c.category}",
                       f"{c.text!r}: {c.category} ({c.reason})")
    return Outcome(row, False, "not read: no number found", "")


def measure(tables: dict[str, list[dict]]) -> dict[str, list[Outcome]]:
    """Model → the outcome of every in-scope row."""
    return {m: [evaluate(r) for r in rows if r["scope"] == "in"] for m, rows in tables.items()}


def agreement(outcomes: list[Outcome]) -> float:
    """Share of rows found (1.0 for a model with no in-scope rows)."""
    return sum(o.found for o in outcomes) / len(outcomes) if outcomes else 1.0


_LOWER, _UPPER = frozenset({"more_than", "at_least"}), frozenset({"less_than", "at_most"})


def bound_read(row: dict) -> str:
    """numcheck's qualifier on the quantity that matched a one-sided range row ("" if none did)."""
    value = Decimal(row["expect"][0][0])
    for q in _overlapping(document(row["input"]), row):
        if matches(q, value, None, None):
            return q.qualifier
    return ""


def bound_outcomes(results: dict[str, list[Outcome]]) -> list[tuple[dict, str]]:
    """(row, qualifier read) for every found one-sided NumberRange row (a diagnostic, not the metric)."""
    return [(o.row, bound_read(o.row)) for o in results.get("NumberRange", [])
            if o.found and o.row.get("bound")]


def _bound_lines(bounds: list[tuple[dict, str]]) -> list[str]:
    if not bounds:
        return []
    same = sum(row["bound"] == read for row, read in bounds)
    side = sum(row["bound"] in _LOWER and read in _LOWER or row["bound"] in _UPPER and read in _UPPER
               for row, read in bounds)
    lines = [f"\nNumberRange one-sided rows found: {len(bounds)}; qualifier as the spec's bound: "
             f"{same}; on the right side (lower/upper): {side}",
             f"\n## bound read differently (diagnostic, not in the agreement) ({len(bounds) - same})"]
    lines += [f"  {row['id']:22} {row['text']!r} → {row['bound']}   [read: {read}]"
              for row, read in bounds if row["bound"] != read]
    return lines


def report(results: dict[str, list[Outcome]]) -> str:
    """Agreement per model, overall for the required models, and the misses grouped by cause."""
    lines = [f"{'model':18} {'in':>4} {'found':>5}  agreement  (target {TARGET} for the required models)"]
    for model, outs in results.items():
        mark = "" if model not in REQUIRED else ("  meets target" if agreement(outs) >= TARGET else "  below")
        lines.append(f"{model:18} {len(outs):4} {sum(o.found for o in outs):5}  {agreement(outs):.3f}{mark}")
    required = [o for m, outs in results.items() if m in REQUIRED for o in outs]
    lines.append(f"{'required, overall':18} {len(required):4} {sum(o.found for o in required):5}"
                 f"  {agreement(required):.3f}")
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for outs in results.values():
        for o in outs:
            if not o.found:
                groups[o.cause].append(o)
    for cause, outs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"\n## {cause} ({len(outs)})")
        for o in outs:
            want = ", ".join(f"{v} {u or ''}".strip() for v, u in o.row["expect"])
            lines.append(f"  {o.row['id']:22} {o.row['text']!r} → {want}   [{o.detail}]")
    return "\n".join(lines + _bound_lines(bound_outcomes(results)))


def main(argv: list[str]) -> None:
    """Print the report for the named models (all when none is named)."""
    print(report(measure(load_tables(tuple(argv) or None))))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Records built from compiled code without running their dataclass ``__init__``.

records.py stays pure Python (see setup.py), so ``Quantity(...)`` runs the ``__init__`` that
dataclasses generates, interpreted: about 6 µs for a Quantity's 15 fields passed by keyword. From
a compiled module, ``object.__new__`` and one ``object.__setattr__`` per field (what that
``__init__`` does, the records being frozen) cost under 1 µs. The result is the same record: same
class, every field set, nothing else run (the records have no ``__post_init__``); a test checks
each maker against its class.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from .records import Claim, Classified, Quantity


def quantity(id: str, text: str, start: int, end: int, line: int, value: Decimal,
             lower: Decimal | None, upper: Decimal | None, unit: str, kind: str, qualifier: str,
             qualifier_text: str, noun: str, precision: str, sentence: int) -> Quantity:
    """``Quantity(...)`` with every field given, in field order."""
    q = object.__new__(Quantity)
    object.__setattr__(q, "id", id)
    object.__setattr__(q, "text", text)
    object.__setattr__(q, "start", start)
    object.__setattr__(q, "end", end)
    object.__setattr__(q, "line", line)
    object.__setattr__(q, "value", value)
    object.__setattr__(q, "lower", lower)
    object.__setattr__(q, "upper", upper)
    object.__setattr__(q, "unit", unit)
    object.__setattr__(q, "kind", kind)
    object.__setattr__(q, "qualifier", qualifier)
    object.__setattr__(q, "qualifier_text", qualifier_text)
    object.__setattr__(q, "noun", noun)
    object.__setattr__(q, "precision", precision)
    object.__setattr__(q, "sentence", sentence)
    return q


def classified(text: str, start: int, end: int, line: int, category: str, reason: str) -> Classified:
    """``Classified(...)`` with every field given, in field order."""
    c = object.__new__(Classified)
    object.__setattr__(c, "text", text)
    object.__setattr__(c, "start", start)
    object.__setattr__(c, "end", end)
    object.__setattr__(c, "line", line)
    object.__setattr__(c, "category", category)
    object.__setattr__(c, "reason", reason)
    return c


def claim(id: str, kind: str, text: str, start: int, end: int, line: int, quantity_ids: tuple[str, ...],
          roles: Mapping[str, str], attributes: Mapping[str, Any], sentence: int) -> Claim:
    """``Claim(...)`` with every field given, in field order."""
    c = object.__new__(Claim)
    object.__setattr__(c, "id", id)
    object.__setattr__(c, "kind", kind)
    object.__setattr__(c, "text", text)
    object.__setattr__(c, "start", start)
    object.__setattr__(c, "end", end)
    object.__setattr__(c, "line", line)
    object.__setattr__(c, "quantity_ids", quantity_ids)
    object.__setattr__(c, "roles", roles)
    object.__setattr__(c, "attributes", attributes)
    object.__setattr__(c, "sentence", sentence)
    return c

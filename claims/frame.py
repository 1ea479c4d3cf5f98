"""The pandas boundary: records ⇄ DataFrame, one row per record, one column per field.

Decimals become floats (``None`` bounds become NaN) so the frames are ready for analysis; the
records themselves keep the exact values.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any, Iterable

import pandas as pd

from .records import Claim, Classified, Interval, Quantity, Result

_COLUMNS: dict[type, list[str]] = {cls: [f.name for f in dataclasses.fields(cls)]
                                   for cls in (Quantity, Classified, Claim, Result)}


def _cell(x: Any) -> Any:
    if isinstance(x, Decimal):
        return float(x)
    if isinstance(x, Interval):
        return None
    if isinstance(x, tuple):
        return list(x)
    if hasattr(x, "items"):
        return dict(x)
    return x


def _row(record: Any) -> dict[str, Any]:
    row = {name: _cell(getattr(record, name)) for name in _COLUMNS[type(record)]}
    if isinstance(record, Result):
        for side in ("stated", "computed"):
            iv: Interval | None = getattr(record, side)
            for part in ("value", "lower", "upper"):
                v = getattr(iv, part) if iv is not None else None
                row[f"{side}_{part}"] = float(v) if v is not None else None
            row[f"{side}_unit"] = iv.unit if iv is not None else None
            del row[side]
    return row


def columns(cls: type) -> list[str]:
    """The frame columns for records of ``cls``."""
    names = list(_COLUMNS[cls])
    if cls is Result:
        at = names.index("stated")
        names[at:at + 2] = [f"{side}_{part}" for side in ("stated", "computed")
                            for part in ("value", "lower", "upper", "unit")]
    return names


def to_frame(records: Iterable[Quantity | Classified | Claim | Result], path: str | None = None,
             kind: type | None = None) -> pd.DataFrame:
    """A DataFrame of ``records`` (all of one type), with a ``path`` column when given.

    ``kind`` fixes the columns when ``records`` is empty.
    """
    items = list(records)
    cls = type(items[0]) if items else kind
    frame = pd.DataFrame([_row(r) for r in items],
                         columns=columns(cls) if cls else None)
    if path is not None:
        frame.insert(0, "path", path)
    return frame

"""Where a figure's true value comes from: a declarative selection from a CSV or parquet table.

```yaml
{table: downloads.csv, where: {country: Germany}, column: files, aggregate: pct_change, order_by: year}
```

A selection filters rows by equality (``where``: column → value, or a list of values), takes one
``column`` and reduces it with one ``aggregate`` of :data:`AGGREGATES`; ``scale`` multiplies the
result (``million`` when the column is in millions). The ordered aggregates (first, last,
pct_change, diff) with ``order_by`` see one value per distinct ``order_by`` value, the sum of its
rows, so "up 6% on the year" compares yearly totals. Nothing in it is evaluated as code. Every name
is checked against the table when the claim file is collected; the arithmetic is done in
``Decimal`` on the values as pandas read them.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable

from .claimfile_yaml import ClaimFileError, YamlList, YamlMap, check_fields, suggestion, text

SELECTION_FIELDS = ("table", "where", "column", "aggregate", "order_by", "scale")
TABLE_SUFFIXES = (".csv", ".parquet", ".pq")
SCALES = {"thousand": Decimal(10) ** 3, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9,
          "percent": Decimal(100)}


class DataError(Exception):
    """A selection that gives no value on the data as it is now (no rows, a gap, a zero base)."""


def _one(values: list[Decimal]) -> Decimal:
    if len(values) != 1:
        raise DataError(f"the selection holds {len(values)} rows, not one; name an aggregate")
    return values[0]


def _ends(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    if len(values) < 2:
        raise DataError(f"a change needs at least two rows, the selection holds {len(values)}")
    return values[0], values[-1]


def _pct_change(values: list[Decimal]) -> Decimal:
    first, last = _ends(values)
    if first == 0:
        raise DataError("a percentage change from 0 is undefined")
    return (last / first - 1) * 100


#: Aggregate name → what it computes from the selected values, in row order (after ``order_by``).
AGGREGATES: dict[str, Callable[[list[Decimal]], Decimal]] = {
    "value": _one,
    "sum": lambda v: sum(v, Decimal(0)),
    "mean": lambda v: sum(v, Decimal(0)) / len(v),
    "median": lambda v: Decimal(statistics.median(v)),
    "min": min, "max": max,
    "count": lambda v: Decimal(len(v)),  # of rows: Selection.value counts them before reading numbers
    "first": lambda v: v[0], "last": lambda v: v[-1],
    "pct_change": _pct_change,
    "diff": lambda v: _ends(v)[1] - _ends(v)[0],
}


#: Aggregates that read the values in order; with ``order_by`` they see one total per step.
ORDERED = ("first", "last", "pct_change", "diff")


@dataclass(frozen=True, slots=True)
class Selection:
    """A validated selection: the table (already loaded) and what to take from it."""

    table: Path
    frame: Any
    """The pandas DataFrame."""
    where: tuple[tuple[str, tuple[Any, ...]], ...]
    column: str
    aggregate: str
    order_by: str | None
    scale: Decimal

    def describe(self) -> str:
        """ "loans.csv: loans where year = 2024, sum"."""
        filters = ", ".join(f"{c} = {' or '.join(map(str, vs))}" for c, vs in self.where)
        where = f" where {filters}" if filters else ""
        order = f" by {self.order_by}" if self.order_by else ""
        how = "" if self.aggregate == "value" else f", {self.aggregate}{order}"
        return f"{self.table.name}: {self.column}{where}{how}"

    def value(self) -> Decimal:
        """The selected value; :class:`DataError` when the data cannot give one."""
        rows = self.frame
        for column, wanted in self.where:
            rows = rows[_matches(rows[column], wanted)]
        if rows.empty:
            raise DataError(f"no row matches ({self.describe()})")
        if self.aggregate == "count":
            return Decimal(len(rows)) * self.scale
        if self.order_by and self.aggregate in ORDERED:
            # One value per step of the order: the rows of a year are summed into its total.
            groups = rows.groupby(self.order_by, sort=True)[self.column]
            values = [sum((_decimal(x, self.column) for x in g.tolist()), Decimal(0)) for _, g in groups]
        else:
            values = [_decimal(x, self.column) for x in rows[self.column].tolist()]
        return AGGREGATES[self.aggregate](values) * self.scale


def _matches(series: Any, wanted: tuple[Any, ...]) -> Any:
    """Rows equal to one of ``wanted``: numerically for numbers, else as written."""
    import pandas as pd

    numbers = all(isinstance(w, (int, float)) and not isinstance(w, bool) for w in wanted)
    if numbers and pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return series.isin(list(wanted))
    return series.astype(str).isin([str(w) for w in wanted])


def _decimal(x: Any, column: str) -> Decimal:
    """A cell as Decimal: integers exactly, floats by their shortest repr (382.3 stays 382.3)."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise DataError(f"column '{column}' holds {x!r}, not a number")
    if isinstance(x, int):
        return Decimal(x)
    if not math.isfinite(x):
        raise DataError(f"column '{column}' has a missing value in the selection")
    return Decimal(repr(x))


def load_table(path: Path, tables: dict[Path, Any], claim_file: str, line: int) -> Any:
    """The table at ``path`` (cached in ``tables``); a collection error naming ``line`` if unusable."""
    path = path.resolve()
    if path in tables:
        return tables[path]
    if path.suffix.lower() not in TABLE_SUFFIXES:
        raise ClaimFileError(claim_file, line, f"table {path.name!r}: read .csv or .parquet files only")
    if not path.is_file():
        raise ClaimFileError(claim_file, line, f"table {path.name!r} not found (looked for {path})")
    import pandas as pd

    try:
        frame = pd.read_csv(path) if path.suffix.lower() == ".csv" else pd.read_parquet(path)
    except Exception as exc:  # pandas and pyarrow raise many types; any is "cannot read" to the user
        raise ClaimFileError(claim_file, line, f"table {path.name!r} cannot be read: {exc}") from None
    tables[path] = frame
    return frame


def parse_selection(sel: YamlMap, base: Path, defaults: dict[str, Any], tables: dict[Path, Any],
                    path: str, label: str) -> Selection:
    """A selection from its mapping, ``defaults`` (the claim's ``table`` and ``where``) filled in."""
    check_fields(sel, path, label, SELECTION_FIELDS, ("column",))
    table_name, table_line = _table_field(sel, defaults, path, label)
    frame = load_table(base / table_name, tables, path, table_line)
    columns = [str(c) for c in frame.columns]
    column = _column(sel, "column", columns, path, label)
    aggregate = text(sel, "aggregate", path, label) if "aggregate" in sel else "value"
    if aggregate not in AGGREGATES:
        raise ClaimFileError(path, sel.key_lines["aggregate"], f"{label}: no aggregate {aggregate!r} "
                             f"(one of {', '.join(AGGREGATES)}){suggestion(aggregate, AGGREGATES)}")
    if aggregate != "count" and not _numeric(frame[column]):
        raise ClaimFileError(path, sel.key_lines["column"], f"{label}: column '{column}' holds text, not numbers")
    order_by = _column(sel, "order_by", columns, path, label) if "order_by" in sel else None
    where = dict(defaults.get("where", {}))
    if "where" in sel:
        where.update(where_filters(sel, path, label))
    for column_name, (_, line) in where.items():
        _known(column_name, columns, path, line, label)
    return Selection(Path(base / table_name), frame, tuple((c, vs) for c, (vs, _) in where.items()),
                     column, aggregate, order_by, _scale(sel, path, label))


def _table_field(sel: YamlMap, defaults: dict[str, Any], path: str, label: str) -> tuple[str, int]:
    if "table" in sel:
        return text(sel, "table", path, label), sel.key_lines["table"]
    if "table" in defaults:
        return defaults["table"]
    raise ClaimFileError(path, sel.line, f"{label} names no 'table' (give one here or on the claim)")


def _column(sel: YamlMap, key: str, columns: list[str], path: str, label: str) -> str:
    name = text(sel, key, path, label)
    _known(name, columns, path, sel.key_lines[key], label)
    return name


def _known(name: str, columns: list[str], path: str, line: int, label: str) -> None:
    if name not in columns:
        raise ClaimFileError(path, line, f"{label}: the table has no column '{name}'{suggestion(name, columns)} "
                                         f"(columns: {', '.join(columns)})")


def where_filters(m: YamlMap, path: str, label: str) -> dict[str, tuple[tuple[Any, ...], int]]:
    """``where`` of ``m``: column → (accepted values, line of the column)."""
    where = m["where"]
    if not isinstance(where, YamlMap):
        raise ClaimFileError(path, m.key_lines["where"], f"'where' of {label} maps columns to values")
    out = {}
    for column, value in where.items():
        values = tuple(value) if isinstance(value, YamlList) else (value,)
        if not values or any(isinstance(v, (YamlMap, YamlList)) or v is None for v in values):
            raise ClaimFileError(path, where.key_lines[column], f"'where' of {label}: '{column}' must be a value "
                                                                f"or a list of values")
        out[column] = (values, where.key_lines[column])
    return out


def _numeric(series: Any) -> bool:
    import pandas as pd

    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _scale(sel: YamlMap, path: str, label: str) -> Decimal:
    if "scale" not in sel:
        return Decimal(1)
    written = text(sel, "scale", path, label).strip().lower()
    factor = SCALES.get(written.rstrip("s"))
    if factor is None:
        try:
            factor = Decimal(written)
        except InvalidOperation:
            factor = None
    if factor is None or not factor.is_finite() or factor <= 0:
        raise ClaimFileError(path, sel.key_lines["scale"], f"{label}: scale {written!r} is not a positive number "
                                                           f"or one of {', '.join(SCALES)}")
    return factor

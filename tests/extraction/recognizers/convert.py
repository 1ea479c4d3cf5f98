"""Regenerate the Recognizers-Text test tables from the spec folder (deterministic).

    python tests/extraction/recognizers/convert.py [SPEC_DIR]

SPEC_DIR defaults to /work/shared/specs/recognizers. One table per spec file is written to
``tables/<Model>.json``: one row per expected result, with

- ``id``: ``<Model>-<case>-<result>``, 1-based, in spec order;
- ``input``, ``text``, ``start``, ``end`` (end exclusive; ``input[start:end]`` is ``text`` up to case);
- ``expect``: a list of ``[value, unit]`` pairs that must *all* be found among the quantities
  numcheck extracts from ``input``. ``unit`` is a numcheck (pint) unit string, or ``null`` when the
  spec gives none (Number, NumberRange, "age 87"): then any unit matches;
- ``kind``: numcheck's kind for the unit (``null`` with a ``null`` unit);
- ``spec``: the spec's own resolution, for review ("35%", "(20,35]", "P1Y1M21D", "50 Cent");
- ``scope``: ``in`` or ``out``; ``reason``: one line for every ``out`` row.

How spec values become pairs:

- Percent "35%" → ``["35", "percent"]``.
- Currency: the ISO code; minor units become the major unit as numcheck reads them
  ("50 cents" → ``["0.5", "USD"]``); see ``mapping.CURRENCY_UNITS``.
- NumberRange "(20,35]" → ``[["20", null], ["35", null]]``: a range matches when *both* ends are
  found as quantities; a one-sided range "(30,)" when its one end is. Whether the end is read as a
  bound is not part of the match (the requirement is the value); range rows carry ``bound``, the
  qualifier a one-sided range implies ("(30,)" → ``more_than``, "(,100]" → ``at_most``, else
  ``null``), and the agreement report measures it separately.
- Duration: the Timex components, "P1Y1M21D" → 1 year, 1 month, 21 day (each must be found).
- DurationExtractor gives spans only: a row with the same input and text as a DurationParser row is
  out ("measured there"); the rest take their value from ``EXTRACTOR_VALUES`` below.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Iterator

try:
    from . import mapping, scope as sc
except ImportError:  # run as a script: the siblings are on sys.path
    import mapping  # type: ignore[no-redef]
    import scope as sc  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
DEFAULT_SPECS = Path("/work/shared/specs/recognizers")

#: Model name → spec file, in the order the tables are written.
SPEC_FILES: dict[str, str] = {
    sc.PERCENT: "Number/English/PercentModel.json",
    sc.NUMBER: "Number/English/NumberModel.json",
    sc.RANGE: "Number/English/NumberRangeModel.json",
    sc.ORDINAL: "Number/English/OrdinalModel.json",
    sc.CURRENCY: "NumberWithUnit/English/CurrencyModel.json",
    sc.DIMENSION: "NumberWithUnit/English/DimensionModel.json",
    sc.AGE: "NumberWithUnit/English/AgeModel.json",
    sc.TEMPERATURE: "NumberWithUnit/English/TemperatureModel.json",
    sc.DURATION: "DateTime/English/DurationParser.json",
    sc.DURATION_EXTRACTOR: "DateTime/English/DurationExtractor.json",
}

#: Values for the DurationExtractor results that DurationParser does not resolve. Vague amounts
#: ("several days") are absent: the spec gives them no value.
EXTRACTOR_VALUES: dict[str, tuple[str, str]] = {
    "3.5 years": ("3.5", "year"), "a year": ("1", "year"), "a half hour": ("0.5", "hour"),
    "half an hour": ("0.5", "hour"), "two hours": ("2", "hour"), "a week": ("1", "week"),
    "a day": ("1", "day"), "an hour": ("1", "hour"), "a month": ("1", "month"),
}
VAGUE_NO_VALUE = "vague amount ('several days'): the extractor spec gives no value to compare"

#: Why a unit the spec resolves has no numcheck counterpart.
UNMAPPED_UNITS: dict[str, str] = {
    "Finnish markka": "currency withdrawn in 2002 (pre-euro); numcheck lists current currencies",
    "Franc": "currency withdrawn in 2002 (pre-euro French franc); numcheck lists current currencies",
    "Peseta": "currency withdrawn in 2002 (pre-euro); numcheck lists current currencies",
    "Netherlands guilder": "currency withdrawn in 2002 (pre-euro); numcheck lists current currencies",
    "Degree": "no temperature scale stated ('98 degrees', '85°'): no unit to compare",
    "Megabit": "convention: the spec reads lower-case 'mb' as megabit; prose means megabyte",
}


def _span(result: dict) -> tuple[int, int]:
    start = result["Start"]
    return start, (result["End"] + 1 if "End" in result else start + result["Length"])


def _expect(model: str, result: dict) -> tuple[list[list[Any]], str, str]:
    """(pairs, spec, out-reason) for one result; the reason is set when no mapping exists."""
    res = result.get("Resolution") or {}
    value, unit, text = res.get("value"), res.get("unit", ""), result["Text"]
    if model == sc.DURATION:
        timex = result["Value"]["Timex"]
        parts = mapping.timex_parts(timex)
        return ([list(p) for p in parts] if parts else []), timex, "" if parts else f"Timex {timex}"
    if model == sc.DURATION_EXTRACTOR:
        found = EXTRACTOR_VALUES.get(text.lower())
        return ([list(found)] if found else []), "", "" if found else VAGUE_NO_VALUE
    if model == sc.ORDINAL:
        return [], str(value), sc.ORDINAL_REASON
    spec = f"{value} {unit}".strip() if unit else str(value)
    if value in (None, "null"):
        return [], spec, sc.NO_VALUE
    if model == sc.RANGE:
        return [[v, None] for v in mapping.range_ends(value) or []], spec, ""
    if model == sc.PERCENT:
        return [[mapping.number(value.rstrip("%")), "percent"]], spec, ""
    if model == sc.NUMBER:
        return [[mapping.number(value), None]], spec, ""
    mapped = _unit(model, res, text)
    if mapped is None:
        return [], spec, UNMAPPED_UNITS.get(unit, f"no numcheck unit for '{unit}'")
    return [list(mapped)], spec, ""


def _unit(model: str, res: dict, text: str) -> tuple[str, str | None] | None:
    """(value, unit) for the NumberWithUnit models, or ``None`` when the unit has no mapping."""
    value, unit = res["value"], res.get("unit", "")
    if model == sc.CURRENCY:
        return mapping.currency(res)
    if model == sc.DIMENSION:
        mapped = mapping.dimension_unit(unit, text)
    elif model == sc.TEMPERATURE:
        mapped = mapping.TEMPERATURE_UNITS.get(unit)
    else:
        if unit not in mapping.AGE_UNITS:
            return None
        return mapping.number(value), mapping.AGE_UNITS[unit]
    return None if mapped is None else (mapping.number(value), mapped)


def rows(model: str, cases: list[dict], parser_keys: set[tuple[str, str]]) -> Iterator[dict]:
    """The table rows of one model's spec cases, in spec order."""
    for n, case in enumerate(cases, 1):
        for k, result in enumerate(case.get("Results", []), 1):
            start, end = _span(result)
            pairs, spec, reason = _expect(model, result)
            if model == sc.DURATION_EXTRACTOR and (case["Input"], result["Text"]) in parser_keys:
                pairs, reason = [], "same input and text as a DurationParser row: measured there"
            reason = sc.out_reason(model, case["Input"], result["Text"]) or reason
            unit = pairs[0][1] if pairs else None
            row = {
                "id": f"{model}-{n:03d}-{k}", "input": case["Input"], "text": result["Text"],
                "start": start, "end": end, "expect": pairs, "kind": mapping.kind_of(unit),
                "spec": spec, "scope": "out" if reason else "in", "reason": reason,
            }
            if model == sc.RANGE:
                row["bound"] = mapping.range_bound(spec)
            yield row


def load(path: Path) -> list[dict]:
    """A spec file (UTF-8, possibly with a byte-order mark)."""
    return json.loads(path.read_text(encoding="utf-8-sig"))


def render(model: str, source: str, table: list[dict]) -> str:
    """A table as JSON, one row per line so that a regenerated table diffs row by row."""
    head = json.dumps({"model": model, "source": source}, ensure_ascii=False)[:-1]
    body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in table)
    return f'{head}, "rows": [\n{body}\n]}}\n'


def main(spec_dir: Path = DEFAULT_SPECS) -> None:
    """Write every table under ``tables/``."""
    parser = load(spec_dir / SPEC_FILES[sc.DURATION])
    parser_keys = {(c["Input"], r["Text"]) for c in parser for r in c["Results"]}
    out = HERE / "tables"
    out.mkdir(exist_ok=True)
    for model, rel in SPEC_FILES.items():
        table = list(rows(model, load(spec_dir / rel), parser_keys))
        (out / f"{model}.json").write_text(render(model, rel, table), encoding="utf-8")
        n_in = sum(r["scope"] == "in" for r in table)
        print(f"{model:18} {len(table):4} rows, {n_in:4} in scope")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SPECS)

"""Agreement of ``numcheck.claims.extract`` with the Microsoft Recognizers-Text English specs.

The tables in ``recognizers/tables/`` are derived from the MIT-licensed specs by
``recognizers/convert.py`` (see ``recognizers/README.md``); ``recognizers/agreement.py`` defines
what "found" means and prints the full report with every miss:

    python tests/extraction/recognizers/agreement.py
"""

from __future__ import annotations

import doctest
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from numcheck.claims import extract
from numcheck.claims.units import CURRENCIES, unit_string
from recognizers import agreement, convert, mapping

#: Least share of in-scope rows each model must find: today's figures floored to 2 decimals, so a
#: regression fails. The requirement (``agreement.TARGET``, 0.95) is over the required models
#: together, asserted by ``test_required_models_meet_the_target``.
MIN_AGREEMENT: dict[str, float] = {
    "Percent": 1.0,
    "Number": 0.90,
    "NumberRange": 1.0,
    "Currency": 0.96,
    "Dimension": 0.93,
    "Duration": 0.94,
    "DurationExtractor": 1.0,
    "Age": 0.94,
    "Temperature": 1.0,
}
TABLES = agreement.load_tables()
ROWS = [row for rows in TABLES.values() for row in rows]


@pytest.fixture(scope="module")
def results() -> dict[str, list[agreement.Outcome]]:
    return agreement.measure(TABLES)


@pytest.mark.parametrize("model", sorted(MIN_AGREEMENT))
def test_agreement_per_model(results, model):
    outcomes = results[model]
    missed = [o.row["id"] for o in outcomes if not o.found]
    assert agreement.agreement(outcomes) >= MIN_AGREEMENT[model], f"{len(missed)} missed: {missed}"


def test_required_models_meet_the_target(results):
    outcomes = [o for model in agreement.REQUIRED for o in results[model]]
    assert agreement.agreement(outcomes) >= agreement.TARGET


def test_every_model_with_in_scope_rows_has_a_threshold():
    with_rows = {m for m, rows in TABLES.items() if any(r["scope"] == "in" for r in rows)}
    assert with_rows == set(MIN_AGREEMENT)
    assert all(0 < v <= 1 for v in MIN_AGREEMENT.values())


def test_out_of_scope_rows_give_a_one_line_reason():
    for row in ROWS:
        if row["scope"] == "out":
            assert row["reason"].strip() and "\n" not in row["reason"], row["id"]
        else:
            assert row["scope"] == "in" and row["reason"] == "" and row["expect"], row["id"]


def test_rows_point_into_their_input_and_ids_are_unique():
    assert len({row["id"] for row in ROWS}) == len(ROWS)
    for row in ROWS:
        assert row["input"][row["start"]:row["end"]].lower() == row["text"].lower(), row["id"]


def test_expected_units_are_numcheck_unit_strings():
    """Measures print back unchanged in numcheck's pint registry; money is an ISO code."""
    units = {u for row in ROWS if row["scope"] == "in" for _, u in row["expect"] if u is not None}
    money = {u for u in units if re.fullmatch(r"[A-Z]{3}", u)}
    assert {u for u in units - money if unit_string(u) != u} == set()
    # Codes numcheck does not list (yet): each stays in scope and counts as a miss until it does.
    assert money - set(CURRENCIES) <= {"BTC", "CRC", "GEL", "LAK"}


@pytest.mark.parametrize(("text", "value", "unit", "kind", "expected"), [
    ("It earns $4bn a year.", "4000000000", "USD", "money", True),   # a rate of the unit counts
    ("It cost 50 cents.", "0.5", "USD", "money", True),              # minor unit, numcheck's reading
    ("It cost 50 cents.", "50", "USD", "money", False),
    ("a 5 km walk", "5000", "meter", "measure", True),               # pint converts km → m
    ("a 5 km walk", "5", "mile", "measure", False),
    ("two thirds", "0.666666666666667", None, None, True),           # the spec's 15-digit rounding
    ("two thirds", "0.6667", None, None, False),
    ("up 35%", "35", "percent", "percent", True),
    ("up 35%", "35", "percentage_point", "percentage_point", False),
])
def test_a_quantity_matches_only_its_value_and_unit(text, value, unit, kind, expected):
    (q,) = extract(text).quantities
    assert agreement.matches(q, Decimal(value), unit, kind) is expected


def test_a_range_row_needs_both_ends():
    row = {"id": "t", "input": "between 20 and 30 sites", "text": "between 20 and 30", "start": 0,
           "end": 17, "expect": [["20", None], ["30", None]], "kind": None}
    assert agreement.evaluate(row).found
    assert not agreement.evaluate(row | {"expect": [["20", None], ["40", None]]}).found


def test_mapping_examples_hold():
    result = doctest.testmod(mapping)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.skipif(not convert.DEFAULT_SPECS.is_dir(), reason="the Recognizers-Text spec folder is "
                    "not on this machine; the committed tables are tested above")
def test_tables_are_exactly_what_the_converter_writes():
    parser = convert.load(convert.DEFAULT_SPECS / convert.SPEC_FILES["Duration"])
    keys = {(c["Input"], r["Text"]) for c in parser for r in c["Results"]}
    for model, rel in convert.SPEC_FILES.items():
        table = list(convert.rows(model, convert.load(convert.DEFAULT_SPECS / rel), keys))
        written = (Path(agreement.TABLES) / f"{model}.json").read_text(encoding="utf-8")
        assert convert.render(model, rel, table) == written, model
        assert json.loads(written)["rows"] == table

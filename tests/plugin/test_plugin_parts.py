"""The parts under the plugin, without a pytest run: the line-keeping YAML reader, explicit
claims as records, and table selections."""

from __future__ import annotations

import doctest
import importlib
from decimal import Decimal
from pathlib import Path

import pytest
from plugin_support import BILLS_CSV

from numcheck.reports.claimfile import parse
from numcheck.reports.claimfile_yaml import ClaimFileError, load
from numcheck.reports.databind_tables import DataError

# --- YAML with lines ---------------------------------------------------------------------------


def test_values_keep_lines_and_their_written_text() -> None:
    data = load("claims:\n  - id: a\n    change: {from: 12.50, to: '13', by: 4%}\n", "f.yaml")
    change = data["claims"][0]["change"]
    assert (data.line, data.key_lines, data["claims"].item_lines) == (1, {"claims": 1}, [2])
    assert (change["from"], change.raw["from"], change.raw["to"], change.raw["by"]) == (12.5, "12.50", "13", "4%")
    assert change.key_lines == {"from": 3, "to": 3, "by": 3}


@pytest.mark.parametrize(("text", "error"), [
    ("a: &x [*x]\n", "f.yaml:1: an alias refers to itself"),
    ("a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n", "f.yaml:1: more than 100,000 values (aliases expanding?)"),
    ("a: 1\n---\nb: 2\n", "f.yaml:2: not valid YAML: but found another document "
                          "(expected a single document in the stream started on line 1)"),
    ("? [1]\n: 2\n", "f.yaml:1: a key must be plain text"),
    ("a: !custom 1\n", "f.yaml:1: not valid YAML: could not determine a constructor for the tag '!custom'"),
], ids=["recursive-alias", "alias-bomb", "two-documents", "complex-key", "custom-tag"])
def test_what_a_claim_file_cannot_hold(text: str, error: str) -> None:
    with pytest.raises(ClaimFileError) as caught:
        load(text, "f.yaml")
    assert str(caught.value) == error


# --- explicit claims as records ----------------------------------------------------------------


def test_an_explicit_change_becomes_the_claim_the_checks_read(tmp_path: Path) -> None:
    path = tmp_path / "x.claims.yaml"
    path.write_text("claims:\n  - id: downloads\n    change: {from: 602 million, to: 382 million, by: -35%}\n",
                    encoding="utf-8")
    doc = parse(path).items[0].document
    (claim,) = doc.claims
    assert (claim.kind, claim.line, dict(claim.attributes)) == ("change", 3, {"direction": "down",
                                                                             "direction_word": "down"})
    quantities = {role: next(q for q in doc.quantities if q.id == qid) for role, qid in claim.roles.items()}
    assert {role: (q.text, q.value, q.lower, q.upper) for role, q in quantities.items()} == {
        "from": ("602 million", Decimal(602000000), Decimal(601500000), Decimal(602500000)),
        "to": ("382 million", Decimal(382000000), Decimal(381500000), Decimal(382500000)),
        "stated_change": ("-35%", Decimal(35), Decimal("34.5"), Decimal("35.5")),  # the sign is the direction
    }
    assert all(doc.text[q.start:q.end] == q.text for q in doc.quantities)


# --- selections --------------------------------------------------------------------------------

BOUND = """\
claims:
  - id: s
    sentence: "The North paid £396 in 2024."
    table: bills.csv
    figures:
      "£396": {{{selection}}}
"""


@pytest.mark.parametrize(("selection", "value"), [
    ("where: {region: North, year: 2024}, column: bill", "396"),
    ("where: {year: [2023, 2024]}, column: bill, aggregate: sum", "3232"),
    ("where: {year: 2024}, column: bill, aggregate: mean", "792"),
    ("column: bill, aggregate: median", "800"),
    ("column: bill, aggregate: min", "396"),
    ("column: bill, aggregate: max", "1236"),
    ("where: {region: South}, column: region, aggregate: count", "2"),
    ("column: bill, aggregate: first, order_by: year", "1648"),
    ("column: bill, aggregate: last, order_by: year", "1584"),
    ("column: bill, aggregate: diff, order_by: year", "-64"),
    ("where: {region: North}, column: bill, aggregate: pct_change, order_by: year", "-3.883495145631067961165048540"),
    ("where: {region: North, year: 2024}, column: bill, scale: thousand", "396000"),
    ("where: {region: North, year: 2024}, column: bill, scale: 0.5", "198.0"),
], ids=["value", "sum-of-list", "mean", "median", "min", "max", "count", "first-by-year", "last-by-year",
        "diff-by-year", "pct-change", "scale-word", "scale-number"])
def test_a_selection_gives_the_value(tmp_path: Path, selection: str, value: str) -> None:
    (tmp_path / "bills.csv").write_text(BILLS_CSV, encoding="utf-8")
    path = tmp_path / "x.claims.yaml"
    path.write_text(BOUND.format(selection=selection), encoding="utf-8")
    assert parse(path).items[0].figures[0].selection.value() == Decimal(value)


@pytest.mark.parametrize(("selection", "error"), [
    ("where: {region: East}, column: bill", "no row matches (bills.csv: bill where region = East)"),
    ("where: {region: North}, column: bill", "the selection holds 2 rows, not one; name an aggregate"),
    ("where: {year: 2024}, column: bill, aggregate: pct_change, order_by: year",
     "a change needs at least two rows, the selection holds 1"),
], ids=["no-row", "two-rows", "one-year"])
def test_a_selection_the_data_cannot_answer(tmp_path: Path, selection: str, error: str) -> None:
    (tmp_path / "bills.csv").write_text(BILLS_CSV, encoding="utf-8")
    path = tmp_path / "x.claims.yaml"
    path.write_text(BOUND.format(selection=selection), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        parse(path).items[0].figures[0].selection.value()
    assert str(caught.value) == error


# --- outcomes, run directly -------------------------------------------------------------------


def _run(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "bills.csv").write_text(BILLS_CSV, encoding="utf-8")
    path = tmp_path / "x.claims.yaml"
    path.write_text(text, encoding="utf-8")
    claim_file = parse(path)
    return [f.render(str(tmp_path)) for item in claim_file.items for f in item.run(claim_file.context).failures]


def test_an_explicit_claim_no_check_can_recompute_fails(tmp_path: Path) -> None:
    failures = _run(tmp_path, "claims:\n  - id: a\n    change: {from: 10, to: 12, by: £2m}\n")
    assert failures == ["x.claims.yaml:3: no check could recompute this claim from 'from: 10; to: 12; by: £2m' "
                        "(do the figures share a unit?)"]


def test_a_bound_figure_must_be_one_figure_of_the_sentence(tmp_path: Path) -> None:
    failures = _run(tmp_path, "claims:\n  - id: a\n    sentence: \"Bills were £396 and £412.\"\n    figures:\n"
                              "      £396 and £412: {table: bills.csv, where: {region: North, year: 2024}, "
                              "column: bill}\n")
    assert failures == ["x.claims.yaml:5: data numcheck reads '£396', '£412' in '£396 and £412'; "
                        "bind exactly one figure\n"
                        "    sentence: Bills were £396 and £412.\n"
                        "    data: bills.csv: bill where region = North, year = 2024"]


@pytest.mark.parametrize("name", ["numcheck.reports.claimfile_yaml", "numcheck.reports.claimfile_base",
                                  "numcheck.reports.pytest_plugin"])
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert (result.attempted > 0, result.failed) == (True, 0)

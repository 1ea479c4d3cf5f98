"""The three kinds of claim file, each passing and failing, in real pytest runs (pytester)."""

from __future__ import annotations

import pandas as pd
import pytest
from plugin_support import ARTICLE, BILLS_CSV, write

pytest_plugins = ["pytester"]

EXPECTATIONS_PASS = """\
document: article.md
cases:
  - id: bills-fall
    quote: fell 4% to £396 from £412
    check: NC101
    expect: consistent
  - id: complaints
    quote: rose 15% to 8,900
    expect: inconsistent
    severity: major
"""


def test_document_expectations_pass(pytester: pytest.Pytester) -> None:
    write(pytester, "article.md", ARTICLE)
    write(pytester, "review.claims.yaml", EXPECTATIONS_PASS)
    result = pytester.runpytest("-v")
    result.stdout.fnmatch_lines(["review.claims.yaml::bills-fall PASSED*",
                                 "review.claims.yaml::complaints PASSED*"])
    result.assert_outcomes(passed=2)


def test_document_expectation_fails_at_the_document_line(pytester: pytest.Pytester) -> None:
    write(pytester, "article.md", ARTICLE)
    write(pytester, "review.claims.yml", EXPECTATIONS_PASS.replace("expect: inconsistent\n    severity: major",
                                                                  "expect: consistent"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "article.md:7: NC101 expected consistent, got inconsistent (major): stated 15% (14.5 to 15.5); "
        "8,100 → 8,900 is 9.9% (8.5 to 11.2); no rounding of the stated figures reaches the stated change",
        "    check: percent-change, inconsistent (major)",
        "    sentence: Customer complaints rose 15% to 8,900 from 8,100.",
        "    stated: 15% (14.5 to 15.5)",
        "    computed: 9.88% (8.58 to 11.19)",
        "    expected by: review.claims.yml:7",
    ])


CASE_FORMAT = """\
check: NC101
name: percent-change
cases:
  - id: fell-from-to
    text: "Sales fell 10% to £9m from £10m."
    expect: consistent
    note: "£10m → £9m is −10%"
  - id: wrong-figure
    text: "Downloads fell 35% to 382 million from 602 million."
    expect: {expect}
"""


def test_inline_cases_of_the_check_case_format(pytester: pytest.Pytester) -> None:
    write(pytester, "NC101.claims.yaml", CASE_FORMAT.format(expect="inconsistent"))
    pytester.runpytest().assert_outcomes(passed=2)
    write(pytester, "NC101.claims.yaml", CASE_FORMAT.format(expect="consistent"))
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["NC101.claims.yaml:9: NC101 expected consistent, got inconsistent (minor): "
                                 "stated −35% (−35.5 to −34.5); 602 million → 382 million is −36.5% *"])


def test_a_case_wants_exactly_one_result_of_its_check(pytester: pytest.Pytester) -> None:
    write(pytester, "x.claims.yaml", "check: NC102\ncases:\n  - id: none\n"
                                     "    text: \"Sales fell 10% to £9m from £10m.\"\n    expect: consistent\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["x.claims.yaml:4: NC102 expected exactly one NC102 result (consistent), got 0"])


EXPLICIT = """\
claims:
  - id: bills
    change: {from: "£412", to: "£396", by: "-4%"}
  - id: leaks
    change: {from: 1170, to: 1030, by: -140}
  - id: share
    share: {part: 120, whole: 963, share: 12.5%}
  - id: total
    total: {total: 90, parts: [50, 30, 10]}
  - id: average
    average: {total: "£50,000", count: 26, average: "about £1,900"}
  - id: rate
    rate: {stated: "£11,000 per week", restated: "£572,000 a year"}
"""


def test_explicit_claims_pass(pytester: pytest.Pytester) -> None:
    write(pytester, "figures.claims.yaml", EXPLICIT)
    result = pytester.runpytest("--junitxml=out.xml")
    result.assert_outcomes(passed=6)


@pytest.mark.parametrize(("old", "new", "line"), [
    ('by: "-4%"', 'by: "+4%"', "figures.claims.yaml:3: NC101 stated 4% (3.5 to 4.5); £412 → £396 is −3.9% "
                               "(−4.2 to −3.6); “up” points the wrong way"),
    ("parts: [50, 30, 10]", "parts: [50, 30, 20]", "figures.claims.yaml:9: NC106 stated total 90 (89.5 to 90.5); "
                                                   "50 + 30 + 20 = 100 (98.5 to 101.5); the parts do not add up*"),
    ('"about £1,900"', '"£5,000"', "figures.claims.yaml:11: NC107 stated average £5,000 (4,500 to 5,500); "
                                   "£50,000 / 26 is £1,923.08 (1,698 to 2,157)*"),
    ("share: 12.5%", "share: 22.5%",
     "figures.claims.yaml:7: NC105 stated 22.5% (22.4 to 22.6); 120 of 963 is 12.5%*"),
    ('"£572,000 a year"', '"£750,000 a year"', "figures.claims.yaml:13: NC108 stated £750,000 a year*"),
], ids=["change", "total", "average", "share", "rate"])
def test_explicit_claim_fails(pytester: pytest.Pytester, old: str, new: str, line: str) -> None:
    write(pytester, "figures.claims.yaml", EXPLICIT.replace(old, new))
    result = pytester.runpytest()
    result.assert_outcomes(passed=5, failed=1)
    result.stdout.fnmatch_lines([line])


def test_an_explicit_claim_may_expect_a_failure(pytester: pytest.Pytester) -> None:
    write(pytester, "x.claims.yaml", "claims:\n  - id: known-bad\n    change: {from: 602 million, to: 382 million,"
                                     " by: -35%}\n    expect: inconsistent\n    severity: minor\n")
    pytester.runpytest().assert_outcomes(passed=1)


BOUND = """\
claims:
  - id: bills-from-data
    sentence: "Bills fell 4% to £1,584 from £1,648 across the region."
    table: bills.{suffix}
    figures:
      4%: {{column: bill, aggregate: pct_change, order_by: year}}
      "£1,584": {{where: {{year: 2024}}, column: bill, aggregate: sum}}
      "£1,648": {{where: {{year: 2023}}, column: bill, aggregate: sum}}
  - id: north-bill
    sentence: "In the North the average bill is now £396."
    figures:
      "£396": {{table: bills.{suffix}, where: {{region: North, year: 2024}}, column: bill}}
"""


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_data_bound_claims_pass(pytester: pytest.Pytester, suffix: str) -> None:
    csv = write(pytester, "bills.csv", BILLS_CSV)
    if suffix == "parquet":
        pd.read_csv(csv).to_parquet(pytester.path / "bills.parquet")
        csv.unlink()
    write(pytester, "bills.claims.yaml", BOUND.format(suffix=suffix))
    pytester.runpytest().assert_outcomes(passed=2)


def test_data_bound_claim_fails_on_a_figure_the_data_does_not_give(pytester: pytest.Pytester) -> None:
    write(pytester, "bills.csv", BILLS_CSV.replace("North,2024,396", "North,2024,420"))
    write(pytester, "bills.claims.yaml", BOUND.format(suffix="csv"))
    result = pytester.runpytest()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines([
        "bills.claims.yaml:6: data the text says 4% (−4.5 to −3.5), the data says −2.43%",
        "    sentence: Bills fell 4% to £1,584 from £1,648 across the region.",
        "    data: bills.csv: bill, pct_change by year",
        "bills.claims.yaml:7: data the text says £1,584 (1,583.5 to 1,584.5), the data says £1,608",
        "    sentence: Bills fell 4% to £1,584 from £1,648 across the region.",
        "    data: bills.csv: bill where year = 2024, sum",
        "bills.claims.yaml:12: data the text says £396 (395.5 to 396.5), the data says £420",
        "    data: bills.csv: bill where region = North, year = 2024",
    ])


def test_data_bound_claim_fails_on_its_own_arithmetic(pytester: pytest.Pytester) -> None:
    """Every figure matches the data, but the sentence's change does not follow from them."""
    write(pytester, "bills.csv", BILLS_CSV)
    write(pytester, "x.claims.yaml", "claims:\n  - id: wrong-sum\n"
                                     "    sentence: \"Bills fell 6% to £396 from £412.\"\n"
                                     "    table: bills.csv\n    where: {region: North}\n    figures:\n"
                                     "      £396: {where: {year: 2024}, column: bill}\n"
                                     "      £412: {where: {year: 2023}, column: bill}\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["x.claims.yaml:3: NC101 stated −6% (−6.5 to −5.5); £412 → £396 is −3.9%*"])


def test_k_selects_items_by_id_and_file(pytester: pytest.Pytester) -> None:
    write(pytester, "article.md", ARTICLE)
    write(pytester, "review.claims.yaml", EXPECTATIONS_PASS)
    write(pytester, "figures.claims.yaml", EXPLICIT)
    result = pytester.runpytest("-k", "complaints or share", "-v")
    result.assert_outcomes(passed=2, deselected=6)
    result.stdout.fnmatch_lines(["figures.claims.yaml::share PASSED*", "review.claims.yaml::complaints PASSED*"])
    pytester.runpytest("-k", "figures and not rate").assert_outcomes(passed=5, deselected=3)


MARKED = """\
check: NC101
cases:
  - id: known-gap
    text: "Downloads fell 35% to 382 million from 602 million."
    expect: consistent
    xfail: "the figure is wrong; the case says so"
  - id: fixed-gap
    text: "Sales fell 10% to £9m from £10m."
    expect: consistent
    xfail: "was broken once"
  - id: not-now
    text: "Sales fell 10% to £9m from £10m."
    expect: inconsistent
    skip: "waiting for the data"
  - id: slow-one
    text: "Sales fell 10% to £9m from £10m."
    expect: consistent
    marks: [slow]
"""


def test_xfail_is_strict_skip_skips_and_marks_select(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nmarkers =\n    slow: a slow claim\n")
    write(pytester, "m.claims.yaml", MARKED)
    result = pytester.runpytest("-rxXs")
    result.assert_outcomes(passed=1, failed=1, xfailed=1, skipped=1)
    result.stdout.fnmatch_lines(["*XPASS(strict)*was broken once*"], consecutive=False)
    result.stdout.fnmatch_lines(["XFAIL m.claims.yaml::known-gap - the figure is wrong; the case says so"])
    pytester.runpytest("-m", "slow").assert_outcomes(passed=1, deselected=3)
    pytester.runpytest("-m", "numcheck and not slow", "-k", "gap").assert_outcomes(failed=1, xfailed=1,
                                                                                    deselected=2)


def test_an_unregistered_mark_is_an_error_under_strict_markers(pytester: pytest.Pytester) -> None:
    # A name no other test registers: pytest remembers known marks for the whole process.
    write(pytester, "m.claims.yaml", MARKED.replace("[slow]", "[nightly_only]"))
    result = pytester.runpytest("--strict-markers")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["'nightly_only' not found in `markers` configuration option"])


def test_the_ini_option_sets_which_files_are_claim_files(pytester: pytest.Pytester) -> None:
    write(pytester, "cases/NC101.yaml", CASE_FORMAT.format(expect="inconsistent"))
    write(pytester, "other/NC101.yaml", CASE_FORMAT.format(expect="consistent"))
    pytester.runpytest().assert_outcomes()  # not claim files by default
    pytester.makeini("[pytest]\nnumcheck_claim_files = cases/NC*.yaml\n")
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["cases/NC101.yaml::fell-from-to PASSED*"])

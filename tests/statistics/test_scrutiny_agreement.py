"""NC202–NC204 agree with the documented verdicts of scrutiny (R) and the GRIM literature.

Rows are (mean, SD, N) with the verdict their source documents. scrutiny's default rounding,
"up_or_down" (a value may have been rounded either way from 5), is numcheck's reading too.
The figures are put into a sentence of APA prose and go through the whole pipeline.
"""

from __future__ import annotations

import pytest

from numcheck.checks import check_text

SCRUTINY = "lhdjung/scrutiny"
GRIM_DOC = f"{SCRUTINY} R/grim.R, roxygen @examples"
PIGS1 = f"{SCRUTINY} README.md 'Get started': grim_map(pigs1) output"
PIGS5 = f"{SCRUTINY} grimmer_map() reference page, Examples: pigs5 %>% grimmer_map() output"
RSPRITE = f"{SCRUTINY} tests/testthat/test-grimmer.R, rsprite2 cases (commented out there)"
PIGS3 = f"{SCRUTINY} tests/testthat/test-debit.R (out_expected for pigs3); vignette 'debit': debit_map(pigs3)"
DEBIT_T = f"{SCRUTINY} tests/testthat/test-debit.R"

GRIM_ROWS = [
    ("5.19", 28, False, f"{GRIM_DOC}: 'A mean of 5.19 is not consistent with a sample size of 28'"),
    ("5.19", 32, True, f"{GRIM_DOC}: '… it is consistent with a sample size of 32'"),
    ("7.22", 32, True, PIGS1), ("4.74", 25, False, PIGS1), ("5.23", 29, False, PIGS1),
    ("2.57", 24, False, PIGS1), ("6.77", 27, False, PIGS1), ("2.68", 28, True, PIGS1),
    ("7.01", 29, False, PIGS1), ("7.38", 26, True, PIGS1), ("3.14", 27, False, PIGS1),
    ("6.89", 31, False, PIGS1), ("5.00", 25, True, PIGS1), ("0.24", 28, False, PIGS1),
    ("3.48", 20, False, "Wikipedia 'GRIM test', Example: a die rolled 20 times cannot average 3.48"),
    ("5.93", 49, False, "The Economist, 'Come again', 18 June 2016 (on Brown & Heathers' GRIM test), "
                        "quoted at replicationnetwork.com/2016/06/28: 49 × 5.93 = 290.57 is no whole number"),
]


@pytest.mark.parametrize(("mean", "n", "consistent", "source"), GRIM_ROWS,
                         ids=[f"{m}/{n}" for m, n, _, _ in GRIM_ROWS])
def test_grim_agrees(mean: str, n: int, consistent: bool, source: str) -> None:
    results = check_text(f"Scores were M = {mean}, N = {n}.").results
    assert [(r.code, r.verdict) for r in results] == [
        ("NC202", "consistent" if consistent else "inconsistent")], source


# (mean, SD, N, scrutiny's consistency, scrutiny's reason)
GRIMMER_ROWS = [
    ("7.22", "5.30", 38, False, "GRIM inconsistent", PIGS5),
    ("4.74", "6.55", 31, True, "Passed all", PIGS5),
    ("5.23", "2.55", 35, False, "GRIMMER inconsistent (test 3)", PIGS5),
    ("2.57", "2.57", 30, True, "Passed all", PIGS5),
    ("6.77", "2.18", 33, False, "GRIM inconsistent", PIGS5),
    ("2.68", "2.59", 34, True, "Passed all", PIGS5),
    ("7.01", "6.68", 35, False, "GRIM inconsistent", PIGS5),
    ("7.38", "3.65", 32, True, "Passed all", PIGS5),
    ("3.14", "5.32", 33, False, "GRIM inconsistent", PIGS5),
    ("6.89", "4.18", 37, True, "Passed all", PIGS5),
    ("5.00", "2.18", 31, True, "Passed all", PIGS5),
    ("0.24", "6.43", 34, True, "Passed all", PIGS5),
    ("5.21", "1.6", 28, True, "expect_true", RSPRITE),
    ("3.44", "2.47", 18, False, "expect_false", RSPRITE),
]


@pytest.mark.parametrize(("mean", "sd", "n", "consistent", "reason", "source"), GRIMMER_ROWS,
                         ids=[f"{m}/{s}/{n}" for m, s, n, *_ in GRIMMER_ROWS])
def test_grimmer_agrees(mean: str, sd: str, n: int, consistent: bool, reason: str, source: str) -> None:
    results = {r.code: r.verdict for r in check_text(f"Scores were M = {mean}, SD = {sd}, N = {n}.").results}
    inconsistent = {code for code, verdict in results.items() if verdict == "inconsistent"}
    assert (not inconsistent) == consistent, f"{source}: {results}"
    if reason == "GRIM inconsistent":  # numcheck: NC202 flags the mean, NC203 cannot test the SD
        assert results == {"NC202": "inconsistent", "NC203": "unverifiable"}, source
    elif not consistent:
        assert results == {"NC202": "consistent", "NC203": "inconsistent"}, source


DEBIT_ROWS = [
    ("0.53", "0.50", 1683, True, PIGS3), ("0.44", "0.50", 1683, True, PIGS3),
    ("0.77", "0.42", 1683, True, PIGS3), ("0.19", "0.35", 1683, False, PIGS3),
    ("0.34", "0.47", 1683, True, PIGS3), ("0.93", "0.25", 1683, True, PIGS3),
    ("0.12", "0.33", 1683, True, PIGS3),
    ("0.00", "0.00", 50, True, f"{DEBIT_T}: 'DEBIT decides means of exactly 0 and 1'"),
    ("1.00", "0.00", 50, True, f"{DEBIT_T}: 'DEBIT decides means of exactly 0 and 1'"),
    ("0.00", "0.50", 50, False, f"{DEBIT_T}: 'DEBIT still rejects impossible SDs at those means'"),
    ("1.00", "0.50", 50, False, f"{DEBIT_T}: 'DEBIT still rejects impossible SDs at those means'"),
    ("0.50", "0.503", 100, True, f"{DEBIT_T}: 'DEBIT accepts real binary data with a mean reported as 0.50'"),
    ("0.05", "0.21", 20, False, f"{DEBIT_T}: '`formula = \"mean_n\"` accepts SDs no binary sample has'"),
    ("0.05", "0.22", 20, True, f"{DEBIT_T}: '`formula = \"mean_n\"` accepts SDs no binary sample has'"),
]


@pytest.mark.parametrize(("mean", "sd", "n", "consistent", "source"), DEBIT_ROWS,
                         ids=[f"{m}/{s}/{n}" for m, s, n, *_ in DEBIT_ROWS])
def test_debit_agrees(mean: str, sd: str, n: int, consistent: bool, source: str) -> None:
    text = f"The binary outcome had M = {mean}, SD = {sd}, N = {n}."
    results = [r.verdict for r in check_text(text).results if r.code == "NC204"]
    assert results == ["consistent" if consistent else "inconsistent"], source

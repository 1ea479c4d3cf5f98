"""NC201 agrees with statcheck's published verdicts on statcheck's own examples.

Every row is an example published with statcheck (Nuijten & Epskamp; MicheleNuijten/statcheck):
its R help page and README, its testthat suite, and the results hand-coded by its authors for
the Nuijten et al. (2016) paper, with the verdict statcheck asserts for it and the address of the
source. ``error`` is statcheck's Error (ours: verdict inconsistent), ``decision`` its
DecisionError (ours: verdict inconsistent with severity gross); ``None`` where the source asserts
nothing. statcheck's defaults are emulated (alpha .05, p = alpha counts as significant, p = .000
is an error) with OneTailedTxt = TRUE, which numcheck always applies; rows whose text mentions
one-tailed testing are taken from the OneTailedTxt = TRUE assertions.

Rows built with R's ``paste(..., x)`` carry numbers R prints with 15 significant digits; they are
rebuilt here the same way from scipy's identical distribution functions.
"""

from __future__ import annotations

import pytest
from scipy import stats

from numcheck.checks import Settings, check_text
from numcheck.claims import extract

GH = "https://github.com/MicheleNuijten/statcheck/blob"
HELP = ("https://rdrr.io/cran/statcheck/man/statcheck.html and "
        f"{GH}/0342f633ad38642d3c4ab312816b877e7922b958/man/statcheck.Rd")
README = "https://github.com/MicheleNuijten/statcheck#readme (also the CRAN description)"
T_ERR = f"{GH}/23efbebae90f26b62c26d32b273e1d3142769cc8/tests/testthat/test_error.R"
T_ERR_NEW = "https://rdrr.io/cran/statcheck/src/tests/testthat/test-error.R"
T_DEC = f"{GH}/08ef0609c405e59947c6c37d1cf340a435a08fab/tests/testthat/test-decisionerror.R"
T_OLD = f"{GH}/2aab7c00c7444132bcef07ae4276a6bddc250d31/tests/testthat/test-error.R"
T_NONE = f"{GH}/2aab7c00c7444132bcef07ae4276a6bddc250d31/tests/testthat/test-no-results.R"
T_NONAPA = f"{GH}/e4c7cd64cf6a9de21d69a66a6bb51958c7d6fda5/tests/testthat/test-extract-non-apa.R"
EXTRACT = {
    "t": f"{GH}/039695f7aa4987ed7c4773dd6a8af01c9a7fdde0/tests/testthat/test-extract-t-tests.R",
    "F": f"{GH}/408bbd4f2135143724dbbc931bc715c2366bffc7/tests/testthat/test-extract-F-tests.R",
    "r": f"{GH}/3919d92de31d1570ba9d06b0d3c040f55aac12f1/tests/testthat/test-extract-correlations.R",
    "z": f"{GH}/039695f7aa4987ed7c4773dd6a8af01c9a7fdde0/tests/testthat/test-extract-z-tests.R",
    "Q": f"{GH}/039695f7aa4987ed7c4773dd6a8af01c9a7fdde0/tests/testthat/test-extract-Q-tests.R",
    "chi2": f"{GH}/06da925381bbc0fb163d8fc4bfe6b69914bbddf8/tests/testthat/test-extract-chi2-tests.R",
}
PAPER = (f"Nuijten et al. (2016) Behav Res Methods 48:1205-1226, doi:10.3758/s13428-015-0664-2, as coded "
         f"by statcheck's authors in {GH}/8ea83750e88b3b6fc95a1d8333e7bde250afa34d/"
         "inst/test_materials/manually_extracted_stats.csv")


def _r(x: float) -> str:
    """A double as R's paste() prints it: 15 significant digits."""
    return f"{x:.15g}"


LOWP = 2 * stats.t.sf(2.25, 28)  # statcheck: lowp <- pt(2.25, 28, lower.tail = FALSE)*2
UPP = 2 * stats.t.sf(2.15, 28)   # statcheck: upp <- pt(2.15, 28, lower.tail = FALSE)*2
T04, T05, T06 = (stats.t.isf(a / 2, 28) for a in (0.04, 0.05, 0.06))  # qt(a/2, 28, lower.tail = FALSE)

ROWS = [
    # text, statcheck Error, statcheck DecisionError, source
    # The documentation's own examples. The help page's example (also under summary() and trim())
    # reports p < .001 for t(100) = 1, whose p is .32: an error, and a decision error by the
    # definitions on the same page ("the reported result is significant whereas the recomputed
    # result is not"). The README's example of APA style is a correct result.
    ("blablabla the effect was very significant (t(100)=1, p < 0.001)", True, True, f"{HELP}: Examples"),
    (" z = 1.23, p < .05", True, True, f"{HELP}: 'What does statcheck find?' (p(z = 1.23) = .22)"),
    ("t(28) = 2.2, p < .05", False, False, f"{README}: 'NHST in APA style (e.g., t(28) = 2.2, p < .05)'"),
    ("t(28) = 2.20, p = .03", True, None, f"{T_ERR}: 'simple errors are classified as such'"),
    ("F(2, 28) = 2.20, p = .15", True, None, f"{T_ERR}: 'simple errors are classified as such'"),
    ("r(28) = .22, p = .26", True, None, f"{T_ERR}: 'simple errors are classified as such'"),
    ("chi2(28) = 22.20, p = .79", True, None, f"{T_ERR}: 'simple errors are classified as such'"),
    (" z = 2.20, p = .04", True, None, f"{T_ERR}: 'simple errors are classified as such'"),
    ("Q(28) = 22.20, p = .79", True, None, f"{T_ERR}: 'simple errors are classified as such'"),
    ("t(28) = 1.20, p = .03", True, None, f"{T_ERR}: 'decision errors are also classified as errors'"),
    ("t(28) = 2.20, p = .30", True, None, f"{T_ERR}: 'decision errors are also classified as errors'"),
    ("t(28) = 2, p = .02", False, None, f"{T_ERR}: 'correctly rounded p-values are not considered errors'"),
    ("t(28) = 2, p = .14", False, None, f"{T_ERR}: 'correctly rounded p-values are not considered errors'"),
    ("t(28) = 2.2, p = .03", False, None, f"{T_ERR}: 'correctly rounded p-values are not considered errors'"),
    ("t(28) = 2.2, p = .04", False, None, f"{T_ERR}: 'correctly rounded p-values are not considered errors'"),
    ("t(28) = 2.20, p = .036", False, None, f"{T_ERR}: 'correctly rounded p-values are not considered errors'"),
    ("t(28) = 2.20, p = .037", False, None, f"{T_ERR}: 'correctly rounded p-values are not considered errors'"),
    ("t(28) = 2.20, p = .018", True, None, f"{T_ERR}: 'automated one-tailed test detection works'"),
    ("t(28) = 2.20, p = .01, one-tailed", True, None, f"{T_ERR}: 'automated one-tailed test detection works'"),
    ("t(28) = 2.20, p = .018, one-tailed", False, None, f"{T_ERR}: 'automated one-tailed test detection works'"),
    ("t(28) = 2.20, p = .018, one-sided", False, None, f"{T_ERR}: 'automated one-tailed test detection works'"),
    ("t(28) = 2.20, p = .018, directional", False, None, f"{T_ERR}: 'automated one-tailed test detection works'"),
    ("t(28) = 22.20, p = .000", True, None, f"{T_ERR}: 'you can adapt whether p = .000 is counted as inconsistent'"),
    ("t(28) = 22.20, p < .000", True, None, f"{T_ERR}: 'you can adapt whether p = .000 is counted as inconsistent'"),
    (" Z = -2.42, p = 0.016", False, None, f"{T_ERR_NEW}: 'p-values of negative tests are correctly classified'"),
    ("t(28) = -2.20, p = .03", True, None, f"{T_ERR_NEW}: 'p-values of negative tests are correctly classified'"),
    ("t(28) = 2.20, ns", True, None, f"{T_ERR_NEW}: 'inexactly reported p-values are correctly classified'"),
    ("t(28) = 2.20, p > .05", True, None, f"{T_ERR_NEW}: 'inexactly reported p-values are correctly classified'"),
    ("t(28) = 2.0, p < .05", False, None, f"{T_ERR_NEW}: 'inexactly reported p-values are correctly classified'"),
    ("t(28) = 2.2, p = .036", False, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    ("t(28) = 2.2, p < .08", False, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    ("t(28) = 2.2, p > .02", False, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    (f"t(28) = 2.2, p > {_r(UPP)}", True, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    ("t(28) = 2.2, p = .08", True, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    ("t(28) = 2.2, p = .02", True, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    ("t(28) = 2.2, p > .08", True, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    ("t(28) = 2.2, p < .02", True, None, f"{T_ERR_NEW}: 'cases where t = ... are correctly classified'"),
    (f"t(28) < 2.20, p > {_r(UPP)}", False, None, f"{T_ERR_NEW}: 'cases where t < ... are correctly classified'"),
    ("t(28) < 2.2, p = .08", False, None, f"{T_ERR_NEW}: 'cases where t < ... are correctly classified'"),
    ("t(28) < 2.2, p > .08", False, None, f"{T_ERR_NEW}: 'cases where t < ... are correctly classified'"),
    ("t(28) < 2.2, p < .08", False, None, f"{T_ERR_NEW}: 'cases where t < ... are correctly classified'"),
    ("t(28) < 2.2, p > .02", False, None, f"{T_ERR_NEW}: 'cases where t < ... are correctly classified'"),
    (f"t(28) < 2.2, p = {_r(LOWP)}", True, None, f"{T_ERR_NEW}: 'cases where t < ... are correctly classified'"),
    ("t(28) < 2.2, p = .02", True, None, f"{T_ERR_NEW}: 'cases where t < ... are correctly classified'"),
    (f"t(28) > 2.20, p < {_r(UPP)}", False, None, f"{T_ERR_NEW}: 'cases where t > ... are correctly classified'"),
    ("t(28) > 2.2, p = .02", False, None, f"{T_ERR_NEW}: 'cases where t > ... are correctly classified'"),
    ("t(28) > 2.2, p > .02", False, None, f"{T_ERR_NEW}: 'cases where t > ... are correctly classified'"),
    ("t(28) > 2.2, p < .02", False, None, f"{T_ERR_NEW}: 'cases where t > ... are correctly classified'"),
    ("t(28) > 2.2, p < .08", False, None, f"{T_ERR_NEW}: 'cases where t > ... are correctly classified'"),
    ("t(28) > 2.2, p = .08", True, None, f"{T_ERR_NEW}: 'cases where t > ... are correctly classified'"),
    ("The effect was very significant (t(48) = 1.02, p < .05)", True, True,
     f"{T_OLD}: 'Detecting a p-value error from a t-test'"),
    ("t(28) = 2.20, p = .06", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("t(28) = 1.20, p = .03", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("F(2, 28) = 22.20, p = .06", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("F(2, 28) = 2.20, p = .03", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("r(28) = .22, p = .03", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("r(28) = .52, p = .06", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("chi2(28) = 2.20, p = .03", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("chi2(28) = 52.20, p = .06", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    (" z = 1.20, p = .03", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    (" z = 2.20, p = .06", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("Q(28) = 2.20, p = .03", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("Q(28) = 52.20, p = .06", None, True, f"{T_DEC}: 'simple decision errors are classified as such'"),
    ("t(28) = 2.20, p = .05", None, False, f"{T_DEC}: 'decision errors ... when argument p = alpha is changed'"),
]
# test-decisionerror.R, 'cases where t = ..., p = / < / > ... are correctly classified' (defaults):
# the DecisionError asserted for t at p = .04, at p ≈ .05 (t.05 + .0001; exactly t.05 for p = .05),
# and at p = .06, for each way of reporting p.
DECISION_GRID = {
    "= .04": (False, False, True), "= .05": (False, False, True), "= .06": (True, True, False),
    "< .04": (False, False, True), "< .05": (False, False, True), "< .06": (False, False, False),
    "> .04": (False, False, False), "> .05": (True, True, False), "> .06": (True, True, False),
}
for p_text, expected in DECISION_GRID.items():
    middle = T05 if p_text == "= .05" else T05 + .0001
    for t, decision in zip((T04, middle, T06), expected):
        ROWS.append((f"t(28) = {_r(t)}, p {p_text}", None, decision,
                     f"{T_DEC}: 'cases where t = ..., p {p_text[0]} ... are correctly classified'"))
ROWS += [
    ("t(37) = -4.93, p < .001", False, False, f"{PAPER}, p. 1206"),
    ("χ2(1, N = 226) = 6.90, p <.01", False, False, f"{PAPER}, p. 1206"),
    ("F(2, 70) = 4.48, MSE = 6.61, p <.02", False, False, f"{PAPER}, p. 1207 (statcheck apa_style = FALSE)"),
    ("t(28) = 2.0, p<.05", False, False, f"{PAPER}, p. 1207"),
    ("F(2,56) = 1.203, p < .001", True, True, f"{PAPER}, p. 1214 (a typo for 12.03)"),
    ("F(2,56) = 12.03, p < .001", False, False, f"{PAPER}, p. 1214"),
    ("F(1, 76) = 23.95, p <.001", False, False, f"{PAPER}, p. 1220"),
    ("G2(1) = 6.53, p =.011", False, False, f"{PAPER}, p. 1220"),
    ("t(14) = 2.0, p <.03", True, True, f"{PAPER}, p. 1221 (columns error, decision_error)"),
    ("A one-tailed test: t(14) = 2.0, p <.03", False, False,
     f"{PAPER}, p. 1221 (columns error_1tail, decision_error_1tail; the paper says one-tailed)"),
]


@pytest.mark.parametrize(("text", "error", "decision", "source"), ROWS,
                         ids=[f"{i:02d}:{r[0].strip()[:40]}" for i, r in enumerate(ROWS)])
def test_agrees_with_statcheck(text: str, error: bool | None, decision: bool | None, source: str) -> None:
    results = check_text(text, settings=Settings(select=("NC201",))).results
    assert len(results) == 1, f"{source}: statcheck extracts one result"
    r = results[0]
    if error is not None:
        assert (r.verdict == "inconsistent") == error, f"{source}: {r.message}"
    if decision is not None:
        assert (r.severity == "gross") == decision, f"{source}: {r.message}"


# Strings statcheck does not take for test results; numcheck must not either.
NOT_RESULTS = [
    ("t(28) = 2.20, p = 1.03", f"{EXTRACT['t']}: 'p-values larger than 1'"),
    ("t(2,28) = 2.20, p = .03", f"{EXTRACT['t']}: 't-tests with 2 dfs'"),
    ("t[28] = 2.20, p = .03", f"{EXTRACT['t']}: 'incorrect punctuation'"),
    (" z(28) = 2.20, p = .03", f"{EXTRACT['z']}: 'z followed by df'"),
    ("q(2) = 2.2, p = .03", f"{EXTRACT['Q']}: 'only look like Q-tests'"),
    ("Qs(2) = 2.2, p = .03", f"{EXTRACT['Q']}: 'only look like Q-tests'"),
    ("Qb(2, N = 187) = 2.20, p = .03", f"{EXTRACT['Q']}: 'only look like Q-tests'"),
    ("QError(16) = .26, p = .10", f"{EXTRACT['r']}: 'subscripts ending on r'"),
    ("All the results were significant, all ps < .05", T_NONE),
]


@pytest.mark.parametrize(("text", "source"), NOT_RESULTS, ids=[t.strip() for t, _ in NOT_RESULTS])
def test_not_a_test_result_for_statcheck_either(text: str, source: str) -> None:
    doc = check_text(text, settings=Settings(select=("NC201",)))
    assert [c.kind for c in doc.claims if c.kind == "test_result"] == [], source
    assert doc.results == (), source


# Strings statcheck's extraction tests assert it reads, with how many results; numcheck reads the
# same number of test results, of the same test.
EXTRACTED = [
    (text, test, n, f"{EXTRACT[test]}: {what}") for test, what, n, text in [
        ("t", "'t-tests are retrieved from sentences'", 2,
         "Both effects were very significant, t(28) = 2.20, p = .03, t(28) = 1.23, p = .04."),
        ("t", "'different spacing'", 1, " t ( 28 ) = 2.20 , p = .03"),
        ("t", "'different spacing'", 1, "t(28)=2.20,p=.03"),
        ("t", "'variations in the t-statistic'", 1, "t(28) = 2,000.20, p = .03"),
        ("t", "'variations in the t-statistic'", 1, "t(28) > 2.20, p = .03"),
        ("t", "'variations in the p-value'", 1, "t(28) = 2.20, p = 0.03"),
        ("t", "'variations in the p-value'", 1, "t(28) = 2.20, p = .5e-3"),
        ("t", "'corrected degrees of freedom'", 1, "t(28.1) = 2.20, p = .03"),
        ("F", "'different spacing'", 1, " F ( 2 , 28 ) = 2.20 , p = .03"),
        ("F", "'corrected degrees of freedom'", 1, "F(2.1, 28.1) = 2.20, p = .03"),
        ("r", "'different spacing'", 1, " r ( 28 ) = .20 , p = .03"),
        ("z", "'different spacing'", 1, " z=2.20,p=.03"),
        ("Q", "'different types of Q-tests'", 1, "Qwithin(2) = 2.20, p = .03"),
        ("Q", "'different types of Q-tests'", 1, "Q-between(2) = 2.20, p = .03"),
        ("chi2", "'variations in spelling the Greek letter chi'", 1, "chi_2(28) = 2.20, p = .03"),
        ("chi2", "'variations in spelling the Greek letter chi'", 1, "\u03C72(28) = 2.20, p = .03"),
        ("chi2", "'variations in spelling the chi-squared 2'", 1, "x^2(28) = 2.20, p = .03"),
        ("chi2", "'variations in spelling the chi-squared 2'", 1, "chi\u00B2(28) = 2.20, p = .03"),
        ("chi2", "'different variations in df'", 1, "chi2(1, N = 11,455) = 16.78, p <.001"),
        ("chi2", "'different variations in df'", 1, "chi2(1, n = 81) = 3.25, p = 0.07"),
    ]
]


@pytest.mark.parametrize(("text", "test", "n", "source"), EXTRACTED, ids=[e[0].strip() for e in EXTRACTED])
def test_reads_what_statcheck_reads(text: str, test: str, n: int, source: str) -> None:
    found = [c.attributes["test"] for c in extract(text).claims if c.kind == "test_result"]
    assert found == [test] * n, source


# Where numcheck deliberately goes further than statcheck's APA mode, and why.
DIFFERENCES = [
    ("t(28) = 2.20; p = .03", "inconsistent",
     f"statcheck skips a semicolon ({EXTRACT['t']}: 'incorrect punctuation'); issue 8 asks for it"),
    ("r(16) = 26.05, p = .10", "inconsistent",
     f"statcheck drops r > 1 ({EXTRACT['r']}); no reading makes it a correlation, so it is flagged"),
    ("t(191) = 8.22, p < . 001", "consistent",
     f"statcheck files 'p < . 001' under non-APA forms, not read in its default APA mode ({T_NONAPA}); "
     "numcheck always reads it"),
    (f"t(28) = 2.2, p < {_r(LOWP)}", "consistent",
     "a knife edge in statcheck's error tests ('cases where t = ...'), asserted an error: the bound is "
     "p(2.25) printed to 15 digits, 3e-17 above p(2.25); statcheck computes 2.2 + 0.05 in binary "
     "floating point (2.2500000000000004), which tips it over, while numcheck's exact decimal "
     "interval [2.15, 2.25] reaches the bound"),
]


@pytest.mark.parametrize(("text", "verdict", "why"), DIFFERENCES, ids=[d[0] for d in DIFFERENCES])
def test_deliberate_differences(text: str, verdict: str, why: str) -> None:
    results = check_text(text, settings=Settings(select=("NC201",))).results
    assert [r.verdict for r in results] == [verdict], why


def test_recomputed_interval_matches_the_published_worked_example() -> None:
    """Nuijten et al. (2016), p. 1207: "t(28) = 2.0, p<.05 … a reported t-value of 2.0 could
    correspond to any rounded value between 1.95 and 2.05, with a corresponding range of p-values
    between .0498 and .0613, which means that the reported p <.05 is not considered inconsistent."
    The paper ships with statcheck: https://github.com/MicheleNuijten/statcheck/blob/
    705da798de8815a09256edfb7197ff8795979fcb/inst/test_materials/test_dir/NuijtenEtAl_2016_ReportingErrorsPsychology.txt
    """
    [r] = check_text("Consider t(28) = 2.0, p<.05.", settings=Settings(select=("NC201",))).results
    assert r.verdict == "consistent"
    assert (round(float(r.computed.lower), 4), round(float(r.computed.upper), 4)) == (0.0498, 0.0613)
    assert round(float(r.computed.value), 3) == 0.055  # "The recalculated p-value … is .055"


def test_statistic_stands_for_its_rounding_as_documented() -> None:
    """statcheck's help page ('Rounded test statistics', see HELP): "a reported t value of 2.35
    could correspond to an actual value of 2.345 to 2.354" (to 2.355 exclusive, as numcheck reads it)."""
    doc = extract("The effect held, t(28) = 2.35, p = .03.")
    [claim] = [c for c in doc.claims if c.kind == "test_result"]
    stat = next(q for q in doc.quantities if q.id == claim.roles["statistic"])
    assert (str(stat.lower), str(stat.upper)) == ("2.345", "2.355")

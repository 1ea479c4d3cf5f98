"""Reported tests and descriptives become typed claims, and every number is still accounted for once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck.claims import extract
from numcheck.claims.audit import unaccounted
from numcheck.claims.quantities import scan
from numcheck.claims.relations import find_claims
from numcheck.claims.segment import segment
from numcheck.claims.statistics import find_statistics, might_hold_statistics, number_claims


def _reading(text: str) -> tuple:
    """(test, test_text, test comparison, statistic, df1, df2, N, p comparison, p) of the one test."""
    doc = extract(text)
    [claim] = [c for c in doc.claims if c.kind == "test_result"]
    q = {role: next(x for x in doc.quantities if x.id == qid) for role, qid in claim.roles.items()}
    value = lambda role: str(q[role].value) if role in q else None  # noqa: E731
    a = claim.attributes
    return (a["test"], a["test_text"], a["test_comparison"], value("statistic"), value("df1"),
            value("df2"), value("N"), a["p_comparison"], value("p"))


# Forms from statcheck's extraction tests (tests/testthat/test-extract-*.R) and common variants.
READINGS = [
    ("t(28) = 2.20, p = .03", ("t", "t", "=", "2.20", "28", None, None, "=", "0.03")),
    ("The effect was very significant, t(28) = 2.20, p = .03.", ("t", "t", "=", "2.20", "28", None, None, "=", "0.03")),
    (" t ( 28 ) = 2.20 , p = .03", ("t", "t", "=", "2.20", "28", None, None, "=", "0.03")),
    ("t(28)=2.20,p=.03", ("t", "t", "=", "2.20", "28", None, None, "=", "0.03")),
    ("t(28) = -2.20, p = .03", ("t", "t", "=", "-2.20", "28", None, None, "=", "0.03")),
    ("t(28) = \u22122.20, p = .03", ("t", "t", "=", "-2.20", "28", None, None, "=", "0.03")),
    ("t(28) = 2,000.20, p = .03", ("t", "t", "=", "2000.20", "28", None, None, "=", "0.03")),
    ("t(28) < 2.20, p = .03", ("t", "t", "<", "2.20", "28", None, None, "=", "0.03")),
    ("t(28) > 2.20, p = .03", ("t", "t", ">", "2.20", "28", None, None, "=", "0.03")),
    ("t(28) = 2.20, p = 0.03", ("t", "t", "=", "2.20", "28", None, None, "=", "0.03")),
    ("t(28) = 2.20, p < .03", ("t", "t", "=", "2.20", "28", None, None, "<", "0.03")),
    ("t(28) = 2.20, p > .03", ("t", "t", "=", "2.20", "28", None, None, ">", "0.03")),
    ("t(28) = 2.20, ns", ("t", "t", "=", "2.20", "28", None, None, "ns", None)),
    ("t(28) = 2.20, n.s.", ("t", "t", "=", "2.20", "28", None, None, "ns", None)),
    ("t(28) = 2.20, p = .5e-3", ("t", "t", "=", "2.20", "28", None, None, "=", "0.0005")),
    ("t(28.1) = 2.20, p = .03", ("t", "t", "=", "2.20", "28.1", None, None, "=", "0.03")),
    ("t(28) = 2.20; p = .03", ("t", "t", "=", "2.20", "28", None, None, "=", "0.03")),
    ("t(28) = 2.20 (p = .03)", ("t", "t", "=", "2.20", "28", None, None, "=", "0.03")),
    ("t(191) = 8.22, p < . 001", ("t", "t", "=", "8.22", "191", None, None, "<", "0.001")),
    ("t(28) = 2.20, p \u2264 .05", ("t", "t", "=", "2.20", "28", None, None, "<", "0.05")),
    ("F(2, 28) = 2.20, p = .03", ("F", "F", "=", "2.20", "2", "28", None, "=", "0.03")),
    (" F ( 2 , 28 ) = 2.20 , p = .03", ("F", "F", "=", "2.20", "2", "28", None, "=", "0.03")),
    ("F(2.1, 28.1) = 2.20, p = .03", ("F", "F", "=", "2.20", "2.1", "28.1", None, "=", "0.03")),
    ("F(2,25) = 11.37, MSE = 236, p < .01", ("F", "F", "=", "11.37", "2", "25", None, "<", "0.01")),
    ("r(28) = .20, p = .03", ("r", "r", "=", "0.20", "28", None, None, "=", "0.03")),
    ("r(28) = \u2212.20, p = .03", ("r", "r", "=", "-0.20", "28", None, None, "=", "0.03")),
    ("chi2(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("X2(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("x2(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("chi_2(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("\u03c72(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("x^2(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("chi\u00b2(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("Chi-square(28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("Chi-squared (28) = 2.20, p = .03", ("chi2", "χ²", "=", "2.20", "28", None, None, "=", "0.03")),
    ("chi2(28, N = 129) = 2.2, p = .03", ("chi2", "χ²", "=", "2.2", "28", None, "129", "=", "0.03")),
    ("chi2(1, N = 11,455) = 16.78, p <.001", ("chi2", "χ²", "=", "16.78", "1", None, "11455", "<", "0.001")),
    ("chi2(1, n = 81) = 3.25, p = 0.07", ("chi2", "χ²", "=", "3.25", "1", None, "81", "=", "0.07")),
    ("G2(1) = 6.53, p =.011", ("chi2", "G²", "=", "6.53", "1", None, None, "=", "0.011")),
    (" z = 2.20, p = .03", ("z", "z", "=", "2.20", None, None, None, "=", "0.03")),
    ("Z = 2.20, p = .03", ("z", "z", "=", "2.20", None, None, None, "=", "0.03")),
    ("Q(2) = 2.20, p = .03", ("Q", "Q", "=", "2.20", "2", None, None, "=", "0.03")),
    ("Qw(2) = 2.20, p = .03", ("Q", "Qw", "=", "2.20", "2", None, None, "=", "0.03")),
    ("Qwithin(2) = 2.20, p = .03", ("Q", "Qw", "=", "2.20", "2", None, None, "=", "0.03")),
    ("Q-within(2) = 2.20, p = .03", ("Q", "Qw", "=", "2.20", "2", None, None, "=", "0.03")),
    ("Qb(2) = 2.20, p = .03", ("Q", "Qb", "=", "2.20", "2", None, None, "=", "0.03")),
    ("Qbetween(2) = 2.20, p = .03", ("Q", "Qb", "=", "2.20", "2", None, None, "=", "0.03")),
    ("Q-between(2) = 2.20, p = .03", ("Q", "Qb", "=", "2.20", "2", None, None, "=", "0.03")),
]


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[t.strip() for t, _ in READINGS])
def test_reads_test_result(text: str, expected: tuple) -> None:
    assert _reading(text) == expected


def test_quantities_are_typed_with_their_intervals() -> None:
    doc = extract("Recall improved, t(28.3) = \u22122.20, p < .001; F(2, 45) = 3.91, p > .05.")
    got = [(q.id, q.text, q.kind, q.qualifier, q.lower, q.upper) for q in doc.quantities]
    assert got == [
        ("q1", "28.3", "count", "exact", Decimal("28.25"), Decimal("28.35")),
        ("q2", "\u22122.20", "measure", "exact", Decimal("-2.205"), Decimal("-2.195")),
        ("q3", ".001", "ratio", "less_than", Decimal("0"), Decimal(".001")),
        ("q4", "2", "count", "exact", Decimal("2"), Decimal("2")),
        ("q5", "45", "count", "exact", Decimal("45"), Decimal("45")),
        ("q6", "3.91", "measure", "exact", Decimal("3.905"), Decimal("3.915")),
        ("q7", ".05", "ratio", "more_than", Decimal(".05"), Decimal("1")),
    ]


def test_test_names_with_digits_are_classified_once() -> None:
    doc = extract("Choices differed, \u03c72(1, N = 120) = 4.12, p = .042, and G2(1) = 6.53, p = .011.")
    assert [(c.text, c.category, c.reason) for c in doc.classified] == [
        ("\u03c72", "identifier", "name of the χ² test statistic"),
        ("G2", "identifier", "name of the G² test statistic"),
    ]
    assert unaccounted(doc) == []


def test_one_tailed_is_read_from_the_whole_document() -> None:
    doc = extract("All tests were one-sided.\n\nThe effect held, t(28) = 2.20, p = .018.")
    [claim] = doc.claims
    assert claim.attributes["one_tailed"] is True
    assert claim.attributes["one_tailed_word"] == "one-sided"
    assert extract("t(28) = 2.20, p = .018, two-tailed").claims[0].attributes["one_tailed"] is False


def test_claims_and_quantities_are_numbered_in_text_order_with_news_claims() -> None:
    text = "Sales fell 10% to \u00a39m from \u00a310m. The effect held, t(28) = 2.20, p = .036 (M = 3.50, SD = 1.20, N = 28)."
    doc = extract(text)
    assert [(c.id, c.kind) for c in doc.claims] == [("c1", "change"), ("c2", "test_result"), ("c3", "descriptives")]
    assert [q.id for q in doc.quantities] == [f"q{i}" for i in range(1, len(doc.quantities) + 1)]
    starts = [q.start for q in doc.quantities]
    assert starts == sorted(starts)
    for claim in doc.claims:
        assert set(claim.roles.values()) <= {q.id for q in doc.quantities}
        assert text[claim.start:claim.end] == claim.text


def test_text_without_a_comparison_sign_is_handed_back_untouched() -> None:
    """The hook runs on every document, news included: without "=", "<", ">", "≤" or "≥" it must
    return the scanner's own lists and the relation finders' claims, not copies of them."""
    seg = segment("Sales fell 10% to \u00a39m from \u00a310m; chi-square tests (t-tests too) were not run.")
    quantities, classified = scan(seg)
    assert find_statistics(seg, quantities, classified) == (quantities, classified, [])
    got_q, got_c, statistics = find_statistics(seg, quantities, classified)
    assert got_q is quantities and got_c is classified
    claims = find_claims(seg, quantities)
    assert number_claims(claims, statistics) is claims


@pytest.mark.parametrize("sign", ["=", "<", ">", "\u2264", "\u2265"])
def test_every_comparison_sign_opens_the_gate(sign: str) -> None:
    assert might_hold_statistics(f"t(28) {sign} 2.20")
    assert extract(f"The effect held, t(28) {sign} 2.20, p {sign} .03.").claims[0].kind == "test_result"


DESCRIPTIVES = [
    ("M = 3.47, SD = 1.21, N = 28", {"mean": "3.47", "sd": "1.21", "n": "28"}, 1, False, ""),
    ("Liking was high (M = 5.19, SD = 1.07, n = 40).", {"mean": "5.19", "sd": "1.07", "n": "40"}, 1, False, ""),
    ("Scores averaged M = 3.50 (SD = 1.20), N = 28.", {"mean": "3.50", "sd": "1.20", "n": "28"}, 1, False, ""),
    ("mean = 4.25 (SD = 0.90), n = 20", {"mean": "4.25", "sd": "0.90", "n": "20"}, 1, False, ""),
    ("M=4.10,SD=1.20,N=10", {"mean": "4.10", "sd": "1.20", "n": "10"}, 1, False, ""),
    ("On the 5-item scale (M = 3.48, SD = 0.70, N = 1,028)", {"mean": "3.48", "sd": "0.70", "n": "1028"}, 5, False, ""),
    ("The binary outcome had M = 0.53, SD = 0.50, N = 1683.", {"mean": "0.53", "sd": "0.50", "n": "1683"}, 1, True, ""),
    ("Smoking (coded 0/1) had M = 0.44, SD = 0.50, N = 1683.", {"mean": "0.44", "sd": "0.50", "n": "1683"}, 1, True, ""),
    ("Responses took M = 512.34 ms, SD = 80.20 ms, n = 20.", {"mean": "512.34", "sd": "80.20", "n": "20"}, 1, False, "ms"),
    ("Change was negative (M = \u22121.25, SD = 0.80, N = 20).", {"mean": "-1.25", "sd": "0.80", "n": "20"}, 1, False, ""),
    ("Of the 28 participants, the younger scored M = 3.47 (SD = 1.21).", {"mean": "3.47", "sd": "1.21"}, 1, False, ""),
]


@pytest.mark.parametrize(("text", "roles", "items", "binary", "unit"), DESCRIPTIVES, ids=[d[0] for d in DESCRIPTIVES])
def test_reads_descriptives(text: str, roles: dict, items: int, binary: bool, unit: str) -> None:
    doc = extract(text)
    [claim] = [c for c in doc.claims if c.kind == "descriptives"]
    by_id = {q.id: q for q in doc.quantities}
    assert {role: str(by_id[qid].value) for role, qid in claim.roles.items()} == roles
    assert (claim.attributes["items"], claim.attributes["binary"], claim.attributes["unit"]) == (items, binary, unit)
    if "n" in roles:
        n = by_id[claim.roles["n"]]
        assert n.lower == n.upper == n.value  # a sample size is an exact count
    assert unaccounted(doc) == []


STAT_PIECES = ["t", "F", "r", "z", "Q", "χ2", "X2", "chi2", "G²", "(", ")", "28", "2", ",", " ", "=", "<",
               ">", "p", ".", "03", "5", "0", "-", "\u2212", "ns", "N", "n", "M", "SD", ";", "e-3", "1,000"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(STAT_PIECES), max_size=40).map("".join))
def test_statistics_never_crash_and_account_for_every_digit(text: str) -> None:
    doc = extract(text)
    assert unaccounted(doc) == []
    assert [q.id for q in doc.quantities] == [f"q{i}" for i in range(1, len(doc.quantities) + 1)]
    assert [c.id for c in doc.claims] == [f"c{i}" for i in range(1, len(doc.claims) + 1)]
    spans = sorted((q.start, q.end) for q in doc.quantities)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "quantities never overlap"
    for q in doc.quantities:
        assert text[q.start:q.end] == q.text
        assert q.lower is None or q.upper is None or q.lower <= q.upper

"""Research statistics as explicit claims: a reported test and descriptives (NC201-NC204), written
as fields, read by the same finders as a results section, in real pytest runs (pytester)."""

from __future__ import annotations

import pytest
from plugin_support import write

pytest_plugins = ["pytester"]

STATISTICS = """\
claims:
  - id: grim-impossible-mean
    descriptives: {mean: "3.47", n: "28"}
    expect: inconsistent
  - id: grim-possible-mean
    descriptives: {mean: "3.46", sd: "1.20", n: "28"}
  - id: five-item-scale
    descriptives: {mean: "3.47", n: "28", items: "5"}
  - id: binary-proportion
    descriptives: {mean: "0.30", sd: "0.46", n: "100", binary: true}
  - id: t-test
    statistic: {test: "t(28) = 2.20, p = .036"}
  - id: one-tailed
    statistic: {test: "t(28) = 2.20, p = .018", one-tailed: true}
"""


def test_statistics_claims_pass(pytester: pytest.Pytester) -> None:
    write(pytester, "stats.claims.yaml", STATISTICS)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=6)


def test_a_decision_error_fails_at_its_yaml_line(pytester: pytest.Pytester) -> None:
    write(pytester, "stats.claims.yaml", STATISTICS + """\
  - id: decision-flips
    statistic: {test: "t(45) = 1.2, p = .02"}
""")
    result = pytester.runpytest()
    result.assert_outcomes(passed=6, failed=1)
    result.stdout.fnmatch_lines([
        "stats.claims.yaml:16: NC201 t(45) = 1.2 gives p = .236 (.217 to .257); reported p = .02; the reported "
        "p is significant at .05 and the recomputed one is not: the decision flips",
        "    check: p-value, inconsistent (gross)",
    ])


@pytest.mark.parametrize("item, message", [
    ('descriptives: {mean: "3.47"}', "stats.claims.yaml:3: the descriptives of claim 'x' needs a 'n' field"),
    ('descriptives: {mean: "3.47", n: "28", binary: "yes"}', "stats.claims.yaml:3: 'binary' must be true or false"),
    ('statistic: {test: "the effect was large"}',
     "stats.claims.yaml:3: numcheck reads no test result in 'the effect was large'"),
    ('descriptives: {mean: "3.47", n: "28", sdev: "1.2"}', "stats.claims.yaml:3: unknown field 'sdev' in the descriptives of claim 'x'; did you mean 'sd'?"),
])
def test_malformed_statistics_are_collection_errors(pytester: pytest.Pytester, item: str, message: str) -> None:
    write(pytester, "stats.claims.yaml", f"claims:\n  - id: x\n    {item}\n")
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*{message}*"])
    assert "Traceback" not in result.stdout.str()

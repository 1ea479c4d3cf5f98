"""What the statistics checks' case files must hold, and where the checks must stay silent.

The cases of NC201–NC204 live with every other check's in ``tests/checks/cases/NC20x.yaml`` and
run there (tests/checks/test_cases.py: one test per case, id ``NC201_apa-t``). Issue 8 asks more
of these four files than the general meta-tests do: at least 15 passing and 15 failing cases
each, and, for NC201, the APA variants and edge cases named below. Texts on which a check must
give no result at all (no complete test result, no sample size, not binary) are in
:data:`SILENT`; a case file cannot express them, since each case expects exactly one result.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck.checks import check_text

CASES_DIR = Path(__file__).resolve().parents[1] / "checks" / "cases"
CODES = ("NC201", "NC202", "NC203", "NC204")


def _load(code: str) -> dict[str, Any]:
    return yaml.safe_load((CASES_DIR / f"{code}.yaml").read_text(encoding="utf-8"))


FILES = {code: _load(code) for code in CODES}


@pytest.mark.parametrize("code", CODES)
def test_fifteen_passing_and_fifteen_failing_cases(code: str) -> None:
    counts = Counter(case["expect"] for case in FILES[code]["cases"])
    assert counts["consistent"] >= 15 and counts["inconsistent"] >= 15, counts


#: Edge cases issue 8 names for NC201, each as (what, pattern over the case text, verdicts wanted).
EDGES = [
    ("p = .000", r"p = \.000", {"inconsistent"}),
    ("df with decimals", r"t\(\d+\.\d+\)", {"consistent", "inconsistent"}),
    ("negative t", r"t\(\d+(?:\.\d+)?\) = [−-]\d", {"consistent", "inconsistent"}),
    ("r > 1", r"r\(\d+\) = \d\d", {"inconsistent"}),
    ("one-tailed", r"one-tailed", {"consistent", "inconsistent"}),
    ("p < .001", r"p < \.\s?001", {"consistent", "inconsistent"}),
    ("ns", r"\bns\b", {"consistent", "inconsistent"}),
    ("χ² spelled χ2 / chi2 / Chi-square / X2 / G2", r"χ2|chi2|Chi-square|X2|G2", {"consistent", "inconsistent"}),
    ("semicolon before p", r"; p", {"consistent", "inconsistent"}),
    ("Unicode minus", "−", {"consistent", "inconsistent"}),
]


@pytest.mark.parametrize(("what", "pattern", "verdicts"), EDGES, ids=[e[0] for e in EDGES])
def test_p_value_cases_cover_the_edge_cases(what: str, pattern: str, verdicts: set[str]) -> None:
    found = {case["expect"] for case in FILES["NC201"]["cases"] if re.search(pattern, case["text"])}
    assert verdicts <= found, f"NC201.yaml lacks a {sorted(verdicts - found)} case with {what}"


SILENT = [
    ("NC201", "no-degrees-of-freedom", "The correlation was moderate, r = .30, p < .05."),
    ("NC201", "p-above-one", "This is a typo, t(28) = 2.20, p = 1.03."),
    ("NC201", "z-with-df", "A z with df is not a z-test, z(28) = 2.20, p = .03."),
    ("NC201", "lower-case-q", "Tukey's q(2) = 2.2, p = .03 is another test."),
    ("NC201", "news-score-line", "Arsenal won 2-1 (p = possession) after a 3 = 3 draw."),
    ("NC202", "mean-with-unit-is-not-whole-numbers", "Responses were fast (M = 512.34 ms, SD = 80.20 ms, n = 20)."),
    ("NC202", "mean-in-kilograms", "Body weight was M = 5.23 kg, SD = 1.10 kg, N = 28."),
    ("NC202", "mean-in-percent", "Accuracy was M = 45.23%, SD = 10.10%, N = 28."),
    ("NC203", "sd-in-kilograms", "Body weight was M = 5.25 kg, SD = 1.13 kg, N = 28."),
    ("NC202", "n-outside-the-block", "Of the 28 participants, the younger ones scored M = 3.47 (SD = 1.21)."),
    ("NC203", "no-sd-no-test", "Ratings were spread (M = 7.38, N = 32)."),
    ("NC204", "not-said-to-be-binary", "The outcome had M = 0.19, SD = 0.35, N = 1683."),
]


@pytest.mark.parametrize(("code", "why", "text"), SILENT, ids=[f"{c}_{w}" for c, w, _ in SILENT])
def test_check_stays_silent(code: str, why: str, text: str) -> None:
    assert [r.message for r in check_text(text).results if r.code == code] == []

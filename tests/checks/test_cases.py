"""The case files of the checks: ``cases/NC1xx.yaml``, the independent specification of each check.

Each file holds pass, fail and unverifiable cases written by hand for one check, in news phrasing,
with the expected verdict worked out by interval arithmetic under numcheck's rule (a claim is
inconsistent only if no reading within the stated precision and hedges makes it true); the note
of each case shows that arithmetic. The cases run through numcheck's own pytest plugin: the
project's ``[tool.pytest.ini_options] numcheck_claim_files`` includes ``tests/checks/cases/NC*.yaml``,
so each case is one test item, ``tests/checks/cases/NC101.yaml::album-sales-down-35``. A case runs
:func:`numcheck.checks.check_text` on its text and expects exactly one result of the file's check,
with the expected verdict (and severity, when the case gives one). Results of other checks on the
same text are ignored.

Cases the checks do not meet yet carry ``xfail: <what goes wrong>`` in the case itself; they run
as strict xfails, so a fix turns them into failures until the field is removed. The expectations
are never bent to fit the implementation.

This module holds the meta-tests: what the case files must hold beyond what the plugin checks.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck.checks import registry
from numcheck.reports.claimfile import parse
from numcheck.reports.pytest_plugin import is_claim_file

CASES_DIR = Path(__file__).resolve().parent / "cases"
VERDICTS = ("consistent", "inconsistent", "unverifiable")
SEVERITIES = ("minor", "major", "gross")
REQUIRED_KEYS = {"id", "text", "expect", "note"}
CASE_KEYS = REQUIRED_KEYS | {"severity", "xfail"}
MIN_EACH = 8
_KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

# Notes the former KNOWN_GAPS table held without naming a case (no case fails on them now):
# - spec: 'doubled' is read as 1.8 to 2.2 times; the rule reads the word as exactly 2.
# - spec: the '52 weeks' reading makes a month 28 days (13 a year); the rule allows 12.
# - 'fell by 35,000 to 1.42 million' read as a range: 35,000 takes the million scale.
# - ', an increase of / a rise of / a drop of X' after the values gets no stated_change role.
# - 'bring/take the total to N' never matches _TOTAL_BEFORE (only 'bring to N the total').


def _load(path: Path) -> dict[str, Any]:
    """One case file, read with ``yaml.safe_load``; a broken file fails naming itself."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise AssertionError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise AssertionError(f"{path.name}: expected a mapping with 'check', 'name' and a list 'cases'")
    return data


CASE_FILES: dict[str, dict[str, Any]] = {p.stem: _load(p) for p in sorted(CASES_DIR.glob("NC*.yaml"))}
REGISTERED: dict[str, Any] = {c.code: c for c in registry()}


# --- meta-tests ---------------------------------------------------------------------------------

def test_every_registered_check_has_a_case_file() -> None:
    missing = sorted(code for code in REGISTERED if code not in CASE_FILES)
    assert missing == [], f"registered checks without tests/checks/cases/<code>.yaml: {missing}"


@pytest.mark.parametrize("code", sorted(CASE_FILES))
def test_case_file_is_well_formed(code: str) -> None:
    data = CASE_FILES[code]
    assert data.get("check") == code, f"{code}.yaml declares check {data.get('check')!r}"
    assert isinstance(data.get("name"), str) and _KEBAB.fullmatch(data["name"]), f"{code}.yaml: bad name"
    if code in REGISTERED:
        assert data["name"] == REGISTERED[code].name, f"{code}.yaml names {data['name']!r}"
    for case in data["cases"]:
        where = f"{code}.yaml case {case.get('id')!r}"
        assert REQUIRED_KEYS <= set(case) <= CASE_KEYS, f"{where}: keys {sorted(case)}"
        assert isinstance(case["id"], str) and _KEBAB.fullmatch(case["id"]), f"{where}: id not kebab-case"
        assert isinstance(case["text"], str) and case["text"].strip(), f"{where}: empty text"
        assert case["expect"] in VERDICTS, f"{where}: expect {case['expect']!r}"
        assert isinstance(case["note"], str) and case["note"].strip(), f"{where}: no arithmetic note"
        if "severity" in case:
            assert case["expect"] == "inconsistent", f"{where}: severity only for inconsistent cases"
            assert case["severity"] in SEVERITIES, f"{where}: severity {case['severity']!r}"
        if "xfail" in case:
            assert isinstance(case["xfail"], str) and case["xfail"].strip(), f"{where}: xfail needs a reason"


@pytest.mark.parametrize("code", sorted(CASE_FILES))
def test_case_file_has_enough_passing_and_failing_cases(code: str) -> None:
    counts = Counter(case["expect"] for case in CASE_FILES[code]["cases"])
    assert counts["consistent"] >= MIN_EACH, f"{code}: {counts['consistent']} consistent cases"
    assert counts["inconsistent"] >= MIN_EACH, f"{code}: {counts['inconsistent']} inconsistent cases"


def test_case_ids_are_unique() -> None:
    ids = Counter(f"{code}_{case['id']}" for code, data in CASE_FILES.items() for case in data["cases"])
    assert [i for i, n in ids.items() if n > 1] == []


def test_case_texts_are_unique_within_a_file() -> None:
    for code, data in CASE_FILES.items():
        texts = Counter(case["text"] for case in data["cases"])
        assert [t for t, n in texts.items() if n > 1] == [], code


def test_case_files_are_collected_by_the_plugin(pytestconfig: pytest.Config) -> None:
    """The ini option that makes the case files test items must match every one of them."""
    patterns = pytestconfig.getini("numcheck_claim_files")
    missed = [p.name for p in sorted(CASES_DIR.glob("NC*.yaml")) if not is_claim_file(p, patterns)]
    assert missed == [], f"numcheck_claim_files {patterns} does not collect {missed}"


def test_plugin_reads_one_item_per_case_with_its_xfail() -> None:
    """The plugin's reading of each file: the cases in order, strict xfails where the file says."""
    for path in sorted(CASES_DIR.glob("NC*.yaml")):
        items = parse(path).items
        cases = CASE_FILES[path.stem]["cases"]
        assert [(i.id, i.marks.xfail) for i in items] == [(c["id"], c.get("xfail")) for c in cases], path.name
        assert {i.check for i in items} == {path.stem}, path.name


def _consistent_cases() -> list[tuple[str, dict[str, Any]]]:
    return [(code, case) for code, data in CASE_FILES.items() for case in data["cases"]
            if case["expect"] == "consistent" and "xfail" not in case]


@pytest.mark.parametrize("code, case", _consistent_cases(), ids=lambda x: x["id"] if isinstance(x, dict) else x)
def test_no_check_flags_a_text_written_to_be_consistent(code: str, case: dict[str, Any]) -> None:
    """A case written as consistent for one check must not be flagged by another: a false alarm
    there is a false alarm (found by the perturbation harness's run on the unaltered texts)."""
    from numcheck.checks import check_text

    flagged = [f"{r.code}: {r.message}" for r in check_text(case["text"]).results if r.verdict == "inconsistent"]
    assert flagged == [], f"{code}.yaml case {case['id']!r}"

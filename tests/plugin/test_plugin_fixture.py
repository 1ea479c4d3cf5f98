"""The ``numcheck`` fixture and ``assert_consistent`` in hand-written tests (pytester)."""

from __future__ import annotations

import pytest
from plugin_support import junit_properties

pytest_plugins = ["pytester"]

HAND_WRITTEN = '''
from pathlib import Path

from numcheck.reports.pytest_plugin import assert_consistent


def test_text_holds(numcheck):
    doc = numcheck.assert_consistent("Sales fell 10% to £9m from £10m.")
    assert [(r.code, r.verdict) for r in doc.results] == [("NC101", "consistent")]


def test_text_does_not_hold(numcheck):
    numcheck.assert_consistent("Downloads fell 35% to 382 million from 602 million.")


def test_path_object(tmp_path):
    article = tmp_path / "article.md"
    article.write_text("# News\\n\\nProfits rose 12% to £3.4bn from £3.0bn.\\n", encoding="utf-8")
    assert len(assert_consistent(article).results) == 1


def test_path_string_fails_at_its_line():
    assert_consistent("bad.md")


def test_missing_path_object():
    assert_consistent(Path("missing.md"))
'''


def test_fixture_and_helper(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_hand=HAND_WRITTEN)
    (pytester.path / "bad.md").write_text("# Music\n\nDownloads fell 35% to 382 million from 602 million.\n",
                                          encoding="utf-8")
    result = pytester.runpytest("--junitxml=out.xml")
    result.assert_outcomes(passed=2, failed=3)
    result.stdout.fnmatch_lines([
        "E       AssertionError: <text>:1: NC101 stated −35% (−35.5 to −34.5); 602 million → 382 million *",
        "E           check: percent-change, inconsistent (minor)",
        "E           sentence: Downloads fell 35% to 382 million from 602 million.",
    ])
    result.stdout.fnmatch_lines(["E       AssertionError: bad.md:3: NC101 stated −35% *"])
    result.stdout.fnmatch_lines(["E       AssertionError: numcheck: missing.md: no such file or directory"])
    assert "pytest_plugin.py" not in result.stdout.str()  # the helper's own frames are hidden
    props = junit_properties(pytester.path / "out.xml")
    assert props["test_hand", "test_text_holds"] == [("check", "NC101"), ("verdict", "consistent"),
                                                     ("stated", "−10% (−10.5 to −9.5)"),
                                                     ("computed", "−10% (−19.05 to 0)")]
    assert props["test_hand", "test_text_does_not_hold"][:2] == [("check", "NC101"),
                                                              ("verdict", "inconsistent (minor)")]

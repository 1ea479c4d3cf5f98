"""``pytest --numcheck PATH...``: every document under PATH is a test; and JUnit XML properties."""

from __future__ import annotations

import pytest
from plugin_support import ARTICLE, BILLS_CSV, junit_properties, write

pytest_plugins = ["pytester"]

BAD = "# Music\n\nDownloads fell 35% to 382 million from 602 million.\n"


def _folder(pytester: pytest.Pytester) -> None:
    write(pytester, "docs/good.txt", "Sales fell 10% to £9m from £10m.\n")
    write(pytester, "docs/bad.md", BAD)
    write(pytester, "docs/page.html", "<html><body><p>Profits rose 12% to £3.4bn from £3.0bn.</p></body></html>")
    write(pytester, "docs/sub/notes.txt", "Nothing here is a number.\n")
    write(pytester, "docs/data.csv", "a,b\n1,2\n")
    write(pytester, "elsewhere/ignored.md", BAD)


def test_every_document_under_the_path_is_a_test(pytester: pytest.Pytester) -> None:
    _folder(pytester)
    result = pytester.runpytest("--numcheck", "docs", "-v")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines([
        "docs/bad.md::numcheck FAILED*", "docs/good.txt::numcheck PASSED*", "docs/page.html::numcheck PASSED*",
        "docs/sub/notes.txt::numcheck PASSED*",
        "*_ numcheck bad.md _*",
        "docs/bad.md:3: NC101 stated −35% (−35.5 to −34.5); 602 million → 382 million is −36.5% "
        "(−36.7 to −36.4); no rounding of the stated figures reaches the stated change",
        "    check: percent-change, inconsistent (minor)",
        "    sentence: Downloads fell 35% to 382 million from 602 million.",
        "    stated: −35% (−35.5 to −34.5)",
        "    computed: −36.54% (−36.69 to −36.4)",
    ])


def test_documents_are_not_tests_without_the_option(pytester: pytest.Pytester) -> None:
    _folder(pytester)
    result = pytester.runpytest("docs")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_a_single_document_and_markers(pytester: pytest.Pytester) -> None:
    _folder(pytester)
    pytester.runpytest("--numcheck", "docs/good.txt").assert_outcomes(passed=1)
    pytester.runpytest("--numcheck", "docs", "-m", "not numcheck").assert_outcomes(deselected=4)


def test_the_nearest_numcheck_configuration_applies(pytester: pytest.Pytester) -> None:
    _folder(pytester)
    write(pytester, "docs/pyproject.toml", '[tool.numcheck]\nignore = ["NC101"]\n')
    pytester.runpytest("--numcheck", "docs").assert_outcomes(passed=4)
    write(pytester, "docs/unsure.txt", "Sales rose 10% to £9m.\n")  # no from value: unverifiable
    write(pytester, "docs/pyproject.toml", '[tool.numcheck]\nfail-on = "unverifiable"\n')
    result = pytester.runpytest("--numcheck", "docs/unsure.txt")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["docs/unsure.txt:1: NC101 stated 10% (9.5 to 10.5); the text gives no from value "
                                 "to recompute it from"])


def test_an_unreadable_document_fails_with_one_line(pytester: pytest.Pytester) -> None:
    (pytester.path / "blob.txt").write_bytes(b"\x00\x01binary")
    result = pytester.runpytest("--numcheck", "blob.txt")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["blob.txt:1: cannot be read: binary file (contains NUL bytes), not text"])


def test_junit_xml_carries_check_verdict_stated_and_computed(pytester: pytest.Pytester) -> None:
    _folder(pytester)
    write(pytester, "article.md", ARTICLE)
    write(pytester, "bills.csv", BILLS_CSV)
    write(pytester, "review.claims.yaml", """\
document: article.md
cases:
  - id: bills-fall
    quote: fell 4% to £396 from £412
    expect: consistent
claims:
  - id: north-bill
    sentence: "In the North the average bill fell to £396."
    figures:
      "£396": {table: bills.csv, where: {region: North, year: 2024}, column: bill}
""")
    pytester.runpytest("--numcheck", "docs", "review.claims.yaml", "--junitxml=out.xml")
    props = junit_properties(pytester.path / "out.xml")
    assert props["review.claims.yaml", "bills-fall"] == [
        ("check", "NC101"), ("verdict", "consistent"), ("stated", "−4% (−4.5 to −3.5)"),
        ("computed", "−3.88% (−4.13 to −3.64)")]
    assert props["review.claims.yaml", "north-bill"] == [
        ("figure", "£396"), ("stated", "£396 (395.5 to 396.5)"), ("data", "£396")]
    assert props["docs.good.txt", "numcheck"] == []  # passing documents list no results
    assert props["docs.bad.md", "numcheck"] == [
        ("check", "NC101"), ("verdict", "inconsistent (minor)"), ("stated", "−35% (−35.5 to −34.5)"),
        ("computed", "−36.54% (−36.69 to −36.4)")]

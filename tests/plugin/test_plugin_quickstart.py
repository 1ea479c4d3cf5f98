"""The README's example folder, copied where a new user would copy it, runs as the README says."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "quickstart"


def test_quickstart_shows_one_pass_and_one_instructive_failure(pytester: pytest.Pytester) -> None:
    for path in EXAMPLE.iterdir():
        shutil.copy(path, pytester.path / path.name)
    result = pytester.runpytest()
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines([
        "article.claims.yaml .F*",
        "*_ ebook-loans _*",
        "article.claims.yaml:19: data the text says 18% (17.5 to 18.5), the data says 22.77%",
        "    sentence: E-book loans grew fastest, rising 18% to 96,500, as the library added two thousand "
        "titles to its online catalogue.",
        "    data: loans.csv: loans where format = ebook, pct_change by year",
        "    in: article.md:6",
    ])


@pytest.mark.parametrize("name", ["article.md", "loans.csv", "article.claims.yaml"])
def test_readme_shows_the_example_files_as_they_are(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert (EXAMPLE / name).read_text(encoding="utf-8") in readme

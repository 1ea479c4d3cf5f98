"""The runnable examples in the docstrings hold."""

from __future__ import annotations

import pytest
from conftest import run_doctests

MODULES = ["numcheck.claims", "numcheck.claims.numbers", "numcheck.claims.segment",
           "numcheck.claims.gazetteer", "numcheck.claims.context", "numcheck.claims.descriptives",
           "numcheck.claims.lexicon", "numcheck.claims.sources", "numcheck.claims.statistics",
           "numcheck.checks"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = run_doctests(name)
    assert result.attempted > 0
    assert result.failed == 0

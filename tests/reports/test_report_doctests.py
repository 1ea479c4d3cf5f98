"""The runnable examples in the docstrings of the report stage and the input readers hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["numcheck.claims.sources", "numcheck.reports.github", "numcheck.reports.locate",
           "numcheck.reports.md_report", "numcheck.reports.render", "numcheck.reports.sarif"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0

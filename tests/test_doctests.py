"""The runnable examples in the docstrings hold."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["numcheck.claims", "numcheck.claims.numbers", "numcheck.claims.segment",
           "numcheck.claims.gazetteer", "numcheck.checks"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0

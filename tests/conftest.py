"""Shared fixtures: the real console script, the shipped samples, the docstring examples."""

from __future__ import annotations

import ast
import doctest
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pandas.core.arrays.arrow.extension_types  # noqa: F401  (see below)
import pytest

from numcheck.claims.samples import sample_texts

# pytester's in-process runs (tests/plugin) unload every module first imported inside them; if
# pandas' Arrow extension types were first imported there, importing them again later registers
# them with pyarrow twice ("A type extension with name pandas.period already defined") and every
# later parquet write fails. Importing them here, before any test, keeps them loaded once.

SAMPLES_DIR = Path(__file__).resolve().parents[1] / "claims" / "samples"
NUMCHECK = str(Path(sys.executable).with_name("numcheck"))


def run_doctests(name: str) -> doctest.TestResults:
    """Run the docstring examples of module ``name``.

    A module compiled by mypyc (a wheel install, see setup.py) keeps no docstrings: its examples
    are read from the .py source shipped beside it, and run against the compiled module.
    """
    module = importlib.import_module(name)
    if module.__file__.endswith(".py"):
        return doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    source = Path(module.__file__).with_name(f"{name.rpartition('.')[2]}.py")
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and (doc := ast.get_docstring(node)):
            runner.run(parser.get_doctest(doc, dict(vars(module)), f"{name}.{getattr(node, 'name', '')}",
                                          str(source), getattr(node, "lineno", 0)))
    return runner.summarize(verbose=False)


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed ``numcheck`` console script, as a user would."""
    return subprocess.run([NUMCHECK, *args], input=input, capture_output=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="session")
def samples_json() -> dict:
    """The CLI's JSON report on the two shipped sample articles, keyed by file name."""
    paths = [str(SAMPLES_DIR / name) for name in ("000_3cd21a3405032239.txt", "003_a70c754bd2bccae4.txt")]
    proc = run_cli("check", *paths, "--format", "json")
    assert proc.returncode == 1, proc.stderr  # the Germany figure is inconsistent
    report = json.loads(proc.stdout)
    return {Path(d["path"]).name: d for d in report["documents"]} | {"summary": report["summary"]}


@pytest.fixture(scope="session")
def sample_text() -> dict[str, str]:
    return {Path(p).name: t for p, t in sample_texts()}

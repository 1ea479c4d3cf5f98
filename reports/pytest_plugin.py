"""numcheck's pytest plugin: numeric claims as test items.

Registered through the ``pytest11`` entry point (``-p no:numcheck`` turns it off):

- files matching the ini option ``numcheck_claim_files`` (default ``*.claims.yaml *.claims.yml``)
  are claim files (see :mod:`numcheck.reports.claimfile`); each case and claim is one item,
  ``article.claims.yaml::germany-drop``;
- ``pytest --numcheck PATH...`` also makes every document (txt, md, html) under PATH one item,
  ``article.md::numcheck``, failing when numcheck finds an inconsistent claim in it (the nearest
  ``[tool.numcheck]`` configuration applies, as for ``numcheck check``);
- the ``numcheck`` fixture and :func:`assert_consistent` check texts and files in hand-written
  tests.

A failure starts with ``path:line: NC101 message``; the checks, verdicts, stated and computed
figures are also ``user_properties``, so they reach JUnit XML.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePath
from typing import Any, Iterator, Sequence

import pytest

from ..checks import Settings
from ..claims.errors import NumcheckError
from ..claims.records import Document
from .claim_findings import ClaimMismatch, Finding, Outcome, from_result, shown_path
from .claimfile_base import FileContext, ItemSpec
from .claimfile_yaml import ClaimFileError

DEFAULT_CLAIM_FILES = ["*.claims.yaml", "*.claims.yml"]
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("numcheck", "numcheck: numeric claims as tests")
    group.addoption("--numcheck", action="store_true", default=False,
                    help="also check every document (.txt, .md, .html) under the given paths: "
                         "one test each, failing on an inconsistent claim")
    parser.addini("numcheck_claim_files", type="args", default=DEFAULT_CLAIM_FILES,
                  help="glob patterns of numcheck claim files; a pattern with '/' matches the end "
                       "of the path (default: *.claims.yaml *.claims.yml)")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "numcheck: an item made by numcheck (claim files, --numcheck documents)")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    config = parent.config
    if is_claim_file(file_path, config.getini("numcheck_claim_files")):
        return ClaimFileCollector.from_parent(parent, path=file_path)
    if config.getoption("numcheck") and file_path.suffix.lower() in DOCUMENT_SUFFIXES:
        return DocumentFile.from_parent(parent, path=file_path)
    return None


def is_claim_file(path: Path, patterns: Sequence[str]) -> bool:
    """Whether ``path`` matches a pattern: by name, or by the end of the path for one with "/".

    >>> is_claim_file(Path("/x/tests/checks/cases/NC101.yaml"), ["tests/checks/cases/NC*.yaml"])
    True
    """
    return any(PurePath(path).match(p) for p in patterns)


def _base(config: pytest.Config) -> str:
    """Paths in failures are relative to where pytest was started, as editors resolve them."""
    return str(config.invocation_params.dir)


def _one_line(error: NumcheckError, config: pytest.Config) -> str:
    if isinstance(error, ClaimFileError):
        return f"{shown_path(error.path, _base(config))}:{error.line}: {error.message}"
    return str(error)


class ClaimFileCollector(pytest.File):
    """A claim file: one item per case and claim. A malformed file is one collection error."""

    context: FileContext

    def collect(self) -> Iterator[pytest.Item]:
        from .claimfile import parse

        spec = parse(self.path)
        self.context = spec.context
        for item in spec.items:
            yield ClaimItem.from_parent(self, name=item.id, spec=item)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, NumcheckError):
            return _one_line(excinfo.value, self.config)
        return super().repr_failure(excinfo)


class ClaimItem(pytest.Item):
    """One case or claim of a claim file."""

    def __init__(self, *, spec: ItemSpec, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.add_marker("numcheck")
        if spec.marks.xfail:
            self.add_marker(pytest.mark.xfail(reason=spec.marks.xfail, strict=True))
        if spec.marks.skip:
            self.add_marker(pytest.mark.skip(reason=spec.marks.skip))
        for name in spec.marks.names:
            self.add_marker(name)

    def runtest(self) -> None:
        parent = self.parent
        assert isinstance(parent, ClaimFileCollector)
        _finish(self, self.spec.run(parent.context))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        return _repr(self, excinfo) or super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.spec.line - 1, self.spec.id


class DocumentFile(pytest.File):
    """A document collected by ``--numcheck``: one item."""

    def collect(self) -> Iterator[pytest.Item]:
        yield DocumentItem.from_parent(self, name="numcheck")


class DocumentItem(pytest.Item):
    """A whole document: fails when numcheck finds an inconsistent claim in it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_marker("numcheck")

    def runtest(self) -> None:
        from .config import resolve
        from .runner import check_path

        options = resolve([str(self.path)], {})
        doc = check_path(str(self.path), options.settings)
        outcome = Outcome()
        if doc.error:
            outcome.failures.append(Finding(str(self.path), 1, "", f"cannot be read: {doc.error}"))
        failing = ("inconsistent", "unverifiable") if options.fail_on == "unverifiable" else ("inconsistent",)
        for r in doc.results:
            if r.verdict in failing:
                outcome.record(r)
                outcome.failures.append(from_result(doc, r))
        _finish(self, outcome)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        return _repr(self, excinfo) or super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"numcheck {self.path.name}"


def _finish(item: pytest.Item, outcome: Outcome) -> None:
    item.user_properties.extend(outcome.properties)
    if outcome.failures:
        raise ClaimMismatch(outcome.failures)


def _repr(item: pytest.Item, excinfo: pytest.ExceptionInfo[BaseException]) -> str | None:
    """The findings as text, or one line for a tool error; ``None`` for anything else (a bug)."""
    if isinstance(excinfo.value, ClaimMismatch):
        return "\n".join(f.render(_base(item.config)) for f in excinfo.value.failures)
    if isinstance(excinfo.value, NumcheckError):
        return _one_line(excinfo.value, item.config)
    return None


# --- for hand-written tests ------------------------------------------------------------------

def check(text_or_path: str | os.PathLike[str], settings: Settings = Settings()) -> Document:
    """Check a text, or a file: a path object, or a one-line string naming an existing document."""
    from ..checks import check_text
    from .runner import check_path

    if _is_path(text_or_path):
        return check_path(os.fspath(text_or_path), settings)
    return check_text(str(text_or_path), "<text>", settings)


def _is_path(x: str | os.PathLike[str]) -> bool:
    if isinstance(x, os.PathLike):
        return True
    return ("\n" not in x and x.lower().endswith(DOCUMENT_SUFFIXES) and os.path.isfile(x))


def assert_consistent(text_or_path: str | os.PathLike[str], settings: Settings = Settings()) -> Document:
    """Check a text or a file; fail (AssertionError) on any inconsistent claim, or an unreadable file.

    Returns the checked document, so a test can look further.
    """
    __tracebackhide__ = True
    return _require_consistent(check(text_or_path, settings))


def _require_consistent(doc: Document) -> Document:
    __tracebackhide__ = True
    if doc.error:
        raise AssertionError(f"numcheck: {doc.path}: {doc.error}")
    failures = [from_result(doc, r) for r in doc.results if r.verdict == "inconsistent"]
    if failures:
        raise AssertionError("\n".join(f.render(os.getcwd()) for f in failures))
    return doc


class Numcheck:
    """What the ``numcheck`` fixture gives a test: :meth:`check` and :meth:`assert_consistent`,
    recording every result they see in the test's ``user_properties``."""

    def __init__(self, node: pytest.Item, settings: Settings = Settings()) -> None:
        self.node, self.settings = node, settings

    def check(self, text_or_path: str | os.PathLike[str]) -> Document:
        doc = check(text_or_path, self.settings)
        outcome = Outcome()
        for r in doc.results:
            outcome.record(r)
        self.node.user_properties.extend(outcome.properties)
        return doc

    def assert_consistent(self, text_or_path: str | os.PathLike[str]) -> Document:
        __tracebackhide__ = True
        return _require_consistent(self.check(text_or_path))


@pytest.fixture
def numcheck(request: pytest.FixtureRequest) -> Numcheck:
    """Check texts and documents in a test: ``numcheck.assert_consistent("… fell 35% …")``."""
    return Numcheck(request.node)

"""Build hook: compile the stage-1 extraction modules (claims/) with mypyc. Metadata: pyproject.toml.

A wheel (``pip install .``) gets the hot modules of :func:`numcheck.claims.extract` as C extensions,
next to their .py sources. Editable installs (``pip install -e .``) stay pure Python: setuptools would
copy the extensions into claims/, where they would shadow every later edit of the .py files.

  NUMCHECK_PURE=1     never compile (any install)
  NUMCHECK_COMPILE=1  always compile, editable installs too, and fail rather than fall back to pure

Without either, a wheel build falls back to pure Python, with a warning, when mypyc or a C compiler
is missing.
"""

import os
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError, PlatformError

#: claims/ modules compiled: everything extract() runs, except __init__ (lazy imports) and records
#: (reports/scan_work reads the field annotations, which compiled classes do not keep, and a check
#: plugin's malformed Result would fail at construction; compiled, make builds the hot ones). Also pure:
#: errors (subclassed in reports/, which a compiled class forbids), frame (pandas), audit, sources
#: and markup* (not on the hot path).
COMPILED = [
    "aggregates", "changes", "context", "descriptives", "digits", "drafts", "enumerations",
    "equivalences", "found", "gazetteer", "ledger", "lexicon", "make", "numbers", "quantities",
    "relations", "repeats", "segment", "statistics", "units", "words",
]
BUILDS = {"build", "build_ext", "bdist_wheel", "bdist_egg", "install", "develop", "editable_wheel"}


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "false", "no")


def _warn(message: str) -> None:
    print(f"\n*** numcheck: {message}; installing pure Python ***\n", file=sys.stderr)


def _mypyc_extensions(strict: bool) -> list:
    try:
        from mypyc.build import mypycify
    except ImportError:
        if strict:
            raise
        _warn("mypyc not found")
        return []
    # mypy names modules by their path, so give it the installed layout: numcheck/claims/*.py.
    stage = Path("build", "mypyc-src")
    shutil.rmtree(stage, ignore_errors=True)
    (stage / "numcheck" / "claims").mkdir(parents=True)
    (stage / "numcheck" / "__init__.py").touch()
    for source in Path("claims").glob("*.py"):
        shutil.copy(source, stage / "numcheck" / "claims" / source.name)
    paths = [str(stage / "numcheck" / "claims" / f"{name}.py") for name in COMPILED]
    # The same C whatever the environment holds: third-party packages (pint) are typed as Any.
    # The shared library, numcheck_claims__mypyc, goes at top level: mypyc derives the __file__ of
    # the compiled modules from its place, assuming it sits above the package tree.
    options = ["--no-site-packages", "--ignore-missing-imports", "--cache-dir", str(stage / ".cache")]
    return mypycify([*options, *paths], group_name="numcheck_claims")


class BuildExt(build_ext):
    """Without NUMCHECK_COMPILE, a failed compile leaves a working pure-Python install."""

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, ExecError, PlatformError) as error:  # no compiler, no headers …
            if _flag("NUMCHECK_COMPILE"):
                raise
            _warn(f"compiling failed ({error})")
            for ext in self.extensions:  # a half-built set would not import
                Path(self.get_ext_fullpath(ext.name)).unlink(missing_ok=True)


commands = set(sys.argv[1:])
editable = bool(commands & {"editable_wheel", "develop"})
compile_ = (bool(commands & BUILDS) and not _flag("NUMCHECK_PURE")
            and (_flag("NUMCHECK_COMPILE") or not editable))
if commands & BUILDS:  # build/lib* outlives a build: an extension of an earlier one would be packed
    for stale in Path("build").glob("lib*/**/*.so"):
        stale.unlink()
setup(ext_modules=_mypyc_extensions(_flag("NUMCHECK_COMPILE")) if compile_ else [],
      cmdclass={"build_ext": BuildExt})

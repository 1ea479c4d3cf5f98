"""Run ``numcheck`` in this process with click's own test runner.

The same command, options and code paths as the console script, without paying the interpreter
start and the imports (about a second) for every call; what the console script adds (the entry
point, a real terminal, real file descriptors) is covered by the tests that keep ``run_cli``.
Exceptions are not caught: a traceback is a bug and fails the test that met it.
"""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

from click.testing import CliRunner

from numcheck.reports.cli import main


def invoke(*args: str, input: bytes | None = None, cwd: Path | None = None,
           ) -> subprocess.CompletedProcess:
    """``numcheck ARGS`` → (returncode, stdout, stderr), shaped like :func:`conftest.run_cli`."""
    with contextlib.chdir(cwd) if cwd else contextlib.nullcontext():
        result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return subprocess.CompletedProcess(["numcheck", *args], result.exit_code,
                                       result.stdout_bytes, result.stderr_bytes)

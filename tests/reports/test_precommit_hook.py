"""The pre-commit hook the repository offers: a valid manifest whose entry, run the way
pre-commit runs it (entry, args, then the staged file names), lints prose files like a linter."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
GERMANY = "Downloads fell 35% to 382 million from 602 million the previous year.\n"


@pytest.fixture(scope="module")
def hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["numcheck"]
    return hooks[0]


def test_manifest_has_what_pre_commit_requires(hook):
    assert {"id", "name", "entry", "language"} <= hook.keys()
    assert hook["language"] == "python" and hook["types"] == ["text"]


@pytest.mark.parametrize("path, picked", [
    ("docs/guide.md", True), ("README.markdown", True), ("notes/a.txt", True),
    ("site/page.html", True), ("old/page.htm", True), ("setup.py", False),
    ("docs/guide.mdx", False), ("data.txt.gz", False), ("report.html.j2", False),
])
def test_files_pattern(hook, path, picked):
    assert bool(re.search(hook["files"], path)) is picked


def test_entry_with_args_and_file_names_lints(hook, tmp_path):
    (tmp_path / "bad.md").write_text(f"# Music\n\n{GERMANY}")
    (tmp_path / "good.txt").write_text("Sales rose 10% to 110 from 100.\n")
    command = [*shlex.split(hook["entry"]), *hook["args"], "bad.md", "good.txt"]
    assert command[0] == "numcheck"
    proc = run_cli(*command[1:], cwd=tmp_path)
    assert proc.returncode == 1 and proc.stderr == b""
    assert proc.stdout.decode() == (
        "bad.md:3:11: NC101 inconsistent (minor): stated −35% (−35.5 to −34.5); 602 million → "
        "382 million is −36.5% (−36.7 to −36.4); no rounding of the stated figures reaches the "
        "stated change\n")

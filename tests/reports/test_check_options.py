"""``numcheck check`` as a linter: [tool.numcheck] found by walking up, the command line over it,
invalid configuration named by key, include/exclude globs, --fail-on, stdin formats, and a
progress bar only on a terminal.

Most runs are in-process (:mod:`inprocess`); the progress bar needs the console script on a real
pseudo-terminal and a real pipe.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
from pathlib import Path

import pytest

from conftest import NUMCHECK, run_cli
from inprocess import invoke

GERMANY = "Downloads fell 35% to 382 million from 602 million the previous year.\n"
ABOUT = "Users dropped by about 40% (from 4.2 million to 2.3 million).\n"
HALF = "Sales fell 30% this year.\n"  # a stated change with nothing to recompute it from


def project(tmp_path: Path, table: str) -> Path:
    """A project folder with ``[tool.numcheck]`` = ``table`` and a docs/ subfolder."""
    (tmp_path / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n[tool.numcheck]\n{table}\n")
    docs = tmp_path / "docs" / "deep"
    docs.mkdir(parents=True)
    return docs


def verdicts(proc: subprocess.CompletedProcess) -> list[tuple[str, str]]:
    return [(Path(d["path"]).name, r["verdict"]) for d in json.loads(proc.stdout)["documents"]
            for r in d["results"]]


def test_config_found_walking_up_and_command_line_wins(tmp_path):
    docs = project(tmp_path, 'ignore = ["NC101"]\nformat = "json"')
    (docs / "a.txt").write_text(GERMANY)
    quiet = invoke("check", str(docs / "a.txt"))  # config: NC101 ignored, JSON out
    assert quiet.returncode == 0 and verdicts(quiet) == []
    loud = invoke("check", str(docs / "a.txt"), "--ignore", "")  # the command line wins
    assert loud.returncode == 1 and verdicts(loud) == [("a.txt", "inconsistent")]
    concise = invoke("check", str(docs), "--ignore", "NC2", "--format", "concise")
    assert concise.stdout.decode().startswith(f"{docs / 'a.txt'}:1:11: NC101 inconsistent (minor): ")
    isolated = invoke("check", str(docs / "a.txt"), "--isolated")  # no config: text report
    assert isolated.returncode == 1 and isolated.stdout.startswith(b"numcheck")


def test_explicit_config_file(tmp_path):
    (tmp_path / "elsewhere.toml").write_text('[tool.numcheck]\nselect = "NC2"\n')
    (tmp_path / "a.txt").write_text(GERMANY)
    proc = invoke("check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "elsewhere.toml"),
                   "--format", "json")
    assert proc.returncode == 0 and verdicts(proc) == []
    missing = invoke("check", str(tmp_path / "a.txt"), "--config", str(tmp_path / "nope.toml"))
    assert missing.returncode == 2
    assert missing.stderr.decode() == f"numcheck: {tmp_path / 'nope.toml'}: no such configuration file\n"


@pytest.mark.parametrize("table, message", [
    ('selct = ["NC101"]', "[tool.numcheck] unknown key 'selct'; did you mean 'select'?"),
    ('hedge-tolerance = "lots"', "[tool.numcheck] hedge-tolerance: expected a number between 0 "
                                 "and 1, got 'lots'"),
    ("hedge-tolerance = 1.5", "[tool.numcheck] hedge-tolerance: expected a number between 0 and 1, "
                              "got 1.5"),
    ('fail-on = "sometimes"', "[tool.numcheck] fail-on: expected one of inconsistent, "
                              "unverifiable, got 'sometimes'"),
    ("exclude = 'drafts'", "[tool.numcheck] exclude: expected a list of glob patterns, got 'drafts'"),
    ('select = ["NC-1"]', "[tool.numcheck] select: 'NC-1' is not a check code or prefix (like NC101 or NC1)"),
    ('format = "pdf"', "[tool.numcheck] format: expected one of concise, csv, github, html, json, "
                       "jsonl, junit, md, sarif, text, got 'pdf'"),
])
def test_invalid_config_exits_2_naming_the_key(tmp_path, table, message):
    docs = project(tmp_path, table)
    (docs / "a.txt").write_text(GERMANY)
    proc = invoke("check", str(docs / "a.txt"))
    assert proc.returncode == 2 and proc.stdout == b""
    assert proc.stderr.decode() == f"numcheck: {tmp_path / 'pyproject.toml'}: {message}\n"


def test_invalid_toml_and_invalid_command_line_value(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.numcheck\nselect = 1\n")
    (tmp_path / "a.txt").write_text(GERMANY)
    proc = invoke("check", str(tmp_path / "a.txt"))
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith(f"numcheck: {tmp_path / 'pyproject.toml'}: invalid TOML (")
    bad = invoke("check", str(tmp_path / "a.txt"), "--isolated", "--hedge-tolerance", "x")
    assert bad.returncode == 2
    assert bad.stderr.decode() == "numcheck: --hedge-tolerance: expected a number between 0 and 1, got 'x'\n"


def test_hedge_tolerance_from_config_and_command_line(tmp_path):
    docs = project(tmp_path, "hedge-tolerance = 0")
    (docs / "a.txt").write_text(ABOUT)
    strict = invoke("check", str(docs / "a.txt"), "--format", "json")
    assert verdicts(strict) == [("a.txt", "inconsistent")]
    lenient = invoke("check", str(docs / "a.txt"), "--format", "json", "--hedge-tolerance", "0.1")
    assert verdicts(lenient) == [("a.txt", "consistent")]


def test_fail_on_unverifiable(tmp_path):
    docs = project(tmp_path, 'fail-on = "unverifiable"')
    (docs / "a.txt").write_text(HALF)
    assert invoke("check", str(docs / "a.txt")).returncode == 1
    assert invoke("check", str(docs / "a.txt"), "--fail-on", "inconsistent").returncode == 0
    assert invoke("check", str(docs / "a.txt"), "--exit-zero").returncode == 0


def test_include_and_exclude_globs(tmp_path):
    docs = project(tmp_path, 'extend-exclude = ["drafts", "docs/deep/old/*"]')
    for rel in ["a.txt", "b.md", "c.html", "d.rst", "drafts/e.txt", "old/f.txt", ".hidden/g.txt",
                "node_modules/h.md", "NOTES.TXT"]:
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GERMANY)

    def names(*args: str) -> list[str]:
        proc = invoke("check", str(tmp_path / "docs"), "--format", "json", *args, cwd=tmp_path)
        return [str(Path(d["path"]).relative_to(docs)) for d in json.loads(proc.stdout)["documents"]]

    assert names() == ["NOTES.TXT", "a.txt", "b.md", "c.html"]
    assert names("--include", "*.rst", "--include", "*.md") == ["b.md", "d.rst"]
    # --exclude replaces the defaults (hidden folders, node_modules …); extend-exclude still applies
    assert names("--exclude", "*.html") == [".hidden/g.txt", "NOTES.TXT", "a.txt", "b.md",
                                            "node_modules/h.md"]
    named = invoke("check", str(docs / "drafts" / "e.txt"), "--format", "json")  # named: checked
    assert len(json.loads(named.stdout)["documents"]) == 1


def test_stdin_as_markdown(tmp_path):
    text = "# Note\n\n`fell 35% to 382 million from 602 million`\n\nSales rose 10% to 110 from 100.\n"
    as_text = invoke("check", "-", "--format", "json", "--isolated", input=text.encode())
    as_md = invoke("check", "-", "--format", "json", "--isolated", "--input-format", "markdown",
                    input=text.encode())
    assert as_text.returncode == 1 and as_md.returncode == 0
    assert verdicts(as_md) == [("-", "consistent")]


def _on_a_terminal(args: list[str], cwd: Path, stdout_too: bool = False) -> str:
    """Run the CLI with stderr (and, if asked, stdout) on a pseudo-terminal; what it received."""
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="120", TERM="xterm-256color")
    proc = subprocess.Popen([NUMCHECK, *args], stdout=slave if stdout_too else subprocess.DEVNULL,
                            stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_and_not_when_quiet(tmp_path):
    """And the text report is coloured on a terminal only."""
    for i in range(12):
        (tmp_path / f"f{i:02}.txt").write_text(GERMANY)
    shown = _on_a_terminal(["check", str(tmp_path), "--format", "json", "--isolated"], tmp_path)
    assert "checking" in shown and "12/12" in shown
    quiet = _on_a_terminal(["check", str(tmp_path), "--format", "json", "--isolated", "-q"], tmp_path)
    assert quiet == ""
    few = _on_a_terminal(["check", *[str(tmp_path / f"f0{i}.txt") for i in range(3)], "--isolated"],
                         tmp_path, stdout_too=True)  # three files: a text report, no bar
    assert "checking" not in few and "\x1b[1;31m✗" in few and "3 inconsistent" in few
    piped = run_cli("check", str(tmp_path), "--isolated")
    assert piped.stderr == b"" and b"\x1b[" not in piped.stdout and b"12 inconsistent" in piped.stdout


CONVERSION = "The deal is worth $1.13bn (£600m).\n"  # 1.13 / 0.6 = 1.883 dollars to the pound


@pytest.mark.parametrize("table, verdict", [
    ("", "unverifiable"),  # numcheck never fetches rates: without a table there is nothing to check
    ("[tool.numcheck.rates]\nGBP = 1\nUSD = 0.53", "consistent"),  # 1.13bn × 0.53 = £599m
    ("[tool.numcheck.rates]\nGBP = 1\nUSD = 0.8", "inconsistent"),  # 1.13bn × 0.8 = £904m
    ("rate-tolerance = 0.2\n[tool.numcheck.rates]\nGBP = 1\nUSD = 0.45", "consistent"),  # £508.5m, 15% off
])
def test_exchange_rates_from_config(tmp_path, table, verdict):
    docs = project(tmp_path, table)
    (docs / "a.txt").write_text(CONVERSION)
    proc = invoke("check", str(docs / "a.txt"), "--format", "json", "--select", "NC110")
    assert verdicts(proc) == [("a.txt", verdict)]


@pytest.mark.parametrize("table, message", [
    ("rates = 1.5", "[tool.numcheck] rates: expected a table of currency code = rate, got 1.5"),
    ("[tool.numcheck.rates]\nPOUND = 1", "[tool.numcheck] rates: 'POUND' is not a three-letter "
                                         "currency code (like GBP)"),
    ("[tool.numcheck.rates]\nGBP = -1", "[tool.numcheck] rates: GBP: expected a positive number, got -1"),
])
def test_invalid_rates_exit_2_naming_the_key(tmp_path, table, message):
    docs = project(tmp_path, table)
    (docs / "a.txt").write_text(CONVERSION)
    proc = invoke("check", str(docs / "a.txt"))
    assert proc.returncode == 2
    assert proc.stderr.decode() == f"numcheck: {tmp_path / 'pyproject.toml'}: {message}\n"

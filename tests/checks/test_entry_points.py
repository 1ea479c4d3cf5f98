"""Third-party checks join through the ``numcheck.checks`` entry-point group.

A real distribution is written to a temporary directory — a module with a :class:`Check` subclass
and ``xy_checks-0.1.dist-info`` with ``METADATA`` and ``entry_points.txt``, as pip would install it —
and put on the path. ``numcheck rules`` lists the check, ``numcheck explain`` prints its docstring
and ``numcheck check`` runs it: in this process through click's runner (the registry cache is
cleared on the way in and out), and as a user runs it, the console script in a fresh process
with the distribution on ``PYTHONPATH``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from numcheck.checks import BUILTIN, registry
from numcheck.reports.cli import main

from conftest import NUMCHECK, run_cli

PLUGIN = '''\
"""A third-party check for numcheck."""

from numcheck.checks import Check


class FallBeyondAll(Check):
    """Flags a fall of more than 100%, which no positive figure can make.

    Why: "fell 120%" is a slip for "fell to a fifth" or a confusion of points and percent.

    Fails: "Shares in the airline fell 120% to 40p."
    Passes: "Shares in the airline fell 20% to 40p."
    """

    code = "XY101"
    name = "fall-beyond-all"
    claim_kinds = ("change",)

    def run(self, claim, ctx):
        change = ctx.role(claim, "stated_change")
        if change is None or change.kind != "percent" or claim.attributes.get("direction") != "down":
            return
        if change.value > 100:
            yield self.result([claim], "inconsistent", f"a fall of {change.text} is more than all of it",
                              severity="gross")
        else:
            yield self.result([claim], "consistent", f"a fall of {change.text} is possible")
'''
BAD = "Shares in the airline fell 120% to 40p.\n"
GOOD = "Shares in the airline fell 20% to 40p.\n"


def write_distribution(site: Path, entry_point: str = "XY101 = xy_checks:FallBeyondAll") -> Path:
    """``xy_checks`` 0.1 as installed into ``site``: the module and its dist-info."""
    site.mkdir(exist_ok=True)
    (site / "xy_checks.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "xy_checks-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: xy-checks\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[numcheck.checks]\n{entry_point}\n", encoding="utf-8")
    return site


@contextmanager
def installed(site: Path) -> Iterator[None]:
    """``site`` on ``sys.path`` and the registry rebuilt with it; on the way out, all as it was."""
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(site))  # also invalidates the import caches
        registry.cache_clear()
        try:
            yield
        finally:
            registry.cache_clear()  # before sys.path is restored: the next call scans it afresh
            sys.modules.pop("xy_checks", None)


@pytest.fixture
def plugin_on_path(tmp_path: Path) -> Iterator[Path]:
    site = write_distribution(tmp_path / "site")
    with installed(site):
        yield site


def test_registry_holds_the_plugin_after_the_builtins(plugin_on_path: Path) -> None:
    codes = [c.code for c in registry()]
    assert codes == sorted([c.code for c in BUILTIN] + ["XY101"])
    assert type(registry()[-1]).__module__ == "xy_checks"


def test_rules_and_explain_show_the_plugin(plugin_on_path: Path) -> None:
    runner = CliRunner()
    rules = runner.invoke(main, ["rules"])
    assert rules.exit_code == 0
    assert rules.output.splitlines()[-1] == (
        "XY101  fall-beyond-all    Flags a fall of more than 100%, which no positive figure can make.")
    explain = runner.invoke(main, ["explain", "XY101"])
    assert explain.exit_code == 0
    assert explain.output.startswith("XY101 fall-beyond-all\n\nFlags a fall of more than 100%")
    assert 'Fails: "Shares in the airline fell 120% to 40p."' in explain.output


def test_check_runs_the_plugin(plugin_on_path: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    runner = CliRunner()
    bad = runner.invoke(main, ["check", str(tmp_path / "bad.txt"), "--select", "XY", "--format", "json",
                               "--isolated", "-q"])
    assert bad.exit_code == 1, bad.output
    results = json.loads(bad.output)["documents"][0]["results"]
    assert [(r["code"], r["check"], r["verdict"], r["severity"], r["message"]) for r in results] == [
        ("XY101", "fall-beyond-all", "inconsistent", "gross", "a fall of 120% is more than all of it")]
    good = runner.invoke(main, ["check", str(tmp_path / "good.txt"), "--select", "XY", "--format", "json",
                                "--isolated", "-q"])
    assert good.exit_code == 0, good.output
    assert [r["verdict"] for r in json.loads(good.output)["documents"][0]["results"]] == ["consistent"]


def test_state_is_restored_after_the_plugin(tmp_path: Path) -> None:
    before = registry()
    with installed(write_distribution(tmp_path / "site")):
        assert "XY101" in [c.code for c in registry()]
        assert "xy_checks" in sys.modules
    assert registry() == before
    assert "xy_checks" not in sys.modules
    assert str(tmp_path / "site") not in sys.path


def test_a_broken_plugin_is_a_one_line_error(tmp_path: Path) -> None:
    site = write_distribution(tmp_path / "site", entry_point="XY999 = xy_missing:Nothing")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    for args in (["rules"], ["check", str(tmp_path / "bad.txt"), "--isolated"]):
        run = _run(env, *args)
        assert (run.returncode, run.stderr.decode()) == (
            2, "numcheck: check plugin 'XY999' failed to load: No module named 'xy_missing'\n")


def test_console_script_finds_the_plugin_on_pythonpath(tmp_path: Path) -> None:
    """As a user meets it: an installed distribution, a fresh process, no cache to clear."""
    site = write_distribution(tmp_path / "site")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH")]))}
    rules = _run(env, "rules")
    assert rules.returncode == 0
    assert "XY101  fall-beyond-all" in rules.stdout.decode()
    check = _run(env, "check", str(tmp_path / "bad.txt"), "--select", "NC,XY", "--format", "json", "--isolated")
    assert check.returncode == 1, check.stderr
    results = json.loads(check.stdout)["documents"][0]["results"]
    assert [(r["code"], r["verdict"]) for r in results] == [
        ("NC101", "inconsistent"), ("XY101", "inconsistent")]
    assert "XY101" not in run_cli("rules").stdout.decode()  # without the path, no plugin


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """The installed console script with ``env``."""
    return subprocess.run([NUMCHECK, *args], capture_output=True, env=env, timeout=120)


def test_an_installed_plugin_runs_without_being_selected(tmp_path: Path) -> None:
    """As flake8 runs its plugins: installing a check is enough; --ignore turns it off."""
    site = write_distribution(tmp_path / "site")
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(site)}
    check = _run(env, "check", str(tmp_path / "bad.txt"), "--format", "json", "--isolated")
    results = json.loads(check.stdout)["documents"][0]["results"]
    assert [r["code"] for r in results] == ["NC101", "XY101"]
    ignored = _run(env, "check", str(tmp_path / "bad.txt"), "--format", "json", "--isolated", "--ignore", "XY")
    assert [r["code"] for r in json.loads(ignored.stdout)["documents"][0]["results"]] == ["NC101"]


def test_a_plugin_reusing_a_builtin_code_is_a_one_line_error(tmp_path: Path) -> None:
    site = write_distribution(tmp_path / "site", entry_point="NC101 = xy_checks:FallBeyondAll")
    (site / "xy_checks.py").write_text(PLUGIN.replace('"XY101"', '"NC101"'), encoding="utf-8")
    run = _run({**os.environ, "PYTHONPATH": str(site)}, "rules")
    assert (run.returncode, run.stdout, run.stderr.decode()) == (
        2, b"", "numcheck: check plugin 'NC101' uses the code NC101, which PercentChange already has\n")


def test_a_check_that_cannot_be_hashed_still_runs_and_selection_follows_the_settings():
    """check_document caches which checks the settings select; a plugin's check may be a
    dataclass with ``eq``, which cannot be hashed, and must run all the same."""
    from dataclasses import dataclass

    from numcheck.checks import Check, Settings, check_document, check_text
    from numcheck.claims import extract

    @dataclass
    class EveryChange(Check):
        code: str = "XY201"
        name: str = "every-change"
        claim_kinds: tuple = ("change",)

        def run(self, claim, ctx):
            yield self.result([claim], "unverifiable", "seen")

    doc = extract(BAD)
    checks = [EveryChange(), *BUILTIN]
    codes = [r.code for r in check_document(doc, Settings(), checks).results]
    assert codes == ["NC101", "XY201"]
    assert [r.code for r in check_document(doc, Settings(ignore=("XY",)), checks).results] == ["NC101"]
    assert [r.code for r in check_document(doc, Settings(select=("XY",)), checks).results] == ["XY201"]
    assert [r.code for r in check_text(BAD, settings=Settings(select=("NC101",))).results] == ["NC101"]

"""A batch of 200 inputs — text, Markdown, HTML, Latin-1, binary, empty and unreadable — through
the real CLI: every good file is checked with the verdict it was written to have, every bad one is
named on stderr and in the report, and the exit code follows the contract.

Tests run as root in CI, where ``chmod 000`` does not stop a read; unreadable inputs are made the
ways that stop root too: a symbolic link to nothing and a symbolic link to itself.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pytest

from conftest import run_cli
from inprocess import invoke
from numcheck.checks import Settings
from numcheck.claims.sources import discover
from numcheck.reports import Options, formats
from numcheck.reports.runner import check_paths

NOUNS = ["Sales", "Revenue", "Exports", "Bookings", "Visitors", "Subscriptions", "Orders", "Shipments"]


def change(i: int, consistent: bool) -> tuple[str, str]:
    """A sentence stating a percentage change, true to the figures or five points off."""
    # Below 1000 ("to 1800" could be a year) and never round ("400" may be rounded to 100s).
    old = _unround(200 + 3 * i)
    new = _unround(old + i + 20)
    stated = round((new - old) * 100 / old) + (0 if consistent else 5)
    noun = NOUNS[i % len(NOUNS)]
    return (f"{noun} rose {stated}% to {new} from {old} last year, the company said.",
            "consistent" if consistent else "inconsistent")


def _unround(n: int) -> int:
    return n + 1 if n % 10 == 0 else n


def good_file(folder: Path, i: int) -> tuple[Path, str]:
    """One of four kinds of good input, with the verdict it must get."""
    kind = i % 4
    sentence, verdict = change(i, consistent=kind in (0, 2))
    if kind in (0, 1):
        path = folder / f"good_{i:03}.txt"
        path.write_text(f"Report {i}\n\n{sentence}\n", encoding="utf-8")
    elif kind == 2:
        path = folder / f"good_{i:03}.md"
        path.write_text(f"# Report {i}\n\n{sentence}\n\n```\nSales fell 50% to 3 from 9.\n```\n",
                        encoding="utf-8")
    else:
        path = folder / f"good_{i:03}.html"
        path.write_text(f"<html><body><nav>Home</nav><article><h1>Report {i}</h1><p>{sentence}</p>"
                        f"</article><script>var s = 'fell 50% to 3 from 9';</script></body></html>\n",
                        encoding="utf-8")
    return path, verdict


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """(folder, good name → verdict, bad name → reason): 170 good inputs and 30 bad ones."""
    folder = tmp_path_factory.mktemp("batch")
    good: dict[str, str] = {}
    for i in range(160):
        path, verdict = good_file(folder, i)
        good[path.name] = verdict
    for i in range(10):  # Latin-1 bytes ("£" is 0xA3): read as cp1252 with a note
        path = folder / f"latin1_{i:02}.txt"
        path.write_bytes(f"Revenue rose 10% to £{110 + 11 * i}m from £{100 + 10 * i}m.\n".encode("latin-1"))
        good[path.name] = "consistent"
    bad: dict[str, str] = {}
    for i in range(10):
        (folder / f"binary_{i:02}.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        bad[f"binary_{i:02}.txt"] = "binary file (contains NUL bytes), not text"
        (folder / f"empty_{i:02}.md").write_text("" if i % 2 else " \n\n\t\n")
        bad[f"empty_{i:02}.md"] = "empty input: no text to check"
    for i in range(5):
        os.symlink(f"/nonexistent/numcheck/{i}.txt", folder / f"dangling_{i}.txt")
        bad[f"dangling_{i}.txt"] = f"broken symbolic link (to /nonexistent/numcheck/{i}.txt)"
        os.symlink(folder / f"loop_{i}.html", folder / f"loop_{i}.html")
        bad[f"loop_{i}.html"] = "cannot be read (Too many levels of symbolic links)"
    assert len(good) + len(bad) == 200
    return folder, good, bad


def test_every_good_file_checked_every_bad_one_named(batch):
    folder, good, bad = batch
    proc = run_cli("check", str(folder), "--format", "json")
    assert proc.returncode == 2  # unreadable inputs outrank inconsistent results
    report = json.loads(proc.stdout)
    docs = {Path(d["path"]).name: d for d in report["documents"]}
    assert sorted(docs) == sorted([*good, *bad])
    assert {name: [r["verdict"] for r in docs[name]["results"]] for name in good} == {
        name: [verdict] for name, verdict in good.items()}
    assert {name: docs[name]["error"] for name in bad} == bad
    assert all(docs[n]["notes"][0]["kind"] == "encoding" for n in good if n.startswith("latin1"))
    assert not any("50%" in q["text"] for d in docs.values() for q in d["quantities"])
    stderr = sorted(proc.stderr.decode().splitlines())
    assert stderr == sorted(f"numcheck: {folder / name}: {reason}" for name, reason in bad.items())
    s = report["summary"]
    assert (s["documents"], s["errors"], s["inconsistent"], s["consistent"]) == (
        200, 30, list(good.values()).count("inconsistent"), list(good.values()).count("consistent"))


@pytest.fixture(scope="module")
def batch_docs(batch):
    """The batch checked in-process as ``numcheck check`` does it, for every renderer to format."""
    folder, _, _ = batch
    said: list[str] = []
    docs = check_paths(discover([str(folder)]), Settings(), quiet=True, report=said.append)
    assert len(said) == 30
    return docs


@pytest.mark.parametrize("fmt", ["concise", "github", "md", "junit", "text", "jsonl", "sarif",
                                 "html", "json"])
def test_bad_inputs_are_named_in_every_report(batch, batch_docs, fmt):
    """Every format but csv (a table of results, see the README) names each unreadable input."""
    folder, good, bad = batch
    out = formats()[fmt](batch_docs, Options())
    for name, reason in bad.items():
        path = html.escape(str(folder / name)) if fmt == "html" else str(folder / name)
        assert path in out and reason in out, (name, reason)
    if fmt == "concise":  # one line per finding: inconsistent results and unreadable inputs
        assert len(out.splitlines()) == list(good.values()).count("inconsistent") + len(bad)


def test_exit_code_follows_the_results(batch):
    folder, good, _ = batch
    inconsistent = [str(folder / n) for n, v in good.items() if v == "inconsistent"][:3]
    consistent = [str(folder / n) for n, v in good.items() if v == "consistent"][:3]
    assert invoke("check", *consistent).returncode == 0
    assert invoke("check", *consistent, *inconsistent).returncode == 1
    assert invoke("check", *consistent, *inconsistent, "--exit-zero").returncode == 0
    assert invoke("check", *consistent, str(folder / "dangling_0.txt"), "--exit-zero").returncode == 2

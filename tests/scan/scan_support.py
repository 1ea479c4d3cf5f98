"""Helpers for the scan tests: documents written for these tests, the CLI, the output tables."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Callable

import pandas as pd

NUMCHECK = str(Path(sys.executable).with_name("numcheck"))
TABLES = ("documents", "quantities", "claims", "results")
#: The README's example: stated −35%, but 602 million → 382 million is −36.5%.
GERMANY = "Downloads fell 35% to 382 million from 602 million the previous year."
TOWNS = ("Leeds", "Hull", "York", "Bath", "Ely", "Wells", "Derby", "Ripon", "Truro")


def article(i: int) -> str:
    """A short made-up news story; every third one misstates a percentage change."""
    before = 100 + 7 * i
    pct = 10 + i % 9
    after = round(before * (100 + pct) / 100) + (8 if i % 3 == 0 else 0)
    town = TOWNS[i % len(TOWNS)]
    return "\n\n".join([
        f"Sales at the {town} branch rose {pct}% to £{after}m from £{before}m last year, "
        f"the company said on Tuesday.",
        f"The firm employs {40 + i} people and has {2 + i % 4} offices in the region.",
        f"About {i % 5 + 2},000 customers visited the shop in the first week, "
        f"more than twice the {i % 4 + 1},500 expected.",
        f"Rents fell {5 + i % 4}% to £{900 - i} a month, while the number of empty units "
        f"went up from {12 + i % 6} to {15 + i % 7}.",
    ]) + "\n"


PLUGIN = '''
import os
import pathlib
import time


class Broken:
    """A third-party check that crashes on documents saying BOOM."""
    code, name, claim_kinds = "NC990", "broken", ("change",)

    def run(self, claim, ctx):
        if "BOOM" in ctx.document.text:
            raise RuntimeError("a broken plugin")
        return ()


class Odd:
    """Returns a result whose message is not text (which no table can hold) for documents saying ODD."""
    code, name, claim_kinds = "NC992", "odd", ("change",)

    def run(self, claim, ctx):
        if "ODD" not in ctx.document.text:
            return ()
        from numcheck.claims.records import Result
        return (Result("r", self.code, self.name, "consistent", None, (claim.id,),
                       {"not": "text"}, None, None, claim.start, claim.end, claim.line),)


class Die:
    """Kills its own worker process (as the kernel's OOM killer would) on documents saying DIE."""
    code, name, claim_kinds = "NC993", "die", ("change",)

    def run(self, claim, ctx):
        if "DIE" in ctx.document.text:
            import signal
            os.kill(os.getpid(), signal.SIGKILL)
        return ()


class Slow:
    """Takes ten minutes over documents saying SLOW."""
    code, name, claim_kinds = "NC994", "slow", ("change",)

    def run(self, claim, ctx):
        if "SLOW" in ctx.document.text:
            time.sleep(600)
        return ()


class Gate:
    """Holds a document saying GATE until the file $SCAN_TEST_GATE exists (touches GATE.reached)."""
    code, name, claim_kinds = "NC991", "gate", ("change",)

    def run(self, claim, ctx):
        if "GATE" in ctx.document.text:
            gate = pathlib.Path(os.environ["SCAN_TEST_GATE"])
            gate.with_suffix(".reached").touch()
            while not gate.exists():
                time.sleep(0.01)
        return ()
'''


def install_plugin(folder: Path) -> dict[str, str]:
    """A real plugin distribution (entry points ``numcheck.checks``); returns the env to use it."""
    folder.mkdir()
    (folder / "scan_test_checks.py").write_text(textwrap.dedent(PLUGIN))
    info = folder / "scan_test_checks-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: scan-test-checks\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[numcheck.checks]\nbroken = scan_test_checks:Broken\ngate = scan_test_checks:Gate\n"
        "odd = scan_test_checks:Odd\ndie = scan_test_checks:Die\nslow = scan_test_checks:Slow\n")
    return {"PYTHONPATH": str(folder), "SCAN_TEST_GATE": str(folder / "gate")}


def write_corpus(root: Path, n: int) -> list[Path]:
    """``n`` articles as .txt files in two sub-folders, in the order a scan lists them."""
    paths = []
    for i in range(n):
        path = root / ("a" if i < n // 2 else "b") / f"{i:03d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(i) + (GERMANY + "\n" if i == 1 else ""), encoding="utf-8")
        paths.append(path)
    return paths


def scan_cli(*args: str | Path, env: dict[str, str] | None = None,
             timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``numcheck scan`` as a user would (stderr is not a TTY here)."""
    return subprocess.run([NUMCHECK, "scan", *map(str, args)], capture_output=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def scan_popen(*args: str | Path, **kwargs) -> subprocess.Popen:
    """Start ``numcheck scan`` in its own session, so that a test can kill its whole tree."""
    return subprocess.Popen([NUMCHECK, "scan", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, **kwargs)


def read_tables(out: Path, keep_timing: bool = False) -> dict[str, pd.DataFrame]:
    """The four tables of a scan, parts in order; the per-document timing dropped unless asked."""
    tables = {}
    for name in TABLES:
        frame = pd.read_parquet(out / name)
        if name == "documents" and not keep_timing:
            frame = frame.drop(columns=["seconds"])
        tables[name] = frame.reset_index(drop=True)
    return tables


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Python objects, ``None`` for every missing value, lists as lists: comparable cell by cell."""
    frame = frame.map(lambda v: v.tolist() if hasattr(v, "tolist") else v).astype(object)
    return frame.where(frame.notna(), None)


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def part_names(out: Path, table: str = "documents") -> list[str]:
    return sorted(p.name for p in (out / table).iterdir())


#: Documents of the gated corpus, and the index of the one held at the gate.
N, GATED = 40, 25


def gated_corpus(root: Path, env: dict[str, str]) -> Path:
    """``N`` articles in ``root/in``, document GATED held by the plugin's gate; returns a
    reference scan of them made with the gate open (and closes the gate again)."""
    paths = write_corpus(root / "in", N)
    paths[GATED].write_text(paths[GATED].read_text() + "GATE.\n")
    paths[GATED - 1].write_text("  \n")  # fails, so the driver says when it has taken it in
    gate = Path(env["SCAN_TEST_GATE"])
    gate.touch()
    reference = root / "reference"
    proc = scan_cli(root / "in", "-o", reference, "-q", env=env)
    assert proc.returncode == 0, proc.stderr
    gate.unlink()
    return reference


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def kill_when_held(proc: subprocess.Popen, out: Path, env: dict[str, str]) -> None:
    """SIGKILL the scan's whole process group once it is held at the gate with two parts written."""
    try:
        wait_for(lambda: Path(env["SCAN_TEST_GATE"]).with_suffix(".reached").exists(), "the gate")
        wait_for(lambda: (out / "documents" / "part-000001.parquet").exists(), "two parts")
        os.killpg(proc.pid, signal.SIGKILL)  # the driver (and its workers): no clean-up at all
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)

"""An interrupted scan continues with --resume: nothing lost, nothing twice.

To interrupt at a known point, document GATED says GATE, and a test plugin check holds any such
document until a gate file exists: the scan stops there however fast or slow the machine is.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pandas as pd
import pytest

from numcheck.reports.scan_engines import CtrlC

from scan_support import (
    GATED, N, assert_same_tables, gated_corpus, install_plugin, kill_when_held, part_names,
    read_tables, scan_cli, scan_popen, write_corpus,
)


def start_gated_scan(root: Path, env: dict[str, str]):
    """A scan with one worker, one document per chunk and parts of ten, held at GATED."""
    return scan_popen(root / "in", "-o", root / "out", "--workers", "1", "--chunk-chars", "1",
                      "--part-docs", "10", env={**os.environ, **env})


def test_killed_scan_resumes_to_the_same_tables(tmp_path):
    env = install_plugin(tmp_path / "plugins")
    reference, out = gated_corpus(tmp_path, env), tmp_path / "out"
    kill_when_held(start_gated_scan(tmp_path, env), out, env)
    # The third part cannot be complete: its sixth document is held at the gate.
    assert part_names(out) == ["part-000000.parquet", "part-000001.parquet"]
    assert len(pd.read_parquet(out / "documents")) == 20
    Path(env["SCAN_TEST_GATE"]).touch()
    resumed = scan_cli(tmp_path / "in", "-o", out, "--resume", "--workers", "2", env=env)
    assert resumed.returncode == 0, resumed.stderr
    assert f"scanned {N - 20} documents" in resumed.stderr.decode()
    assert_same_tables(read_tables(out), read_tables(reference))


def test_ctrl_c_writes_finished_documents_then_resume_completes(tmp_path):
    env = install_plugin(tmp_path / "plugins")
    reference, out = gated_corpus(tmp_path, env), tmp_path / "out"
    proc = start_gated_scan(tmp_path, env)
    try:
        # The driver reports document GATED - 1 (empty) once it holds every document before it.
        line = proc.stderr.readline().decode()
        assert line.endswith(f"{GATED - 1:03d}.txt: empty input: no text to check\n"), line
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert stderr.decode() == (f"numcheck: interrupted; finished documents are in {out}, "
                               "continue with --resume\n")
    # Two full parts, then the five documents before the gate, written on the way out.
    assert [len(pd.read_parquet(out / "documents" / n)) for n in part_names(out)] == [10, 10, 5]
    Path(env["SCAN_TEST_GATE"]).touch()
    assert scan_cli(tmp_path / "in", "-o", out, "--resume", "-q", env=env).returncode == 0
    assert_same_tables(read_tables(out), read_tables(reference))
    runs = json.loads((out / "_scan.json").read_text())["runs"]
    assert [(r["completed"], r["documents"]) for r in runs] == [(False, GATED), (True, N - GATED)]


def test_debris_of_a_part_cut_short_is_removed_on_resume(tmp_path):
    write_corpus(tmp_path / "in", 12)
    reference, out = tmp_path / "reference", tmp_path / "out"
    assert scan_cli(tmp_path / "in", "-o", reference, "-q").returncode == 0
    assert scan_cli(tmp_path / "in", "-o", out, "-q", "--chunk-chars", "1",
                    "--part-docs", "5").returncode == 0
    # What a kill between the record parts and the documents part of part 2 leaves behind:
    # records of documents that have no documents row, and a half-written file.
    (out / "documents" / "part-000002.parquet").unlink()
    (out / "results" / ".part-000002.parquet.tmp").write_bytes(b"PAR1 half")
    assert len(pd.read_parquet(out / "documents")) == 10
    resumed = scan_cli(tmp_path / "in", "-o", out, "--resume", "--part-docs", "5")
    assert resumed.returncode == 0, resumed.stderr
    assert "scanned 2 documents" in resumed.stderr.decode()
    assert_same_tables(read_tables(out), read_tables(reference))
    assert sorted(os.listdir(out / "results")) == [f"part-00000{i}.parquet" for i in range(3)]


def test_ctrl_c_is_raised_at_the_next_safe_point_and_a_second_one_at_once():
    # The first SIGINT only marks the scan as interrupted: KeyboardInterrupt raised wherever the
    # signal lands could leave a process-pool lock held, and the scan would hang at exit.
    previous = signal.getsignal(signal.SIGINT)
    with CtrlC() as ctrl_c:
        ctrl_c.check()  # nothing pressed: no exception
        os.kill(os.getpid(), signal.SIGINT)
        assert ctrl_c.pressed
        with pytest.raises(KeyboardInterrupt):
            ctrl_c.check()
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)  # asked twice: at once
            time.sleep(1)  # the handler runs at the next bytecode; this is never reached in full
    assert signal.getsignal(signal.SIGINT) is previous

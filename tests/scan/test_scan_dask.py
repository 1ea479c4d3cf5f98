"""The same input gives the same tables on the local pool and on Dask (real LocalClusters).

One cluster of two worker processes runs for the whole module, in a process of its own (so that
its workers have the test plugin, and pytest is never forked); the scans join it with
``--scheduler``. One test lets ``numcheck scan`` start its own LocalCluster, the default.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scan_support import (
    N, article, assert_same_tables, gated_corpus, install_plugin, kill_when_held, part_names,
    read_tables, scan_cli, scan_popen, write_corpus,
)

CLUSTER = """
import sys
from distributed import LocalCluster

with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                  dashboard_address=None) as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()  # until the test closes this pipe
"""


@pytest.fixture(scope="module")
def plugin(tmp_path_factory) -> dict[str, str]:
    """The environment with the test plugin (a crashing check and a gate), for every process."""
    return install_plugin(tmp_path_factory.mktemp("dask-plugin") / "plugins")


@pytest.fixture(scope="module")
def scheduler(plugin) -> str:
    """The address of a running LocalCluster of two single-threaded worker processes."""
    proc = subprocess.Popen([sys.executable, "-c", CLUSTER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, env={**os.environ, **plugin},
                            start_new_session=True)
    try:
        address = proc.stdout.readline().decode().strip()
        assert address.startswith("tcp://"), address
        yield address
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, plugin):
    """Text files in folders, a JSONL table with a bad line, a binary file and a document that
    crashes a check; and the tables the local pool makes of them."""
    root = tmp_path_factory.mktemp("dask")
    write_corpus(root / "in", 30)
    (root / "in" / "a" / "binary.txt").write_bytes(b"\x00PNG")
    (root / "in" / "b" / "crash.txt").write_text("BOOM. " + article(7))
    table = root / "more.jsonl"
    table.write_text("".join(json.dumps({"text": article(100 + i)}) + "\n" for i in range(10))
                     + "{oops\n", encoding="utf-8")
    local = root / "local"
    proc = scan_cli(root / "in", table, "-o", local, "--workers", "2", "--chunk-chars", "3000",
                    "-q", env=plugin)
    assert proc.returncode == 0, proc.stderr
    return root, [str(root / "in"), str(table)], read_tables(local)


def test_the_default_local_cluster_of_two_workers(inputs, plugin):
    root, args, local = inputs
    proc = scan_cli(*args, "-o", root / "dask", "--engine", "dask", "--workers", "2",
                    "--chunk-chars", "3000", env=plugin)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.decode().splitlines()[-1].startswith("numcheck: scanned 43 documents")
    tables = read_tables(root / "dask")
    assert_same_tables(tables, local)
    assert tables["documents"]["error"].dropna().tolist() == [
        "binary file (contains NUL bytes), not text",
        "internal error, please report it: RuntimeError: a broken plugin",
        "line 11: invalid JSON (Expecting property name enclosed in double quotes: line 1 "
        "column 2 (char 1))"]
    runs = json.loads((root / "dask" / "_scan.json").read_text())["runs"]
    assert [(r["engine"], r["workers"], r["documents"], r["errors"]) for r in runs] == [
        ("dask", 2, 43, 3)]


def test_joining_a_running_cluster(inputs, scheduler, plugin):
    root, args, local = inputs
    proc = scan_cli(*args, "-o", root / "joined", "--scheduler", scheduler,
                    "--chunk-chars", "1000", "-q", env=plugin)
    assert proc.returncode == 0, proc.stderr
    assert_same_tables(read_tables(root / "joined"), local)


def test_a_scan_killed_on_dask_resumes_on_the_local_pool(tmp_path, scheduler, plugin):
    reference, out = gated_corpus(tmp_path, plugin), tmp_path / "out"
    proc = scan_popen(tmp_path / "in", "-o", out, "--scheduler", scheduler, "--chunk-chars", "1",
                      "--part-docs", "10", env={**os.environ, **plugin})
    kill_when_held(proc, out, plugin)
    Path(plugin["SCAN_TEST_GATE"]).touch()  # lets the cluster's worker finish the orphaned task
    # The other worker went on past document GATED, but parts are written in input order only.
    assert part_names(out) == ["part-000000.parquet", "part-000001.parquet"]
    resumed = scan_cli(tmp_path / "in", "-o", out, "--resume", "--engine", "local",
                       "--workers", "2", env=plugin)
    assert resumed.returncode == 0, resumed.stderr
    assert f"scanned {N - 20} documents" in resumed.stderr.decode()
    assert_same_tables(read_tables(out), read_tables(reference))


def test_an_unreachable_scheduler_is_one_line_exit_2(tmp_path):
    proc = scan_cli(tmp_path, "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9",
                    env={"DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "1s"})
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("numcheck: tcp://127.0.0.1:9: cannot start Dask")
    assert len(proc.stderr.splitlines()) == 1, proc.stderr
    assert not (tmp_path / "out").exists()  # nothing written, so a plain re-run works

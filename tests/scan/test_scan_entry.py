"""The console script's early look at its arguments: which start a LocalCluster's fork server."""

from __future__ import annotations

import subprocess
import sys

import pytest

from numcheck.reports.entry import starts_local_cluster


@pytest.mark.parametrize("args, expected", [
    (["scan", "in", "-o", "out", "--engine", "dask"], True),
    (["scan", "--engine=dask", "in", "-o", "out"], True),
    (["scan", "in", "-o", "out", "--engine", "dask", "--workers", "2"], True),
    (["scan", "in", "-o", "out"], False),  # the local engine forks from the driver
    (["scan", "in", "-o", "out", "--engine", "local"], False),
    (["scan", "in", "-o", "out", "--engine", "dask", "--scheduler", "tcp://h:8786"], False),
    (["scan", "in", "-o", "out", "--scheduler=tcp://h:8786"], False),
    (["scan", "in", "-o", "out", "--engine"], False),  # click will say what is missing
    (["scan", "--", "--engine", "dask"], False),  # file names after "--"
    (["check", "--engine", "dask"], False),
    ([], False),
])
def test_only_a_scan_on_a_local_cluster_starts_the_fork_server_early(args, expected):
    assert starts_local_cluster(args) is expected


def test_the_console_script_runs_the_command_line_through_the_entry_point(tmp_path):
    """``numcheck`` is ``entry.main``: the same command line, with the fork server started first
    for a LocalCluster scan (its process exits with the command)."""
    code = ("import sys, multiprocessing.forkserver as fs; from numcheck.reports import entry; "
            "sys.argv = ['numcheck', 'scan', '--engine', 'dask', '--help']; "
            "import atexit; atexit.register(lambda: print('server', fs._forkserver._forkserver_pid "
            "is not None, file=sys.stderr)); entry.main()")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Usage: numcheck scan [OPTIONS] INPUTS..." in proc.stdout
    assert proc.stderr == "server True\n"

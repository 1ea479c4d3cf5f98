"""The fork server that scan workers fork from, startable before the scan machinery is imported.

A module of its own, importing nothing heavy: the ``numcheck`` console script (:mod:`.entry`)
starts the server first thing for ``scan --engine dask``, so that it preloads Dask and numcheck
(about 2 s, which every LocalCluster worker waits for) while the driver is still importing its
own modules; starting a LocalCluster starts it otherwise.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver

#: The module the fork server imports before forking workers.
PRELOAD = "numcheck.reports.scan_preload"


def start_fork_server() -> None:
    """Start the fork server of a LocalCluster's workers, preloading Dask and numcheck.

    A no-op once it runs: its preload list is then fixed, and Dask's own, set later, is not used.
    """
    multiprocessing.get_context("forkserver").set_forkserver_preload(["distributed", PRELOAD])
    multiprocessing.forkserver.ensure_running()

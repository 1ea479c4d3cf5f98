"""The ``numcheck`` console script: what must start before the command line is imported, then it.

``numcheck scan --engine dask`` without ``--scheduler`` starts a LocalCluster whose workers fork
from a server that preloads Dask and numcheck (about 2 s; see :mod:`.scan_fork`). Started here,
from a look at the arguments, that preload runs beside the import of the command line (about
0.6 s) instead of after it. Click still parses the arguments: a wrong guess only starts a server
that goes unused, or leaves the start to the LocalCluster, as for any other caller.
"""

from __future__ import annotations

import sys
from typing import Sequence


def main() -> None:
    """Run the ``numcheck`` command line."""
    if starts_local_cluster(sys.argv[1:]):
        from .scan_fork import start_fork_server

        start_fork_server()
    from .cli import main as cli

    cli()


def starts_local_cluster(args: Sequence[str]) -> bool:
    """Whether ``args`` ask for a scan on a LocalCluster: ``scan``, ``--engine dask`` (or
    ``--engine=dask``) and no ``--scheduler``."""
    if not args or args[0] != "scan":
        return False
    engine = None
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--scheduler" or arg.startswith("--scheduler="):
            return False
        if arg == "--engine" and n + 1 < len(args):
            engine = args[n + 1]
        elif arg.startswith("--engine="):
            engine = arg.partition("=")[2]
    return engine == "dask"

"""Imported once by the fork server that starts scan workers (local pool and LocalCluster).

Every worker forked from that server starts with the pipeline imported and its caches built (the
unit registry, compiled patterns), and shares those pages with its siblings instead of copying them.
"""

from .scan_work import warm_up

warm_up()

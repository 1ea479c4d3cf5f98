"""Where the chunks of a scan run: a local process pool, or a Dask cluster.

Both engines give the driver the same thing — chunk outputs in input order — through
:func:`run_ordered`, which keeps a bounded window of chunks in flight: enough to keep every worker
busy, few enough that memory does not grow with the input.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable, Iterable, Iterator, Protocol

from ..claims.errors import NumcheckError
from .scan_fork import PRELOAD, start_fork_server
from .scan_work import (Checked, Chunk, ChunkOutput, Work, chunk_output, identify, scan_chunk,
                        warm_up)

#: Messages Dask keeps per connection (and log entries per log) instead of its default 1,000.
MESSAGE_LOG = 16
#: Dask settings of the LocalCluster numcheck starts (see :func:`_local_cluster`).
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "1s",
}


class EngineError(NumcheckError):
    """The engine could not start or lost its workers."""


class Engine(Protocol):
    """What the driver needs from an engine."""

    slots: int
    """How many chunks can run at once."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Start ``fn(*args)``; return a future with a blocking ``result()``."""

    def restart(self) -> None:
        """Make the engine usable again after a worker died."""

    def close(self, interrupted: bool = False) -> None:
        """Stop the workers, cancelling what is queued; if ``interrupted``, without waiting."""


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _init_local_worker() -> None:
    # Ctrl-C is the driver's to handle: it writes what is finished and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # --doc-timeout: the kernel stops the worker
    warm_up()


class LocalEngine:
    """A pool of worker processes on this machine, each importing numcheck once.

    On Linux workers are forked from the driver, which has imported and warmed up the pipeline
    before it starts any thread: they start at once and share those pages instead of copying them.
    Elsewhere they fork from a fork server that preloads the same (macOS cannot fork safely).
    """

    def __init__(self, workers: int) -> None:
        if sys.platform == "linux":
            warm_up()
            ctx = multiprocessing.get_context("fork")
        else:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload([PRELOAD])
        self.slots = workers
        self._ctx = ctx
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(self.slots, mp_context=self._ctx, initializer=_init_local_worker)
        # Start every worker now, so that start-up is not counted as scanning time.
        for future in [pool.submit(os.getpid) for _ in range(self.slots)]:
            future.result()
        return pool

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self._pool.submit(fn, *args)

    def restart(self) -> None:
        """A new pool after a worker died: the old one is broken, with every future it held."""
        self.close(interrupted=True)
        self._pool = self._start()

    def close(self, interrupted: bool = False) -> None:
        if not interrupted:
            self._pool.shutdown(wait=True, cancel_futures=True)
            return
        # A worker may be stuck (a slow document, a file that never ends): do not wait for it.
        processes = list(getattr(self._pool, "_processes", {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()


class DaskEngine:
    """dask.distributed: a LocalCluster of single-threaded worker processes, or a running cluster.

    On a running cluster the workers need numcheck installed and, for text-file inputs, the same
    paths visible (shared storage), as with any Dask reader.
    """

    def __init__(self, workers: int, scheduler: str | None) -> None:
        import dask
        from distributed import Client

        self._cluster = None
        try:
            # Dask keeps the last messages of every connection for debugging, each under 1 MB in
            # full: with the default of 1,000 that is every chunk's text, hundreds of megabytes.
            with dask.config.set({"distributed.admin.low-level-log-length": MESSAGE_LOG}):
                if scheduler:
                    self._client = Client(scheduler)  # waits distributed.comm.timeouts.connect
                else:
                    self._cluster = _local_cluster(workers)
                    self._client = Client(self._cluster)
        except (OSError, TimeoutError, RuntimeError) as exc:  # RuntimeError: a worker did not start
            if self._cluster is not None:
                self._cluster.close()
            raise EngineError(f"{scheduler or 'LocalCluster'}: cannot start Dask ({exc})") from None
        self.slots = max(1, sum(self._client.nthreads().values()))
        try:
            self._client.run(warm_up)
        except Exception as exc:  # a worker without numcheck (or another version of it)
            self.close()
            raise EngineError(f"{scheduler or 'LocalCluster'}: the Dask workers cannot run "
                              f"numcheck ({type(exc).__name__}: {exc})") from None

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self._client.submit(fn, *args, pure=False)

    def restart(self) -> None:
        """Nothing to do: Dask's nannies replace a worker that died."""

    def close(self, interrupted: bool = False) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _local_cluster(workers: int) -> Any:
    """A LocalCluster whose worker processes fork from a warmed-up server, as the local pool's do.

    Dask spawns workers by default: each would import pandas, pint and numcheck from scratch,
    which costs seconds per worker and keeps a private copy of everything in each. The
    dashboard's helpers are off or slowed down (there is no dashboard): the statistical profiler
    samples the worker's stack every 10 ms and the monitors wake it every 20-500 ms, costing a
    CPU-bound worker about a tenth of its time in stolen cycles and GIL hand-overs.
    """
    import dask
    from distributed import LocalCluster
    from distributed.utils import get_mp_context

    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver",
                          **QUIET_WORKERS}):
        get_mp_context()  # lets Dask set its preload list first, so that ours is the one used
        start_fork_server()  # a no-op if the console script has started it already (entry)
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            # The scheduler's HTTP routes on a free port, not 8787, which a
                            # second scan would find taken (and Dask say so on stderr).
                            dashboard_address=":0", scheduler_kwargs={"dashboard": False},
                            silence_logs=logging.CRITICAL)


def start(engine: str, workers: int, scheduler: str | None) -> Engine:
    """The engine named ``engine`` with ``workers`` workers (ignored when joining a cluster)."""
    if engine == "dask":
        return DaskEngine(workers, scheduler)
    return LocalEngine(workers)


class CtrlC:
    """Ctrl-C, taken when it is safe: the first one is noted and raised as KeyboardInterrupt at
    the driver's next wait (:meth:`check`); a second one interrupts at once.

    Raised wherever the signal lands, KeyboardInterrupt can leave a lock of the process pool held
    (between a lock's acquisition and the ``with`` block that would release it), and the pool's
    exit handler then waits on that lock forever: a scan that hangs instead of stopping.
    """

    def __init__(self) -> None:
        self.pressed = False
        self._previous: Any = None

    def __enter__(self) -> "CtrlC":
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _note(self, signum: int, frame: Any) -> None:
        if self.pressed:  # asked twice: stop now
            raise KeyboardInterrupt
        self.pressed = True  # a plain attribute: no lock that the interrupted code might hold

    def check(self) -> None:
        """Raise KeyboardInterrupt here, at a safe point, if Ctrl-C was pressed."""
        if self.pressed:
            raise KeyboardInterrupt


#: How often the driver looks at Ctrl-C while it waits for a chunk.
POLL_SECONDS = 0.1


class LostWorker(EngineError):
    """A worker died (killed, out of memory, a crash in C) while it held a chunk."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"a worker died ({reason})")
        self.reason = reason


def run_ordered(engine: Engine, chunks: Iterable[Chunk], work: Work,
                window: int | None = None, ctrl_c: CtrlC | None = None) -> Iterator[ChunkOutput]:
    """Outputs of ``scan_chunk`` for every chunk, in input order, with a bounded window in flight.

    When a worker dies on a chunk, its documents are run again one per task, so that the one
    that kills a worker becomes a row with that error and the scan goes on; a resumed scan would
    otherwise stop at the same document every time.
    """
    limit = window or 3 * engine.slots
    ctrl_c = ctrl_c or CtrlC()
    pending: deque[tuple[Chunk, Any]] = deque()

    def submit_all(held: Iterable[Chunk]) -> None:
        for chunk in held:
            pending.append((chunk, engine.submit(scan_chunk, chunk, work)))

    def next_outputs() -> Iterator[ChunkOutput]:
        chunk, future = pending.popleft()
        try:
            yield _result(future, ctrl_c)
            return
        except LostWorker:
            held = [c for c, _ in pending]  # in flight on the same pool: lost with it
            pending.clear()
        engine.restart()
        yield from _one_by_one(engine, chunk, work, ctrl_c)
        submit_all(held)

    for chunk in chunks:
        ctrl_c.check()
        submit_all([chunk])
        if len(pending) >= limit:
            yield from next_outputs()
    while pending:
        yield from next_outputs()


def _one_by_one(engine: Engine, chunk: Chunk, work: Work, ctrl_c: CtrlC) -> Iterator[ChunkOutput]:
    """The documents of a chunk a worker died on, each as its own task."""
    for item in chunk.items:
        started = time.monotonic()
        try:
            yield _result(engine.submit(scan_chunk, Chunk((item,)), work), ctrl_c)
        except LostWorker as exc:
            took = time.monotonic() - started
            engine.restart()
            if work.doc_timeout and took >= work.doc_timeout:
                error = (f"took longer than the time limit of {work.doc_timeout:g} s "
                         f"(--doc-timeout); its worker was stopped")
            else:
                error = f"the worker checking this document died ({exc.reason})"
            # A file's size, and an unparsed line's, count bytes: left out, as for every failure.
            chars = len(item.text) if item.text is not None else \
                item.size if item.offset >= 0 and not item.unparsed else 0
            # An id only the document's line knows is read here: its row goes under that id.
            yield chunk_output([Checked(identify(item, work), None, chars, seconds=took,
                                        error=error)])


def _result(future: Any, ctrl_c: CtrlC) -> ChunkOutput:
    """The output of ``future``, looking at Ctrl-C every :data:`POLL_SECONDS` while it waits.

    The wait is on an event the future sets when done, not on ``future.result(timeout=...)``:
    on Python 3.11 a Dask future whose result arrives just as such a timeout expires can raise
    UnboundLocalError from ``distributed.utils.sync`` (asyncio.wait_for's race between the two),
    which would be taken for a lost worker and its chunk run again one document at a time: a
    scan of the 16x BBC corpus took 345 s instead of 19.
    """
    ctrl_c.check()
    done = threading.Event()
    future.add_done_callback(lambda _: done.set())
    while not done.wait(POLL_SECONDS):
        ctrl_c.check()
    try:
        return future.result()
    except NumcheckError:
        raise
    except Exception as exc:  # scan_chunk catches document errors; this is a lost worker
        first = str(exc).split(". ")[0].rstrip(".")  # Dask's KilledWorker goes on for lines
        raise LostWorker(f"{type(exc).__name__}: {first}") from None

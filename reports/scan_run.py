"""The driver of ``numcheck scan``: inputs → chunks → engine → parts, with progress on stderr."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

import pyarrow.compute as pc
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .scan_engines import CtrlC, default_workers, run_ordered, start
from .scan_inputs import Unique, chunks, fresh, items, resolve, validate, walker
from .scan_output import PartWriter, create, prepare, record_run
from .scan_work import ChunkOutput, Work

#: Diagnostics printed one by one before the rest are left to the ``documents`` table.
MAX_SHOWN = 10
#: The size of the first chunks; later ones double up to --chunk-chars (see ``chunks``).
FIRST_CHUNK_CHARS = 100_000
#: A part is written at least this often, so an interruption loses little work.
PART_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class ScanJob:
    """Everything a scan run is asked to do."""

    inputs: tuple[str, ...]
    output: Path
    work: Work
    options: dict[str, Any]
    """What must stay the same across --resume: the settings, input format and table columns."""
    resume: bool
    include: tuple[str, ...]
    """What a folder walk picks up, and what it skips (as for ``numcheck check``)."""
    exclude: tuple[str, ...]
    base: Path | None
    """The directory exclude patterns with "/" are relative to."""
    engine: str
    workers: int | None
    """Worker processes to start; ``None`` for all cores. Ignored when joining a cluster."""
    scheduler: str | None
    chunk_chars: int
    part_docs: int


@dataclass(slots=True)
class Tally:
    """Running figures of one scan run."""

    documents: int = 0
    characters: int = 0
    errors: int = 0
    inconsistent: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, output: ChunkOutput) -> None:
        self.documents += output.documents
        self.characters += output.characters
        self.errors += len(output.errors)
        self.inconsistent += pc.sum(output.tables["documents"].column("inconsistent")).as_py() or 0

    def rates(self) -> tuple[float, float]:
        """(documents/s, characters/s) since the scan loop started."""
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        return self.documents / elapsed, self.characters / elapsed


def run_scan(job: ScanJob, console: Console) -> Tally:
    """Run one scan; finished chunks are written even when it stops early."""
    began, started_at = time.perf_counter(), datetime.now(timezone.utc).isoformat(timespec="seconds")
    text_column, id_column = job.options["text_column"], job.options["id_column"]
    paths = resolve(job.inputs)
    validate(paths, text_column, id_column)
    done, next_part = prepare(job.output, job.options, job.resume)
    writer = PartWriter(job.output, next_part, job.part_docs, PART_SECONDS)
    warn = _warner(console, job.output)
    with CtrlC() as ctrl_c:  # Ctrl-C stops the scan at the next safe point (see CtrlC)
        engine = start(job.engine, job.workers or default_workers(), job.scheduler)
        try:
            ctrl_c.check()
            create(job.output, job.options)
        except BaseException:
            engine.close(interrupted=True)
            raise
        tally, finished = Tally(), False
        try:
            # Workers of a cluster joined with --scheduler may not see this machine's files.
            found = items(paths, text_column, id_column, walker(job.include, job.exclude, job.base),
                          by_reference=job.scheduler is None, ids_needed=bool(done))
            stream = chunks(fresh(found, done), job.chunk_chars,
                            first_chars=min(FIRST_CHUNK_CHARS, job.chunk_chars), ramp_every=engine.slots)
            unique = Unique(warn)
            with _Progress(tally, console, warn) as progress:
                for output in run_ordered(engine, stream, job.work, ctrl_c=ctrl_c):
                    output = unique.keep(output)
                    writer.add(output)  # first, so that whatever is reported is also kept
                    progress.done(output)
            finished = True
        finally:
            writer.flush()  # what is finished is kept, however the scan ends
            engine.close(interrupted=not finished)
            record_run(job.output, {
                "engine": job.engine, "workers": engine.slots, "scheduler": job.scheduler,
                "started": started_at, "completed": finished, "documents": tally.documents,
                "characters": tally.characters, "errors": tally.errors,
                "seconds": round(time.perf_counter() - began, 3),
                "scan_seconds": round(time.perf_counter() - tally.started, 3)})
    return tally


def summary(tally: Tally, out: Path) -> str:
    """The closing line of a scan."""
    docs_rate, chars_rate = tally.rates()
    return (f"numcheck: scanned {tally.documents:,} documents ({tally.characters:,} characters) "
            f"at {docs_rate:,.0f} documents/s, {chars_rate:,.0f} characters/s; "
            f"{tally.errors:,} failed, {tally.inconsistent:,} inconsistent results → {out}")


class _Progress:
    """Counts finished chunks and shows the rates on stderr when it is a TTY."""

    def __init__(self, tally: Tally, console: Console, warn: Callable[[str], None]) -> None:
        self.tally, self.warn = tally, warn
        self.bar = Progress(
            SpinnerColumn(), TextColumn("{task.completed:,} documents"),
            TextColumn("{task.fields[docs]} documents/s"),
            TextColumn("{task.fields[chars]} characters/s"),
            TextColumn("{task.fields[errors]:,} failed"), TimeElapsedColumn(),
            console=console, disable=not console.is_terminal, transient=True)
        self.task = self.bar.add_task("scan", total=None, docs="0", chars="0", errors=0)

    def __enter__(self) -> "_Progress":
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def done(self, output: ChunkOutput) -> None:
        """Count a chunk that is safely in the writer's hands, and report its failures."""
        self.tally.add(output)
        for doc_id, error in output.errors:
            self.warn(f"{doc_id}: {error}")
        docs_rate, chars_rate = self.tally.rates()
        self.bar.update(self.task, completed=self.tally.documents, docs=f"{docs_rate:,.0f}",
                        chars=f"{chars_rate:,.0f}", errors=self.tally.errors)


def _warner(console: Console, out: Path) -> Callable[[str], None]:
    """A one-line diagnostic printer that falls silent after :data:`MAX_SHOWN` lines."""
    shown = 0

    def warn(message: str) -> None:
        nonlocal shown
        shown += 1
        if shown <= MAX_SHOWN:
            console.print(f"numcheck: {message}", soft_wrap=True, markup=False, highlight=False)
        elif shown == MAX_SHOWN + 1:
            console.print(f"numcheck: further problems are not shown; see the error column of "
                          f"{out / 'documents'}", soft_wrap=True, markup=False, highlight=False)
    return warn

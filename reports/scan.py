"""``numcheck scan``: check an archive into parquet tables, on this machine or on a Dask cluster.

The driver (:mod:`.scan_run`) lists the inputs (:mod:`.scan_inputs`), batches documents into
chunks of about ``--chunk-chars`` characters and hands them to an engine (:mod:`.scan_engines`);
workers return Arrow tables (:mod:`.scan_work`), which the driver writes in parts
(:mod:`.scan_output`). Memory stays bounded: a few chunks are in flight and one part is buffered,
however large the archive.

Exit codes: 0 when the scan completed (documents that failed are rows with an ``error``, and
inconsistent results are data in the tables, not a failure of the scan), 2 for usage, input or
output errors, 130 when interrupted (finished chunks are written; ``--resume`` continues).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console

from ..claims.errors import NumcheckError
from ..claims.sources import INPUT_FORMATS
from .config import resolve

EXIT_OK, EXIT_ERROR, EXIT_INTERRUPTED = 0, 2, 130


@click.command("scan")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the parquet tables (created; must be new unless --resume).")
@click.option("--text-column", default="text", show_default=True,
              help="Column (field) holding the text in JSONL, CSV and parquet inputs.")
@click.option("--id-column", default=None,
              help="Column holding a unique document id (default: FILE#N, N the line or row).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default=None,
              help="local: a process pool on this machine (default); dask: dask.distributed.")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for the local pool or LocalCluster (default: all cores).")
@click.option("--scheduler", default=None,
              help="Address of a running Dask scheduler to join (implies --engine dask).")
@click.option("--resume", is_flag=True, help="Continue a scan in OUTPUT, skipping documents done.")
@click.option("--select", default=None,
              help="Comma-separated check codes or prefixes to run (default: NC, every check).")
@click.option("--ignore", default=None, help="Comma-separated check codes or prefixes to skip.")
@click.option("--input-format", type=click.Choice(["auto", *INPUT_FORMATS]), default="auto",
              show_default=True,
              help="How to read documents; auto goes by suffix (table texts are text).")
@click.option("--config", "config_path", default=None, metavar="FILE",
              help="Read [tool.numcheck] from FILE instead of the nearest pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--chunk-chars", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Characters per task sent to a worker, at most: the first tasks hold "
                   "100,000 and double up to this, so a small input still uses every worker.")
@click.option("--part-docs", type=click.IntRange(min=1), default=5000, show_default=True,
              help="Documents per part file (a part is also written each minute).")
@click.option("--doc-timeout", type=click.FloatRange(min=0), default=300, show_default=True,
              help="Seconds one document may take before its worker is stopped and the document "
                   "recorded as failed (local engine; 0: no limit).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, diagnostics or summary.")
def scan(inputs: tuple[str, ...], output: Path, text_column: str, id_column: str | None,
         engine: str | None, workers: int | None, scheduler: str | None, resume: bool,
         input_format: str, chunk_chars: int, part_docs: int, doc_timeout: float, quiet: bool,
         **cli: object) -> None:
    """Check INPUTS (files, folders, globs, or JSONL/CSV/parquet tables) into parquet tables.

    Folders are walked, and [tool.numcheck] in the nearest pyproject.toml applies, as for
    numcheck check; --select and --ignore override it.
    """
    if engine == "local" and scheduler:
        raise click.UsageError("--scheduler joins a Dask cluster; it needs --engine dask")
    # Imported here so that pyarrow, pandas and dask load only when scanning, not for every command.
    from .scan_run import ScanJob, run_scan, summary
    from .scan_work import Work

    console = Console(stderr=True, quiet=quiet)
    try:
        run = resolve(inputs, cli)
        job = ScanJob(
            inputs=inputs, output=output,
            work=Work(run.settings, input_format, doc_timeout, text_column, id_column),
            resume=resume,
            options={"settings": _plain(asdict(run.settings)), "input_format": input_format,
                     "text_column": text_column, "id_column": id_column},
            include=run.include, exclude=run.exclude, base=run.config.base,
            engine=engine or ("dask" if scheduler else "local"), workers=workers,
            scheduler=scheduler, chunk_chars=chunk_chars, part_docs=part_docs)
        tally = run_scan(job, console)
    except NumcheckError as exc:
        click.echo(f"numcheck: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        click.echo(f"numcheck: interrupted; finished documents are in {output}, "
                   "continue with --resume", err=True)
        sys.exit(EXIT_INTERRUPTED)
    console.print(summary(tally, output), soft_wrap=True, markup=False, highlight=False)
    sys.exit(EXIT_OK)


def _plain(data: dict) -> dict:
    """``data`` as it reads back from JSON (tuples become lists, decimals strings)."""
    return json.loads(json.dumps(data, default=str))

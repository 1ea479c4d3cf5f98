"""The inputs of ``numcheck scan``: files, folders and globs of documents, or tables of texts.

Documents (.txt, .md, .html …: folders are walked as ``numcheck check`` walks them, by
:func:`numcheck.claims.sources.discover`) are read by the workers; the driver only lists them.
JSONL, CSV and parquet files are streamed here, a record at a time, for ids, sizes and errors.
Where the workers see this machine's files (the local engine, a Dask LocalCluster), a JSONL
line travels as its byte range and the worker reads and parses it; the driver parses it too only
when it must know the ``--id-column`` value before the work, to skip documents a resumed scan
has done. CSV and parquet rows, and every row sent to a running cluster (``--scheduler``),
travel as their text, once.

A document's id is its path, or for a table the ``--id-column`` value or ``FILE#N`` (N the
1-based line of a JSONL file, or row of a CSV or parquet file).
"""

from __future__ import annotations

import csv
import glob
import os
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..claims.errors import InputError
from ..claims.sources import discover
from .scan_work import Chunk, ChunkOutput, Item, parse_line, record_item

TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")
_GLOB_CHARS = frozenset("*?[")


def resolve(specs: Iterable[str]) -> list[str]:
    """Expand globs (sorted, ``**`` recursive); folders stay folders, walked later by :func:`items`."""
    found: list[str] = []
    for spec in specs:
        if _GLOB_CHARS & set(spec) and not os.path.exists(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                raise InputError(spec, "no file matches this pattern")
            found.extend(matches)
        else:
            found.append(spec)
    return found


def is_table(path: str) -> bool:
    """Whether ``path`` is a table of texts rather than one document."""
    return path.lower().endswith(TABLE_SUFFIXES)


def validate(paths: Iterable[str], text_column: str, id_column: str | None) -> None:
    """Check, before any work, that every table has the columns asked for (CSV and parquet)."""
    wanted = [c for c in (text_column, id_column) if c]
    for path in paths:
        if not is_table(path) or not os.path.isfile(path):
            continue
        names = _table_columns(path)
        missing = [c for c in wanted if names is not None and c not in names]
        if missing:
            raise InputError(path, f"no column {missing[0]!r} (columns: {', '.join(names or [])}); "
                                   "see --text-column and --id-column")


def _table_columns(path: str) -> list[str] | None:
    """Column names of a CSV or parquet file; ``None`` for JSONL, whose records may differ."""
    try:
        if path.lower().endswith(".parquet"):
            return list(pq.read_schema(path).names)
        if path.lower().endswith(".csv"):
            with open(path, newline="", encoding="utf-8-sig") as fh:
                return next(csv.reader(fh), [])
    except (OSError, ValueError, csv.Error) as exc:
        raise InputError(path, f"cannot be read as a table ({exc})") from None
    return None


Walk = Callable[[str], Iterable[str]]


def walker(include: Iterable[str], exclude: Iterable[str], base: Path | None) -> Walk:
    """Files of one input path, as ``numcheck check`` finds them (a folder walked, sorted)."""
    include, exclude = tuple(include), tuple(exclude)
    return lambda path: discover([path], include, exclude, base)


def items(paths: Iterable[str], text_column: str, id_column: str | None,
          walk: Walk, by_reference: bool = False, ids_needed: bool = True) -> Iterator[Item]:
    """Every document of ``paths``, in order, read lazily.

    ``by_reference``: the workers see this machine's files, so a JSONL line travels as its byte
    range and the worker reads it again, instead of its text going through pipes or Dask.
    ``ids_needed``: the driver must know every ``id_column`` value (to skip the documents a
    resumed scan has done); otherwise the workers read them, and JSONL lines are not parsed here.
    """
    for path in paths:
        if is_table(path):
            yield from _table_items(path, text_column, id_column, by_reference,
                                    unparsed=by_reference and not (id_column and ids_needed))
            continue
        for file in walk(path):
            try:
                size = os.path.getsize(file)
            except OSError:
                size = 0  # the worker reports why it cannot be read
            yield Item(file, file, size=size)


def _table_items(path: str, text_column: str, id_column: str | None,
                 by_reference: bool = False, unparsed: bool = False) -> Iterator[Item]:
    """The rows of one table; a table that breaks off midway becomes an error row for the file."""
    suffix = Path(path).suffix.lower()
    try:
        if unparsed and suffix in _JSONL:
            yield from _jsonl_lines(path)  # the worker parses each line, once
            return
        for n, record, span in _READERS[suffix](path, [c for c in (text_column, id_column) if c]):
            item = record_item(path, n, record, text_column, id_column)
            if by_reference and span is not None and item.text is not None:
                item = item._replace(text=None, offset=span[0], length=span[1])
            yield item
    except (OSError, ValueError, csv.Error) as exc:
        yield Item(path, path, error=f"cannot be read as a table ({exc})")


#: A reader yields (row number, record or complaint, byte span of the row or None).
Row = tuple[int, Any, "tuple[int, int] | None"]
_JSONL = (".jsonl", ".ndjson")


def _jsonl(path: str, _: list[str]) -> Iterator[Row]:
    offset = 0
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            start, offset = offset, offset + len(line)
            if line.isspace():
                continue
            yield n, parse_line(line, n), (start, len(line))


def _jsonl_lines(path: str) -> Iterator[Item]:
    """The lines of a JSONL file as byte ranges, not parsed, ids ``FILE#N`` until a worker reads
    the --id-column value: parsing every line here as well as in the worker would make the
    driver, alone, the limit of a scan over many cores."""
    offset = 0
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, 1):
            start, offset = offset, offset + len(line)
            if not line.isspace():
                yield Item(f"{path}#{n}", path, n, size=len(line), offset=start,
                           length=len(line), unparsed=True)


def _csv(path: str, _: list[str]) -> Iterator[Row]:
    csv.field_size_limit(sys.maxsize)  # whole articles exceed the default of 128 KiB
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for n, record in enumerate(csv.DictReader(fh), 1):
            yield n, record, None  # quoted fields span lines: no byte range a worker could reuse


def _parquet(path: str, wanted: list[str]) -> Iterator[Row]:
    n = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=512, columns=wanted):
        for record in batch.to_pylist():
            n += 1
            yield n, record, None


_READERS: dict[str, Callable[[str, list[str]], Iterator[Row]]] = {
    ".jsonl": _jsonl, ".ndjson": _jsonl, ".csv": _csv, ".parquet": _parquet,
}


def fresh(stream: Iterable[Item], done: set[str]) -> Iterator[Item]:
    """Items not yet in the output (a resumed scan's ``done``); duplicates are :class:`Unique`'s."""
    return (item for item in stream if item.doc_id not in done)


class Unique:
    """Keeps the first document of each id, as the chunks come back in input order.

    Ids are checked here, on the workers' output, rather than as the driver lists the inputs:
    with an --id-column the driver no longer parses JSONL lines, so only a worker knows a
    line's id. A later document with an id seen before is dropped, its records with it, and
    reported; duplicates are rare, and checking one costs a worker a little time.
    """

    def __init__(self, warn: Callable[[str], None]) -> None:
        self.seen: set[str] = set()
        self.warn = warn

    def keep(self, output: ChunkOutput) -> ChunkOutput:
        """``output`` without the documents whose ids came before (in it or in earlier chunks)."""
        documents = output.tables["documents"]
        ids = documents.column("doc_id").to_pylist()
        new = set(ids)
        if len(new) == len(ids) and self.seen.isdisjoint(new):
            self.seen |= new
            return output
        kept = []
        for n, doc_id in enumerate(ids):
            kept.append(doc_id not in self.seen)
            if kept[-1]:
                self.seen.add(doc_id)
            else:
                path, row = documents["path"][n].as_py(), documents["row"][n].as_py()
                self.warn(f"{path}{f' row {row}' if row else ''}: duplicate id {doc_id!r}, "
                          "skipped")
        tables = {"documents": documents.filter(pa.array(kept))}
        for name, table in output.tables.items():
            if name != "documents":  # a document's records follow each other, as many as it counts
                counts = documents.column(name).to_pylist()
                tables[name] = table.filter(pa.array(
                    [k for k, count in zip(kept, counts) for _ in range(count)], pa.bool_()))
        rows = tables["documents"].select(["doc_id", "characters", "error"]).to_pylist()
        return ChunkOutput(tables, len(rows), sum(r["characters"] for r in rows),
                           [(r["doc_id"], r["error"]) for r in rows if r["error"] is not None])


def chunks(stream: Iterable[Item], max_chars: int, max_docs: int = 1000,
           first_chars: int | None = None, ramp_every: int = 1) -> Iterator[Chunk]:
    """Batches of about ``max_chars`` characters, so per-task overhead stays small.

    With ``first_chars``, the first batches are that small and the size doubles every
    ``ramp_every`` batches up to ``max_chars``: a small input is still spread over every worker,
    and a large one goes in large tasks (each task costs the driver, and Dask's scheduler, the
    same whatever its size).
    """
    target = min(first_chars or max_chars, max_chars)
    batch: list[Item] = []
    size = emitted = 0
    for item in stream:
        batch.append(item)
        size += item.size
        if size >= target or len(batch) >= max_docs:
            yield Chunk(tuple(batch))
            batch, size = [], 0
            emitted += 1
            if emitted % max(1, ramp_every) == 0:
                target = min(2 * target, max_chars)
    if batch:
        yield Chunk(tuple(batch))

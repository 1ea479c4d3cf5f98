"""The worker side of ``numcheck scan``: a chunk of documents in, four Arrow tables out.

A worker reads (for file inputs) and checks every document of its chunk, then turns the records
into tables with :func:`numcheck.claims.frame.to_frame`, so that only compact columnar tables travel
back to the driver — never the documents, their texts or thousands of small record objects.

>>> item = Item("a", "a", None, "Downloads fell 35% to 382 million from 602 million.")
>>> out = scan_chunk(Chunk((item,)), Work(Settings()))
>>> out.tables["documents"].column("inconsistent").to_pylist(), out.characters
([1], 51)
"""

from __future__ import annotations

import json
import signal
import threading
import time
import traceback
import types
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import Any, Callable, Iterator, NamedTuple, Union, get_args, get_origin, get_type_hints

import pyarrow as pa

from ..checks import Settings
from ..claims.errors import InputError, NumcheckError
from ..claims.frame import columns
from ..claims.records import Claim, Document, Quantity, Result
from ..claims.sources import Source, load
from .runner import check_source

#: The tables of a scan, in the order their parts are written: ``documents`` comes last, so a
#: document counts as done only once its records are safely on disk.
TABLES = ("quantities", "claims", "results", "documents")
RECORDS: dict[str, type] = {"quantities": Quantity, "claims": Claim, "results": Result}
VERDICTS = ("consistent", "inconsistent", "unverifiable")


class Item(NamedTuple):
    """One document to scan: a file the worker reads, or a text taken from a table."""

    doc_id: str
    """Unique key of the document in every output table."""
    path: str
    """The file it comes from (a text file, or the JSONL/CSV/parquet file holding it)."""
    row: int | None = None
    """For table inputs, the line (JSONL) or row (CSV, parquet) number, 1-based."""
    text: str | None = None
    """The text itself for table inputs; ``None`` means "read ``path``"."""
    error: str | None = None
    """Set when the input could not even be turned into a text (bad JSON line, missing field)."""
    size: int = 0
    """Size in characters or bytes, only used to balance chunks; for a JSONL line read by
    reference, the length of its text, which the worker checks."""
    offset: int = -1
    """For a JSONL line sent by reference: where the line starts in ``path`` (bytes); -1 otherwise."""
    length: int = 0
    """For a JSONL line sent by reference: its length in bytes."""
    unparsed: bool = False
    """For a JSONL line sent by reference: the driver only found it, so the worker is the first
    to parse it, ``size`` counts bytes, not characters, and with an --id-column ``doc_id`` is
    ``FILE#N`` until the worker has read the id (see :func:`resolve_line`)."""


@dataclass(frozen=True, slots=True)
class Chunk:
    """A batch of items sent as one task (an opaque object, so Dask does not walk into it)."""

    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Work:
    """How every document of a scan is read and checked (sent with each chunk; it is small)."""

    settings: Settings
    input_format: str = "auto"
    """text, markdown or html; "auto" goes by a file's suffix and reads table texts as text."""
    doc_timeout: float = 0.0
    """Seconds a document may take before its worker process is stopped; 0 for no limit."""
    text_column: str = "text"
    """The field holding the text, for JSONL lines the worker reads by reference."""
    id_column: str | None = None
    """The field holding the document id, for JSONL lines the worker is the first to parse."""


@dataclass(slots=True)
class ChunkOutput:
    """What a worker sends back for one chunk."""

    tables: dict[str, pa.Table]
    documents: int
    characters: int
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(document id, error) of every failed document, for the driver's diagnostics."""
    streams: tuple[pa.Buffer, ...] | None = None
    """The tables as Arrow IPC streams, once :meth:`pack` has made them."""

    def pack(self) -> ChunkOutput:
        """Serialise the tables now, as one Arrow IPC stream each, and pickle those from now on.

        A worker packs its output before it returns it. Pickled object by object, a chunk's
        tables cost 2 ms at best and, in a Dask worker, were pickled by the event loop's thread
        while the task thread wanted the interpreter for the next chunk; the driver (with Dask,
        the scheduler's thread) took another millisecond to unpickle them. An IPC stream is
        written and read in C++ (0.3 and 0.3 ms), and Dask sends its buffers without a copy.
        """
        self.streams = tuple(_ipc_stream(table) for table in self.tables.values())
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        streams = self.streams or self.pack().streams
        return _unpickle_output, (tuple(self.tables), streams, self.documents, self.characters,
                                  self.errors)


def _ipc_stream(table: pa.Table) -> pa.Buffer:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue()


def _unpickle_output(names: tuple[str, ...], streams: tuple[pa.Buffer, ...], documents: int,
                     characters: int, errors: list[tuple[str, str]]) -> ChunkOutput:
    tables = {name: pa.ipc.open_stream(stream).read_all() for name, stream in zip(names, streams)}
    return ChunkOutput(tables, documents, characters, errors)


DOCUMENTS_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("path", pa.string()), ("row", pa.int64()),
    ("characters", pa.int64()), ("quantities", pa.int64()), ("claims", pa.int64()),
    ("results", pa.int64()), ("consistent", pa.int64()), ("inconsistent", pa.int64()),
    ("unverifiable", pa.int64()), ("notes", pa.int64()),
    ("error", pa.string()), ("traceback", pa.string()), ("seconds", pa.float64()),
])


def _arrow_type(hint: Any) -> tuple[pa.DataType, bool]:
    """The Arrow type of a record field, and whether its values are stored as JSON text."""
    args = [a for a in get_args(hint) if a is not type(None)]
    if get_origin(hint) in (Union, types.UnionType):  # X | None: nullable X
        return _arrow_type(args[0]) if len(args) == 1 else (pa.string(), True)
    if hint is str:
        return pa.string(), False
    if hint is bool:
        return pa.bool_(), False
    if hint is int:
        return pa.int64(), False
    if hint is Decimal or hint is float:
        return pa.float64(), False
    if get_origin(hint) is tuple and args[:1] == [str]:
        return pa.list_(pa.string()), False
    # Mappings (claim roles and attributes) and anything new: JSON keeps the schema fixed across
    # parts, where Arrow would infer a different struct type from each part's keys.
    return pa.string(), True


def _record_schema(cls: type) -> tuple[pa.Schema, tuple[str, ...]]:
    """Arrow schema of ``to_frame`` output for ``cls`` plus ``doc_id``, and its JSON columns."""
    hints = get_type_hints(cls)
    cols: list[tuple[str, pa.DataType]] = [("doc_id", pa.string())]
    json_cols = []
    for name in columns(cls):
        if name in hints:
            typ, as_json = _arrow_type(hints[name])
        else:  # the flattened stated_/computed_ intervals of a Result
            typ, as_json = (pa.string() if name.endswith("_unit") else pa.float64()), False
        cols.append((name, typ))
        if as_json:
            json_cols.append(name)
    return pa.schema(cols), tuple(json_cols)


SCHEMAS: dict[str, pa.Schema] = {"documents": DOCUMENTS_SCHEMA}
_JSON_COLUMNS: dict[str, tuple[str, ...]] = {}
for _name, _cls in RECORDS.items():
    SCHEMAS[_name], _JSON_COLUMNS[_name] = _record_schema(_cls)


def _json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


@dataclass(slots=True)
class Checked:
    """One item after checking: its document, or why there is none."""

    item: Item
    doc: Document | None
    chars: int
    seconds: float = 0.0
    error: str | None = None
    trace: str | None = None

    def fail(self, exc: Exception) -> None:
        self.doc, self.trace = None, traceback.format_exc()
        self.error = f"internal error, please report it: {type(exc).__name__}: {exc}"

    def row(self) -> dict[str, Any]:
        """The document's row in the ``documents`` table."""
        doc = self.doc
        verdicts = [r.verdict for r in doc.results] if doc else []
        return {
            "doc_id": self.item.doc_id, "path": self.item.path, "row": self.item.row,
            "characters": self.chars, "quantities": len(doc.quantities) if doc else 0,
            "claims": len(doc.claims) if doc else 0, "results": len(verdicts),
            **{v: verdicts.count(v) for v in VERDICTS}, "notes": len(doc.notes) if doc else 0,
            "error": self.error, "traceback": self.trace, "seconds": self.seconds,
        }


def _records_table(name: str, checked: list[Checked]) -> pa.Table:
    """One table of all records of kind ``name`` in ``checked``, tagged with their document id.

    Built column by column straight into Arrow, each cell as :func:`to_frame` has it (a test holds
    the two equal): going through a DataFrame cost five times as much.
    """
    docs = [(c.item.doc_id, getattr(c.doc, name)) for c in checked if c.doc is not None]
    records = [r for _, rs in docs for r in rs]
    schema = SCHEMAS[name]
    arrays = [pa.array([i for i, rs in docs for _ in rs], pa.string())]
    for col, cell in _CELLS[name].items():
        arrays.append(pa.array(list(map(cell, records)), schema.field(col).type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)


def _cell_getter(col: str, typ: pa.DataType, as_json: bool) -> Callable[[Any], Any]:
    """record → the cell of column ``col``, converted as ``to_frame`` converts it."""
    side, _, part = col.partition("_")
    if side in ("stated", "computed") and part in ("value", "lower", "upper", "unit"):
        interval = attrgetter(side)  # a Result's interval, flattened into four columns
        if part == "unit":
            return lambda r: None if (iv := interval(r)) is None else iv.unit
        bound = attrgetter(part)

        def flattened(record: Any) -> float | None:
            iv = interval(record)
            value = None if iv is None else bound(iv)
            return None if value is None else float(value)
        return flattened
    get = attrgetter(col)
    if as_json:  # mappings become dicts, tuples lists, as in to_frame; then JSON text
        return lambda r: _json(dict(v) if hasattr(v := get(r), "items") else v)
    if typ == pa.float64():
        return lambda r: None if (v := get(r)) is None else float(v)
    return get


_CELLS: dict[str, dict[str, Callable[[Any], Any]]] = {
    name: {f.name: _cell_getter(f.name, f.type, f.name in _JSON_COLUMNS[name])
           for f in list(SCHEMAS[name])[1:]}
    for name in RECORDS}


def _record_tables(checked: list[Checked]) -> dict[str, pa.Table]:
    """The quantities, claims and results tables of a chunk.

    A record the fixed schema cannot hold (a new kind of field, say) must cost its document only:
    then the documents are tried one by one and the culprits fail with the error.
    """
    try:
        return {name: _records_table(name, checked) for name in RECORDS}
    except Exception:
        for c in checked:
            try:
                for name in RECORDS:
                    _records_table(name, [c])
            except Exception as exc:
                c.fail(exc)
        return {name: _records_table(name, checked) for name in RECORDS}


def _source(item: Item, input_format: str, text_column: str = "text",
            lines: Lines | None = None) -> Source:
    """The text of ``item``: the file read by its format, or the text from a table."""
    if item.error is not None:
        raise InputError(item.doc_id, item.error)
    if item.offset >= 0:
        text = _line_text(item, text_column, lines or Lines((item,)))
    elif item.text is None:
        return load(item.path, input_format)
    else:
        text = item.text
    if not text or text.isspace():  # what ``not text.strip()`` says, without copying the text
        raise InputError(item.doc_id, "empty input: no text to check")
    return Source(item.doc_id, text, "text" if input_format == "auto" else input_format)


class Lines:
    """The JSONL lines of a chunk sent by reference, read again with one read per file.

    A chunk's lines follow each other in their file, so the span from the first to the last is
    read at once and sliced: opening the file for every line cost as much as parsing it. Where
    the span is mostly lines the chunk does not hold (a resumed scan skips those already done),
    each line is read on its own instead.
    """

    #: Read a span at once only if the chunk's own lines make up this share of it, or it is small.
    DENSE, SMALL = 0.25, 1 << 20

    def __init__(self, items: tuple[Item, ...]) -> None:
        spans: dict[str, tuple[int, int, int]] = {}
        for item in items:
            if item.offset >= 0:
                first, end, held = spans.get(item.path, (item.offset, item.offset, 0))
                spans[item.path] = (min(first, item.offset), max(end, item.offset + item.length),
                                    held + item.length)
        self._spans = spans
        self._read: dict[str, tuple[int, bytes] | OSError] = {}

    def line(self, item: Item) -> bytes:
        """The bytes at ``item``'s range now (fewer if the file has shrunk); OSError if unreadable."""
        got = self._read.get(item.path)
        if got is None:
            first, end, held = self._spans.get(item.path, (item.offset, item.offset, 0))
            if end - first > self.SMALL and held < self.DENSE * (end - first):
                return _read_range(item.path, item.offset, item.length)
            try:
                got = (first, _read_range(item.path, first, end - first))
            except OSError as exc:
                got = exc
            self._read[item.path] = got
        if isinstance(got, OSError):
            raise got
        first, data = got
        return data[item.offset - first:item.offset - first + item.length]


def _read_range(path: str, offset: int, length: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek(offset)
        return fh.read(length)


def _line_bytes(item: Item, lines: Lines) -> bytes:
    """The bytes of a JSONL line sent by reference, or an InputError saying why not."""
    try:
        return lines.line(item)
    except OSError as exc:
        raise InputError(item.doc_id, f"{item.path} line {item.row} cannot be read again ({exc}); "
                                      "was the file changed during the scan?") from None


def resolve_line(item: Item, work: Work, lines: Lines | None = None) -> Item:
    """An unparsed JSONL line read and parsed: the item the driver would have made of it, its id
    from ``work.id_column``, and its text (or the error that stands for it) by value.

    A JSON line holds no raw line break but its last: one inside is the next line's, so the line
    has moved; and a short read means the file has shrunk. Either is "changed during the scan".
    """
    data = _line_bytes(item, lines or Lines((item,)))
    if len(data) != item.length or b"\n" in data[:-1]:
        raise InputError(item.doc_id, f"{item.path} line {item.row} changed during the scan")
    n = item.row or 0
    return record_item(item.path, n, parse_line(data, n), work.text_column, work.id_column)


def identify(item: Item, work: Work) -> Item:
    """``item`` under its own id, where only its line knows it (unparsed, with an --id-column):
    for the row of a document whose worker died. Its ``FILE#N`` id if the line cannot say."""
    if not (item.unparsed and work.id_column):
        return item
    try:
        return item._replace(doc_id=resolve_line(item, work).doc_id)
    except InputError:
        return item


def _line_text(item: Item, text_column: str, lines: Lines) -> str:
    """The text of a JSONL line the driver has parsed already (for an --id-column) and sent by
    reference. A line that no longer reads the same is an error of its own: the file was changed
    during the scan."""
    data = _line_bytes(item, lines)
    where = f"{item.path} line {item.row}"
    try:
        text = json.loads(data).get(text_column)
    except (ValueError, AttributeError) as exc:
        raise InputError(item.doc_id, f"{where} cannot be read again ({exc}); was the file "
                                      "changed during the scan?") from None
    if not isinstance(text, str) or len(text) != item.size:
        raise InputError(item.doc_id, f"{where} changed during the scan")
    return text


def parse_line(line: bytes, n: int) -> Any:
    """The record of JSONL line ``n``, or a one-line complaint about it (a str)."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return f"line {n}: invalid JSON ({exc})"
    return record if isinstance(record, dict) else f"line {n}: not a JSON object"


def record_item(path: str, n: int, record: Any, text_column: str, id_column: str | None) -> Item:
    """The item of record ``n`` of table ``path`` (a dict, or a reader's complaint about it):
    its id (``--id-column``, or ``FILE#N``) and its text, or the error that stands for them."""
    fallback = f"{path}#{n}"
    if isinstance(record, str):  # a reader's complaint about this one record
        return Item(fallback, path, n, error=record)
    doc_id = record.get(id_column) if id_column else fallback
    if doc_id is None or doc_id == "":
        return Item(fallback, path, n, error=f"no {id_column!r} value")
    text = record.get(text_column)
    if not isinstance(text, str):
        what = "no" if text is None else f"a non-text ({type(text).__name__})"
        return Item(str(doc_id), path, n, error=f"{what} {text_column!r} value")
    return Item(str(doc_id), path, n, text, size=len(text))


def check_item(item: Item, work: Work, lines: Lines | None = None) -> Checked:
    """Read and check one item; never raises for a bad document. ``lines``: the chunk's JSONL
    lines sent by reference, read together (see :class:`Lines`)."""
    started = time.perf_counter()
    checked = Checked(item, None, 0)
    try:
        with deadline(work.doc_timeout):
            if item.unparsed:
                checked.item = item = resolve_line(item, work, lines)
            source = _source(item, work.input_format, work.text_column, lines)
            checked.chars = len(source.text)
            checked.doc = check_source(source, work.settings)
    except NumcheckError as exc:
        checked.error = str(getattr(exc, "reason", exc))
    except Exception as exc:  # a crash in extraction or a check must cost one document only
        checked.fail(exc)
    checked.seconds = time.perf_counter() - started
    return checked


@contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Let the kernel stop this process if the block runs longer than ``seconds`` (0: no limit).

    SIGALRM left at its default action ends the process: unlike an exception, that also stops a
    regular expression stuck in C, which holds the interpreter. The driver sees a lost worker and
    runs the document again alone; if it times out again, its row says so (see run_ordered).
    """
    if not seconds or not hasattr(signal, "setitimer") or signal.getsignal(signal.SIGALRM) != signal.SIG_DFL \
            or threading.current_thread() is not threading.main_thread():
        yield  # a Dask worker runs tasks in threads, which would share one process-wide timer
        return
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def scan_chunk(chunk: Chunk, work: Work) -> ChunkOutput:
    """Read, extract and check every document of ``chunk``; return the four tables."""
    lines = Lines(chunk.items)
    return chunk_output([check_item(item, work, lines) for item in chunk.items]).pack()


def chunk_output(checked: list[Checked]) -> ChunkOutput:
    """The four tables of checked documents: what travels back to the driver instead of them."""
    tables = _record_tables(checked)
    tables["documents"] = pa.Table.from_pylist([c.row() for c in checked], schema=DOCUMENTS_SCHEMA)
    return ChunkOutput(tables, len(checked), sum(c.chars for c in checked),
                       [(c.item.doc_id, c.error) for c in checked if c.error is not None])


def warm_up() -> None:
    """Import and exercise the whole pipeline once, so the first real chunk pays no set-up cost.

    That includes the pint registry (about 0.5 s), which checks build on their first conversion:
    built here, before the local engine forks its workers, it is built once and shared."""
    from ..claims.units import registry

    registry()
    scan_chunk(Chunk((Item("warm-up", "warm-up", None, "Sales fell 10% to £9m from £10m."),)),
               Work(Settings()))


__all__ = ["Chunk", "ChunkOutput", "Item", "SCHEMAS", "TABLES", "Work", "check_item",
           "check_source", "chunk_output", "identify", "parse_line", "record_item", "resolve_line",
           "scan_chunk", "warm_up"]

"""The output folder of ``numcheck scan``: parquet tables written in parts, and resuming.

Layout::

    OUT/_scan.json                      what was scanned how (checked again on --resume), and runs
    OUT/documents/part-000000.parquet   one row per document
    OUT/quantities/part-000000.parquet  the records of the same documents, one row each,
    OUT/claims/part-000000.parquet      tagged with ``doc_id``
    OUT/results/part-000000.parquet

A part holds the same documents in all four tables. Each file is written under a hidden temporary
name and renamed into place, and the ``documents`` part is renamed last; so a document is done
exactly when it has a ``documents`` row, and after an interruption the only debris is whole record
parts without their ``documents`` part (and hidden temporary files), which :func:`create` deletes
before a resumed scan.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..claims.errors import NumcheckError
from .scan_work import SCHEMAS, TABLES, ChunkOutput

MANIFEST = "_scan.json"


class OutputError(NumcheckError):
    """The output folder cannot hold this scan (not a folder, another scan, other options)."""

_PART = re.compile(r"part-(\d{6})\.parquet")


def _parts(folder: Path) -> dict[int, Path]:
    """Part number → file of the finished parts in one table folder."""
    if not folder.is_dir():
        return {}
    return {int(m.group(1)): p for p in folder.iterdir() if (m := _PART.fullmatch(p.name))}


def prepare(out: Path, options: dict[str, Any], resume: bool) -> tuple[set[str], int]:
    """Check that ``out`` can take this scan; return the ids already done and the next part number.

    Without ``resume`` the folder must be new or empty. With it, ``options`` must match those the
    scan was started with (mixing, say, two selections of checks in one table would be silent
    nonsense). Nothing is written: see :func:`create`.
    """
    manifest = out / MANIFEST
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if manifest.exists():
        if not resume:
            raise OutputError(f"{out}: already holds a scan; pass --resume to continue it, "
                              "or choose another folder")
        _check_options(manifest, options)
    elif out.exists() and any(out.iterdir()):
        raise OutputError(f"{out}: folder is not empty and holds no scan")
    done_parts = _parts(out / "documents")
    return done_ids(out), max(done_parts, default=-1) + 1


def create(out: Path, options: dict[str, Any]) -> None:
    """Make the folders and manifest of a scan, and remove the debris of an interrupted part."""
    try:
        for name in TABLES:
            (out / name).mkdir(parents=True, exist_ok=True)
        if not (out / MANIFEST).exists():
            _write_json(out / MANIFEST, {"format": 1, "options": options, "runs": []})
        done_parts = _parts(out / "documents")
        for name in TABLES:
            for p in (out / name).iterdir():
                m = _PART.fullmatch(p.name)
                if p.name.startswith(".") or (m and int(m.group(1)) not in done_parts):
                    p.unlink()
    except OSError as exc:
        raise OutputError(f"{out}: cannot write ({exc.strerror or exc})") from None


def _check_options(manifest: Path, options: dict[str, Any]) -> None:
    try:
        before = json.loads(manifest.read_text(encoding="utf-8"))["options"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise OutputError(f"{manifest}: unreadable scan manifest ({exc})") from None
    changed = sorted(k for k in options if before.get(k) != options[k])
    if changed:
        was = ", ".join(f"{k}={before.get(k)!r}" for k in changed)
        raise OutputError(f"{manifest.parent}: was scanned with {was}; resume with the same options")


def done_ids(out: Path) -> set[str]:
    """The ids of every document that has a row in the ``documents`` table."""
    ids: set[str] = set()
    for _, path in sorted(_parts(out / "documents").items()):
        try:
            ids.update(pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist())
        except (OSError, pa.ArrowException) as exc:
            raise OutputError(f"{path}: unreadable part of this scan ({exc}); delete it and "
                              "resume to redo its documents") from None
    return ids


def record_run(out: Path, run: dict[str, Any]) -> None:
    """Append the figures of one run to the manifest (a resumed scan has several runs)."""
    manifest = out / MANIFEST
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
        data["runs"].append(run)
        _write_json(manifest, data)
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise OutputError(f"{manifest}: cannot record this run ({exc})") from None


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


class PartWriter:
    """Buffers chunk outputs and writes them as parts, so memory stays bounded."""

    def __init__(self, out: Path, next_part: int, part_docs: int, part_seconds: float) -> None:
        self.out, self.next_part = out, next_part
        self.part_docs, self.part_seconds = part_docs, part_seconds
        self._buffer: list[ChunkOutput] = []
        self._buffered_docs = 0
        self._since = time.monotonic()

    def add(self, output: ChunkOutput) -> None:
        """Buffer one chunk's tables; write a part when enough documents or time have gathered."""
        self._buffer.append(output)
        self._buffered_docs += output.documents
        if (self._buffered_docs >= self.part_docs
                or time.monotonic() - self._since >= self.part_seconds):
            self.flush()

    def flush(self) -> None:
        """Write the buffered documents as one part of every table (``documents`` last).

        The buffer is emptied before writing: if Ctrl-C cuts the write short, the part is debris
        that ``--resume`` deletes and redoes, and a second flush on the way out cannot write the
        same documents again under the next part number.
        """
        buffer, name = self._buffer, f"part-{self.next_part:06d}.parquet"
        self._buffer, self._buffered_docs, self._since = [], 0, time.monotonic()
        if not buffer:
            return
        self.next_part += 1
        for table in TABLES:
            merged = pa.concat_tables([o.tables[table] for o in buffer])
            _write_table(merged.cast(SCHEMAS[table]), self.out / table / name)


def _write_table(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` atomically: a reader (or a resume) never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None

"""Read documents as text: UTF-8 first, then cp1252 with a note; binary and empty inputs refused."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from .errors import InputError
from .records import Note

TEXT_SUFFIXES = (".txt",)


def decode(data: bytes, path: str) -> tuple[str, tuple[Note, ...]]:
    """Decode ``data``; a NUL byte means binary, and cp1252 is the fallback for old Windows text."""
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        notes: tuple[Note, ...] = ()
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "latin-1"
        notes = (Note("encoding", f"not valid UTF-8 (byte {exc.start}); read as {encoding}", 0, 0),)
    if not text.strip():
        raise InputError(path, "empty input: no text to check")
    return text, notes


def read_path(path: str) -> tuple[str, tuple[Note, ...]]:
    """Read one file (or standard input for ``-``) as text."""
    import sys

    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise InputError(path, "no such file or directory")
    if p.is_dir():
        raise InputError(path, "is a directory")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode(data, path)


def expand(paths: list[str], suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> Iterator[str]:
    """Paths as given, with directories walked (sorted) for files with ``suffixes``."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = sorted(
                str(Path(root) / name)
                for root, dirs, files in os.walk(path)
                for name in files
                if name.lower().endswith(suffixes) and not name.startswith(".")
            )
            yield from found
        else:
            yield path

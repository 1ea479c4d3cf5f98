"""Find and read documents: walk directories with include/exclude globs, decode bytes as text.

Decoding tries UTF-8 (and UTF-16 with a byte-order mark), then cp1252/Latin-1 with a note; binary,
empty and unreadable inputs are refused with an :class:`InputError` naming the path, so a batch
can report them and go on.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import InputError
from .records import Note

TEXT_SUFFIXES = (".txt",)
#: Suffix → input format; anything else is read as plain text.
FORMAT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown",
                   ".mkd": "markdown", ".html": "html", ".htm": "html", ".xhtml": "html"}
INPUT_FORMATS = ("text", "markdown", "html")
#: Files a directory walk picks up unless configured otherwise.
DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")
#: Names a directory walk never enters or reads unless configured otherwise.
DEFAULT_EXCLUDE = (".*", "node_modules", "__pycache__", "venv", "site-packages", "_build")


@dataclass(frozen=True, slots=True)
class Source:
    """A document as read: its decoded text, how to parse it, and notes on the reading."""

    path: str
    """The path as given ("-" for standard input)."""
    text: str
    """The decoded text, byte-order mark removed; every offset numcheck reports indexes it."""
    format: str
    """One of :data:`INPUT_FORMATS`."""
    notes: tuple[Note, ...] = ()
    """Notes on decoding (an encoding fallback)."""


def format_of(path: str) -> str:
    """The input format a path's suffix implies ("-" and unknown suffixes are plain text).

    >>> format_of("docs/Guide.MD"), format_of("page.htm"), format_of("notes.txt")
    ('markdown', 'html', 'text')
    """
    return FORMAT_SUFFIXES.get(os.path.splitext(path)[1].lower(), "text")


def decode(data: bytes, path: str) -> tuple[str, tuple[Note, ...]]:
    """Decode ``data``; a NUL byte means binary, and cp1252 is the fallback for old Windows text."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(data.decode("utf-16"), path), (
                Note("encoding", "UTF-16 with a byte-order mark; read as UTF-16", 0, 0),)
        except UnicodeDecodeError:  # truncated or not UTF-16 after all: judge it as bytes below
            pass
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes), not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return _checked(data.decode("utf-8"), path), ()
    except UnicodeDecodeError as exc:
        try:
            text, encoding = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:  # five bytes cp1252 leaves undefined; Latin-1 maps every byte
            text, encoding = data.decode("latin-1"), "latin-1"
        note = Note("encoding", f"not valid UTF-8 (byte {exc.start}); read as {encoding}", 0, 0)
        return _checked(text, path), (note,)


def _checked(text: str, path: str) -> str:
    if not text.strip():
        raise InputError(path, "empty input: no text to check")
    return text


def read_path(path: str) -> tuple[str, tuple[Note, ...]]:
    """Read one file (or standard input for ``-``) as text."""
    import sys

    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")
    _require_regular_file(path)
    try:
        with open(path, "rb") as f:  # not pathlib: a Path per document costs more than the read
            data = f.read()
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    return decode(data, path)


def _require_regular_file(path: str) -> None:
    """Refuse what is not a regular file before opening it (a FIFO would block the batch)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        if exc.errno == errno.ENOENT and os.path.islink(path):
            raise InputError(path, f"broken symbolic link (to {os.readlink(path)})") from None
        if exc.errno == errno.ENOENT:
            raise InputError(path, "no such file or directory") from None
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(mode):
        raise InputError(path, "is a directory")
    if not stat.S_ISREG(mode):
        raise InputError(path, "not a regular file (a device, FIFO or socket)")


def load(path: str, input_format: str = "auto") -> Source:
    """Read ``path`` into a :class:`Source`; ``input_format`` "auto" goes by the suffix."""
    text, notes = read_path(path)
    fmt = format_of(path) if input_format == "auto" else input_format
    return Source(path, text, fmt, notes)


def expand(paths: list[str], suffixes: tuple[str, ...] = TEXT_SUFFIXES) -> Iterator[str]:
    """Paths as given, with directories walked (sorted) for files with ``suffixes``."""
    include = tuple(f"*{s}" for s in suffixes)
    yield from discover(paths, include=include, exclude=(".*",))


def discover(paths: Sequence[str], include: Iterable[str] = DEFAULT_INCLUDE,
             exclude: Iterable[str] = DEFAULT_EXCLUDE, base: Path | None = None) -> list[str]:
    """The files to check: each path as given, directories walked for ``include`` matches.

    A path named on the command line is always kept (as ruff and flake8 do); ``exclude`` prunes
    only what a walk finds. A pattern without "/" matches a file or directory name ("drafts",
    "*.draft.md"); one with "/" matches the path relative to ``base`` (the configuration's
    directory, else the working directory), so "docs/archive/*" means what it says. Duplicates
    are dropped, first mention wins.
    """
    include, exclude = tuple(include), tuple(exclude)
    root = (base or Path.cwd()).resolve()
    found: list[str] = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found.extend(sorted(_walk(path, include, exclude, root)))
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _walk(top: str, include: tuple[str, ...], exclude: tuple[str, ...], root: Path) -> Iterator[str]:
    for dirpath, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if not _matches(os.path.join(dirpath, d), exclude, root)]
        for name in files:
            path = os.path.join(dirpath, name)
            if _matches(path, include, root, fold=True) and not _matches(path, exclude, root):
                yield path


def _matches(path: str, patterns: tuple[str, ...], root: Path, fold: bool = False) -> bool:
    """Whether ``path`` matches a pattern; ``fold`` ignores case (suffixes: "REPORT.TXT")."""
    name = os.path.basename(path).lower() if fold else os.path.basename(path)
    rel = None  # the relative path, worked out only for a pattern with "/" (rare, and slow)
    for p in patterns:
        p = p.lower() if fold else p
        if "/" not in p:
            if fnmatch.fnmatchcase(name, p):
                return True
            continue
        if rel is None:
            rel = _relative(path, root).lower() if fold else _relative(path, root)
        if fnmatch.fnmatchcase(rel, p.strip("/")):
            return True
    return False


def _relative(path: str, root: Path) -> str:
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return absolute.as_posix()

"""Markdown and HTML → prose for extraction, with every offset still indexing the source file.

The extractor reads a *masked* copy of the source of the same length: prose characters stay where
they are, everything else (code blocks and spans, front matter, HTML tags and comments, link
destinations, markup punctuation, script and style) becomes a space. An entity ("&pound;") becomes
its character on the entity's last position, so "&pound;10m" reads "      £10m". Newlines are moved
to where the prose breaks: a wrapped paragraph is one line of the mask, a table cell or HTML block
starts a new one. Records found in the mask are then :func:`relocate`-d: their text becomes the
source slice and their line the source line, so a result in a Markdown file points at the line
and column an editor shows.

Suppression comments (``<!-- numcheck: ignore NC101 -->``, ``off``, ``on``) are read from the
source here, outside code, and applied to results by the report stage.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from . import DEFAULT_HEDGE_TOLERANCE, extract
from .records import Document, Note
from .sources import Source

#: Actions of a suppression comment.
ACTIONS = ("ignore", "off", "on")
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(r"""
    \s* numcheck \s*:\s*           # (match() anchors at the comment body) the tool's name
    (?P<action>[A-Za-z-]*)         # ignore | off | on (anything else is reported)
    (?P<codes>[^<>]*?) \s*\Z       # optional codes or prefixes, comma or space separated
""", re.S | re.X)
_CODE = re.compile(r"[A-Z]{1,5}[0-9]{0,4}")
_FRONT_MATTER = re.compile(r"""
    \A(?P<fence>---|\+\+\+)[ \t]*\n   # YAML (---) or TOML (+++) front matter opens the file
    .*?\n
    (?:(?P=fence)|\.\.\.)[ \t]*(?:\n|\Z)  # and closes with the same fence (YAML may use ...)
""", re.S | re.X)
_LINE_REF = re.compile(r"\bline (\d+)\b")


@dataclass(frozen=True, slots=True)
class Directive:
    """A ``<!-- numcheck: … -->`` comment in the source."""

    action: str
    """One of :data:`ACTIONS`."""
    codes: tuple[str, ...]
    """Check codes or prefixes it names; empty means every check."""
    start: int
    """Offset of ``<!--`` in the source."""
    end: int
    """Offset one past ``-->``."""
    text: str
    """The comment as written."""


@dataclass(frozen=True, slots=True)
class Masked:
    """The prose of a marked-up source, as a same-length text the extractor can read."""

    text: str
    """Same length as the source; non-prose characters are spaces."""
    directives: tuple[Directive, ...] = ()
    """Suppression comments found outside code, in source order."""
    notes: tuple[Note, ...] = ()
    """Malformed directives, main-content fallbacks."""
    expansions: dict[int, int] = field(default_factory=dict)
    """Offset of an entity's placeholder character → offset where the entity starts."""


class Mask:
    """A same-length mask of ``source`` under construction: all blank until prose is kept."""

    def __init__(self, source: str, newlines: bool = True) -> None:
        self.source = source
        self.out = [c if newlines and c == "\n" else " " for c in source]
        self.expansions: dict[int, int] = {}

    def keep(self, start: int, end: int) -> None:
        """Keep ``source[start:end]`` as prose (newlines excepted: the caller places breaks)."""
        for p in range(start, end):
            if self.source[p] != "\n":
                self.out[p] = self.source[p]

    def place(self, start: int, end: int, char: str) -> None:
        """Stand ``char`` for the entity ``source[start:end]`` on its last position."""
        self.out[end - 1] = char
        self.expansions[end - 1] = start

    def result(self, directives: list[Directive], notes: list[Note]) -> Masked:
        return Masked("".join(self.out), tuple(directives), tuple(notes), self.expansions)


def line_starts(text: str) -> list[int]:
    """Offset at which each line of ``text`` begins."""
    return [0] + [m.end() for m in re.finditer("\n", text)]


def prepare(text: str, fmt: str) -> Masked:
    """The masked prose of ``text`` read as ``fmt`` ("text" is its own mask)."""
    if fmt == "markdown":
        from .markup_md import mask_markdown
        return mask_markdown(text)
    if fmt == "html":
        from .markup_html import mask_html
        return mask_html(text)
    return Masked(text)


def directives(source: str, comments: list[tuple[int, int]], notes: list[Note]) -> list[Directive]:
    """The numcheck directives among ``comments`` ((start, end) of ``<!-- … -->``).

    A comment that names numcheck but is not a valid directive gets a note, so a typo never
    silently stops suppressing.
    """
    found = []
    starts = line_starts(source)
    for start, end in comments:
        m = _DIRECTIVE.match(source, start + 4, end - 3)
        if not m:
            continue
        action = m["action"].lower()
        codes = tuple(c.upper() for c in re.split(r"[\s,]+", m["codes"]) if c)
        bad = [c for c in codes if not _CODE.fullmatch(c)]
        line = bisect.bisect_right(starts, start)
        if action not in ACTIONS or bad:
            what = f"unknown action {action!r}" if action not in ACTIONS else f"bad code {bad[0]!r}"
            notes.append(Note("suppression", f"line {line}: numcheck comment ignored: {what} "
                              f"(expected ignore, off or on, then optional codes)", start, end))
            continue
        found.append(Directive(action, codes, start, end, source[start:end]))
    return found


def comments(source: str, outside: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the HTML comments in ``source`` that start in none of the ``outside`` spans."""
    spans = []
    for m in _COMMENT.finditer(source):
        i = bisect.bisect_right(outside, (m.start(), len(source))) - 1
        if i < 0 or not (outside[i][0] <= m.start() < outside[i][1]):
            spans.append(m.span())
    return spans


def front_matter(text: str) -> int:
    """Length of the YAML or TOML front matter opening ``text`` (0 if none)."""
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def relocate(doc: Document, source: str, masked: Masked) -> Document:
    """``doc`` read from ``masked`` re-expressed against ``source``: texts, starts, lines, notes.

    Results are relocated too, so a caller may run the checks on the masked document first:
    their messages then quote the prose ("£150m"), not the markup ("&pound;150m").
    """
    if masked.text == source:
        return doc
    starts = line_starts(source)

    def fix(record: Any) -> Any:
        start = masked.expansions.get(record.start, record.start)
        moved = replace(record, start=start, line=bisect.bisect_right(starts, start))
        return replace(moved, text=source[start:record.end]) if hasattr(record, "text") else moved

    return replace(doc, text=source,
                   quantities=tuple(fix(q) for q in doc.quantities),
                   classified=tuple(fix(c) for c in doc.classified),
                   claims=tuple(fix(c) for c in doc.claims),
                   results=tuple(fix(r) for r in doc.results),
                   notes=tuple(_renumber(n, masked.text, starts) for n in doc.notes))


def _renumber(note: Note, masked: str, source_starts: list[int]) -> Note:
    """Rewrite "line N" of the mask as the source line where that masked line's prose begins."""
    mask_starts = line_starts(masked)

    def source_line(m: re.Match[str]) -> str:
        n = int(m[1])
        if not 1 <= n <= len(mask_starts):
            return m[0]
        offset = mask_starts[n - 1]
        while offset < len(masked) and masked[offset] == " ":
            offset += 1
        return f"line {bisect.bisect_right(source_starts, offset)}"

    return replace(note, message=_LINE_REF.sub(source_line, note.message))


def extract_masked(source: Source, hedge_tolerance: Decimal = DEFAULT_HEDGE_TOLERANCE,
                   ) -> tuple[Document, Masked]:
    """Extract the prose of ``source``: a document over the *masked* text, and the mask.

    Run the checks on it, then :func:`relocate` it (the CLI does); or call
    :func:`extract_source` when no checks follow.
    """
    masked = prepare(source.text, source.format)
    return extract(masked.text, source.path, source.notes + masked.notes, hedge_tolerance), masked


def extract_source(source: Source, hedge_tolerance: Decimal = DEFAULT_HEDGE_TOLERANCE,
                   ) -> tuple[Document, tuple[Directive, ...]]:
    """Extract ``source`` by its format; every offset and line of the result indexes its text."""
    doc, masked = extract_masked(source, hedge_tolerance)
    return relocate(doc, source.text, masked), masked.directives

"""What every output format shares: render options, ordering, and the one-line headline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Sequence

from ..claims.markup import prepare
from ..claims.records import Document, Note, Result
from ..claims.sources import format_of

#: Verdicts in the order a reader wants them: what is wrong first.
VERDICT_ORDER = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}
#: Notes that matter to a linter's user beside the results.
SUPPRESSION_NOTES = ("unused_suppression",)
#: Stands before an entity's character in :func:`prose`, where the rest of the entity was.
PAD = "\x00"
#: What ``--what`` may ask the tabular formats for.
TABLES = ("results", "quantities", "claims")


@dataclass(frozen=True, slots=True)
class Options:
    """How to render; each format reads the fields it understands."""

    color: bool = False
    """ANSI colour (text) — only when writing to a terminal."""
    what: str = "results"
    """Table for csv/jsonl: one of :data:`TABLES`."""
    width: int = 100
    """Terminal width for the text report."""


def findings(doc: Document) -> list[Result]:
    """Results a linter shows as problems (inconsistent, then unverifiable), in text order.

    Consistent results are facts, not problems: the annotation formats (concise, github, sarif)
    leave them out, so CI tools that turn every line into a review comment stay quiet about
    arithmetic that holds. json, jsonl, csv, html, md and junit carry every result.
    """
    return sorted((r for r in doc.results if r.verdict != "consistent"), key=lambda r: (r.start, r.code))


def prose(doc: Document) -> str:
    """What a reader should see of ``doc``: the same length and offsets as its text, but for
    Markdown and HTML only the prose (markup, code and skipped blocks blanked), as the
    extractor read it. Plain text is itself.

    An entity or escape ("&pound;", "&lt;", "\\*") is its character on its last position with
    :data:`PAD` before it, which :func:`readable` drops: the blanks a tag leaves read as a
    space (tags mostly sit between words), those an entity leaves as nothing ("&lt;b&gt;" is
    "<b>", not "< b >").
    """
    fmt = format_of(doc.path)
    if fmt == "text" or doc.error:
        return doc.text
    masked = prepare(doc.text, fmt)
    chars = list(masked.text)
    for placeholder, start in masked.expansions.items():
        chars[start:placeholder] = PAD * (placeholder - start)
    return "".join(chars)


def readable(text: str) -> str:
    """A slice of :func:`prose` as one line: entity padding dropped, whitespace runs as one space.

    >>> readable("4.2\\x00\\x00\\x00\\x00\\xa0million   and\\n&lt;b")
    '4.2 million and &lt;b'
    """
    return re.sub(r"\s+", " ", text.replace(PAD, ""))


def unused_suppressions(doc: Document) -> Iterator[Note]:
    return (n for n in doc.notes if n.kind in SUPPRESSION_NOTES)


def verdict_label(r: Result) -> str:
    """ "inconsistent (minor)", "unverifiable", "consistent (edge of rounding)"."""
    if r.severity:
        return f"{r.verdict} ({r.severity})"
    return f"{r.verdict} (edge of rounding)" if r.edge else r.verdict


def headline(docs: Sequence[Document]) -> str:
    """ "1 inconsistent, 2 unverifiable, 2 consistent in 2 documents (1 unreadable)"."""
    counts = {v: sum(r.verdict == v for d in docs for r in d.results) for v in VERDICT_ORDER}
    parts = ", ".join(f"{n} {v}" for v, n in counts.items())
    errors = sum(1 for d in docs if d.error)
    tail = f" ({errors} unreadable)" if errors else ""
    return f"{parts} in {len(docs)} document{'s' if len(docs) != 1 else ''}{tail}"

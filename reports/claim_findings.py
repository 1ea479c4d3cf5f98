"""What a claim-file item or a document item found: failures positioned at ``path:line``, and the
properties that go into JUnit XML.

Every failure is rendered the same way, whatever produced it::

    article.md:3: NC101 stated −35% (−35.5 to −34.5); 602 million → 382 million is −36.5% …
        check: percent-change, inconsistent (minor)
        sentence: Downloads fell 35% to 382 million from 602 million.
        stated: −35% (−35.5 to −34.5)
        computed: −36.54% (−36.67 to −36.4)
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..checks import intervals as iv
from ..claims.records import Document, Interval, Result
from .render import verdict_label

#: Longest sentence quoted in a failure; a runaway "sentence" (a table, a list) is cut.
SENTENCE_CHARS = 300


@dataclass(frozen=True, slots=True)
class Finding:
    """One reason an item fails: where, which check (or ``data``), and the arithmetic."""

    path: str
    """The file the line is in: the claim file, or the document the claim was found in."""
    line: int
    """1-based line in ``path``."""
    code: str
    """The check's code (``NC101``), ``data`` for a figure that does not match its table, or ""."""
    message: str
    """One line for a person, the arithmetic included."""
    details: tuple[tuple[str, str], ...] = ()
    """(label, text) lines shown under the first: check, sentence, stated, computed …"""
    see: tuple[str, str, int] | None = None
    """(label, path, line) of a related place: the case that expects a document's verdict, or
    the document line a data-bound figure was quoted from."""

    def render(self, base: str | None = None) -> str:
        """The failure as text; ``base`` makes the paths relative (to where pytest was started)."""
        code = f"{self.code} " if self.code else ""
        head = f"{shown_path(self.path, base)}:{self.line}: {code}{self.message}"
        lines = [head, *(f"    {label}: {text}" for label, text in self.details)]
        if self.see is not None:
            label, path, line = self.see
            lines.append(f"    {label}: {shown_path(path, base)}:{line}")
        return "\n".join(lines)


@dataclass(slots=True)
class Outcome:
    """What running one item found: failures (none means it passed) and JUnit properties."""

    failures: list[Finding] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)

    def record(self, r: Result) -> None:
        """Add a result's check, verdict, stated and computed figures to the properties."""
        self.properties.append(("check", r.code))
        self.properties.append(("verdict", verdict_label(r)))
        if r.stated is not None:
            self.properties.append(("stated", interval_text(r.stated)))
        if r.computed is not None:
            self.properties.append(("computed", interval_text(r.computed)))


class ClaimMismatch(AssertionError):
    """Raised by an item whose claims do not hold; carries the findings for the failure report."""

    def __init__(self, failures: list[Finding]) -> None:
        super().__init__("\n".join(f.render() for f in failures))
        self.failures = failures


def shown_path(path: str, base: str | None) -> str:
    """``path`` relative to ``base`` when it lies below it (editors resolve it from there)."""
    if base is None:
        return path
    rel = os.path.relpath(path, base)
    return path if rel.startswith("..") else rel


def amount_text(x: Decimal, unit: str) -> str:
    """ "−36.54%", "£2.5m", "382,300,000": a value in its unit, two decimals at most."""
    return f"{iv.fmt(x, 2)}%" if unit == "percent" else iv.fmt_amount(x, unit)


def interval_text(i: Interval) -> str:
    """ "−35% (−35.5 to −34.5)": a stated or computed figure with its interval."""
    return f"{amount_text(i.value, i.unit)} {iv.fmt_interval(i, 2)}"


def sentence_of(doc: Document, offset: int) -> str:
    """The sentence holding ``offset``, on one line and cut to :data:`SENTENCE_CHARS`."""
    start, end = doc.sentence_of(offset)
    text = re.sub(r"\s+", " ", doc.text[start:end]).strip()
    return text if len(text) <= SENTENCE_CHARS else text[:SENTENCE_CHARS - 1] + "…"


def from_result(doc: Document, r: Result, path: str | None = None, line: int | None = None,
                prefix: str = "", see: tuple[str, str, int] | None = None,
                context: str = "sentence") -> Finding:
    """A failure about result ``r`` of ``doc``: at the result's line, or at ``path:line`` given;
    ``context`` labels the text quoted under it (the sentence, or an explicit claim's fields)."""
    details = [("check", f"{r.check}, {verdict_label(r)}"), (context, sentence_of(doc, r.start))]
    if r.stated is not None:
        details.append(("stated", interval_text(r.stated)))
    if r.computed is not None:
        details.append(("computed", interval_text(r.computed)))
    return Finding(path or doc.path, line or r.line, r.code, prefix + r.message, tuple(details), see)

"""Apply ``<!-- numcheck: … -->`` comments to a checked document's results.

- ``<!-- numcheck: ignore [CODES] -->`` suppresses results on the *next line*: the first line after
  the comment holding anything but whitespace and other numcheck comments (the rest of the
  comment's own line counts, so ``<!-- numcheck: ignore --><p>…`` works in HTML). A result
  spanning several lines is suppressed if any of them is that line.
- ``<!-- numcheck: off [CODES] -->`` suppresses results starting after it, up to the next
  ``<!-- numcheck: on -->`` (or the end of the file).
- CODES are check codes or prefixes (``NC101``, ``NC1``), comma or space separated; none means
  every check.

A suppressed result leaves the results and becomes a ``suppressed`` note; a suppression that
matched no result becomes an ``unused_suppression`` note (as ruff reports an unused ``noqa``),
unless every code it names is deselected, so the check never ran.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Sequence

from ..checks import Settings, registry
from ..claims.markup import Directive
from ..claims.records import Document, Note, Result
from .locate import Locator


@dataclass(frozen=True, slots=True)
class _Rule:
    """Where one directive applies: lines for ``ignore``, offsets for an ``off`` region."""

    directive: Directive
    first: int
    """``ignore``: the line it covers; ``off``: the offset where the region starts (its end)."""
    last: int
    """``ignore``: the same line; ``off``: the offset of the closing ``on`` (or the text's end)."""

    def covers(self, r: Result, loc: Locator) -> bool:
        if not _names(self.directive.codes, r.code):
            return False
        if self.directive.action == "off":  # a result starting inside the region
            return self.first <= r.start < self.last
        first, last = loc.line(r.start), loc.line(max(r.start, r.end - 1))
        return first <= self.last and last >= self.first


def _names(codes: tuple[str, ...], code: str) -> bool:
    return not codes or any(code.startswith(c) for c in codes)


def apply(doc: Document, directives: Sequence[Directive], settings: Settings = Settings()) -> Document:
    """``doc`` without its suppressed results, with notes on what was suppressed and unused."""
    if not directives:
        return doc
    loc = Locator(doc.text)
    rules = _rules(doc.text, list(directives), loc)
    used: set[int] = set()
    kept: list[Result] = []
    notes: list[Note] = []
    for r in doc.results:
        hit = next((i for i, rule in enumerate(rules) if rule.covers(r, loc)), None)
        if hit is None:
            kept.append(r)
            continue
        used.add(hit)
        line = loc.line(rules[hit].directive.start)
        notes.append(Note("suppressed", f"line {loc.line(r.start)}: {r.code} {r.verdict} result "
                          f"suppressed by the comment on line {line}", r.start, r.end))
    for i, rule in enumerate(rules):
        d = rule.directive
        if i not in used and any(settings.wants(c.code) for c in registry() if _names(d.codes, c.code)):
            notes.append(Note("unused_suppression", f"line {loc.line(d.start)}: unused suppression "
                              f"{d.text}: no result to suppress", d.start, d.end))
    return replace(doc, results=tuple(kept), notes=doc.notes + tuple(notes))


def _rules(text: str, directives: list[Directive], loc: Locator) -> list[_Rule]:
    rules: list[_Rule] = []
    open_offs: list[Directive] = []
    for d in directives:
        if d.action == "ignore":
            target = loc.line(_next_content(text, d.end, directives))
            rules.append(_Rule(d, target, target))
        elif d.action == "off":
            open_offs.append(d)
        else:  # "on" closes the regions it names (all of them when it names none)
            for off in [o for o in open_offs if not d.codes or set(o.codes) <= set(d.codes)]:
                rules.append(_Rule(off, off.end, d.start))
                open_offs.remove(off)
    rules.extend(_Rule(off, off.end, len(text)) for off in open_offs)
    return rules


def _next_content(text: str, pos: int, directives: list[Directive]) -> int:
    """Offset of the first character after ``pos`` that is neither whitespace nor a directive."""
    starts = {d.start: d.end for d in directives}
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
        elif pos in starts:
            pos = starts[pos]
        else:
            break
    return pos

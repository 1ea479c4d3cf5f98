"""Data-bound claims: a sentence, and for each figure in it the table value it must match.

```yaml
claims:
  - id: germany-downloads
    sentence: "Downloads in Germany fell 35% to 382 million."     # or quote: a passage of `document`
    table: downloads.csv                                          # defaults for every figure
    where: {country: Germany}
    figures:
      382 million: {where: {year: 2004}, column: files}
      35%: {column: files, aggregate: pct_change, order_by: year}
```

numcheck reads the sentence as it reads any prose. A figure fails when the value its selection
gives lies outside the interval the figure stands for (its stated precision and hedges; a stated
change carries the sign of its direction word, so "fell 35%" is −35.5 to −34.5). The claim also
fails when the sentence's own arithmetic is inconsistent.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks import check_text
from ..checks import intervals as iv
from ..claims.records import Document, Interval, Quantity
from .claim_findings import Finding, Outcome, amount_text, from_result, interval_text, sentence_of
from .claimfile_base import COMMON_FIELDS, FileContext, Marks, header, item_label, locate_once
from .claimfile_yaml import ClaimFileError, YamlMap, check_fields, mapping, text
from .locate import Locator
from .databind_tables import DataError, Selection, parse_selection, where_filters

BOUND_FIELDS = COMMON_FIELDS + ("sentence", "quote", "figures", "table", "where")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure of the sentence, where it is, and where its true value comes from."""

    written: str
    line: int
    span: tuple[int, int]
    """Where the figure is in the checked text (the sentence, or the document)."""
    selection: Selection


@dataclass(frozen=True, slots=True)
class BoundClaim:
    """A sentence (inline or quoted from the document) whose figures are bound to table values."""

    id: str
    line: int
    marks: Marks
    path: str
    sentence: str | None
    """The inline sentence, or ``None`` for a quote of the file's document."""
    sentence_line: int
    span: tuple[int, int]
    """The part of the checked text this claim is about."""
    figures: tuple[Figure, ...]

    def run(self, ctx: FileContext) -> Outcome:
        outcome = Outcome()
        if self.sentence is not None:
            doc = check_text(self.sentence, self.path, ctx.settings)
        else:
            doc = ctx.checked_document()
            if doc.error:
                outcome.failures.append(Finding(doc.path, 1, "", f"cannot be read: {doc.error}"))
                return outcome
        for figure in self.figures:
            self._compare(doc, figure, outcome)
        start, end = self.span
        for r in doc.results:
            if r.start < end and start < r.end:
                outcome.record(r)
                if r.verdict == "inconsistent":
                    at = (self.path, self.sentence_line) if self.sentence is not None else (None, None)
                    outcome.failures.append(from_result(doc, r, *at))
        return outcome

    def _compare(self, doc: Document, figure: Figure, outcome: Outcome) -> None:
        a, b = figure.span
        found = [q for q in doc.quantities if q.start < b and a < q.end]
        details = (("sentence", sentence_of(doc, a)), ("data", figure.selection.describe()))
        see = None if self.sentence is not None else ("in", doc.path, Locator(doc.text).line(a))
        if len(found) != 1:
            read = ", ".join(repr(q.text) for q in found) or "no figure"
            outcome.failures.append(Finding(self.path, figure.line, "data", f"numcheck reads {read} in "
                                            f"{figure.written!r}; bind exactly one figure", details, see))
            return
        stated = _stated(doc, found[0])
        try:
            actual = figure.selection.value()
        except DataError as exc:
            message = f"{figure.written!r}: {exc}"
            outcome.failures.append(Finding(self.path, figure.line, "data", message, details, see))
            return
        shown = amount_text(actual, stated.unit)
        outcome.properties += [("figure", figure.written), ("stated", interval_text(stated)), ("data", shown)]
        if not stated.contains(actual):
            message = f"the text says {figure.written} {iv.fmt_interval(stated, 2)}, the data says {shown}"
            outcome.failures.append(Finding(self.path, figure.line, "data", message, details, see))


def _stated(doc: Document, q: Quantity) -> Interval:
    """What the figure states: a stated change signed by its direction word, else as written."""
    for claim in doc.claims:
        if claim.kind == "change" and claim.roles.get("stated_change") == q.id:
            return iv.signed(iv.of(q), claim.attributes.get("direction", "up"))
    return iv.of(q)


def is_bound(item: YamlMap) -> bool:
    return "figures" in item or "sentence" in item


def parse_bound(item: YamlMap, path: str, document_text: str | None, tables: dict[Path, Any]) -> BoundClaim:
    """A data-bound claim from its mapping; tables are loaded and every name checked now."""
    check_fields(item, path, item_label(item, "claim"), BOUND_FIELDS, ("id", "figures"))
    head = header(item, path, "a data-bound claim")
    label = f"claim '{head.id}'"
    if ("sentence" in item) == ("quote" in item):
        raise ClaimFileError(path, item.line, f"{label} needs either 'sentence' or 'quote' (one of them)")
    key = "sentence" if "sentence" in item else "quote"
    written = text(item, key, path, label)
    if key == "sentence":
        haystack, span = written, (0, len(written))
    elif document_text is None:
        raise ClaimFileError(path, item.key_lines["quote"], f"{label} quotes a document, but the file names "
                                                            f"no 'document'")
    else:
        haystack = document_text
        span = locate_once(document_text, written, "the document", path, item.key_lines["quote"])
    defaults: dict[str, Any] = {}
    if "table" in item:
        defaults["table"] = (text(item, "table", path, label), item.key_lines["table"])
    if "where" in item:
        defaults["where"] = where_filters(item, path, label)
    figures = mapping(item["figures"], path, item.key_lines["figures"], f"'figures' of {label}")
    if not figures:
        raise ClaimFileError(path, figures.line, f"{label} binds no figure")
    base = Path(path).parent
    bound = []
    for figure in figures:
        line = figures.key_lines[figure]
        what = f"figure {figure!r} of {label}"
        selection = parse_selection(mapping(figures[figure], path, line, what), base, defaults, tables, path, what)
        a, b = locate_once(haystack[span[0]:span[1]], figure, f"the {key}", path, line)
        bound.append(Figure(figure, line, (span[0] + a, span[0] + b), selection))
    return BoundClaim(head.id, head.line, head.marks, path, written if key == "sentence" else None,
                      item.key_lines[key], span, tuple(bound))

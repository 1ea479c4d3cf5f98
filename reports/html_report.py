"""One self-contained HTML file: the documents with every quantity marked, the arithmetic a click away.

The page has a summary and index, a filter by verdict and check, and per document a results table
and the text with each quantity coloured by the worst verdict of the results it takes part in.
Clicking (or Enter on) a quantity or a result row shows the claim, the stated and computed
intervals and the message. No network, no CDN: the stylesheet and script are inlined, and a
Content-Security-Policy admits only those two by hash, so nothing in a document could run even
if escaping failed. Escaping does not fail: text goes through Jinja2's autoescape, the detail
panel is built with ``textContent``, and the data block has "<", ">" and "&" as JSON escapes.

HTML inputs are shown as their prose (the mask the extractor read, blocks outside the main
content dropped) with source line numbers, not as markup; text and Markdown as written.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Sequence

from ..claims.records import Document
from ..claims.sources import format_of
from . import json_report
from .locate import Locator
from .render import VERDICT_ORDER, Options, headline, prose, readable

_RANK = {"inconsistent": 0, "unverifiable": 1, "consistent": 2, "suppressed": 3, "unchecked": 4,
         "none": 5}


@dataclass
class _Row:
    """A displayed line: its source line number and its segments (text, or a marked quantity)."""

    number: int
    segments: list[dict[str, Any]] = field(default_factory=list)


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    css, js = _asset("report.css"), _asset("report.js")
    views = [_view(i, d) for i, d in enumerate(docs, 1)]
    data = {v["id"]: v.pop("data") for v in views}
    codes = sorted({r.code for d in docs for r in d.results})
    return _template().render(
        title=_title(docs), headline=headline(docs), summary=json_report.summary(docs),
        docs=views, codes=codes, verdicts=list(VERDICT_ORDER), css=css, js=js,
        data=_script_json(data), csp=_csp(css, js))


def _title(docs: Sequence[Document]) -> str:
    return f"numcheck: {docs[0].path}" if len(docs) == 1 else f"numcheck: {len(docs)} documents"


@functools.cache
def _asset(name: str) -> str:
    return (resources.files(__package__) / "static" / name).read_text(encoding="utf-8")


@functools.cache
def _template() -> Any:
    import jinja2

    source = (resources.files(__package__) / "templates" / "report.html.j2").read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    return env.from_string(source)


def _csp(css: str, js: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _script_json(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no "</script>" or "<!--" can form."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _view(index: int, doc: Document) -> dict[str, Any]:
    """What the template needs for one document, and the data its script reads."""
    doc_id = f"d{index}"
    counts = {v: sum(r.verdict == v for r in doc.results) for v in VERDICT_ORDER}
    view: dict[str, Any] = {"id": doc_id, "path": doc.path, "error": doc.error, "counts": counts,
                            "quantities": len(doc.quantities), "claims": len(doc.claims),
                            "notes": [n.message for n in doc.notes], "rows": [], "results": [],
                            "data": {}}
    if doc.error:
        return view
    loc = Locator(doc.text)
    verdicts = _quantity_verdicts(doc)
    words = prose(doc)
    html_input = format_of(doc.path) == "html"
    view["rows"] = _rows(doc, words if html_input else doc.text, html_input, loc, verdicts)
    view["results"] = [dict(json_report.result(r, loc), claim=_quote(words, r.start, r.end))
                       for r in sorted(doc.results, key=lambda r: (VERDICT_ORDER[r.verdict], r.start))]
    view["data"] = _data(doc, words, loc, verdicts)
    return view


def _quote(words: str, start: int, end: int) -> str:
    """A span of the document's prose on one line, for a table cell or the detail panel."""
    return readable(words[start:end]).strip()


def _quantity_verdicts(doc: Document) -> dict[str, str]:
    """Each quantity's worst verdict over the results of its claims ("suppressed" if in a claim
    whose result a numcheck comment suppressed, "unchecked" if in a claim with no result, "none"
    if in no claim)."""
    claims = {c.id: c for c in doc.claims}
    out = {q.id: "none" for q in doc.quantities}
    hushed = [(n.start, n.end) for n in doc.notes if n.kind == "suppressed"]
    for c in doc.claims:
        label = "suppressed" if any(s < c.end and c.start < e for s, e in hushed) else "unchecked"
        for qid in c.quantity_ids:
            out[qid] = min(out[qid], label, key=_RANK.__getitem__)
    for r in doc.results:
        for cid in r.claim_ids:
            for qid in claims[cid].quantity_ids if cid in claims else ():
                out[qid] = min(out[qid], r.verdict, key=_RANK.__getitem__)
    return out


def _rows(doc: Document, view: str, collapse: bool, loc: Locator,
          verdicts: dict[str, str]) -> list[_Row]:
    """The displayed lines with quantities marked; a mark crossing a line break is split.

    ``view`` is Markdown as written (a reader knows it) but HTML as its prose (``collapse``):
    its markup is noise, and its skipped blocks (navigation, scripts) are not what was checked.
    """
    marks = sorted(doc.quantities, key=lambda q: q.start)
    rows, m, pos = [], 0, 0
    lines = view.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start another
    for line_text in lines:
        start, end = pos, pos + len(line_text)
        pos = end + 1
        if collapse and not line_text.strip():
            continue
        first = start + len(line_text) - len(line_text.lstrip()) if collapse else start
        row = _Row(loc.line(first))
        cursor = start
        while m < len(marks) and marks[m].end <= start:
            m += 1
        k = m
        while k < len(marks) and marks[k].start < end:
            q = marks[k]
            s, e = max(q.start, start, cursor), min(q.end, end)
            if s > cursor:
                row.segments.append({"text": view[cursor:s]})
            if e > s:
                row.segments.append({"text": view[s:e], "q": q.id, "verdict": verdicts[q.id],
                                     "title": f"{_quote(view, q.start, q.end)}: "
                                              f"{verdicts[q.id]}"})
            cursor = max(cursor, e)
            k += 1
        if end > cursor:
            row.segments.append({"text": view[cursor:end]})
        if collapse:
            row.segments = _collapsed(row.segments)
        rows.append(row)
    return rows


def _collapsed(segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """HTML prose: the runs of blanks left by tags shown as one space, entity padding dropped,
    the line's edges trimmed."""
    out: list[dict[str, Any]] = []
    for s in segments:
        text = readable(s["text"])
        if "q" in s and text != text.lstrip():  # blanks before a mark stay outside it
            if not (out and out[-1]["text"].endswith(" ")):
                out.append({"text": " "})
            text = text.lstrip()
        out.append(dict(s, text=text))
    if out:
        out[0]["text"] = out[0]["text"].lstrip()
        out[-1]["text"] = out[-1]["text"].rstrip()
    return [s for s in out if s["text"] or "q" in s]


def _data(doc: Document, words: str, loc: Locator, verdicts: dict[str, str]) -> dict[str, Any]:
    """Quantities, claims and results of one document, cross-referenced, for the detail panel.

    Quantities and claims carry ``shown``, their prose ("£150m" where the source has
    "&pound;150m"), beside the JSON report's fields.
    """
    claims_of: dict[str, list[str]] = {}
    for c in doc.claims:
        for qid in c.quantity_ids:
            claims_of.setdefault(qid, []).append(c.id)
    results_of: dict[str, list[str]] = {}
    for r in doc.results:
        for cid in r.claim_ids:
            results_of.setdefault(cid, []).append(r.id)
    return {
        "path": doc.path,
        "quantities": {q.id: dict(json_report.quantity(q, loc), verdict=verdicts[q.id],
                                  shown=_quote(words, q.start, q.end), claims=claims_of.get(q.id, []))
                       for q in doc.quantities},
        "claims": {c.id: dict(json_report.claim(c, loc), shown=_quote(words, c.start, c.end),
                              results=results_of.get(c.id, [])) for c in doc.claims},
        "results": {r.id: json_report.result(r, loc) for r in doc.results},
    }

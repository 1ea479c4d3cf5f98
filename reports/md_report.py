"""A GitHub-flavoured Markdown report to paste into a pull request or an issue.

A headline and a summary table, then one table per verdict (problems first, consistent results
folded away in ``<details>``), each row with the location, the check, the claim with its numbers in
bold, and the arithmetic. Everything taken from a document is escaped, so a "|" or "<script>" in an
article cannot break the table or the page it is pasted into.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..claims.records import Document, Result
from .json_report import summary
from .locate import Locator
from .render import VERDICT_ORDER, Options, headline, prose, readable

_MARK = {"inconsistent": "✗", "unverifiable": "?", "consistent": "✓"}
# What can open markup inside a paragraph or a table cell; "@" and "#" would ping people and
# link issues on GitHub.
_ESCAPE = re.compile(r"([\\`*_\[\]|~@#])")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: HTML and Markdown punctuation escaped.

    >>> escape("a | <b> *c*")
    'a \\\\| &lt;b&gt; \\\\*c\\\\*'
    """
    flat = re.sub(r"\s+", " ", text)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ESCAPE.sub(r"\\\1", flat)


def code(text: str) -> str:
    """``text`` as an inline code span that survives backticks and table pipes."""
    flat = " ".join(text.split()).replace("|", "\\|")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    out = [f"## numcheck: {headline(docs)}", "", *_summary(docs), ""]
    rows = {v: [(d, r) for d in docs for r in d.results if r.verdict == v] for v in VERDICT_ORDER}
    for verdict, items in rows.items():
        if not items:
            continue
        title = f"{_MARK[verdict]} {verdict.capitalize()} ({len(items)})"
        table = _table(items)
        if verdict == "consistent":
            out += ["<details>", f"<summary>{title}</summary>", "", *table, "", "</details>", ""]
        else:
            out += [f"### {title}", "", *table, ""]
    out += _errors(docs) + _notes(docs)
    return "\n".join(out).rstrip("\n") + "\n"


def _summary(docs: Sequence[Document]) -> list[str]:
    s = summary(docs)
    keys = ["documents", "quantities", "claims", "inconsistent", "unverifiable", "consistent"]
    if s["errors"]:
        keys.append("errors")
    return ["| " + " | ".join(keys) + " |", "|" + "---:|" * len(keys),
            "| " + " | ".join(str(s[k]) for k in keys) + " |"]


def _table(items: list[tuple[Document, Result]]) -> list[str]:
    lines = ["| where | check | claim | arithmetic |", "|---|---|---|---|"]
    locators: dict[int, Locator] = {}
    views: dict[int, str] = {}
    for doc, r in items:
        if id(doc) not in locators:
            locators[id(doc)], views[id(doc)] = Locator(doc.text), prose(doc)
        loc, view = locators[id(doc)], views[id(doc)]
        line, col = loc.position(r.start)
        check = f"{r.code} {r.check}" + (f", {r.severity}" if r.severity else "")
        check += ", edge of rounding" if r.edge else ""
        lines.append(f"| {code(f'{doc.path}:{line}:{col}')} | {escape(check)} | {_claim(doc, view, r)} "
                     f"| {escape(r.message)} |")
    return lines


def _claim(doc: Document, view: str, r: Result) -> str:
    """The claim's text with its quantities in bold; ``view`` is the document's prose, so the
    markup of a Markdown or HTML input does not show."""
    ids = {q for c in doc.claims if c.id in r.claim_ids for q in c.quantity_ids}
    spans = sorted((q.start, q.end) for q in doc.quantities if q.id in ids and r.start <= q.start < r.end)
    parts, pos = [], r.start
    for s, e in spans:
        parts += [escape(readable(view[pos:s])), f"**{escape(readable(view[s:e]).strip())}**"]
        pos = e
    parts.append(escape(readable(view[pos:r.end])))
    return "".join(parts).strip()


def _errors(docs: Sequence[Document]) -> list[str]:
    bad = [d for d in docs if d.error]
    if not bad:
        return []
    return ["### Unreadable inputs", "", *(f"- {code(d.path)}: {escape(d.error or '')}" for d in bad), ""]


def _notes(docs: Sequence[Document]) -> list[str]:
    notes = [(d, n) for d in docs for n in d.notes]
    if not notes:
        return []
    items = [f"- {code(d.path)}: {escape(n.message)}" for d, n in notes]
    return ["<details>", f"<summary>Notes ({len(notes)})</summary>", "", *items, "", "</details>", ""]

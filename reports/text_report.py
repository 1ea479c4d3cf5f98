"""The terminal report: a summary table, then each result with its sentence and its arithmetic.

Inconsistent results come first and show the sentence with the claim's numbers highlighted;
consistent and unverifiable results follow, one line of arithmetic each. Colour only when asked
(the CLI asks when standard output is a terminal).
"""

from __future__ import annotations

import io
from typing import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..claims.records import Document, Result
from .json_report import summary
from .render import VERDICT_ORDER, Options, headline, prose, readable

_MARK = {"inconsistent": ("✗", "bold red"), "consistent": ("✓", "green"),
         "unverifiable": ("?", "yellow")}


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    """The report as a string; ANSI colour codes only when ``options.color``."""
    color, width = options.color, options.width
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, color_system="standard" if color else None)
    console.print(_summary_table(docs))
    for doc in docs:
        console.print()
        _document(console, doc)
    console.print()
    console.print(Text(headline(docs), style="bold"))
    return out.getvalue()


def _summary_table(docs: Sequence[Document]) -> Table:
    s = summary(docs)
    table = Table(title="numcheck", title_justify="left", show_edge=True)
    for col in ("documents", "quantities", "claims", "consistent", "inconsistent", "unverifiable"):
        table.add_column(col, justify="right")
    table.add_row(*(str(s[c]) for c in ("documents", "quantities", "claims", "consistent",
                                         "inconsistent", "unverifiable")))
    if s["errors"]:
        table.caption = f"{s['errors']} input(s) could not be read"
    return table


def _document(console: Console, doc: Document) -> None:
    console.print(Text(doc.path, style="bold underline"))
    if doc.error:
        console.print(Text(f"  error: {doc.error}", style="red"))
        return
    if not doc.results:
        console.print(Text("  no checkable claims", style="dim"))
    view: str | None = None  # the prose, worked out only if a sentence is shown
    for r in sorted(doc.results, key=lambda r: (VERDICT_ORDER[r.verdict], r.start)):
        mark, style = _MARK[r.verdict]
        head = Text("  ")
        head.append(f"{mark} ", style=style)
        head.append(f"line {r.line}  {r.code} {r.check}  ")
        head.append(r.verdict + (f" ({r.severity})" if r.severity else ""), style=style)
        if r.edge:
            head.append("  edge of rounding", style="yellow")
        console.print(head)
        if r.verdict == "inconsistent":
            view = view if view is not None else prose(doc)
            console.print(_sentence(doc, view, r), soft_wrap=True)
        console.print(Text("      " + r.message), soft_wrap=True)
    for n in doc.notes:
        console.print(Text(f"  note: {n.message}", style="dim"), soft_wrap=True)


def _sentence(doc: Document, view: str, r: Result) -> Text:
    """The sentence holding the result, on one line, with the numbers of its claims highlighted.

    ``view`` is the document's :func:`.render.prose`, so Markdown and HTML show no markup.
    """
    s, e = doc.sentence_of(r.start)
    text = Text("      “")
    spans = sorted(
        (q.start, q.end) for c in doc.claims if c.id in r.claim_ids
        for q in doc.quantities if q.id in c.quantity_ids and s <= q.start < e
    )
    pieces, pos = [], s
    for qs, qe in spans:
        pieces += [(view[pos:qs], ""), (view[qs:qe], "bold reverse")]
        pos = qe
    pieces.append((view[pos:e], ""))
    flat = [(readable(piece), style) for piece, style in pieces]
    flat[0] = (flat[0][0].lstrip(), flat[0][1])
    flat[-1] = (flat[-1][0].rstrip(), flat[-1][1])
    for piece, style in flat:
        text.append(piece, style=style)
    text.append("”")
    return text

"""``path:line:col: NC101 message``, one line per finding, as flake8 and ruff print them.

Findings are inconsistent and unverifiable results (see :func:`.render.findings`); the message
starts with the verdict. Unreadable inputs and unused suppressions get a line too, with
``error:`` or ``note:`` where a code would be, so editors' and reviewdog's
``%f:%l:%c: %m`` patterns pick them up.
"""

from __future__ import annotations

from typing import Sequence

from ..claims.records import Document
from .locate import Locator
from .render import Options, findings, unused_suppressions, verdict_label


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    return "".join(line + "\n" for doc in docs for line in lines(doc))


def lines(doc: Document) -> list[str]:
    """The report lines for one document, in text order."""
    if doc.error:
        return [f"{doc.path}:1:1: error: {doc.error}"]
    loc = Locator(doc.text)
    out = []
    for r in findings(doc):
        line, col = loc.position(r.start)
        out.append((r.start, f"{doc.path}:{line}:{col}: {r.code} {verdict_label(r)}: {_flat(r.message)}"))
    for n in unused_suppressions(doc):
        line, col = loc.position(n.start)
        out.append((n.start, f"{doc.path}:{line}:{col}: note: {_flat(n.message.split(': ', 1)[-1])}"))
    return [text for _, text in sorted(out, key=lambda item: item[0])]


def _flat(message: str) -> str:
    """One physical line, whatever the message holds."""
    return " ".join(message.split())

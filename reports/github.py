"""GitHub Actions workflow commands: each finding becomes an annotation on the file and line.

``::error`` for inconsistent results, ``::warning`` for unverifiable ones, ``::notice`` for unused
suppressions, ``::error`` without a line for an unreadable input. Values are escaped as the
runner requires ("%", CR and LF everywhere; ":" and "," in properties too).
"""

from __future__ import annotations

from typing import Sequence

from ..claims.records import Document
from .locate import Locator
from .render import Options, findings, unused_suppressions, verdict_label

_COMMAND = {"inconsistent": "error", "unverifiable": "warning"}


def data(text: str) -> str:
    """Escape a command's message.

    >>> data("50%\\nmore")
    '50%25%0Amore'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def prop(text: str) -> str:
    """Escape a command's property value.

    >>> prop("a:b,c")
    'a%3Ab%2Cc'
    """
    return data(text).replace(":", "%3A").replace(",", "%2C")


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    lines = []
    for doc in docs:
        if doc.error:
            lines.append(f"::error file={prop(doc.path)},title=numcheck::{data(doc.error)}")
            continue
        loc = Locator(doc.text)
        items = [(r.start, _COMMAND[r.verdict], r.start, r.end, f"{r.code} {r.check}",
                  f"{verdict_label(r)}: {r.message}") for r in findings(doc)]
        items += [(n.start, "notice", n.start, n.end, "numcheck unused suppression",
                   n.message.split(": ", 1)[-1]) for n in unused_suppressions(doc)]
        for _, command, start, end, title, message in sorted(items, key=lambda i: i[0]):
            line, col = loc.position(start)
            end_line, end_col = loc.end_position(start, end)
            lines.append(f"::{command} file={prop(doc.path)},line={line},col={col},"
                         f"endLine={end_line},endColumn={end_col},title={prop(title)}::{data(message)}")
    return "".join(line + "\n" for line in lines)

"""One JSON object per line: a result (or, with ``--what``, a quantity or claim) with its path.

Each line has ``path`` and ``record`` ("result", "quantity", "claim" or "error") before the
fields of the JSON contract, so ``jq 'select(.verdict == "inconsistent")'`` and line-oriented
tools work on it, and concatenated reports stay valid.
"""

from __future__ import annotations

import json
from typing import Any, Iterator, Sequence

from ..claims.records import Document
from . import json_report
from .locate import Locator
from .render import Options

_RECORD = {"results": "result", "quantities": "quantity", "claims": "claim"}


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    return "".join(json.dumps(rec, ensure_ascii=False) + "\n" for rec in records(docs, options.what))


def records(docs: Sequence[Document], what: str = "results") -> Iterator[dict[str, Any]]:
    for doc in docs:
        if doc.error:
            yield {"path": doc.path, "record": "error", "error": doc.error}
            continue
        loc = Locator(doc.text)
        if what == "quantities":
            items = [json_report.quantity(q, loc) for q in doc.quantities]
        elif what == "claims":
            items = [json_report.claim(c, loc) for c in doc.claims]
        else:
            items = [json_report.result(r, loc) for r in doc.results]
        for item in items:
            yield {"path": doc.path, "record": _RECORD[what], **item}

"""CSV through pandas: one row per result (``--what quantities`` or ``claims`` for the others).

The rows come from :func:`numcheck.claims.frame.to_frame`, the project's one pandas boundary, with
the document ``path`` first and the 1-based ``column`` after ``line``. Lists (claim and quantity
ids) are space-separated, mappings (roles, attributes) are JSON, numbers are written to at most 6
decimals as in the JSON report, and an open interval bound is an empty cell.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Sequence

from ..claims.records import Claim, Document, Quantity, Result
from .locate import Locator
from .render import Options

if TYPE_CHECKING:
    import pandas as pd

_KINDS: dict[str, type] = {"results": Result, "quantities": Quantity, "claims": Claim}


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    return frame(docs, options.what).to_csv(index=False, lineterminator="\n", float_format=_number)


def frame(docs: Sequence[Document], what: str = "results") -> "pd.DataFrame":
    """All documents' records of one kind in one frame, ready to write."""
    import pandas as pd  # here, not at import: pandas costs every other command 0.7 s to start

    from ..claims.frame import columns

    kind = _KINDS[what]
    parts = [_document_frame(d, kind, what) for d in docs if not d.error]
    header = ["path", *columns(kind)]
    header.insert(header.index("line") + 1, "column")
    parts = [p for p in parts if len(p)]
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=header)
    return table[header].map(_cell) if len(table) else table


def _document_frame(doc: Document, kind: type, what: str) -> "pd.DataFrame":
    from ..claims.frame import to_frame

    records = getattr(doc, what)
    table = to_frame(records, path=doc.path, kind=kind)
    loc = Locator(doc.text)
    table["column"] = [loc.position(r.start)[1] for r in records]
    return table


def _cell(x: Any) -> Any:
    if isinstance(x, list):
        return " ".join(str(i) for i in x)
    if isinstance(x, dict):
        return json.dumps(x, ensure_ascii=False, sort_keys=True)
    return x


def _number(x: float) -> str:
    return format(round(x, 6), ".15g")

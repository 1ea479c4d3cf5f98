"""Stage 3: results → output. One module per format, all fed the same :class:`Document` records."""

from __future__ import annotations

from typing import Callable, Sequence

from ..claims.records import Document
from . import json_report, text_report

#: Format name → renderer of a batch of documents to a string.
FORMATS: dict[str, Callable[[Sequence[Document]], str]] = {
    "json": json_report.render,
    "text": text_report.render,
}

__all__ = ["FORMATS"]

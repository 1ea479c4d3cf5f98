"""Stage 3: results → output. One module per format, all fed the same :class:`Document` records.

Every renderer is ``render(docs, options=Options()) -> str``. Third-party formats join through
the ``numcheck.formats`` entry-point group (name → a renderer of that signature), as flake8's
formatters do; a built-in name always wins.
"""

from __future__ import annotations

import functools
import sys
from importlib.metadata import entry_points
from typing import Callable, Sequence

from ..claims.records import Document
from . import (concise, csv_report, github, html_report, json_report, jsonl_report, junit, md_report,
               sarif, text_report)
from .render import Options

Renderer = Callable[..., str]

#: Format name → renderer of a batch of documents to a string.
FORMATS: dict[str, Renderer] = {
    "text": text_report.render,
    "concise": concise.render,
    "json": json_report.render,
    "jsonl": jsonl_report.render,
    "csv": csv_report.render,
    "md": md_report.render,
    "html": html_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}


@functools.cache
def formats() -> dict[str, Renderer]:
    """Built-in formats, then those of installed plugins."""
    found = dict(FORMATS)
    for ep in entry_points(group="numcheck.formats"):
        if ep.name in found:
            continue
        try:
            found[ep.name] = ep.load()
        except Exception as exc:  # a broken plugin must not break numcheck: say so, go on
            print(f"numcheck: format plugin {ep.name!r} ({ep.value}) failed to load and is "
                  f"skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
    return found


def render(fmt: str, docs: Sequence[Document], options: Options = Options()) -> str:
    """``docs`` rendered in format ``fmt``."""
    return formats()[fmt](docs, options)


__all__ = ["FORMATS", "Options", "formats", "render"]

"""Check a batch of paths: read, extract by format, check, apply suppressions — one bad file never
stops the others. A progress bar goes to stderr when there are more than a few files and stderr
is a terminal (and the user did not ask for quiet).
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from dataclasses import replace
from typing import Callable, ContextManager, Sequence

from ..checks import Settings, check_document
from ..claims.errors import InputError, NumcheckError
from ..claims.markup import extract_masked, relocate
from ..claims.records import Document
from ..claims.sources import Source, load
from . import suppress

#: More files than this get a progress bar.
PROGRESS_AFTER = 3

Report = Callable[[str], None]


def check_path(path: str, settings: Settings, input_format: str = "auto") -> Document:
    """One path → a checked document; an unreadable input becomes a document with ``error``."""
    try:
        return check_source(load(path, input_format), settings)
    except InputError as exc:
        return Document(path=path, text="", error=exc.reason)
    except NumcheckError:
        raise
    except Exception as exc:  # a bug must cost one document, not the batch (ruff does the same)
        return Document(path=path, text="", error=f"internal error, please report it: "
                                                  f"{type(exc).__name__}: {exc}")


def check_source(source: Source, settings: Settings) -> Document:
    """Check a read ``source``: extract from its prose mask, run the checks, map positions back to
    the source and apply its suppression comments. A crash raises (``numcheck scan`` records it)."""
    doc, masked = extract_masked(source, settings.hedge_tolerance)
    doc = relocate(_checked(doc, settings), source.text, masked)
    return suppress.apply(doc, masked.directives, settings)


def _checked(doc: Document, settings: Settings) -> Document:
    """``doc`` with results; messages quote quantities with their whitespace collapsed.

    Checks quote ``Quantity.text``, which may span a line break or, read from a mask, the blanks
    left by markup ("4.2&nbsp;million" reads "4.2     \xa0million"). The records keep their
    exact text (``input[start:end] == text``); only what the checks see is tidied.
    """
    texts = [" ".join(q.text.split()) for q in doc.quantities]
    if all(t == q.text for t, q in zip(texts, doc.quantities)):
        return check_document(doc, settings)  # the common case: nothing spans a break or blanks
    tidy = tuple(replace(q, text=t) for t, q in zip(texts, doc.quantities))
    checked = check_document(replace(doc, quantities=tidy), settings)
    return replace(checked, quantities=doc.quantities)


def check_paths(paths: Sequence[str], settings: Settings, input_format: str = "auto",
                quiet: bool = False, report: Report | None = None) -> list[Document]:
    """Check every path in order; ``report`` is told each unreadable one as a one-line message."""
    report = report or (lambda line: print(line, file=sys.stderr))
    docs: list[Document] = []
    with _progress(len(paths), quiet) as bar:
        say = _printer(bar, report)
        for path in paths:
            if bar is not None:
                bar.update(bar.task_ids[0], description=_short(path))
            doc = check_path(path, settings, input_format)
            if doc.error:
                say(f"numcheck: {'<stdin>' if path == '-' else path}: {doc.error}")
            docs.append(doc)
            if bar is not None:
                bar.advance(bar.task_ids[0])
    return docs


def _progress(total: int, quiet: bool) -> ContextManager:
    if quiet or total <= PROGRESS_AFTER or not sys.stderr.isatty():
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                        TimeRemainingColumn(), TextColumn("{task.description}", style="dim"),
                        console=Console(stderr=True), transient=True)
    progress.add_task("", total=total)
    return progress


def _printer(bar: object, report: Report) -> Report:
    """Messages printed above a live progress bar, so they do not tear it."""
    if bar is None:
        return report
    return lambda line: bar.console.print(line, markup=False, highlight=False)  # type: ignore[attr-defined]


def _short(path: str, width: int = 40) -> str:
    return path if len(path) <= width else "…" + path[-width + 1:]

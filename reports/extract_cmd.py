"""``numcheck extract``: the quantities (and, with --all, the classified tokens) of documents.

One record per line (jsonl), per row (csv) or in one JSON array, each with the document path and the
field names of the JSON contract. ``--unaccounted`` lists tokens holding a digit or a number word
that are neither a quantity nor classified, which should never happen; it exits 1 if it finds any.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from typing import Any, Iterable

import click

from ..claims import extract as extract_text
from ..claims.audit import unaccounted as unaccounted_tokens
from ..claims.errors import NumcheckError
from ..claims.records import Document
from ..claims.sources import expand, read_path
from .json_report import classified as classified_dict
from .json_report import quantity as quantity_dict
from .locate import Locator

_QUANTITY_FIELDS = ["path", "record", "id", "text", "start", "end", "line", "value", "lower", "upper",
                    "unit", "kind", "qualifier", "qualifier_text", "noun", "precision"]
_CLASSIFIED_FIELDS = ["category", "reason"]


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), default="jsonl",
              show_default=True, help="Output format.")
@click.option("--all", "include_all", is_flag=True,
              help="Also write classified non-quantities (years, ordinals, identifiers …).")
@click.option("--unaccounted", is_flag=True,
              help="Only list number tokens that are neither a quantity nor classified (exit 1 if any).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE instead of standard output.")
def extract(paths: tuple[str, ...], fmt: str, include_all: bool, unaccounted: bool,
            output: str | None) -> None:
    """Extract the quantities of PATHS (files, directories of .txt files, or - for stdin)."""
    docs, failed = _read(paths)
    if unaccounted:
        lines = [f"{d.path}:{line}:{col}: {tok}" for d in docs for at in [Locator(d.text)]
                 for s, _, tok in unaccounted_tokens(d) for line, col in [at.position(s)]]
        _write("".join(line + "\n" for line in lines), output)
        sys.exit(2 if failed else 1 if lines else 0)
    records = list(_records(docs, include_all))
    _write(_render(records, fmt, include_all), output)
    sys.exit(2 if failed else 0)


def _read(paths: Iterable[str]) -> tuple[list[Document], bool]:
    docs, failed = [], False
    for path in expand(list(paths)):
        try:
            text, notes = read_path(path)
        except NumcheckError as exc:
            click.echo(f"numcheck: {exc}", err=True)
            failed = True
            continue
        docs.append(extract_text(text, path, notes))
    return docs, failed


def _records(docs: list[Document], include_all: bool) -> Iterable[dict[str, Any]]:
    for d in docs:
        items: list[tuple[int, dict[str, Any]]] = [
            (q.start, {"path": d.path, "record": "quantity", **quantity_dict(q)}) for q in d.quantities]
        if include_all:
            items += [(c.start, {"path": d.path, "record": "classified", **classified_dict(c)})
                      for c in d.classified]
        for _, rec in sorted(items, key=lambda item: item[0]):
            yield rec


def _render(records: list[dict[str, Any]], fmt: str, include_all: bool) -> str:
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    out = io.StringIO()
    fields = _QUANTITY_FIELDS + (_CLASSIFIED_FIELDS if include_all else [])
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def _write(report: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(report)
        return
    try:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(report)
    except OSError as exc:
        click.echo(f"numcheck: {output}: cannot write ({exc.strerror or exc})", err=True)
        sys.exit(2)

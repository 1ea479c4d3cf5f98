"""The ``numcheck`` command line.

Exit codes: 0 nothing inconsistent, 1 at least one inconsistent result, 2 usage or input error
(an input error is reported on stderr as one line naming the file; the other inputs are still
checked and reported).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import click

from ..checks import Settings, check_text, registry
from ..claims.errors import NumcheckError
from ..claims.records import Document
from ..claims.samples import sample_texts
from ..claims.sources import expand, read_path
from . import FORMATS, text_report

EXIT_OK, EXIT_INCONSISTENT, EXIT_ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="numcheck")
def main() -> None:
    """Check the arithmetic of the numeric claims in prose."""


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
                        help="Output format (default: text).")(f)


def _output_option(f):
    return click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                        default=None, help="Write the report to FILE instead of standard output.")(f)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_format_option
@_output_option
@click.option("--select", default="NC", show_default=True,
              help="Comma-separated check codes or prefixes to run.")
@click.option("--ignore", default="", help="Comma-separated check codes or prefixes to skip.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when inconsistent claims are found.")
def check(paths: tuple[str, ...], fmt: str | None, output: str | None, select: str, ignore: str,
          exit_zero: bool) -> None:
    """Check PATHS (files, directories of .txt files, or - for standard input)."""
    settings = Settings(select=_codes(select), ignore=_codes(ignore))
    docs = [_check_path(p, settings) for p in expand(list(paths))]
    _finish(docs, fmt, output, exit_zero)


@main.command()
@_format_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write the JSON report to FILE.")
def demo(fmt: str | None, output: str | None) -> None:
    """Check the two sample articles numcheck ships with and print the report."""
    docs = [check_text(text, path) for path, text in sample_texts()]
    _emit(FORMATS[fmt](docs) if fmt and fmt != "text" else _text(docs, sys.stdout), None)
    if output:
        _emit(FORMATS["json"](docs), output)
    sys.exit(EXIT_OK)


@main.command()
def rules() -> None:
    """List the checks: code, name and first line of their documentation."""
    for c in registry():
        doc = (type(c).__doc__ or "").strip().splitlines()
        click.echo(f"{c.code}  {c.name:<18} {doc[0] if doc else ''}")


@main.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of the check CODE (e.g. NC101)."""
    for c in registry():
        if c.code.lower() == code.lower() or c.name == code:
            click.echo(f"{c.code} {c.name}\n")
            click.echo(_dedent(type(c).__doc__ or ""))
            return
    raise click.UsageError(f"no check named {code!r}; `numcheck rules` lists them")


def _dedent(doc: str) -> str:
    import inspect
    return inspect.cleandoc(doc)


def _codes(spec: str) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in spec.split(",") if c.strip())


def _check_path(path: str, settings: Settings) -> Document:
    try:
        text, notes = read_path(path)
        return check_text(text, "-" if path == "-" else path, settings, notes)
    except NumcheckError as exc:
        click.echo(f"numcheck: {exc}", err=True)
        return Document(path=path, text="", error=str(getattr(exc, "reason", exc)))


def _text(docs: Sequence[Document], stream) -> str:
    return text_report.render(docs, color=stream.isatty())


def _finish(docs: list[Document], fmt: str | None, output: str | None, exit_zero: bool) -> None:
    if fmt is None or fmt == "text":
        report = text_report.render(docs, color=output is None and sys.stdout.isatty())
    else:
        report = FORMATS[fmt](docs)
    _emit(report, output)
    if any(d.error for d in docs):
        sys.exit(EXIT_ERROR)
    if not exit_zero and any(r.verdict == "inconsistent" for d in docs for r in d.results):
        sys.exit(EXIT_INCONSISTENT)
    sys.exit(EXIT_OK)


def _emit(report: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(report)
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(report, encoding="utf-8")
    except OSError as exc:
        click.echo(f"numcheck: {output}: cannot write report ({exc.strerror or exc})", err=True)
        sys.exit(EXIT_ERROR)


def _register_commands() -> None:
    """Commands that live in their own modules."""
    from .extract_cmd import extract

    main.add_command(extract)


_register_commands()

"""The ``numcheck`` command line.

Exit codes: 0 nothing inconsistent, 1 at least one inconsistent result (or unverifiable, with
``--fail-on unverifiable``), 2 usage, input or configuration error (an input error is reported on
stderr as one line naming the file; the other inputs are still checked and reported).

Commands living in their own modules join with ``main.add_command(...)``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

import click

from ..checks import check_text, registry
from ..claims import build
from ..claims.errors import ConfigError
from ..claims.records import Document
from ..claims.samples import sample_texts
from ..claims.sources import INPUT_FORMATS, discover
from . import formats, text_report
from .config import FAIL_ON, resolve
from .render import TABLES, Options
from .runner import check_paths

EXIT_OK, EXIT_INCONSISTENT, EXIT_ERROR = 0, 1, 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="numcheck", message=f"%(prog)s %(version)s, stage 1 {build()}")
def main() -> None:
    """Check the arithmetic of the numeric claims in prose."""
    try:
        registry()  # a broken check plugin is a configuration error for every command
    except ConfigError as exc:
        click.echo(f"numcheck: {exc}", err=True)
        sys.exit(EXIT_ERROR)


def _format_option(f):
    return click.option("--format", "fmt", type=click.Choice(sorted(formats())), default=None,
                        help="Output format (default: text).")(f)


def _output_option(f):
    return click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
                        default=None, help="Write the report to FILE instead of standard output.")(f)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_format_option
@_output_option
@click.option("--select", default=None,
              help="Comma-separated check codes or prefixes to run (default: every registered check).")
@click.option("--ignore", default=None, help="Comma-separated check codes or prefixes to skip.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when inconsistent claims are found.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Exit 1 on inconsistent results (default), or on unverifiable ones too.")
@click.option("--what", type=click.Choice(TABLES), default="results", show_default=True,
              help="What csv and jsonl list: results, quantities or claims.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Files a directory walk checks (repeatable; default *.txt *.md *.html …).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Files and directories a walk skips, replacing the defaults (repeatable).")
@click.option("--extend-exclude", multiple=True, metavar="GLOB",
              help="More files and directories to skip, added to the defaults (repeatable).")
@click.option("--input-format", type=click.Choice(["auto", *INPUT_FORMATS]), default="auto",
              show_default=True, help="How to read inputs; auto goes by suffix (stdin is text).")
@click.option("--hedge-tolerance", default=None, metavar="X",
              help='How far "about" widens a figure, relative to it (e.g. 0.1).')
@click.option("--config", "config_path", default=None, metavar="FILE",
              help="Read [tool.numcheck] from FILE instead of the nearest pyproject.toml.")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def check(paths: tuple[str, ...], output: str | None, exit_zero: bool, what: str,
          input_format: str, quiet: bool, **cli: object) -> None:
    """Check PATHS: files (.txt, .md, .html), directories (walked), or - for standard input.

    Options given here override [tool.numcheck] in the nearest pyproject.toml.
    """
    try:
        run = resolve(paths, cli)
    except ConfigError as exc:
        click.echo(f"numcheck: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    files = discover(paths, run.include, run.exclude, run.config.base)
    if not files:  # as ruff does: say so, but an empty folder is not an error
        click.echo(f"numcheck: warning: no files to check under {', '.join(paths)} "
                   f"(includes: {' '.join(run.include)})", err=True)
    docs = check_paths(files, run.settings, input_format, quiet)
    _emit(_report(docs, run.fmt, output, what), output)
    sys.exit(_exit_code(docs, run.fail_on, exit_zero))


@main.command()
@_format_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Also write the JSON report to FILE.")
def demo(fmt: str | None, output: str | None) -> None:
    """Check the two sample articles numcheck ships with and print the report."""
    docs = [check_text(text, path) for path, text in sample_texts()]
    _emit(_report(docs, fmt, None), None)
    if output:
        _emit(formats()["json"](docs), output)
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


def _report(docs: list[Document], fmt: str | None, output: str | None, what: str = "results") -> str:
    """The report in ``fmt``; text is coloured only when it goes to a terminal."""
    if fmt is None or fmt == "text":
        return text_report.render(docs, Options(color=output is None and sys.stdout.isatty()))
    return formats()[fmt](docs, Options(what=what))


def _exit_code(docs: Sequence[Document], fail_on: str, exit_zero: bool) -> int:
    if any(d.error for d in docs):
        return EXIT_ERROR
    failing = {"inconsistent", "unverifiable"} if fail_on == "unverifiable" else {"inconsistent"}
    if not exit_zero and any(r.verdict in failing for d in docs for r in d.results):
        return EXIT_INCONSISTENT
    return EXIT_OK


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
    from .scan import scan

    main.add_command(extract)
    main.add_command(scan)


_register_commands()

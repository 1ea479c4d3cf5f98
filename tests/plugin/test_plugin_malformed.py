"""Malformed claim files: each is one collection error, one line naming file:line, no traceback.

All the files are collected in one real ``python -m pytest`` run (a subprocess: the plugin comes in
through its entry point, with no conftest), then each case checks its own error section.
"""

from __future__ import annotations

import re
import subprocess
import sys
from fnmatch import fnmatchcase

import pytest
from plugin_support import ARTICLE, BILLS_CSV, assert_no_traceback

_CASE = "cases:\n  - id: a\n    text: \"Sales fell 10% to £9m from £10m.\"\n    expect: consistent\n"
_BOUND = ("claims:\n  - id: a\n    sentence: \"Bills fell 4% to £396 from £412.\"\n    figures:\n"
          "      £396: {{table: {table}, where: {{{where}: North, year: 2024}}, column: {column}{more}}}\n")

#: (file name, content, the one line its error must be).
MALFORMED = [
    ("syntax.claims.yaml", "cases:\n  - id: a\n    text: [unclosed\n    expect: consistent\n",
     "syntax.claims.yaml:4: not valid YAML: expected ',' or ']', but got ':' "
     "(while parsing a flow sequence started on line 3)"),
    ("tabs.claims.yaml", "cases:\n\t- id: a\n",
     "tabs.claims.yaml:2: not valid YAML: found character '\\t' that cannot start any token "
     "(while scanning for the next token)"),
    ("duplicate.claims.yaml", _CASE + "    expect: inconsistent\n",
     "duplicate.claims.yaml:5: duplicate key 'expect' (first given on line 4)"),
    ("unknown-case-field.claims.yaml", _CASE.replace("expect:", "expcet:"),
     "unknown-case-field.claims.yaml:4: unknown field 'expcet' in case 'a'; did you mean 'expect'?"),
    ("unknown-top-field.claims.yaml", "documnet: article.md\n" + _CASE,
     "unknown-top-field.claims.yaml:1: unknown field 'documnet' in the claim file; did you mean 'document'?"),
    ("unknown-claim-kind.claims.yaml", "claims:\n  - id: a\n    chnage: {from: 10, to: 9, by: -10%}\n",
     "unknown-claim-kind.claims.yaml:3: unknown field 'chnage' in claim 'a'; did you mean 'change'?"),
    ("unknown-figure-field.claims.yaml", "claims:\n  - id: a\n    share: {part: 120, whole: 963, shares: 12.5%}\n",
     "unknown-figure-field.claims.yaml:3: unknown field 'shares' in the share of claim 'a'; did you mean 'share'?"),
    ("synonym.claims.yaml", _CASE.replace("expect:", "verdict:"),
     "synonym.claims.yaml:4: unknown field 'verdict' in case 'a'; did you mean 'expect'?"),
    ("unknown-check.claims.yaml", "check: NC-101\n" + _CASE,
     "unknown-check.claims.yaml:1: the claim file: no check 'NC-101'; did you mean 'NC101'?"),
    ("missing-document.claims.yaml", "document: nowhere.md\n" + _CASE,
     "missing-document.claims.yaml:1: document 'nowhere.md': no such file or directory"),
    ("missing-quote.claims.yaml", "document: article.md\ncases:\n  - id: a\n    quote: rose 16% to 8,900\n"
                                  "    expect: consistent\n",
     "missing-quote.claims.yaml:4: 'rose 16% to 8,900' is not in the document"),
    ("missing-table.claims.yaml", _BOUND.format(table="nowhere.csv", where="region", column="bill", more=""),
     "missing-table.claims.yaml:5: table 'nowhere.csv' not found (looked for */nowhere.csv)"),
    ("missing-column.claims.yaml", _BOUND.format(table="bills.csv", where="region", column="bills", more=""),
     "missing-column.claims.yaml:5: figure '£396' of claim 'a': the table has no column 'bills'; "
     "did you mean 'bill'? (columns: region, year, bill)"),
    ("missing-where-column.claims.yaml", _BOUND.format(table="bills.csv", where="regoin", column="bill", more=""),
     "missing-where-column.claims.yaml:5: figure '£396' of claim 'a': the table has no column 'regoin'; "
     "did you mean 'region'? (columns: region, year, bill)"),
    ("unknown-aggregate.claims.yaml", _BOUND.format(table="bills.csv", where="region", column="bill",
                                                     more=", aggregate: average"),
     "unknown-aggregate.claims.yaml:5: figure '£396' of claim 'a': no aggregate 'average' (one of value, sum, "
     "mean, median, min, max, count, first, last, pct_change, diff)"),
    ("not-a-figure.claims.yaml", "claims:\n  - id: a\n    change: {from: 602 milion, to: 382 million, by: -35%}\n",
     "not-a-figure.claims.yaml:3: '602 milion': numcheck reads '602' of 'milion'; did you mean 'million'?"),
    ("two-figures.claims.yaml", "claims:\n  - id: a\n    share: {part: 120 of 963, whole: 963, share: 12.5%}\n",
     "two-figures.claims.yaml:3: '120 of 963' is not one figure numcheck reads (it reads '120', '963')"),
    ("unquoted-comma.claims.yaml", "claims:\n  - id: a\n    average: {total: £50,000, count: 26, average: £1,900}\n",
     "unquoted-comma.claims.yaml:3: unknown field '000' in the average of claim 'a'; inside { } a figure "
     "with a comma must be quoted (\"£1,900\")"),
    ("figure-not-in-sentence.claims.yaml", _BOUND.format(table="bills.csv", where="region", column="bill",
                                                          more="").replace("£396: {", "£395: {"),
     "figure-not-in-sentence.claims.yaml:5: '£395' is not in the sentence"),
    ("unsafe-tag.claims.yaml", "cases: !!python/object/apply:os.system [echo hi]\n",
     "unsafe-tag.claims.yaml:1: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed here"),
    ("empty.claims.yaml", "", "empty.claims.yaml:1: the file is empty"),
    ("no-items.claims.yaml", "check: NC101\n", "no-items.claims.yaml:1: a claim file needs a list of 'cases' "
                                               "or of 'claims'"),
    ("same-id.claims.yaml", _CASE + _CASE.replace("cases:\n", ""),
     "same-id.claims.yaml:5: id 'a' is used twice (first on line 2)"),
    ("both-text-and-quote.claims.yaml", _CASE.replace("    expect", "    quote: fell 10%\n    expect"),
     "both-text-and-quote.claims.yaml:2: case 'a' needs either 'text' or 'quote' (one of them)"),
    ("latin1.claims.yaml", "cases:\n  - id: a\n    text: \"\xa310m\"\n", "latin1.claims.yaml:3: not UTF-8 text"),
]


@pytest.fixture(scope="module")
def sections(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One real pytest run over every malformed file: file name → the lines of its error section."""
    folder = tmp_path_factory.mktemp("malformed")
    (folder / "article.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "bills.csv").write_text(BILLS_CSV, encoding="utf-8")
    for name, content, _ in MALFORMED:
        encoding = "latin-1" if name.startswith("latin1") else "utf-8"
        (folder / name).write_bytes(content.encode(encoding))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"], cwd=folder,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stdout + proc.stderr  # interrupted: collection errors
    assert_no_traceback(proc.stdout + proc.stderr)
    assert f"{len(MALFORMED)} errors" in proc.stdout.splitlines()[-1]
    return _sections(proc.stdout)


def _sections(output: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in output.splitlines():
        header = re.fullmatch(r"_+ ERROR collecting (\S+) _+", line)
        if header:
            current = found.setdefault(header.group(1), [])
        elif re.fullmatch(r"=+ .* =+", line):
            current = None
        elif current is not None:
            current.append(line)
    return found


@pytest.mark.parametrize(("name", "content", "error"), MALFORMED, ids=[m[0].split(".")[0] for m in MALFORMED])
def test_malformed_file_is_one_clear_collection_error(sections: dict[str, list[str]], name: str, content: str,
                                                      error: str) -> None:
    assert len(sections[name]) == 1, sections[name]
    assert fnmatchcase(sections[name][0], error.replace("[", "[[]")), sections[name][0]


"""Markdown and HTML inputs: only prose is read, and every record points at the source's line and
column; suppression comments work and unused ones are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inprocess import invoke
from numcheck.checks import Settings
from numcheck.claims.markup import prepare
from numcheck.reports.locate import Locator
from numcheck.reports.runner import check_path

FIXTURES = Path(__file__).parent / "fixtures"

# (quantity text as in the source, line, column): the complete list, so nothing from front
# matter, code blocks, code spans, link destinations, autolinks, script, style, title, nav or
# footer may appear.
MARKDOWN_QUANTITIES = [
    ("35%", 6, 18), ("382 million", 6, 25), ("602 million", 6, 42),
    ("35%", 8, 29), ("382 million", 8, 38), ("602 million", 9, 13),
    ("45%", 11, 26), ("4.2 million", 11, 36), ("2.3 million", 11, 51),
    ("20%", 23, 14), ("&pound;150m", 23, 21), ("&pound;100m", 23, 38),
    ("30%", 27, 23), ("70 million", 27, 30), ("100 million", 27, 46),
]
HTML_QUANTITIES = [
    ("35%", 13, 76), ("382 million", 14, 3), ("602 million", 14, 33),
    ("45%", 16, 29), ("4.2&nbsp;million", 16, 39), ("2.3 million", 16, 59),
    ("20%", 19, 19), ("&pound;150m", 19, 26), ("&pound;100m", 19, 43),
]
# (code, verdict, line, column) of each result, in text order; the ignored line has none.
MARKDOWN_RESULTS = [("NC101", "inconsistent", 6, 13), ("NC101", "inconsistent", 8, 22),
                    ("NC101", "consistent", 11, 9), ("NC101", "consistent", 27, 18)]
HTML_RESULTS = [("NC101", "inconsistent", 13, 71), ("NC101", "consistent", 16, 12)]


def _positions(doc, records):
    loc = Locator(doc.text)
    return [(r.text, *loc.position(r.start)) for r in records]


@pytest.mark.parametrize("name, expected", [("article.md", MARKDOWN_QUANTITIES),
                                            ("article.html", HTML_QUANTITIES)])
def test_quantities_point_at_source_line_and_column(name, expected):
    path = FIXTURES / name
    doc = check_path(str(path), Settings())
    assert _positions(doc, doc.quantities) == expected
    lines = path.read_text(encoding="utf-8").split("\n")
    for text, line, col in expected:  # the table itself is checked against the file
        assert lines[line - 1][col - 1:col - 1 + len(text)] == text


@pytest.mark.parametrize("name, expected", [("article.md", MARKDOWN_RESULTS),
                                            ("article.html", HTML_RESULTS)])
def test_results_point_at_source_and_suppression_applies(name, expected):
    doc = check_path(str(FIXTURES / name), Settings())
    loc = Locator(doc.text)
    assert [(r.code, r.verdict, *loc.position(r.start)) for r in doc.results] == expected
    assert [n.kind for n in doc.notes if "suppress" in n.kind] == ["suppressed"]
    assert all(doc.text[r.start:r.end].startswith(("fell", "dropped", "sales fell")) for r in doc.results)


def test_cli_json_carries_columns_and_messages_quote_prose():
    proc = invoke("check", str(FIXTURES / "article.md"), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)["documents"][0]
    first = doc["results"][0]
    assert (first["line"], first["column"], first["end_line"]) == (6, 13, 6)
    assert first["end_column"] == 13 + len("fell 35% to 382 million from 602 million")
    assert json.loads(proc.stdout)["summary"]["suppressed"] == 1
    assert "&pound;" not in "".join(r["message"] for r in doc["results"])


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_mask_keeps_length_and_only_source_characters(fmt):
    source = (FIXTURES / ("article.md" if fmt == "markdown" else "article.html")).read_text()
    masked = prepare(source, fmt)
    assert len(masked.text) == len(source)
    placeholders = set(masked.expansions)
    assert all(m in (" ", "\n") or m == s or i in placeholders
               for i, (m, s) in enumerate(zip(masked.text, source)))
    assert "50%" not in masked.text and "example.org" not in masked.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.5%*_`[]()<>!#|-\\&;\n>")), max_size=120))
def test_markdown_mask_never_crashes_and_keeps_offsets(text):
    masked = prepare(text, "markdown")
    assert len(masked.text) == len(text)
    assert all(m in (" ", "\n") or m == s or i in masked.expansions
               for i, (m, s) in enumerate(zip(masked.text, text)))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.5%<>/p!-=\"'&#;\n")), max_size=120))
def test_html_mask_never_crashes_and_keeps_offsets(text):
    masked = prepare(text, "html")
    assert len(masked.text) == len(text)


SUPPRESSIONS = """\
# Report

<!-- numcheck: ignore NC102 -->
Downloads fell 35% to 382 million from 602 million.

<!-- numcheck: off -->
Sales fell 35% to 382 million from 602 million.

Users fell 35% to 382 million from 602 million.
<!-- numcheck: on -->

Profits fell 35% to 382 million from 602 million.

<!-- numcheck: ignore NC1 -->
Nothing to see here.

<!-- numcheck: ignroe NC101 -->

```
<!-- numcheck: off -->
```
"""


def test_suppression_regions_wrong_codes_unused_and_typos(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(SUPPRESSIONS)
    doc = check_path(str(path), Settings())
    loc = Locator(doc.text)
    # line 4 names NC102 only, so NC101 still fires; lines 7 and 9 are inside off/on; 12 is after on
    assert [(r.code, loc.line(r.start)) for r in doc.results] == [("NC101", 4), ("NC101", 12)]
    notes = [(n.kind, n.message) for n in doc.notes]
    assert notes == [
        ("suppression", "line 17: numcheck comment ignored: unknown action 'ignroe' "
                        "(expected ignore, off or on, then optional codes)"),
        ("suppressed", "line 7: NC101 inconsistent result suppressed by the comment on line 6"),
        ("suppressed", "line 9: NC101 inconsistent result suppressed by the comment on line 6"),
        ("unused_suppression", "line 3: unused suppression <!-- numcheck: ignore NC102 -->: "
                               "no result to suppress"),
        ("unused_suppression", "line 14: unused suppression <!-- numcheck: ignore NC1 -->: "
                               "no result to suppress"),
    ]


def test_unused_suppression_is_a_concise_note_line_and_deselected_codes_are_not_unused(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("<!-- numcheck: ignore NC101 -->\nNothing here.\n\n"
                    "<!-- numcheck: ignore NC102 -->\nNor here.\n")
    proc = invoke("check", str(path), "--format", "concise", "--ignore", "NC102")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == (
        f"{path}:1:1: note: unused suppression <!-- numcheck: ignore NC101 -->: no result to suppress\n")


def test_html_comment_on_the_same_line_as_the_paragraph(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body><article>\n<!-- numcheck: ignore --><p>Downloads fell 35% to "
                    "382 million from 602 million.</p>\n<p>Sales fell 35% to 382 million from "
                    "602 million.</p>\n</article></body></html>\n")
    doc = check_path(str(path), Settings())
    assert [(r.verdict, Locator(doc.text).line(r.start)) for r in doc.results] == [("inconsistent", 3)]


def test_reports_quote_the_prose_not_the_markup(tmp_path):
    """Positions index the source, but what a reader sees of a claim has no markup in it."""
    md = FIXTURES / "article.md"
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>A reader wrote &lt;b&gt; and &amp; under it; "
                    "sales <em>fell</em> 35% to 382&nbsp;million from 602 million, the firm said "
                    "in its annual report.</p></article></body></html>\n")
    text = invoke("check", str(md), str(page), "--isolated").stdout.decode()
    assert "“Downloads in Germany fell 35% to 382 million files, compared to 602 million the " \
           "previous year.”" in text
    assert "“A reader wrote <b> and & under it; sales fell 35% to 382 million from 602 million, " \
           "the firm said in its annual report.”" in text
    md_report = invoke("check", str(md), str(page), "--isolated", "--format", "md").stdout.decode()
    assert "| fell **35%** to **382 million** files, compared to **602 million** |" in md_report
    assert "| fell **35%** to **382 million** from **602 million** |" in md_report
    concise = invoke("check", str(page), "--isolated", "--format", "concise").stdout.decode()
    column = page.read_text().index("fell</em>") + 1
    assert column == 80
    assert concise == (f"{page}:1:{column}: NC101 inconsistent (minor): stated −35% (−35.5 to −34.5); "
                       "602 million → 382 million is −36.5% (−36.7 to −36.4); no rounding of the "
                       "stated figures reaches the stated change\n")

"""The HTML report in a real headless Chromium (Debian's, at /usr/bin/chromium; .ci/run installs it).

The page loads with no console error and no network request, every quantity is marked, a click
(or Enter) on a quantity or a result shows the claim, the intervals and the message, the filters
hide what they should, and documents full of markup run none of it. Screenshots are written to
the pytest temporary folder (``screenshots0``) and, when ``NUMCHECK_ARTIFACTS`` names a folder,
there too, for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from chromium_cdp import CHROMIUM, Chromium
from conftest import run_cli
from inprocess import invoke

FIXTURES = Path(__file__).parent / "fixtures"

ARTICLE = """\
Streaming revenue rose 25% to £150m from £120m last year, the company said.

Downloads fell 35% to 382 million from 602 million, while subscribers climbed by about 12% (from 2.5 million to 2.8 million).
The firm now employs 1,200 people in 14 offices.
"""
HOSTILE = """\
Comment: <script>alert(1)</script> and <img src=x onerror="window.__xss=1;alert(2)">.
Quoted: "</script><script>window.__xss=3</script>" and <!-- a comment --> and &lt;b&gt;.
Sales fell 35% to 382 million from 602 million, said <b onmouseover="window.__xss=4">the firm</b>.
"""
HOSTILE_MD = """\
# Numbers <img src=x onerror="window.__xss=5">

Profits fell 35% to 382 million from 602 million <script>window.__xss=6</script> last year.
"""
# A saved page whose prose *talks about* markup (escaped, so it is text) and which carries live
# markup too (never read: script is skipped, img is a tag).
HOSTILE_HTML = """\
<html><body><article>
<h1>Figures &amp; a &lt;script&gt;alert(1)&lt;/script&gt; test</h1>
<p>A reader wrote &lt;img src=x onerror=alert(8)&gt; below the story, and sales fell 35% to
382 million from 602 million last year, the firm said in its annual report to shareholders.</p>
<script>alert(1); window.__xss = 9;</script><img src=x onerror="alert(1); window.__xss = 10">
</article></body></html>
"""


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> tuple[Path, dict]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is needed: apt-get install -y chromium (.ci/run does this)")
    inputs = tmp_path_factory.mktemp("inputs")
    (inputs / "a_article.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "b_hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (inputs / "c_hostile.md").write_text(HOSTILE_MD, encoding="utf-8")
    (inputs / "d <img src=x onerror=alert(7)>.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(FIXTURES / "article.html", inputs / "e_page.html")
    (inputs / "f_empty.txt").write_text("\n")
    (inputs / "g_hostile_page.html").write_text(HOSTILE_HTML, encoding="utf-8")
    out = inputs.parent / "report.html"
    proc = run_cli("check", str(inputs), "--format", "html", "-o", str(out))
    assert proc.returncode == 2, proc.stderr  # the empty file is an input error
    data = json.loads(invoke("check", str(inputs), "--format", "json").stdout)
    return out, data


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> list[Path]:
    """Folders a screenshot is saved to: the pytest temporary one, and $NUMCHECK_ARTIFACTS."""
    folders = [tmp_path_factory.mktemp("screenshots")]
    if os.environ.get("NUMCHECK_ARTIFACTS"):
        folders.append(Path(os.environ["NUMCHECK_ARTIFACTS"]))
        folders[-1].mkdir(parents=True, exist_ok=True)
    return folders


def _screenshot(browser: Chromium, folders: list[Path], name: str) -> None:
    browser.screenshot(folders[0] / name)
    assert (folders[0] / name).read_bytes().startswith(b"\x89PNG")
    for folder in folders[1:]:
        shutil.copy(folders[0] / name, folder / name)


@pytest.fixture(scope="module")
def browser(report):
    with Chromium() as b:
        b.send("Network.enable")
        b.open(report[0].as_uri())
        yield b


def test_page_loads_without_errors_or_network(browser, report):
    assert browser.problems() == []
    requests = [e["params"]["request"]["url"] for e in browser.events
                if e.get("method") == "Network.requestWillBeSent"]
    assert requests == [report[0].as_uri()]


def _expected_colours(documents: list[dict]) -> dict[str, str]:
    """doc id/quantity id → the worst verdict of the results its claims have, from the JSON
    ("suppressed" for a claim a suppressed result covered, "unchecked" for one without results,
    "none" outside claims)."""
    rank = ["inconsistent", "unverifiable", "consistent", "suppressed", "unchecked", "none"]
    out = {}
    for i, d in enumerate(documents, 1):
        hushed = [(n["start"], n["end"]) for n in d["notes"] if n["kind"] == "suppressed"]
        for q in d["quantities"]:
            claims = [c for c in d["claims"] if q["id"] in c["quantity_ids"]]
            verdicts = [r["verdict"] for r in d["results"] for c in claims if c["id"] in r["claim_ids"]]
            verdicts += ["suppressed" if any(s < c["end"] and c["start"] < e for s, e in hushed)
                         else "unchecked" for c in claims]
            out[f"d{i}/{q['id']}"] = min(verdicts or ["none"], key=rank.index)
    return out


def test_every_quantity_is_marked_and_coloured_by_verdict(browser, report):
    expected = _expected_colours(report[1]["documents"])
    marked = dict(browser.evaluate(
        "Array.from(document.querySelectorAll('mark.q[data-q]'), m => [m.closest('article').dataset.doc"
        " + '/' + m.dataset.q, m.className.match(/v-(\\w+)/)[1]])"))
    assert len(expected) > 30 and marked == expected
    assert list(marked.values()).count("inconsistent") == 3 * 6  # 35%, 382m, 602m in six docs
    assert [k for k, v in marked.items() if v == "suppressed"] == ["d5/q7", "d5/q8", "d5/q9"]


def test_documents_run_no_markup(browser, report):
    assert browser.evaluate("window.__xss === undefined")
    assert browser.evaluate("document.images.length") == 0
    assert browser.evaluate("document.scripts.length") == 2  # the data block and our script
    assert browser.evaluate("document.querySelectorAll('[onerror],[onmouseover]').length") == 0
    text = browser.evaluate("document.body.innerText")
    assert "<script>alert(1)</script>" in text
    assert 'onerror="window.__xss=1;alert(2)"' in text
    assert "d <img src=x onerror=alert(7)>.txt" in text
    page = browser.evaluate("document.getElementById('d7').innerText")
    assert "Figures & a <script>alert(1)</script> test" in page  # the page's escaped text, as text
    assert "A reader wrote <img src=x onerror=alert(8)> below the story, and sales fell" in page
    assert "window.__xss" not in page  # its live script was never read
    browser.evaluate("document.querySelectorAll('mark.q').forEach(m => m.dispatchEvent("
                     "new MouseEvent('mouseover', {bubbles: true})))")
    assert browser.dialogs() == [] and browser.evaluate("window.__xss === undefined")


def test_click_on_a_quantity_shows_claim_intervals_and_message(browser, shots):
    browser.click("#d1 mark.q.v-inconsistent")
    panel = browser.evaluate("document.getElementById('detail').innerText")
    assert "Claim c2 · change\n" in panel and "“fell 35% to 382 million from 602 million”" in panel
    assert "stated change\n35%\nto\n382 million\nfrom\n602 million" in panel
    assert "inconsistent NC101 percent-change · minor\nline 3, column 11" in panel
    assert "stated\n−35% (−35.5 to −34.5)\ncomputed\n−36.5449% (−36.6805 to −36.409)" in panel
    assert panel.endswith("602 million → 382 million is −36.5% (−36.7 to −36.4); no rounding of the "
                          "stated figures reaches the stated change")
    selected = browser.evaluate("Array.from(document.querySelectorAll('#d1 mark.q.selected'), m => m.textContent)")
    assert selected == ["35%", "382 million", "602 million"]
    _screenshot(browser, shots, "html-report-quantity.png")


def test_click_on_a_result_row_and_keyboard(browser):
    browser.click("#d1 tr.result.v-consistent")
    panel = browser.evaluate("document.getElementById('detail').innerText")
    assert panel.startswith("NC101 percent-change") and "consistent" in panel
    browser.evaluate("document.querySelector('#d5 mark.q[data-q]').focus()")
    browser.press_enter()
    panel = browser.evaluate("document.getElementById('detail').innerText")
    assert panel.startswith("“35%”") and "line 13, column 76" in panel
    browser.click("#d5 mark.q.v-suppressed")  # "20%": its NC101 result is suppressed
    panel = browser.evaluate("document.getElementById('detail').innerText")
    assert panel.startswith("“20%”") and panel.endswith(
        "Its result is suppressed by a numcheck comment (see the notes).")
    assert "“rose 20% to £150m from £100m”\n\nstated change\n20%\nto\n£150m\nfrom\n£100m" in panel
    assert "&pound;" not in panel  # the page's prose, not its markup


def test_filters_hide_results_and_documents(browser, shots):
    visible = "document.querySelectorAll('tr.result:not(.hidden)').length"
    total = browser.evaluate(visible)
    consistent = browser.evaluate("document.querySelectorAll('tr.result.v-consistent').length")
    browser.click("label.chip.v-consistent")
    assert browser.evaluate(visible) == total - consistent > 0
    assert browser.evaluate("document.querySelectorAll('mark.q.v-consistent.dim').length") > 0
    browser.click("label.chip.v-consistent")
    assert browser.evaluate(visible) == total
    browser.click("label.chip:has(#only-findings)")
    hidden = browser.evaluate("Array.from(document.querySelectorAll('article.doc.hidden'), a => a.id)")
    assert hidden == ["d6"]  # the unreadable empty file has no findings
    browser.click("label.chip:has(#only-findings)")
    browser.evaluate("window.scrollTo(0, 0)")
    _screenshot(browser, shots, "html-report.png")
    assert browser.problems() == []


def test_control_the_browser_does_report_markup_that_runs(browser, tmp_path):
    """The checks above can fail: the same browser sees a page's script and its dialog.

    Last in the module, since it leaves the page on something else.
    """
    page = tmp_path / "live.html"
    page.write_text('<script>window.__xss = 1</script><img src=x onerror="alert(2)">')
    browser.send("Page.navigate", {"url": page.as_uri()})
    assert browser.wait_for("Page.javascriptDialogOpening")["params"]["message"] == "2"
    browser.send("Page.handleJavaScriptDialog", {"accept": True})
    assert browser.evaluate("window.__xss") == 1 and len(browser.dialogs()) == 1

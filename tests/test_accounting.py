"""Every number is accounted for: a quantity or a classified token, never silently dropped."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import run_cli
from numcheck.claims import extract
from numcheck.claims.audit import unaccounted

# Written for this project in the style of news copy: every awkward form we know of.
PROSE = """\
Shares in the Tokyo-based firm fell 4.2% to ¥1,205 on Monday, their lowest since March 2003.
The UK's trade gap widened to £4.6bn in the first-half, from £3.9bn a year earlier.
No-one expected the top-five clubs to spend multi-million pound sums; Chelsea won 2-1.
About 3,000 jobs - a third of the workforce - will go by 2007-08, the firm said on 12 April.
Sales of Windows 95 reached 7m copies; the MP3 player holds 20GB, and the F-16 costs US$30m.
He ran 15-and-a-half miles in 2½ hours at 10:30am, aged 45, in the 1990s.
Prices ranged from $1,8923 to 3.817.69 points, a typo the paper later fixed.
Inflation was 1.6% in the 12 months to March, up 0.3 percentage points.
Page 12 of section 3 lists the G7 members; Formula One and The Teesside Ten are names.
Several hundred million pounds, tens of thousands of fans and a handful of MPs were involved.
"""


def test_project_prose_is_fully_accounted_for():
    doc = extract(PROSE)
    assert unaccounted(doc) == []
    categories = {c.text: c.category for c in doc.classified}
    assert categories["2003"] == "year"
    assert categories["MP3"] == "identifier"
    assert categories["2-1"] == "score"
    assert categories["95"] == "name"
    assert categories["half"] == "compound"
    assert categories["1,8923"] == "malformed"
    texts = [q.text for q in doc.quantities]
    assert "15-and-a-half miles" in texts and "2½ hours" in texts
    assert categories["2007-08"] == "year"
    assert "£3.9bn" in texts  # "a year earlier" is a time, not the period of a rate


@settings(max_examples=int(os.environ.get("NUMCHECK_HYPOTHESIS_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(
    list("0123456789 ,.-–%£$€/:½\n\"'()abcdemnkMBT") + [" million", " bn", " per cent", " one", " half",
                                                        " first", " several", "thousand", " to ", " from "]),
    max_size=80).map("".join) | st.text(max_size=120))
def test_extraction_never_crashes_and_accounts_for_every_digit(text):
    doc = extract(text)
    assert unaccounted(doc) == []
    for q in doc.quantities:
        assert text[q.start:q.end] == q.text
        assert q.lower is None or q.upper is None or q.lower <= q.upper
    for c in doc.classified:
        assert text[c.start:c.end] == c.text


def test_extract_cli_formats(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Sales rose 12% to £3.4bn in 2004.\n")
    jsonl = run_cli("extract", str(f), "--all").stdout.decode().splitlines()
    recs = [json.loads(line) for line in jsonl]
    assert [(r["record"], r["text"]) for r in recs] == [
        ("quantity", "12%"), ("quantity", "£3.4bn"), ("classified", "2004")]
    assert recs[1] == {"path": str(f), "record": "quantity", "id": "q2", "text": "£3.4bn", "start": 18,
                       "end": 24, "line": 1, "value": 3400000000, "lower": 3350000000,
                       "upper": 3450000000, "unit": "GBP", "kind": "money", "qualifier": "exact",
                       "qualifier_text": "", "noun": "", "precision": ""}
    assert recs[2]["category"] == "year"
    csv_out = run_cli("extract", str(f), "--format", "csv").stdout.decode().splitlines()
    assert csv_out[0].startswith("path,record,id,text,start,end,line,value,lower,upper,unit,kind")
    assert len(csv_out) == 3
    as_json = json.loads(run_cli("extract", str(f), "--format", "json").stdout)
    assert [r["text"] for r in as_json] == ["12%", "£3.4bn"]


def test_extract_unaccounted_is_empty_on_samples(tmp_path):
    from conftest import SAMPLES_DIR
    proc = run_cli("extract", str(SAMPLES_DIR), "--unaccounted")
    assert (proc.returncode, proc.stdout) == (0, b"")
    missing = run_cli("extract", str(tmp_path / "missing.txt"))
    assert missing.returncode == 2 and missing.stderr.decode().startswith("numcheck: ")

"""Acceptance on the two sample articles, read through the CLI's JSON (the foundation issue)."""

from __future__ import annotations

import pytest

A = "000_3cd21a3405032239.txt"
B = "003_a70c754bd2bccae4.txt"


def quantity(doc: dict, text: str) -> dict:
    found = [q for q in doc["quantities"] if q["text"] == text]
    assert len(found) == 1, (text, [q["text"] for q in doc["quantities"]])
    return found[0]


def result_for(doc: dict, quantity_text: str, code: str) -> dict:
    q = quantity(doc, quantity_text)
    claims = {c["id"] for c in doc["claims"] if q["id"] in c["quantity_ids"]}
    found = [r for r in doc["results"] if r["code"] == code and claims & set(r["claim_ids"])]
    assert len(found) == 1, found
    return found[0]


def test_germany_drop_is_inconsistent(samples_json):
    r = result_for(samples_json[A], "35%", "NC101")
    assert r["verdict"] == "inconsistent"
    assert r["severity"] == "minor"
    assert -36.7 <= r["computed"]["lower"] <= r["computed"]["value"] <= r["computed"]["upper"] <= -36.4
    assert round(r["computed"]["value"], 1) == -36.5
    assert (r["stated"]["lower"], r["stated"]["value"], r["stated"]["upper"]) == (-35.5, -35, -34.5)
    assert r["message"] == ("stated −35% (−35.5 to −34.5); 602 million → 382 million is −36.5% "
                            "(−36.7 to −36.4); no rounding of the stated figures reaches the stated change")
    claim = next(c for c in samples_json[A]["claims"] if c["id"] == r["claim_ids"][0])
    roles = {role: next(q["text"] for q in samples_json[A]["quantities"] if q["id"] == qid)
             for role, qid in claim["roles"].items()}
    assert roles == {"stated_change": "35%", "to": "382 million", "from": "602 million"}
    assert claim["attributes"]["direction"] == "down"


def test_kazaa_drop_is_consistent(samples_json):
    r = result_for(samples_json[A], "45%", "NC101")
    assert r["verdict"] == "consistent"
    assert round(r["computed"]["value"], 1) == -45.2
    q = quantity(samples_json[A], "45%")
    assert q["qualifier"] == "approximate" and q["qualifier_text"] == "approximately"
    assert q["lower"] < 44.5 and q["upper"] > 45.5  # the hedge widens the rounding interval


def test_eleven_countries_are_counted(samples_json):
    r = result_for(samples_json[A], "11", "NC109")
    assert r["verdict"] == "consistent"
    claim = next(c for c in samples_json[A]["claims"] if c["id"] == r["claim_ids"][0])
    assert claim["attributes"]["items"] == [
        "Austria", "Denmark", "France", "Germany", "Italy", "United Kingdom", "Japan",
        "Netherlands", "Finland", "Ireland", "Iceland"]
    assert quantity(samples_json[A], "963")["noun"] == "individuals"


def test_uk_total_implies_57_earlier(samples_json):
    r = result_for(samples_json[A], "90", "NC106")
    assert "57" in r["message"]
    assert r["computed"]["value"] == 57
    assert r["verdict"] == "unverifiable"
    # "first tranche of 26 cases" is a part, not the earlier total: nothing contradicts it
    q26 = quantity(samples_json[A], "26")
    assert not [x for x in samples_json[A]["results"]
                if x["verdict"] == "inconsistent" and
                any(q26["id"] in c["quantity_ids"] for c in samples_json[A]["claims"] if c["id"] in x["claim_ids"])]


def test_more_than_fifty_thousand_pounds(samples_json):
    q = quantity(samples_json[A], "£50,000")
    assert (q["kind"], q["unit"], q["qualifier"], q["lower"], q["upper"]) == (
        "money", "GBP", "more_than", 50000, None)


@pytest.mark.parametrize("text, value, unit, kind, qualifier, lower, upper", [
    ("£11,000 per week", 11000, "GBP / week", "rate", "exact", 10500, 11500),
    ("three-and-a-half years", 3.5, "year", "duration", "exact", 3.5, 3.5),
    ("several thousand euros", 2000, "EUR", "money", "vague", 2000, 9999),
    ("12 months", 12, "month", "duration", "exact", 11.5, 12.5),
    ("£500", 500, "GBP", "money", "exact", 450, 550),
    ("382 million", 382000000, "", "count", "exact", 381500000, 382500000),
    ("4.2 million", 4200000, "", "count", "exact", 4150000, 4250000),
])
def test_sample_quantities(samples_json, text, value, unit, kind, qualifier, lower, upper):
    q = quantity(samples_json[A], text)
    assert (q["value"], q["unit"], q["kind"], q["qualifier"], q["lower"], q["upper"]) == (
        value, unit, kind, qualifier, lower, upper)


def test_years_are_time_references_not_quantities(samples_json, sample_text):
    doc = samples_json[A]
    texts = [q["text"] for q in doc["quantities"]]
    assert not [t for t in texts if "2000" in t or "2004" in t]
    years = [(c["text"], c["category"]) for c in doc["classified"] if c["category"] == "year"]
    assert years == [("2000", "year"), ("2004", "year"), ("2004", "year")]
    assert "previous year" not in " ".join(texts)


def test_scraper_noise_yields_nothing(samples_json, sample_text):
    doc = samples_json[A]
    noise_start = sample_text[A].index("We are processing your request")
    assert all(q["start"] < noise_start for q in doc["quantities"])
    assert all(c["start"] < noise_start for c in doc["claims"])
    assert all(r["start"] < noise_start for r in doc["results"])
    assert [n["kind"] for n in doc["notes"]] == ["boilerplate"]
    assert doc["notes"][0]["start"] == noise_start


def test_duplicated_paragraphs_reported_once_and_not_counted_twice(samples_json, sample_text):
    doc = samples_json[B]
    notes = [n for n in doc["notes"] if n["kind"] == "duplicate_paragraph"]
    assert [sample_text[B].count(sample_text[B][n["start"]:n["end"]]) for n in notes] == [2, 2, 2, 2]
    assert len(notes) == 4
    assert [q["text"] for q in doc["quantities"]] == ["two", "eight terabytes", "several"]


def test_terabytes_topsites_and_identifiers(samples_json):
    doc = samples_json[B]
    tb = quantity(doc, "eight terabytes")
    assert (tb["value"], tb["unit"], tb["kind"]) == (8, "terabyte", "data_size")
    two = quantity(doc, "two")
    assert (two["value"], two["kind"], two["noun"]) == (2, "count", "topsites")
    idents = {c["text"]: c["category"] for c in doc["classified"] if c["category"] == "identifier"}
    assert idents == {"MP3": "identifier", "RAGEMP3": "identifier"}


def test_offsets_point_into_the_original_text(samples_json, sample_text):
    for name in (A, B):
        text = sample_text[name]
        doc = samples_json[name]
        for rec in doc["quantities"] + doc["claims"] + doc["classified"]:
            assert text[rec["start"]:rec["end"]] == rec["text"]
        for q in doc["quantities"]:
            assert text.count("\n", 0, q["start"]) + 1 == q["line"]


def test_summary_counts(samples_json):
    assert samples_json["summary"] == {
        "documents": 2, "quantities": 26, "claims": 5, "consistent": 2, "inconsistent": 1,
        "unverifiable": 2, "errors": 0, "suppressed": 0}

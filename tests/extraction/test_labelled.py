"""The labelled extraction set: news sentences written for numcheck, each with the quantities our rules expect.

``labelled/news.yaml`` holds the sentences and their labels (see its header for the rules). Each
sentence is one test id: it is read with :func:`numcheck.claims.extract`, every expected quantity is
found by its surface text and its value, interval, unit, kind and qualifier (and counted noun, when
labelled) are compared exactly as :class:`~decimal.Decimal`; every expected non-quantity must be
classified with its category; and no quantity may appear that the labels do not list.

Sentences the extractor does not read correctly yet are listed in :data:`KNOWN_GAPS` with what goes
wrong; they run as strict xfails, so fixing the extractor turns them into failures until the entry is
removed. The labels themselves are never bent to fit the extractor.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck.claims import extract
from numcheck.claims.records import QUALIFIERS, QUANTITY_KINDS, Document
from numcheck.claims.units import unit_string

#: Sentence id → what the extractor gets wrong there (the params are strict xfails).
KNOWN_GAPS: dict[str, str] = {
    "business-024": "'£2-3m a year': '3m' read as metres, '£2' does not take the scale and rate",
    "business-042": "counted noun 'analysts' taken for '11 million analysts had expected'",
    "business-070": "'revised up to 3.1%' read as the bound 'up to'",
    "business-076": "noun of 'one bidder remains' taken as 'remains'",
    "politics-005": "'4' in 'between 4 and 6 February' read as a count, not a date",
    "politics-010": "age 'Mr Blair, 51,' read as a count, not a duration in years",
    "politics-015": "'Two-thirds' read as a count, not a ratio; capitalised noun 'MPs' missed",
    "politics-020": "noun of '40 more seats' missed",
    "politics-023": "noun of '100 Labour MPs' missed (capitalised modifier)",
    "politics-025": "noun of '34 English councils' missed (capitalised modifier)",
    "politics-040": "'Millions of pounds' read as a count, the currency after 'of' missed",
    "politics-047": "noun of '45,000 A4 leaflets' missed",
    "tech-002": "'PlayStation 2' read as a count; noun 'consoles' missed",
    "tech-006": "'Windows 2000' classified as a year, not a name",
    "tech-010": "noun 'iPods' cut to 'i'",
    "sport-005": "'£60,000 a week on ...' loses its rate; 'a four-year' surface includes the article",
    "sport-010": "noun of '67,000 watched' taken as the verb 'watched'",
    "sport-018": "'the Six Nations' read as a count, not a name",
    "sport-041": "age 'aged 33' read as a count; 'a one-year' surface includes the article",
    "entertainment-003": "age 'aged 73' read as a count; capitalised noun 'Grammys' missed",
    "entertainment-004": "noun of '11 Oscar nominations' missed (capitalised modifier)",
    "entertainment-019": "age 'The pianist, 57,' read as a count; 'over three years' read as more_than",
    "entertainment-025": "'50 Cent' read as a count, not a name",
    "entertainment-034": "noun of 'a handful of Bafta awards' missed",
    "general-036": "'18% a year since 1997' loses its rate (the 'since' guard)",
    "general-041": "'£1 billion a year on ...' loses its rate (the 'on' guard)",
}

LABELS = Path(__file__).parent / "labelled" / "news.yaml"
CATEGORIES = ("year", "date", "time", "ordinal", "identifier", "name", "score", "reference")
FIELDS = ("value", "lower", "upper", "unit", "kind", "qualifier")


def _load() -> list[dict[str, Any]]:
    """The labelled sentences, read with ``yaml.safe_load``."""
    with LABELS.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


SENTENCES = _load()


def _dec(x: str | None) -> Decimal | None:
    """A label's decimal string as a Decimal; ``None`` (an open bound) stays ``None``."""
    return None if x is None else Decimal(x)


def _expected_field(q: dict[str, Any], name: str) -> Any:
    """The labelled value of one field, numbers as Decimals so that "0.50" equals 0.5."""
    return _dec(q[name]) if name in ("value", "lower", "upper") else q[name]


def _quantity_problems(sentence: dict[str, Any], doc: Document) -> list[str]:
    """Missing, wrong and unexpected quantities, each as one line (expected vs actual)."""
    problems: list[str] = []
    unused = list(doc.quantities)
    for want in sentence["quantities"]:
        got = next((q for q in unused if q.text == want["text"]), None)
        if got is None:
            problems.append(f"missing quantity {want['text']!r}")
            continue
        unused.remove(got)
        for name in FIELDS + (("noun",) if "noun" in want else ()):
            expected, actual = _expected_field(want, name), getattr(got, name)
            if expected != actual:
                problems.append(f"{want['text']!r} {name}: expected {expected!r}, got {actual!r}")
    for q in unused:
        problems.append(f"unexpected quantity {q.text!r} ({q.value} {q.unit or q.kind}, {q.qualifier})")
    return problems


def _classified_problems(sentence: dict[str, Any], doc: Document) -> list[str]:
    """Labelled non-quantities that are not classified, or classified under another category."""
    problems: list[str] = []
    unused = list(doc.classified)
    for want in sentence["classified"]:
        got = next((c for c in unused if c.text == want["text"]), None)
        if got is None:
            problems.append(f"{want['text']!r} not classified (expected {want['category']})")
            continue
        unused.remove(got)
        if got.category != want["category"]:
            problems.append(f"{want['text']!r} category: expected {want['category']!r}, got {got.category!r}")
    return problems


def _params() -> list[Any]:
    """One param per sentence, id = the sentence id; known gaps are strict xfails."""
    params = []
    for s in SENTENCES:
        marks = ()
        if s["id"] in KNOWN_GAPS:
            marks = (pytest.mark.xfail(strict=True, reason=f"extractor gap: {KNOWN_GAPS[s['id']]}"),)
        params.append(pytest.param(s, id=s["id"], marks=marks))
    return params


@pytest.mark.parametrize("sentence", _params())
def test_sentence(sentence: dict[str, Any]) -> None:
    """The extractor reads the sentence exactly as labelled."""
    doc = extract(sentence["text"])
    problems = _quantity_problems(sentence, doc) + _classified_problems(sentence, doc)
    assert not problems, sentence["text"] + "\n  " + "\n  ".join(problems)


# --- the set itself ---------------------------------------------------------------------------

def test_set_is_large_enough() -> None:
    assert len(SENTENCES) >= 150
    assert sum(len(s["quantities"]) for s in SENTENCES) >= 300


def test_every_kind_qualifier_and_category_is_labelled() -> None:
    quantities = [q for s in SENTENCES for q in s["quantities"]]
    assert {q["kind"] for q in quantities} == set(QUANTITY_KINDS)
    assert {q["qualifier"] for q in quantities} == set(QUALIFIERS)
    assert {c["category"] for s in SENTENCES for c in s["classified"]} == set(CATEGORIES)


def test_every_unit_is_a_unit_of_the_shared_registry() -> None:
    """Each labelled unit is spelt as the project's pint registry prints it back."""
    units = sorted({q["unit"] for s in SENTENCES for q in s["quantities"]})
    assert [u for u in units if unit_string(u) != u] == []


def test_ids_are_unique_and_gaps_name_real_sentences() -> None:
    ids = Counter(s["id"] for s in SENTENCES)
    assert [i for i, n in ids.items() if n > 1] == []
    assert sorted(set(KNOWN_GAPS) - set(ids)) == []


@pytest.mark.parametrize("sentence", SENTENCES, ids=[s["id"] for s in SENTENCES])
def test_labels_are_well_formed(sentence: dict[str, Any]) -> None:
    """Surfaces occur in order; fields are in the contract; bounds agree with the qualifier."""
    text, pos = sentence["text"], 0
    for q in sentence["quantities"]:
        at = text.find(q["text"], pos)
        assert at >= 0, f"{q['text']!r} not found in order"
        pos = at + len(q["text"])
        assert q["kind"] in QUANTITY_KINDS and q["qualifier"] in QUALIFIERS
        assert (q["unit"] == "") == (q["kind"] in ("count", "ratio")), q
        value, lower, upper = _dec(q["value"]), _dec(q["lower"]), _dec(q["upper"])
        if q["qualifier"] in ("more_than", "at_least"):
            assert (lower, upper) == (value, None), q
        elif q["qualifier"] in ("less_than", "at_most"):
            assert (lower, upper) == (None, value), q
        elif q["qualifier"] == "vague":
            assert lower == value and upper is not None and upper > lower, q
        else:
            assert lower is not None and upper is not None and lower <= value <= upper, q
    for c in sentence["classified"]:
        assert c["text"] in text and c["category"] in CATEGORIES, c

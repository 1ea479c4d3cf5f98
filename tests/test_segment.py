"""Segmentation: sentences, run-together sentences, duplicates and boilerplate, offsets kept."""

from __future__ import annotations

import pytest

from numcheck.claims.segment import segment


def sentences(text: str) -> list[str]:
    seg = segment(text)
    return [text[s:e] for s, e in seg.sentences]


@pytest.mark.parametrize("text, expected", [
    ("It fell to 602 million the previous year.KaZaA, which used to be big, shrank.",
     ["It fell to 602 million the previous year.", "KaZaA, which used to be big, shrank."]),
    ('"It is no excuse," he added.The British industry agrees.',
     ['"It is no excuse," he added.', "The British industry agrees."]),
    ('according to the IFPI."One year of lawsuits," said Mr Kennedy.',
     ["according to the IFPI.", '"One year of lawsuits," said Mr Kennedy.']),
    ("Users fell from 4.2 million to 2.3 million. Sales rose.",
     ["Users fell from 4.2 million to 2.3 million.", "Sales rose."]),
    ("Mr. Smith of the U.S. said no. Dr. Jones agreed.",
     ["Mr. Smith of the U.S. said no.", "Dr. Jones agreed."]),
    ("The site is bbc.co.uk and costs $3.50 a month! Really? Yes.",
     ["The site is bbc.co.uk and costs $3.50 a month!", "Really?", "Yes."]),
], ids=["run-together", "quote-run-together", "quote-opens", "decimals-stay", "abbreviations", "urls-and-marks"])
def test_sentences(text, expected):
    assert sentences(text) == expected


def test_duplicate_paragraphs_and_boilerplate_are_skipped_with_notes():
    para = "The servers held eight terabytes of music and were seized today."
    text = f"Title\n{para}\nAnother paragraph here.\n{para}\n\nWe are processing your request. Please try again.\n"
    seg = segment(text)
    assert [n.kind for n in seg.notes] == ["duplicate_paragraph", "boilerplate"]
    dup = seg.notes[0]
    assert text[dup.start:dup.end] == para and dup.start == text.rindex(para)
    assert "repeats line 2" in dup.message
    assert sentences(text) == ["Title", para, "Another paragraph here."]


def test_short_repeated_lines_are_not_duplicates():
    text = "Results:\nSales rose.\nResults:\nCosts fell.\n"
    assert segment(text).notes == ()


def test_article_text_mentioning_please_try_again_is_kept():
    text = ('The minister said: "We failed, and we will please try again next year with a new plan '
            'that costs £5m more than the old one."')
    assert segment(text).skipped == ()


def test_view_has_same_length_and_folded_dashes():
    text = "Prices rose 10\u201315\u00a0per\u2009cent \u2014 a \u201cjump\u201d."
    seg = segment(text)
    assert len(seg.view) == len(text)
    assert seg.view == 'Prices rose 10-15 per cent - a "jump".'

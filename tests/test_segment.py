"""Segmentation: sentences, run-together sentences, duplicates and boilerplate, offsets kept."""

from __future__ import annotations

import re

import pytest

from numcheck.claims.segment import ascii_twin, fold, is_plain, segment


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


@pytest.mark.parametrize("text, plain", [
    ("Sales rose 5% to $3m.", True),
    ("Sales rose 5% to £3m, or €3.5m.", True),
    ("Café sales rose.", False),         # a letter: \w and case differ with re.ASCII
    ("2½ times", False),                 # a numeric character is \w
    ("a\x1cb", False),                   # Unicode \s, not ASCII \s
    ("a\u2028b", False),                 # a line separator is Unicode \s
], ids=["ascii", "currency-symbols", "accented-letter", "vulgar-fraction", "separator", "line-separator"])
def test_is_plain(text, plain):
    assert is_plain(text) is plain


@pytest.mark.parametrize("pattern", [r"\b(?:one|two)\b", r"(?i:\bup\s+\d+)", r"[^\W\da-z_]", r"\s+\S"])
def test_ascii_twin_matches_alike_on_plain_text(pattern):
    text = "£one two£ up 5, UP\x0b7 £Two; one_two and £x"
    assert is_plain(text)
    p = re.compile(pattern)
    assert [m.span() for m in ascii_twin(p).finditer(text)] == [m.span() for m in p.finditer(text)]


def test_fold_keeps_symbols_and_folds_tabs_and_returns():
    assert fold("£5\tm\r€") == "£5 m €"

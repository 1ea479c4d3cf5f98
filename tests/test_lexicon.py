"""lexicon: the prefix trees match what the alternations they replace matched."""

from __future__ import annotations

import re

import pytest

from numcheck.claims import lexicon as lx

SURFACES = lx._UNIT_SURFACES
WORDS = lx._NUMBER_WORDS + list(lx.ORDINAL_WORDS) + list(lx.VAGUE_WORDS)


def _texts(words: list[str]) -> list[str]:
    """Each word with gaps of several kinds, in two cases, cut short, and before what may follow."""
    out = []
    for w in words:
        for gap in (" ", "-", "  ", " - ", "\t"):
            spelled = w.replace(" ", gap)
            for after in ("", " ", "s", "-old", "-based", "'s", ".", "x", "2", " per hour", " cent", "é"):
                out += [spelled + after, spelled.upper() + after, spelled[:-1] + after]
    return out


@pytest.mark.parametrize("words, boundary, flags", [
    ([w for w in SURFACES if not w[0].isalpha()], False, 0),
    ([w for w in SURFACES if w[0].isalpha()], True, 0),
    ([w for w in SURFACES if w[0].isalpha()], True, re.IGNORECASE),
    (WORDS, True, re.IGNORECASE),
], ids=["unit-symbols", "unit-words", "unit-words-any-case", "number-words"])
def test_phrase_trie_matches_as_the_alternation(words, boundary, flags):
    # followed by the lookahead UNIT_AFTER puts after it, so that a shorter word must be tried
    tail = r"(?!-(?!old\b)[a-z]|'[a-z])"
    alternation = re.compile(lx.alternation(words, boundary=boundary) + tail, flags)
    trie = re.compile(lx.phrase_trie(words, boundary=boundary) + tail, flags)
    texts = _texts(words)
    assert [m and m.span() for m in map(trie.match, texts)] == [m and m.span() for m in map(alternation.match, texts)]

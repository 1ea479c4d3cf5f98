"""Normalise and segment a document without ever rewriting it.

Scraped text arrives with Unicode dashes and spaces, scraper boilerplate, paragraphs pasted twice and
sentences run together ("previous year.KaZaA"). Rather than cleaning the text (which would break
offsets), this module produces a *view* of the same length with dashes, spaces and quotes folded to
ASCII, a list of paragraphs to skip (with a note saying why) and the sentence spans of the rest.
Every offset it returns indexes the original text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .records import Note

# Length-preserving folds: one character in, one character out, so offsets survive.
_FOLD = str.maketrans({
    "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
    "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ", "\r": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
})

# str.translate looks every character up in a dict; a regex finds the few that need it.
_FOLDABLE = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")
_FOLDABLE_CHARS = frozenset(map(chr, _FOLD))
_ASCII_BYTES = bytes(range(128))

# Scraper boilerplate: phrases of web-page chrome that never belong to an article.
_BOILERPLATE = re.compile(
    r"""we\ are\ processing\ your\ request
      | thank\ you\ for\ your\ patience
      | an\ error\ (?:has\ )?occurred
      | due\ to\ inactivity\ on\ the\ page
      | please\ try\ again
      | (?:we|this\ site)\ uses?\ cookies
      | accept\ (?:all\ )?cookies
      | cookie\ (?:policy|settings|preferences)
      | sign\ up\ (?:for|to)\ (?:our|the)\ newsletter
      | subscribe\ to\ (?:our|the)\ newsletter
      | enable\ javascript
      | javascript\ is\ (?:disabled|required)
      | share\ this\ (?:article|story|page)
      | all\ rights\ reserved
    """,
    re.VERBOSE,
)
# One word of each phrase above: substring tests are far cheaper than the alternation, so a
# document is searched for the phrases only when it holds one of these.
_BOILERPLATE_WORDS = ("processing your", "thank you for", "error", "inactivity", "try again", "cookie",
                      "newsletter", "javascript", "share this", "rights reserved")
_BOILERPLATE_MAX_CHARS = 600  # a longer paragraph is article text that happens to use a phrase

# Words after which a period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen col lt sgt capt cpl rev hon sen rep gov pres
    vs v etc inc ltd co corp dept fig figs approx est mt ft jan feb mar apr jun jul aug
    sep sept oct nov dec e.g i.e u.s u.k u.n a.m p.m""".split()
)
# Terminators that may end a sentence: followed (after closing quotes) by a space and a character
# that is not a lower-case letter, or straight away by a capital or a quote. Decimal points and
# most mid-sentence dots never reach the Python-level test in :func:`_boundary`. Matched only at
# the terminators :func:`_terminators` finds with ``str.find``: searching for the pattern tried a
# character class at every offset (~10 ns a character).
_CUT_CANDIDATE = re.compile(r"""(?P<t>[.!?][.!?]*)["')\]]*(?=\s+[^\sa-z]|[^\W\da-z_]|["'])""")
_MIN_DUPLICATE_CHARS = 30
#: The four separators \x1c-\x1f: Unicode counts them as whitespace, re.ASCII does not.
_SEPARATORS = ("\x1c", "\x1d", "\x1e", "\x1f")


def is_plain(text: str) -> bool:
    """Whether every pattern matches ``text`` alike with and without re.ASCII: the text is ASCII
    (the four separators \\x1c-\\x1f excepted), save for caseless symbols ("£", "€", "°") that no
    ``\\w``, ``\\d``, ``\\s`` or case-insensitive test matches in either mode (every BBC article,
    once folded, is plain).

    >>> is_plain("up 3% to £5m"), is_plain("café"), is_plain("a\\x1fb")
    (True, False, False)
    """
    if any(sep in text for sep in _SEPARATORS):
        return False
    return text.isascii() or not any(
        c.isalnum() or c == "_" or c.isspace() or not c.lower() == c.upper() == c.casefold() == c
        for c in set(_non_ascii(text)))


def _non_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order. UTF-8 writes them with bytes >= 0x80
    only, so deleting the ASCII bytes leaves their encodings: C loops at memory speed, where a
    regular-expression class costs some 10 ns a character (63 -> 9 ms over the BBC corpus)."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` compiled with re.ASCII, to run on plain texts (:func:`is_plain`), where it finds the
    same matches: ``\\b``, ``\\w``, ``\\d`` and ``\\s`` become table look-ups instead of calls
    into the Unicode database (the number-word pass over the BBC corpus: 0.25 -> 0.16 s)."""
    return re.compile(pattern.pattern, (pattern.flags & ~re.UNICODE) | re.ASCII)


_CUT_CANDIDATE_ASCII = ascii_twin(_CUT_CANDIDATE)


@dataclass(frozen=True, slots=True)
class Segmented:
    """A document's view, kept paragraphs and sentences; all offsets index the original text."""

    text: str
    """The original text."""
    view: str
    """Same length as ``text``: dashes, spaces and quotes folded to ASCII."""
    lower: str
    """``view`` lower-cased, same length, for case-insensitive matching without re.IGNORECASE."""
    sentences: tuple[tuple[int, int], ...]
    """(start, end) of each sentence of the kept paragraphs, in order."""
    skipped: tuple[tuple[int, int, str], ...]
    """(start, end, reason) of each paragraph left out (duplicate, boilerplate)."""
    notes: tuple[Note, ...]
    """One note per skipped paragraph."""
    line_starts: tuple[int, ...]
    """Offset at which each line begins, for :meth:`line_of`."""
    sentence_starts: tuple[int, ...]
    """Offset at which each sentence begins, for :meth:`sentence_index`."""
    plain: bool = False
    """Whether ``view`` is plain (:func:`is_plain`), so the ASCII twins of patterns may run on it."""

    def line_of(self, offset: int) -> int:
        """1-based line number holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset)

    def sentence_index(self, offset: int) -> int:
        """Index of the last sentence starting at or before ``offset`` (0 before the first)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)


def fold(text: str) -> str:
    """Fold Unicode dashes, spaces and quotes to ASCII, keeping the length.

    >>> fold("4\u20135 \u201cup\u201d")
    '4-5 "up"'
    """
    if text.isascii() or _FOLDABLE_CHARS.isdisjoint(_non_ascii(text)):  # only tabs and returns to fold
        return text.replace("\t", " ").replace("\r", " ") if "\t" in text or "\r" in text else text
    return _FOLDABLE.sub(_fold_one, text)


def _fold_one(m: re.Match) -> str:
    return _FOLD[ord(m.group())]


def segment(text: str) -> Segmented:
    """Split ``text`` into paragraphs and sentences, skipping duplicates and boilerplate."""
    view = fold(text)
    lower = _lower(view)
    plain = is_plain(view)
    line_starts = _line_starts(text)
    sentences: list[tuple[int, int]] = []
    skipped: list[tuple[int, int, str]] = []
    notes: list[Note] = []
    seen: dict[str, int] = {}
    paragraphs = _paragraphs(view, line_starts)
    # Only a short paragraph may be boilerplate: they hold some 40% of the BBC text, which the
    # substring tests then scan instead of all of it.
    short = "\n".join([lower[s:e] for s, e in paragraphs if e - s <= _BOILERPLATE_MAX_CHARS])
    any_boilerplate = any(word in short for word in _BOILERPLATE_WORDS)
    for start, end in paragraphs:
        para = view[start:end]
        key = lower[start:end]
        if "  " in key:
            key = " ".join(key.split())
        line = bisect.bisect_right(line_starts, start)
        if any_boilerplate and _is_boilerplate(lower, start, end):
            skipped.append((start, end, "boilerplate"))
            notes.append(Note("boilerplate", f"line {line}: scraper boilerplate skipped "
                              f"({_preview(para)})", start, end))
            continue
        if len(key) >= _MIN_DUPLICATE_CHARS and key in seen:
            skipped.append((start, end, "duplicate"))
            notes.append(Note("duplicate_paragraph", f"line {line}: paragraph repeats line "
                              f"{seen[key]} and was checked once ({_preview(para)})", start, end))
            continue
        seen.setdefault(key, line)
        sentences.extend(split_sentences(view, start, end, plain))
    return Segmented(text, view, lower, tuple(sentences), tuple(skipped), tuple(notes), tuple(line_starts),
                     tuple(s for s, _ in sentences), plain)


def _line_starts(text: str) -> list[int]:
    """Offset of each line's first character: ``str.find`` runs in C, a regex pays per match."""
    starts = [0]
    i = text.find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _preview(para: str, width: int = 60) -> str:
    flat = " ".join(para.split())
    return f'"{flat[:width]}…"' if len(flat) > width else f'"{flat}"'


def _paragraphs(view: str, line_starts: list[int]) -> list[tuple[int, int]]:
    """Spans of non-blank lines; a line is a paragraph in scraped text."""
    spans = []
    ends = line_starts[1:]
    ends.append(len(view) + 1)
    for s, e in zip(line_starts, ends):
        e -= 1  # the line's newline (or the text's end)
        while s < e and view[s] == " ":
            s += 1
        while e > s and view[e - 1] == " ":
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _lower(view: str) -> str:
    lower = view.lower()
    if len(lower) != len(view):  # a few characters lower-case to two ("İ"); keep offsets exact
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in view)
    return lower


def _is_boilerplate(lower: str, start: int, end: int) -> bool:
    if end - start > _BOILERPLATE_MAX_CHARS:
        return False
    hits = _BOILERPLATE.findall(lower, start, end)
    # Two phrases, or one that opens the paragraph: article prose rarely does either.
    opening = start
    while opening < end and lower[opening] in " \"'":
        opening += 1
    return len(hits) >= 2 or bool(hits and _BOILERPLATE.match(lower, opening, end))


def split_sentences(view: str, start: int, end: int, plain: bool = False) -> list[tuple[int, int]]:
    """Sentence spans in ``view[start:end]``, including run-together ones ("year.KaZaA"); ``plain``
    says :func:`is_plain` holds for ``view``.

    >>> v = 'Sales fell 4.2% to $3m.The firm said so. Mr. Smith agreed.'
    >>> [v[s:e] for s, e in split_sentences(v, 0, len(v))]
    ['Sales fell 4.2% to $3m.', 'The firm said so.', 'Mr. Smith agreed.']
    """
    candidate = _CUT_CANDIDATE_ASCII if plain else _CUT_CANDIDATE
    spans = []
    begin = start
    searched = start  # where the last candidate ended, as finditer would go on from there
    for at in _terminators(view, start, end):
        m = candidate.match(view, at, end) if at >= searched else None
        if m is None:
            continue
        searched = m.end()
        cut = _boundary(view, m.start(), m.end("t"), end)
        if cut is None or cut <= begin:
            continue
        s, e = _trim(view, begin, cut)
        if s < e:
            spans.append((s, e))
        begin = cut
    s, e = _trim(view, begin, end)
    if s < e:
        spans.append((s, e))
    return spans


def _terminators(view: str, start: int, end: int) -> list[int]:
    """Offsets of ".", "!" and "?" in ``view[start:end]``, where a cut candidate may start, in order:
    ``str.find`` runs at memory speed, where ``re`` tests a character class at every offset."""
    found = []
    for mark in ".!?":
        i = view.find(mark, start, end)
        while i >= 0:
            found.append(i)
            i = view.find(mark, i + 1, end)
    found.sort()
    return found


def _trim(view: str, s: int, e: int) -> tuple[int, int]:
    while s < e and view[s].isspace():
        s += 1
    while e > s and view[e - 1].isspace():
        e -= 1
    return s, e


def _boundary(view: str, t0: int, t1: int, end: int) -> int | None:
    """Where the sentence ends if the terminator ``view[t0:t1]`` ends one, else ``None``."""
    if t1 >= end:
        return None
    if view[t0] == "." and t1 - t0 == 1 and _is_abbreviation(view, t0):
        return None
    j = t1
    while j < end and view[j] in "\"')]":
        j += 1
    if j >= end:
        return None
    nxt = view[j]
    if nxt.isspace():
        k = j
        while k < end and view[k].isspace():
            k += 1
        if k < end and (view[k].isupper() or view[k].isdigit() or view[k] in "\"'(["):
            return j
        return None
    # No space: a run-together sentence only when a word or figure ends on the period and a
    # capitalised word follows ("year.KaZaA", "$3m.The", 'IFPI."One'); never inside numbers ("4.2")
    # or after an initial ("J.Smith").
    if view[t0] != "." or t1 - t0 != 1:
        return None
    word = _word_before(view, t0)
    if len(word) < 2 or not word[-1].isalnum():
        return None
    if j > t1:  # quotes straight after the period open the next sentence
        after = view[j] if j < end else ""
        return t1 if after.isupper() else None
    if nxt.isupper() and j + 1 < end and view[j + 1].isalpha() and (
            view[j + 1].islower() or _has_lower(view, j + 1, end)):
        return t1
    return None


def _has_lower(view: str, i: int, end: int) -> bool:
    while i < end and view[i].isalpha():
        if view[i].islower():
            return True
        i += 1
    return False


def _word_before(view: str, i: int) -> str:
    k = i
    while k > 0 and (view[k - 1].isalnum() or view[k - 1] == "."):
        k -= 1
    return view[k:i]


def _is_abbreviation(view: str, t0: int) -> bool:
    word = _word_before(view, t0)
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.casefold() in _ABBREVIATIONS or ("." in word and len(word) <= 6 and word.replace(".", "").isalpha())

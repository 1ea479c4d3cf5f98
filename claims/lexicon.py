"""Word lists and the regular expressions built from them, compiled once at import."""

from __future__ import annotations

import re

from .numbers import FRACTION_CHARS as FC
from .numbers import FRACTION_WORDS, ORDINAL_WORDS, TENS_WORDS, UNITS_WORDS, VAGUE_WORDS  # noqa: F401 (re-exported)
from .segment import ascii_twin
from .units import CURRENCY_WORDS, PERIODS, UNIT_WORDS


def alternation(words, *, boundary: bool = True) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any run of space."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", r"[\s-]+")
        if boundary and w[-1].isalnum():
            p += r"\b"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


def phrase_trie(words, *, boundary: bool = True) -> str:
    r"""What :func:`alternation` matches, as a prefix tree of characters and word gaps: ``re`` reads
    it a character at a time where it tried the alternatives one after another (the 320 unit
    words of UNIT_AFTER at every number). Of two words that match at one place, one is the other's
    prefix; the tree tries the longer first, as the alternation does.

    >>> phrase_trie(["per cent", "percent", "%"], boundary=True)
    '(?:%|per(?:[\\s-]+cent\\b|cent\\b))'
    """
    end = object()  # a word ends here
    root: dict = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[end] = boundary and w[-1].isalnum()

    def emit(node: dict) -> str:
        alts = [(r"[\s-]+" if ch == " " else re.escape(ch)) + emit(sub)
                for ch, sub in sorted((k, v) for k, v in node.items() if k is not end)]
        if end in node:  # after every longer word
            alts.append(r"\b" if node[end] else "")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def words_of(pattern: str) -> list[str]:
    """Every word a finite regular expression (literals, ``[..]`` sets, ``|``, groups, ``?``)
    matches, so that a hand-written alternation can be rebuilt as a :func:`trie`.

    >>> words_of(r"ris(?:e|es)|hike[sd]?")
    ['rise', 'rises', 'hike', 'hikes', 'hiked']
    """
    from re import _constants as sre, _parser  # type: ignore[attr-defined]

    def sequence(items) -> list[str]:
        out = [""]
        for op, av in items:
            if op is sre.LITERAL:
                alts = [chr(av)]
            elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):
                alts = [chr(v) for _, v in av]
            elif op is sre.BRANCH:
                alts = [w for branch in av[1] for w in sequence(branch)]
            elif op is sre.SUBPATTERN:
                alts = sequence(av[3])
            elif op is sre.MAX_REPEAT and av[:2] == (0, 1):
                alts = [""] + sequence(av[2])
            else:
                raise ValueError(f"not a finite word list: {pattern!r}")
            out = [o + a for o in out for a in alts]
        return out

    return sequence(_parser.parse(pattern, re.VERBOSE))


def trie(words) -> str:
    """A regex matching exactly ``words``, factored by common prefix so ``re`` rejects fast.

    >>> trie(["one", "once", "two"])
    '(?:on(?:ce|e)|two)'
    """
    root: dict = {}
    for w in sorted(set(words)):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    return emit(root)


_NUMBER_WORDS = (list(UNITS_WORDS) + list(TENS_WORDS) + list(FRACTION_WORDS)
                 + ["hundred", "thousand", "million", "billion", "trillion", "dozen"])
_NW = phrase_trie(_NUMBER_WORDS)
_ORDINAL = phrase_trie(ORDINAL_WORDS)
_VAGUE = phrase_trie(VAGUE_WORDS)

#: One pass over the folded text finds every token that holds a digit or a number word.
TOKEN = re.compile(
    rf"""
    (?P<ident>                                   # letters glued to digits: MP3, G7, RAGEMP3, A4
        (?<![\w$£€¥])[A-Za-z]+\d[\w]*(?:[.\-]\w+)*
      | (?<![\w$£€¥])[A-Z]{{1,8}}-\d[\w]*         # COVID-19, F-16
    )
  | (?P<digits>
        (?<![\w.])(?<!\d,)
        (?:\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?![\d])        # 12,34,567 (Indian grouping)
          |\d{{1,3}}(?:,\d{{3}})+(?![\d])|\d+)(?:\.\d+)?  # 1,234,567.89 · 4.2 · 963
        (?:(?::|\.(?=\d+\s*[ap]\.?m\b))\d+)*     # 10:30, 9.30pm
        (?:\s?[{FC}]|/\d+|\s\d{{1,2}}/\d{{1,2}}(?![\d/]))?   # 2½, 3/4, 10 1/2
        (?P<glued>[A-Za-z]+\d*)?                 # 1.2bn, 21st, 1990s, 4G, 10m, 5km
      | (?<![\w.,])\.\d+                         # .5
      | (?<![\w])[{FC}]
    )
  | (?P<vague>                                   # several thousand, hundreds of thousands
        (?i:(?<![\w-])(?!scores\b(?!\s+of\b))         # "scores of fans", not "Rooney scores"
        (?:a\s+)?{_VAGUE}(?:\s+(?:of\s+)?(?:hundred|thousand|million|billion)s?\b)*)
    )
  | (?P<words>
        (?i:(?<![\w-])(?:(?:a|an)[\s-]+(?=(?:hundred|thousand|million|billion|trillion|dozen|{phrase_trie(FRACTION_WORDS)})))?
        {_NW}(?:(?:[\s-]+(?:and[\s-]+)?(?:a[\s-]+)?){_NW})*)
    )
  | (?P<ordinal>(?i:\b{_ORDINAL}))
  | (?P<inword>(?i:\b(?:{_NW}|{_ORDINAL})))  # first-half, no-one, multi-million
  | (?P<odd>[\d{FC}][\d.,{FC}]*)   # digits in no format we read: "a½0"
    """,
    re.VERBOSE,
)
TOKEN_ASCII = ascii_twin(TOKEN)  # for plain texts (segment.is_plain), as every twin below

#: Where a token may be: a digit, a vulgar fraction or a number word. Matched on the lower-cased
#: view, so the big word alternation runs without IGNORECASE (several times faster).
CANDIDATE_DIGIT = re.compile(rf"[\d{FC}]")  # every digit: one a token did not consume starts another
CANDIDATE_WORDS = frozenset(_NUMBER_WORDS + list(ORDINAL_WORDS) + [w for w in VAGUE_WORDS if " " not in w]
                            + ["handful", "couple", "few"])

#: A duration with an article for its number: "an hour", "half an hour", "a couple of days",
#: "another week", "a fortnight". Not a time reference ("a year ago", "a day after").
ARTICLE_DURATION = re.compile(
    r"""\b(?P<count>half\s+an?|(?:an?\s+)?couple\s+of|an?|another)\s+
        (?P<unit>hours?|days?|weeks?|fortnights?|months?|years?|decades?|minutes?|seconds?)\b
        (?P<and_half>\s+and\s+(?:a\s+)?half\b)?
        (?!\s+(?:ago|earlier|later|before|after|on|since|previously|back|or\s+so\s+ago))""",
    re.VERBOSE)

#: The unit words of ARTICLE_DURATION: found first (they are rarer than "a"), then read backwards.
DURATION_WORDS = ("hour", "day", "week", "fortnight", "month", "year", "decade", "minute", "second")
DURATION_FORMS = frozenset(DURATION_WORDS + tuple(w + "s" for w in DURATION_WORDS))
ARTICLE_ENDINGS = ("half a ", "half an ", "couple of ", "another ", "an ", "a ")

#: The candidate words and the duration words as one pattern, for one pass over a document: a pass
#: costs mostly its overhead at each offset, not the size of the word tree. All the words are
#: lower-case letters, so a match is a whole word: one pass finds what a pass for each would.
WORD_CANDIDATE = re.compile(r"\b" + trie(CANDIDATE_WORDS | DURATION_FORMS) + r"\b")
WORD_CANDIDATE_ASCII = ascii_twin(WORD_CANDIDATE)

#: Hedges and bounds that may stand right before a number (or its currency).
QUALIFIER_WORDS: dict[str, str] = {}
for _q, _words in {
    "approximate": ("approximately", "approx", "approx.", "about", "around", "roughly", "some",
                    "circa", "c.", "an estimated", "estimated", "nearly", "almost", "close to",
                    "just under", "just over", "just below", "just above", "getting on for",
                    "in the region of", "of the order of", "on the order of", "or so"),
    "more_than": ("more than", "over", "above", "in excess of", "upwards of", "exceeding", "beyond", ">"),
    "at_least": ("at least", "no less than", "no fewer than", "a minimum of", "not less than", "≥"),
    "less_than": ("less than", "fewer than", "under", "below", "short of", "<"),
    "at_most": ("at most", "up to", "no more than", "a maximum of", "not more than", "as many as",
                "as much as", "≤"),
}.items():
    for _w in _words:
        QUALIFIER_WORDS[_w] = _q

#: Scale word after a number ("4.2 million", "£1.2bn", "EUR 63.1 mn").
SCALE_AFTER = re.compile(
    r"""(?:[\s-]*(?P<word>hundred|thousand|million|billion|trillion|lakh|crore|dozen)s?\b
         |\s?(?P<abbr>bn|mn|mln|bln|tn|trn)\b)""",
    re.VERBOSE | re.IGNORECASE,
)

# Spaced unit words: one-letter abbreviations ("m", "g", "p") only count when glued to the digits,
# and words that are also common English ("won", "rand", "rs") never follow a number as a unit.
_NOT_SPACED = {"won", "rand", "rs", "stg", "try", "gel", "lak", "crc", "l", "cup", "degree", "rad"}
_UNIT_SURFACES = [w for w in UNIT_WORDS if (len(w) > 1 or not w.isalpha()) and w not in _NOT_SPACED] + [
    w for w in CURRENCY_WORDS if w not in _NOT_SPACED and (
        (len(w) > 1 and w.replace(" ", "").replace(".", "").isalpha()) or (len(w) == 1 and not w.isalpha()))]
#: "two thirds of a million", "a hundredth of a second", "a quarter of a percentage point".
OF_A = re.compile(r"\s+of\s+an?\s+")

#: Unit word after a number and its scale ("35%", "8 terabytes", "2.39bn rupees", "three-and-a-half years").
_UNIT_AFTER = rf"""(?:[\s-]?)(?P<unit>{phrase_trie([w for w in _UNIT_SURFACES if not w[0].isalpha()], boundary=False)}
                        |{phrase_trie([w for w in _UNIT_SURFACES if w[0].isalpha()])}(?!-(?!old\b)[a-z]|'[a-z]))"""
#: Matched against lower-case text: re.IGNORECASE makes this long alternation four times slower.
#: A unit word glued to a following word is part of a compound ("5-gram-heavy"), except an age:
#: "the 19-year-old" is 19 years.
UNIT_AFTER = re.compile(_UNIT_AFTER, re.VERBOSE)
_UNIT_AFTER_ANY_CASE = re.compile(_UNIT_AFTER, re.VERBOSE | re.IGNORECASE)
_UNIT_WINDOW = 80


def unit_after(text: str, pos: int) -> tuple[str, int] | None:
    """The unit word standing at ``pos`` of ``text`` (any case) and the offset where it ends.

    >>> unit_after("8 Terabytes (8,000 GB)", 1)
    ('terabytes', 11)
    """
    window = text[pos:pos + _UNIT_WINDOW]
    low = window.lower()
    m = UNIT_AFTER.match(low) if len(low) == len(window) else _UNIT_AFTER_ANY_CASE.match(window)
    return (m.group("unit").lower(), pos + m.end()) if m else None

#: The period of a rate ("per week", "a year", "/hr", "each month", "per annum").
RATE_AFTER = re.compile(
    rf"""(?:\s+(?:per|a|an|each|every)\s+|\s?/\s?)(?P<period>{phrase_trie(PERIODS)})
         (?![\s,]+(?:earlier|ago|later|before|after|previously|on|since|back))  # "a year earlier" is a time""",
    re.VERBOSE | re.IGNORECASE,
)

#: A counted noun after a count ("963 individuals", "two topsites", "33 file-swappers").
NOUN_AFTER = re.compile(r"(?:\s+of)?\s+(?P<a>[a-z][a-z]*(?:-[a-z]+)*)(?:\s+(?P<b>[a-z][a-z]*(?:-[a-z]+)*))?")
NOT_NOUNS = frozenset(
    """the a an and or of to in on at by for from with as is was are were be been has have had
    that this these those which who it its their his her per than more less while but if so
    percent times year years month months day days week weeks""".split()
)
COUNT_NOUNS = frozenset(
    """people jobs workers staff employees members users customers homes houses households cars
    votes voters fans children pupils students patients cases deaths troops soldiers copies
    players games matches films songs albums tracks files sites companies firms shares
    visitors viewers subscribers passengers""".split()
)

MONTHS = ("january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec").split()
MONTH = re.compile(rf"(?:{alternation([m.capitalize() for m in MONTHS])})\.?")

#: Words before a number that make it a reference, not an amount ("page 12", "section 3").
REFERENCE_WORDS = frozenset("""page pages p pp section sections article articles clause chapter paragraph
    para figure fig table number no nos room platform route junction flight line level grade class
    stage round week day version series season episode part item rule point question lot exit gate
    bay box unit apartment flat block floor suite door""".split())
#: Names whose number is part of the name ("Channel 4", "Radio 1").
NAME_WORDS = frozenset("channel radio bbc formula".split())
#: Words before a four-digit number that make it a year ("in 2004", "since 1997", "mid-2004").
YEAR_WORDS = frozenset("""in since by from until till to of between and or during before after early
    late mid the year years season fiscal financial spring summer autumn winter than for through
    around about circa c. election elections census budget class vintage""".split())


def ends_with_word(text: str, word: str) -> bool:
    """``re.search(rf"\\b{word}\\s*\\Z", text)`` without trying the pattern at every offset: whether
    ``text`` ends with the word ``word`` (which starts with a word character), then only whitespace.

    >>> ends_with_word("fell by  ", "by"), ends_with_word("nearby", "by"), ends_with_word("by", "by")
    (True, False, True)
    """
    t = text.rstrip()
    if not t.endswith(word):
        return False
    i = len(t) - len(word)
    return i == 0 or not is_word_char(t[i - 1])


def is_word_char(c: str) -> bool:
    """Whether ``c`` is a word character as ``re``'s ``\\w`` and ``\\b`` see it."""
    return c.isalnum() or c == "_"


def previous_word(view: str, start: int) -> tuple[str, int]:
    """The word right before ``start`` (one space or hyphen between) and where it starts.

    String operations, not an end-anchored regular expression: this runs once per number.

    >>> previous_word("the mid-2004 figures", 8)
    ('mid', 4)
    >>> previous_word("see page 12", 9)
    ('page', 4)
    """
    i = start
    if i > 0 and view[i - 1] in " -":
        i -= 1
    j = i
    while j > 0 and not view[j - 1].isspace() and view[j - 1] not in "-(\"":
        j -= 1
    return view[j:i], j


SPORT_CONTEXT = re.compile(
    r"""\b(?:won|win|wins|beat|beats|beaten|lost|lose|loses|draw|drew|drawn|victory|defeat|
        score|scored|scoreline|lead|led|trail|trailed|thrashed|thrashing|aggregate|sets?|
        goals?|match|game|final|semi-final|tie|clash|leg|half-time|full-time)\b""",
    re.VERBOSE | re.IGNORECASE,
)

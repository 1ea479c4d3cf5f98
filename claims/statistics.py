"""Reported statistics: test results ("t(28) = 2.20, p = .036") and descriptives ("M = 3.47, SD = 1.21").

A ``test_result`` claim holds the quantities of one reported significance test in the roles
``statistic``, ``df1``, ``df2`` (F only), ``N`` (χ² only) and ``p`` (absent for "ns"), with
attributes ``test`` (t, F, r, chi2, z, Q), ``test_text`` (as written: "χ²", "Qw"),
``test_comparison`` and ``p_comparison`` ("=", "<", ">"; "ns" for a p stated as not significant),
``one_tailed`` and ``one_tailed_word`` (the document says "one-tailed", "one-sided" or
"directional", which statcheck accepts as licence for a one-tailed reading).

The forms read are statcheck's APA forms and common variants: any spacing, a comma or semicolon
(or a parenthesis) before p, "p < . 001", scientific p (".5e-3"), thousands separators, decimal
df (Welch), a negative or Unicode-minus statistic, χ written as χ2, χ², chi2, chi-square, X2, x^2,
G² for likelihood-ratio χ², Q, Qw/Q-within and Qb/Q-between, and an MSE or effect size between
the statistic and p. Like statcheck, a "p" above 1, a t, r, Q or χ² with two df, an F with one,
and a z with any are not test results. A correlation outside −1 to 1 *is* read (and flagged by
the check) where statcheck drops it.

>>> from numcheck.claims import extract
>>> doc = extract("The effect held, t(28) = 2.20, p = .036.")
>>> claim = doc.claims[0]
>>> claim.kind, dict(claim.roles), claim.attributes["test"]
('test_result', {'statistic': 'q2', 'df1': 'q1', 'p': 'q3'}, 't')
>>> [(q.text, q.kind, str(q.lower), str(q.upper)) for q in doc.quantities]
[('28', 'count', '28', '28'), ('2.20', 'measure', '2.195', '2.205'), ('.036', 'ratio', '0.0355', '0.0365')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from .descriptives import find_descriptives
from .ledger import Draft, Ledger, Number, parse, rounding
from .records import Claim, Classified, Quantity
from .segment import Segmented

_TEST_RESULT = re.compile(r"""
    (?<![\w.])                                   # not inside a word or a number
    (?P<name>
        [tT] | F | r | [zZ]
      | Q (?: \s?-?\s? (?P<qkind>[wW](?:ithin)? | [bB](?:etween)?) )?   # Q, Qw, Q-within, Qb …
      | (?: χ | [Cc]hi | CHI | [Xx] ) (?: \s?(?:\^\s?2 | ² | _?2) | -?\s?square[ds]? )
      | G \s?(?:\^\s?2 | ² | 2)                  # likelihood-ratio chi-square
    )
    \s?
    (?: \(\s? (?P<df1>\d+(?:\.\d+)?)             # (df) or (df1, df2) or (df, N = n)
        (?: \s?,\s? (?P<df2>\d+(?:\.\d+)?) )?
        (?: \s?,\s? [Nn]\s?=\s? (?P<n>\d{1,3}(?:,\d{3})+ | \d+) )?
      \s?\) )?
    \s? (?P<tcmp>[<>=≤≥]) \s?
    (?P<stat> -?\s? (?: \d{1,3}(?:,\d{3})+(?:\.\d+)? | \d*\.?\d+ ) )
    (?: \s?[,;]\s? (?:MSE|SE|d|g|η\s?p?\s?[2²]|ηp[2²]|partial\s?η\s?[2²]|ω\s?[2²])
        \s?=\s? -?\d*\.?\d+ ){0,2}               # an MSE or effect size before p
    \s?[,;]?\s?\(?\s?
    (?: (?P<ns>[nN]\.?[sS])\b\.?                 # "ns", "n.s."
      | [pP]\s? (?P<pcmp>[<>=≤≥]) \s?
        (?P<p> \d?\.\s?\d+ (?:\s?[eE]\s?-\s?\d+)? ) )
""", re.VERBOSE)
_ONE_TAILED = re.compile(r"\bone[-\s]?(?:tailed|sided)\b|\bdirectional\b", re.IGNORECASE)
_COMPARISON = {"≤": "<", "≥": ">"}
#: Every form read holds one of these signs ("t(28) = 2.20", "p < .001", "M = 3.47"), so a text
#: without them holds no statistics. Five ``in`` tests scan at memchr speed: 0.9 ms over the 5
#: million characters of the BBC corpus, where one regex search for the same signs takes 66 ms.
_SIGNS = ("=", "<", ">", "≤", "≥")
_SINGLE_DF = ("t", "r", "Q", "chi2")


def find_statistics(seg: Segmented, quantities: list[Quantity], classified: list[Classified]
                    ) -> tuple[list[Quantity], list[Classified], list[Claim]]:
    """Typed quantities, classified tokens and claims for every reported test and descriptive.

    The returned quantities replace ``quantities`` (renumbered in text order); the claims still
    need numbering together with the document's other claims (:func:`number_claims`).
    """
    if not might_hold_statistics(seg.view):
        return quantities, classified, []  # most news text: the hook must cost next to nothing
    ledger = Ledger(seg, list(quantities), list(classified))
    tail = _ONE_TAILED.search(seg.view)
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []
    for m in _TEST_RESULT.finditer(seg.view):
        found = _test_result(ledger, m, tail)
        if found is not None:
            drafts.append(found)
            taken.append(m.span())
    drafts.extend(find_descriptives(ledger, taken))
    new_quantities, new_classified, ids = ledger.finish()
    claims = []
    for kind, s, e, roles, attributes in sorted(drafts, key=lambda d: d[1]):
        qs = sorted(roles.values(), key=lambda q: q.start)
        claims.append(Claim(
            "", kind, seg.text[s:e], s, e, seg.line_of(s), tuple(ids[q.id] for q in qs),
            {role: ids[q.id] for role, q in roles.items()}, attributes,
            seg.sentence_index(s)))
    return new_quantities, new_classified, claims


def might_hold_statistics(view: str) -> bool:
    """False when ``view`` has no comparison sign, so no test result or descriptive can be in it.

    >>> might_hold_statistics("Sales rose 5% to £3m."), might_hold_statistics("t(28) = 2.20, p = .036")
    (False, True)
    """
    return any(sign in view for sign in _SIGNS)


def number_claims(claims: list[Claim], statistics: list[Claim]) -> list[Claim]:
    """The relation finders' ``claims`` and the ``statistics`` claims in text order, numbered ``c1`` …

    ``claims`` come numbered in text order already, so without statistics they are returned as
    they are (no copies for the many documents without any).
    """
    if not statistics:
        return claims
    merged = sorted([*claims, *statistics], key=lambda c: c.start)  # stable: ties keep finder order
    return [replace(c, id=f"c{i}") for i, c in enumerate(merged, 1)]


def _test_result(ledger: Ledger, m: re.Match, tail: re.Match | None) -> Draft | None:
    """The draft claim of one matched test result; ``None`` if statcheck would not read it as one."""
    test, test_text = _test_of(m)
    df1, df2, n = m.group("df1"), m.group("df2"), m.group("n")
    parens = df1 is not None
    valid = (test == "z" and not parens) or (test == "F" and df2 is not None and n is None) or (
        test in _SINGLE_DF and parens and df2 is None and (n is None or test == "chi2"))
    stat = parse(m.group("stat"))
    tcmp = _COMPARISON.get(m.group("tcmp"), m.group("tcmp"))
    if not valid or (stat < 0 and (test in ("F", "chi2", "Q") or tcmp != "=")):
        return None
    p = parse(m.group("p")) if m.group("p") else None
    if p is not None and p > 1:
        return None  # not a probability: statcheck skips these too
    pcmp = "ns" if m.group("ns") else _COMPARISON.get(m.group("pcmp"), m.group("pcmp"))
    numbers = {"statistic": _statistic(m, stat, tcmp)}
    for role, group in (("df1", "df1"), ("df2", "df2"), ("N", "n")):
        if m.group(group) is not None:
            numbers[role] = _count(m, group)
    if p is not None:
        numbers["p"] = _p_value(m, p, pcmp)
    names = [(m.start("name"), m.end("name"), f"name of the {test_text} test statistic")]
    new = ledger.swap(m.span(), list(numbers.values()), names)
    if new is None:
        return None
    attributes = {"test": test, "test_text": test_text, "test_comparison": tcmp,
                  "p_comparison": pcmp, "one_tailed": tail is not None,
                  "one_tailed_word": tail.group(0) if tail else ""}
    return "test_result", m.start(), m.end(), dict(zip(numbers, new)), attributes


def _test_of(m: re.Match) -> tuple[str, str]:
    """(test, display name) of the matched test name."""
    name = m.group("name")
    if name in "tT":
        return "t", "t"
    if name in "zZ":
        return "z", "z"
    if name in ("F", "r"):
        return name, name
    if name.startswith("Q"):
        kind = (m.group("qkind") or "")[:1].lower()
        return "Q", "Q" + kind
    return "chi2", "G²" if name.startswith("G") else "χ²"


def _statistic(m: re.Match, value: Decimal, comparison: str) -> Number:
    """The statistic with the interval it was rounded from.

    A bound is read as statcheck reads it: "t < 2.2" at one decimal means t rounds below 2.2, so
    t < 2.15; "t > 2.2" means t > 2.25.
    """
    h = rounding(value)
    start, end = m.span("stat")
    if comparison == "<":
        return Number(start, end, value, None, value - h, "measure", "less_than", "<",
                      "a bound: the statistic rounds below the stated value")
    if comparison == ">":
        return Number(start, end, value, value + h, None, "measure", "more_than", ">",
                      "a bound: the statistic rounds above the stated value")
    return Number(start, end, value, value - h, value + h, "measure")


def _count(m: re.Match, group: str) -> Number:
    """A df or sample size: whole numbers are exact; a corrected df ("28.3") stands for its rounding."""
    value = parse(m.group(group))
    start, end = m.span(group)
    if value == value.to_integral_value():
        return Number(start, end, value, value, value, "count")
    h = rounding(value)
    return Number(start, end, value, value - h, value + h, "count")


def _p_value(m: re.Match, value: Decimal, comparison: str) -> Number:
    """The reported p as the interval it allows: rounding for "=", a bound for "<" and ">"."""
    start, end = m.span("p")
    if comparison == "<":
        return Number(start, end, value, Decimal(0), value, "ratio", "less_than", "<")
    if comparison == ">":
        return Number(start, end, value, value, Decimal(1), "ratio", "more_than", ">")
    h = rounding(value)
    return Number(start, end, value, max(Decimal(0), value - h), value + h, "ratio")

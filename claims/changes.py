"""Changes and multiples: "down 35% to 382 million … compared to 602 million", "doubled to £40m".

Quantities of a clause take roles from the words before them: "to X" is the ``to`` value, "from
X", "compared with X", "on X" the ``from`` value, "by X" or a percentage next to a direction word
("down 35%", "a 30% drop", "or 12.9%") the ``stated_change``. A clause may hold several changes
("sales rose 5% to £10m and profits fell 3% to £2m"): a role filled twice starts a new claim.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Iterable

from .drafts import BySentence, Draft, clauses, comparable, draft, left_of
from .lexicon import ends_with_word, trie, words_of
from .records import Quantity
from .segment import Segmented, ascii_twin

_UP = r"""ris(?:e|es|ing|en)|rose|increas(?:e|es|ed|ing)|jump(?:s|ed|ing)?|gain(?:s|ed|ing)?|
    gr(?:ow|ows|ew|own|owing|owth)|climb(?:s|ed|ing)?|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|
    boost(?:s|ed|ing)?|rebound(?:s|ed|ing)?|leap(?:s|t|ed|ing)?|swell(?:s|ed|ing)?|
    rais(?:e|es|ed|ing)|higher|hike[sd]?|up|upturn|expand(?:s|ed|ing)?|expansion|advanc(?:e|es|ed|ing)"""
_DOWN = r"""fall(?:s|ing|en)?|fell|drop(?:s|ped|ping)?|declin(?:e|es|ed|ing)|slump(?:s|ed|ing)?|
    plung(?:e|es|ed|ing)|plummet(?:s|ed|ing)?|cut(?:s|ting)?|loss(?:es)?|lost|los(?:e|es|ing)|
    decreas(?:e|es|ed|ing)|lower|shr(?:ink|inks|ank|unk|inking)|sl(?:id|ide|ides|iding)|
    slip(?:s|ped|ping)?|dip(?:s|ped|ping)?|tumbl(?:e|es|ed|ing)|s(?:ank|ink|inks|inking|unk)|
    reduc(?:e|es|ed|ing|tion)|contract(?:s|ed|ing|ion)|down|downturn|slid|eas(?:e|ed|ing)"""
#: Matched on the lower-cased view: no IGNORECASE, which is several times slower on an alternation;
#: the words as one prefix tree, which ``re`` rejects at a word's first letters instead of trying
#: some 40 alternatives at every word of every sentence.
UP_WORDS = frozenset(words_of(_UP))
_DIRECTION_WORD = trie(UP_WORDS | set(words_of(_DOWN)))
DIRECTION = re.compile(rf"\b{_DIRECTION_WORD}\b")
_DIRECTION_ASCII = ascii_twin(DIRECTION)  # for plain texts (segment.is_plain)
_FROM_BEFORE = re.compile(r"(?:\bfrom|\bcompared\s+(?:to|with)|\bagainst|\bversus|\bvs\.?|\bon)\s*\(?\s*\Z")
_TO_BEFORE = re.compile(r"\bto\s*\(?\s*\Z")
_CHANGE_BEFORE = re.compile(
    rf"""(?:\bby|(?:\b{_DIRECTION_WORD})\s+of|,?\s*\bor|\(|\ba|\ban)\s*\Z""", re.VERBOSE)
_AT_BEFORE = re.compile(rf"\b{_DIRECTION_WORD}\b[^,;]{{0,20}}\bat\s*\Z", re.VERBOSE)
_OF_BEFORE = re.compile(rf"\b{_DIRECTION_WORD}\s+of\s*\Z", re.VERBOSE)
_DIRECTION_BEFORE = re.compile(rf"\b{_DIRECTION_WORD}(?:\s+\w+ly)?\s*\Z", re.VERBOSE)
#: An amount right after a verb of change ("rose 2,300", "up 23,600", "shed 900"); a noun of change
#: before a bare number ("GDP growth two quarters ahead") does not state the amount of a change.
_VERB_BEFORE = re.compile(
    r"""\b(?:rose|risen|rises|jump(?:ed|s)|gain(?:ed|s)|grew|climb(?:ed|s)|surg(?:ed|es)|soar(?:ed|s)|
        up|fell|fallen|falls|drop(?:ped|s)|declin(?:ed|es)|slump(?:ed|s)|plung(?:ed|es)|
        plummet(?:ed|s)|slid|slipp(?:ed)|dipp(?:ed)|tumbl(?:ed|es)|sank|shed|lost|down|added|
        increas(?:ed|es)|decreas(?:ed|es)|cut|reduced)(?:\s+\w+ly)?\s*\Z""", re.VERBOSE)
_DIRECTION_AFTER = re.compile(rf"\s*(?:-\s*)?{_DIRECTION_WORD}\b", re.VERBOSE)
_NOT_AFTER_UP = re.compile(r"\s*(?:by\s+|from\s+|to\s+|\(|about\s+|almost\s+|nearly\s+)?[\d£$€¥(-]")
_APPOSITION = "apposition"
_NEW_SUBJECT = re.compile(r"\b(?:who|which|whose|and|while|whereas)\b")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_NAME_IN_GAP = re.compile(rf"(?<=[a-z,] )(?!(?:{_MONTHS})\b)[A-Z][a-z]+")
_ROLE_KINDS = frozenset({"count", "money", "percent", "percentage_point", "data_size", "measure",
                         "rate", "ratio"})

_MULTIPLE = re.compile(
    r"""\b(?:(?P<more>more\s+than\s+|almost\s+|nearly\s+)?
        (?:(?P<x2>doubl(?:e|ed|es|ing))|(?P<x3>tripl(?:e|ed|es|ing)|trebl(?:e|ed|es|ing))
          |(?P<x4>quadrupl(?:e|ed|es|ing))|(?P<half>halv(?:e|ed|es|ing))
          |(?P<fold>[a-z0-9.]+)-fold))\b""",
    re.VERBOSE,
)
#: A substring of every word _MULTIPLE matches: the regex, which tries "[a-z0-9.]+-fold" at every
#: word, runs only on the few clauses holding one.
_MULTIPLE_WORDS = ("doubl", "tripl", "trebl", "quadrupl", "halv", "-fold")
_FACTORS = {"x2": Decimal(2), "x3": Decimal(3), "x4": Decimal(4), "half": Decimal("0.5")}


def find_changes(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    """Change claims (NC101, NC102, NC104) and multiple claims (NC103), clause by clause."""
    lower = seg.lower
    direction = _DIRECTION_ASCII if seg.plain else DIRECTION
    for idx, qs in by_sentence.items():
        s0, e0 = seg.sentences[idx]
        # Direction words are found once per sentence (a word never spans a clause break), and a
        # sentence with neither a direction nor a multiple is not cut into clauses at all.
        found = [d for d in direction.finditer(lower, s0, e0) if _usable(seg, d)]
        sentence = lower[s0:e0]
        multiples = any(w in sentence for w in _MULTIPLE_WORDS)
        if not found and not multiples:
            continue
        for cs, ce in clauses(seg, s0, e0):
            in_clause = [q for q in qs if cs <= q.start < ce and q.kind in _ROLE_KINDS]
            if not in_clause:
                continue
            clause = lower[cs:ce]
            multiple = _MULTIPLE.search(lower, cs, ce) if multiples and any(
                w in clause for w in _MULTIPLE_WORDS) else None
            if multiple:
                yield from _multiple(seg, idx, cs, in_clause, multiple)
                continue
            directions = [d for d in found if cs <= d.start() and d.end() <= ce]
            if directions:
                yield from _changes_in_clause(seg, idx, cs, in_clause, directions)


def _usable(seg: Segmented, d: re.Match) -> bool:
    """"up"/"down" are directions only before a figure ("up 5%", "down from"), not in "set up"."""
    return d.group(0) not in ("up", "down") or bool(_NOT_AFTER_UP.match(seg.lower, d.end()))


def _changes_in_clause(seg: Segmented, idx: int, cs: int, qs: list[Quantity],
                       directions: list[re.Match]) -> Iterable[Draft]:
    groups: list[dict[str, Quantity]] = [{}]
    loose: list[Quantity] = []
    prev_end = cs
    for q in qs:
        role = _role(seg, q, left_of(seg, q, prev_end))
        # A new direction word between two figures starts a new change ("at five, up from 13,
        # Stephen Fry rising nine places to 15"), as does a role filled twice.
        # A new subject between two figures starts a new change ("at five, up from 13 in 2004,
        # Stephen Fry rising nine places to 15"); "…, up from £3.0bn" and "…, up 0.2 points"
        # continue the one before.
        gap = seg.lower[prev_end:q.start]
        turned = bool(groups[-1]) and (_NAME_IN_GAP.search(seg.view, prev_end, q.start) is not None or (
            len(gap) > 25 and _NEW_SUBJECT.search(gap) is not None))
        if role == _APPOSITION:
            last = qs[qs.index(q) - 1] if qs.index(q) > 0 else None
            role = "stated_change" if last is not None and last in groups[-1].values() else None
        prev_end = q.end
        if role is None:
            loose.append(q)
            continue
        if role in groups[-1] or turned:
            groups.append({})
        groups[-1][role] = q
    for roles in groups:
        _infer_to(roles, loose)
        d = _as_change(seg, idx, roles, directions)
        if d is not None:
            yield d


def _role(seg: Segmented, q: Quantity, left: str) -> str | None:
    if _FROM_BEFORE.search(left):
        return "from"
    if _TO_BEFORE.search(left) and not left.endswith(("up to ", "close to ", "equal to ")):
        return "to"
    if _AT_BEFORE.search(left):
        return "to"  # "down 3.2% at 1.42 million"
    if _OF_BEFORE.search(left):
        return "stated_change"  # "a rise of 0.25 percentage points", "a fall of 6.1%"
    if q.kind in ("percent", "percentage_point", "ratio"):
        if _DIRECTION_BEFORE.search(left) or _DIRECTION_AFTER.match(seg.lower, q.end):
            return "stated_change"
        if ends_with_word(left, "by") or (_CHANGE_BEFORE.search(left) and _DIRECTION_AFTER.match(seg.lower, q.end)):
            return "stated_change"
        if left.rstrip().endswith("(") or ends_with_word(left, "or"):
            return _APPOSITION  # "fell from 7,613 to 6,630, or 12.9%": only right after the to value
    elif ends_with_word(left, "by") or _VERB_BEFORE.search(left):
        return "stated_change"
    return None


def _infer_to(roles: dict[str, Quantity], loose: list[Quantity]) -> None:
    """"Sales were £3.4bn, up 12% from £3.0bn": the figure before the change is its ``to`` value."""
    start = roles.get("from")
    if start is None or "to" in roles:
        return
    before = [q for q in loose if q.end <= min(r.start for r in roles.values()) and comparable(q, start)]
    if before:
        roles["to"] = before[-1]


def _as_change(seg: Segmented, idx: int, roles: dict[str, Quantity],
               directions: list[re.Match]) -> Draft | None:
    start, end, change = roles.get("from"), roles.get("to"), roles.get("stated_change")
    if start is not None and end is not None and not comparable(start, end):
        return None
    if start is not None and end is not None:
        pass
    elif change is None or change.kind not in ("percent", "percentage_point", "ratio"):
        if change is None or (start or end) is None:
            return None
    anchor = change or end or start
    assert anchor is not None
    d = min(directions, key=lambda m: abs(m.start() - anchor.start))
    return draft("change", roles, idx, start=min(d.start(), anchor.start),
                 direction="up" if d.group(0) in UP_WORDS else "down", direction_word=d.group(0))


def _multiple(seg: Segmented, idx: int, cs: int, qs: list[Quantity], m: re.Match) -> Iterable[Draft]:
    factor_q = None
    if m.group("fold"):
        factor_q = next((q for q in qs if q.start <= m.start("fold") < q.end or q.end == m.end("fold")), None)
        factor = factor_q.value if factor_q is not None else _fold_digits(m.group("fold"))
        if factor is None:
            return
    else:
        factor = next(_FACTORS[k] for k in _FACTORS if m.group(k))
    roles: dict[str, Quantity] = {}
    prev_end = cs
    for q in qs:
        if q is factor_q:
            continue
        left = left_of(seg, q, prev_end)
        prev_end = q.end
        role = "from" if _FROM_BEFORE.search(left) else "to" if _TO_BEFORE.search(left) else None
        if role and role not in roles:
            roles[role] = q
    if not roles or ("from" in roles and "to" in roles and not comparable(roles["from"], roles["to"])):
        return
    if factor_q is not None:
        roles["factor"] = factor_q
    bound = (m.group("more") or "").split()[0] if m.group("more") else ""
    yield draft("multiple", roles, idx, start=m.start(), end=m.end(), factor=str(factor),
                word=m.group(0), bound=bound)


def _fold_digits(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except ArithmeticError:
        return None

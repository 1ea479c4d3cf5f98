"""Totals, increments, averages and shares: claims that relate parts to a whole.

- increment: "suing 33 … This would bring to 90 the total" (roles ``added``, ``total``, and
  ``earlier`` when the text states the earlier total: "had already sued 57").
- parts_total: "a total of 90: 50 in England, 30 in Scotland and 10 in Wales" (``total``,
  ``part1`` …); ``attributes.exhaustive`` is false after "including" or "such as".
- average: "26 cases … a total of £50,000, an average of £1,900 each" (``total``, ``count``,
  ``average``).
- share: "120 (12.5%) of the 963 defendants", "12.5% of the 963 defendants, or 120" (``part``,
  ``whole``, ``share``).
"""

from __future__ import annotations

import re
from typing import Iterable

from .drafts import BySentence, Draft, comparable, draft, left_of
from .records import Quantity
from .segment import Segmented, ascii_twin

_TOTAL_BEFORE = re.compile(
    r"""\b(?:bring|brings|bringing|brought|take|takes|taking|took|taken|push|pushes|pushing|
        pushed|lift|lifts|lifting|lifted|rais(?:e|es|ed|ing))
        (?:\s+(?:the|its|their|our)(?:\s+\w+){1,6}?)?\s+to\s*\Z""",
    re.VERBOSE,
)
_TOTAL_WORD = re.compile(r"\b(?:total|tally|overall|altogether|in\s+all|number)\b")
#: Substrings that every _TOTAL_WORD match holds ("all" covers "tally", "overall" and "in all").
_TOTAL_WORDS = ("total", "all", "altogether", "number")
_ANAPHOR = re.compile(r"\s*[\"']?(?:this|that|it|which|these|they)\b")
_EARLIER_BEFORE = re.compile(r"\b(?:already|so\s+far|to\s+date|previously|until\s+now|hitherto)\b[^.;]{0,40}\Z")
_TOTAL_OF = re.compile(r"(?:\ba\s+)?\btotal(?:ling|led|ed|s)?(?:\s+of)?\s*\Z|\bin\s+all\s*\Z")
_TOTAL_AFTER = re.compile(r"\s*(?:in\s+total|altogether|in\s+all)\b")
_PARTS_INTRO = re.compile(
    r"""(?:\s+[a-z]+){0,6}\s*(?::|\s-\s|,\s*(?:made\s+up\s+of|comprising|consisting\s+of|of\s+which|split\s+between|
        divided\s+(?:between|into)|(?P<partial>including|among\s+them|such\s+as)))""", re.VERBOSE)
_PARTS_OUTRO = re.compile(
    r""",?\s*(?:making|giving|for|with)?\s*(?:a\s+)?(?:total(?:ling)?|combined\s+total)(?:\s+of)?\s*\Z""",
    re.VERBOSE)
_AVERAGE_BEFORE = re.compile(r"\b(?:averag(?:e|es|ed|ing)|an\s+average\s+of|mean(?:\s+of)?)\s*(?:of\s+)?\Z")
_AVERAGE_AFTER = re.compile(r"\s*(?:each|apiece|a\s+head|per\s+(?:person|head|case|item)|on\s+average)\b")
#: For plain texts (segment.is_plain).
_PARTS_INTRO_ASCII, _AVERAGE_AFTER_ASCII = ascii_twin(_PARTS_INTRO), ascii_twin(_AVERAGE_AFTER)
_SHARE_OF = re.compile(r"\s*(?:\)\s*)?(?:,\s*)?(?:of|out\s+of)\s+(?:the|its|their|all|these|those)?\s*")


def find_aggregates(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    """Increment, parts-total, average and share claims."""
    yield from _increments(seg, by_sentence)
    for idx, qs in by_sentence.items():
        yield from _parts_totals(seg, idx, qs)
        yield from _shares(seg, idx, qs)
    yield from _averages(seg, by_sentence)


def _increments(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    for idx, qs in by_sentence.items():
        s0, e0 = seg.sentences[idx]
        sentence = seg.lower[s0:e0]
        if not any(w in sentence for w in _TOTAL_WORDS) or not _TOTAL_WORD.search(seg.lower, s0, e0):
            continue
        for i, q in enumerate(qs):
            if q.kind != "count" or not _TOTAL_BEFORE.search(seg.lower, max(s0, q.start - 80), q.start):
                continue
            added = next((p for p in reversed(qs[:i]) if p.kind == "count"), None)
            if added is None and _ANAPHOR.match(seg.lower, s0) and idx - 1 in by_sentence:
                added = next((p for p in reversed(by_sentence[idx - 1]) if p.kind == "count"), None)
            if added is None:
                continue
            roles = {"added": added, "total": q}
            earlier = _earlier_total(seg, by_sentence, idx, added)
            if earlier is not None:
                roles["earlier"] = earlier
            yield draft("increment", roles, idx)


def _earlier_total(seg: Segmented, by_sentence: BySentence, idx: int, added: Quantity) -> Quantity | None:
    """A count stated earlier as the running total ("had already sued 57 people")."""
    for j in range(idx - 1, -1, -1):
        for q in reversed(by_sentence.get(j, [])):
            if q is added or q.kind != "count" or q.start >= added.start:
                continue
            s = seg.sentences[j][0]
            if _EARLIER_BEFORE.search(seg.lower, s, q.start):
                return q
    return None


def _parts_totals(seg: Segmented, idx: int, qs: list[Quantity]) -> Iterable[Draft]:
    s0, e0 = seg.sentences[idx]
    for i, total in enumerate(qs):
        intro = (_PARTS_INTRO_ASCII if seg.plain else _PARTS_INTRO).match(seg.lower, total.end)
        if intro and (_TOTAL_OF.search(left_of(seg, total, s0)) or _TOTAL_AFTER.match(seg.lower, total.end)
                      or intro.group(0).rstrip().endswith(":")):
            parts = _run_of_parts(seg, qs[i + 1:], total)
            # each part is less than the whole ("has one clear upside: one risk in one region" is not one)
            if len(parts) >= 2 and all(p.value < total.value for p in parts):
                yield draft("parts_total", {"total": total, **{f"part{k}": p for k, p in enumerate(parts, 1)}},
                            idx, exhaustive=not intro.group("partial"))
                return
        if i >= 2 and _PARTS_OUTRO.search(left_of(seg, total, qs[i - 1].end)):
            parts = [p for p in qs[:i] if comparable(p, total) and p.qualifier == "exact"]
            # "Twenty-two Maori and four others … played a total of 107 matches": different nouns
            nouns = {p.noun for p in parts}
            same_thing = len(nouns) == 1 and (not total.noun or nouns == {total.noun}) and not any(
                _AVERAGE_BEFORE.search(left_of(seg, p, s0)) for p in parts)
            if len(parts) >= 2 and same_thing and len(parts) == len([p for p in qs[:i] if p.kind == total.kind]):
                yield draft("parts_total", {"total": total, **{f"part{k}": p for k, p in enumerate(parts, 1)}},
                            idx, exhaustive=True)
                return


def _run_of_parts(seg: Segmented, rest: list[Quantity], total: Quantity) -> list[Quantity]:
    """Comparable quantities after the total, stopping at the first that is not one."""
    parts = []
    for q in rest:
        if not comparable(q, total) or q.qualifier != "exact":
            break
        parts.append(q)
    return parts


def _averages(seg: Segmented, by_sentence: BySentence) -> Iterable[Draft]:
    for idx, qs in by_sentence.items():
        s0, _ = seg.sentences[idx]
        for avg in qs:
            left = left_of(seg, avg, s0)
            if not (("averag" in left or "mean" in left) and _AVERAGE_BEFORE.search(left)
                    or (_AVERAGE_AFTER_ASCII if seg.plain else _AVERAGE_AFTER).match(seg.lower, avg.end)):
                continue
            window = by_sentence.get(idx - 1, []) + qs
            others = [q for q in window if q is not avg and comparable(q, avg) and q.qualifier != "vague"]
            # prefer a figure called a total; else the one other amount of the same unit nearby
            # ("paid out £3.6m to 1,200 victims, an average of £3,000 each")
            marked = [q for q in others if _TOTAL_OF.search(left_of(seg, q, seg.sentences[q.sentence][0]))
                      or _TOTAL_AFTER.match(seg.lower, q.end)]
            total = marked[0] if marked else (others[0] if len(others) == 1 and avg.kind == "money" else None)
            count = next((q for q in window if q.kind == "count" and q.unit == "" and q.noun
                          and q is not avg and q is not total and q.qualifier in ("exact", "approximate")), None)
            if total is not None and count is not None:
                yield draft("average", {"total": total, "count": count, "average": avg}, idx)


def _shares(seg: Segmented, idx: int, qs: list[Quantity]) -> Iterable[Draft]:
    counts = [q for q in qs if q.kind == "count" and q.unit == ""]
    percents = [q for q in qs if q.kind == "percent"]
    for share in percents:
        part = next((c for c in counts if _adjacent(seg, c, share)), None)
        if part is None:
            continue
        whole = next((c for c in counts if c is not part and c.start > min(part.start, share.start)
                      and _SHARE_OF.fullmatch(seg.lower, max(part.end, share.end), c.start)), None)
        if whole is None:
            whole = next((c for c in counts if c is not part and c.end <= part.start
                          and re.search(r"\b(?:of|out\s+of)\s+(?:the|its|their|all)?\s*\Z",
                                        seg.lower[max(0, c.start - 20):c.start])), None)
        if whole is not None and whole.value > part.value:
            yield draft("share", {"part": part, "whole": whole, "share": share}, idx)


def _adjacent(seg: Segmented, count: Quantity, share: Quantity) -> bool:
    """"120 (12.5%)", "120, or 12.5%,", "12.5%, or 120," - the two name the same part."""
    lo, hi = (count, share) if count.end <= share.start else (share, count)
    gap = seg.lower[lo.end:hi.start]
    return bool(re.fullmatch(r"\s*(?:\(|,?\s*or\s+|,\s*)\s*(?:about\s+|some\s+|nearly\s+|almost\s+)?", gap))

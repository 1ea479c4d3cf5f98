"""Explicit claims: a change, share, total, average or rate written as fields with quoted figures,
and research statistics (a reported test, or descriptives for GRIM/GRIMMER/DEBIT).

```yaml
claims:
  - id: germany-downloads
    change: {from: 602 million, to: 382 million, by: -35%}
```

Each figure is read by numcheck's own extraction, exactly as it would be read in prose ("602
million" stands for 601.5–602.5 million, "about 35%" is widened like any hedge), and the fields
become a :class:`~numcheck.claims.records.Claim` with the roles the checks read; the registered
checks then run on it as on any claim. A signed change ("-35%", "-£2m") is a fall.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from ..checks import check_document
from ..claims import extract
from ..claims.records import SEVERITIES, VERDICTS, Claim, Document, Quantity
from .claim_findings import Finding, Outcome, from_result
from .claimfile_base import COMMON_FIELDS, FileContext, Marks, header, item_label
from .claimfile_yaml import ClaimFileError, YamlList, YamlMap, check_fields, choice, mapping, text

#: Claim kind in the file → (claim kind of the records, fields, required fields).
KINDS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "change": ("change", ("from", "to", "by"), ("by",)),
    "share": ("share", ("part", "whole", "share"), ("part", "whole", "share")),
    "total": ("parts_total", ("total", "parts"), ("total", "parts")),
    "average": ("average", ("total", "count", "average"), ("total", "count", "average")),
    "rate": ("rate_equivalence", ("stated", "restated"), ("stated", "restated")),
}
#: Research statistics, written as a reported test ("t(28) = 2.20, p = .036") or as descriptives
#: fields; both become the sentence a results section would hold, read by the same finders (NC2xx).
STAT_KINDS: dict[str, tuple[str, ...]] = {
    "statistic": ("test", "one-tailed"),
    "descriptives": ("mean", "sd", "n", "items", "binary"),
}
#: Field name → the role the checks read it in.
ROLES = {"by": "stated_change", "stated": "first", "restated": "second"}
EXPLICIT_FIELDS = COMMON_FIELDS + tuple(KINDS) + tuple(STAT_KINDS) + ("expect", "severity")
#: Scale words a misspelt noun after a figure is compared with.
_SCALES = ("thousand", "million", "billion", "trillion")


@dataclass(frozen=True, slots=True)
class ExplicitClaim:
    """A claim built from fields: its records, and the verdict (default consistent) it must get."""

    id: str
    line: int
    marks: Marks
    path: str
    document: Document
    """The fields as a tiny document: its text lists them, its one claim relates them."""
    expect: str = "consistent"
    severity: str | None = None

    def run(self, ctx: FileContext) -> Outcome:
        doc = check_document(self.document, ctx.settings)
        outcome = Outcome()
        for r in doc.results:
            outcome.record(r)
        if not doc.results:
            claim = doc.claims[0]
            outcome.failures.append(Finding(self.path, claim.line, "", "no check could recompute this claim "
                                            f"from {claim.text!r} (do the figures share a unit?)"))
        for r in doc.results:
            if r.verdict != self.expect or (self.severity and r.severity != self.severity):
                prefix = "" if self.expect == "consistent" else f"expected {self.expect}: "
                outcome.failures.append(from_result(doc, r, self.path, r.line, prefix, context="fields"))
        return outcome


def is_explicit(item: YamlMap) -> bool:
    return any(kind in item for kind in (*KINDS, *STAT_KINDS))


def parse_explicit(item: YamlMap, path: str) -> ExplicitClaim:
    """An explicit claim from its mapping: exactly one kind key, its figures parsed now."""
    check_fields(item, path, item_label(item, "claim"), EXPLICIT_FIELDS, ("id",))
    head = header(item, path, "a claim")
    label = f"claim '{head.id}'"
    kinds = [k for k in (*KINDS, *STAT_KINDS) if k in item]
    if len(kinds) != 1:
        raise ClaimFileError(path, item.line, f"{label} has {', '.join(kinds)}: one claim per item")
    kind = kinds[0]
    expect = choice(item, "expect", VERDICTS, path, label, "consistent")
    severity = choice(item, "severity", SEVERITIES, path, label)
    if kind in STAT_KINDS:
        fields = mapping(item[kind], path, item.key_lines[kind], f"'{kind}' of {label}")
        required = ("test",) if kind == "statistic" else ("mean", "n")
        check_fields(fields, path, f"the {kind} of {label}", STAT_KINDS[kind], required)
        doc = _statistics_document(kind, fields, path, item.key_lines[kind])
        return ExplicitClaim(head.id, head.line, head.marks, path, doc, expect, severity)
    record_kind, allowed, required = KINDS[kind]
    fields = mapping(item[kind], path, item.key_lines[kind], f"'{kind}' of {label}")
    check_fields(fields, path, f"the {kind} of {label}", allowed, required)
    doc = _document(kind, record_kind, fields, path, item.key_lines[kind])
    return ExplicitClaim(head.id, head.line, head.marks, path, doc, expect, severity)


def _document(kind: str, record_kind: str, fields: YamlMap, path: str, line: int) -> Document:
    """The fields as text ("from: 602 million; to: …"), their quantities and the one claim."""
    pieces: list[str] = []
    quantities: list[Quantity] = []
    roles: dict[str, str] = {}
    attributes: dict[str, object] = {"exhaustive": True} if kind == "total" else {}
    for name, written, at in _figures(fields, path):
        prefix = "; ".join(pieces) + ("; " if pieces else "") + f"{name}: "
        q = parse_figure(written, path, at)
        if name == "by":
            q, attributes = _magnitude(q)
        q = replace(q, id=f"q{len(quantities) + 1}", start=q.start + len(prefix), end=q.end + len(prefix),
                    line=at)
        pieces.append(f"{name}: {written}")
        quantities.append(q)
        roles[_role(name)] = q.id
    body = "; ".join(pieces)
    claim = Claim("c1", record_kind, body, 0, len(body), line, tuple(q.id for q in quantities), roles, attributes)
    return Document(path=path, text=body, quantities=tuple(quantities), claims=(claim,),
                    sentences=((0, len(body)),))


def _statistics_document(kind: str, fields: YamlMap, path: str, line: int) -> Document:
    """The sentence a results section would hold, extracted as prose, its one claim at ``line``.

    ``statistic: {test: "t(28) = 2.20, p = .036", one-tailed: true}``;
    ``descriptives: {mean: "3.47", sd: "1.21", n: "28", items: "5", binary: true}``.
    """
    if kind == "statistic":
        sentence = text(fields, "test", path, "the statistic")
        if _flag(fields, "one-tailed", path):
            sentence += " (one-tailed)"
        wanted = "test_result"
    else:
        parts = [f"M = {text(fields, 'mean', path, 'the descriptives')}"]
        if "sd" in fields:
            parts.append(f"SD = {text(fields, 'sd', path, 'the descriptives')}")
        parts.append(f"N = {text(fields, 'n', path, 'the descriptives')}")
        sentence = ", ".join(parts)
        if "items" in fields:
            sentence += f" on a {text(fields, 'items', path, 'the descriptives')}-item scale"
        if _flag(fields, "binary", path):
            sentence += " (binary data)"
        wanted = "descriptives"
    doc = extract(sentence + ".", path)
    claims = [c for c in doc.claims if c.kind == wanted]
    if len(claims) != 1:
        raise ClaimFileError(path, line, f"numcheck reads no {wanted.replace('_', ' ')} in {sentence!r}")
    return replace(doc, claims=(replace(claims[0], line=line),),
                   quantities=tuple(replace(q, line=line) for q in doc.quantities))


def _flag(fields: YamlMap, key: str, path: str) -> bool:
    if key not in fields:
        return False
    if not isinstance(fields[key], bool):
        raise ClaimFileError(path, fields.key_lines[key], f"'{key}' must be true or false")
    return fields[key]


def _figures(fields: YamlMap, path: str) -> list[tuple[str, str, int]]:
    """(field, figure as written, line) in field order; a list field ("parts") gives several."""
    out = []
    for name in fields:
        value = fields[name]
        if isinstance(value, YamlList):
            if len(value) < 2:
                raise ClaimFileError(path, fields.key_lines[name], f"'{name}' needs at least two figures")
            for i, raw in enumerate(value.raw):
                if raw is None:
                    raise ClaimFileError(path, value.item_lines[i], f"each of '{name}' must be one figure")
                out.append((f"{name[:-1]} {i + 1}" if name.endswith("s") else name, raw, value.item_lines[i]))
        else:
            out.append((name, text(fields, name, path, f"'{name}'"), fields.key_lines[name]))
    return out


def _role(name: str) -> str:
    """The role the checks read a field in ("part 2" → part2, "by" → stated_change)."""
    if name.startswith("part "):
        return "part" + name.split()[1]
    return ROLES.get(name, name)


def parse_figure(written: str, path: str, line: int) -> Quantity:
    """One figure as numcheck reads it in prose; an error naming the line when it is not one."""
    doc = extract(written, path)
    if len(doc.quantities) != 1 or doc.classified:
        read = [q.text for q in doc.quantities] + [f"{c.text} ({c.category})" for c in doc.classified]
        got = f"it reads {', '.join(repr(r) for r in read)}" if read else "it reads no figure there"
        raise ClaimFileError(path, line, f"{written!r} is not one figure numcheck reads ({got})")
    q = doc.quantities[0]
    # "602 milion" reads as 602 of something called "milion": right for prose, a typo here.
    scale = difflib.get_close_matches(q.noun.lower(), _SCALES, n=1, cutoff=0.75) if q.noun else []
    if scale and q.noun.lower() not in _SCALES:
        raise ClaimFileError(path, line, f"{written!r}: numcheck reads {q.text!r} of {q.noun!r}; "
                                         f"did you mean '{scale[0]}'?")
    return q


def _magnitude(q: Quantity) -> tuple[Quantity, dict[str, object]]:
    """A stated change as the checks expect it: a magnitude, the sign moved into the direction."""
    if q.value >= 0:
        return q, {"direction": "up", "direction_word": "up"}
    flip = (lambda x: None if x is None else -x)
    return (replace(q, value=-q.value, lower=flip(q.upper), upper=flip(q.lower)),
            {"direction": "down", "direction_word": "down"})


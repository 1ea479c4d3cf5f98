"""Claim files: YAML that turns numeric claims into test items. The format is in the README.

A claim file is a mapping of these top-level fields::

    check: NC101              # optional: the check every case is about
    name: percent-change      # optional: that check's name, verified against the registry
    document: article.md      # optional: the document that `quote:` passages come from
    cases: [...]              # document expectations: a passage and the verdict it must get
    claims: [...]             # explicit claims (change, share, total, average, rate fields)
                              # and data-bound claims (a sentence whose figures come from a table)

Reading one validates everything that can be validated before running anything: the YAML, every
field name, every figure, that quotes are in the document, that tables and their columns exist.
Any problem is a :class:`ClaimFileError` naming ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..claims.errors import InputError
from ..claims.sources import load as load_source
from .claimfile_base import FileContext, ItemSpec, item_label
from .claimfile_cases import check_code, check_name, parse_case
from .claimfile_yaml import ClaimFileError, YamlList, YamlMap, check_fields, load, mapping, text
from .databind import BOUND_FIELDS, is_bound, parse_bound
from .explicit_claims import EXPLICIT_FIELDS, KINDS, is_explicit, parse_explicit

TOP_FIELDS = ("check", "name", "document", "cases", "claims")


@dataclass(frozen=True, slots=True)
class ClaimFile:
    """A read and validated claim file: what its items share, and the items in file order."""

    path: str
    context: FileContext
    items: tuple[ItemSpec, ...]


def parse(path: Path) -> ClaimFile:
    """Read and validate the claim file at ``path``."""
    name = str(path)
    top = mapping(load(_read(path), name), name, 1, "a claim file")
    check_fields(top, name, "the claim file", TOP_FIELDS)
    if "cases" not in top and "claims" not in top:
        raise ClaimFileError(name, top.line, "a claim file needs a list of 'cases' or of 'claims'")
    check = check_code(top, "check", name, "the claim file") if "check" in top else None
    if "name" in top:
        check_name(top, check, name)
    ctx = FileContext(name)
    if "document" in top:
        ctx.document, ctx.document_text = _document(top, path)
    doc_text = ctx.document_text if ctx.document else None
    items: list[Any] = [parse_case(item, name, check, doc_text) for item in _items(top, "cases", name)]
    items += [_claim(item, name, doc_text, ctx.tables) for item in _items(top, "claims", name)]
    _unique_ids(items, name)
    return ClaimFile(name, ctx, tuple(items))


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ClaimFileError(str(path), 1, f"cannot be read ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ClaimFileError(str(path), line, "not UTF-8 text") from None


def _document(top: YamlMap, path: Path) -> tuple[Path, str]:
    """The file's document, resolved against the claim file's folder, and its text."""
    written = text(top, "document", str(path), "the claim file")
    resolved = path.parent / written
    try:
        source = load_source(str(resolved))
    except InputError as exc:
        raise ClaimFileError(str(path), top.key_lines["document"], f"document {written!r}: {exc.reason}") from None
    return resolved, source.text


def _items(top: YamlMap, key: str, path: str) -> list[YamlMap]:
    if key not in top:
        return []
    items = top[key]
    if not isinstance(items, YamlList):
        raise ClaimFileError(path, top.key_lines[key], f"'{key}' must be a list")
    return [mapping(item, path, line, f"each of '{key}'") for item, line in zip(items, items.item_lines)]


def _claim(item: YamlMap, path: str, doc_text: str | None, tables: dict[Path, Any]) -> ItemSpec:
    if is_explicit(item):
        return parse_explicit(item, path)
    if is_bound(item):
        return parse_bound(item, path, doc_text, tables)
    check_fields(item, path, item_label(item, "claim"), tuple(dict.fromkeys(EXPLICIT_FIELDS + BOUND_FIELDS)))
    raise ClaimFileError(path, item.line, f"a claim needs one of {', '.join(KINDS)}, or a 'sentence' "
                                          f"(or 'quote') with 'figures'")


def _unique_ids(items: list[ItemSpec], path: str) -> None:
    seen: dict[str, int] = {}
    for item in items:
        if item.id in seen:
            raise ClaimFileError(path, item.line, f"id '{item.id}' is used twice (first on line {seen[item.id]})")
        seen[item.id] = item.line

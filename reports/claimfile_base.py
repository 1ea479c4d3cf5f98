"""What every item of a claim file shares: its id, line and marks; the file's document, checked
once; and finding a quoted passage in a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..checks import Settings
from ..claims.records import Document
from .claim_findings import Outcome
from .claimfile_yaml import ClaimFileError, YamlList, YamlMap, optional_text, text

#: Fields any item may carry besides its own.
COMMON_FIELDS = ("id", "note", "xfail", "skip", "marks")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")  # no "." or "::": pytest splits node ids there
_MARK = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Marks:
    """pytest marks of an item: a strict xfail with its reason, a skip, and registered marks by name."""

    xfail: str | None = None
    skip: str | None = None
    names: tuple[str, ...] = ()


@dataclass(slots=True)
class FileContext:
    """What the items of one claim file share."""

    path: str
    """The claim file."""
    document: Path | None = None
    """The file's ``document``, resolved against the claim file's folder."""
    document_text: str = ""
    """The document's text as read at collection (quotes are found in it)."""
    settings: Settings = Settings()
    """How documents and texts are checked (numcheck's defaults)."""
    tables: dict[Path, Any] = field(default_factory=dict)
    """Loaded tables (pandas DataFrames) by resolved path, shared by the data-bound claims."""
    _checked: Document | None = None

    def checked_document(self) -> Document:
        """The document, checked the way ``numcheck check`` checks it; once per file."""
        if self._checked is None:
            from .runner import check_path

            assert self.document is not None
            self._checked = check_path(str(self.document), self.settings)
        return self._checked


class ItemSpec(Protocol):
    """One test item of a claim file."""

    id: str
    line: int
    marks: Marks

    def run(self, ctx: FileContext) -> Outcome: ...


@dataclass(frozen=True, slots=True)
class Header:
    """The common fields of an item."""

    id: str
    line: int
    marks: Marks


def item_label(item: YamlMap, kind: str) -> str:
    """ "case 'germany-drop'" for messages, or "a case" before the id is known to be usable."""
    item_id = item.get("id")
    return f"{kind} '{item_id}'" if isinstance(item_id, str) and item_id else f"a {kind}"


def header(item: YamlMap, path: str, what: str) -> Header:
    """Read ``id``, ``xfail``, ``skip`` and ``marks`` of an item (``note`` is for readers only)."""
    if "id" not in item:
        raise ClaimFileError(path, item.line, f"{what} needs an 'id' field")
    item_id = text(item, "id", path, what)
    if not _ID.fullmatch(item_id):
        raise ClaimFileError(path, item.key_lines["id"],
                             f"id {item_id!r}: use letters, digits, '-' and '_' only")
    label = f"{what} '{item_id}'"
    names = item.get("marks", YamlList())
    if not isinstance(names, list) or not all(isinstance(n, str) and _MARK.fullmatch(n) for n in names):
        raise ClaimFileError(path, item.key_lines.get("marks", item.line),
                             f"'marks' of {label} must be a list of mark names")
    if "note" in item:
        optional_text(item, "note", path, label)
    marks = Marks(optional_text(item, "xfail", path, label), optional_text(item, "skip", path, label),
                  tuple(names))
    return Header(item_id, item.line, marks)


def locate(haystack: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``quote`` in ``haystack``, any run of whitespace matching any other.

    >>> locate("fell 35%\\n  to 382 million", "35% to 382")
    [(5, 17)]
    """
    words = quote.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(haystack)]


def locate_once(haystack: str, quote: str, where: str, path: str, line: int) -> tuple[int, int]:
    """The one place ``quote`` occurs in ``haystack``; an error naming ``where`` otherwise."""
    spans = locate(haystack, quote)
    if not spans:
        raise ClaimFileError(path, line, f"{quote!r} is not in {where}")
    if len(spans) > 1:
        raise ClaimFileError(path, line, f"{quote!r} occurs {len(spans)} times in {where}; "
                                         f"quote enough to make it unique")
    return spans[0]

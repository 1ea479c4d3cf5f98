"""Markdown → masked prose, parsed with markdown-it-py (CommonMark and tables).

markdown-it gives each inline run (a paragraph, heading or table cell) the source lines it spans
and its content with block prefixes ("> ", list indents, "#") removed, and splits that content
into child tokens without positions. We find each content line in its source line, then walk the
children with a cursor: ``text`` children are kept as prose, everything else (code spans, raw
HTML, link destinations, emphasis markers, autolinks, images) stays masked.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Any

from .markup import Mask, Masked, comments, directives, front_matter, line_starts
from .records import Note

_RAW_TAG = re.compile(r"<(?P<close>/?)(?P<name>script|style|textarea|title)\b", re.I)


@functools.cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Without text_join, entities and backslash escapes stay tokens of their own, so we can
    # put each decoded character where its source text is.
    md.disable("text_join")
    return md


def mask_markdown(source: str) -> Masked:
    """The prose of a Markdown ``source``; see :mod:`numcheck.claims.markup`."""
    fm = front_matter(source)
    parse_src = "".join(c if c == "\n" else " " for c in source[:fm]) + source[fm:]
    mask = Mask(source)
    starts = line_starts(source)
    code: list[tuple[int, int]] = [(0, fm)] if fm else []
    cursors: dict[int, int] = {}
    tokens = _parser().parse(parse_src)
    for i, tok in enumerate(tokens):
        if tok.type in ("fence", "code_block") and tok.map:
            code.append((starts[tok.map[0]], _line_end(starts, tok.map[1] - 1, source)))
        elif tok.type == "inline" and tok.map:
            cell = i > 0 and tokens[i - 1].type in ("th_open", "td_open")
            _Inline(mask, tok, starts, cursors, code).run(cell)
    notes: list[Note] = []
    found = directives(source, comments(source, sorted(code)), notes)
    return mask.result(found, notes)


def _line_end(starts: list[int], line: int, source: str) -> int:
    return starts[line + 1] if line + 1 < len(starts) else len(source)


class _Inline:
    """One inline token: map its content to the source, keep its text children."""

    def __init__(self, mask: Mask, tok: Any, starts: list[int], cursors: dict[int, int],
                 code: list[tuple[int, int]]) -> None:
        self.mask, self.tok, self.content, self.code = mask, tok, tok.content, code
        self.cstarts = line_starts(self.content)
        self.bases = self._bases(starts, cursors)

    def _bases(self, starts: list[int], cursors: dict[int, int]) -> list[int | None]:
        """Source offset of each content line, found in the token's source lines in order.

        ``cursors`` remembers how far each source line is used, for table cells sharing a row.
        """
        src, (l0, l1) = self.mask.source, self.tok.map
        bases: list[int | None] = []
        line = l0
        for text in self.content.split("\n"):
            found = None
            while line < l1 and found is None:
                lo = max(starts[line], cursors.get(line, 0))
                hi = _line_end(starts, line, src)
                at = src.find(text, lo, hi)
                if at >= 0:
                    found = at
                    cursors[line] = at + len(text)
                line += 1
            bases.append(found)
        return bases

    def at(self, k: int) -> int | None:
        """Source offset of content offset ``k`` (None when its line was not found)."""
        i = bisect.bisect_right(self.cstarts, k) - 1
        base = self.bases[i]
        return None if base is None else base + k - self.cstarts[i]

    def keep(self, k0: int, k1: int) -> None:
        for k in range(k0, k1):
            p = self.at(k)
            if p is not None:
                self.mask.keep(p, p + 1)

    def run(self, cell: bool) -> None:
        cursor, in_autolink, raw = 0, False, ""
        for child in self.tok.children or ():
            kind = child.type
            if kind == "html_inline":
                raw = _raw_element(child.content, raw)
            if raw and kind != "html_inline":
                continue  # inside <script> or <style>: never prose
            if kind == "text" and not in_autolink:
                cursor = self._text(child.content, cursor)
            elif kind == "text_special":
                cursor = self._special(child, cursor)
            elif kind == "code_inline":
                cursor = self._code(child.markup, cursor)
            elif kind == "html_inline":
                k = self.content.find(child.content, cursor)
                cursor = cursor if k < 0 else k + len(child.content)
            elif kind == "link_open" and child.markup == "autolink":
                in_autolink = True  # the URL is not prose
            elif kind == "link_close":
                cursor = self._after_link(cursor, in_autolink)
                in_autolink = False
            elif kind == "image":
                cursor = self._after_image(cursor)
        self._break_lines(cell)

    def _text(self, text: str, cursor: int) -> int:
        k = self.content.find(text, cursor)
        if k < 0:
            return cursor
        self.keep(k, k + len(text))
        return k + len(text)

    def _special(self, child: Any, cursor: int) -> int:
        """An entity or escape: its character goes where its source text ends."""
        k = self.content.find(child.markup, cursor)
        if k < 0:
            return cursor
        end = k + len(child.markup)
        first, last = self.at(k), self.at(end - 1)
        if first is not None and last is not None and len(child.content) == 1:
            self.mask.place(first, last + 1, " " if child.content.isspace() else child.content)
        return end

    def _code(self, fence: str, cursor: int) -> int:
        k = self.content.find(fence, cursor)
        close = self.content.find(fence, k + len(fence)) if k >= 0 else -1
        if close < 0:
            return cursor
        first, last = self.at(k), self.at(close + len(fence) - 1)
        if first is not None and last is not None:
            self.code.append((first, last + 1))
        return close + len(fence)

    def _after_link(self, cursor: int, autolink: bool) -> int:
        """Skip "](destination "title")", "][label]" or "]" (or an autolink's ">")."""
        c = self.content
        k = c.find(">" if autolink else "]", cursor)
        if k < 0:
            return cursor
        k += 1
        if autolink or k >= len(c):
            return k
        if c[k] == "(":
            return _skip_destination(c, k)
        if c[k] == "[":
            close = c.find("]", k)
            return close + 1 if close >= 0 else k
        return k

    def _after_image(self, cursor: int) -> int:
        c = self.content
        k = c.find("![", cursor)
        if k < 0:
            return cursor
        depth, i = 0, k + 1
        while i < len(c):
            if c[i] == "\\":
                i += 2
                continue
            depth += {"[": 1, "]": -1}.get(c[i], 0)
            i += 1
            if depth == 0:
                break
        return _skip_destination(c, i) if i < len(c) and c[i] == "(" else i

    def _break_lines(self, cell: bool) -> None:
        """A soft break is a space in prose; a table cell starts a line of its own."""
        first, last = self.at(0), self.at(max(len(self.content) - 1, 0))
        if first is None or last is None:
            return
        out = self.mask.out
        for p in range(first, last):
            if out[p] == "\n":
                out[p] = " "
        if cell and first > 0 and out[first - 1] == " ":
            out[first - 1] = "\n"


def _raw_element(tag: str, current: str) -> str:
    """The raw-text element (script, style) open after inline HTML ``tag``, or "" when none."""
    m = _RAW_TAG.match(tag)
    if not m:
        return current
    if m["close"]:
        return "" if m["name"].lower() == current else current
    return current or m["name"].lower()


def _skip_destination(c: str, k: int) -> int:
    """Index past the ")" closing the link destination that opens at ``c[k] == "("``."""
    i, depth = k + 1, 1
    while i < len(c) and c[i] in " \t\n":
        i += 1
    if i < len(c) and c[i] == "<":
        close = c.find(">", i)
        i = close + 1 if close >= 0 else i + 1
    while i < len(c):
        ch = c[i]
        if ch == "\\":
            i += 2
            continue
        if ch in "\"'" and c[i - 1] in " \t\n":  # a title: parentheses inside it do not count
            close = c.find(ch, i + 1)
            i = close + 1 if close >= 0 else i + 1
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        i += 1
        if depth == 0:
            return i
    return i

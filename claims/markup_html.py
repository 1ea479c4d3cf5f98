"""HTML → masked prose: visible text kept in place, main content chosen by trafilatura.

Two passes. The stdlib ``html.parser`` walks the source and reports where each tag, text run,
entity and comment starts, which gives the mask exactly: text is kept where it is, block-level tags
start a new line of the mask, and nothing inside script, style, head, code, pre, svg, form controls
or ``hidden`` elements is ever read. Then trafilatura (a well-kept main-content extractor) reads the
page, and each line (block) of the mask is kept only if its text, whitespace aside, appears in what
trafilatura kept: navigation, footers, comment sections and cookie banners drop out while every
kept character still sits at its source offset. When trafilatura finds no main content (a short
fragment), all visible text is checked and a note says so.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .markup import Mask, Masked, directives, line_starts
from .records import Note

_BLOCK = frozenset("""address article aside blockquote body br caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main
    nav ol option p section summary table tbody td tfoot th thead tr ul""".split())
_SKIP = frozenset("""script style template noscript head title svg math pre code kbd samp var
    textarea select button iframe object canvas audio video""".split())
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


class _Scanner(HTMLParser):
    """Fill a :class:`Mask` from the parser's events; collect comment spans."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)  # entities as events, so we know where they are
        self.source, self.starts = source, line_starts(source)
        self.mask = Mask(source, newlines=False)
        self.skipping: list[list[str | int]] = []  # [tag, nesting depth] of skipped elements
        self.comments: list[tuple[int, int]] = []

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def _break(self, tag: str) -> None:
        if tag in _BLOCK:
            self.mask.out[self._pos()] = "\n"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)
        if tag == "body":
            self.skipping.clear()  # a page that never closes <head>
        elif self.skipping and self.skipping[-1][0] == tag:
            self.skipping[-1][1] = int(self.skipping[-1][1]) + 1
        elif tag not in _VOID and (tag in _SKIP or _hidden(attrs)):
            self.skipping.append([tag, 1])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)

    def handle_endtag(self, tag: str) -> None:
        self._break(tag)
        open_tags = [s[0] for s in self.skipping]
        if tag not in open_tags:
            return
        if open_tags[-1] == tag and int(self.skipping[-1][1]) > 1:
            self.skipping[-1][1] = int(self.skipping[-1][1]) - 1
            return
        del self.skipping[len(open_tags) - 1 - open_tags[::-1].index(tag):]  # close unclosed ones

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        pos = self._pos()
        for i, ch in enumerate(data):
            if not ch.isspace():
                self.mask.out[pos + i] = ch

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        if self.skipping:
            return
        pos = self._pos()
        end = pos + len(raw) + (1 if self.source.startswith(";", pos + len(raw)) else 0)
        char = html.unescape(self.source[pos:end])
        if char == self.source[pos:end]:  # not an entity after all ("AT&T")
            self.mask.keep(pos, end)
        elif len(char) == 1:
            self.mask.place(pos, end, " " if char.isspace() else char)

    def handle_comment(self, data: str) -> None:
        pos = self._pos()
        self.comments.append((pos, pos + len(data) + 7))


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    a = {k: (v or "") for k, v in attrs}
    style = a.get("style", "").replace(" ", "").lower()
    return "hidden" in a or a.get("aria-hidden") == "true" or "display:none" in style


def mask_html(source: str) -> Masked:
    """The prose of an HTML ``source``; see the module docstring."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    notes: list[Note] = []
    found = directives(source, scanner.comments, notes)
    _main_content(scanner.mask, notes)
    return scanner.mask.result(found, notes)


def _main_content(mask: Mask, notes: list[Note]) -> None:
    """Blank the blocks of ``mask`` whose text trafilatura did not keep as main content."""
    text = "".join(mask.out)
    blocks = [m.span() for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if not blocks:
        return
    kept = _trafilatura(mask.source)
    if not kept:
        notes.append(Note("main_content", "no main content found in the page; all visible text "
                          "was checked", 0, 0))
        return
    for start, end in blocks:
        if not _is_kept(text[start:end], kept):
            mask.out[start:end] = [" "] * (end - start)


def _is_kept(block: str, kept: str) -> bool:
    """Whether trafilatura kept ``block``: all of it, or (when skipped code or markup split it)
    each of its pieces. Whitespace is ignored, since trafilatura reflows it."""
    if "".join(block.split()) in kept:
        return True
    pieces = ["".join(p.split()) for p in re.split(r"\s{3,}", block.strip())]
    return len(pieces) > 1 and all(p in kept for p in pieces)


def _trafilatura(source: str) -> str:
    """trafilatura's main text of the page, whitespace removed ("" if it finds none)."""
    try:
        import trafilatura

        main = trafilatura.extract(source, include_comments=False, include_tables=True,
                                   favor_recall=True, deduplicate=False)
    except Exception:  # a page trafilatura cannot parse is checked whole, with a note
        return ""
    return "".join((main or "").split())

"""Offsets → (line, column) of the source, as editors and CI annotations count them.

Lines and columns are 1-based; a column counts Unicode code points (SARIF's
``unicodeCodePoints``), so "£" is one column, as an editor shows it.
"""

from __future__ import annotations

import bisect
import re



class Locator:
    """Positions in one text; build once per document, ask many times."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        """1-based line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``, both 1-based.

        >>> Locator("ab\\n£cd").position(4)
        (2, 2)
        """
        line = self.line(offset)
        return line, offset - self.starts[line - 1] + 1

    def end_position(self, start: int, end: int) -> tuple[int, int]:
        """(line, column) just past the span ``[start, end)``: SARIF's and GitHub's exclusive end.

        >>> Locator("ab\\n£cd").end_position(3, 5)
        (2, 3)
        """
        last = max(start, end - 1)
        line, col = self.position(last)
        return line, col + (1 if end > start else 0)

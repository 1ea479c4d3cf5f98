"""Document expectations: a passage and the verdict numcheck must give it.

A case either quotes its claim file's ``document`` (``quote:``) or carries its own text
(``text:``, the form of the project's check cases in tests/checks/cases). Either way the case
looks at the results there — the results whose claim overlaps the quote, or every result of the
text — of its ``check`` when one is named, and expects exactly one, with the ``expect``\\ ed verdict
(and ``severity``, when given).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..checks import check_text, registry
from ..claims.records import SEVERITIES, VERDICTS, Document, Result
from .claim_findings import Finding, Outcome, from_result, sentence_of
from .claimfile_base import COMMON_FIELDS, FileContext, Marks, header, item_label, locate_once
from .claimfile_yaml import ClaimFileError, YamlMap, check_fields, choice, suggestion, text
from .locate import Locator
from .render import verdict_label

CASE_FIELDS = COMMON_FIELDS + ("text", "quote", "expect", "severity", "check")


@dataclass(frozen=True, slots=True)
class Case:
    """One expectation: where to look, which check, and the verdict (and severity) expected."""

    id: str
    line: int
    marks: Marks
    path: str
    """The claim file."""
    expect: str
    severity: str | None
    check: str | None
    text: str | None
    """The case's own text, or ``None`` for a quote of the document."""
    text_line: int
    """Line of ``text`` or ``quote`` in the claim file."""
    span: tuple[int, int] | None = None
    """Where the quote is in the document."""

    def run(self, ctx: FileContext) -> Outcome:
        outcome = Outcome()
        if self.text is not None:
            doc = check_text(self.text, self.path, ctx.settings)
            found = list(doc.results)
            where, line = self.path, self.text_line
        else:
            doc = ctx.checked_document()
            if doc.error:
                outcome.failures.append(Finding(doc.path, 1, "", f"cannot be read: {doc.error}"))
                return outcome
            assert self.span is not None
            start, end = self.span
            found = [r for r in doc.results if r.start < end and start < r.end]
            where, line = doc.path, Locator(doc.text).line(start)
        found = [r for r in found if self.check is None or r.code == self.check]
        for r in found:
            outcome.record(r)
        failure = self._judge(doc, found, where, line)
        if failure is not None:
            outcome.failures.append(failure)
        return outcome

    def _judge(self, doc: Document, found: list[Result], where: str, line: int) -> Finding | None:
        expected = self.expect + (f" ({self.severity})" if self.severity else "")
        by = ("expected by", self.path, self.line) if self.text is None else None
        if len(found) != 1:
            what = f"{self.check} result" if self.check else "result"
            listed = tuple(("result", f"{r.code} {verdict_label(r)}: {r.message}") for r in found)
            offset = self.span[0] if self.span else 0
            return Finding(where, line, self.check or "",
                           f"expected exactly one {what} ({expected}), got {len(found)}",
                           (("sentence", sentence_of(doc, offset)),) + listed, by)
        r = found[0]
        if r.verdict == self.expect and (self.severity is None or r.severity == self.severity):
            return None
        at_line = line if self.text is not None else None
        return from_result(doc, r, where, at_line, f"expected {expected}, got {verdict_label(r)}: ", by)


def parse_case(item: YamlMap, path: str, default_check: str | None, document_text: str | None) -> Case:
    """A case from its mapping; ``document_text`` is the file's document, if it names one."""
    check_fields(item, path, item_label(item, "case"), CASE_FIELDS, ("id", "expect"))
    head = header(item, path, "a case")
    label = f"case '{head.id}'"
    has_text, has_quote = "text" in item, "quote" in item
    if has_text == has_quote:
        raise ClaimFileError(path, item.line, f"{label} needs either 'text' or 'quote' (one of them)")
    expect = choice(item, "expect", VERDICTS, path, label)
    severity = choice(item, "severity", SEVERITIES, path, label)
    if severity is not None and expect != "inconsistent":
        raise ClaimFileError(path, item.key_lines["severity"], f"{label}: a severity needs expect: inconsistent")
    check = check_code(item, "check", path, label) if "check" in item else default_check
    key = "text" if has_text else "quote"
    written = text(item, key, path, label)
    span = None
    if has_quote:
        if document_text is None:
            raise ClaimFileError(path, item.key_lines["quote"], f"{label} quotes a document, but the file names "
                                                                f"no 'document'")
        span = locate_once(document_text, written, "the document", path, item.key_lines["quote"])
    return Case(head.id, head.line, head.marks, path, expect, severity, check,
                written if has_text else None, item.key_lines[key], span)


def check_code(m: YamlMap, key: str, path: str, label: str) -> str:
    """A registered check's code under ``key`` (the closest code suggested otherwise)."""
    code = text(m, key, path, label)
    codes = [c.code for c in registry()]
    if code not in codes:
        raise ClaimFileError(path, m.key_lines[key], f"{label}: no check {code!r}{suggestion(code, codes)}")
    return code


def check_name(m: YamlMap, code: str | None, path: str) -> None:
    """A file's ``name`` must be its check's name, so the file cannot drift from the registry."""
    name = text(m, "name", path, "the claim file")
    names = {c.code: c.name for c in registry()}
    if code is None:
        raise ClaimFileError(path, m.key_lines["name"], "'name' names the file's check; give 'check' too")
    if name != names[code]:
        raise ClaimFileError(path, m.key_lines["name"], f"check {code} is named {names[code]!r}, not {name!r}")

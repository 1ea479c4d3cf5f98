"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines).

One ``testsuite`` per document and one ``testcase`` per result: an inconsistent result is a
``failure``, an unverifiable one is ``skipped`` (nothing could be recomputed), a consistent one
passes. An unreadable input is a suite with one ``error``. Characters XML 1.0 cannot carry
(control characters from a mis-decoded file) are dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Sequence

from ..claims.records import Document, Result
from .locate import Locator
from .render import Options, verdict_label

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """``text`` without characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    root = ET.Element("testsuites", name="numcheck")
    for doc in docs:
        root.append(_suite(doc))
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(sum(int(s.get(key, "0")) for s in root)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(doc: Document) -> ET.Element:
    suite = ET.Element("testsuite", name=clean(doc.path))
    if doc.error:
        case = ET.SubElement(suite, "testcase", classname=clean(doc.path), name="read")
        ET.SubElement(case, "error", message=clean(doc.error), type="input")
        counts = {"tests": 1, "failures": 0, "errors": 1, "skipped": 0}
    else:
        loc = Locator(doc.text)
        for r in sorted(doc.results, key=lambda r: (r.start, r.code)):
            suite.append(_case(doc, r, loc))
        counts = {"tests": len(doc.results),
                  "failures": sum(r.verdict == "inconsistent" for r in doc.results),
                  "errors": 0, "skipped": sum(r.verdict == "unverifiable" for r in doc.results)}
    for key, value in counts.items():
        suite.set(key, str(value))
    return suite


def _case(doc: Document, r: Result, loc: Locator) -> ET.Element:
    line, col = loc.position(r.start)
    case = ET.Element("testcase", classname=clean(doc.path),
                      name=f"{r.code} {r.check} at {line}:{col}", file=clean(doc.path), line=str(line))
    claim = " ".join(doc.text[r.start:r.end].split())
    if r.verdict == "inconsistent":
        failure = ET.SubElement(case, "failure", type=verdict_label(r), message=clean(r.message))
        failure.text = clean(f"{doc.path}:{line}:{col}: “{claim}”\n{r.message}")
    elif r.verdict == "unverifiable":
        ET.SubElement(case, "skipped", message=clean(f"unverifiable: {r.message}"))
    return case

"""SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One run; the rules are every registered check (id, name, the first line of its documentation as
the short description, the whole of it as help). Each finding — inconsistent as ``error``,
unverifiable as ``warning`` — is a result with its region in code points
(``columnKind: unicodeCodePoints``), the claim as the snippet, and a partial fingerprint that
stays put when lines move. Consistent results are not findings and are left out. Unreadable
inputs and unused suppressions are tool execution notifications.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import quote

from ..checks import registry
from ..claims.records import Document, Result
from .locate import Locator
from .render import Options, findings, unused_suppressions

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"inconsistent": "error", "unverifiable": "warning"}


def render(docs: Sequence[Document], options: Options = Options()) -> str:
    return json.dumps(log(docs), ensure_ascii=False, indent=2) + "\n"


def log(docs: Sequence[Document]) -> dict[str, Any]:
    """The SARIF log as a dict."""
    rules = [_rule(c) for c in registry()]
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    results, notifications = [], []
    for doc in docs:
        if doc.error:
            notifications.append(_notification(doc.path, "error", f"{doc.path}: {doc.error}"))
            continue
        loc = Locator(doc.text)
        results += [_result(doc, r, loc, index) for r in findings(doc)]
        notifications += [_notification(doc.path, "note", n.message, _region(loc, n.start, n.end))
                          for n in unused_suppressions(doc)]
    driver = {"name": "numcheck", "version": _version(), "rules": rules}
    invocation = {"executionSuccessful": not any(d.error for d in docs),
                  "toolExecutionNotifications": notifications}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "invocations": [invocation], "results": results}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _version() -> str:
    try:
        return version("numcheck")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0"


def _rule(check: Any) -> dict[str, Any]:
    doc = inspect.cleandoc(type(check).__doc__ or check.name)
    return {"id": check.code, "name": check.name,
            "shortDescription": {"text": doc.splitlines()[0]},
            "fullDescription": {"text": doc},
            "help": {"text": doc},
            "defaultConfiguration": {"level": "error"}}


def uri(path: str) -> str:
    """A URI reference for ``path``: relative paths stay relative (as code scanning wants).

    >>> uri("docs/a b.md"), uri("<sample>/x.txt")
    ('docs/a%20b.md', '%3Csample%3E/x.txt')
    """
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(path.replace(os.sep, "/"), safe="/")


def _region(loc: Locator, start: int, end: int) -> dict[str, Any]:
    line, col = loc.position(start)
    end_line, end_col = loc.end_position(start, end)
    region = {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": end_col}
    if end > start:
        region["snippet"] = {"text": loc.text[start:end]}
    return region


def _result(doc: Document, r: Result, loc: Locator, index: dict[str, int]) -> dict[str, Any]:
    location = {"physicalLocation": {"artifactLocation": {"uri": uri(doc.path)},
                                     "region": _region(loc, r.start, r.end)}}
    out: dict[str, Any] = {"ruleId": r.code, "level": _LEVEL[r.verdict],
                           "message": {"text": f"{r.verdict}: {r.message}"},
                           "locations": [location],
                           "partialFingerprints": {"numcheck/claim/v1": _fingerprint(doc, r)},
                           "properties": {"verdict": r.verdict, "severity": r.severity,
                                          "check": r.check, "edge": r.edge}}
    if r.code in index:
        out["ruleIndex"] = index[r.code]
    return out


def _fingerprint(doc: Document, r: Result) -> str:
    """Path, check and claim text: stable when text above the claim is edited."""
    key = "\0".join((doc.path, r.code, " ".join(doc.text[r.start:r.end].split())))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _notification(path: str, level: str, message: str,
                  region: dict[str, Any] | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri(path)}}
    if region:
        physical["region"] = region
    return {"level": level, "message": {"text": message}, "locations": [{"physicalLocation": physical}]}

"""A safe YAML reader that remembers lines, for claim files.

PyYAML's ``safe_load`` forgets where things were and lets a repeated key silently win. Claim files
are written by hand and their errors must name ``file:line``, so this module composes the node
graph with the safe loader and builds plain values itself: every mapping and list knows its own
line and the line of each entry, keeps the source text of each scalar (a figure "12.50" stays
"12.50", not the float 12.5), and a duplicate key, an unknown tag or a runaway alias is an error.

>>> data = load("a: 1\\nfigures:\\n  share: 12.50\\n", "x.yaml")
>>> data["figures"].raw["share"], data["figures"]["share"], data.key_lines["figures"]
('12.50', 12.5, 2)
"""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

import yaml

from ..claims.errors import NumcheckError

#: More values than this (after expanding aliases) is an attack or an accident, not a claim file.
MAX_VALUES = 100_000
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


class ClaimFileError(NumcheckError):
    """A claim file that cannot be used, with the file and the 1-based line it is about."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


class YamlMap(dict):
    """A mapping with its line, the line of each key and the source text of each scalar value."""

    line: int
    key_lines: dict[str, int]
    raw: dict[str, str]


class YamlList(list):
    """A list with its line, the line of each item and the source text of each scalar item."""

    line: int
    item_lines: list[int]
    raw: list[str | None]


def load(text: str, path: str) -> Any:
    """The single YAML document in ``text``, as :class:`YamlMap`, :class:`YamlList` or a scalar."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ClaimFileError(path, 1, "the file is empty")
        return _Builder(path, loader).build(node)
    except yaml.MarkedYAMLError as exc:
        raise ClaimFileError(path, *_describe(exc)) from None
    except yaml.YAMLError as exc:
        raise ClaimFileError(path, 1, f"not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def _describe(exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) of a YAML error: where the parser stopped, and what it was reading."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    message = f"not valid YAML: {exc.problem or exc.context or 'unreadable'}"
    if exc.context and exc.problem:
        started = exc.context_mark.line + 1 if exc.context_mark else line
        message += f" ({exc.context}{'' if started == line else f' started on line {started}'})"
    return line, message


class _Builder:
    """Turns composed nodes into line-aware values, refusing what a claim file cannot hold."""

    def __init__(self, path: str, loader: yaml.SafeLoader) -> None:
        self.path, self.loader = path, loader
        self.count = 0
        self.active: set[int] = set()  # nodes being built: meeting one again is a recursive alias

    def build(self, node: yaml.Node) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise ClaimFileError(self.path, node.start_mark.line + 1,
                                 f"more than {MAX_VALUES:,} values (aliases expanding?)")
        if isinstance(node, yaml.ScalarNode):
            return self.loader.construct_object(node)  # safe tags only; others raise ConstructorError
        if id(node) in self.active:
            raise ClaimFileError(self.path, node.start_mark.line + 1, "an alias refers to itself")
        self.active.add(id(node))
        try:
            return self._mapping(node) if isinstance(node, yaml.MappingNode) else self._sequence(node)
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode) -> YamlMap:
        self._plain_tag(node, _MAP)
        out = YamlMap()
        out.line, out.key_lines, out.raw = node.start_mark.line + 1, {}, {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise ClaimFileError(self.path, line, "a key must be plain text")
            key = key_node.value
            if key in out:
                raise ClaimFileError(self.path, line,
                                     f"duplicate key '{key}' (first given on line {out.key_lines[key]})")
            out[key] = self.build(value_node)
            out.key_lines[key] = line
            if isinstance(value_node, yaml.ScalarNode):
                out.raw[key] = value_node.value
        return out

    def _sequence(self, node: yaml.Node) -> YamlList:
        self._plain_tag(node, _SEQ)
        out = YamlList(self.build(item) for item in node.value)
        out.line = node.start_mark.line + 1
        out.item_lines = [item.start_mark.line + 1 for item in node.value]
        out.raw = [item.value if isinstance(item, yaml.ScalarNode) else None for item in node.value]
        return out

    def _plain_tag(self, node: yaml.Node, tag: str) -> None:
        if node.tag != tag:
            raise ClaimFileError(self.path, node.start_mark.line + 1, f"tag {node.tag!r} is not allowed here")


# --- helpers for schemas built on these values ------------------------------------------------

#: Names people reach for, and the field they mean, when the spelling alone does not tell.
SYNONYMS = {"verdict": "expect", "expected": "expect", "file": "document", "doc": "document",
            "path": "document", "tests": "cases", "col": "column", "agg": "aggregate",
            "aggregation": "aggregate", "filter": "where", "filters": "where", "sort": "order_by"}


def suggestion(name: str, valid: Iterable[str]) -> str:
    """ "; did you mean 'expect'?" for the closest valid name, or ""."""
    valid = list(valid)
    if re.fullmatch(r"\d{3}\b.*", name):  # "{average: £1,900}" splits at the comma in YAML
        return "; inside { } a figure with a comma must be quoted (\"£1,900\")"
    if SYNONYMS.get(name) in valid:
        return f"; did you mean '{SYNONYMS[name]}'?"
    close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def mapping(value: Any, path: str, line: int, what: str) -> YamlMap:
    """``value`` if it is a mapping, else an error naming ``what`` should have been one."""
    if not isinstance(value, YamlMap):
        raise ClaimFileError(path, getattr(value, "line", line), f"{what} must be a mapping of fields")
    return value


def check_fields(m: YamlMap, path: str, what: str, allowed: Iterable[str],
                 required: Iterable[str] = ()) -> None:
    """Every key of ``m`` is allowed (else the closest valid one is suggested) and none is missing."""
    allowed = tuple(allowed)
    for key in m:
        if key not in allowed:
            raise ClaimFileError(path, m.key_lines[key],
                                 f"unknown field '{key}' in {what}{suggestion(key, allowed)}")
    for key in required:
        if key not in m:
            raise ClaimFileError(path, m.line, f"{what} needs a '{key}' field")


def text(m: YamlMap, key: str, path: str, what: str) -> str:
    """The non-empty string under ``key``; numbers are taken as written ("2004", "12.50")."""
    value = m[key]
    if isinstance(value, (YamlMap, YamlList)) or value is None or isinstance(value, bool):
        raise ClaimFileError(path, m.key_lines[key], f"'{key}' of {what} must be text")
    written = value if isinstance(value, str) else m.raw.get(key, str(value))
    if not written.strip():
        raise ClaimFileError(path, m.key_lines[key], f"'{key}' of {what} is empty")
    return written


def optional_text(m: YamlMap, key: str, path: str, what: str) -> str | None:
    """Like :func:`text`, ``None`` when the key is absent."""
    return text(m, key, path, what) if key in m else None


def choice(m: YamlMap, key: str, options: tuple[str, ...], path: str, label: str,
           default: str | None = None) -> str | None:
    """The value under ``key``, which must be one of ``options`` (``default`` when absent)."""
    if key not in m:
        return default
    value = text(m, key, path, label)
    if value not in options:
        raise ClaimFileError(path, m.key_lines[key], f"{label}: {key} {value!r} is not one of "
                                                     f"{', '.join(options)}{suggestion(value, options)}")
    return value

"""Texts and helpers shared by the plugin's tests. Every text here is written for numcheck."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ARTICLE = """\
# Water bills

Average household water bills in the region fell 4% to £396 from £412, the regulator said.

Leaks were cut by 12% to 1,030 million litres a day, from 1,170 million litres.

Customer complaints rose 15% to 8,900 from 8,100.
"""

#: Bills by region and year; 2023 → 2024 totals are 1,648 → 1,584 (−3.88%).
BILLS_CSV = """\
region,year,bill
North,2023,412
North,2024,396
South,2023,1236
South,2024,1188
"""


def write(pytester: pytest.Pytester, name: str, text: str) -> Path:
    """Write ``text`` to ``name`` under the pytester directory (folders created)."""
    path = pytester.path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def junit_properties(path: Path) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(classname, name) of each test case → its (name, value) properties, from a JUnit XML file."""
    root = ET.parse(path).getroot()
    return {(case.get("classname", ""), case.get("name", "")):
            [(p.get("name", ""), p.get("value", "")) for p in case.iter("property")]
            for case in root.iter("testcase")}


def assert_no_traceback(output: str) -> None:
    """A clean error names the file and line; no Python frames, no exception class names."""
    for sign in ("Traceback", "raise ", ".py:", "Error:", "def "):
        assert sign not in output, f"{sign!r} in output:\n{output}"

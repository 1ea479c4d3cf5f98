"""Data flows one way: claims → checks → reports. Nothing upstream imports downstream."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN = {"claims": ("checks", "reports"), "checks": ("reports",)}


def imported_stages(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            parts = (node.module or "").split(".")
            if node.level >= 2 or parts[0] == "numcheck":
                stage = parts[1] if parts[0] == "numcheck" and len(parts) > 1 else parts[0]
                found.add(stage)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "numcheck" and len(parts) > 1:
                    found.add(parts[1])
    return found


@pytest.mark.parametrize("stage", sorted(FORBIDDEN))
def test_no_upstream_stage_imports_a_downstream_one(stage):
    offenders = {str(p.relative_to(ROOT)): imported_stages(p) & set(FORBIDDEN[stage])
                 for p in (ROOT / stage).rglob("*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}

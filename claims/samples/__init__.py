"""The two sample articles numcheck was created from, shipped as the demo's default input."""

from __future__ import annotations

from importlib import resources

NAMES = ("000_3cd21a3405032239.txt", "003_a70c754bd2bccae4.txt")


def sample_texts() -> list[tuple[str, str]]:
    """(display path, text) of each sample article."""
    base = resources.files(__name__)
    return [(f"<sample>/{name}", (base / name).read_text(encoding="utf-8")) for name in NAMES]

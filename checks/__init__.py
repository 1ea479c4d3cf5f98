"""Stage 2: claims → results. The explicit registry of checks, and the runner.

>>> doc = check_text("Downloads fell 35% to 382 million from 602 million.")
>>> [(r.code, r.verdict, r.severity) for r in doc.results]
[('NC101', 'inconsistent', 'minor')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from decimal import Decimal
from importlib.metadata import entry_points
from typing import Iterable

from ..claims import DEFAULT_HEDGE_TOLERANCE, extract
from ..claims.errors import ConfigError
from ..claims.records import Document, Note, Result
from .absolute_change import AbsoluteChange
from .averages import Averages
from .base import Check, Context
from .debit import Debit
from .enumeration import Enumeration
from .equivalence import UnitEquivalence
from .grim import Grim
from .grimmer import Grimmer
from .multiples import Multiples
from .p_value import PValue
from .percent_change import PercentChange
from .percentage_points import PercentVersusPoints
from .rates import RatesAndPeriods
from .repeats import ConflictingRepeats
from .shares import Shares
from .totals import Totals

#: Every built-in check, in code order. Third-party checks join through the
#: ``numcheck.checks`` entry-point group (see :func:`registry`).
BUILTIN: tuple[Check, ...] = (
    PercentChange(), AbsoluteChange(), Multiples(), PercentVersusPoints(), Shares(), Totals(),
    Averages(), RatesAndPeriods(), Enumeration(), UnitEquivalence(), ConflictingRepeats(),
    PValue(), Grim(), Grimmer(), Debit(),
)

__all__ = ["BUILTIN", "Check", "Context", "Settings", "check_document", "check_text", "registry"]


@dataclass(frozen=True, slots=True)
class Settings:
    """Which checks run and how lenient hedges are."""

    select: tuple[str, ...] = ("",)
    """Codes or code prefixes to run; the empty prefix (the default) runs every registered check,
    plugins' included, as flake8 runs its plugins once installed."""
    ignore: tuple[str, ...] = ()
    """Codes or code prefixes to skip (wins over ``select``)."""
    hedge_tolerance: Decimal = DEFAULT_HEDGE_TOLERANCE
    """How far "approximately" and its kin widen an interval, relative to the value."""
    rates: tuple[tuple[str, Decimal], ...] = ()
    """Exchange rates: (currency code, value of one unit in a common base), for NC110."""
    rate_tolerance: Decimal = Decimal("0.05")
    """How far a conversion between currencies may stray from the configured rate."""

    def wants(self, code: str) -> bool:
        """Whether the check with ``code`` is selected and not ignored."""
        return any(code.startswith(p) for p in self.select) and not any(
            code.startswith(p) for p in self.ignore)


@functools.cache
def registry() -> tuple[Check, ...]:
    """Built-in checks, then those registered by installed plugins, sorted by code.

    Cached: scanning installed distributions for entry points costs milliseconds, and this is
    asked once per document.
    """
    checks = {c.code: c for c in BUILTIN}
    for ep in entry_points(group="numcheck.checks"):
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not break numcheck
            raise ConfigError(f"check plugin {ep.name!r} failed to load: {exc}") from None
        check = obj() if isinstance(obj, type) else obj
        if check.code in checks:  # two checks under one code: which one ran would be a guess
            raise ConfigError(f"check plugin {ep.name!r} uses the code {check.code}, which "
                              f"{type(checks[check.code]).__name__} already has")
        checks[check.code] = check
    return tuple(sorted(checks.values(), key=lambda c: c.code))


def _selected(settings: Settings, checks: tuple[Check, ...]) -> tuple[Check, ...]:
    """The checks of ``checks`` that ``settings`` selects, worked out once per settings and check
    set rather than once per document (a scan asks for every one); a check object that cannot be
    hashed (a plugin's dataclass) is simply not cached."""
    try:
        return _selected_cached(settings, checks)
    except TypeError:
        return _select(settings, checks)


def _select(settings: Settings, checks: tuple[Check, ...]) -> tuple[Check, ...]:
    return tuple(check for check in checks if settings.wants(check.code))


_selected_cached = functools.lru_cache(maxsize=64)(_select)


def check_document(doc: Document, settings: Settings = Settings(),
                   checks: Iterable[Check] | None = None) -> Document:
    """Run the selected checks over every claim of ``doc``; return it with results attached."""
    ctx = Context.of(doc, dict(settings.rates), settings.rate_tolerance)
    found: list[Result] = []
    for check in _selected(settings, tuple(checks) if checks is not None else registry()):
        for claim in doc.claims:
            if claim.kind in check.claim_kinds:
                found.extend(check.run(claim, ctx))
    if not found and not doc.results:
        return doc  # most documents: nothing to attach, and a record never changes
    found.sort(key=lambda r: (r.start, r.code))
    results = tuple(replace(r, id=f"r{i}") for i, r in enumerate(found, 1))
    return replace(doc, results=results)


def check_text(text: str, path: str = "<text>", settings: Settings = Settings(),
               notes: tuple[Note, ...] = ()) -> Document:
    """Extract and check ``text`` in one call."""
    return check_document(extract(text, path, notes, settings.hedge_tolerance), settings)

"""``[tool.numcheck]`` in pyproject.toml: found by walking up from the checked paths, validated
key by key, and overridden by the command line.

```toml
[tool.numcheck]
select = ["NC1"]                 # codes or prefixes (a comma-separated string works too)
ignore = ["NC106"]
include = ["*.md", "*.txt"]      # what a directory walk picks up
exclude = ["drafts", "docs/archive/*"]   # replaces the default exclusions
extend-exclude = ["*.draft.md"]          # adds to them
fail-on = "inconsistent"         # or "unverifiable"
format = "concise"
hedge-tolerance = 0.1            # how far "about" widens a figure, relative to it
rate-tolerance = 0.05            # how far a conversion may stray from the configured rate

[tool.numcheck.rates]            # exchange rates for NC110: one unit's value in a common base
GBP = 1
USD = 0.53                       # numcheck never fetches rates
```

Any other key, or a value of the wrong kind, is a :class:`ConfigError` naming the file and the key.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence

from ..checks import Settings
from ..claims import DEFAULT_HEDGE_TOLERANCE
from ..claims.errors import ConfigError
from ..claims.sources import DEFAULT_EXCLUDE, DEFAULT_INCLUDE

FAIL_ON = ("inconsistent", "unverifiable")
_CODE = re.compile(r"[A-Za-z]{1,5}[0-9]{0,4}")
_CURRENCY_CODE = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True, slots=True)
class Config:
    """The validated ``[tool.numcheck]`` table; ``None`` means "not set here"."""

    path: Path | None = None
    """The pyproject.toml it came from; its directory anchors exclude patterns with "/"."""
    values: tuple[tuple[str, Any], ...] = ()
    """(key, value) pairs, keys with "-" as written in TOML."""

    def get(self, key: str, default: Any = None) -> Any:
        return dict(self.values).get(key, default)

    @property
    def base(self) -> Path | None:
        return self.path.parent if self.path else None


def find(paths: Sequence[str], start: Path | None = None) -> Path | None:
    """The nearest pyproject.toml with a ``[tool.numcheck]`` table, walking up from the paths.

    The walk starts at the deepest directory holding every path (the working directory for
    standard input), as black and ruff do.
    """
    real = [os.path.abspath(p) for p in paths if p != "-"]
    here = Path(os.path.commonpath(real)) if real else (start or Path.cwd())
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "numcheck" in _read(candidate).get("tool", {}):
            return candidate
    return None


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None


def load(path: Path | None) -> Config:
    """Read and validate the ``[tool.numcheck]`` table of ``path`` (an empty config if None)."""
    if path is None:
        return Config()
    table = _read(path).get("tool", {}).get("numcheck", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.numcheck] must be a table")
    values = []
    for key, value in table.items():
        if key not in _VALIDATORS:
            close = difflib.get_close_matches(key, _VALIDATORS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(_VALIDATORS)}"
            raise ConfigError(f"{path}: [tool.numcheck] unknown key {key!r}{hint}")
        try:
            values.append((key, _VALIDATORS[key](value)))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: [tool.numcheck] {key}: {exc}") from None
    return Config(path, tuple(values))


def codes(value: Any) -> tuple[str, ...]:
    """Check codes or prefixes from a list or a comma-separated string, upper-cased."""
    items = value.split(",") if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(c, str) for c in items):
        raise TypeError(f"expected a list of check codes, got {value!r}")
    out = tuple(c.strip().upper() for c in items if c.strip())
    bad = [c for c in out if not _CODE.fullmatch(c)]
    if bad:
        raise ValueError(f"{bad[0]!r} is not a check code or prefix (like NC101 or NC1)")
    return out


def _globs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(g, str) and g for g in value):
        raise TypeError(f"expected a list of glob patterns, got {value!r}")
    return tuple(value)


def _choice(options: Sequence[str]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in options:
            raise ValueError(f"expected one of {', '.join(options)}, got {value!r}")
        return str(value)
    return check


def hedge_tolerance(value: Any) -> Decimal:
    """A relative tolerance in [0, 1): a number, or a string such as "0.1"."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"expected a number between 0 and 1, got {value!r}")
    try:
        tol = Decimal(str(value))
    except InvalidOperation:
        raise ValueError(f"expected a number between 0 and 1, got {value!r}") from None
    if not (0 <= tol < 1):
        raise ValueError(f"expected a number between 0 and 1, got {value!r}")
    return tol


def rates(value: Any) -> tuple[tuple[str, Decimal], ...]:
    """Exchange rates: a table of currency code → the value of one unit in a common base."""
    if not isinstance(value, dict):
        raise TypeError(f"expected a table of currency code = rate, got {value!r}")
    out = []
    for code, rate in value.items():
        if not _CURRENCY_CODE.fullmatch(code):
            raise ValueError(f"{code!r} is not a three-letter currency code (like GBP)")
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not rate > 0:
            raise ValueError(f"{code}: expected a positive number, got {rate!r}")
        out.append((code.upper(), Decimal(str(rate))))
    return tuple(out)


def _format(value: Any) -> str:
    from . import formats

    return _choice(sorted(formats()))(value)


_VALIDATORS: dict[str, Callable[[Any], Any]] = {
    "select": codes, "ignore": codes,
    "include": _globs, "exclude": _globs, "extend-exclude": _globs,
    "fail-on": _choice(FAIL_ON), "format": _format, "hedge-tolerance": hedge_tolerance,
    "rates": rates, "rate-tolerance": hedge_tolerance,
}


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything ``numcheck check`` needs, command line over configuration over defaults."""

    settings: Settings
    fmt: str | None
    fail_on: str
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    config: Config


def resolve(paths: Sequence[str], cli: Mapping[str, Any]) -> RunOptions:
    """Merge the command line's ``cli`` values (``None`` or empty = not given) with the config.

    Raises :class:`ConfigError` for an invalid file or an invalid command-line value.
    """
    if cli.get("isolated"):
        cfg = Config()
    elif cli.get("config_path"):
        explicit = Path(cli["config_path"])
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: no such configuration file")
        cfg = load(explicit)
    else:
        cfg = load(find(paths))

    def given(option: str, key: str, parse: Callable[[Any], Any], default: Any) -> Any:
        value = cli.get(option)
        if value is None or value == ():
            return cfg.get(key, default)
        try:
            return parse(list(value) if isinstance(value, tuple) else value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"--{key}: {exc}") from None

    settings = Settings(select=given("select", "select", codes, ("",)),
                        ignore=given("ignore", "ignore", codes, ()),
                        hedge_tolerance=given("hedge_tolerance", "hedge-tolerance", hedge_tolerance,
                                              DEFAULT_HEDGE_TOLERANCE),
                        rates=cfg.get("rates", ()),
                        rate_tolerance=cfg.get("rate-tolerance", Settings().rate_tolerance))
    exclude = given("exclude", "exclude", _globs, DEFAULT_EXCLUDE)
    exclude += given("extend_exclude", "extend-exclude", _globs, ())
    return RunOptions(settings=settings, fmt=cli.get("fmt") or cfg.get("format"),
                      fail_on=cli.get("fail_on") or cfg.get("fail-on", "inconsistent"),
                      include=given("include", "include", _globs, DEFAULT_INCLUDE),
                      exclude=exclude, config=cfg)

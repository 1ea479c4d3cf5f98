"""Tool errors: one base class, caught at the CLI and plugin edges and shown as one line."""


class NumcheckError(Exception):
    """Base of every error numcheck reports to the user (never a finding about the text)."""


class InputError(NumcheckError):
    """An input that cannot be read as text: missing, unreadable, binary or empty."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(NumcheckError):
    """Invalid configuration, naming the offending key."""

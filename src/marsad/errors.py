"""The one exception tree of marsad.

Every error a user can meet is a ``MarsadError`` with a stable ``code`` (tests assert the code, not the
wording) and a one-line message that says what to do about it::

    MarsadError                      code        exit
    ├── InputError                   E100        2    bad path, binary file, bad encoding, bad option value
    │   ├── BadDateError             E101        2
    │   ├── UnsupportedFormatError   E102        2
    │   ├── OutputError              E103        2    an output path refused (the store, exists) or not writable
    │   ├── UnknownParameterError    E104        2    a query parameter the API route does not take (HTTP 400)
    │   └── HostError                E105        2    a Host header the server does not answer to (HTTP 400), or a
    │                                                 bad --allowed-host
    ├── KBError                      E200        3    a knowledge-base file fails its schema (file, line, field)
    ├── StoreError                   E300        3    the DuckDB file cannot be opened, migrated or written
    ├── CodingError                  E400        3    the coder failed on one document (doc id carried)
    │   └── CodingStopped            E410        3    coding stopped on request: a time limit, a client that left
    └── MissingExtraError            E500        2    an optional feature needs `pip install marsad[extra]`

Imports nothing of marsad.
"""
from __future__ import annotations


class MarsadError(Exception):
    code = "E000"
    exit_code = 3

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = context

    def __str__(self) -> str:  # one line, always
        return " ".join(self.message.split())


class InputError(MarsadError):
    code = "E100"
    exit_code = 2


class BadDateError(InputError):
    code = "E101"


class UnsupportedFormatError(InputError):
    code = "E102"


class OutputError(InputError):
    code = "E103"


class UnknownParameterError(InputError):
    """A query parameter the API route does not take: a misspelt filter must not silently return everything."""

    code = "E104"


class HostError(InputError):
    """A request whose Host header names no host the server answers to (DNS rebinding), or a bad --allowed-host."""

    code = "E105"


class KBError(MarsadError):
    code = "E200"

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None, **context: object) -> None:
        where = f"{file}:{line}: " if file and line else (f"{file}: " if file else "")
        super().__init__(where + message, file=file, line=line, **context)


class StoreError(MarsadError):
    code = "E300"


class CodingError(MarsadError):
    code = "E400"


class CodingStopped(CodingError):
    """Coding was stopped at a checkpoint (before a stage, or at a trigger or a tagged sentence inside a long one)
    because the caller asked (``code(..., should_stop=...)``): the server's
    time limit for one request passed, or its client went away."""

    code = "E410"


class MissingExtraError(MarsadError):
    code = "E500"
    exit_code = 2

    def __init__(self, feature: str, extra: str, package: str) -> None:
        super().__init__(f"{feature} needs the '{package}' package: pip install 'marsad[{extra}]'",
                         feature=feature, extra=extra, package=package)


def require(module: str, feature: str, extra: str):
    """Import an optional dependency or raise MissingExtraError naming the install command."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtraError(feature, extra, module.split(".")[0]) from exc

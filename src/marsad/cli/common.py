"""Helpers shared by the command modules: error reporting, date options, rich console."""
from __future__ import annotations

import datetime as dt
import functools
import sys
from typing import Callable, TypeVar

import typer
from rich.console import Console

from ..errors import BadDateError, MarsadError

console = Console()
err_console = Console(stderr=True)
F = TypeVar("F", bound=Callable)


def report(exc: MarsadError) -> None:
    """Print one line naming the problem on stderr."""
    sys.stderr.write(f"marsad: error {exc.code}: {exc}\n")


def fail(exc: MarsadError) -> None:
    """Print one line naming the problem and exit with the error's code."""
    report(exc)
    raise typer.Exit(exc.exit_code)


def handles_errors(fn: F) -> F:
    """Decorate a command so that a MarsadError becomes a one-line message and its exit code."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except MarsadError as exc:
            fail(exc)

    return wrapper  # type: ignore[return-value]


def parse_date(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadDateError(f"{option} {value!r} is not a date in the form YYYY-MM-DD") from None


def stdout_write(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")

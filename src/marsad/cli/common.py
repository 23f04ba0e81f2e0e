"""Helpers shared by the command modules: error reporting, date options, rich console."""
from __future__ import annotations

import datetime as dt
import functools
import sys
from typing import Callable, TypeVar

import typer
from rich.console import Console

from ..errors import BadDateError, MarsadError, StoreError

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
        except Exception as exc:  # noqa: BLE001 - only DuckDB's own errors are turned into a line, others re-raised
            store_error = _damaged_store(exc, kwargs.get("db"))
            if store_error is None:
                raise
            fail(store_error)

    return wrapper  # type: ignore[return-value]


def _damaged_store(exc: Exception, db: object) -> MarsadError | None:
    """A DuckDB error that escaped the store's methods (a corrupt data block is only met when a query reads it:
    "Corrupt database file: computed checksum ... does not match") as one E300 line naming the file and what to do;
    None for any other exception."""
    duckdb = sys.modules.get("duckdb")
    if duckdb is None or not isinstance(exc, duckdb.Error):
        return None
    first = " ".join(str(exc).split())[:200]
    where = f"the database {db}" if isinstance(db, str) else "the database"
    if "corrupt" in first.lower() or "checksum" in first.lower() or isinstance(exc, duckdb.IOException):
        return StoreError(f"{where} is damaged ({first}): restore it from a backup, or re-ingest the sources into "
                          f"a new file", path=db)
    return StoreError(f"{where} could not be read: {first}", path=db)


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

"""The `marsad` command line: a thin typer wrapper over the library.

Each command group lives in its own module here and registers itself on the one app; every command turns a
``MarsadError`` into a one-line message on stderr and its exit code (never a traceback).
"""
from __future__ import annotations

import sys

import typer

from ..errors import MarsadError

app = typer.Typer(name="marsad", help="Offline Arabic-first political event coder.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)



def _print_version(value: bool) -> None:
    # eager: runs while the options are parsed, before click asks for a command ("Missing command")
    if value:
        from .._version import __version__

        typer.echo(__version__)
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", is_eager=True, callback=_print_version,
                                       help="Print the version (package, coder, /healthz) and exit.")) -> None:
    """marsad (مرصد): turn Arabic and English news text into political event data, offline."""


from . import code as _code  # noqa: E402,F401  (each module registers its commands on `app`)

for _name in ("kb", "store", "eval", "serve", "spark", "cluster"):
    try:
        __import__(f"{__name__}.{_name}")
    except ModuleNotFoundError as exc:  # a command module not written yet, never a missing dependency
        if exc.name != f"{__name__}.{_name}":
            raise


def main() -> None:
    try:
        app()
    except MarsadError as exc:
        from .common import report

        report(exc)
        sys.exit(exc.exit_code)

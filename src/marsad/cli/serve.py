"""`marsad serve`: the REST API and the dashboard on one port."""
from __future__ import annotations

import signal
import socket
import sys

import typer

from ..errors import InputError, require
from . import app
from .common import handles_errors

_UNITS = {"": 1, "b": 1, "kb": 1024, "k": 1024, "mb": 1024 ** 2, "m": 1024 ** 2}


def parse_size(value: str) -> int:
    v = value.strip().lower()
    num = v.rstrip("bkm")
    unit = v[len(num):]
    try:
        n = float(num)
    except ValueError:
        raise InputError(f"--max-body {value!r} is not a size such as 2MB, 512KB or 1048576") from None
    if unit not in _UNITS or n <= 0:
        raise InputError(f"--max-body {value!r} is not a size such as 2MB, 512KB or 1048576")
    return int(n * _UNITS[unit])


@app.command("serve")
@handles_errors
def serve_cmd(
    db: str = typer.Option("marsad.duckdb", "--db", help="DuckDB file to serve (created empty if missing)."),
    host: str = typer.Option("127.0.0.1", "--host"),
    port: int = typer.Option(8000, "--port"),
    max_body: str = typer.Option("2MB", "--max-body", help="Largest request body accepted (413 above it)."),
    allowed_host: list[str] = typer.Option(None, "--allowed-host", help="Also answer requests whose Host header "
                                           "is this name (repeatable; * for any). Always answered: localhost, "
                                           "127.0.0.1, [::1] and the --host address."),
    max_chars: int = typer.Option(50_000, "--max-chars", help="POST /v1/code codes at most this many characters "
                                  "of a text (cut at a sentence end; the reply says truncated)."),
    max_seconds: float = typer.Option(30.0, "--max-seconds", help="POST /v1/code stops coding after this many "
                                      "seconds (503), or as soon as its client leaves."),
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json) and the dashboard at /. POST /v1/documents needs
    MARSAD_TOKEN in the environment; without it the write route is off. Requests naming another Host get a 400
    (a defence against DNS rebinding)."""
    uvicorn = require("uvicorn", "marsad serve", "api")
    from ..api.app import create_app
    from ..api.hosts import allowed_hosts
    from ..store.serving import announced, loopback_url

    if not 0 < port < 65536:
        raise InputError(f"--port {port} is not a TCP port (1-65535)")
    limit = parse_size(max_body)
    if max_chars < 1:
        raise InputError(f"--max-chars {max_chars} must be a positive number of characters")
    if not max_seconds > 0:
        raise InputError(f"--max-seconds {max_seconds} must be a positive number of seconds")
    hosts = allowed_hosts(host, allowed_host or ())
    _check_free(host, port)
    application = create_app(db, max_body=limit, allowed_hosts=hosts, max_chars=max_chars, max_seconds=max_seconds)
    writable = application.state.database.writable
    shown = f"[{host}]" if ":" in host else host
    sys.stderr.write(f"marsad: serving {db} at http://{shown}:{port}/ (API reference /docs; "
                     f"{'POST /v1/documents on' if writable else 'read-only: set MARSAD_TOKEN to allow writes'}; "
                     f"bodies up to {limit:,} bytes; Host: {', '.join(hosts)}). Ctrl+C stops.\n")
    # announced beside the store while it runs, so that marsad ingest writes through this server (store/serving.py)
    # uvicorn shuts down gracefully on SIGTERM, then raises the signal again: exit then, through the finally blocks
    signal.signal(signal.SIGTERM, _exit_quietly)
    with announced(db, loopback_url(host, port), writable, limit):
        uvicorn.run(application, host=host, port=port, log_level="warning")


def _exit_quietly(_signum, _frame) -> None:
    raise SystemExit(0)


def _check_free(host: str, port: int) -> None:
    """Fail with one clear line, before loading anything, when the address cannot be bound."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"--host {host!r} does not resolve: {exc.strerror}") from None
    family, kind, proto, _name, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise InputError(f"cannot listen on {host}:{port}: {exc.strerror} (is another server running? "
                             "choose another --port)") from None

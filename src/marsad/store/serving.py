"""A running ``marsad serve`` announces itself beside its store, so that ``marsad ingest`` can find it.

DuckDB lets one process write a file, and a reader in another process cannot open it while that writer holds it
(nor can a writer while a reader does): a server and an ingest of the same store would each get a lock error.
So the server, which holds the store for as long as it runs, writes ``<store>.serve.json`` (its loopback URL,
process id, whether it takes writes, its body limit) when it starts and removes it when it stops; an ingest that
finds a live server there sends its documents through the server's token-protected ``POST /v1/documents``
(``ingest/remote.py``) instead of opening the file. A file left by a killed server names a dead process and is
ignored. Imports nothing of marsad.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".serve.json"


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    pid: int
    writable: bool
    max_body: int


def announcement(db: str | os.PathLike) -> Path:
    return Path(str(db) + SUFFIX)


def loopback_url(host: str, port: int) -> str:
    """The URL a process on this machine reaches the server at: a wildcard bind is reached on loopback."""
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


@contextmanager
def announced(db: str, url: str, writable: bool, max_body: int) -> Iterator[Path | None]:
    """Write the announcement for the time of the block (atomically; nothing when the store's folder is not
    writable, or the store is in memory), and remove it after, if it is still ours."""
    if db == ":memory:":
        yield None
        return
    path = announcement(db)
    data = {"url": url, "pid": os.getpid(), "writable": writable, "max_body": max_body}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        yield None
        return
    try:
        yield path
    finally:
        try:
            if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
                path.unlink()
        except (OSError, ValueError):
            pass


def find(db: str | os.PathLike) -> Server | None:
    """The server announced beside ``db`` if its process is alive, else None (a stale file is left alone)."""
    path = announcement(db)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        server = Server(url=str(data["url"]), pid=int(data["pid"]), writable=bool(data["writable"]),
                        max_body=int(data["max_body"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    try:
        os.kill(server.pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # alive, another user's
    return server

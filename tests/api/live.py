"""A real ``marsad serve`` process on a free loopback port (the pattern of tests/browser): for tests that speak HTTP
to the server as a client would, rather than through FastAPI's in-process TestClient."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx


class Base(str):
    """The server's base URL, with the process id of ``marsad serve`` (to read its CPU time)."""

    pid: int


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(db: Path, log_path: Path, token: str | None = None, env: dict[str, str] | None = None,
            args: tuple[str, ...] = ()):
    """``marsad serve --db DB [ARGS]`` (writable with ``token``, or with the environment ``env`` as given), healthy
    before the base URL is yielded, stopped after."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if k != "MARSAD_TOKEN"}
        if token:
            env["MARSAD_TOKEN"] = token
    port = free_port()
    log = open(log_path, "wb")  # noqa: SIM115 - closed below, after the process
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(port), *args],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    base = Base(f"http://127.0.0.1:{port}")
    base.pid = proc.pid
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"marsad serve exited with {proc.returncode}: "
                                   f"{log_path.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("marsad serve did not answer /healthz within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()

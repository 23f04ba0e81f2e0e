"""The bearer token of the write routes, checked before the request body is read, with a back-off on failed guesses.

``TokenGuard`` is a FastAPI dependency. A write route declares it in ``dependencies=`` and takes its body through
``json_body`` (a dependency too, so FastAPI reads nothing first): the guard runs first, and an unauthenticated
request is refused with 401 (or 503, 429) before any byte of its body is read, parsed or validated; it never learns
the body's schema from a 422.

Back-off, per client address: failed tokens are counted in a window of ``window`` seconds; the ``failures``-th
locks the client out for ``lock`` seconds, doubled at each further lockout up to ``max_lock``. While locked out,
every request of that client to a write route gets 429 with ``Retry-After``, the right token included (the lockout
answers the same whatever is guessed). A right token clears the client's record. Defaults: 5 failures a minute,
then 2, 4, 8 ... up to 300 s: a guesser gets about five tries in five minutes. At most ``max_clients`` addresses
are tracked (the oldest forgotten). Behind a reverse proxy every client has the proxy's address, so one guesser
locks out the others: the proxy should authenticate instead. Imports nothing of marsad.
"""
from __future__ import annotations

import hmac
import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException

_bearer = HTTPBearer(auto_error=False, scheme_name="bearer",
                     description="Authorization: Bearer <MARSAD_TOKEN>, the token the server was started with.")


@dataclass(slots=True)
class _Client:
    fails: int = 0
    first: float = 0.0  # when the current window of failures began
    locks: int = 0  # lockouts so far
    until: float = 0.0  # locked out until


class TokenGuard:
    """Bearer-token check with per-client back-off (see the module docstring). ``token`` None: writes are off
    (503). ``clock`` is injectable for tests."""

    def __init__(self, token: str | None, *, failures: int = 5, window: float = 60.0, lock: float = 2.0,
                 max_lock: float = 300.0, max_clients: int = 10_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.token = token
        self.failures, self.window, self.lock, self.max_lock = failures, window, lock, max_lock
        self.max_clients = max_clients
        self.clock = clock
        self._clients: OrderedDict[str, _Client] = OrderedDict()
        self._mutex = threading.Lock()

    def dependency(self):
        """The FastAPI dependency (declares the bearer scheme in the OpenAPI document)."""
        def check(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
            self.check(request.client.host if request.client else "unknown",
                       credentials.credentials if credentials else None)
        return check

    def check(self, client: str, given: str | None) -> None:
        """Return if ``given`` is the token; else raise the HTTPException of the reply (503, 429, 401)."""
        if not self.token:
            raise HTTPException(503, "write routes are off: start the server with MARSAD_TOKEN set")
        now = self.clock()
        with self._mutex:
            state = self._clients.get(client)
            if state is not None and now < state.until:
                wait = math.ceil(state.until - now)
                raise HTTPException(429, f"too many wrong tokens from this address: try again in {wait} s",
                                    headers={"Retry-After": str(wait)})
        if given is not None and hmac.compare_digest(given.encode(), self.token.encode()):
            with self._mutex:
                self._clients.pop(client, None)
            return
        with self._mutex:
            state = self._clients.pop(client, None) or _Client()
            if state.fails == 0 or now - state.first > self.window:
                state.fails, state.first = 0, now
            state.fails += 1
            if state.fails >= self.failures:
                state.locks += 1
                state.until = now + min(self.max_lock, self.lock * 2 ** (state.locks - 1))
                state.fails = 0
            self._clients[client] = state  # most recent last
            while len(self._clients) > self.max_clients:
                self._clients.popitem(last=False)
        raise HTTPException(401, "missing or wrong bearer token (Authorization: Bearer $MARSAD_TOKEN)",
                            headers={"WWW-Authenticate": "Bearer"})


def json_body(model: type[BaseModel]):
    """A dependency that reads and validates the JSON body as ``model`` (a 422 in the envelope when it does not
    fit). Declared after the guard, it runs only for an authenticated request; the route's OpenAPI request body is
    added by ``spec.request_body``."""

    async def read(request: Request) -> BaseModel:
        raw = await request.body()
        try:  # Python's json, as FastAPI's own body reading: a lone surrogate escape ("\ud800") is valid JSON
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:  # deep nesting too: a 422, not a 500
            raise RequestValidationError([{"type": "json_invalid", "loc": ("body",),
                                           "msg": f"Invalid JSON: {exc}", "input": None}]) from None
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            raise RequestValidationError(
                [{**e, "loc": ("body", *e.get("loc", ()))} for e in exc.errors(include_url=False)]) from None
    read.__name__ = f"read_{model.__name__}"
    return read

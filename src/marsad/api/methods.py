"""HTTP methods: HEAD is answered wherever GET is, and a 405 says which methods the path takes (``Allow``).

FastAPI's routes answer only the methods they name, so ``HEAD /v1/events`` was a 405 (and a 405 carried no
``Allow``). ``HeadAsGet`` runs a HEAD request as the GET of the same path and sends its status and headers
(``Content-Length``, ``ETag`` included) with no body; ``allowed`` lists the methods of every route whose path
matches, for the ``Allow`` header of a 405. Imports nothing of marsad.
"""
from __future__ import annotations

from starlette.routing import Match


class HeadAsGet:
    """ASGI middleware: HEAD = GET without the body."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(message):
            if message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        return await self.app({**scope, "method": "GET"}, receive, headers_only)


def allowed(routes, scope) -> str:
    """The ``Allow`` value for ``scope``'s path: the methods of every route matching it (HEAD beside GET); GET and
    HEAD for a mounted app (the static files)."""
    methods: set[str] = set()
    probe = {**scope, "method": "\x00"}  # matches no route's method: every path match is PARTIAL
    for route in routes:
        match, _child = route.matches(probe)
        if match == Match.NONE:
            continue
        methods |= set(getattr(route, "methods", None) or {"GET"})
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods or {"GET", "HEAD"}))

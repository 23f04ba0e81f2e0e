"""The one JSON error envelope of the API, for the app's handlers and the ASGI middlewares alike:
``{"error": {"code": "E100", "status": 400, "message": "..."}}``. Imports nothing of marsad."""
from __future__ import annotations

from collections.abc import Mapping

from starlette.responses import JSONResponse


def envelope(status: int, code: str, message: object, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """An error reply: status, stable code and a one-line message (whitespace folded), with extra ``headers``
    (``Allow``, ``Retry-After``, ``WWW-Authenticate``)."""
    return JSONResponse({"error": {"code": code, "status": status, "message": " ".join(str(message).split())}},
                        status_code=status, headers=dict(headers or {}))

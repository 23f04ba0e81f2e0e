"""The OpenAPI document says every error reply the server really gives, in the envelope's schema.

FastAPI documents a 422 with its own ``HTTPValidationError`` shape on every route with parameters, while marsad
answers a malformed query parameter with a 400 and every error with the envelope; and it knows nothing of the
replies the middlewares give (413, the Host check's 400) or the token guard's (401, 429, 503). ``install`` wraps
``app.openapi`` so that each operation lists: 400 (a bad, malformed or unknown parameter; a Host not served),
404 when its path has a parameter, 413 and 422 when it takes a body, 401, 429 and 503 when it needs the token —
each with the ``ErrorEnvelope`` schema — and a body read by ``guard.json_body`` appears as the operation's request
body. Imports only ``api.schemas``.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .schemas import ErrorEnvelope

REPLIES = {
    400: "A bad, malformed or unknown parameter, or a Host header this server does not answer to (E100, E104, E105).",
    401: "Missing or wrong bearer token (E401); the reply carries WWW-Authenticate: Bearer.",
    404: "Nothing has this identifier (E404).",
    413: "The request body is larger than the server's limit (E413).",
    422: "The JSON body is not valid JSON or does not fit the schema (E422).",
    429: "Too many wrong tokens from this address: wait for Retry-After seconds (E429).",
    503: "Write routes are off (started without MARSAD_TOKEN, E503) or the store cannot be read (E300).",
}
_ENVELOPE = {"$ref": "#/components/schemas/ErrorEnvelope"}
#: The 16 PLOVER event types, the enum of the type parameter (CAMEO-only events have none).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
                "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


def install(app, bodies: dict[tuple[str, str], type[BaseModel]]) -> None:
    """Complete ``app``'s OpenAPI document once, when first asked. ``bodies`` maps (path, method) to the model of
    a body read by ``guard.json_body``."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            complete(generate(), bodies)
        return app.openapi_schema

    app.openapi = openapi


def _components(spec: dict[str, Any], model: type[BaseModel]) -> None:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    found = spec.setdefault("components", {}).setdefault("schemas", {})
    found.update(schema.pop("$defs", {}))
    found[model.__name__] = schema


def complete(spec: dict[str, Any], bodies: dict[tuple[str, str], type[BaseModel]]) -> dict[str, Any]:
    _components(spec, ErrorEnvelope)
    for (path, method), model in bodies.items():
        _components(spec, model)
        spec["paths"][path][method]["requestBody"] = {
            "required": True, "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/"
                                                                                  f"{model.__name__}"}}}}
    for path, ops in spec.get("paths", {}).items():
        for op in ops.values():
            codes = {400}
            if "{" in path:
                codes.add(404)
            if "requestBody" in op:
                codes |= {413, 422}
            if op.get("security"):
                codes |= {401, 429, 503}
            responses = op.setdefault("responses", {})
            if "requestBody" not in op:
                responses.pop("422", None)  # a malformed parameter of the address is a 400, never a 422
            for code in sorted(codes):
                responses[str(code)] = {"description": REPLIES[code],
                                        "content": {"application/json": {"schema": _ENVELOPE}}}
    used = str(spec.get("paths"))
    for name in ("HTTPValidationError", "ValidationError"):
        if f"/{name}'" not in used:
            spec.get("components", {}).get("schemas", {}).pop(name, None)
    return spec

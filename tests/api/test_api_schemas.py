"""Response schemas in the OpenAPI document, held to the real replies: a ``marsad serve`` process on loopback over a
DuckDB file; every JSON GET route documents its 200 reply with a named schema and its 400 with the error envelope,
and what the route really returns validates against that schema."""
from __future__ import annotations

import httpx
import pytest

from api.live import serving
from marsad.api import schemas
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

TEXTS = [("اتهمت إيران الولايات المتحدة بتهديد أمنها في بيان رسمي يوم الاثنين.", "2024-05-06"),  # written here
         ("Iraqi government forces shelled positions held by the rebels near Mosul on Tuesday.", "2024-05-07")]

ROUTES = {"/healthz": "Health", "/v1/events": "EventsPage", "/v1/actors": "Actors", "/v1/dyads": "Dyads",
          "/v1/network": "Network", "/v1/stats": "Stats", "/v1/codes": "Legend", "/v1/codes/{code}": "DecodedCode",
          "/v1/events/{event_id}": "EventDetail", "/v1/entities/unlinked": "Unlinked"}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("schemas")
    db = tmp / "schemas.duckdb"
    with Store(db) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title="t", source="desk", date=d)) for t, d in TEXTS])
    with serving(db, tmp / "serve.log") as url:
        yield url


def test_every_json_get_route_names_its_reply_schema(base):
    spec = httpx.get(base + "/openapi.json").json()
    for path, model in ROUTES.items():
        responses = spec["paths"][path]["get"]["responses"]
        assert responses["200"]["content"]["application/json"]["schema"] == {"$ref": f"#/components/schemas/{model}"}
        assert responses["400"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorEnvelope")
        assert spec["components"]["schemas"][model]["properties"], model


def test_real_replies_validate_against_their_schemas(base):
    page = httpx.get(base + "/v1/events").json()
    schemas.EventsPage.model_validate(page)
    schemas.EventDetail.model_validate(httpx.get(base + "/v1/events/" + page["items"][0]["id"]).json())
    for path, params in (("/healthz", {}), ("/v1/actors", {"level": "code"}), ("/v1/dyads", {"by": "year"}),
                         ("/v1/network", {}), ("/v1/stats", {"min_confidence": "0.1"}), ("/v1/codes", {}),
                         ("/v1/codes/IRQGOV", {}), ("/v1/entities/unlinked", {})):
        model = getattr(schemas, ROUTES.get(path, "DecodedCode"))
        model.model_validate(httpx.get(base + path, params=params).json())
    schemas.ErrorEnvelope.model_validate(httpx.get(base + "/v1/events", params={"tpye": "x"}).json())

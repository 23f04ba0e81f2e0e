"""Host allow-list, HEAD and Allow, no file system paths, a complete OpenAPI document (issue 21, item 7).

Before: any Host header was served (a DNS-rebinding page could read the store), HEAD was a 405, a 405 said
nothing of the methods allowed, ``/v1/events/{id}`` showed the absolute path the ingest read, and the OpenAPI
document listed FastAPI's 422 shape on every GET while the server answered 400, 401, 413, 429 with the envelope.
A real ``marsad serve`` on loopback over a DuckDB file (stored through the write route)."""
from __future__ import annotations

import socket

import httpx
import pytest

from api.live import serving
from marsad.api.hosts import allowed_hosts, host_name
from marsad.errors import HostError
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store

TEXT = "أدانت الحكومة العراقية الهجوم الذي استهدف قاعدة عسكرية قرب الموصل يوم الثلاثاء."  # written for this test


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hosts")
    corpus = tmp / "very-private-folder"
    corpus.mkdir()
    db = tmp / "hosts.duckdb"
    with Store(db) as s:
        s.upsert_documents([(code(TEXT, date="2024-05-07"),
                             DocMeta(title="t", date="2024-05-07", path=str(corpus / "feed.jsonl:3")))])
    with serving(db, tmp / "serve.log", args=("--allowed-host", "Desk.Example.")) as url:
        yield url


def _get(url: str, path: str, host: str | None, method: str = "GET") -> httpx.Response:
    headers = {"Host": host} if host is not None else {}
    return httpx.request(method, url + path, headers=headers)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhostx",
                                  "[::2]", "0.0.0.0"])
def test_a_foreign_host_is_a_400_before_any_route(live, host):
    for path, method in (("/v1/stats", "GET"), ("/v1/code", "POST"), ("/", "GET"), ("/nope", "GET")):
        r = _get(live, path, host, method)
        assert r.status_code == 400, (host, path, r.status_code)
        assert r.json()["error"]["code"] == "E105" and "--allowed-host" in r.json()["error"]["message"]


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:1234", "127.0.0.1", "[::1]:80", "desk.example",
                                  "desk.example:443"])
def test_loopback_names_and_allowed_hosts_are_served(live, host):
    r = _get(live, "/healthz", host)
    assert r.status_code == 200 and r.json()["status"] == "ok"


def test_a_request_with_no_host_is_refused(live):
    port = int(live.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    assert reply.split(b" ", 2)[1] == b"400" and b"E105" in reply


def test_allowed_host_values():
    assert host_name("[::1]:8000") == "::1" and host_name("Example.ORG.:80") == "example.org"
    assert allowed_hosts("127.0.0.1") == ("localhost", "127.0.0.1", "::1")
    assert allowed_hosts("0.0.0.0", ["desk.example"]) == ("localhost", "127.0.0.1", "::1", "desk.example")
    assert "10.1.2.3" in allowed_hosts("10.1.2.3")
    with pytest.raises(HostError):
        allowed_hosts("127.0.0.1", ["bad host/name"])


@pytest.mark.parametrize("path", ["/healthz", "/v1/events", "/v1/stats", "/v1/actors", "/v1/codes/IRQGOV", "/",
                                  "/openapi.json"])
def test_head_is_answered_where_get_is(live, path):
    got, head = httpx.get(live + path), httpx.head(live + path)
    assert got.status_code == head.status_code == 200, (path, head.status_code)
    assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
    assert int(head.headers["content-length"]) == len(got.content)


@pytest.mark.parametrize("method, path, allow", [("DELETE", "/v1/events", "GET, HEAD"), ("PUT", "/healthz", "GET, HEAD"),
                                                 ("GET", "/v1/documents", "POST"), ("GET", "/v1/code", "POST"),
                                                 ("OPTIONS", "/v1/stats", "GET, HEAD")])
def test_a_405_says_which_methods_the_path_takes(live, method, path, allow):
    r = httpx.request(method, live + path)
    assert r.status_code == 405 and r.json()["error"]["code"] == "E405"
    assert r.headers["allow"] == allow


def test_no_file_system_path_in_any_reply(live):
    event_id = httpx.get(live + "/v1/events").json()["items"][0]["id"]
    for path in ("/healthz", "/v1/stats", "/v1/events", f"/v1/events/{event_id}", "/v1/actors"):
        text = httpx.get(live + path).text
        assert "very-private-folder" not in text and "/tmp" not in text and "hosts.duckdb" not in text, path
    assert httpx.get(live + f"/v1/events/{event_id}").json()["document"]["path"] == "feed.jsonl:3"


def test_the_openapi_document_lists_the_errors_the_server_gives(live):
    spec = httpx.get(live + "/openapi.json").json()
    envelope = {"$ref": "#/components/schemas/ErrorEnvelope"}
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            replies = op["responses"]
            assert replies["400"]["content"]["application/json"]["schema"] == envelope, (path, method)
            if "{" in path:
                assert "404" in replies, path
            if method == "post":
                assert {"413", "422"} <= set(replies) and replies["422"]["content"]["application/json"][
                    "schema"] == envelope, path
            else:
                assert "422" not in replies, path  # a malformed parameter of the address is a 400
    docs = spec["paths"]["/v1/documents"]["post"]
    assert {"401", "429", "503"} <= set(docs["responses"]) and docs["security"] == [{"bearer": []}]
    assert docs["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/DocumentsRequest")
    assert spec["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_enumerated_parameters_carry_their_enums(live):
    spec = httpx.get(live + "/openapi.json").json()

    def enum(path: str, name: str) -> list:
        (param,) = [p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name]
        return param["schema"]["enum"]

    assert set(enum("/v1/events", "modality")) == {"asserted", "negated", "intended", "planned", "hypothetical",
                                                    "reported"}
    assert enum("/v1/events", "background") == ["exclude", "include", "only"]
    assert enum("/v1/events", "quad_class") == [1, 2, 3, 4]
    assert len(enum("/v1/events", "type")) == 16 and "ASSAULT" in enum("/v1/events", "type")
    assert enum("/v1/dyads", "by") == ["day", "week", "month", "quarter", "year"]
    assert enum("/v1/actors", "level") == ["country", "code"]
    assert enum("/v1/entities/unlinked", "kind") == ["person", "organization", "place"]
    # what an enum documents, the server holds to: a value outside it is a 400
    for path, params in (("/v1/events", {"modality": "rumoured"}), ("/v1/dyads", {"by": "decade"}),
                         ("/v1/actors", {"level": "galaxy"}), ("/v1/entities/unlinked", {"kind": "animal"}),
                         ("/v1/events", {"quad_class": "5"}), ("/v1/events", {"type": "PICNIC"})):
        assert httpx.get(live + path, params=params).status_code == 400, (path, params)

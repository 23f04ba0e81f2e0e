"""The write route's token is checked before its body is read, and wrong tokens are slowed down (issue 21, item 7).

Before: FastAPI read and validated the body first, so a stranger got a 422 that described the schema after up to
2 MB of JSON were parsed, and could guess tokens as fast as the server answered. A real ``marsad serve`` on
loopback over a DuckDB file; the back-off's clock is driven in-process (``TokenGuard(clock=...)``) so its
timing is exact without sleeping."""
from __future__ import annotations

import json
import socket
import time

import httpx
import pytest
from fastapi.testclient import TestClient

from api.live import serving
from marsad.api.app import create_app
from marsad.api.guard import TokenGuard
from marsad.store import Store

TOKEN = "t0ken-for-tests"
DOC = {"documents": [{"text": "استقبل وزير الخارجية المصري نظيره الأردني في القاهرة يوم الأحد.",
                      "date": "2025-03-02"}]}  # written for this test


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("auth")
    db = tmp / "auth.duckdb"
    Store(db).close()
    with serving(db, tmp / "serve.log", token=TOKEN) as url:
        yield url


def _raw(base: str, head: str, body: bytes = b"", timeout: float = 5.0) -> tuple[int, dict[str, str], bytes]:
    """Send a request as bytes on a socket (so that the body can be announced and never sent); the reply."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        s.sendall(head.encode() + b"\r\n\r\n" + body)
        data = b""
        while b"\r\n\r\n" not in data:
            data += s.recv(65536)
        top, _, rest = data.partition(b"\r\n\r\n")
        lines = top.decode("latin-1").split("\r\n")
        headers = {k.lower(): v.strip() for k, _, v in (x.partition(":") for x in lines[1:])}
        while len(rest) < int(headers.get("content-length", 0)):
            rest += s.recv(65536)
        return int(lines[0].split()[1]), headers, rest


def test_no_token_is_a_401_before_the_body_is_read(live):
    # 1.5 MB announced, not one byte sent: a server that read the body first would wait for it for ever, and the
    # socket here would time out instead of reading a reply
    status, headers, body = _raw(live, "POST /v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                       "Content-Type: application/json\r\nContent-Length: 1500000", timeout=20)
    assert status == 401 and json.loads(body)["error"]["code"] == "E401"
    assert headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("body", [b"{not json", b'{"documents": "many"}', b"[" * 5000, b"{}"])
def test_an_invalid_body_without_the_token_is_a_401_not_a_422(live, body):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic " + TOKEN}):
        r = httpx.post(live + "/v1/documents", content=body,
                       headers={"content-type": "application/json", **headers, "x-forwarded-for": "ignored"})
        assert r.status_code in (401, 429) and "documents" not in r.text, r.text  # nothing about the schema
        if r.status_code == 429:
            break


def test_with_the_token_the_body_is_validated_and_stored(tmp_path):
    db = tmp_path / "ok.duckdb"
    Store(db).close()
    with serving(db, tmp_path / "serve.log", token=TOKEN) as url:
        bad = httpx.post(url + "/v1/documents", content=b'{"documents": []}',
                         headers={"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"})
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "E422"
        assert "documents" in bad.json()["error"]["message"]
        for raw in (b"[" * 200_000, b'{"documents": [{"text": "\\ud800 ok"}], "ner": tru', b"\xff\xfe"):
            r = httpx.post(url + "/v1/documents", content=raw,
                           headers={"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"})
            assert r.status_code == 422 and r.json()["error"]["code"] == "E422", (raw[:30], r.text[:200])
        good = httpx.post(url + "/v1/documents", json=DOC, headers={"Authorization": f"Bearer {TOKEN}"})
        assert good.status_code == 200 and good.json()["new"] == 1, good.text
    with Store(db, read_only=True) as s:
        assert s.con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_five_wrong_tokens_lock_the_address_out_over_http(tmp_path):
    db = tmp_path / "lock.duckdb"
    Store(db).close()
    with serving(db, tmp_path / "serve.log", token=TOKEN) as url:
        codes = [httpx.post(url + "/v1/documents", json=DOC, headers={"Authorization": f"Bearer guess{i}"})
                 .status_code for i in range(5)]
        assert codes == [401] * 5
        locked = httpx.post(url + "/v1/documents", json=DOC, headers={"Authorization": f"Bearer {TOKEN}"})
        assert locked.status_code == 429 and locked.json()["error"]["code"] == "E429"
        assert 1 <= int(locked.headers["retry-after"]) <= 2
        time.sleep(int(locked.headers["retry-after"]) + 0.1)
        assert httpx.post(url + "/v1/documents", json=DOC,
                          headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_lockouts_double_and_a_right_token_clears_them(tmp_path):
    clock = Clock()
    guard = TokenGuard(TOKEN, failures=3, window=60, lock=2, max_lock=16, clock=clock)
    db = tmp_path / "clock.duckdb"
    Store(db).close()
    client = TestClient(create_app(str(db), token=TOKEN, guard=guard), raise_server_exceptions=False)

    def post(token: str) -> httpx.Response:
        return client.post("/v1/documents", content=b"{", headers={"Authorization": f"Bearer {token}"})

    waits = []
    for _round in range(5):
        assert [post("x").status_code for _ in range(3)] == [401, 401, 401]
        r = post(TOKEN)
        assert r.status_code == 429
        waits.append(int(r.headers["retry-after"]))
        clock.now += waits[-1]
    assert waits == [2, 4, 8, 16, 16]  # doubled each lockout, up to max_lock
    assert post(TOKEN).status_code == 422  # let through (and the body then refused): the record is cleared
    assert [post("x").status_code for _ in range(3)] == [401, 401, 401]
    assert int(post(TOKEN).headers["retry-after"]) == 2  # back to the first lockout


def test_failures_outside_the_window_do_not_add_up(tmp_path):
    clock = Clock()
    guard = TokenGuard(TOKEN, failures=3, window=10, clock=clock)
    for _ in range(10):
        with pytest.raises(Exception) as exc:
            guard.check("10.0.0.1", "x")
        assert exc.value.status_code == 401
        clock.now += 6  # two failures at most in any 10 s
    guard.check("10.0.0.1", TOKEN)


def test_addresses_are_counted_apart_and_bounded():
    clock = Clock()
    guard = TokenGuard(TOKEN, failures=2, clock=clock, max_clients=100)
    for i in range(2):
        with pytest.raises(Exception):
            guard.check("a", "x")
    with pytest.raises(Exception) as exc:
        guard.check("a", TOKEN)
    assert exc.value.status_code == 429
    guard.check("b", TOKEN)  # another address is not locked out
    for i in range(1000):
        with pytest.raises(Exception):
            guard.check(f"c{i}", "x")
    assert len(guard._clients) <= 100


def test_without_a_token_configured_it_is_a_503(tmp_path):
    db = tmp_path / "ro.duckdb"
    Store(db).close()
    client = TestClient(create_app(str(db), token=""), raise_server_exceptions=False)
    r = client.post("/v1/documents", content=b"{broken", headers={"Authorization": "Bearer x"})
    assert r.status_code == 503 and r.json()["error"]["code"] == "E503"

"""Search that forgives Arabic spelling and knows places: ``q`` folds hamza/alef, alef maqsura, ta marbuta,
diacritics and tatweel on both sides; ``place`` takes a place or country name in Arabic or English (resolved with
the KB) as well as the name stored and the ISO3 code. Real DuckDB files, through the store and over HTTP."""
from __future__ import annotations

import httpx
import pytest

from api.live import serving
from marsad.export.tables import DocMeta
from marsad.pipeline import code
from marsad.store import Store
from marsad.store.queries import EventFilter

# written for these tests
TEXTS = {
    "tehran": ("استقبل الرئيس الإيراني وفدًا عراقيًا في طهران يوم الأحد لبحث التعاون الاقتصادي.", "2024-05-05"),
    "accuse": ("اتهمت إيران الولايات المتحدة بتهديد أمنها في بيان رسمي يوم الاثنين.", "2024-05-06"),
    "mosul": ("Iraqi government forces shelled positions held by the rebels near Mosul on Tuesday.", "2024-05-07"),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("search") / "search.duckdb"
    with Store(path) as store:
        store.upsert_documents([(code(t, date=d), DocMeta(title=k, source="desk", date=d))
                                for k, (t, d) in TEXTS.items()])
    return path


def titles(db, **kw) -> set[str]:
    with Store(db, read_only=True) as store:
        items = store.events(EventFilter(**kw), limit=100).items
        docs = {r[0]: r[1] for r in store.con.execute("SELECT doc_id, title FROM documents").fetchall()}
    return {docs[i["doc_id"]] for i in items}


@pytest.mark.parametrize("q, want", [
    ("إيران", {"tehran", "accuse"}), ("ايران", {"tehran", "accuse"}), ("أيران", {"tehran", "accuse"}),
    ("الايراني", {"tehran"}), ("الإيرانيّ", {"tehran"}), ("التعاون الاقتصادى", {"tehran"}),
    ("وفدا", {"tehran"}), ("MOSUL", {"mosul"}), ("طهرانـ", {"tehran"}), ("بغداد", set()),
])
def test_text_search_folds_arabic_spelling(db, q, want):
    assert titles(db, text=q) == want


@pytest.mark.parametrize("place, want", [
    ("طهران", {"tehran"}), ("Tehran", {"tehran"}), ("tehran", {"tehran"}),
    ("إيران", {"tehran"}), ("ايران", {"tehran"}), ("Iran", {"tehran"}), ("IRN", {"tehran"}),
    ("الموصل", {"mosul"}), ("Mosul", {"mosul"}), ("العراق", {"mosul"}), ("Iraq", {"mosul"}),
    ("Kyoto", set()),
])
def test_place_names_in_either_language_find_events(db, place, want):
    assert titles(db, place=place) == want


def test_the_api_searches_the_same_way(db, tmp_path):
    with Store(db, read_only=True) as store:
        want = {kw: store.events(EventFilter(**dict([kw])), limit=100).total
                for kw in (("text", "إيران"), ("place", "Tehran"))}
    assert want[("text", "إيران")] >= 2 and want[("place", "Tehran")] >= 1
    with serving(db, tmp_path / "serve.log") as base:
        total = lambda **p: httpx.get(base + "/v1/events", params=p).json()["total"]  # noqa: E731
        assert total(q="ايران") == total(q="إيران") == want[("text", "إيران")]
        assert total(place="طهران") == total(place="Iran") == want[("place", "Tehran")]


@pytest.mark.parametrize("actor, want", [
    ("إيران", {"tehran", "accuse"}), ("ايران", {"tehran", "accuse"}), ("Iran", {"tehran", "accuse"}),
    ("IRN", {"tehran", "accuse"}), ("العراق", {"mosul", "tehran"}), ("Iraq", {"mosul", "tehran"}),  # "وفدًا عراقيًا"
    ("IRQMIL", {"mosul"}), ("الولايات المتحدة", {"accuse"}), ("United States", {"accuse"}),
])
def test_an_actor_is_found_by_its_name_in_either_language(db, actor, want):
    assert titles(db, actor=actor) == titles(db, actor=want_code(actor)) == want


def want_code(actor: str) -> str:
    return {"إيران": "IRN", "ايران": "IRN", "Iran": "IRN", "العراق": "IRQ", "Iraq": "IRQ",
            "الولايات المتحدة": "USA", "United States": "USA"}.get(actor, actor)


def test_a_name_nobody_knows_is_a_clear_400(db, tmp_path):
    with serving(db, tmp_path / "serve.log") as base:
        r = httpx.get(base + "/v1/events", params={"actor": "جماعة لا يعرفها أحد"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "E100"
        assert "nor a name the knowledge base knows" in r.json()["error"]["message"]
        assert httpx.get(base + "/v1/events", params={"actor": "إيران"}).json()["total"] == \
            httpx.get(base + "/v1/events", params={"actor": "IRN"}).json()["total"]

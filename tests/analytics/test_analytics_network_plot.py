"""Analytics: the actor graph (networkx / GEXF read back) and the dyad chart (a real PNG) from a store."""
from __future__ import annotations

import networkx as nx
import pytest

from marsad.analytics import dyad_series, plot_dyad, to_graph, write_gexf
from marsad.errors import InputError
from marsad.store import Store
from store.docfactory import EventSpec, make_doc, sample_docs


@pytest.fixture()
def store(tmp_path):
    texts = ["Beijing clashed with Tokyo at sea near the disputed islands on Monday.",
             "Coast guard ships from Beijing clashed with a Tokyo patrol boat in fog.",
             "Fishermen said Beijing clashed again with Tokyo over the reef this week."]
    extra = [make_doc(t, f"2024-{m:02d}-10", [EventSpec(["Beijing"], ["Tokyo"], "clashed", type="ASSAULT",
                                                         cameo="190", quad=4, goldstein=-10.0)])
             for t, m in zip(texts, (7, 9, 9))]
    with Store(tmp_path / "a.duckdb") as s:
        s.upsert_documents([(d, None) for d in sample_docs() + extra])
        yield s


def test_graph_and_gexf_round_trip(store, tmp_path):
    net = store.network()
    g = to_graph(net)
    assert g["CHN"]["JPN"]["weight"] == 4 and g["CHN"]["JPN"]["conflict"] == 4
    assert g["USA"]["JPN"]["cooperation"] == 2
    out = tmp_path / "net.gexf"
    write_gexf(net, out)
    back = nx.read_gexf(out)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    assert int(back["CHN"]["JPN"]["weight"]) == 4
    assert back.nodes["USA"]["label"] == "Washington"


def test_dyad_series_counts_both_directions_per_month(store):
    series = dyad_series(store, "jpn", "CHN")
    assert [(s["period"], s["cooperation"], s["conflict"]) for s in series] == [
        ("2024-07-01", 0, 1), ("2024-08-01", 0, 1), ("2024-09-01", 0, 2)]
    assert series[2]["goldstein_mean"] == -10.0
    usa = dyad_series(store, "USA", "JPN", by="year")
    assert usa == [{"period": "2024-01-01", "cooperation": 2, "conflict": 1, "events": 3,
                    "goldstein_mean": round((6.4 + 8.0 - 7.2) / 3, 3)}]


def test_plot_writes_a_png(store, tmp_path):
    out = tmp_path / "chart.png"
    series = plot_dyad(store, "USA", "JPN", out)
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert sum(s["events"] for s in series) == 3


def test_plot_without_events_is_an_input_error(store, tmp_path):
    with pytest.raises(InputError):
        plot_dyad(store, "USA", "BRA", tmp_path / "none.png")
    assert not (tmp_path / "none.png").exists()


def test_fill_gaps_makes_time_even():
    from marsad.analytics.plot import fill_gaps

    s = [{"period": "2024-11-01", "cooperation": 1, "conflict": 0, "events": 1, "goldstein_mean": 3.0},
         {"period": "2025-02-01", "cooperation": 0, "conflict": 2, "events": 2, "goldstein_mean": -5.0}]
    filled = fill_gaps(s, "month")
    assert [p["period"] for p in filled] == ["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"]
    assert [p["events"] for p in filled] == [1, 0, 0, 2] and filled[1]["goldstein_mean"] is None
    assert [p["period"] for p in fill_gaps(s, "quarter")] == ["2024-11-01", "2025-02-01"]
    assert len(fill_gaps([s[0], {**s[1], "period": "2090-01-01"}], "day")) == 2  # too long: left as is

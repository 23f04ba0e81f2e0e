"""The weighted actor graph (``Store.network()``) as a networkx DiGraph, and its GEXF file for Gephi."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import require


def to_graph(network: dict[str, Any]):
    """nodes (id, events, label) and edges (source, target, weight, goldstein_mean, cooperation, conflict) ->
    a ``networkx.DiGraph`` with those attributes."""
    nx = require("networkx", "the actor network", "analytics")
    g = nx.DiGraph()
    for node in network["nodes"]:
        g.add_node(node["id"], label=str(node.get("label") or node["id"]), events=int(node["events"]))
    for e in network["edges"]:
        g.add_edge(e["source"], e["target"], weight=int(e["weight"]),
                   goldstein_mean=float(e["goldstein_mean"] if e["goldstein_mean"] is not None else 0.0),
                   cooperation=int(e["cooperation"]), conflict=int(e["conflict"]))
    return g


def write_gexf(network: dict[str, Any], out: str | Path) -> None:
    nx = require("networkx", "GEXF export", "analytics")
    nx.write_gexf(to_graph(network), str(out))

"""Analytics over the store: the actor network as a networkx graph / GEXF (``network``) and the dyad time-series
chart (``plot``). The numbers themselves come from ``marsad.store`` queries (``dyads``, ``actors``, ``network``).

May import ``marsad.store`` and ``marsad.errors``; networkx and matplotlib are the ``analytics`` extra.
"""
from .network import to_graph, write_gexf
from .plot import dyad_series, plot_dyad

__all__ = sorted(["dyad_series", "plot_dyad", "to_graph", "write_gexf"])

"""Cross-article event clusters: one act, many reports (issue 23).

``cluster_events(events)`` groups ``ClusterEvent`` records (one telling each: an event coded from one article) into
acts; ``summarize(members)`` gives a cluster its best-supported fields and mention counts. Pure and deterministic:
the result depends on the set of events, never on their order, and cluster ids are the smallest member event id.
The store (``marsad.store.clusters``) reads events into records, calls these, and keeps the tables.

Imports nothing of marsad.
"""
from __future__ import annotations

from .engine import Assignment, affected_range, cluster_events
from .records import Cluster, ClusterEvent, family_of
from .summary import summarize

__all__ = ["Assignment", "Cluster", "ClusterEvent", "affected_range", "cluster_events", "family_of", "summarize"]

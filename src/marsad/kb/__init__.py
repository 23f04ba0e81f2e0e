"""marsad.kb: the knowledge base (countries, places, regions, organizations, people with dated roles, roles).

Data lives in ``kb/data/*.jsonl`` (schema: data/README.md); ``load_kb()`` loads and checks it once per process.
Imports ``marsad.errors`` and ``marsad.text``; nothing above them.
"""
from __future__ import annotations

from .loader import KnowledgeBase, load_kb
from .records import EntityRecord, NameEntry, RoleRecord, RoleSpell

__all__ = ["EntityRecord", "KnowledgeBase", "NameEntry", "RoleRecord", "RoleSpell", "load_kb"]

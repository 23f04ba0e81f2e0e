"""The coding stages, in order. Each is a function ``stage(res, st)`` of one module here that reads the fields of the
``DocState`` it ``needs`` and fills the fields it ``provides`` (as spaCy components and stanza processors declare
theirs); ``check_order`` proves at import time that every field a stage needs was provided before it.

    mentions -> segment -> places -> heads -> triggers -> ner -> anaphora -> actors -> times -> quantities
    -> candidates -> attach_quantities -> localize -> decide -> merge -> sectors -> victims -> entities

Every candidate a stage drops or recodes goes through a named rule (``drop``/``recode`` in ``state``), which
``--explain`` records. ``res`` is the ``Resources`` loaded once per process.
"""
from __future__ import annotations

from .actors import code_actors
from .anaphora import find_anaphors, find_heads
from .candidates import build_candidates
from .decide import decide_events
from .entities import link_entities
from .localize import localize_actors
from .mentions import find_mentions
from .merge import merge_tellings
from .ner import find_new_entities
from .places import place_mentions
from .quantities import attach_quantities, find_quantities
from .sectors import refine_sectors
from .segment import segment_words
from .state import INPUTS, DocState, Resources, check_order, stage
from .times import find_time_expressions
from .triggers import find_trigger_hits
from .victims import infer_victims

STAGES = (find_mentions, segment_words, place_mentions, find_heads, find_trigger_hits, find_new_entities,
          find_anaphors, code_actors, find_time_expressions, find_quantities, build_candidates, attach_quantities,
          localize_actors, decide_events, merge_tellings, refine_sectors, infer_victims,
          link_entities)
check_order(STAGES, INPUTS)

__all__ = ["STAGES", "DocState", "Resources", "check_order", "stage"]

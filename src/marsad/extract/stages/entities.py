"""Stage: one entity per KB record mentioned (a person with the role they held on the document's date); anaphora
resolved to a country count as its mentions; a name the KB does not know (``code(..., ner=True)``) is an entity with
the id ``new:<kind>:<normalized name>``, its sector from its head noun when it has one."""
from __future__ import annotations

from ...model import Entity, Span
from ..actors import spell_code
from ..mentions import Mention
from .ner import ENTITY_KINDS as NEW_ENTITY_KINDS
from .state import DocState, Resources, stage


@stage(needs=("mentions", "coref", "day"), provides=())
def link_entities(res: Resources, st: DocState) -> None:
    kb, day = res.kb, st.day
    out: dict[str, Entity] = {}
    for m in st.mentions + [Mention(sp.start, sp.end, sp.text, "anaphor", eid, "") for eid, sp in st.coref]:
        if m.kind == "role":
            continue
        rec = kb.entities.get(m.target)
        if rec is None:
            if m.kind in NEW_ENTITY_KINDS:  # a name the KB does not know (extract/stages/ner.py)
                ent = out.get(m.target)
                if ent is None:
                    ent = out[m.target] = Entity(m.target, NEW_ENTITY_KINDS[m.kind], m.text, m.text,
                                                 m.sector, None, [m.sector] if m.sector else [], None, None, [])
                ent.mentions.append(Span(m.start, m.end, m.text))
            continue
        ent = out.get(rec.id)
        if ent is None:
            code, country, sectors, role = rec.code, rec.country, list(rec.sectors), None
            if rec.kind == "person":
                spell = kb.person_role(rec.id, day)
                if spell is not None:
                    code, country, secs = spell_code(kb, spell, rec)
                    sectors, role = list(secs), spell.post
                else:
                    code = country
            # id, kind, name, name_ar, code, country, sectors, lat, lon, mentions, role (positional: see Event)
            ent = Entity(rec.id, rec.kind, rec.name, rec.name_ar, code, country, sectors, rec.lat, rec.lon, [], role)
            out[rec.id] = ent
        ent.mentions.append(Span(m.start, m.end, m.text))
    st.doc.entities = sorted(out.values(), key=lambda e: (min(m.start for m in e.mentions), e.id))

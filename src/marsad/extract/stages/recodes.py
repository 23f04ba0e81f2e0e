"""The recode rules of the candidates stage and the actors given when the text names none. What each rule recodes
to, and for which types, sectors and modes, is data (kb/data/coding_rules.jsonl); when it applies is here:

    host-is-visited                 "استقبل الرئيس المبعوث": the visitor visits the host (roles swapped)
    politician-attacks-with-words   "شن الوزير هجوما على الحزب": a civilian source attacks with words (speech_cameo)
    state-protest-is-accusation     "احتجت الحكومة على عبور السفينة": a state's generic protest (its cameo) is a formal
                                    accusation; a rally or a strike a state holds stays a PROTEST
    promised-retreat-is-concession  "ستسحب الدولة قواتها": a withdrawal announced or promised is a concession
    addressed-appeal-is-request     "asked Washington to set a timetable": asking a named party to act is a request
    implicit-protesters / implicit-attackers   the unnamed actors of a protest / an attack (victims: stages/victims.py)

Each rule applied is recorded for --explain (``DocState.recodes``).
"""
from __future__ import annotations

from ...model import ACTOR_SECTORS, Actor, Event
from .state import DocState, Resources


def recode(st: DocState, ev: Event, cam, mode: str | None, rule: str) -> None:
    """Give an event the CAMEO code (with its QuadClass and Goldstein value) and mode of a more specific sense."""
    ev.cameo, ev.quad_class, ev.goldstein, ev.mode = cam.code, cam.quad_class, cam.goldstein, mode
    if st.trace is not None:
        st.recodes.setdefault(id(ev), []).append(rule)


def implicit_source(st: DocState, etype: str | None, hit, rules) -> list[Actor]:
    """The source of a protest, an attack or an arrest that names none: civilians, an unidentified armed group, or the
    police, of the place (localized later); its span is the trigger's word. Empty for the other types."""
    for rule in rules.implicit_actors("source").get(etype, ()):
        if "modes" in rule and hit.trigger.mode not in rule["modes"]:
            continue  # implicit-arresters: arrests only, not a ban or a curfew
        return [Actor(rule["code"], None, st.text[hit.start:hit.end], hit.start, hit.end)]
    return []


def apply_recodes(st: DocState, res: Resources, hit, cam, etype, mode, source, target, modality, casualties: bool):
    """The candidate after the recode rules: (source, target, CAMEO record, type, mode, names of the rules applied)."""
    rules, cameo = res.rules, res.lexicon.cameo
    t = hit.trigger
    applied: list[str] = []
    host = rules["host-is-visited"]
    if cam.code == host["cameo"] and target:
        source, target = (target, source) if host["swap_roles"] else (source, target)
        cam = cameo[host["to_cameo"]]
        applied.append("host-is-visited")
    speech = rules["politician-attacks-with-words"]
    protest = rules["state-protest-is-accusation"]
    promise = rules["promised-retreat-is-concession"]
    appeal = rules["addressed-appeal-is-request"]
    if t.speech_cameo and source and not casualties and all(_civilian(a.code, speech) for a in source):
        cam, applied_now = cameo[t.speech_cameo], "politician-attacks-with-words"
    elif etype == protest["type"] and cam.code in protest["cameo"] and source \
            and all(_state(a, st.named_states) for a in source):
        cam, applied_now = cameo[protest["to_cameo"]], "state-protest-is-accusation"
    elif etype == promise["type"] and mode in promise["modes"] and st.builder.promised(hit, modality):
        cam, applied_now = cameo[promise["to_cameo"]], "promised-retreat-is-concession"
    elif etype is None and t.id in appeal["rules"] \
            and any(a.code[:3] not in ACTOR_SECTORS and not _sectors(a.code) & set(appeal["public_sectors"])
                    for a in target) \
            and st.builder.addressed(hit, target, appeal["next"].get(st.lang, ())):
        cam = cameo[appeal["to_cameo"]]
        applied_now = "addressed-appeal-is-request"
    else:
        applied_now = None
    if applied_now:  # the new sense's type; the trigger's mode no longer applies
        etype, mode = cam.plover_type, None
        applied.append(applied_now)
    return source, target, cam, etype, mode, applied


def _sectors(code: str) -> set[str]:
    """The three-letter parts of an actor code ("USACVL" -> {"USA", "CVL"}; "CVL" before localization)."""
    return {code[i:i + 3] for i in range(0, len(code) - 2, 3)}


def _civilian(code: str, rule: dict) -> bool:
    """A government, party, parliament… actor with no armed sector ("PSEGOV", "OPP" yes; "PSEREBHMS", "ISR" no); a
    sector without a country (not yet localized) counts too."""
    sectors = _sectors(code)
    return bool(sectors.intersection(rule["civilian_sectors"])) and sectors.isdisjoint(rule["armed_sectors"])


def _state(actor: Actor, named_states: set[tuple[int, int]]) -> bool:
    """A state speaking as such: a government ("الخارجية الصينية": CHNGOV), or a country named by its name or its
    capital ("بكين تحتج", "احتجت مصر": the actor's words are such a mention), nothing else: a nisba or demonym stands
    for the people ("تظاهر آلاف العراقيين" is IRQ too)."""
    code = actor.code
    return (len(code) == 6 and code.endswith("GOV")) or (len(code) == 3 and (actor.start, actor.end) in named_states)

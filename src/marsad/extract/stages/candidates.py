"""Stage: each trigger becomes a candidate event (type, CAMEO code, roles, modality, place, time, background flag,
rule confidence and the decision layer's features), unless a named rule drops it. In order, per trigger:

    inside-time-expression   "في مارس": the month, not a march
    unknown-cameo            the lexicon names a CAMEO code the KB lacks
    agent-or-object          "هجوم شنه X": شنه names the attack's agent; "شن X هجوما": هجوما is شن's object
    weapon-of-attack         "بعبوة ناسفة" right after an attack is its weapon (or toll), not a second attack
    object-of-attack         a noun right after an attack's verb is what it struck ("قصفت تعزيزات عسكرية")
    no-roles                 a type outside ``optional-roles`` with neither source nor target
    kind-of-event            a verbal noun nothing pins down (no actor, place, time or count)
    background-means         the means of a background act just before it ("الذي قتل في غارة")
    not-an-act               a charge, a kind of event, an analysis (extract/specificity.py)

then the recodes of extract/stages/recodes.py, then demand-addresses-the-state (a protest or demand for an act only a
state can do targets that state: ``EventBuilder.demand_addressee``) and the role refinements
``EventBuilder.refinements`` found (owner-of-the-object, possessor-of-the-subject, shared-subject, announcer): they
change the event's roles, never what the decision layer scores; a possessor of the subject also counts as an actor
for no-roles and kind-of-event ("أن قواتها رفعت درجة التأهب": the ministry's forces). Parameters of every rule:
kb/data/coding_rules.jsonl.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from ...kb import clitics, grammar
from ...kb.rules import is_companion_id
from ...model import Event, Span, TimeRef
from ..decision import CandidateScorer
from ..events import EventBuilder, after_masdar_prep, finite_verb_phrase, not_own_sector
from ..preps import PREP_WORDS
from ..specificity import background, is_definite
from ..triggers import companion_object
from .recodes import apply_recodes, implicit_source, recode
from .state import DocState, Resources, stage

YEAR_IN_TEXT = re.compile(r"\d{4}")  # background needs a written year ("عام 1981"), not "منذ خمس سنوات"
# companions whose sense undoes or refuses their object: "lifted … sanctions", "رفض الاتفاق" are no new sanction or
# agreement; other objects may be events of their own ("فرقت الشرطة مظاهرة": the demonstration took place)
UNDOING_TYPES = frozenset({"RETREAT", "CONCEDE", "REJECT"})
ARTICLE = clitics.classes()["article"]
INSTRUMENT_CLITICS = grammar.words("instrument_clitics", "ar")
MASDAR_CLITICS = grammar.words("masdar_clitics", "ar")
IMPERSONAL_PAST = grammar.words("impersonal_past")  # "تم", "جرى": a verbal noun after them happened


@stage(needs=("text", "lang", "day", "words", "sentences", "phrases", "places", "times", "geo", "hits", "doc_forms",
              "cue_at", "opening_at", "doc_times", "quantities", "named_states"),
       provides=("events", "candidates", "event_hits", "telling_keys", "builder", "scorer", "weapons"))
def build_candidates(res: Resources, st: DocState) -> None:
    lex, rules, words, text, day = res.lexicon, res.rules, st.words, st.text, st.day
    sentences, context = st.sentences, res.context_sets
    # the companion lambda holds the sentences, not ``st``: st -> builder -> lambda -> st would make the document's
    # whole work state cyclic garbage, left for the cyclic collector to walk and free instead of reference counting
    builder = EventBuilder(text, st.lang, words, sentences, st.phrases, lex, st.places, st.times, day, st.geo,
                           st.hits, st.doc_forms, st.cue_at, res.institutions,
                           lambda hit: companion_object(words, sentences, hit, context), st.opening_at)
    scorer = CandidateScorer(res.decision, words, len(res.sports_forms.get(st.lang, frozenset()) & st.doc_forms),
                             st.lang)
    st.builder, st.scorer = builder, scorer
    events, hits_kept = st.events, st.event_hits
    optional_roles = frozenset(rules["optional-roles"]["types"])
    recalled_reasons = frozenset(rules["recalled-background"]["reasons"])
    means_span = rules["background-means"]["span"]
    tellings = rules["act-of-the-tellings"]
    weapon = rules["weapon-specifies-attack"]
    demand = rules["demand-addresses-the-state"]
    attack_objects = {"types": frozenset(rules["object-of-attack"]["types"]),
                      "keep": frozenset(rules["object-of-attack"]["keep"])}
    bg_end: int | None = None  # last word of the last trigger dropped as background
    # the object words of companion verbs ("رفعت الولايات المتحدة العقوبات", "lifted nuclear-related sanctions"):
    # word -> (the companion's type, whether an object of that same type is absorbed too)
    objects: dict[int, tuple[str | None, bool]] = {}
    # the background reasons whose words the document has: the others cannot apply (specificity.background)
    scope = {reason: forms for reason, forms in lex.scope.get(st.lang, {}).items() if not forms.isdisjoint(st.doc_forms)}
    time_spans = sorted((tm.start, tm.end) for tm in st.doc_times if tm.start is not None)
    chronology = _chronology_lines(text, time_spans, rules["chronology-entry"]["span"])
    counted = _counted_sentences(st.quantities, words, rules)
    for hit in st.hits:
        st.checkpoint("build_candidates")
        t = hit.trigger
        if time_spans and _inside(time_spans, hit.start, hit.end):
            st.drop(hit, "inside-time-expression", "part of a time expression (the month, not a march)")
            continue
        cam = lex.cameo.get(t.cameo)
        if cam is None:
            st.drop(hit, "unknown-cameo", f"CAMEO code {t.cameo} unknown")
            continue
        if (builder.has_agent_clause and builder.agent_echo(hit)) or _absorbed(objects.get(hit.w0), t.type):
            st.drop(hit, "agent-or-object", "names the agent or the object of another trigger")
            continue
        if events and t.pos != "verb" and t.type not in attack_objects["keep"] \
                and _object_of_attack(events[-1], hits_kept[-1], hit, words, attack_objects["types"]):
            st.drop(hit, "object-of-attack", "what the attack before it struck, not an event of its own")
            continue  # "قصفت المقاتلات تعزيزات عسكرية", "استهدفت اجتماعا لتنظيم القاعدة"
        if t.type == "ASSAULT" and st.lang == "ar" and events and t.pos != "verb" \
                and (clitics.holds(hit.prefix, INSTRUMENT_CLITICS) or hits_kept[-1].w1 == hit.w0 - 1) \
                and _instrument_of(events[-1], hits_kept[-1], hit, words, weapon["span"]):
            if events[-1].cameo == weapon["cameo"] and cam.code != weapon["cameo"]:
                recode(st, events[-1], cam, t.mode, "weapon-specifies-attack")  # "هاجموا نقطة بسيارة مفخخة"
            st.drop(hit, "weapon-of-attack", "the weapon or toll of the attack before it")
            st.weapons[hit.w1] = events[-1]  # "بانفجار سيارة مفخخة استهدف ...": what the weapon did is that attack
            continue
        source, target, modality, via = builder.build(hit)
        # the owner a possessive clitic names ("أعلن الجيش الأردني أن طائراته ألقت مساعدات") is an actor too
        refined = builder.refinements.get(hit.w0)  # filled by build(): the role refinements applied below
        owner = refined.get("source") if refined else None
        if not source and not target and not owner and t.type not in optional_roles:
            st.drop(hit, "no-roles", "no source and no target")
            continue
        place, when = builder.place_of(hit), builder.time(hit)
        location = place[3] if place else None
        # a place after a place noun ("في مدينة X") is the event's location and its unnamed actors' country; what
        # pins a verbal noun down and what the decision layer reads stay the places a locative introduces directly
        direct_place = location if place and not place[4] else None
        # a verb form with the article, or ب/ل before a three-letter past form, or a preposition before it ("نقل إلى
        # سجن"), is its verbal noun
        nominal = t.pos != "verb" or clitics.holds(hit.prefix, ARTICLE) or hit.prefix[-1:] in MASDAR_CLITICS \
            or after_masdar_prep(words, hit)
        recalled = None  # why the candidate is a specific past act recalled as background, not news
        if when is not None and day is not None and when.relation in ("on", "during") \
                and YEAR_IN_TEXT.search(when.text) and _historical(when.value, day, rules):
            recalled = f"dated {when.value}, long before the document"  # "اغتيال السادات عام 1981"
        if nominal and not finite_verb_phrase(hit, words) \
                and not _anchored(hit, source or (owner[0] if owner else []), target, direct_place, when, counted,
                                  words):
            st.drop(hit, "kind-of-event", "a verbal noun that nothing pins down (a kind of event)")
            continue
        why = background(hit, words, scope, nominal)
        if why == "pluperfect" and _recent(when, day, rules["recent-pluperfect"]["days"]):
            why = None  # "وكانت حماس قد أطلقت صواريخ أمس": the pluperfect recalls this week's news
        elif why in ("reference", "relative") and events \
                and _act_of_its_telling(events[-1], hits_kept[-1], hit, words, tellings):
            why = None  # "أصيب ثلاثة عمال إثر انفجار عبوة", "قتل أربعة عندما فتح مسلحون النار": the act the
            # telling before it tells, not a past one
        if nominal and bg_end is not None and 0 < hit.w0 - bg_end <= means_span \
                and words[hit.w0].clause == words[bg_end].clause:
            bg_end = hit.w1  # "الذي قتل في غارة": the raid is the background killing's, not news
            st.drop(hit, "background-means", "the means of the background act before it")
            continue
        if why in recalled_reasons:
            recalled = why  # a specific act recalled (relative clause, pluperfect, "منذ"): flagged, kept
        elif why:
            bg_end = hit.w1
            st.drop(hit, "not-an-act", f"not an act: {why}")
            continue
        if recalled is None and chronology and _inside(chronology, hit.start, hit.end):
            recalled = "a chronology entry"  # "* 21 مايو 2005: اغتيال ..."
        if recalled and (t.type or cam.plover_type):
            bg_end = hit.w1  # an act's means follow it; a recalled statement's words are what it reports
        conf = _confidence(t.strength, via, source, rules["attachment-confidence"])
        implicit = not source
        if implicit:
            source = implicit_source(st, t.type, hit, rules)
        etype, mode = (cam.plover_type if t.type is None else t.type), t.mode
        casualties = words[hit.w0].sentence in counted
        source, target, cam, etype, mode, applied = apply_recodes(st, res, hit, cam, etype, mode, source, target,
                                                                  modality, casualties)
        obj = companion_object(words, st.sentences, hit, res.context_sets)
        if obj is not None:  # its object is an argument, not an event undone ("lifted … sanctions"), nor one of its
            objects[obj] = (t.type, bool("politician-attacks-with-words" in applied or t.passive))  # own type
            # after a politician's "شن هجوما" (words, not weapons) or a passive "تعرضت القوات لهجوم"
        scored_source, scored_target = source, target
        if etype in demand["types"] and (not target or etype == "PROTEST"):
            addressee, named = builder.demand_addressee(hit, demand)
            if addressee and (named or not target):  # a state the demand names wins over a building protested at
                target, applied = addressee, applied + ["demand-addresses-the-state"]
        if refined and "host-is-visited" not in applied:  # EventBuilder.refinements
            for role, (actors, rule) in refined.items():
                if role == "source":
                    source = actors
                else:
                    target = actors
                applied = applied + [rule]
        if implicit and refined and "target" in refined and target:
            # the owner of an object (a police station) of the implicit source's own sector is no target: the
            # implicit police of an arrest lead no police away ("ويقتادوه إلى مركز للشرطة")
            target = not_own_sector(target, source)
        evidence = builder.evidence(hit)
        # fields in order (a class called with keywords first packs them into a dict: four times the cost):
        # id, type, mode, cameo, quad_class, goldstein, source, target, modality, location, time, quantities,
        # trigger, evidence, rule, confidence, evidences, sentence, background
        ev = Event("", etype, mode, cam.code, cam.quad_class, cam.goldstein, source, target, modality, location,
                   when, [], Span.of(text, hit.start, hit.end), evidence, t.id, conf, [evidence],
                   words[hit.w0].sentence, recalled is not None)
        if applied and st.trace is not None:
            st.recodes[id(ev)] = applied
        events.append(ev)
        st.candidates.append(scorer.candidate(etype, t.id, t.pos, nominal, is_definite(hit, words), modality, via,
                                              scored_source, scored_target, direct_place is not None,
                                              when.relation if when else None, casualties, hit.w0, hit.w1, conf,
                                              recalled is not None))
        hits_kept.append(hit)
        st.telling_keys.append(_telling_key(words, hit))


def _confidence(strength, via: str | None, source: list, params: dict) -> float:
    """The rule confidence: the trigger's strength times how its roles were attached (rule attachment-confidence)."""
    if via in params["direct_vias"]:
        attach = params["direct"]
    else:
        attach = params["source_only"] if source else params["none"]
    if len(source) > 1 and all(a.text == source[0].text for a in source):
        attach = min(attach, params["anaphora_cap"])  # anaphora
    return max(params["floor"], min(1.0, float(strength) * attach))


def _telling_key(words, hit) -> str:
    """The trigger's words as their most literal bases, joined: what identical tellings share."""
    if hit.w0 == hit.w1:
        return words[hit.w0].bases[0][1]
    return " ".join([words[k].bases[0][1] for k in range(hit.w0, hit.w1 + 1)])


def _absorbed(companion: tuple[str | None, bool] | None, etype: str | None) -> bool:
    """Is a trigger at a companion verb's object word part of that verb's event: of another type when the
    companion undoes it, of the same type when the companion absorbs it?"""
    if companion is None:
        return False
    ctype, same_too = companion
    return (etype != ctype and ctype in UNDOING_TYPES) or (etype == ctype and same_too)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) lie within one of the sorted, non-overlapping ``spans``?"""
    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


BULLETS = " \t*•·ـ-–—"


def _chronology_lines(text: str, time_spans: list[tuple[int, int]], span: int) -> list[tuple[int, int]]:
    """The lines of a chronology (coding rule chronology-entry): a line that opens, after its bullet, with a date
    followed within ``span`` characters by a colon ("* 21 مايو 2005: اغتيال ...", "- March 3: ..."), as sorted
    (start, end) spans. Their acts are recalled, not news."""
    out: list[tuple[int, int]] = []
    for start, end in time_spans:
        line = text.rfind("\n", 0, start) + 1
        if text[line:start].strip(BULLETS) or (out and out[-1][0] == line):
            continue
        colon = text.find(":", end, end + span)
        if colon < 0 or "\n" in text[end:colon]:
            continue
        stop = text.find("\n", end)
        out.append((line, len(text) if stop < 0 else stop))
    return out


def _counted_sentences(quantities, words, rules) -> frozenset[int]:
    """The sentences that hold a count of casualties, arrests, people or troops (rule anchor-quantities), found
    once per document: asking every trigger to scan every quantity was quadratic in a long text."""
    kinds = rules["anchor-quantities"]["kinds"]
    return frozenset(words[wi].sentence for wi, q in quantities if q.kind in kinds)


def _anchored(hit, source, target, location, when, counted: frozenset[int], words) -> bool:
    """Does the sentence pin a verbal-noun trigger down to one occurrence: an actor (for an indefinite noun), a
    place, a time of the sentence (not the document date), or a count of casualties/people/arrests? A verbal noun
    right after an impersonal verb in the past ("تم اعتقال", grammar impersonal_past) is that clause's passive verb:
    an occurrence ("أن يتم قصفها" may be a prospect)."""
    # "الهجوم" (the attack) refers back to a known event: actors alone do not make it news, a place, a time or
    # a count does; an indefinite "هجوم" with its actors is a new occurrence
    if ((source or target) and not is_definite(hit, words)) or location is not None:
        return True
    prev = words[hit.w0 - 1] if hit.w0 > 0 and words[hit.w0 - 1].sentence == words[hit.w0].sentence else None
    if not words[hit.w0].forms.isdisjoint(IMPERSONAL_PAST) \
            or (prev is not None and not prev.forms.isdisjoint(IMPERSONAL_PAST)):
        return True  # "وتم اعتقال عدد آخر": the passive verb of its clause (grammar impersonal_past), an occurrence
    if when is not None and when.relation != "document-date":
        return True
    return words[hit.w0].sentence in counted


def _act_of_its_telling(prev: Event, prev_hit, hit, words: list, rule: dict) -> bool:
    """Is the trigger ``hit``, which a reference word or "عندما" introduces ("إثر انفجار"), the act that the news telling
    just before it in its sentence tells (coding rule act-of-the-tellings: one of its types and prepositions, within
    its span)? "أصيب ثلاثة عمال إثر انفجار عبوة": the explosion that wounded them is news, not a past
    act recalled."""
    t = hit.trigger
    return t.type in rule["types"] and prev.type == t.type and not prev.background \
        and prev.sentence == words[hit.w0].sentence and 0 < hit.w0 - prev_hit.w1 <= rule["span"] \
        and hit.w0 > 0 and words[hit.w0 - 1].norm in rule["preps"]


OBJECT_GAP = 4  # words between an attack's verb and its object: the subject of a VSO clause
ANY_PREP = PREP_WORDS["ar"] | PREP_WORDS["en"]


def _object_of_attack(prev: Event, prev_hit, hit, words: list, types: frozenset[str]) -> bool:
    """Is the noun trigger ``hit`` the direct object of the verb trigger before it, an attack of ``types`` (coding
    rule object-of-attack): "قصفت المقاتلات تعزيزات عسكرية", "استهدفت غارة جوية اجتماعا"? Only the subject may
    stand between (at most OBJECT_GAP words: no punctuation, preposition or number); the noun has no proclitic."""
    if prev.type not in types or prev_hit.trigger.pos != "verb" or hit.prefix or is_companion_id(prev_hit.trigger.id) \
            or not 0 < hit.w0 - prev_hit.w1 <= OBJECT_GAP + 1:  # a companion ("شن هجوما") launches what follows
        return False
    between = words[prev_hit.w1 + 1:hit.w0]
    return all(w.kind == "word" and w.norm not in ANY_PREP and w.sentence == words[hit.w0].sentence for w in between)


def _instrument_of(prev: Event, prev_hit, hit, words: list, span: int) -> bool:
    """Is ``hit`` ("بعبوة ناسفة", "بالصواريخ") the weapon of the attack ``prev`` told just before it in its
    sentence, in the same clause?"""
    return prev.type == "ASSAULT" and prev.sentence == words[hit.w0].sentence \
        and 0 < hit.w0 - prev_hit.w1 <= span \
        and all(words[k].kind != "punct" for k in range(prev_hit.w1 + 1, hit.w0))


def _recent(when: TimeRef | None, day: dt.date | None, days: int) -> bool:
    """A time the sentence states (not the document date) within ``days`` before the document date."""
    if when is None or day is None or when.relation == "document-date" or not when.value:
        return False
    try:
        value = dt.date.fromisoformat(when.value.split("/")[-1][:10])
    except ValueError:
        return False
    return dt.timedelta(0) <= day - value <= dt.timedelta(days=days)


def _historical(value: str | None, day: dt.date, rules) -> bool:
    """A time value more than historical_days before the document date (years compare by year; a month, "2005-12",
    by its last day)."""
    if not value:
        return False
    head = value.split("/")[-1]
    try:
        if len(head) == 4:
            return int(head) < day.year - 1
        if len(head) == 7:  # a month: the act may fall on its last day
            y, m = int(head[:4]), int(head[5:7])
            last = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            last = dt.date.fromisoformat(head[:10])
        return last < day - dt.timedelta(days=rules["recalled-background"]["historical_days"])
    except ValueError:
        return False

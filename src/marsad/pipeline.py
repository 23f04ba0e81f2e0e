"""The one coding function: ``code(text, lang=None, date=None, url=None) -> CodedDocument``.

Pure and deterministic: the same text and KB version give the same output. The CLI, API, store and Spark job
all call it and none re-implements any part of it. Stages (each timed when ``timings`` is given):

    normalize -> gazetteer -> segment -> mentions/actors -> times -> quantities -> triggers/events -> merge -> entities

The knowledge base, the gazetteer automaton and the rule indexes are built once per process (``Coder.default``).
"""
from __future__ import annotations

import bisect
import datetime as dt
import gc
import hashlib
import re
import time
from contextlib import contextmanager
from functools import cache

from .errors import BadDateError, CodingError, InputError
from .extract.actors import SECTORS, ActorCoder, Phrase, spell_code
from .extract.events import LOCATIVE, EventBuilder
from .extract.gazetteer import Gazetteer
from .extract.lexicon import get_lexicon
from .extract.mentions import Mention, resolve
from .extract.decision import (Candidate, CandidateScorer, decide, decision_trace, dropped_record, keeps, load_model,
                               sports_forms)
from .extract.merge import merge_events
from .extract.quantities import extract_quantities
from .extract.specificity import background, is_definite
from .extract.triggers import companion_object, context_sets, find_triggers
from .extract.words import NATIONALITY_SLOT, segment
from .kb import load_kb
from .model import IMPLICIT_ATTACKERS, Actor, CodedDocument, Entity, Event, Location, Span, TimeRef, implicit_attacker
from .text import detect_language, find_times, normalize

from ._version import __version__ as CODER_VERSION  # the one version of marsad
MAX_CHARS = 5_000_000
YEAR_IN_TEXT = re.compile(r"\d{4}")  # background needs a written year ("عام 1981"), not "منذ خمس سنوات"
NATIONALITY_SLOT_SET = frozenset({NATIONALITY_SLOT})
# a withdrawal or ceasefire announced, ordered or promised (not yet done) is CONCEDE 0356 (docs/coding-decisions.md #9)
PROMISABLE = frozenset({"withdraw", "ceasefire"})
PROMISED_CAMEO = "0356"
IMPLICIT_PROTESTERS = "CVL"  # code of the demonstrators of a protest that names none
# a source with one of CIVILIAN_POLITICAL and none of ARMED_SECTORS "attacks" with words (Trigger.speech_cameo)
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS", "COP", "SPY", "CRM", "SEP", "RAD"})
CIVILIAN_POLITICAL = frozenset({"GOV", "PTY", "LEG", "OPP", "JUD", "ELI", "MED", "EDU", "NGO", "REL", "LAB", "BUS"})
GEO_KINDS = frozenset({"place", "capital", "country", "nisba", "region"})  # mentions that name a place or country
# background reasons (extract/specificity.background) that name a specific past act: kept, flagged background
RECALLED = frozenset({"relative", "pluperfect", "reference"})
ANCHOR_QUANTITIES = frozenset({"killed", "injured", "casualties", "dead", "arrested", "people", "protesters", "troops"})


def doc_id_of(text: str) -> str:
    """Content hash of the exact text (sha256, first 24 hex digits): the document's identity everywhere."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def as_date(date: str | dt.date | None) -> dt.date | None:
    if date is None or date == "":
        return None
    if isinstance(date, dt.datetime):
        return date.date()
    if isinstance(date, dt.date):
        return date
    try:
        return dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        raise BadDateError(f"date {date!r} is not in the form YYYY-MM-DD") from None


@contextmanager
def _cyclic_gc_paused():
    """Pause the cyclic garbage collector while one document is coded. Coding makes thousands of short-lived objects
    (words, phrases, hits, lists): with the collector on, each is scanned by a young collection or two before it
    dies; paused, only what outlives the document (the coded output) is, at the first collection after it.
    Reference counting frees everything else as usual; the collector is left as it was found."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Timer:
    def __init__(self, sink: dict | None) -> None:
        self.sink = sink
        self.t = time.perf_counter()

    def lap(self, stage: str) -> None:
        if self.sink is not None:
            now = time.perf_counter()
            self.sink[stage] = self.sink.get(stage, 0.0) + now - self.t
            self.t = now


class Coder:
    """Holds everything loaded once: KB, gazetteer, lexicons."""

    def __init__(self, freeze_gc: bool = True) -> None:
        self.kb = load_kb()
        self.gazetteer = Gazetteer.for_kb(self.kb)
        self.lexicon = get_lexicon()
        self.common_words = self.lexicon.common_words
        self.country_of_place = {rid: f"country:{rec.raw['country']}" for rid, rec in self.kb.entities.items()
                                 if rec.kind == "place" and rec.raw.get("country")}  # support for country names
        self.institutions = frozenset(rid for rid, role in self.kb.roles.items() if role.kind == "institution")
        self.context_sets = context_sets(self.lexicon)
        self.decision = load_model()
        self.sports_forms = sports_forms(self.lexicon)
        # the KB, gazetteer and lexicon live as long as the process: taking them (and whatever else is alive now)
        # out of the cyclic collector's generations spares every later collection a walk over them — about a
        # tenth of the coding time, since coding allocates many short-lived objects. Reference counting still
        # frees them as usual. ``freeze_gc=False`` leaves the collector alone, for a program that builds a Coder
        # while it still holds cyclic garbage of its own (frozen objects are never collected).
        if freeze_gc:
            gc.freeze()

    @staticmethod
    @cache
    def default() -> "Coder":
        return Coder()

    # ------------------------------------------------------------------------------------------------
    def code(self, text: str, lang: str | None = None, date: str | dt.date | None = None, url: str | None = None,
             doc_id: str | None = None, timings: dict | None = None, *, min_confidence: float | None = None,
             all_candidates: bool = False, explain: bool = False) -> CodedDocument:
        """Code one document. ``min_confidence`` replaces the decision model's threshold; ``all_candidates`` keeps
        every candidate the rules let through, with its score as confidence; ``explain`` fills ``doc.explain``."""
        if not isinstance(text, str):
            raise InputError(f"text must be a str, not {type(text).__name__}")
        if len(text) > MAX_CHARS:
            raise InputError(f"text has {len(text):,} characters; the limit is {MAX_CHARS:,} per document")
        day = as_date(date)
        timer = _Timer(timings)
        if lang in (None, "", "auto"):
            lang = detect_language(text)
        if lang not in ("ar", "en", "other"):
            raise InputError(f"language {lang!r} is not supported: use ar, en or auto")
        doc = CodedDocument(doc_id=doc_id or doc_id_of(text), lang=lang, date=day.isoformat() if day else None,
                            kb_version=self.kb.version, text=text, url=url, coder_version=CODER_VERSION,
                            explain=[] if explain else None)
        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
            raise InputError(f"min_confidence {min_confidence!r} must lie between 0 and 1")
        threshold = 0.0 if all_candidates else min_confidence  # None: the decision model's threshold per type
        if lang == "other" or not text.strip():
            return doc
        try:
            with _cyclic_gc_paused():
                self._code_into(doc, text, lang, day, timer, threshold)
        except RecursionError as exc:  # pragma: no cover - defensive: a pathological input
            raise CodingError(f"document {doc.doc_id} could not be coded: {exc}", doc_id=doc.doc_id) from exc
        return doc

    def _code_into(self, doc: CodedDocument, text: str, lang: str, day: dt.date | None, timer: _Timer,
                   threshold: float | None) -> None:
        kb, lex = self.kb, self.lexicon
        trace = doc.explain

        def drop(hit, why: str) -> None:
            if trace is not None:
                trace.append(dropped_record(text, hit.trigger, hit.start, hit.end, why))
        nt = normalize(text, lang)
        timer.lap("normalize")
        mentions = resolve(self.gazetteer.find(nt), text, self.common_words, self.country_of_place)
        timer.lap("gazetteer")
        words, sentences = segment(text, lang)
        timer.lap("segment")
        starts = [w.start for w in words]
        by_sent, places, geo = self._place_mentions(mentions, words, starts, lang)
        # anaphora ("البلدان", "the two countries", "نظيره")
        anaphors: dict[int, list[tuple[int, int, str, bool, str]]] = {}  # sentence -> (w0, w1, refers, coord, prefix)
        ana_index = lex.anaphora.get(lang, {})
        trigger_index, cue_index = lex.triggers.get(lang, {}), lex.cues.get(lang, {})
        # the words that may start an anaphor, a trigger or a modality cue, found in one pass
        ana_at, trigger_at, cue_at = lex.head_positions(words, (ana_index, trigger_index, cue_index))
        next_free = 0  # the first word after the last anaphor found
        for i in ana_at:  # words that may start one
            w = words[i]
            if i >= next_free and w.kind == "word" and w.mention is None:
                m = lex.match(ana_index, words, i)
                if m is not None:
                    pat, prefix, length = m
                    coord = prefix.startswith("و") or (i > 0 and words[i - 1].norm in ("and", "و"))
                    anaphors.setdefault(w.sentence, []).append((i, i + length - 1, pat.item.refers, coord, prefix))
                    next_free = i + length
        coder = ActorCoder(kb, text, day)
        phrases: list[Phrase] = []
        for sent in sentences:
            phrases.extend(coder.code_sentence(by_sent.get(sent.index, []), anaphors.get(sent.index, []), words, lang))
        # a dateline ("بغداد - قتل 30 شخصا") says where the story was filed: it is no actor of the first sentence
        phrases = [p for p in phrases if not (p.mentions and all(_dateline(text, m) for m in p.mentions))]
        coref = coder.coref
        timer.lap("actors")
        times = []
        doc_times = find_times(text, lang, day)
        for tm in doc_times:
            wi = max(bisect.bisect_right(starts, tm.start) - 1, 0)
            times.append((wi, tm))
        doc.times = [TimeRef(tm.text, tm.value, tm.relation, tm.start, tm.end) for tm in doc_times]
        timer.lap("times")
        quantities = extract_quantities(text, lang, words, mentions, kb, lex, starts)
        doc.quantities = [q for _w, q in quantities]
        timer.lap("quantities")
        doc_forms = frozenset().union(*[w.forms for w in words])  # every form of every word: quick negative tests
        refused: list | None = [] if trace is not None else None
        hits = find_triggers(words, sentences, lex, lang, self.context_sets, doc_forms, trigger_at, refused)
        for t, w0, w1, why in refused or ():
            trace.append(dropped_record(text, t, words[w0].start, words[w1].end, why))
        builder = EventBuilder(text, lang, words, sentences, phrases, lex, places, times, day, geo, hits, doc_forms,
                               cue_at, self.institutions)
        events: list[Event] = []
        named_states = {(m.start, m.end) for m in mentions if m.kind in ("country", "capital")}  # see _state
        scorer = CandidateScorer(self.decision, words, len(self.sports_forms.get(lang, frozenset()) & doc_forms), lang)
        cands: list[Candidate] = []  # what the decision layer knows of each event
        hits_kept = []
        tkeys: list[str] = []
        bg_end: int | None = None  # last word of the last trigger dropped as background
        # the object words of companion verbs ("رفعت الولايات المتحدة العقوبات", "lifted nuclear-related sanctions"):
        # word -> (the companion's type, whether an object of that same type is absorbed too)
        objects: dict[int, tuple[str | None, bool]] = {}
        # the background reasons whose words the document has: the others cannot apply (specificity.background)
        scope = {reason: forms for reason, forms in lex.scope.get(lang, {}).items() if not forms.isdisjoint(doc_forms)}
        time_spans = sorted((tm.start, tm.end) for tm in doc_times if tm.start is not None)
        for hit in hits:
            t = hit.trigger
            if time_spans and _inside(time_spans, hit.start, hit.end):
                drop(hit, "part of a time expression (the month, not a march)")
                continue  # "on March 1", "في مارس"
            cam = lex.cameo.get(t.cameo)
            if cam is None:
                drop(hit, f"CAMEO code {t.cameo} unknown")
                continue
            if (builder.has_agent_clause and builder.agent_echo(hit)) or _absorbed(objects.get(hit.w0), t.type):
                drop(hit, "names the agent or the object of another trigger")
                continue  # "هجوم شنه X": شنه names the attack's agent; "شن X هجوما" (words): هجوما is شن's object
            if t.type == "ASSAULT" and lang == "ar" and events and t.pos != "verb" \
                    and ("ب" in hit.prefix or hits_kept[-1].w1 == hit.w0 - 1) \
                    and _instrument_of(events[-1], hits_kept[-1], hit, words):
                if events[-1].cameo == GENERIC_ASSAULT and cam.code != GENERIC_ASSAULT:
                    _recode(events[-1], cam, t.mode)  # "هاجم مسلحون نقطة تفتيش بسيارة مفخخة": a car bombing
                drop(hit, "the weapon or toll of the attack before it")
                continue  # the weapon an attack was made with, or its toll right after it ("لم يسفر عن سقوط
                # قتلى"), is that attack, not a second one
            source, target, modality, via = builder.build(hit)
            if not source and not target and t.type not in ("ASSAULT", "PROTEST", "MOBILIZE", "COERCE"):
                drop(hit, "no source and no target")
                continue
            location, when = builder.location(hit), builder.time(hit)
            # a verb form with the article, or ب/ل before a three-letter past form, is its verbal noun
            nominal = t.pos != "verb" or "ال" in hit.prefix or hit.prefix[-1:] in ("ب", "ل")
            recalled = None  # why the candidate is a specific past act recalled as background, not news
            if when is not None and day is not None and when.relation in ("on", "during") \
                    and YEAR_IN_TEXT.search(when.text) and _historical(when.value, day):
                recalled = f"dated {when.value}, long before the document"  # "اغتيال السادات عام 1981"
            if nominal and not self._anchored(hit, source, target, location, when, quantities, words):
                drop(hit, "a verbal noun that nothing pins down (a kind of event)")
                continue  # a verbal noun with nothing that pins it down names a kind of event, not an event
            why = background(hit, words, scope, nominal)
            if why == "pluperfect" and _recent(when, day):
                why = None  # "وكانت حماس قد أطلقت صواريخ أمس": the pluperfect recalls this week's news
            if nominal and bg_end is not None and 0 < hit.w0 - bg_end <= 3 \
                    and words[hit.w0].clause == words[bg_end].clause:
                bg_end = hit.w1  # "الذي قتل في غارة": the raid is the background killing's, not news
                drop(hit, "the means of the background act before it")
                continue
            if why in RECALLED:
                recalled = why  # a specific act recalled (relative clause, pluperfect, "منذ"): flagged, kept
            elif why:
                bg_end = hit.w1
                drop(hit, f"not an act: {why}")
                continue  # a charge or a kind of event (extract/specificity.py)
            if recalled:
                bg_end = hit.w1
            attach = 1.0 if via in ("vso", "svo", "genitive", "between", "by") else (0.8 if source else 0.6)
            if len(source) > 1 and all(a.text == source[0].text for a in source):
                attach = min(attach, 0.85)  # anaphora
            conf = max(0.05, min(1.0, float(t.strength) * attach))
            if not source and t.type == "PROTEST":
                # unnamed demonstrators are civilians of the place (ACLED's "Protesters (country)"); the actor's
                # span is the word that says they exist ("تظاهر", "مظاهرة", "protested")
                source = [Actor(IMPLICIT_PROTESTERS, None, text[hit.start:hit.end], hit.start, hit.end)]
            elif not source and t.type == "ASSAULT":
                # an attack that names no attacker was made by an unidentified armed group of the place (ACLED's
                # "Unidentified Armed Group (country)"; eval/GUIDELINES.md §12): the span is the word of the act
                source = [Actor(IMPLICIT_ATTACKERS, None, text[hit.start:hit.end], hit.start, hit.end)]
            etype, mode = (cam.plover_type if t.type is None else t.type), t.mode
            if cam.code == HOST_CAMEO and target:  # "استقبل الأسد وزير الخارجية السعودي": the visitor visits the
                source, target = target, source    # host (decision 28: PLOVER's actor of a visit is the visitor)
                cam = lex.cameo[VISIT_CAMEO]
            speech = t.speech_cameo and source and all(_civilian(a.code) for a in source) \
                and not _casualties_near(hit, quantities, words)
            obj = companion_object(words, sentences, hit, self.context_sets)
            if obj is not None:  # its object is an argument, not an event undone ("lifted … sanctions"), nor one
                objects[obj] = (t.type, bool(speech or t.passive))  # of its own type after a politician's
                # "شن هجوما" (words, not weapons) or a passive "تعرضت القوات لهجوم" (the verb's own attack)
            if speech:
                cam = lex.cameo[t.speech_cameo]  # "شن عباس هجوما على حماس": words, not weapons
                etype, mode = cam.plover_type, None
            elif etype == "PROTEST" and source and all(_state(a, named_states) for a in source):
                cam = lex.cameo[STATE_PROTEST_CAMEO]  # "بكين تحتج على عبور مدمرة": a formal protest is an accusation
                etype, mode = cam.plover_type, None
            elif etype == "RETREAT" and mode in PROMISABLE and builder.promised(hit, modality):
                cam = lex.cameo[PROMISED_CAMEO]  # "ستسحب إسرائيل قواتها", "أمر بسحب القوات": a concession announced
                etype, mode = cam.plover_type, None
            evidence = builder.evidence(hit)
            # fields in order (a class called with keywords first packs them into a dict: four times the cost):
            # id, type, mode, cameo, quad_class, goldstein, source, target, modality, location, time, quantities,
            # trigger, evidence, rule, confidence, evidences, sentence
            ev = Event("", etype, mode, cam.code, cam.quad_class, cam.goldstein, source, target, modality, location,
                       when, [], Span.of(text, hit.start, hit.end), evidence, t.id, conf, [evidence],
                       words[hit.w0].sentence, recalled is not None)
            events.append(ev)
            cands.append(scorer.candidate(etype, t.id, t.pos, nominal, is_definite(hit, words), modality, via, source,
                                          target, location is not None, when.relation if when else None,
                                          _casualties_near(hit, quantities, words), hit.w0, hit.w1, conf,
                                          recalled is not None))
            hits_kept.append(hit)
            tkeys.append(_trigger_key(words, hit))
        # quantities go to the event with the nearest trigger in their sentence, a new act before a recalled one
        by_sentence: dict[int, list[tuple[int, Event]]] = {}
        for hit, ev in sorted(zip(hits_kept, events), key=lambda he: he[1].background):
            near = by_sentence.setdefault(ev.sentence, [])
            if not ev.background or not near or near[0][1].background:
                near.append((hit.w0, ev))
        for wi, q in quantities:
            near = by_sentence.get(words[wi].sentence)
            if near:
                min(near, key=lambda item: abs(item[0] - wi))[1].quantities.append(q)
        timer.lap("events")
        home = self._home_country(text, mentions)
        for ev in events:
            where = ev.location.country if ev.location and ev.location.country else home
            if len(ev.source) == 1 and implicit_attacker(ev.source[0], ev):
                # unidentified attackers take the country of the place of the attack, or the document's home
                # country unless that is only the victims' ("أطلقوا قذائفهم باتجاه موقع فلسطيني": no Palestinian
                # attackers)
                placed = ev.location.country if ev.location and ev.location.country else None
                victims = {a.code[:3] for a in ev.target}
                ev.source = self._localize(ev.source, placed or (home if home not in victims else None))
            elif ev.mode != "visit":  # a visitor comes from elsewhere: "وصل الوفد إلى تل أبيب" is no Israeli delegation
                ev.source = self._localize(ev.source, where)
            ev.target = self._localize(ev.target, where)
        decide(events, cands, scorer)
        told = list(events)
        news = [(ev, k) for ev, k in zip(events, tkeys) if not ev.background]  # a recalled act is never merged
        recalled_events = [ev for ev in events if ev.background]
        events = merge_events([ev for ev, _k in news], [k for _ev, k in news])
        if recalled_events:
            events = sorted(events + recalled_events, key=lambda ev: (ev.trigger.start, ev.trigger.end))
        events = [ev for ev in events if keeps(ev, self.decision, threshold)]
        for n, ev in enumerate(events, start=1):
            ev.id = f"e{n}"
        doc.events = events
        if trace is not None:
            trace.extend(decision_trace(text, told, hits_kept, cands, scorer, events, threshold))
            trace.sort(key=lambda r: (r["trigger"]["start"], r["trigger"]["end"]))
        timer.lap("merge")
        doc.entities = self._entities(mentions, coref, day)
        timer.lap("entities")

    def _place_mentions(self, mentions: list[Mention], words, starts: list[int], lang: str):
        """One pass over the mentions: each gets its words (``w0``/``w1``; the words get ``mention``), a nationality
        word alone gets the lexicon's nationality slot among its forms; returns the mentions by sentence, the places
        usable as event locations (introduced by a locative preposition or clitic ب) as (w0, w1, mention,
        Location), and every place or country named as (w0, w1, mention, country code, country entity id)."""
        kb = self.kb
        locative_words = LOCATIVE[lang]
        by_sent: dict[int, list[Mention]] = {}
        places: list = []
        geo: list = []
        for mi, m in enumerate(mentions):
            w0 = max(bisect.bisect_right(starts, m.start) - 1, 0)
            w1 = max(bisect.bisect_right(starts, m.end - 1) - 1, w0)
            m.w0, m.w1 = w0, w1
            for k in range(w0, w1 + 1):
                words[k].mention = mi
            kind = m.kind
            if w0 == w1 and kind in ("nisba", "demonym"):
                words[w0].forms = words[w0].forms | NATIONALITY_SLOT_SET
            by_sent.setdefault(words[w0].sentence, []).append(m)
            if kind not in GEO_KINDS:
                continue
            rec = kb.entities.get(m.target)
            cc = _country_of_place(rec)
            if cc:
                crec = kb.country(cc)
                geo.append((w0, w1, m, cc, crec.id if crec else None))
            if rec is None:
                continue
            if kind == "nisba":  # "في عدة مدن بريطانية", "في العاصمة الكونغولية": somewhere in that country
                if rec.kind == "country" and _after_locative(words, w0, locative_words):
                    places.append((w0, w1, m, Location(rec.name, rec.code, rec.lat, rec.lon, rec.id)))
                continue
            if "ب" in m.prefix.lstrip("و") or (w0 > 0 and _locative(words[w0 - 1].norm, locative_words)):
                country = rec.country if rec.kind != "country" else rec.code
                places.append((w0, w1, m, Location(rec.name, country, rec.lat, rec.lon, rec.id)))
        return by_sent, places, geo

    def _localize(self, actors: list, country: str | None) -> list:
        """A sector without a country ("الشرطة", "protesters", "الحكومة") belongs to the country where the event
        happens, else to the document's home country (its dateline or most-named country)."""
        if not country or not actors:
            return actors
        out = []
        for a in actors:
            if a.code in SECTORS:  # unnamed gunmen too: "Unidentified Armed Group (Iraq)"
                a = Actor(country + a.code, a.entity, a.text, a.start, a.end)
            out.append(a)
        return out

    def _home_country(self, text: str, mentions: list[Mention]) -> str | None:
        """The dateline's country ("الخرطوم - ...", "TOKYO —") or else the country named most often."""
        kb = self.kb
        counts: dict[str, int] = {}
        for m in mentions:
            if m.kind not in ("country", "nisba", "demonym", "capital", "place"):
                continue
            rec = kb.entities.get(m.target)
            if rec is None:
                continue
            c = rec.code if rec.kind == "country" else rec.country
            if not c:
                continue
            if m.kind in ("capital", "place") and _dateline(text, m):
                return c
            counts[c] = counts.get(c, 0) + 1
        return max(counts, key=lambda c: counts[c]) if counts else None

    @staticmethod
    def _anchored(hit, source, target, location, when, quantities, words) -> bool:
        """Does the sentence pin a verbal-noun trigger down to one occurrence: an actor (for an indefinite noun), a
        place, a time of the sentence (not the document date), or a count of casualties/people/arrests?"""
        # "الهجوم" (the attack) refers back to a known event: actors alone do not make it news, a place, a time or
        # a count does; an indefinite "هجوم" with its actors is a new occurrence
        if ((source or target) and not is_definite(hit, words)) or location is not None:
            return True
        if when is not None and when.relation != "document-date":
            return True
        return _casualties_near(hit, quantities, words)

    def _entities(self, mentions: list[Mention], coref: list[tuple[str, Span]], day: dt.date | None) -> list[Entity]:
        """One entity per KB record mentioned; anaphora resolved to a country count as its mentions."""
        kb = self.kb
        out: dict[str, Entity] = {}
        for m in mentions + [Mention(sp.start, sp.end, sp.text, "anaphor", eid, "") for eid, sp in coref]:
            if m.kind == "role":
                continue
            rec = kb.entities.get(m.target)
            if rec is None:
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
                ent = Entity(rec.id, rec.kind, rec.name, rec.name_ar, code, country, sectors, rec.lat, rec.lon, [],
                             role)
                out[rec.id] = ent
            ent.mentions.append(Span(m.start, m.end, m.text))
        return sorted(out.values(), key=lambda e: (min(m.start for m in e.mentions), e.id))


def _trigger_key(words, hit) -> str:
    """The trigger's words as their most literal bases, joined: what identical tellings share."""
    if hit.w0 == hit.w1:
        return words[hit.w0].bases[0][1]
    return " ".join([words[k].bases[0][1] for k in range(hit.w0, hit.w1 + 1)])


def _civilian(code: str) -> bool:
    """A government, party, parliament… actor with no armed sector ("PSEGOV", "OPP" yes; "PSEREBHMS", "ISR" no); a
    sector without a country (not yet localized) counts too."""
    sectors = {code[i:i + 3] for i in range(0, len(code) - 2, 3)}
    return bool(sectors & CIVILIAN_POLITICAL) and not sectors & ARMED_SECTORS


# companions whose sense undoes or refuses their object: "lifted … sanctions", "رفض الاتفاق" are no new sanction or
# agreement; other objects may be events of their own ("فرقت الشرطة مظاهرة": the demonstration took place)
UNDOING_TYPES = frozenset({"RETREAT", "CONCEDE", "REJECT"})


def _absorbed(companion: tuple[str | None, bool] | None, etype: str | None) -> bool:
    """Is a trigger at a companion verb's object word part of that verb's event: of another type when the
    companion undoes it, of the same type when the companion absorbs it (see ``Coder.code``)?"""
    if companion is None:
        return False
    ctype, same_too = companion
    return (etype != ctype and ctype in UNDOING_TYPES) or (etype == ctype and same_too)


def _state(actor: Actor, named_states: set[tuple[int, int]]) -> bool:
    """A state speaking as such: a government ("الخارجية الصينية": CHNGOV), or a country named by its name or its
    capital ("بكين تحتج", "احتجت مصر": the actor's words are such a mention), nothing else: a nisba or demonym stands
    for the people ("تظاهر آلاف العراقيين" is IRQ too)."""
    code = actor.code
    return (len(code) == 6 and code.endswith("GOV")) or (len(code) == 3 and (actor.start, actor.end) in named_states)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does [start, end) lie within one of the sorted, non-overlapping ``spans``?"""
    k = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


def _casualties_near(hit, quantities, words) -> bool:
    """A count of casualties, arrests, people or troops in the trigger's sentence."""
    si = words[hit.w0].sentence
    return any(words[wi].sentence == si and q.kind in ANCHOR_QUANTITIES for wi, q in quantities)


def _country_of_place(rec) -> str | None:
    """The country a place stands for: its own code for a country, its country for a place, and the single country
    of a region that lies in one ("قطاع غزة" -> PSE); None otherwise."""
    if rec is None:
        return None
    if rec.kind == "country":
        return rec.code
    if rec.kind == "region":
        inside = (rec.raw or {}).get("countries") or []
        return inside[0] if len(inside) == 1 else None
    return rec.country


RECENT_DAYS = 7


def _recent(when: TimeRef | None, day: dt.date | None) -> bool:
    """A time the sentence states (not the document date) within RECENT_DAYS before the document date."""
    if when is None or day is None or when.relation == "document-date" or not when.value:
        return False
    try:
        value = dt.date.fromisoformat(when.value.split("/")[-1][:10])
    except ValueError:
        return False
    return dt.timedelta(0) <= day - value <= dt.timedelta(days=RECENT_DAYS)


def _locative(norm: str, locative_words) -> bool:
    """Is a word a locative preposition, also with a joined و/ف ("في", "وفي بغداد", "ففي القاهرة")?"""
    return norm in locative_words or (norm[:1] in ("و", "ف") and norm[1:] in locative_words)


NISBA_PLACE_SPAN = 3  # words from a locative preposition to the nisba of the place it describes


def _after_locative(words: list, w0: int, locative_words) -> bool:
    """Does a locative preposition stand among the few words before word ``w0``, in its clause, with only plain
    words (no name, no punctuation) between: "في عدة مدن بريطانية"?"""
    for k in range(w0 - 1, max(w0 - 1 - NISBA_PLACE_SPAN, -1), -1):
        w = words[k]
        if w.kind != "word" or w.mention is not None:
            return False
        if _locative(w.norm, locative_words):
            return True
    return False


def _dateline(text: str, m: Mention) -> bool:
    """Is mention ``m`` a dateline: it opens its line and a dash or parenthesis follows ("الخرطوم - ...")?"""
    return m.start - (text.rfind("\n", 0, m.start) + 1) <= 2 \
        and text[m.end:m.end + 4].lstrip(" \u200f\u200e")[:1] in ("-", "–", "—", "(")


HOST_CAMEO, VISIT_CAMEO = "043", "042"  # CAMEO "host a visit" / "make a visit"
STATE_PROTEST_CAMEO = "111"  # a government's protest is verbal: "criticize or denounce" (ACCUSE)
GENERIC_ASSAULT = "190"  # CAMEO 190 "use conventional military force, not specified below"
INSTRUMENT_SPAN = 6  # words between an attack's trigger and the "ب + weapon" it was made with ("بسيارة مفخخة")


def _instrument_of(prev: Event, prev_hit, hit, words: list) -> bool:
    """Is ``hit`` ("بعبوة ناسفة", "بالصواريخ") the weapon of the attack ``prev`` told just before it in its
    sentence, in the same clause?"""
    return prev.type == "ASSAULT" and prev.sentence == words[hit.w0].sentence \
        and 0 < hit.w0 - prev_hit.w1 <= INSTRUMENT_SPAN \
        and all(words[k].kind != "punct" for k in range(prev_hit.w1 + 1, hit.w0))


def _recode(ev: Event, cam, mode: str | None) -> None:
    """Give an event the CAMEO code (with its QuadClass and Goldstein value) and mode of a more specific sense."""
    ev.cameo, ev.quad_class, ev.goldstein, ev.mode = cam.code, cam.quad_class, cam.goldstein, mode


def _historical(value: str | None, day: dt.date) -> bool:
    """A time value more than a year before the document date (years compare by year)."""
    if not value:
        return False
    head = value.split("/")[-1]
    try:
        if len(head) == 4:
            return int(head) < day.year - 1
        return dt.date.fromisoformat(head[:10]) < day - dt.timedelta(days=366)
    except ValueError:
        return False


def code(text: str, lang: str | None = None, date: str | dt.date | None = None, url: str | None = None,
         doc_id: str | None = None, timings: dict | None = None, *, min_confidence: float | None = None,
         all_candidates: bool = False, explain: bool = False) -> CodedDocument:
    """Code one document. See the output contract in DESIGN.md; ``CodedDocument.to_dict()`` gives it."""
    return Coder.default().code(text, lang=lang, date=date, url=url, doc_id=doc_id, timings=timings,
                                min_confidence=min_confidence, all_candidates=all_candidates, explain=explain)


def code_many(items, lang: str | None = None):
    """Code an iterable of texts or (text, date) pairs; yields CodedDocuments in order."""
    coder = Coder.default()
    for item in items:
        if isinstance(item, str):
            yield coder.code(item, lang=lang)
        else:
            text, date = item
            yield coder.code(text, lang=lang, date=date)

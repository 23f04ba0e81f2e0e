"""From triggers to events: argument attachment, modality, location, time, evidence, confidence.

For each trigger found in a sentence (``find_triggers``), ``build_event`` attaches:
  source  - VSO subject right after a verb, else the nearest actor phrase before it in the clause (SVO), with the
            actors coordinated to it ("X و Y", "X and Y"); for verbal nouns the genitive after the noun or
            "بين X و Y"; never the speaker of reported speech ("قال X إن ..." : X only reports);
  target  - the object right after the subject/trigger, or a phrase introduced by one of the trigger's
            prepositions; cooperative events never take a target introduced by "ضد"/"against"/"مثل"/"like";
  reciprocal triggers (meetings, clashes) put every participant in source and none in target;
  modality - the strongest cue within its window before the trigger (negated > hypothetical > intended/planned >
            reported > asserted), the future prefix س, or the scope of reported speech;
  location - a place (or country) introduced by في/ب/in/at in the sentence, after the trigger first;
  time     - the nearest time expression in the sentence, else the document date flagged "document-date".
Imports: marsad.model, marsad.text, marsad.extract.* siblings.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from ..kb import clitics, grammar
from ..kb.coding_rules import load_coding_rules
from ..model import ACTOR_SECTORS, UNNAMED_ARMED, Actor, Span, TimeRef
from ..text import normalize_key
from ..text.normalize import MARK_CHARS
from ..text.numbers import parse_number_words
from .actors import Phrase, indefinite_accusative
from .lexicon import form_head, head_words
from .preps import (CONJUNCTIONS, EN_ARTICLES, PARTNER_PREPS, PREP_WORDS, PREPOSITION_CLITICS, fold as _fold,
                    PLACE_HEADS, clitic_prep, mention_prep, place_prep)
from .words import Word, has_verb_form

NOT_COOP_TARGET = grammar.words("not_coop_targets")
SUBORDINATORS = grammar.words("subordinators")  # "بعد أن خرج": its verb's subject is its own
ANNOUNCE_VERBS = grammar.words("announce_verbs")  # bare verbs: matched with has_verb_form ("فأعلنت")
HAL_SUFFIX = "_hal"  # lexicon ids of circumstantial participles ("داعيا", "محذرا", "متهما"): never with the article
ANNOUNCE_SPAN = 20  # words from أعلن/قرر to a verbal noun whose act it announces
# acts an official announcement makes its subject's own; not violence ("أعلنت وزارة الصحة مقتل": no killer)
ANNOUNCED_TYPES = frozenset({"COERCE", "SANCTION", "MOBILIZE", "AID", "RETREAT", "CONCEDE", "AGREE", "SUPPORT",
                             "COOPERATE", "REJECT"})
PASSIVE_NEXT = grammar.words("passive_next")  # after a patient verb, they leave it without an object: a passive
OR_WORDS = grammar.words("or_words")  # a verb joined by these shares the negation of the verb before it
MARKS = "".join(sorted(MARK_CHARS))  # harakat, tatweel and the other marks the text layer ignores
COMPLEMENTIZERS = grammar.by_lang("complementizers")
LOCATIVE = grammar.by_lang("locatives")
CONJ = grammar.by_lang("conjunctions")
DEFAULT_PREPS = grammar.keyed("default_preps")  # event type -> the prepositions of its target
PRONOUN_COMPLEMENTIZERS = grammar.by_lang("pronoun_complementizers")  # "قال الجيش إنه قتل": the speaker acts
# English reports without "that": "the army said (on Monday) it had struck", "…, the Israeli military said."
EN_SAY_VERBS = grammar.words("say_verbs", "en")
# "said (that) it would": "would" is the future of reported speech (planned), not a conditional
EN_SAY = EN_SAY_VERBS | grammar.words("say_before_would", "en")
EN_PRONOUNS = grammar.words("subject_pronouns", "en")
EN_GIVE_VERBS = grammar.words("en_give_verbs", "en")  # "granted Egypt a loan": the first object receives
EN_PASSIVE_AUX = grammar.words("en_passive_aux", "en")  # "was", "were", "been": a participle after them is passive
EN_PARTICIPLES = grammar.words("en_irregular_participles", "en")  # "hit", "shot", "struck"
EN_SAY_SPAN = 10  # words before a trigger in which its reporting verb stands
PRONOUN_SUBJECT = frozenset({w for ws in PRONOUN_COMPLEMENTIZERS.values() for w in ws})  # "انها استهدفت X"
# a verb with a pronoun for the attack, or "attributed to", whose subject is the attacker: "هجوم شنه X" (bare verbs)
AGENT_CLAUSE = grammar.words("agent_clause")
AGENT_SPAN, AGENT_SPAN_PASSIVE = 3, 12  # words after a verbal noun / a passive verb in which the agent clause starts
INCLUSION_OPENERS = grammar.words("inclusion_openers", "ar")  # "، من بينها منظمة العفو،": a parenthesis of members
COMMAS = frozenset({",", "،"})
INCLUSION_SPAN = 10  # words from the comma that opens such a parenthesis to the one that closes it
EXPERIENCER_NOUNS = grammar.words("experiencer_nouns", "ar")  # "انزعاج الحكومة": the one who feels it
ISSUED_BY = grammar.words("issued_by", "ar")  # "التصريحات التي صدرت عن X", "البيان الصادر عن X"
ATTRIBUTION_PREPS = grammar.words("attribution_preps")  # "نسب إلى X", "تابعة لـ X", "claimed by X"
LAUNCHERS = grammar.words("launcher_participles", "en")  # "drones launched by X": X owns what was hit
PROJECTILE_MODES = frozenset({"heavy-weapons", "drone"})  # fired from somewhere: the origin's country fired
ORIGIN_SPAN = 6
ARTICLE = clitics.article_forms()  # a word that starts with the article (and a clitic) is a noun
ARTICLE_CLITIC = clitics.classes()["article"]  # the article among a word's proclitics
CONJUNCTION_CLITICS = clitics.conjunctions()  # "واعتقل", "فاعتقل": joined to the verb before
MEANS = grammar.words("means")  # "عبر/من خلال + verbal noun": the means of the clause's subject
MEANS_SPAN = 6
GEO_KINDS = frozenset({"capital", "place", "region", "country"})  # a place named in the clause ("في شوارع الخرطوم")
PURPOSE_ACCUSATIVES = grammar.words("purpose_accusatives", "ar")  # "يضربون احتجاجا على": the subject's protest
AFFILIATION_PREPS = grammar.by_lang("affiliation_preps")  # "مسلحون من تنظيم داعش": the group of the gunmen
CONJOINED_DETERMINERS = grammar.words("conjoined_determiners", "en")  # "X and his Iraqi counterpart"
GROUP_HEADS = grammar.by_lang("group_heads")  # "من تنظيم ولاية خراسان": a head noun before the group's name
SINGULAR_IN = grammar.words("singular_in_nouns", "ar")  # "الأمين": a singular, not an oblique plural in ـين
MEMBER_NOUNS = grammar.by_lang("member_nouns")  # "قياديا في حماس": an act on a member is on the group
MEMBER_PREPS = grammar.by_lang("member_preps")
PURPOSE_CLITICS = grammar.words("purpose_clitics", "ar")  # "لتفريق": the purpose of the clause's act
CONTENT_CLITICS = grammar.keyed("content_clitics", "ar")  # type -> the clitic opening what is asked ("طالب ... بإزالة")
DEMONSTRATIVES = grammar.words("demonstratives", "ar")
THEN_WORDS = grammar.words("then_words", "ar")  # "ثم": joins a verb to the one before, as و does
ANTECEDENT_SPAN = 15  # words from an object pronoun on a trigger back to the end of the actor it refers to
PURPOSE_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts the clause's subject does for that purpose (not "دعا لوقف")
FUTURE_NOT = grammar.words("future_not")
ORDER_VERBS = grammar.words("order_verbs")  # "أمر بسحب", "ordered"
ADDRESSEE_GAP = 3  # words between an appeal and the party it addresses ("asked the council to act")
ORDER_SPAN = 8  # words between the order verb and the verbal noun ("أمر وزير الدفاع الروسي اليوم بسحب")
KANA = grammar.words("kana")  # "وكان X قد ...": X is the subject
QAD_BEFORE_VERB = grammar.words("qad_before_verb")  # "وكانت حماس قد أطلقت"
OPEN_QUOTES = frozenset("«“„")  # a quotation's opening marks (a straight quote opens and closes: not one)
CLOSE_QUOTES = frozenset("»”")  # its closing marks: a quoted name joined by و to the next ("«حزب الله» والرئيس")
QAMA = grammar.words("qama")  # "قامت X بقصف": X did it
BELONGING = grammar.words("belonging")  # "طائرة تابعة لـ X", "مدفعية التابعة للجيش": X owns what acts
# before a verbal noun these make it passive ("تم اعتقال الناشط من قبل X": the activist is arrested, X arrests)
IMPERSONAL = grammar.words("impersonal")
BY_AGENT = grammar.words("by_agent")  # the agent of a passive: "by X", "من قبل X", "على يد X", "برصاص X"
APPROX = grammar.words("approx")
# count words the number grammar does not read on their own (عشرات، مئات، آلاف، بضعة are numbers to it already)
COUNT_WORDS = grammar.words("count_words")
PHONE_PREPS = grammar.words("phone_preps")  # "تلقى اتصالا هاتفيا من X": X is a participant
MASDAR_PREPS = grammar.words("masdar_preps", "ar")  # "أعلنت عن قتل الرهينة": a verb form after one is a verbal noun
GENITIVE_AGENT_PREPS = grammar.words("genitive_agent_preps")  # "هجوم لحزب الله", "an attack by Hamas"
ORIGIN_PREPS = grammar.words("origin_preps")  # "من جنوب لبنان": where it is fired from
THIRD_PERSON_ENCLITICS = grammar.words("third_person_enclitics")
POSSESSED_AGENTS = grammar.words("possessed_agents", "ar")
EN_POSSESSIVES = grammar.words("possessive_determiners", "en")  # "said its forces struck": the speaker's forces
THIRD_PERSON_SUFFIXES = tuple(sorted(THIRD_PERSON_ENCLITICS, key=lambda s: (-len(s), s)))  # longest first
OWNER = load_coding_rules()["owner-of-the-object"]  # kb/data/coding_rules.jsonl
FRONTIER = grammar.words("frontier_nouns")  # "الحدود مع X", "the border with X": X is across it
AUTHOR_TYPES = frozenset(load_coding_rules()["author-of-the-object"]["types"])  # reactions to an act
REACTION_VERBS = frozenset(load_coding_rules()["reaction-before-an-act"]["types"])  # "تدين القمع": another's act
GIVING_TYPES = frozenset({"AID", "SUPPORT"})  # "قدمت X لـY مساعدات": the recipient may precede the gift's noun
OWN_FORCES = frozenset(load_coding_rules()["own-forces-moved"]["types"])  # deployments, withdrawals
FORCE_SECTORS = frozenset(load_coding_rules()["own-forces-moved"]["sectors"])  # the units they move
TELLING_ACTS = load_coding_rules()["act-of-the-tellings"]  # "في انفجار", "in an attack": the act of the clause
HARM_VERBS = grammar.by_lang("harm_verbs")  # "تضررت", "was damaged": what the act introduced after them harmed
PLACE_ACTS = frozenset(load_coding_rules()["place-of-the-act"]["types"])  # acts that target the place they reach
PLACE_ACT_PREPS = {lang: frozenset(normalize_key(w) for w in ws)  # "حول تايوان", "around Taiwan"
                   for lang, ws in load_coding_rules()["place-of-the-act"]["preps"].items()}
GEO_AUTHOR_KINDS = frozenset({"demonym", "country"})  # phrase kinds of "an Israeli strike" ("U.S." is a country there)
NISBA_ACT_SPAN = 2  # words from a trigger to a nisba that describes the act ("غارة جوية إسرائيلية"), not a place
PERSON_KINDS = frozenset({"person", "person_short", "new_person"})  # phrase kinds of a named individual
CONDITION_WORDS = grammar.by_lang("condition_words")  # "إذا", "if": a threat's condition
CONDITION_REACH, CONDITION_SPAN = 16, 3  # words from a threat to "إذا"; from "إذا" to the condition's subject
NAME_GAP = 3  # words of a name the KB does not know between a title's nationality and the next one
OBJECT_GAP = 8  # words between a verb (or its subject) and an object without a preposition: a time and a head noun may
# stand between ("رفض نتنياهو اليوم الخميس الشروط التي وضعتها حماس"; "طرد 35 دبلوماسيا روسيا"); measured best at 8-10
WINDOW = 40  # words either side of a trigger searched for its arguments (bounds the work on run-on text)

# the words that open reported speech: the complementizers, and in Arabic "وان" ("and that") as written
OPENING_WORDS = {lang: COMPLEMENTIZERS[lang] | grammar.words("conjoined_complementizers", lang)
                 for lang in COMPLEMENTIZERS}
GEO_TARGET_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "AID", "CONSULT", "THREATEN", "RETREAT", "CONCEDE",
                    "SUPPORT", "AGREE", "REQUEST", "REJECT", "ACCUSE", "COOPERATE"}
GEO_PREPS = grammar.words("geo_preps")
GEO_PREPS_FROM = GEO_PREPS | ORIGIN_PREPS
MODALITY_RANK = {"negated": 5, "hypothetical": 4, "intended": 3, "planned": 3, "reported": 2, "asserted": 0}


@dataclass(slots=True)
class TriggerHit:
    w0: int
    w1: int  # inclusive
    trigger: object  # kb.rules.Trigger
    prefix: str  # proclitics on the first word
    start: int
    end: int


def after_masdar_prep(words, hit) -> bool:
    """Does a trigger with no clitic stand right after a preposition that governs only nouns, in its sentence (grammar
    masdar_preps: "أعلنت عن قتل الرهينة", "نقل إلى سجن")? A verb form there is its verbal noun."""
    return not hit.prefix and hit.w0 > 0 and words[hit.w0 - 1].norm in MASDAR_PREPS \
        and words[hit.w0 - 1].sentence == words[hit.w0].sentence


def _prep_with_pronoun(norm: str, preps) -> str | None:
    """The third-person pronoun of a word that is one of ``preps`` with that pronoun joined ("عنهم", "لها"), or None."""
    for suffix in THIRD_PERSON_SUFFIXES:
        if norm.endswith(suffix) and norm[:-len(suffix)] in preps:
            return suffix
    return None


class EventBuilder:
    """Per-document state for attaching arguments to triggers."""

    def __init__(self, text: str, lang: str, words: list[Word], sentences, phrases: list[Phrase],
                 lexicon, places: list, times: list, doc_date, geo: list, hits: list | None = None,
                 doc_forms: frozenset[str] | None = None, cue_starts: list[int] | None = None,
                 institutions: frozenset[str] = frozenset(), companion_object=None,
                 complementizers: list[int] | None = None) -> None:
        self.text = text
        # hit -> the word of a VSO companion's object ("شن X هجوما": هجوما), None for other triggers
        # (extract.triggers.companion_object, which imports this module: handed in by the candidates stage)
        self.companion_object = companion_object
        self.institutions = institutions  # ids of the KB roles of kind "institution" ("role:government")
        self.lang = lang
        self.words = words
        self.sentences = sentences
        self.phrases = phrases
        self.lex = lexicon
        self.places = places  # [(w0, w1, Mention, Location, headed by a place noun)]
        self.geo = geo  # [(w0, w1, Mention, country code, country entity id)] of every place/country named, in order
        self.geo_starts = [g[0] for g in geo]  # their first words, in order
        self.times = times  # [(w_index, TimeMatch)]
        self.doc_date = doc_date
        self._evidence: dict[int, Span] = {}
        self._time_refs: dict[int, TimeRef] = {}  # id of a time match (or of None) -> its TimeRef
        self._cue_cache: dict[int, list] = {}
        self.hits = hits or []  # every trigger of the document (words[k].trigger indexes it)
        # sentence -> (last verb's end, its subject[, a reciprocal verb's grammatical subject alone])
        self.last_subject: dict[int, tuple] = {}
        # trigger's first word -> role -> (actors, rule): what a refinement rule (the owner of the object, the
        # possessor of the subject) finds. ``build`` returns the roles without them: a refinement never creates a
        # candidate nor changes what the decision layer scores (it was trained before these rules); the
        # candidates stage applies them to the event it makes.
        self.refinements: dict[int, dict[str, tuple[list[Actor], str]]] = {}
        self.time_words = _covered(words, times)  # word indices inside a time expression
        # the rarer constructions ("تابعة ل", "هجوم شنه", "قامت X ب", "تم اعتقال") are looked for only in documents
        # that have one of their words (``doc_forms``: every form of every word)
        if doc_forms is None:
            doc_forms = frozenset().union(*[w.forms for w in words])
        self.has_belonging = not BELONGING.isdisjoint(doc_forms)
        self.has_agent_clause = not AGENT_CLAUSE.isdisjoint(doc_forms)
        self.has_qama = not QAMA.isdisjoint(doc_forms)
        self.has_impersonal = not IMPERSONAL.isdisjoint(doc_forms)
        self.has_announce = not ANNOUNCE_VERBS.isdisjoint(doc_forms)  # a verb's bare form is one of its forms
        self.actor_phrases: dict[int, list[Phrase]] = {}  # sentence -> its phrases that code to actors, in order
        for p in phrases:
            if p.actors:
                self.actor_phrases.setdefault(words[p.w0].sentence, []).append(p)
        self._actor_phrases: dict[int, tuple[list[Phrase], list[int], int, int]] = {}  # see _actor_phrases_in
        self._cue_index = lexicon.cues.get(lang, {})
        self._cue_heads = lexicon.heads(self._cue_index)
        # the words where a modality cue may start (``Lexicon.head_positions``, when the caller has them)
        self.cue_starts = _positions_of_heads(words, self._cue_heads) if cue_starts is None else cue_starts
        # the words that open reported speech (the heads stage has them: ``DocState.opening_at``)
        self.complementizers = _complementizer_positions(words, lang) if complementizers is None else complementizers
        self.places_by_sentence: dict[int, list] = {}
        act_ends = {h.w1 for h in self.hits}
        for pl in places:
            if pl[2].kind == "nisba" and describes_act(words, pl[0], pl[1], act_ends, frozenset()):
                continue  # "في غارة جوية إسرائيلية": the act's nationality (its author), not where it happened
            self.places_by_sentence.setdefault(words[pl[0]].sentence, []).append(pl)
        self.times_by_sentence: dict[int, list] = {}
        for w, tm in times:
            self.times_by_sentence.setdefault(words[w].sentence, []).append((w, tm))

    # ---- helpers -----------------------------------------------------------------------------
    def _chain_forward(self, ph: Phrase, sent_phrases: list[Phrase]) -> list[Phrase]:
        out = [ph]
        idx = sent_phrases.index(ph)
        for nxt in sent_phrases[idx + 1:]:
            gap = nxt.w0 - out[-1].w1 - 1
            conj_word = self._conjoined(out[-1].w1, gap)
            comma_list = (gap == 1 and self.words[out[-1].w1 + 1].norm == "," and self.lang == "en")
            quoted = gap == 1 and nxt.coordinated and self.words[out[-1].w1 + 1].text in CLOSE_QUOTES
            if (nxt.coordinated and gap == 0) or conj_word or comma_list or quoted \
                    or self._nisba_pair(out[-1], nxt, gap):
                out.append(nxt)
            else:
                break
        return out

    def _condition_subject(self, hit: TriggerHit, after: list[Phrase], source: list[Phrase]) -> list[Phrase]:
        """The subject of the condition a threat sets, in its sentence after it (grammar table condition_words):
        the first actor with no preposition within CONDITION_SPAN words of "إذا"/"if" (past "لم" and the verb)."""
        words = self.words
        si = words[hit.w0].sentence
        for k in range(hit.w1 + 1, min(len(words), hit.w1 + 1 + CONDITION_REACH)):
            if words[k].sentence != si:
                return []
            if words[k].norm in CONDITION_WORDS[self.lang]:
                p = next((p for p in after if p.w0 > k), None)
                if p is not None and p.prep is None and p.w0 - k <= CONDITION_SPAN and p not in source:
                    return self._chain_forward(p, after)
                return []
        return []

    def _reaction_verb_at(self, k: int) -> bool:
        """Is word ``k`` the verb of a reaction to another's act ("تدين", coding rule reaction-before-an-act), not of
        a statement that announces the act after it ("تعلن الاعتراف") nor of an agreement or a decision to do it
        ("اتفقتا على نشر"): the subject's own act?"""
        w = self.words[k]
        if w.trigger is None or not self.hits:
            return False
        t = self.hits[w.trigger].trigger
        return t.pos == "verb" and t.type in REACTION_VERBS and not has_verb_form(w, ANNOUNCE_VERBS)

    def _partitive(self, p: Phrase) -> bool:
        """Arabic: is phrase ``p`` a part of a group, "عدد من X", "العشرات من X" (a count word, then من)?"""
        return p.w0 >= 2 and self.words[p.w0 - 1].norm == "من" and self.words[p.w0 - 2].norm in COUNT_WORDS

    def _nisba_pair(self, cur: Phrase, nxt: Phrase, gap: int) -> bool:
        """Arabic: "الرئيسين اللبناني <name> والسوري <name>": a nationality joined by و to a title's nationality
        across the first holder's name the KB does not know (up to NAME_GAP plain words) shares the title."""
        if self.lang != "ar" or not 1 <= gap <= NAME_GAP or not nxt.coordinated or nxt.kinds[:1] != ["nisba"] \
                or cur.kinds[-1:] != ["nisba"] or "role" not in cur.kinds:
            return False
        return all(w.kind == "word" and w.mention is None and w.trigger is None and w.norm not in PREP_WORDS["ar"]
                   and not w.norm.startswith("ال") for w in self.words[cur.w1 + 1:nxt.w0])

    def _conjoined(self, w1: int, gap: int) -> bool:
        """Do the ``gap`` words after word ``w1`` join two phrases: a conjunction ("و", "and"), in English with an
        article or a possessive after it ("Egypt and the United Arab Emirates", "the minister and his counterpart")?"""
        words = self.words
        if gap == 1:
            return words[w1 + 1].norm in CONJ[self.lang]
        return gap == 2 and self.lang == "en" and words[w1 + 1].norm in CONJ["en"] \
            and words[w1 + 2].norm in CONJOINED_DETERMINERS

    def _chain_backward(self, ph: Phrase, sent_phrases: list[Phrase]) -> list[Phrase]:
        out = [ph]
        idx = sent_phrases.index(ph)
        while idx > 0:
            cur = out[0]
            prev = sent_phrases[idx - 1]
            gap = cur.w0 - prev.w1 - 1
            conj_word = self._conjoined(prev.w1, gap)
            comma_list = gap == 1 and self.words[prev.w1 + 1].norm == "," and self.lang == "en"
            if (cur.coordinated and gap == 0) or conj_word or comma_list:
                out.insert(0, prev)
                idx -= 1
            else:
                break
        return out

    def _speaker(self, cue_at: int, comp: int, sent_phrases: list[Phrase]) -> list[Phrase]:
        """The subject of a reporting verb: the actor right after it ("قال الجيش إنه ...") or the one before it
        ("الجيش قال إنه ...")."""
        for p in sent_phrases:
            if cue_at < p.w0 < comp and p.prep is None:
                return self._chain_forward(p, sent_phrases)
        before = [p for p in sent_phrases if p.w1 < cue_at and p.prep is None]
        if before and cue_at - before[-1].w1 <= 2:
            return self._chain_backward(before[-1], sent_phrases)
        return []

    def _possessor_speaker(self, subject: Phrase, lo: int, sent_phrases: list[Phrase]) -> list[Phrase]:
        """English: the speaker whose sector noun acts, "the U.S. military said its forces destroyed": a subject
        with no country after "its"/"their", a reporting verb a few words before it."""
        words = self.words
        k = subject.w0 - 1
        if k <= lo or words[k].norm not in EN_POSSESSIVES:
            return []
        say = next((j for j in range(k - 1, max(lo, k - 6) - 1, -1) if words[j].norm in EN_SAY_VERBS), None)
        return self._speaker(say, k, sent_phrases) if say is not None else []

    def _launched_by(self, p: Phrase, t) -> bool:
        """English: "(shot down) drones launched by X" - the phrase after "by" launched the thing hit."""
        k = p.w0 - 1
        while k > 0 and self.words[k].norm in EN_ARTICLES:
            k -= 1
        return (self.lang == "en" and p.prep == "by" and not t.passive and k > 0
                and self.words[k].norm == "by" and self.words[k - 1].norm in LAUNCHERS)

    def _agent_clause(self, hit: TriggerHit, after: list[Phrase], cands: list[Phrase]) -> list[Phrase]:
        """The actor named by a clause on a verbal noun: "هجوم شنه X", "الهجوم نفذه X", "هجوم نسب إلى X" (called
        only in documents with an agent-clause word)."""
        words = self.words
        # Arabic: "تعرضت قاعدة إلى هجوم انتحاري شنه X"; English: the participle right after the act ("a strike
        # carried out by X"), never further on ("shot down drones launched by X" names the target)
        span = 1 if self.lang == "en" else AGENT_SPAN_PASSIVE if hit.trigger.passive else AGENT_SPAN
        for k in range(hit.w1 + 1, min(hit.w1 + 1 + span, len(words))):
            w = words[k]
            if w.kind == "punct" and w.norm in (",", "،"):
                continue  # "هجوم انتحاري، نسب إلى X"
            if w.kind != "word" or w.sentence != words[hit.w0].sentence:
                return []
            if has_verb_form(w, AGENT_CLAUSE):
                p = next((p for p in after if p.w0 > k), None)
                if p is not None and p.w0 - k <= 2 + (self.lang == "en") and (
                        p.prep in ATTRIBUTION_PREPS or (p.prep is None and self.lang == "ar")):
                    return self._chain_forward(p, cands)  # "carried out by X": "out" and "by" between
                return []
        return []

    def _affiliation(self, p: Phrase, cands: list[Phrase]) -> list[Phrase]:
        """The group an unnamed attacker belongs to: "انتحاري ينتمي إلى حركة طالبان", "مسلحون تابعون للحركة", or a
        named group right after it behind a preposition of grammar table ``affiliation_preps`` ("مسلحون من تنظيم
        داعش", "gunmen from the Islamic State group")."""
        words = self.words
        q = next((q for q in cands if q.w0 > p.w1), None)
        if q is not None and any(a.entity is not None for a in q.actors) and (
                (q.prep in AFFILIATION_PREPS[self.lang] and _word_after(words, p.w1, q.w0))
                # a head noun between ("مسلحون من تنظيم ولاية خراسان")
                or (q.prep is None and q.w0 - 2 > p.w1 and not words[q.w0 - 1].forms.isdisjoint(GROUP_HEADS[self.lang])
                    and words[q.w0 - 2].norm in AFFILIATION_PREPS[self.lang] and _word_after(words, p.w1, q.w0 - 1))):
            return self._chain_forward(q, cands)
        if not self.has_belonging:
            return []
        k = p.w1 + 1
        if k + 1 >= len(words) or words[k].forms.isdisjoint(BELONGING) or words[k].sentence != words[p.w0].sentence:
            return []
        q = next((q for q in cands if k < q.w0 <= k + 3), None)
        return self._chain_forward(q, cands) if q is not None and q.prep in ATTRIBUTION_PREPS else []

    def promised(self, hit: TriggerHit, modality: str) -> bool:
        """Is the act announced rather than done: planned or intended, future-negated ("لن توقف"), or ordered
        ("أمر بسحب القوات", "ordered the withdrawal")?"""
        if modality in ("planned", "intended"):
            return True
        prev = self.words[hit.w0 - 1].norm if hit.w0 > 0 else ""
        if modality == "negated" and prev in FUTURE_NOT:
            return True
        words = self.words
        clause = words[hit.w0].clause
        back = range(max(hit.w0 - ORDER_SPAN, 0), hit.w0)
        return ("ب" in hit.prefix or self.lang == "en") and any(
            words[k].clause == clause and not words[k].forms.isdisjoint(ORDER_VERBS) for k in back)

    def addressed(self, hit: TriggerHit, target: list[Actor], nexts) -> bool:
        """Is ``target`` the party an appeal asks to act (coding rule addressed-appeal-is-request): named right
        after the trigger (at most ADDRESSEE_GAP words between, no punctuation), followed at once by one of
        ``nexts`` ("asked Washington to set")?"""
        if not nexts or not target:
            return False
        words = self.words
        first, end = min(a.start for a in target), max(a.end for a in target)
        sent = self.sentences[words[hit.w0].sentence]
        k = hit.w1 + 1
        while k < sent.w1 and words[k].end <= first:
            if words[k].kind == "punct" or k - hit.w1 > ADDRESSEE_GAP:
                return False
            k += 1
        while k < sent.w1 and words[k].start < end:
            if words[k].kind == "punct":
                return False
            k += 1
        return k < sent.w1 and k > hit.w1 + 1 and words[k].norm in nexts

    def agent_echo(self, hit: TriggerHit) -> bool:
        """Is the trigger only the verb of an agent clause on the trigger just before it ("هجوم شنه X")?"""
        words = self.words
        return has_verb_form(words[hit.w0], AGENT_CLAUSE) and any(
            words[k].trigger is not None for k in range(max(hit.w0 - 4, 0), hit.w0))

    def _means_subject(self, hit: TriggerHit, cands: list[Phrase]) -> list[Phrase]:
        """"X ردت عبر اغتيال", "ردت تركيا من خلال قصف": who acts by these means is the subject of the clause."""
        words = self.words
        clause = words[hit.w0].clause
        for p in reversed(cands):
            if p.w1 < hit.w0 - 1 and hit.w0 - p.w1 <= MEANS_SPAN and words[p.w0].clause == clause:
                return self._chain_backward(p, cands) if p.prep is None else []
        return []

    def _purpose_subject(self, hit: TriggerHit, cands: list[Phrase]) -> list[Phrase]:
        """"عمال النفط في نيجيريا يضربون احتجاجا على القرار": whose purpose an accusative verbal noun tells is the
        subject of its clause, the nearest actor before it with no preposition (past a place it names), within
        MEANS_SPAN words of the clause's verb and in the same clause."""
        words = self.words
        clause = words[hit.w0].clause
        for p in reversed(cands):
            if p.w1 >= hit.w0 - 1 or words[p.w0].clause != clause or hit.w0 - p.w1 > MEANS_SPAN + 2:
                if p.w1 < hit.w0 - 1:
                    break
                continue
            if p.prep is None and not p.capital_only and not set(p.kinds) <= GEO_KINDS:
                return self._chain_backward(p, cands)
        return []

    def _announcer(self, hit: TriggerHit, cands: list[Phrase]) -> list[Phrase]:
        """"أعلنت السلطات التركية إحباط محاولة انقلاب، واعتقال 2839 عسكريا", "Britain announced 20 million pounds
        in aid": the acts a government announces or decides, told as verbal nouns later in its sentence, are its own
        (the subject of أعلن/قرر, after it in Arabic; of "announced", before it in English)."""
        words = self.words
        first = self.sentences[words[hit.w0].sentence].w0
        for k in range(hit.w0 - 1, max(first, hit.w0 - ANNOUNCE_SPAN) - 1, -1):
            if has_verb_form(words[k], ANNOUNCE_VERBS):
                if self.lang == "en":
                    p = next((p for p in reversed(cands) if p.w1 < k and p.prep is None), None)
                    if p is not None and k - p.w1 <= 2:
                        return self._chain_backward(p, cands)
                    joined = k > 0 and words[k - 1].norm in CONJ["en"]  # "met X in Berlin and announced"
                else:
                    p = next((p for p in cands if k < p.w0 < hit.w0), None)
                    if p is not None and p.prep is None and self._content_gap(k, p.w0) <= 1:
                        return self._chain_forward(p, cands)
                    joined = p is None and words[k].norm[:1] in CONJUNCTIONS  # "اجتمع X بـY ... وأعلن"
                # a joined announcing verb with no subject of its own shares the one before it
                prev = self._shared_subject(hit) if joined else None
                if prev is None or prev[0] > k:  # the verb's own record (a CAMEO-only announcement) may hold it
                    return []
                if len(prev) > 2:
                    return prev[2]
                return prev[1] if _plural_verb(words[k].norm) else prev[1][:1]
        return []

    def _kana_subject(self, hit: TriggerHit, cands: list[Phrase]) -> list[Phrase]:
        """"وكان X، <apposition>، قد + verb": the subject of كان is the actor of the verb after قد."""
        words = self.words
        for k in range(hit.w0 - 3, max(hit.w0 - 14, self.sentences[words[hit.w0].sentence].w0 - 1), -1):
            if not words[k].forms.isdisjoint(KANA):
                first = next((p for p in cands if k < p.w0 < hit.w0 and p.prep is None), None)
                return self._chain_forward(first, cands) if first is not None else []
        return []

    def _qama_subject(self, hit: TriggerHit, cands: list[Phrase]) -> list[Phrase]:
        """"قامت القوات التركية بقصف ...": the subject of قام is the actor of the verbal noun after it (called only in
        documents with a form of قام)."""
        words = self.words
        for k in range(hit.w0 - 1, max(hit.w0 - 10, self.sentences[words[hit.w0].sentence].w0 - 1), -1):
            w = words[k]
            if not w.forms.isdisjoint(QAMA):
                for p in cands:
                    if k < p.w0 and p.w1 < hit.w0 and p.prep is None:
                        return self._chain_forward(p, cands)
                return []
            if self._has_break(k, k + 1) or w.trigger is not None:
                return []
        return []

    def _owner(self, hit: TriggerHit, after: list[Phrase], cands: list[Phrase]) -> list[Phrase]:
        """The owner of the weapon or unit that acts: "أطلقت طائرة مسيرة تابعة للجيش الأمريكي صاروخين" (called
        only in documents with a word of belonging)."""
        words = self.words
        k = next((k for k in range(hit.w1 + 1, min(hit.w1 + 5, len(words) - 1))
                  if not words[k].forms.isdisjoint(BELONGING)), None)
        if k is None or not words[k + 1].norm.startswith("ل"):
            return []
        for p in after:
            if k < p.w0 <= k + 3:  # "تابعة لوكالة المخابرات": the owner may follow a head noun
                return self._chain_forward(p, cands)
        return []

    def _masdar_form(self, hit: TriggerHit) -> bool:
        """Arabic: is a verb form with no clitic read as its verbal noun, right after a preposition that governs
        only nouns (grammar masdar_preps: "أعلنت عن قتل الرهينة", "شارك في خطف")? Its object follows as a
        genitive; no subject comes after it (as the candidate stage reads it). So is a three-letter past form after
        ب right after a form of قام ("ثم قامت بخطف الجنود": grammar qama); elsewhere ("أمر بنشر", "لبحث") it keeps
        the verb's reading here, which the rules of the governing verb and of purpose read."""
        if self.lang != "ar":
            return False
        if hit.prefix.lstrip(CONJUNCTIONS) == "ب" and hit.w0 > 0 and not self.words[hit.w0 - 1].forms.isdisjoint(QAMA):
            stem = self.words[hit.w0].norm[len(hit.prefix):]
            return bool(hit.trigger.forms) and len(stem) == 3 and head_words(hit.trigger)[0] == stem
        return after_masdar_prep(self.words, hit)

    def _impersonal(self, hit: TriggerHit) -> bool:
        """Is the verbal noun the object of "تم"/"جرى" (in the trigger, "تم اعتقال", or right before it)?"""
        if not self.has_impersonal:
            return False
        words = self.words
        return not words[hit.w0].forms.isdisjoint(IMPERSONAL) or (
            hit.w0 > 0 and not words[hit.w0 - 1].forms.isdisjoint(IMPERSONAL))

    def _coordinated(self, hit: TriggerHit) -> bool:
        """Is the trigger a verb joined to an earlier one by "و"/"ف" or "and" ("... واعتقل", "... and detained"), or
        a participle after a comma ("، متهما الرباط", "struck the headquarters, killing the leader")?"""
        prev = self.words[hit.w0 - 1].norm if hit.w0 > 0 else ""
        if self.lang == "ar":
            norm = self.words[hit.w0].norm
            # "… ، متهما الرباط بـ": an accusative active participle after a comma describes the subject's act
            return hit.prefix[:1] in CONJUNCTION_CLITICS or hit.trigger.id.endswith(HAL_SUFFIX) or (prev == "," and norm.startswith("م") and norm.endswith(("ا", "ه"))) \
                or prev in THEN_WORDS  # "اعتقلت الشرطة المتظاهرين ثم أفرجت عنهم"
        if hit.w0 == 0:
            return False
        return prev in CONJ["en"] or (prev == "," and self.words[hit.w0].norm.endswith("ing"))

    def _verb_between(self, a: int, b: int) -> bool:
        """A verb trigger joined by و/ف/and strictly between words a and b."""
        for k in range(a + 1, b):
            w = self.words[k]
            if w.trigger is not None and self.hits and self.hits[w.trigger].trigger.pos == "verb" \
                    and self._coordinated(self.hits[w.trigger]):
                return True
        return False

    def _member_before(self, p: Phrase, start_after: int) -> bool:
        """Is a member noun (grammar table ``member_nouns``: "قياديا", "commander") the word before ``p``'s
        preposition (or before ``p``, the preposition a clitic), after the trigger or its subject, with at most one
        adjective between ("a senior commander of")?"""
        words = self.words
        k = p.w0 - 1 if words[p.w0 - 1].norm in PREP_WORDS[self.lang] else p.w0
        members = MEMBER_NOUNS[self.lang]
        for j in (k - 1, k - 2):  # "سيارة لقيادي في X": the member noun may carry a clitic preposition
            if j > start_after and (words[j].norm in members
                                    or (self.lang == "ar" and not words[j].forms.isdisjoint(members))):
                return True
        return False

    def _members_of(self, p: Phrase) -> bool:
        """English: is phrase ``p`` the group after "N of", N a member noun ("Members of the Sadrist Movement
        staged", "hundreds of supporters of X protested"; grammar table ``member_nouns``)? Right before a verb, the
        members act for the group."""
        if self.lang != "en" or p.prep != "of":
            return False
        k = p.w0 - 1
        while k > 0 and self.words[k].norm in EN_ARTICLES:
            k -= 1
        k -= 1  # the word before "of"
        return k >= 0 and self.words[k].norm in MEMBER_NOUNS["en"] and self.words[k + 1].norm == "of"

    def _has_sentence_end(self, a: int, b: int) -> bool:
        return any(self.words[k].norm in (";", ":") for k in range(a + 1, b))

    def _shared_subject(self, hit: TriggerHit):
        """The subject an earlier verb of the sentence left for a joined verb (no ';' or ':' between), or None."""
        prev = self.last_subject.get(self.words[hit.w0].sentence)
        return prev if prev is not None and not self._has_sentence_end(prev[0], hit.w0) else None

    def _agrees_with_verb(self, p: Phrase, hit: TriggerHit) -> bool:
        """Can the Arabic actor phrase be the subject of the verb by gender and number? A feminine singular past
        ("واعتذرت") takes a state, an organization or a feminine noun, a plain masculine form ("وطالب") a masculine
        one, a plural ("وطالبوا") a group; other forms are not judged."""
        norm = self.words[hit.w0].norm
        stem = norm[len(hit.prefix):] if norm.startswith(hit.prefix) else norm
        if _plural_verb(stem):
            return _agrees(p, self.words, "هم")
        if len(stem) > 3 and stem.endswith("ت") and not stem.startswith("ت"):
            return _agrees(p, self.words, "ها")
        if _masculine_verb(norm, hit.prefix):
            return _agrees(p, self.words, "ه")
        return True

    def _feminine_noun(self, p: Phrase) -> bool:
        """Does the phrase open with an institution written with ة, a feminine singular ("الحكومة", "الشرطة
        العراقية")? A masculine verb right before it cannot have it as subject. Names, titles and groups are not
        judged: "قادة" and "قضاة" are masculine plurals written with ة."""
        if not p.kinds or p.kinds[0] != "role" or p.mentions[0].target not in self.institutions:
            return False
        return self.words[p.w0].text.rstrip(MARKS).endswith("ة")

    def _accusative(self, p: Phrase) -> bool:
        """Does a group noun (not a name) open the phrase in the accusative/oblique case: "ناشطاً" (tanween fath),
        "مسلحين" (ـين, the subject would be مسلحون)? Then it is an object, never the subject."""
        if not p.kinds or p.kinds[0] != "role":
            return False
        w = self.words[p.w0]
        raw = w.text.rstrip("\u0640")
        if raw.endswith(("اً", "ًا", "ً")):
            return True
        if not (w.norm.endswith("ين") and len(w.norm) > 4) or w.norm in SINGULAR_IN:
            return False
        # after a count ("آلاف المتظاهرين", "عشرات المسلحين", "5 مسلحين") ـين is the genitive of the counted noun
        prev = self.words[p.w0 - 1] if p.w0 > 0 else None
        return prev is None or not (prev.kind == "number" or prev.norm in COUNT_WORDS or _number_word(prev.norm))

    def _content_gap(self, a: int, b: int) -> int:
        """Words strictly between a and b that are not a time or a count: "اعتصم مساء الأحد مئات من عمال المصنع" has
        the subject right after the verb."""
        n = 0
        for k in range(a + 1, b):
            w = self.words[k]
            if k in self.time_words or w.kind == "number" or w.norm in APPROX or w.norm in COUNT_WORDS \
                    or _number_word(w.norm):
                continue
            n += 1
        return n

    def _victim_then_cause(self, p: Phrase) -> bool:
        """Is ``p``, after a patient verb, an indefinite noun followed by the cause of its fate ("قتل جندي أمريكي في
        هجوم انتحاري", "أصيب شرطيان جراء انفجار")? Then the verb is a passive and ``p`` its victim: an active
        subject before such a cause would be definite ("قتل الجيش في هجوم ...")."""
        words = self.words
        k = p.w1 + 1
        if k >= len(words) or words[k].sentence != words[p.w0].sentence or words[p.w0].norm.startswith(ARTICLE) \
                or p.kinds.count("role") > 1:  # "اغتال مسلحون ناشطا في هجوم": a subject and its object
            return False
        w = words[k]
        if w.norm in PASSIVE_NEXT:
            return True
        return w.norm in PREP_WORDS["ar"] and k + 1 < len(words) and words[k + 1].trigger is not None \
            and words[k + 1].sentence == w.sentence

    def _nothing_done_to(self, hit: TriggerHit) -> bool:
        """Does the verb stand without an object: the word after it is a preposition, a subordinator, punctuation or
        nothing ("قتل بعدما", "قتلوا في هجوم", "قتل.")? Then a patient verb is read as a passive."""
        k = hit.w1 + 1
        words = self.words
        while k < len(words) and k in self.time_words:  # "اغتالت صباح أمس ناشطا": the object follows the time
            k += 1
        if k >= len(words) or words[k].sentence != words[hit.w0].sentence:
            return True
        w = words[k]
        return w.kind == "punct" or w.norm in PREP_WORDS["ar"] or w.norm in PASSIVE_NEXT

    def _subordinate(self, a: int, b: int) -> bool:
        """Does a subordinate clause open between words a and b ("… بعد أن خرج", "after … had")? Its verb has its
        own subject: "تراجعت الحكومة … بعد أن خرج عشرات الآلاف" (the government does not protest)."""
        return any(self.words[k].norm in SUBORDINATORS for k in range(a + 1, b))

    def _by_agent(self, hit: TriggerHit, after: list[Phrase], cands: list[Phrase]) -> list[Phrase]:
        """The agent of a passive or of a victim's verbal noun: the actor after "من قبل", "على يد/أيدي", "by"."""
        for p in after:
            if p.w0 - hit.w1 > 8:
                break
            if p.prep in BY_AGENT or any(self.words[k].norm in BY_AGENT for k in range(max(hit.w1 + 1, p.w0 - 3), p.w0)):
                return self._chain_forward(p, cands)
        return []

    def _governed_noun_before(self, p: Phrase) -> bool:
        """Is the word right before phrase ``p`` a verbal noun (another trigger) after a clitic preposition, whose
        genitive ``p`` is ("تطالب خصوصا باستقالة وزير العمل": the minister is no subject of تطالب)?"""
        k = self.words[p.w0 - 1].trigger if p.w0 > 0 else None
        if k is None:
            return False
        h = self.hits[k]
        return h.w1 == p.w0 - 1 and h.trigger.pos != "verb" and h.prefix.lstrip(CONJUNCTIONS)[:1] in PREPOSITION_CLITICS

    def _li_noun_before(self, p: Phrase) -> bool:
        """Is the word right before phrase ``p`` a plain noun with the clitic ل (no actor, no trigger), whose genitive
        ``p`` is ("واعتذرت لمنظمة المطبخ المركزي": the name is governed through ل, no subject)?"""
        if p.w0 == 0:
            return False
        w = self.words[p.w0 - 1]
        return w.kind == "word" and w.mention is None and w.trigger is None \
            and any(pre.lstrip(CONJUNCTIONS) == "ل" and len(b) >= 3 for pre, b, _s in w.bases)

    def _inner_prep(self, a: int, b: int) -> str | None:
        """The last preposition word strictly between words a and b, if any."""
        preps = PREP_WORDS[self.lang]
        for k in range(b - 1, a, -1):
            if self.words[k].norm in preps:
                return self.words[k].norm
        return None

    def _content_at(self, t, a: int, b: int) -> int | None:
        """The first word strictly between words a and b that opens what the act asks for (grammar table
        ``content_clitics``: "طالب المتظاهرون بإزالة ...", "بتسهيل إقامة ..."): a noun with that clitic, no actor."""
        opening = CONTENT_CLITICS.get(t.type) if self.lang == "ar" else None
        if not opening:
            return None
        for k in range(a + 1, min(b, len(self.words))):
            w = self.words[k]
            if w.kind != "word" or w.mention is not None or w.norm in PREP_WORDS["ar"]:
                continue
            # a noun of three letters or more: not "بها", "بين", "بعد", "بأن", "بذلك"
            if any(suf == "" and pre.lstrip(CONJUNCTIONS) in opening and len(b) >= 3 and b not in DEMONSTRATIVES
                   and b not in PREP_WORDS["ar"] for pre, b, suf in w.bases):
                return k
        return None

    def _in_other_event(self, a: int, b: int) -> bool:
        """Is word b inside a locative phrase headed by another event's noun (right after the last preposition
        between words a and b): "في هجوم انتحاري"? What follows that noun is its own actor, not this trigger's."""
        words, locs = self.words, LOCATIVE[self.lang]
        for k in range(b - 1, a, -1):
            if words[k].norm in PREP_WORDS[self.lang]:
                return words[k].norm in locs and k + 1 < b and words[k + 1].trigger is not None
        return False

    def _counted(self, a: int, b: int) -> bool:
        """A number between words a and b (exclusive of b): "قتل ثلاثة جنود", "قتل 5 مدنيين"."""
        for k in range(a, b):
            w = self.words[k]
            if w.kind == "number" or (w.norm not in APPROX and _number_word(w.norm)):
                return True
        return False

    def _plain_between(self, a: int, b: int) -> bool:
        """Are the words strictly between a and b plain words: no name, no punctuation, no number?"""
        return all(w.kind == "word" and w.mention is None for w in self.words[a + 1:b])

    def _after_plain_noun(self, hit: TriggerHit, p: Phrase) -> bool:
        """Does phrase ``p`` start after the trigger's next word, with only plain words between: "وانتقد الوجود
        العسكري الأمريكي", "وأشادت بجهود الوساطة المصرية"?"""
        return p.w0 > hit.w1 + 1 and self._plain_between(hit.w1, p.w0)

    def _owned_object(self, a: int, b: int) -> bool:
        """Only a few plain words (the object noun: "مواقع", "مقرات تابعة", "positions of") stand strictly between
        words a and b, the object noun itself among them (not only an English preposition: "invasion of")."""
        between = self.words[a + 1:b]
        # English grammar words are words of their own: "a ballistic missile fired by the" spans two content words
        content = [w for w in between if w.norm not in EN_ARTICLES and w.norm not in PREP_WORDS["en"]
                   and w.norm not in LAUNCHERS] if self.lang == "en" else between
        if len(content) > OWNER["span"] or not (content or any(w.norm in LAUNCHERS for w in between)):
            return False  # "intercepted a missile fired by X": the object noun ends the trigger's own words
        if not self._plain_between(a, b):
            return False
        # an English owner's preposition is a word of its own: the object noun is a word that is neither it nor an
        # article ("positions of", not "threats of the")
        return self.lang != "en" or any(w.norm not in EN_ARTICLES and w.norm not in PREP_WORDS["en"] for w in between)

    def _group_place(self, p: Phrase) -> str | None:
        """The country of the place a group noun names as its genitive: "سكان غزة", "أهالي مدينة حلب", "residents of
        northern Gaza" (a place noun may head the place)."""
        words = self.words
        k = p.w1 + 1
        if self.lang == "en":
            if k >= len(words) or words[k].norm != "of":
                return None
            k += 1
            while k < len(words) and words[k].norm in EN_ARTICLES:
                k += 1
        at = bisect.bisect_left(self.geo_starts, k)
        if at < len(self.geo) and self.words[p.w0].sentence == self.words[min(k, len(words) - 1)].sentence:
            w0, w1, m, country, _entity = self.geo[at]
            if m.kind not in ("nisba", "demonym") and not self._place_noun(w0, w1) and (
                    w0 == k or (w0 == k + 1 and self._place_object(k - 1, w0, m))):
                return country
        return None

    def _owner_of_group(self, p: Phrase, cands: list[Phrase], t) -> Phrase | None:
        """The named actor that owns the group noun ``p`` the act targets, or that its members belong to, right after
        it (coding rule owner-of-the-object): "شركات تابعة للحرس الثوري", "قادة في قوات الدعم السريع", "companies
        belonging to X", "a school run by X". ``p`` is a group noun alone (no country, no name); a country or a
        capital after a locative only says where the group is ("ناشطين في القاهرة")."""
        if not _bare_group(p):
            return None
        q = next((q for q in cands if q.w0 > p.w1), None)
        if q is None or sum(w.norm not in EN_ARTICLES for w in self.words[p.w1 + 1:q.w0]) > 2 \
                or not self._plain_between(p.w1, q.w0) \
                or not any(a.entity is not None for a in q.actors):
            return None
        if q.prep in LOCATIVE[self.lang] and all(k in ("country", "capital") for k in q.kinds):
            return None
        words = self.words
        member = words[p.w1].norm in MEMBER_NOUNS[self.lang] and q.prep in MEMBER_PREPS[self.lang]
        owned = q.prep in OWNER["preps"][self.lang] or self._launched_by(q, t) or any(
            not words[k].forms.isdisjoint(BELONGING) for k in range(p.w1 + 1, q.w0))
        return q if member or owned else None

    def _author_of_object(self, a: int, p: Phrase) -> bool:
        """English: does phrase ``p`` (after "by") name the author of the act the object noun tells, through a
        participle of grammar table ``agent_clause`` after that noun ("the attack launched by X", "the assault carried
        out by X")? Only plain words stand between word ``a`` and ``p``, at most OBJECT_GAP."""
        words = self.words
        k = bisect.bisect_left(self.geo_starts, a + 2)
        if a + 1 < len(words) and words[a + 1].norm in LOCATIVE[self.lang] and k < len(self.geo) \
                and self.geo[k][0] == a + 2:
            a = self.geo[k][1]  # "protested in Paris against the reform passed by X": where, then the object
        if not 0 < p.w0 - a <= OBJECT_GAP or not self._plain_between(a, p.w0):
            return False
        at = next((k for k in range(max(a + 2, p.w0 - 4), p.w0) if words[k].norm in AGENT_CLAUSE), None)
        return at is not None and any(w.norm not in EN_ARTICLES for w in words[a + 1:at])  # the act's noun

    def _after_inclusion(self, k: int) -> int:
        """The closing comma of a parenthesis that lists members of the subject ending at word ``k`` ("منظمات دولية،
        من بينها منظمة العفو الدولية، إيران": grammar table ``inclusion_openers``), or ``k`` when none follows it."""
        words = self.words
        c = next((j for j in range(k + 1, min(k + 4, len(words))) if words[j].text in COMMAS), None)
        if c is None or c + 2 >= len(words) or not self._plain_between(k, c) \
                or any(w.trigger is not None for w in words[k + 1:c]):  # an adjective or two may end the subject
            return k
        first = words[c + 1]
        if not (first.norm in INCLUSION_OPENERS
                or (first.norm in ("من", "ومن") and words[c + 2].norm in INCLUSION_OPENERS)):
            return k
        si = words[k].sentence
        for j in range(c + 2, min(c + 1 + INCLUSION_SPAN, len(words))):
            if words[j].sentence != si:
                return k
            if words[j].text in COMMAS:
                return j
        return k

    def _issued_by(self, a: int, p: Phrase) -> bool:
        """Arabic: does phrase ``p`` (after "عن") name who issued the object noun, through a word of grammar table
        ``issued_by`` right before "عن" ("التصريحات التي صدرت عن X", "البيان الصادر عن X")? Only plain words
        (the object noun, a relative pronoun, an adjective) stand between word ``a`` and that word."""
        at = p.w0 - 2
        return at > a + 1 and p.w0 - a <= OBJECT_GAP and not self.words[at].forms.isdisjoint(ISSUED_BY) \
            and self._plain_between(a, at)

    def _has_break(self, a: int, b: int) -> bool:
        """A verb-like trigger boundary or clause punctuation between words a and b (exclusive)."""
        for k in range(a + 1, b):
            w = self.words[k]
            if w.kind == "punct" and w.norm in {",", ";", ":", "?", "!", "."}:
                return True
        return False

    def _actor_phrases_in(self, si: int, lo: int, hi: int) -> tuple[list[Phrase], list[int]]:
        """The phrases of sentence ``si`` that code to actors, inside words [lo, hi), in order, and their first
        words. The lists of the whole sentence are made once; a trigger's window covers its sentence except in
        run-on text, and then shares them (read only)."""
        got = self._actor_phrases.get(si)
        if got is None:
            whole = self.actor_phrases.get(si, [])
            starts = [p.w0 for p in whole]
            first, last = (starts[0], max([p.w1 for p in whole])) if whole else (hi, lo)
            got = self._actor_phrases[si] = (whole, starts, first, last)
        whole, starts, first, last = got
        if lo <= first and last < hi:
            return whole, starts
        a, b = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)  # a window, not the whole sentence:
        inside = [p for p in whole[a:b] if p.w1 < hi]  # a scan of every phrase was quadratic in a run-on text
        return inside, [p.w0 for p in inside]

    # ---- the event ----------------------------------------------------------------------------
    def build(self, hit: TriggerHit):
        t = hit.trigger
        words = self.words
        tw = words[hit.w0]
        si = tw.sentence
        sent = self.sentences[si]
        lo, hi = max(sent.w0, hit.w0 - WINDOW), min(sent.w1, hit.w1 + WINDOW)
        sent_phrases, starts = self._actor_phrases_in(si, lo, hi)  # in order of their first words
        lang = self.lang
        # reported speech scope: a reporting cue then a complementizer before the trigger
        floor = lo
        reported = False
        speaker: list[Phrase] = []
        speaker_patient: list[Phrase] = []  # a passive act's subject pronoun after "قال X إن": X suffered it
        possessor: list[Phrase] = []
        k = self._last_complementizer(lo, hit.w0)
        if k is not None:
            cue_at = next((j for j in range(k - 1, max(lo, k - 12) - 1, -1) if self._cue_at(j)), None)
            cue = self._cue_at(cue_at) if cue_at is not None else None
            if cue is not None and cue.modality in ("reported", "negated"):
                floor = k + 1
                reported = cue.modality  # "نفى X أن ...": everything said inside is denied
                subject_at = k if words[k].norm in PRONOUN_COMPLEMENTIZERS[lang] else (
                    k + 1 if lang == "en" and k + 1 < hit.w0 and words[k + 1].norm in EN_PRONOUNS else None)
                # "قالت الوزارة إن طائراتها قصفت": the speaker's aircraft act (a refinement, see ``refinements``)
                possessed = subject_at is None and lang == "ar" and k + 1 < hit.w0 and _possessed_agent(words[k + 1])
                if possessed:
                    subject_at = k + 1
                pronoun_subject = subject_at is not None and hit.w0 - subject_at <= 2 \
                    and (t.pos == "verb" or (t.pos == "phrase" and "ال" not in hit.prefix))
                if pronoun_subject and t.passive and not possessed:
                    speaker_patient = self._speaker(cue_at, k, sent_phrases)  # "قالت إنها تعرضت لهجوم"
                elif pronoun_subject and not t.passive \
                        and not self._impersonal(hit):  # "بأنه نفذ غارات", not "أنه تم شن غارة"
                    if possessed:
                        possessor = self._speaker(cue_at, k, sent_phrases)
                    else:
                        speaker = self._speaker(cue_at, k, sent_phrases)  # "قال الجيش إنه قتل", "said that it would"
        first = bisect.bisect_left(starts, floor)
        cands = sent_phrases[first:]  # the phrases from the floor on; before and after the trigger:
        before = [p for p in sent_phrases[first:bisect.bisect_left(starts, hit.w0, first)] if p.w1 < hit.w0]
        after = sent_phrases[bisect.bisect_right(starts, hit.w1, first):]
        coop = self._quad(t.cameo) in (1, 2)
        source: list[Phrase] = []
        target: list[Phrase] = []
        via = "none"
        # English phrases are verb groups; a verb form with the article ("القصف") is its verbal noun
        is_verb = (t.pos == "verb" and "ال" not in hit.prefix and not self._masdar_form(hit)) \
            or (lang == "en" and t.pos == "phrase")
        # 1. subject: an actor right before the verb is its subject (SVO, "الولايات المتحدة واليابان تعززان");
        # otherwise Arabic puts the subject after the verb (VSO)
        gap = 2 if hit.w0 > 0 and words[hit.w0 - 1].norm in QAD_BEFORE_VERB else 1  # "وكانت حماس قد أطلقت"
        # a quotation that opens on the verb leaves its subject outside: "إن المتظاهرين «طالبوا بالإفراج ...»"
        quoted = 1 if hit.w0 > 1 and words[hit.w0 - 1].kind == "punct" and words[hit.w0 - 1].text in OPEN_QUOTES \
            else 0
        inside = [p for p in cands if hit.w0 < p.w0 and p.w1 < hit.w1] if hit.w1 - hit.w0 > 1 else []
        agent = self._agent_clause(hit, after, cands) \
            if self.has_agent_clause and (not is_verb or t.passive or lang == "en") else []  # en: the next word
        # "أدانت X مقتل الصحفيين وطالبت السلطات": a verb joined by its clitic و/ف opens a clause of its own; the
        # actor right before it ends the clause before (an object there), never its subject
        joined = lang == "ar" and gap == 1 and hit.prefix[:1] in CONJUNCTION_CLITICS \
            and (is_verb or (t.pos == "phrase" and t.verbal and "ال" not in hit.prefix))  # "واحتجت لدى"
        # "يضربون احتجاجا على", "في شوارع الخرطوم احتجاجا على": an accusative of purpose tells the clause subject's act
        purpose = lang == "ar" and not is_verb and not hit.prefix and hit.w0 > 0 \
            and not words[hit.w0].forms.isdisjoint(PURPOSE_ACCUSATIVES)
        if speaker:
            source, via = speaker, "speaker"
        elif agent:  # "هجوم بسيارة مفخخة شنه مسلحو الحركة", "الهجوم نفذه انتحاري", "نسب إلى X"
            source, via = agent, "by"
        elif inside:  # the nationality in a trigger's slot owns what is used: "use of Russian chemical weapons"
            source, via = inside, "genitive"
        elif lang == "en" and (author := self._en_author(hit, before)):
            source, via = author, "genitive"  # "in an Israeli air strike": the nationality before the act's noun
        elif before and before[-1].w1 == hit.w0 - gap - quoted \
                and not (purpose and (before[-1].capital_only or set(before[-1].kinds) <= GEO_KINDS)) \
                and (before[-1].prep is None or self._members_of(before[-1])) \
                and not self._nisba_in_pp(before[-1]) and not joined \
                and not (lang == "ar" and _object_role(before[-1], words)) and (
                is_verb or (t.pos == "phrase" and "ال" not in hit.prefix  # "أن إسرائيل تفرض حصارا بحريا"
                            and words[before[-1].w0 - 1].trigger is None  # not "أرسلت الإمارات فرق إنقاذ"
                            and not self._coordinated(hit))):  # "انتقد X الحكومة الليبية وطالب ب": X demands
            source = self._chain_backward(before[-1], cands)
            via = "svo"
        if via == "svo" and lang == "en" and len(source) == 1 \
                and all(a.entity is None and len(a.code) == 3 for a in source[0].actors):  # a bare sector
            possessor = self._possessor_speaker(source[0], lo, sent_phrases)  # "X said its forces struck"
        if not source and gap == 2 and lang == "ar" and (is_verb or t.pos == "phrase"):
            source = self._kana_subject(hit, cands)  # "وكانت كتائب القسام، ذراع حركة حماس المسلح، قد أطلقت"
            via = "svo" if source else via
        if not source and not is_verb and lang == "ar" and hit.w0 > 0 and (
                words[hit.w0 - 1].norm in MEANS
                or (t.type in PURPOSE_TYPES and hit.prefix.lstrip(CONJUNCTIONS)[:1] in PURPOSE_CLITICS)):
            source = self._means_subject(hit, cands)  # "ردت إسرائيل استخباراتيا عبر اغتيال ...", "تدخلت
            via = "svo" if source else via  # الشرطة لتفريق المحتجين": the means or the purpose of the clause's act
        if not source and purpose:
            source = self._purpose_subject(hit, cands)  # "خرج العمال إلى الشوارع احتجاجا على": the workers'
            via = "svo" if source else via
        # "الانصياع لمطالب طهران": the actor right after a noun is its genitive, the author of what it names (a
        # capital too, but for an act that reaches a place: "زيارة طهران"), before any announcer of the clause
        nxt = after[0] if after and after[0].w0 == hit.w1 + 1 and after[0].prep is None else None
        author_genitive = nxt is not None and lang == "ar" and not is_verb and t.pos == "noun" and not t.patient \
            and not t.passive and nxt.kinds != ["nisba"] \
            and (not nxt.capital_only or (t.type not in PLACE_ACTS and t.mode != "visit"))
        if not source and self.has_announce and not is_verb and lang == "ar" and t.type in ANNOUNCED_TYPES \
                and not t.passive and not words[hit.w0].norm.startswith(ARTICLE) and not author_genitive:
            source = self._announcer(hit, cands)  # "أعلنت السلطات … إحباط …، واعتقال 2839 عسكريا"
            via = "svo" if source else via
        if not source and self.has_qama and not is_verb and lang == "ar" and "ب" in hit.prefix:
            source = self._qama_subject(hit, cands)
            via = "svo" if source else via
        patient: list[Phrase] = []
        # a circumstantial participle ("، منتقدا الحكومة", "مطالبين بـ") acts like a verb whose subject is the
        # clause's (below, "coordinated"): what follows right after it is its object, never its subject
        hal = lang == "ar" and t.id.endswith(HAL_SUFFIX)
        if hal and not source and after and after[0].w0 == hit.w1 + 1 and after[0].prep is None:
            patient = self._chain_forward(after[0], cands)
        pronoun_subject = is_verb and hit.w0 >= gap and words[hit.w0 - gap].norm in PRONOUN_SUBJECT
        # "نطالب الحكومة", "أدنّا الهجوم": a verb in the first person carries its subject (we); what follows is its
        # object, and the one speaking is the source ("قال الوزير إننا نطالب ...")
        pronoun_subject = pronoun_subject or (is_verb and lang == "ar" and self._first_person(hit))
        if not source and lang == "ar" and (is_verb or t.passive) and after:
            p = after[0]
            obj = self.companion_object(hit) if self.companion_object is not None else None
            if is_verb and not t.patient and not t.passive and p.prep == "من" and p.w0 - hit.w1 == 3 \
                    and self._partitive(p) and (obj is None or obj > p.w0) and not _plural_verb(words[hit.w0].norm):
                # "هاجم عدد من أفراد الشرطة المصلين": a part of a group after the verb is its subject (not after a
                # verb that kills or wounds: "قتل عدد من الجنود" is a passive's victims)
                source, via = self._chain_forward(p, cands), "vso"
            elif is_verb and t.patient and p.prep == "من" and p.w0 - hit.w1 == 3 and self._partitive(p) \
                    and (obj is None or obj > p.w0):
                patient = self._chain_forward(p, cands)  # "قتل عدد من الجنود" as "قتل ثلاثة جنود": the victims
            elif obj is not None and obj < p.w0:
                # a VSO companion's subject stands between the verb and its object word: an actor after that word
                # is no subject, and right after it, the object's genitive ("أطلق الخاطفون سراح الرهينة")
                if p.w0 == obj + 1 and p.prep is None and p.kinds != ["nisba"]:
                    patient = self._chain_forward(p, cands)
            elif obj is not None and p.prep is not None and p.w1 < obj \
                    and (q := next((x for x in after if x.w0 > obj), None)) is not None \
                    and (q.w0 == obj + 1 or (q.w0 - obj <= 3 and (q.prep == "من" or self._counted(obj + 1, q.w0)))) \
                    and q.prep in (None, "من") and q.kinds != ["nisba"]:
                # an agent between the verb and its object word ("أدت الاعتداءات من قبل قوات الأمن إلى إصابة عدد
                # من الطلاب"): the genitive right after the object word, or a part of it ("عدد من"), is its object
                patient = self._chain_forward(q, cands)
            elif is_verb and t.pos == "verb" and p.w0 == hit.w1 + 1 and p.prep is None \
                    and self._relative_after_noun(hit) and self._object_pronoun(hit) is None:
                patient = self._chain_forward(p, cands)  # "وزعوا بيانات تدين الحكومة": a verb describing the
                # indefinite noun before it has that noun as its subject; the actor after it is its object
            elif is_verb and hit.w1 == hit.w0 and p.w0 > hit.w1 + 1 and self._object_pronoun(hit) is not None \
                    and any(clitic_prep(pre) for pre, _b, _s in self.words[p.w0 - 1].bases):
                pass  # a verb that carries its object pronoun has its object: the genitive of a noun with a clitic
                # preposition after it is no argument of it ("واتهمته بدعم المتمردين": the charge's)
            elif self._content_gap(hit.w1, p.w0) <= 2 and p.prep is None and not self._governed_noun_before(p) \
                    and not (p.w0 > hit.w1 + 1 and self._li_noun_before(p)) \
                    and not self._has_break(hit.w1, p.w0) and self._inner_prep(hit.w1, p.w0) is None:
                if (t.patient and self._counted(hit.w1 + 1, p.w0)) or self._accusative(p) \
                        or _plural_verb(words[hit.w0].norm) or pronoun_subject or possessor \
                        or (_masculine_verb(words[hit.w0].norm, hit.prefix) and self._feminine_noun(p)) \
                        or t.passive or (t.patient and self._by_agent(hit, after, cands)) \
                        or (t.patient and self._victim_then_cause(p)) \
                        or (joined and self._shared_subject(hit) is not None
                            and self._content_at(t, p.w1, p.w1 + 2) is not None):
                    # the subject of a passive is the victim: "تعرض موكب الوزير لهجوم", "قتل شاب برصاص الجيش"
                    # "أنها استهدفت عناصر بوكو حرام": the pronoun is the subject, what follows the verb its object (so
                    # with the speaker's own units before it: "إن مسيراتها ضربت مصفاة نفط روسية")
                    # passive "قتل ثلاثة جنود", object "اغتالت ناشطاً"; a verb before its subject stays singular, so
                    # "وأطلقوا قذائفهم" carries its own subject and what follows is an object; and a verb agrees
                    # with its subject in gender, so "واتهم الحكومة" (masculine verb, feminine noun) is an object;
                    # "أدانت X الهجوم وطالبت الأمم المتحدة بالتحرك": a joined verb shares X, and the actor followed by
                    # what it asks for (grammar table content_clitics) is whom it asks
                    patient = self._chain_forward(p, cands)
                elif t.type in OWN_FORCES and si in self.last_subject and self._coordinated(hit) \
                        and self._own_forces(p, []):
                    pass  # "وحشدت قوات إضافية": a joined verb shares the subject before it; the units it moves are
                    # its object (coding rule own-forces-moved)
                else:
                    source = self._chain_forward(p, cands)
                    via = "vso"
        impersonal = not is_verb and lang == "ar" and self._impersonal(hit)
        if not source and not patient and not is_verb and after:
            p = after[0]
            prep = p.prep
            adjective = p.kinds == ["nisba"]  # "تم شن غارة جوية أميركية على قرى": whose strike, not who is struck
            if p.w0 == hit.w1 + 1 and prep is None and not p.capital_only \
                    and (t.patient or (impersonal and not adjective)):
                patient = self._chain_forward(p, cands)  # the victim: "اغتيال الصحفي"
            elif p.w0 == hit.w1 + 1 and prep is None and not p.capital_only and _plural_verb(words[hit.w0].norm):
                patient = self._chain_forward(p, cands)  # "وطالبوا باستقالة الحكومة": a plural verb's object
            elif p.w0 == hit.w1 + 1 and prep is None and (not p.capital_only or author_genitive) \
                    and not (p.kinds == ["nisba"] and finite_verb_phrase(hit, words)):
                # genitive: "زيارة الرئيس الأمريكي"; but a nisba after a finite verb's object describes that object
                # ("أسقطت صاروخين روسيين": whose missiles), never its subject
                source = self._chain_forward(p, cands)
                via = "genitive"
            elif p.w0 == hit.w1 + 1 and prep in GENITIVE_AGENT_PREPS and t.type not in ("AID", "SUPPORT", "CONCEDE") \
                    and prep not in self._preps_of(t):  # a frame's own target preposition: "انتقادات للجيش"
                source = self._chain_forward(p, cands)  # "هجوم لحزب الله", "an attack by Hamas"
                via = "genitive"
            elif prep == "بين" or prep == "between":
                if p.w0 - hit.w1 <= 4:
                    source = self._chain_forward(p, cands)
                    via = "between"
        if t.passive and source and via in ("vso", "genitive") and not patient:
            patient, source, via = source, [], "none"  # the subject of a passive is the victim: "اغتيل الوزير"
        if not source and (t.passive or patient or impersonal) and after:
            source = self._by_agent(hit, after, cands)  # "من قبل عدة ضباط", "على يد مسلحين"
            via = "by" if source else via
        verbal = is_verb or hal or (t.pos == "phrase" and "ال" not in hit.prefix)
        if not source and not possessor and self.has_belonging and not t.passive:  # "تعرضت قاعدة تابعة للجيش
            # لهجوم": the owner; not when the subject stands before the verb ("أن مقاتلاته استهدفت منصات تابعة لـ X")
            source = self._owner(hit, after, cands)
            via = "by" if source else via
        if not source and verbal and self._coordinated(hit):
            prev = self.last_subject.get(si)
            # an actor does not act on itself: a shared subject that codes as the joined verb's object is a wrong
            # reading of the verb before, left alone
            if prev is not None and not self._has_sentence_end(prev[0], hit.w0) \
                    and not (patient and _named_codes(prev[1]) & _named_codes(patient)):
                source, via = prev[1], "coordinated"  # "سيطر الجيش على السلطة واعتقل ..." : the same subject
                if len(prev) > 2:
                    source = prev[2]  # "met his Iraqi counterpart and criticised": the subject alone, not the
                    # partner a meeting's participants include (English; Arabic's refinement shared-subject does so)
        if not source and before and not (t.passive and (patient or (t.pos == "noun" and not self._suffixed(hit)))):
            # a passive's agent is never before it, and the actor before "مقتل"/"مصرع" only reports the death
            # (but "مصرعهم" refers back to the dead: "لقي ثلاثة جنود مصرعهم")
            clause = tw.clause
            same = [p for p in before if words[p.w0].clause == clause and p.prep is None and not self._nisba_in_pp(p)]
            if lang == "en" and t.pos == "phrase" and self.has_announce and t.type in ANNOUNCED_TYPES \
                    and (announced := self._announcer(hit, cands)):
                pool = []  # "met X in Berlin and announced a military aid package": the announcer's aid, not X's
                source, via = announced, "svo"
            elif is_verb or (lang == "en" and t.pos == "phrase") or joined:
                pool = same or [p for p in before if p.prep is None and not self._subordinate(p.w1, hit.w0)]
                if joined:  # the subject the joined verb shares: not the object right before it, and of its gender
                    pool = [p for p in pool if p.w1 < hit.w0 - 1 and self._agrees_with_verb(p, hit)]
            elif t.type == "ASSAULT" and hit.w0 > 0 and words[hit.w0 - 1].norm in PREP_WORDS[lang]:
                pool = []  # "قتل خمسة جنود في هجوم": the noun before "في" is the victim, not the attacker
            else:  # a verbal noun takes only an actor right before it ("خطة اليابان لاستثمار", "Japan's plan"), not
                # one before a reaction's verb ("أن الصين تدين القمع": China condemns, it does not repress), but one
                # before an agreement's ("أن بلاده وروسيا اتفقتا على نشر قوات": the two deploy them)
                pool = [p for p in same if hit.w0 - p.w1 <= 3 and not p.capital_only
                        and not any(self._reaction_verb_at(k) for k in range(p.w1 + 1, hit.w0))]
            if pool:
                source = self._chain_backward(pool[-1], cands)
                via = "svo"
        if lang == "en" and via == "svo" and not patient and source[0].w1 < hit.w0 and self._given_to(source[0]):
            # "The World Bank granted Egypt a loan": the first object of a verb of giving is the recipient
            subject = self._subject_of_verb(source[0], before)
            patient, source = source, self._chain_backward(subject, cands) if subject is not None else []
            via = "svo" if source else "none"
        if lang == "ar" and verbal and via == "svo" and not patient and after and after[0].prep is None \
                and after[0].w0 == hit.w1 + 1 and self._resumptive(hit):
            # "رهينتين أفرجت عنهما حركة حماس": the pronoun after the trigger's preposition is the noun before it (an
            # indefinite noun's relative clause); the subject follows the verb
            patient, source, via = source, self._chain_forward(after[0], cands), "vso"
        if lang == "ar" and t.patient and is_verb and via == "svo" and not patient and self._nothing_done_to(hit):
            # "إن مقاتلا قتل بعدما …", "جنود قتلوا في هجوم": a patient verb with no object is passive (قُتل)
            patient, source = source, self._by_agent(hit, after, cands)
            via = "by" if source else "none"
        if not patient and (not is_verb or lang == "en") and t.type in TELLING_ACTS["types"] and not t.passive:
            patient = self._harmed_before(hit, cands)  # "تضررت سفينة يونانية في هجوم", "a ship was damaged in an
            # attack": what the clause says was harmed is what the act struck, never its author
            if patient and any(p in source for p in patient):
                source = self._by_agent(hit, after, cands)
                via = "by" if source else "none"
        if lang == "en" and is_verb and not t.passive and not patient and self._en_passive(hit):
            # "Two journalists were arrested by police": the subject of a passive is the patient, "by X" the agent
            patient = source if via == "svo" else []
            source = self._by_agent(hit, after, cands)
            via = "by" if source else "none"
        if t.passive and not patient:  # "القوات الأمريكية تعرضت لهجوم (شنه X)": the victim comes first
            if speaker_patient:  # "قال المعتقلون إنهم تعرضوا للتعذيب": the speaker suffered it
                patient = speaker_patient
                if via == "svo" or not source:
                    source = self._by_agent(hit, after, cands)
                    via = "by" if source else "none"
            elif via == "svo":
                patient, source, via = source, self._by_agent(hit, after, cands), "none"
                via = "by" if source else via
            elif via == "by" and before:
                subject = self._subject_before(hit, before)  # "Two U.N. peacekeepers in Mali were killed by"
                if subject is not None:
                    patient = self._chain_backward(subject, cands)
        if not source and not before and after and lang == "en":
            p = after[0]
            if p.prep in ("between",):
                source = self._chain_forward(p, cands)
                via = "between"
        if not source and not possessor and lang == "ar" and t.pos == "noun" and not t.patient and not t.passive \
                and not t.reciprocal:
            # "قالت وزارة الخزانة إن عقوباتها الجديدة تستهدف ...": the owner of an act's noun is its author
            source = self._antecedent(hit, sent_phrases, [])
            via = "genitive" if source else via
        if source and _unnamed_armed(source):
            source = self._affiliation(source[-1], cands) or source  # "انتحاري ينتمي إلى حركة طالبان"
        # 2. target
        start_after = hit.w1  # the last word of the trigger or of a subject after it
        for p in source:
            if p.w0 > hit.w1 and p.w1 > start_after:
                start_after = p.w1
        if lang == "ar" and source and start_after > hit.w1:
            start_after = self._after_inclusion(start_after)  # "انتقدت منظمات دولية، من بينها العفو الدولية، إيران"
        if patient:
            target = [p for p in patient if p not in source]
        if not target:  # the object a phrase form spells out: "تفريق المتظاهرين", "قمع المعارضين" (the
            # trigger finder lets only unarmed group nouns stand inside a form: stages/triggers.py)
            target = [p for p in cands if hit.w0 < p.w0 <= hit.w1 <= p.w1 and p.kinds[:1] == ["role"]
                      and p not in source]
        if not target and lang == "ar" and is_verb and hit.w1 == hit.w0 and not t.reciprocal \
                and self._object_pronoun(hit) is not None:
            # "واتهمته بدعم المتمردين": a verb that carries its object pronoun has its object; what follows it is
            # its subject or a complement (the charge), never a second object
            target = self._antecedent(hit, sent_phrases, source)
        owner: Phrase | None = None
        # what a demand asks for ("طالب المتظاهرون بإزالة النصب الإسرائيلية"): only the demanded act's own genitive
        # ("بانسحاب إسرائيل") may be its target, nothing deeper in it, nor a place in it
        content = self._content_at(t, start_after, hi + 1) if not target else None
        # a VSO companion's object word follows its subject ("شن رئيس الحزب النائب X هجوما على Y"): a person right
        # after the subject, before that word, is the subject's apposition, never the object
        obj_word = self.companion_object(hit) if lang == "ar" and source and self.companion_object is not None \
            and not target else None
        for p in ([] if target else after):
            if p in source or p.w0 <= start_after:
                continue
            if content is not None and p.w0 > content + 1:
                break
            if p.w0 - start_after > OBJECT_GAP + 2 or self._has_break(start_after, p.w0) \
                    or self._verb_between(start_after, p.w0):
                break  # an object never stands beyond punctuation or a joined verb ("أدانت مصر الهجوم وطالبت")
            prep = p.prep
            if prep is None and obj_word is not None and p.w1 < obj_word and source[0].w0 > hit.w1 \
                    and p.w0 - source[-1].w1 <= 4 and not PERSON_KINDS.isdisjoint(p.kinds):
                start_after = p.w1  # the subject goes on (a country there is the recipient of a verb of giving:
                continue  # "منح البنك الدولي مصر قرضا")
            if prep is None and t.type in OWN_FORCES and self._own_forces(p, source):
                continue  # "سحبت فرنسا جنودها من X", "India masses troops on its border with X": what moves is the
                # source's own, the target is where it goes (coding rule own-forces-moved)
            if coop and (prep or self._inner_prep(start_after, p.w0)) in NOT_COOP_TARGET:
                break  # "ضد التهديد الصيني": the adversary inside a prepositional phrase is no partner
            if prep is None and (p.capital_only or p.kinds == ["nisba"]) \
                    and self._inner_prep(start_after, p.w0) in LOCATIVE[lang]:
                continue  # "في شوارع الخرطوم", "في العاصمة الكونغولية": where it happened, not to whom
            if prep is None and self._in_other_event(start_after, p.w0):
                continue  # "وأصيب 12 آخرون في هجوم انتحاري": the bomber belongs to the attack, not to the wounding
            if prep is None and lang == "ar" and not source and t.type not in AUTHOR_TYPES and p.w0 > 0 \
                    and has_verb_form(words[p.w0 - 1], AGENT_CLAUSE):
                # "دمرت مدرسة بغارة نفذها الطيران الإسرائيلي": with no subject, who carried out the act's means did
                # it (a reaction's "الهجوم الذي شنه X" targets X: coding rule author-of-the-object; with a subject,
                # "فرقت الشرطة مظاهرة نظمها الحزب" acts on the organizer)
                source, via = self._chain_forward(p, cands), "by"
                continue
            if prep is None and lang == "ar" and not words[p.w0 - 1].forms.isdisjoint(EXPERIENCER_NOUNS):
                if not source:  # "أعربت عن انزعاج الحكومة من ...": the one who feels it voices it
                    source, via = self._chain_forward(p, cands), "genitive"
                    start_after = max(start_after, source[-1].w1)
                continue  # "أبدى الوزير انزعاج الحكومة من الموقف البريطاني": the government feels, no target
            if prep is None and p.w0 - start_after <= OBJECT_GAP:
                target = self._chain_forward(p, cands)
                break
            if prep in PARTNER_PREPS and start_after > hit.w1 and p.w0 - start_after <= 2 \
                    and prep not in _fold(t.target_preps or ()):
                continue  # "رفضت مصر مع الأردن الخطة": a partner right after the subject joins it (only a trigger's
                # own frame, not its type's default "رفض التفاوض مع X", makes it the target there)
            if prep is not None and prep in self._preps_of(t):
                target = self._chain_forward(p, cands)
                break
            if prep in ATTRIBUTION_PREPS and lang == "en" and t.type in AUTHOR_TYPES \
                    and self._author_of_object(start_after, p):
                target = self._chain_forward(p, cands)  # "condemned the attack carried out by X": X is accused
                break  # (coding rule author-of-the-object; Arabic's "الهجوم الذي شنه X" puts X as a plain object)
            if prep == "عن" and lang == "ar" and t.type in AUTHOR_TYPES and self._issued_by(start_after, p):
                target = self._chain_forward(p, cands)  # "دانت التصريحات التي صدرت عن X": X is the one condemned
                break  # (coding rule author-of-the-object)
            if prep in MEMBER_PREPS[lang] and self._member_before(p, start_after) \
                    and any(a.entity is not None for a in p.actors):
                target = self._chain_forward(p, cands)  # "اغتالت قياديا في حماس": the act is on the group
                break
            if owner is None and t.type in OWNER["types"] and (
                    prep in OWNER["preps"][lang] or self._launched_by(p, t)) and (
                    self._owned_object(start_after, p.w0) or (lang == "ar" and p.w0 == hit.w1 + 1 == start_after + 1
                                                              and t.pos == "phrase" and hit.w1 > hit.w0)):
                owner = p  # "قصفت الطائرات مواقع لجماعة X": X owns what was hit (it wins below); the object noun may
                # end the trigger's own words ("أسقط مسيرات لقوات X")
            if prep is not None:
                continue
        if not target and lang == "ar" and t.type in GIVING_TYPES and source and source[-1].w1 < hit.w0:
            # "قدم صندوق النقد الدولي لباكستان شريحة قرض": the recipient stands between the giver and the gift
            target = next((self._chain_forward(p, cands) for p in cands if source[-1].w1 < p.w0 and p.w1 < hit.w0
                           and p.prep in self._preps_of(t) and not self._has_break(source[-1].w1, hit.w0)), [])
        if not target and lang == "ar" and not t.reciprocal \
                and (is_verb or (t.pos == "phrase" and "ال" not in hit.prefix)
                     or (t.patient and not t.passive and (hit.prefix.lstrip(CONJUNCTIONS)[-1:] in PURPOSE_CLITICS
                                                          or self._impersonal(hit) or self._by_agent(hit, after, cands)))):
            # "واستقبله رئيس الوزراء", "خططت حماس لاغتياله": a pronoun joined to the verb (or to a patient noun of
            # purpose, after an impersonal "تم اختطافها", or with its agent "اعتقاله على يد الشرطة") is
            # its object, the actor it refers back to in the sentence (issue 19 item 2; agreement: ه a masculine
            # singular, ها a feminine one or a state, هم a group)
            target = self._antecedent(hit, sent_phrases, source)
        if not target and lang == "ar" and not t.reciprocal and (suffix := self._prep_pronoun(hit)) is not None:
            # "واتهامه لها بتغذية الإرهاب", "شن هجوما عليهم": the pronoun the frame's preposition carries is the
            # target, the actor it refers back to
            target = self._antecedent(hit, sent_phrases, source, suffix)
        if not target and t.type == "THREATEN":
            target = self._condition_subject(hit, after, source)  # "... إذا لم توقف إسرائيل عملياتها"
        if target and _unnamed_armed(target) and not t.reciprocal:
            target = self._affiliation(target[-1], cands) or target  # "قتلت الشرطة مسلحين من تنظيم داعش"
        origin = self._origin(hit) if not source and t.mode in PROJECTILE_MODES else None
        geo_target = None
        if not target and not t.reciprocal and t.type in GEO_TARGET_TYPES:
            # a place in the source's own country is no target of a state's act ("قصف الجيش السوري مواقع في حلب"
            # says where), but it is of a rebel's or a crowd's (coding rule place-of-the-act): "قصفت قوات الدعم
            # السريع أحياء في أم درمان"
            src_countries = {a.code[:3] for p in source for a in p.actors
                             if t.type not in PLACE_ACTS or _state_actor(a.code[:6])}
            if origin is not None:
                src_countries.add(origin.code)
            geo_target = self._geo_target(hit, start_after, src_countries, coop, content)
        # reciprocal events: every participant is an actor
        if t.reciprocal:
            source = source + [p for p in target if p not in source]
            target = []
            if len({c for p in source for c in p.countries}) < 2:
                partner_preps = PHONE_PREPS if t.mode == "phone" else PARTNER_PREPS
                with_ = [p for p in after if p.prep in partner_preps
                         and p not in source and p.w0 - hit.w1 <= 8]
                for p in with_:
                    source.extend(q for q in self._chain_forward(p, cands) if q not in source)
            if not source:
                allc = [p for p in cands if (p.prep is None or p.prep in PARTNER_PREPS)
                        and not p.capital_only]
                if len({c for p in allc for c in p.countries}) >= 2:
                    source = allc
                    via = "sentence"
        src_actors = _actors(source) or ([origin] if origin is not None else [])
        tgt_actors: list[Actor] = []
        if target:
            tgt_actors = _others(_actors(target), src_actors)
        if geo_target is not None and not tgt_actors:
            tgt_actors = [geo_target]
        announcer = self._announcer(hit, cands) \
            if not source and not possessor and lang == "en" and self.has_announce and not is_verb \
            and t.type in ANNOUNCED_TYPES and not t.passive else []  # "Britain announced £20m in aid for Sudan"
        if possessor:
            owners = _actors(possessor)
            if t.reciprocal:  # "إن قواتها ستجري مناورات مع البحرية X": the possessor stands for its forces, the
                # partners after the trigger stay participants
                mine = {a.code for a in owners}
                owners = owners + [a for a in _actors([p for p in source if p.w0 > hit.w1]) if a.code not in mine]
            self.refinements.setdefault(hit.w0, {})["source"] = (owners, "possessor-of-the-subject")
        elif announcer:
            self.refinements.setdefault(hit.w0, {})["source"] = (_actors(announcer), "announcer")
        elif via == "vso" and verbal and len(source) == 1 and self._after_plain_noun(hit, source[0]) \
                and self._coordinated(hit):
            # "أدانت X الهجوم وانتقد الوجود العسكري الأمريكي": after a joined verb, an actor phrase that follows a
            # plain noun describes the object ("الوجود … الأمريكي"); the subject is the one the verbs share
            prev = self.last_subject.get(si)
            if prev is not None and not self._has_sentence_end(prev[0], hit.w0) and prev[1] != source:
                subject = prev[1] if _plural_verb(words[hit.w0].norm) else prev[1][:1]  # "التقى X نظيره Y وانتقد": X
                shared = {(a.start, a.end) for a in _actors(subject)}  # not codes: two bare "GOV" are two actors
                obj = [a for a in src_actors if (a.start, a.end) not in shared]
                if obj:
                    self.refinements.setdefault(hit.w0, {}).update(
                        source=(_actors(subject), "shared-subject"), target=(obj, "shared-subject"))
        if owner is None and len(target) == 1 and lang == "ar" and tgt_actors \
                and all(a.code in ACTOR_SECTORS for a in tgt_actors) and _possessed_agent(words[target[0].w1]):
            # "أعلن الجيش الأمريكي مقتل اثنين من جنوده": a unit with a possessive pronoun is its owner's, the actor
            # before it the pronoun refers back to
            country = self._possessor_country(target[0], sent_phrases)
            if country is not None:
                units = [Actor(country + a.code, a.entity, a.text, a.start, a.end) for a in tgt_actors]
                self.refinements.setdefault(hit.w0, {})["target"] = (units, "owner-of-the-unit")
        if owner is None and len(target) == 1 and t.type in OWNER["types"]:
            owner = self._owner_of_group(target[0], cands, t)  # "عقوبات على شركات تابعة للحرس الثوري"
        if owner is None and len(target) == 1 and tgt_actors and _bare_group(target[0]):
            country = self._group_place(target[0])  # "مساعدات لسكان غزة", "aid to residents of northern Gaza"
            if country is not None:
                people = [Actor(country + a.code, a.entity, a.text, a.start, a.end) for a in tgt_actors]
                self.refinements.setdefault(hit.w0, {})["target"] = (people, "people-of-the-place")
        if owner is not None:
            owned = _others(_actors(self._chain_forward(owner, cands)), _actors(possessor) or src_actors)
            if owned:
                self.refinements.setdefault(hit.w0, {})["target"] = (owned, "owner-of-the-object")
        if coop and tgt_actors:  # a partner of the source's own country is no target
            src_countries3 = {s.code[:3] for s in src_actors}
            if any(a.code[:3] in src_countries3 for a in tgt_actors):
                tgt_actors = [a for a in tgt_actors if a.code[:3] not in src_countries3]
        modality = self._modality(hit, floor, reported)
        if verbal and source and via != "sentence" and (t.pos == "verb" or not words[hit.w0].norm.startswith(ARTICLE)):
            self.last_subject[si] = (hit.w1, source)  # not a definite noun: "طالب X طهران بالإفراج، محذرا": X warns
            if t.reciprocal and len(source) > 1 and lang == "en":  # its grammatical subject, before the verb
                subject = [p for p in source if p.w1 < hit.w0]
                if subject and len(subject) < len(source):
                    self.last_subject[si] = (hit.w1, source, subject)
        return src_actors, tgt_actors, modality, via

    def demand_addressee(self, hit: TriggerHit, rule: dict) -> tuple[list[Actor], bool]:
        """Rule demand-addresses-the-state (kb/data/coding_rules.jsonl): after a demand cue ("للمطالبة", "تطالب",
        "demanding"; a REQUEST trigger is one), an act only a state can do ("بإقالة", "بالإفراج", "the resignation"):
        (its object when that is a state actor -- "بإقالة الحكومة", "the resignation of the prime minister" --, True);
        else ([the government of the place, spanned by the act's word], False). A protest's complaint ("احتجاجا على
        سياسات الحكومة") ended by a state actor gives (that actor, True). Else ([], False)."""
        words, lang = self.words, self.lang
        cues, acts = rule["cues"].get(lang, ()), rule["acts"].get(lang, ())
        complaints = rule["complaints"].get(lang, ()) if hit.trigger.type == "PROTEST" else ()
        if not acts:
            return [], False
        si = words[hit.w0].sentence
        cue = hit.trigger.type == "REQUEST"
        # a demand's own words may hold the demanded act ("طالبوا بالإفراج عن ...")
        first = hit.w0 + 1 if cue else hit.w1 + 1
        for k in range(first, min(self.sentences[si].w1, hit.w1 + 1 + rule["span"])):
            w = words[k]
            if not cue and not w.forms.isdisjoint(complaints):
                # "احتجاجا على سياسات الحكومة": the state actor that ends the complaint's noun chain
                p = self._next_phrase(si, k)
                if p is not None and p.w0 - k <= 3 and not self._has_break(k, p.w0):
                    state = _state_actors(p)
                    if state:
                        return state, True
            if not cue:
                cue = not w.forms.isdisjoint(cues)
                continue
            if not self._demanded_act(w, acts):
                continue
            # its object: the genitive right after it ("بإقالة الحكومة"), "of" within 3 words in English
            p = self._next_phrase(si, k)
            if p is not None and ((lang == "ar" and p.prep is None and p.w0 == k + 1)
                                  or (lang == "en" and p.prep == "of" and p.w0 - k <= 3)):
                state = _state_actors(p)
                if state:
                    return state, True
            return [Actor(rule["code"], None, self.text[w.start:w.end], w.start, w.end)], False
        return [], False

    def _next_phrase(self, si: int, k: int) -> Phrase | None:
        """The first actor phrase of sentence ``si`` that starts after word ``k``."""
        whole, starts = self._actor_phrases_in(si, self.sentences[si].w0, self.sentences[si].w1)
        at = bisect.bisect_right(starts, k)
        return whole[at] if at < len(whole) else None

    def _demanded_act(self, w: Word, acts) -> bool:
        """Is ``w`` a demanded act: one of ``acts`` after ب in Arabic ("باستقالة", "بالإفراج"), as it is in English?"""
        if self.lang != "ar":
            return w.norm in acts
        for prefix, base, _suffix in w.bases:
            if prefix.lstrip(CONJUNCTIONS) in ("ب", "بال") and (base in acts or base.removeprefix("ال") in acts):
                return True
        return False

    def _origin(self, hit: TriggerHit) -> Actor | None:
        """The country rockets or drones are fired from: "إطلاق صواريخ من جنوب لبنان", "fired from Gaza"."""
        si = self.words[hit.w0].sentence
        for at in range(bisect.bisect_right(self.geo_starts, hit.w1), len(self.geo)):  # the places after the trigger
            w0, _w1, m, country, entity = self.geo[at]
            if w0 - hit.w1 > ORIGIN_SPAN:
                break  # in text order: the places further on are further away
            if self.words[w0].sentence != si:
                continue
            if country and mention_prep(m, self.words, self.lang) in ORIGIN_PREPS:
                return Actor(country, entity, m.text, m.start, m.end)
        return None

    def _geo_target(self, hit: TriggerHit, after: int, src_countries: set[str], coop: bool,
                    content: int | None = None) -> Actor | None:
        """A place named after the trigger stands for its country as the target ("قصفت ... في خاركيف",
        "withdraw troops from Niger", "aid to Gaza"); not one inside what a demand asks for (from word ``content``)."""
        si = self.words[hit.w0].sentence
        for at in range(bisect.bisect_right(self.geo_starts, after), len(self.geo)):  # the places after word `after`
            w0, w1, m, country, entity = self.geo[at]
            if w0 - after > 10 or (content is not None and w0 > content):
                break  # in text order: the places further on are further away
            if self.words[w0].sentence != si:
                continue
            if country in src_countries or not country or self._place_noun(w0, w1):
                continue
            reached = hit.trigger.type in PLACE_ACTS  # coding rule place-of-the-act
            prep = place_prep(m, self.words, self.lang) if reached else mention_prep(m, self.words, self.lang)
            allowed = GEO_PREPS_FROM if hit.trigger.type in ("RETREAT", "SANCTION") else GEO_PREPS
            placing = reached and (prep in LOCATIVE[self.lang] or prep in PLACE_ACT_PREPS[self.lang])
            if (prep in allowed or placing) \
                    and not (coop and prep in self._not_partner(hit.trigger)):
                return Actor(country, entity, m.text, m.start, m.end)
            if reached and prep is None and self._place_object(after, w0, m):
                return Actor(country, entity, m.text, m.start, m.end)  # "تهاجم مدينة الفاشر", "attack Kharkiv"
            if reached and prep in PARTNER_PREPS and w0 > 1 and not self.words[w0 - 2].forms.isdisjoint(FRONTIER):
                return Actor(country, entity, m.text, m.start, m.end)  # "على حدودها مع سوريا", "border with X"
        return None

    def _own_forces(self, p: Phrase, source: list[Phrase]) -> bool:
        """Is the object phrase ``p`` the source's own forces (coding rule own-forces-moved): units with no country of
        their own ("قوات", "جنودها", "troops") or of the source's country ("القوات التركية" after "نشرت تركيا")?"""
        if not p.actors or any(k != "role" and k not in GEO_AUTHOR_KINDS and k != "nisba" for k in p.kinds):
            return False
        own = {c for q in source for c in q.countries}
        return all(a.code in FORCE_SECTORS or (a.code[:3] in own and a.code[3:6] in FORCE_SECTORS) for a in p.actors)

    def _place_noun(self, w0: int, w1: int) -> bool:
        """Is a place mention only a place noun ("مدينة" read as Medina in "في مدينة لم تسمها"): no name?"""
        return w0 == w1 and any(b in PLACE_HEADS[self.lang] for _p, b, _s in self.words[w0].bases)

    def _place_object(self, after: int, w0: int, m) -> bool:
        """Is the place at word ``w0`` the direct object of the act, right after the trigger (or its subject) with at
        most a place noun between ("يقصف مخيم جباليا", "تهاجم مدينة الفاشر", "shelled the town of X")?"""
        if m.kind in ("nisba", "demonym") or w0 - after > 4:
            return False
        words, heads = self.words, PLACE_HEADS[self.lang]
        for k in range(after + 1, w0):
            w = words[k]
            if w.kind != "word" or (w.mention is not None and not self._place_noun(k, k)):
                return False
            if self.lang == "en":
                if w.norm not in heads and w.norm not in EN_ARTICLES and w.norm != "of":
                    return False
            elif not any(b in heads and not suf and not clitic_prep(pre) for pre, b, suf in w.bases):
                return False
        return True

    def _not_partner(self, t) -> frozenset[str]:
        """The prepositions that never introduce a cooperative event's target place (grammar table
        ``not_coop_targets``), less the trigger's own target prepositions: "withdrew from Niger", "انسحبت القوات من
        مدينة X" (RETREAT's من). An actor it introduces stays no target: "استقالته من الحكومة"."""
        return _not_partner(t.target_preps or (), t.type or "")

    def _preps_of(self, t) -> set[str]:
        return _target_preps(t.target_preps or (), t.type or "")

    def _quad(self, cameo: str) -> int:
        rec = self.lex.cameo.get(cameo)
        return rec.quad_class if rec else 0

    def _cues_at(self, k: int) -> list:
        """(cue, n_words) for every modality cue starting at word k within its sentence, longest first (cached)."""
        got = self._cue_cache.get(k)
        if got is None and self.words[k].forms.isdisjoint(self._cue_heads):
            got = self._cue_cache[k] = []  # no cue starts with this word
        if got is None:
            stop = self.sentences[self.words[k].sentence].w1
            # a cue read through a clitic preposition is another word: "وبحث" (discussed) is no "حث" (urged), "لعل"
            # no "عل"; the cues that take a preposition are written with it ("بهدف", "بإمكان")
            got = self._cue_cache[k] = [(m[0].item, m[2]) for m in
                                        self.lex.matches(self._cue_index, self.words, k, stop)
                                        if m[1].lstrip(CONJUNCTIONS)[:1] not in PREPOSITION_CLITICS]
        return got

    def _last_complementizer(self, lo: int, hi: int) -> int | None:
        """The last complementizer ("أن", "that") among words [lo, hi), or None."""
        at = bisect.bisect_left(self.complementizers, hi) - 1
        if at >= 0 and self.complementizers[at] >= lo:
            return self.complementizers[at]
        return None

    def _attributed(self, hit: TriggerHit, sent) -> bool:
        """Is an English event told as someone's report without "that": a reporting verb before it in its sentence
        ("the army said it had struck"), or an attribution that closes the sentence after a comma ("…, the
        Israeli military said.")?"""
        words = self.words
        if any(words[k].norm in EN_SAY_VERBS for k in range(max(sent.w0, hit.w0 - EN_SAY_SPAN), hit.w0)):
            return True
        last_comma = None
        for k in range(sent.w1 - 1, hit.w1, -1):
            if words[k].norm == ",":
                last_comma = k
                break
        return last_comma is not None and any(words[k].norm in EN_SAY_VERBS for k in range(last_comma + 1, sent.w1))

    def _en_passive(self, hit: TriggerHit) -> bool:
        """English: is the verb trigger a past participle after a form of "be" (grammar table ``en_passive_aux``; an
        adverb in -ly may stand between: "were arrested", "was reportedly killed", "has been struck"), or right
        before "by" ("hostages released by Hamas")?"""
        words = self.words
        w = words[hit.w0].norm
        if not (w.endswith(("ed", "en", "wn")) or w in EN_PARTICIPLES):
            return False
        after = hit.w1 + 1
        if after < len(words) and words[after].norm == "by" and any(
                after < p.w0 <= after + 2 for p in self.actor_phrases.get(words[hit.w0].sentence, ())):
            return True  # a reduced relative: "two hostages released by Hamas", "a convoy attacked by gunmen"
        k = hit.w0 - 1
        if k > 0 and words[k].norm.endswith("ly") and words[k].sentence == words[hit.w0].sentence:
            k -= 1
        return k >= 0 and words[k].norm in EN_PASSIVE_AUX and words[k].sentence == words[hit.w0].sentence

    def _harmed_before(self, hit: TriggerHit, cands: list[Phrase]) -> list[Phrase]:
        """The actor a verb of harm says was harmed, in the clause before an act's noun that a preposition of coding
        rule act-of-the-tellings introduces (grammar table ``harm_verbs``): "تضررت سفينة شحن يونانية في هجوم" (the
        subject after the verb), "a Greek cargo ship was damaged in a drone attack" (the subject before it)."""
        words, lang = self.words, self.lang
        preps = TELLING_ACTS["preps"]
        k, skipped = hit.w0 - 1, 0
        while lang == "en" and k > 0 and skipped <= 2 and (words[k].norm in EN_ARTICLES or (
                words[k].kind == "word" and words[k].mention is None and words[k].norm not in PREP_WORDS[lang])):
            k, skipped = k - 1, skipped + 1  # "in a missile attack": an article and the noun's modifiers
        if hit.prefix.lstrip(CONJUNCTIONS)[:1] == "ب" and lang == "ar":
            k = hit.w0  # "بانفجار": the clitic is the preposition
        elif k < 0 or words[k].norm not in preps:
            return []
        first = self.sentences[words[hit.w0].sentence].w0
        for j in range(k - 1, max(first, k - 10) - 1, -1):
            w = words[j]
            if w.kind == "punct" or w.clause != words[hit.w0].clause:
                return []
            if not (has_verb_form(w, HARM_VERBS[lang]) if lang == "ar" else w.norm in HARM_VERBS[lang]):
                continue
            if lang == "ar":
                p = next((p for p in cands if j < p.w0 < k and p.prep is None), None)
                return self._chain_forward(p, cands) if p is not None else []
            p = next((p for p in reversed(cands) if p.w1 < j and p.prep is None), None)
            return self._chain_backward(p, cands) if p is not None and j - p.w1 <= 4 else []
        return []

    def _subject_before(self, hit: TriggerHit, before: list[Phrase]) -> Phrase | None:
        """The subject right before a passive verb: the last phrase before it with no preposition, past the places a
        locative puts after it ("جنود في مالي", "peacekeepers in Mali"), in its clause, no punctuation between."""
        words = self.words
        for p in reversed(before):
            if words[p.w0].clause != words[hit.w0].clause or self._has_break(p.w1, hit.w0):
                return None
            if p.prep is None:
                return p if hit.w0 - p.w1 <= 6 else None
            if p.prep not in LOCATIVE[self.lang]:
                return None
        return None

    def _given_to(self, p: Phrase) -> bool:
        """English: does a verb of giving (grammar table ``en_give_verbs``) stand right before phrase ``p`` (an article
        may stand between): "granted Egypt", "gave the Ukrainian army"?"""
        k = p.w0 - 1
        while k > 0 and self.words[k].norm in EN_ARTICLES:
            k -= 1
        return k >= 0 and self.words[k].norm in EN_GIVE_VERBS and self.words[k].sentence == self.words[p.w0].sentence

    def _subject_of_verb(self, p: Phrase, before: list[Phrase]) -> Phrase | None:
        """The subject of the verb right before phrase ``p``: the last phrase with no preposition before that verb,
        a few words before it, in its clause, with no punctuation between."""
        words = self.words
        at = before.index(p) if p in before else len(before)
        for q in reversed(before[:at]):
            if q.prep is None and words[q.w0].clause == words[p.w0].clause and p.w0 - q.w1 <= 4 \
                    and not self._has_break(q.w1, p.w0):
                return q
            return None
        return None

    def _resumptive(self, hit: TriggerHit) -> bool:
        """Arabic: does the trigger end in a preposition that carries a third-person pronoun, where its lexicon form
        has the bare preposition ("أفرجت عنهم" for "أفرجت عن")?"""
        if hit.w1 == hit.w0:
            return False
        norm = self.words[hit.w1].norm
        suffix = next((s for s in THIRD_PERSON_SUFFIXES if norm.endswith(s) and len(norm) > len(s)), None)
        return suffix is not None and norm[:-len(suffix)] in PREP_WORDS["ar"]

    def _object_pronoun(self, hit: TriggerHit) -> str | None:
        """The third-person pronoun joined to a one-word trigger beyond its lexicon form ("استقبله", "اعتقلتهم",
        "قتلوه" for قتلوا, "لاغتياله") or to a phrase's last preposition ("أفرجت عنهم"), or None."""
        if hit.w1 > hit.w0:  # a phrase: its preposition with the pronoun ("أفرجت عنهم"); its first word may be a
            # verbal noun ("أن يتم قصفها بالصواريخ": a prospect, not an object)
            return _prep_with_pronoun(self.words[hit.w1].norm, PREP_WORDS["ar"])
        stem = self.words[hit.w0].norm[len(hit.prefix):]
        forms = _form_keys(hit.trigger)
        if stem in forms:
            return None
        for suffix in THIRD_PERSON_SUFFIXES:
            if stem.endswith(suffix) and len(stem) > len(suffix) + 2:
                bare = stem[:-len(suffix)]
                if bare in forms or bare + "ا" in forms or (bare.endswith("ت") and bare[:-1] + "ه" in forms):
                    return suffix
        return None

    def _possessor_country(self, p: Phrase, phrases: list[Phrase]) -> str | None:
        """The country of the actor a possessive pronoun on phrase ``p``'s last word refers back to ("جنوده",
        "قواتها"): the nearest actor phrase before ``p`` in its sentence with a country that agrees with the pronoun,
        within ANTECEDENT_SPAN words; None when there is none."""
        w = self.words[p.w1]
        suffix = next((s for _p, b, s in w.bases if s and s in THIRD_PERSON_ENCLITICS and b in POSSESSED_AGENTS), None)
        if suffix is None:
            return None
        for q in reversed(phrases):
            if q.w1 >= p.w0 or not q.actors or q.anaphor is not None:
                continue
            if p.w0 - q.w1 > ANTECEDENT_SPAN or self.words[q.w0].sentence != w.sentence:
                break
            countries = {a.code[:3] for a in q.actors if a.code[:3] not in ACTOR_SECTORS and len(a.code) >= 3}
            if len(countries) == 1 and _agrees(q, self.words, suffix):
                return countries.pop()
        return None

    def _prep_pronoun(self, hit: TriggerHit) -> str | None:
        """Arabic: the third-person pronoun on the word right after the trigger when that word is one of the
        trigger's target prepositions with it ("واتهامه لها بـ", "شنت هجوما عليهم"), or None."""
        k = hit.w1 + 1
        if self.lang != "ar" or k >= len(self.words) or self.words[k].sentence != self.words[hit.w0].sentence:
            return None
        return _prep_with_pronoun(self.words[k].norm, self._preps_of(hit.trigger))

    def _antecedent(self, hit: TriggerHit, phrases: list[Phrase], source: list[Phrase],
                    suffix: str | None = None) -> list[Phrase]:
        """The actor an object pronoun on the trigger (or ``suffix``, a pronoun after it) refers back to: the
        nearest actor phrase before the trigger in its sentence that is not its source and agrees with the pronoun
        (ه: not a feminine or plural noun, not a state; ها: a state, an organization or a feminine noun; هم/هن: a
        group, not one person or a state)."""
        if suffix is None:
            suffix = self._object_pronoun(hit)
            if suffix is None or self._relative_after_noun(hit):
                return []
        mine = {a.code for p in source for a in p.actors}
        for p in reversed(phrases):
            if p.w1 >= hit.w0 or p in source or not p.actors or p.anaphor is not None:
                continue
            if hit.w0 - p.w1 > ANTECEDENT_SPAN:
                break
            if mine and {a.code for a in p.actors} <= mine:
                continue
            if _agrees(p, self.words, suffix):
                return [p]
        return []

    def _relative_after_noun(self, hit: TriggerHit) -> bool:
        """Does the trigger, with no conjunction, follow a plain indefinite noun it describes ("مسيرات أطلقها
        الحوثيون": its pronoun is that noun, an adjectival clause)?"""
        if hit.w0 == 0 or hit.prefix[:1] in CONJUNCTION_CLITICS:
            return False
        w = self.words[hit.w0 - 1]
        return w.kind == "word" and w.mention is None and w.trigger is None and len(w.norm) > 3 \
            and not w.norm.startswith("ال") and w.norm not in PREP_WORDS["ar"] and w.norm not in DEMONSTRATIVES \
            and w.norm not in SUBORDINATORS \
            and w.sentence == self.words[hit.w0].sentence

    def _nisba_in_pp(self, p: Phrase) -> bool:
        """Is the phrase a nationality after a plain noun under a preposition ("تجاوبت مع المسعى المصري"): it
        describes that noun, so it is no subject of the verb after it (as an object it may still name the owner:
        "بفرض رسوم على سلع صينية")?"""
        if self.lang != "ar" or p.kinds != ["nisba"] or p.w0 == 0:
            return False
        words = self.words
        noun, nisba = words[p.w0 - 1], words[p.w0]
        if noun.kind != "word" or noun.mention is not None or noun.trigger is not None \
                or noun.sentence != nisba.sentence or noun.norm.startswith("ال") != nisba.norm.startswith("ال") \
                or any(b in PREP_WORDS["ar"] or b in PLACE_HEADS["ar"] for _p, b, _s in noun.bases):
            return False
        return any(clitic_prep(pre) for pre, _b, _s in noun.bases) \
            or (p.w0 > 1 and words[p.w0 - 2].norm in PREP_WORDS["ar"])

    def _first_person(self, hit: TriggerHit) -> bool:
        """Is an Arabic verb trigger in the first person plural: a present form with ن where the lexicon has ي
        ("نطالب" for "يطالب"), or a past form with the suffix نا ("طالبنا")? "ننشر" is; "نشر" (a past form whose
        root begins with ن) is not."""
        stem = self.words[hit.w0].norm[len(hit.prefix):]
        forms = _form_keys(hit.trigger)
        return len(stem) > 3 and ((stem[0] == "ن" and "ي" + stem[1:] in forms)
                                  or (stem.endswith("نا") and stem[:-2] in forms))

    def _suffixed(self, hit: TriggerHit) -> bool:
        """Does the trigger's word carry a pronoun suffix beyond its lexicon form ("مصرعهم": their death)?"""
        stem = self.words[hit.w0].norm[len(hit.prefix):]
        return stem not in _form_keys(hit.trigger) and stem.endswith(THIRD_PERSON_SUFFIXES)

    def _said_pronoun(self, k: int) -> bool:
        """Does a subject pronoun stand right before word ``k``, after a reporting verb or "that" a few words back:
        "said it would", "said on Monday that it would"?"""
        words = self.words
        if k < 2 or words[k - 1].norm not in EN_PRONOUNS:
            return False
        first = self.sentences[words[k].sentence].w0
        return any(words[j].norm in EN_SAY for j in range(max(first, k - 6), k - 1))

    def _cue_at(self, k: int):
        cues = self._cues_at(k)
        return cues[0][0] if cues else None

    def _modality(self, hit: TriggerHit, floor: int, reported: str | bool) -> str:
        words = self.words
        best = reported if reported else "asserted"
        t = hit.trigger
        if self.lang == "ar" and t.pos in ("verb", "phrase") and "س" in hit.prefix:
            best = _stronger(best, "planned")  # "ستنظم مظاهرة", "إنها ستنزل إلى الشارع": a verb phrase too
        sent = self.sentences[words[hit.w0].sentence]
        if sent.w1 > sent.w0 and words[sent.w1 - 1].norm == "?":
            best = _stronger(best, "hypothetical")  # a question asks, it does not report
        starts = self.cue_starts
        at, n_starts = bisect.bisect_left(starts, max(floor, sent.w0, hit.w0 - 8)), len(starts)
        while at < n_starts and starts[at] < hit.w0:  # cues that start in the 8 words before the trigger
            k = starts[at]
            at += 1
            for cue, n in self._cues_at(k):  # the longest cue that ends before the trigger
                if k + n <= hit.w0:
                    break
            else:
                continue
            if cue.position != "before" or cue.modality == "reported":
                continue  # reported speech is decided by the complementizer scope in build()
            if cue.cue == "قد" and (t.pos == "noun" or not _imperfect(words[hit.w0].norm, hit.prefix, t)):
                continue  # قد + past = "has/had done": asserted; only قد + a present verb is "may"
            gap = hit.w0 - (k + n)
            if cue.modality == "negated" and hit.w0 >= 2 and words[hit.w0 - 1].norm in OR_WORDS:
                gap -= 2  # "لم يقتل أو يجرح أحد", "did not kill or wound": the joined verb is negated too
            if gap > cue.window or self._has_break(k + n - 1, hit.w0):
                continue
            if cue.cue == "would" and (reported or self._said_pronoun(k)):  # "said it would withdraw": the future
                best = _stronger(best, "planned")                          # of reported speech
                continue
            best = _stronger(best, cue.modality)
        if self.lang == "en" and best == "asserted" and self._attributed(hit, sent):
            best = "reported"
        at, stop = bisect.bisect_right(starts, hit.w1, at), min(sent.w1, hit.w1 + 6)
        while at < n_starts and starts[at] < stop:  # cues that start in the 5 words after it
            k = starts[at]
            at += 1
            for cue, _n in self._cues_at(k):  # "if" is a cue both before and after its event
                if cue.position == "after":
                    if k - hit.w1 - 1 <= cue.window:
                        best = _stronger(best, cue.modality)
                    break
        return best

    def _en_author(self, hit: TriggerHit, before: list[Phrase]) -> list[Phrase]:
        """English: a nationality or country between an article and the act's noun is its author: "an Israeli
        air strike", "the U.S. strikes" (any preposition before the article)."""
        if not before or before[-1].w1 != hit.w0 - 1:
            return []
        p = before[-1]
        if not all(k in GEO_AUTHOR_KINDS for k in p.kinds) or p.w0 == 0:
            return []
        return self._chain_backward(p, before) if self.words[p.w0 - 1].norm in EN_ARTICLES else []

    def place_of(self, hit: TriggerHit) -> tuple | None:
        """Where the event happened: the first place of the sentence after the trigger, else the nearest one before
        it, as its entry of ``places`` (w0, w1, mention, Location, headed by a place noun)."""
        cands = self.places_by_sentence.get(self.words[hit.w0].sentence, ())
        before = next((pl for pl in reversed(cands) if pl[1] < hit.w0), None)
        for pl in cands:
            if pl[0] > hit.w1:
                if before is not None and self._fronted(before, hit) and self._other_clause(hit.w1, pl[0]):
                    return before  # "وفي غواتيمالا نزل آلاف ... بينما طالب متظاهرون في سان خوسيه": the place
                return pl  # fronted to the act's clause is its place, not one in the next clause
        return before

    def _fronted(self, pl: tuple, hit: TriggerHit) -> bool:
        """Is the place a locative that opens the trigger's clause ("وفي بغداد أحرق متظاهرون ... للاحتجاج"): its
        preposition the clause's first word, no subordinator between it and the trigger?"""
        words = self.words
        if words[pl[1]].clause != words[hit.w0].clause or self._subordinate(pl[1], hit.w0) \
                or place_prep(pl[2], words, self.lang) not in LOCATIVE[self.lang]:
            return False
        prev = words[pl[0] - 1].norm if pl[0] > 0 else ""
        preps = PREP_WORDS[self.lang]
        k = pl[0] - 1 if prev in preps or (prev[:1] in CONJUNCTIONS and prev[1:] in preps) else pl[0]
        return k <= self.sentences[words[k].sentence].w0 or words[k - 1].kind != "word" \
            or words[k - 1].clause != words[k].clause

    def _other_clause(self, a: int, b: int) -> bool:
        """Does another clause open strictly between words a and b (punctuation, a subordinator, "فيما")?"""
        words = self.words
        return words[a].clause != words[b].clause or self._subordinate(a, b)

    def time(self, hit: TriggerHit) -> TimeRef | None:
        """The time expression of the sentence nearest the trigger (the first of equals), else the document date."""
        nearest, best = None, -1
        for w, tm in self.times_by_sentence.get(self.words[hit.w0].sentence, ()):
            d = abs(w - hit.w0)
            if nearest is None or d < best:
                nearest, best = tm, d
        if nearest is not None:
            return self._time_ref(nearest)
        if self.doc_date is not None:
            return self._time_ref(None)
        return None

    def _time_ref(self, tm) -> TimeRef:
        """The TimeRef of a time expression of the document, or of the document date for None — one per document,
        since a TimeRef is immutable and events may share it."""
        ref = self._time_refs.get(id(tm))
        if ref is None:
            if tm is None:
                ref = TimeRef("", self.doc_date.isoformat(), "document-date", None, None)
            else:
                ref = TimeRef(tm.text, tm.value, tm.relation, tm.start, tm.end)
            self._time_refs[id(tm)] = ref
        return ref

    def evidence(self, hit: TriggerHit) -> Span:
        """The sentence stating the event (one Span object per sentence, so its text hashes once)."""
        si = self.words[hit.w0].sentence
        span = self._evidence.get(si)
        if span is None:
            sent = self.sentences[si]
            span = self._evidence[si] = Span.of(self.text, sent.start, sent.end)
        return span


_FORM_KEYS: dict[str, frozenset[str]] = {}


def finite_verb_phrase(hit, words) -> bool:
    """Does an Arabic verb phrase (trigger ``verbal``) open on an inflected verb ("تعرضت لهجوم", "يتعرضون للقصف"):
    a tensed act, not a kind of event? Its bare past form is also its verbal noun ("نشر قوات", "تعرض لهجوم"), and
    stays one."""
    t = hit.trigger
    if not t.verbal or clitics.holds(hit.prefix, ARTICLE_CLITIC):
        return False
    return words[hit.w0].norm[len(hit.prefix):] != form_head(t.forms[0])


def _form_keys(t) -> frozenset[str]:
    """The first words of a trigger's forms, normalized (made once per trigger)."""
    got = _FORM_KEYS.get(t.id)
    if got is None:
        got = _FORM_KEYS[t.id] = frozenset(normalize_key(f.split(" ")[0]) for f in t.forms)
    return got


def _object_role(p: Phrase, words) -> bool:
    """Is an Arabic phrase a role noun in the indefinite accusative ("قتلوا شرطيا وأصابوا"): an object, no subject
    of the verb after it?"""
    return p.kinds[-1:] == ["role"] and indefinite_accusative(words[p.w1].norm)


def _masculine_verb(norm: str, prefix: str) -> bool:
    """Is an Arabic verb form plainly masculine singular — a past form with no suffix ("اتهم", not "اتهمت",
    "اتهموا") or a present form with ي and no suffix ("يطالب")? Forms that begin with ت or ن (a Form V past or a
    feminine present) are not decided."""
    stem = norm[len(prefix):] if norm.startswith(prefix) else norm
    if len(stem) < 3 or stem[0] in "تن":
        return False
    if stem[0] == "ي":
        return not stem.endswith(("ان", "ون", "ن"))
    return not stem.endswith(("ت", "ا", "تم"))  # "ا": a dual ("اتهما") or a final alif ("دعا"): undecided


def describes_act(words: list[Word], w0: int, w1: int, act_ends, act_starts) -> bool:
    """Does the nationality at words [w0, w1] describe an act rather than name a place or a party: right after a
    trigger, only plain words between ("غارة جوية إسرائيلية", "قصف روسي"), or right before one ("an Israeli air
    strike")? ``act_ends``/``act_starts``: the last/first words of the document's triggers."""
    if w1 + 1 in act_starts:
        return True
    for k in range(w0 - 1, max(w0 - 1 - NISBA_ACT_SPAN, -1), -1):
        if k in act_ends:
            return True
        if words[k].kind != "word" or words[k].mention is not None:
            return False
    return False


STATE_KINDS = frozenset({"country", "capital", "organization", "acronym"})
PLURAL_ENDINGS = ("ون", "ين", "ات")


def _agrees(p: Phrase, words: list[Word], suffix: str) -> bool:
    """Does the actor phrase agree with a third-person pronoun suffix? A rough test on its kind and the ending of its
    first word: a state or an organization is feminine (ها), a person or a title masculine unless written with ة."""
    head = words[p.w0].norm
    kind = p.kinds[0] if p.kinds else ""
    feminine = head.endswith("ه")  # ة is folded to ه
    plural = head.endswith(PLURAL_ENDINGS) and len(head) > 4
    if suffix == "ه":
        return kind not in STATE_KINDS and not feminine and not plural
    if suffix == "ها":
        return kind in STATE_KINDS or (feminine and kind not in ("person", "person_short"))
    if suffix in ("هم", "هن"):
        return kind not in STATE_KINDS and kind not in ("person", "person_short", "title") and not feminine
    return True  # هما: two of anything


def _possessed_agent(w: Word) -> bool:
    """A noun that acts for its possessor, with a third-person pronoun joined: "طائراتها", "قواته", "مقاتليهم"
    ("قالت الوزارة إن طائراتها قصفت": the speaker's aircraft)."""
    return any(s and s in THIRD_PERSON_ENCLITICS and b in POSSESSED_AGENTS for _p, b, s in w.bases)


def _plural_verb(norm: str) -> bool:
    """An Arabic verb form with a plural subject suffix: "أطلقوا", "يهاجمون" (never followed by its subject)."""
    return len(norm) > 4 and norm.endswith(("وا", "ون"))


def _covered(words: list[Word], times: list) -> frozenset[int]:
    """Indices of the words inside any time expression; ``times`` holds (index of the word where the expression
    starts, match) as the pipeline located them."""
    out: set[int] = set()
    for k, tm in times:
        if words[k].start < tm.start:
            k += 1  # the expression starts inside that word ("وأمس"): it covers only the words after it
        while k < len(words) and words[k].end <= tm.end:
            out.add(k)
            k += 1
    return frozenset(out)


def _imperfect(norm: str, prefix: str, t) -> bool:
    """Is an Arabic verb form present tense: يقتل، نقتل، تقتل (when يقتل is a form of the same verb)?"""
    stem = norm[len(prefix):] if prefix and norm.startswith(prefix) else norm
    if not stem:
        return False
    if stem[0] in "ين":
        return True
    # تقتل (she kills) is present when يقتل is a form of the same verb; استهدف (Form X past) is not أ + present
    return stem[0] == "ت" and ("ي" + stem[1:]) in head_words(t)


def _positions_of_heads(words: list[Word], heads: frozenset[str]) -> list[int]:
    """Indexes of the words one of whose forms begins a lexicon pattern (see ``Lexicon.heads``)."""
    return [k for k, w in enumerate(words) if not w.forms.isdisjoint(heads)]


def _complementizer_positions(words: list[Word], lang: str) -> list[int]:
    """Indexes of the complementizers ("أن", "إنه", "وان", "that") that open reported speech."""
    opening = OPENING_WORDS[lang]
    return [k for k, w in enumerate(words) if w.norm in opening]


@lru_cache(maxsize=100_000)
def _number_word(norm: str) -> bool:
    """Is a word a number written out ("ثلاثة", "five")? Memoized: ``parse_number_words`` runs the whole number
    grammar, and the same few words come back in every sentence."""
    return parse_number_words(norm) is not None


@lru_cache(maxsize=None)
def _not_partner(target_preps: tuple[str, ...], event_type: str) -> frozenset[str]:
    return NOT_COOP_TARGET - _target_preps(target_preps, event_type)


@lru_cache(maxsize=None)
def _target_preps(target_preps: tuple[str, ...], event_type: str) -> set[str]:
    """Prepositions that introduce a trigger's target: its own and its event type's defaults (shared: read only)."""
    return _fold(target_preps) | DEFAULT_PREPS.get(event_type, set())


OWN_FORCE_SECTORS = frozenset({"COP", "MIL", "SPY"})


def not_own_sector(actors: list[Actor], source: list[Actor]) -> list[Actor]:
    """``actors`` but the bare forces (police, military: no name, no country yet) of the source's own sector: the
    place gives them the source's country later, so they would be the source acting on itself (a government acting
    on a bare official, "تعتقل رئيس بلدية إسطنبول", is no such case)."""
    own = {_sector_of(a.code) for a in source} & OWN_FORCE_SECTORS
    return [a for a in actors if not (a.entity is None and a.code in own)] if own else actors


def _others(actors: list[Actor], source: list[Actor]) -> list[Actor]:
    """``actors`` but the source's own: an actor never acts on itself, nor does a bare sector on the source's sector,
    which the place gives the source's country later ("يكبلوه ويقتادوه إلى مركز للشرطة" after the police: the
    station is no target)."""
    codes = {a.code for a in source}
    return [a for a in not_own_sector(actors, source) if a.code not in codes]


def _sector_of(code: str) -> str:
    """The sector of an actor code: "COP" -> "COP", "ISRCOP" -> "COP"."""
    return code if code in ACTOR_SECTORS else code[3:6]


def _unnamed_armed(phrases: list[Phrase]) -> bool:
    """Are all the actors of the phrases armed men the text does not name ("مسلحون", "انتحاري")?"""
    for p in phrases:
        for a in p.actors:
            if a.entity is not None or a.code not in UNNAMED_ARMED:
                return False
    return True


def _stronger(a: str, b: str) -> str:
    return b if MODALITY_RANK[b] > MODALITY_RANK[a] else a


def _bare_group(p: Phrase) -> bool:
    """Is the phrase a group noun alone: a role with no country and no name ("شركات", "سكان", "residents")?"""
    return p.kinds == ["role"] and all(a.entity is None and a.code in ACTOR_SECTORS for a in p.actors)


def _named_codes(phrases: list[Phrase]) -> set[str]:
    """The codes of the phrases' actors that name an entity (a bare sector, "GOV", names nobody in particular)."""
    return {a.code for a in _actors(phrases) if a.entity is not None}


def _actors(phrases: list[Phrase]) -> list[Actor]:
    """The actors of the phrases, each entity (or code) once, in order."""
    if len(phrases) == 1 and len(phrases[0].actors) == 1:  # the common case: nothing to deduplicate
        return [phrases[0].actors[0]]
    out: list[Actor] = []
    seen: set[str] = set()
    for p in phrases:
        for a in p.actors:
            key = a.entity or a.code
            if key not in seen:
                seen.add(key)
                out.append(a)
    return out


STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "ELI"})


def _state_actor(code: str) -> bool:
    """An actor of the state: a government, parliament, court, army or police ("ESPGOV", "GOV"), or a state named by
    its bare country code ("ISR")."""
    return code[-3:] in STATE_SECTORS or (len(code) == 3 and code not in ACTOR_SECTORS)


def _state_actors(p: Phrase) -> list[Actor]:
    """The actors of phrase ``p`` that are the state (``_state_actor``)."""
    return [a for a in _actors([p]) if _state_actor(a.code)]


def _word_after(words: list[Word], a: int, b: int) -> bool:
    """Is word ``b`` right after word ``a``, or after it and one preposition word (and English articles) between,
    in the same sentence?"""
    if words[b].sentence != words[a].sentence:
        return False
    between = [w for w in words[a + 1:b] if w.norm not in EN_ARTICLES]
    return len(between) <= 1 and all(w.kind == "word" for w in between)


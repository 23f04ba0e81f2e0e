"""Find trigger words and phrases in a document's words (one lexicon lookup per word analysis).

A trigger never starts inside an actor mention; the longest form wins; a trigger whose ``context_any`` words are
absent from ±8 words, or with an ``exclude_any`` word within ±3 (a complementizer before it opens its own clause and
excludes nothing), is dropped; a trigger followed by a reflexive
("على نفسها", "itself") describes no event between actors and is dropped too.
Imports: marsad.text, marsad.kb (companion ids, the grammar tables), marsad.extract siblings.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from ..kb import clitics, grammar
from ..kb.rules import Trigger, is_companion_id
from ..text import normalize_key
from ..text.tokens import ENCLITICS
from .events import HAL_SUFFIX, MARKS, MEANS, TriggerHit
from .lexicon import head_words
from .preps import PREP_WORDS
from .words import NATIONALITY_SLOT, Word

CONTEXT_WINDOW = 12  # words either side, inside the sentence, in which a trigger's context_any words must occur
AR_PREPS = PREP_WORDS["ar"]  # "مع", "في", "خلال" ...: a noun follows them
VERB_PREFIX_LETTERS = clitics.verb_proclitics()  # و ف س
PRESENT_LETTERS = frozenset("يتن")  # the first letter of the lexicon's present forms (gen_triggers.ar_verb)
# a finite English verb never follows a determiner or a preposition ("to" + infinitive is a verb)
EN_NOT_BEFORE_VERB = grammar.words("not_before_verb", "en")
EN_NOUN_NOT_ACT = grammar.words("en_noun_not_act", "en")  # "the target", "a press release": a thing, not the act


def _en_noun_form(norm: str, t: Trigger) -> bool:
    """Can an English verb form after an article or a preposition be the verb's noun: its base form, -s form or
    gerund ("the attack", "its attacks", "the bombing", "a protest"), not a participle used as an adjective ("the
    destroyed bridge", "by frozen assets") nor a noun of grammar table en_noun_not_act ("the target", "a press
    release")?"""
    base = t.forms[0]
    return norm not in EN_NOUN_NOT_ACT and (norm == base or norm == base + "s" or norm == base + "es"
                                            or norm.endswith("ing"))


@lru_cache(maxsize=None)
def _as_noun(t: Trigger) -> Trigger:
    """The noun reading of an English verb sense ("the attack", "the protests"): attached as a noun is (one copy per
    sense, keyed by the sense itself, not by an object id a freed sense could hand on)."""
    return replace(t, pos="noun")


EN_ATTRIBUTIVE = grammar.words("en_attributive_participles", "en")
EN_FUNCTION_WORDS = grammar.words("en_name_stopwords", "en") | grammar.words("prepositions", "en")
EN_NOT_A_NOUN = EN_FUNCTION_WORDS | grammar.words("en_object_pronouns", "en")
REFLEXIVE = grammar.words("reflexive")  # "فجر نفسه", "blew himself up"


MEANS_TYPES = frozenset({"ASSAULT", "COERCE"})  # acts told as a means are done ("ردت عبر اغتيال"), not talked of
FREE_RANK = 2  # rank of a sense without context words: any sense whose context is present ranks before it
GAP_OBJECT_SPAN = 5  # words after an English gap companion in which its object must stand


def _is_gap_companion(t) -> bool:
    """An English verb entry generated from a verb phrase (id "<phrase id>.gap", "….gap2"): its context words
    are the phrase's objects, so they must follow the verb ("Tech firm launches new phone … price war" is no war)."""
    return t.id.rsplit(".", 1)[-1].startswith("gap")


def masdar_reading(norm: str, prefix: str, t) -> bool:
    """ب/ل + a three-letter past form is its verbal noun: "بقصف" (by shelling), "لقتل" (to kill)."""
    if prefix[-1:] not in ("ب", "ل") or not t.forms:
        return False
    stem = norm[len(prefix):]
    return len(stem) == 3 and head_words(t)[0] == stem


def _near(words: list[Word], lo: int, hi: int, forms: frozenset[str], doc_forms: frozenset[str]) -> bool:
    """Is one of ``forms`` among the forms of words [lo, hi)? ``doc_forms`` (every form in the document) answers
    most cases at once: a word absent from the document is near no trigger."""
    if forms.isdisjoint(doc_forms):
        return False
    for k in range(max(lo, 0), min(hi, len(words))):
        if not forms.isdisjoint(words[k].forms):  # the word or one of its bases
            return True
    return False


# a complementizer right before a trigger opens the trigger's own clause ("قالت الحكومة إنها ترفض"): never the
# excluded word of another sense ("رفض أن يعلق" excludes the أن after the verb)
OPENERS = frozenset().union(*grammar.by_lang("complementizers").values(),
                            *grammar.by_lang("conjoined_complementizers").values())


def _excluded(words: list[Word], i: int, j: int, avoid: frozenset[str]) -> bool:
    """Is an ``exclude_any`` word among words [i-3, j+4) of the trigger at [i, j], other than a complementizer
    before it? (Asked only once ``_near`` found one.)"""
    for k in range(max(i - 3, 0), min(j + 4, len(words))):
        w = words[k]
        if not avoid.isdisjoint(w.forms) and not (k < i and w.norm in OPENERS):
            return True
    return False


def _after_means(words: list[Word], i: int, first: int) -> bool:
    """Does word ``i`` follow a means preposition ("عبر", "من خلال") inside its sentence (from word ``first``)?
    "ردت إسرائيل عبر اغتيال X" tells the act as the clause's means: it happened, and needs no other context."""
    if i - 1 < first:
        return False
    prev = words[i - 1].norm
    return prev in MEANS and (prev != "خلال" or (i - 2 >= first and words[i - 2].norm == "من"))


def _last_near(words: list[Word], lo: int, hi: int, forms: frozenset[str], doc_forms: frozenset[str]) -> int:
    """The last of words [lo, hi) with one of ``forms`` among its forms, or -1 (``_near`` that also tells where:
    whether a context word stands after the trigger follows from the same scan, run from the end)."""
    if forms.isdisjoint(doc_forms):
        return -1
    for k in range(min(hi, len(words)) - 1, max(lo, 0) - 1, -1):
        if not forms.isdisjoint(words[k].forms):
            return k
    return -1


def context_sets(lexicon) -> dict[int, tuple[frozenset[str], frozenset[str], str]]:
    """id of a trigger with context words -> (context_any, exclude_any) normalized, and the kind of companion it is:
    "gap" (English, ``_is_gap_companion``), "vso" (a verb whose object follows its subject) or "": what
    ``find_triggers`` checks per trigger sense, made once per process."""
    out = {}
    for ts in lexicon.rules.triggers.values():
        for t in ts:
            need = frozenset(normalize_key(x) for x in (t.context_any or ()))
            avoid = frozenset(normalize_key(x) for x in (t.exclude_any or ()))
            if need or avoid:
                out[id(t)] = (need, avoid, "gap" if _is_gap_companion(t) else "vso" if is_companion_id(t.id) else "")
    return out


def _inside_a_name(words: list[Word], i: int, sent) -> bool:
    """Whether the capitalized English word ``i`` (not the first of its sentence) continues a name: the word before
    it is capitalized too ("Wildlife Fund", "Democratic Rally"), in a sentence written in lowercase (most of its
    words are), so that a headline in title case ("Rebels Attack Army Post") keeps its verbs."""
    prev = words[i - 1].text
    if not (prev[:1].isupper() and prev[:1].isalpha()):
        return False
    letters = [x.text[:1] for x in words[sent.w0:sent.w1] if x.text[:1].isalpha()]
    return sum(c.islower() for c in letters) * 2 > len(letters)


def _counted(text: str) -> bool:
    """Whether a word is a number written in digits that counts what follows ("100", "١٧", "1,400"), not a year
    ("عام 2014 قتل ...": a verb may follow a date)."""
    digits = text.replace(",", "").replace("٬", "")
    if not digits.isdigit():
        return False
    return not (len(digits) == 4 and 1800 <= int(digits) <= 2100)


def _before_its_noun(words: list[Word], j: int, sent) -> bool:
    """Whether the English participle at word ``j`` stands before a noun as its adjective: no subject before it (a
    function word or an -ing verb: "over alleged bribes", "investigating alleged fraud") and a lowercase content
    word after it, not a function word ("accused of"), a pronoun ("and accused them") or a name ("alleged Smith
    paid"). "The opposition alleged fraud" has a subject: a verb."""
    if j + 1 >= sent.w1 or j == sent.w0:
        return False
    prev, nxt = words[j - 1], words[j + 1]
    if prev.norm not in EN_FUNCTION_WORDS and not prev.norm.endswith("ing"):
        return False
    return nxt.text[:1].islower() and nxt.text[:1].isalpha() and nxt.norm not in EN_NOT_A_NOUN


def _context_start(i: int, sent) -> int:
    """First word of the context window before word ``i``: up to CONTEXT_WINDOW words back inside its sentence
    ``sent`` (a ``Sentence``: words [w0, w1))."""
    return max(i - CONTEXT_WINDOW, sent.w0)


def _context_end(j: int, sent) -> int:
    """One past the context window after word ``j``: up to CONTEXT_WINDOW + 1 words on, inside sentence ``sent``
    (a trigger that runs past its sentence's end has no context after it)."""
    return max(min(j + CONTEXT_WINDOW + 1, sent.w1), j + 1)


def _dropped_types(sent_words: list[Word], contexts: list) -> frozenset[str]:
    """Event types that a sentence's context rules out (kb/data/contexts.jsonl: a match report is not a war);
    ``contexts`` are the lexicon's contexts for the language that may match (see ``_contexts_in``); a context with
    one of its ``unless`` words in the sentence rules nothing out ("gunmen" beside "the outbreak"). Words inside a
    name do not count: the "National League for Democracy" is no football league."""
    outside_names = [w for w in sent_words if w.mention is None]
    bases = frozenset().union(*[_context_forms(w) for w in outside_names])
    got: frozenset[str] = frozenset()
    for forms, types, unless in contexts:
        if (not forms.isdisjoint(bases) or _has_word_pair(outside_names, bases, _word_pairs(forms))) \
                and (not unless or all(unless.isdisjoint(w.forms) for w in sent_words)):  # names count ("Gunmen")
            got = got | types
    return got


TA_MARBUTA_END = ("ة", "ةً", "ةٌ", "ةٍ", "ةَ", "ةُ", "ةِ")


def _context_forms(w: Word) -> frozenset[str]:
    """The forms of a word that a context word may be: a feminine word is not its masculine ("الحرب الأهلية", the
    civil war, is no "الأهلي", the football club), so a word written with ة keeps only its forms that end with it
    (normalized to ه). A pronoun ـه is no ة: "لاعبه" keeps "لاعب"."""
    if not w.text.endswith(TA_MARBUTA_END):
        return w.forms
    return frozenset(f for f in w.forms if f.endswith("ه"))


def _contexts_in(lexicon, lang: str, doc_forms: frozenset[str]) -> list:
    """The contexts of ``lang`` that may match some sentence of a document whose words have ``doc_forms``: one
    of their words, or the first word of one of their word pairs, is in it (most documents have none)."""
    return [(forms, types, unless) for forms, types, unless in lexicon.contexts.get(lang, ())
            if not forms.isdisjoint(doc_forms) or not _word_pairs(forms)[1].isdisjoint(doc_forms)]


@lru_cache(maxsize=None)
def _word_pairs(forms: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The two-word forms ("a b") of a context's forms — the only ones that can match a pair of adjacent words —
    and their first words."""
    pairs = frozenset(f for f in forms if f.count(" ") == 1)
    return pairs, frozenset(f.split(" ")[0] for f in pairs)


def _has_word_pair(sent_words: list[Word], sent_forms: frozenset[str],
                   pairs_and_firsts: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Is some pair of adjacent words of the sentence ("<norm> <norm>") one of the pairs? ``sent_forms`` (every
    form in the sentence) rules most sentences out at once: no pair can start without its first word."""
    pairs, firsts = pairs_and_firsts
    if not pairs or firsts.isdisjoint(sent_forms):
        return False
    return any(a.norm in firsts and f"{a.norm} {b.norm}" in pairs for a, b in zip(sent_words, sent_words[1:]))


def _trigger_starts(words: list[Word], heads: frozenset[str], head_words_at: list[int] | None = None) -> list[int]:
    """Words where a trigger may start: words outside actor mentions one of whose forms begins a trigger form
    (``head_words_at``, when given, lists the words of the last kind)."""
    if head_words_at is not None:
        return [i for i in head_words_at if words[i].kind == "word" and words[i].mention is None]
    return [i for i, w in enumerate(words) if w.kind == "word" and w.mention is None and not w.forms.isdisjoint(heads)]


def companion_object(words: list[Word], sentences, hit: TriggerHit, context_sets: dict) -> int | None:
    """The word of a VSO or gap companion's object ("شن زعيم المعارضة هجوما": هجوما, "lifted nuclear-related
    sanctions": sanctions): the first word after the verb, in its sentence and context window, that is one of the
    companion's context words; None for other triggers."""
    t = hit.trigger
    if not is_companion_id(t.id):  # "….vso", "….gap2"
        return None
    need = context_sets.get(id(t), (None, None))[0]
    if not need:
        return None
    for k in range(hit.w1 + 1, _context_end(hit.w1, sentences[words[hit.w0].sentence])):
        if not need.isdisjoint(words[k].forms):
            return k
    return None


def _name_inside(words: list[Word], i: int, j: int, role_words: frozenset[int] = frozenset()) -> bool:
    """Is one of words (i, j] inside a name (an actor mention), other than a nationality filling a form's slot or
    a group noun of the KB's roles that the form spells out ("تفريق المتظاهرين", "قمع المعارضين")?"""
    for k in range(i + 1, j + 1):
        if words[k].mention is not None and NATIONALITY_SLOT not in words[k].forms and k not in role_words:
            return True
    return False


def _whole_reading(lexicon, index: dict, w: Word, pat, prefix: str) -> bool:
    """Does ``pat`` match ``w`` (after ``prefix``) without taking a suffix off the word?"""
    return any(p == prefix and not s and lexicon.holds(index.get(b, ()), pat) for p, b, s in w.bases)


def _passive_charge(words: list[Word], w: Word, j: int) -> bool:
    """Is the verb ``w`` (ending at word ``j``; read with no pronoun on it) followed right away by its ب phrase, no
    object between ("اتهما بالخطف", "يتهمون بعمليات تعذيب")? An active "اتهم" names whom before the ب ("اتهم X
    الحكومة بالفساد", "اتهمها بالفساد"): this is the passive, a charge someone bears."""
    if j + 1 >= len(words) or words[j + 1].sentence != w.sentence or words[j + 1].kind != "word":
        return False
    return any("ب" in p and len(b) >= 3 for p, b, _s in words[j + 1].bases)


def _ta_marbuta_noun(w: Word, prefix: str) -> bool:
    """Has ``w`` a reading (after ``prefix``) as a noun in ة with a pronoun ("أسرته" = أسرة + ه), the one
    ``words.analyses`` gives back the ta marbuta to?"""
    return any(p == prefix and s and b.endswith("ه") for p, b, s in w.bases)


def _verb_reading(lexicon, index: dict, w: Word, pat, prefix: str) -> bool:
    """Does the verb ``pat`` match ``w`` (after ``prefix``) through a reading whose suffix a verb takes (any but
    "ي": a verb's first-person object is "ني")?"""
    if not w.norm.endswith("ي"):
        return True  # most words end in no ي: nothing to check
    return any(p == prefix and s != "ي" and lexicon.holds(index.get(b, ()), pat) for p, b, s in w.bases)


def find_triggers(words: list[Word], sentences, lexicon, lang: str, context_sets: dict,
                  doc_forms: frozenset[str] | None = None, head_words_at: list[int] | None = None,
                  dropped: list | None = None, role_words: frozenset[int] = frozenset(),
                  nisba_at: frozenset[int] = frozenset()) -> list[TriggerHit]:
    """The trigger hits of a document's ``words`` (``sentences``: their ``Sentence`` runs), in order;
    ``doc_forms`` (every form of every word) and ``head_words_at`` (the positions of the words one of whose forms
    begins a trigger, ``Lexicon.head_positions``) may be handed in when the caller has them. A ``dropped`` list
    receives (trigger, first word, last word, reason) for every lexicon match refused here (for ``--explain``);
    ``role_words``: the words of role mentions (group nouns a phrase form may spell out); ``nisba_at``: the words
    that are an indefinite singular nationality adjective ("سوري", "مصريا")."""
    index = lexicon.triggers.get(lang, {})
    heads = lexicon.heads(index)
    if doc_forms is None:
        doc_forms = frozenset().union(*[w.forms for w in words])
    contexts = _contexts_in(lexicon, lang, doc_forms)
    reflexives = not REFLEXIVE.isdisjoint(doc_forms)  # most documents have none
    drop_cache: dict[int, frozenset[str]] = {}
    hits: list[TriggerHit] = []
    next_free = 0  # the first word not inside a trigger found already
    for i in _trigger_starts(words, heads, head_words_at):
        if i < next_free:
            continue
        w = words[i]
        found = lexicon.matches(index, words, i)
        if not found:
            continue
        chosen = None
        why = "no sense fits"
        sent = w.sentence
        sentence = sentences[sent]
        best_rank = None
        ends_in_ta_or_ya = w.text.rstrip(MARKS).endswith(("ة", "ى"))
        for pat, prefix, length in found:
            t = pat.item
            j = i + length - 1
            if length > 1 and _name_inside(words, i, j, role_words):
                why = "a name inside the phrase"
                continue  # a name inside a phrase breaks it, except a nationality in the form's slot
            is_verb = t.pos == "verb"
            if is_verb and prefix and not set(prefix) <= VERB_PREFIX_LETTERS and "ال" not in prefix \
                    and not masdar_reading(w.norm, prefix, t):
                why = "a verb with a prefix only nouns take"
                continue  # "بحث" is not ب + "حث": a verb takes only و ف س before it
            noun_reading = False
            if is_verb and lang == "en" and i > 0 and words[i - 1].norm in EN_NOT_BEFORE_VERB:
                if length > 1 or not _en_noun_form(w.norm, t):
                    why = "an adjective, not a verb"
                    continue  # "backed by frozen Russian assets", "the destroyed bridge": an adjective, not a verb
                noun_reading = True  # "the attack on the convoy", "the protests", "the bombing": the verb's noun
            if lang == "en" and i > sentence.w0 and w.text[:1].isupper() and _inside_a_name(words, i, sentence):
                why = "a capitalized word inside a name"
                continue  # "the World Wildlife Fund", "the ruling Democratic Rally", "the Recovery Appeal"
            if is_verb and lang == "en" and w.norm in EN_ATTRIBUTIVE and _before_its_noun(words, j, sentence):
                why = "an adjective before its noun"
                continue  # "alleged bribes", "accused criminals": no act of accusing
            if is_verb and lang == "ar" and "س" in prefix and w.norm[len(prefix):len(prefix) + 1] not in PRESENT_LETTERS:
                why = "the future س before a past verb"
                continue  # "سادت أجواء متوترة" (prevailed) is not س + أدت: the future takes a present (يـ تـ نـ)
            if is_verb and lang == "ar" and not prefix and i > sentence.w0 and _counted(words[i - 1].text):
                why = "a counted noun after a number"
                continue  # "100 طالب وطالبة" (students), "17 طالبا": a number counts a noun, never a verb
            if is_verb and length == 1 and lang == "ar" and i + 1 in nisba_at and (not prefix or prefix == "و"):
                why = "a noun before its nationality adjective"
                continue  # "طالب سوري" (a Syrian student), "التقى طالبا مصريا": an indefinite nisba describes a noun
            if is_verb and length == 1 and lang == "ar" and not _verb_reading(lexicon, index, w, pat, prefix):
                why = "ي read as a verb's object"
                continue  # a verb's "me" is ني: "أيدي" (hands) is not أيد (supported) + ي
            if is_verb and length == 1 and lang == "ar" and i > 0 and words[i - 1].norm in AR_PREPS \
                    and not _whole_reading(lexicon, index, w, pat, prefix) and _ta_marbuta_noun(w, prefix):
                why = "a noun in ة with a pronoun after a preposition"
                continue  # "مع أسرته" (with his family), "في رحلته" (on his trip): not أسرت/رحلت + ه
            if is_verb and lang == "ar" and t.mode == "allege" and "ب" in t.target_preps \
                    and _whole_reading(lexicon, index, w, pat, prefix) and _passive_charge(words, w, j):
                why = "accused of: a charge, not an accusation"
                continue  # "سجينين اتهما بالخطف": the verb has no object before its ب, it is the passive اُتُّهما
            if not is_verb and "ك" in prefix and lang == "ar":
                why = "a comparison (ك: like)"
                continue  # "كقنبلة بشرية", "كاعتداء على السيادة": what something is likened to, not an act
            if "ال" in prefix and t.id.endswith(HAL_SUFFIX):
                why = "a participle with the article"
                continue  # a circumstantial participle is indefinite: "الداعية فتح الله غولن" is a preacher
            if ends_in_ta_or_ya and not _whole_reading(lexicon, index, w, pat, prefix):
                why = "ة/ى read as a pronoun"
                continue  # ة and ى are never pronouns: "ضربة" (a blow) is not ضرب + ه, "امرأة" (a woman) not
                # أمرا + ه, "قتلى" (the dead) not قتل + ي
            ctx = context_sets.get(id(t))
            rank = FREE_RANK  # prefer, among equally long forms, a sense whose context words are present
            if ctx is not None:
                need, avoid, companion = ctx
                hi = j + CONTEXT_WINDOW + 1  # _context_end(j, sentence), written out (hot path)
                if hi > sentence.w1:
                    hi = sentence.w1 if sentence.w1 > j + 1 else j + 1
                if need and companion == "gap":  # "launched 10 drones": the object follows within a few words
                    lo, hi = j + 1, min(j + 1 + GAP_OBJECT_SPAN, hi)
                elif need and companion and (not w.norm.endswith(ENCLITICS) or _whole_reading(lexicon, index, w, pat, prefix)):
                    lo = j + 1  # "أعلنت روسيا وقف إطلاق النار": a VSO verb's object follows it (but "هجوم ...
                    # تبنته حركة الشباب": a pronoun on the verb stands for an object named before)
                else:
                    lo = i - CONTEXT_WINDOW if i - CONTEXT_WINDOW > sentence.w0 else sentence.w0  # _context_start
                last_need = _last_near(words, lo, hi, need, doc_forms) if need else -1
                if need and last_need < 0 and not (t.type in MEANS_TYPES and _after_means(words, i, sentence.w0)):
                    why = (t.id, "none of its context words is near")
                    continue
                if avoid and _near(words, i - 3, j + 4, avoid, doc_forms) and _excluded(words, i, j, avoid):
                    why = (t.id, "an excluded word is near (a legal, commemorative or other sense)")
                    continue
                # among senses whose context is present, one whose context word follows the trigger (as its object
                # does): "قتل جنود ...، وأعلنت X مسؤوليتها" is a claim, not an announced troop withdrawal
                rank = ((0 if last_need > j else 1) if lang == "ar" else 0) if need else FREE_RANK
            if chosen is None or (length == chosen[3] and rank < best_rank):
                chosen, best_rank = (_as_noun(t) if noun_reading else t, prefix, j, length), rank
            elif length < chosen[3]:
                break
        if chosen is None:
            if dropped is not None:
                dropped.append((found[0][0].item, i, i + found[0][2] - 1, why if isinstance(why, str) else
                                f"{why[0]}: {why[1]}"))
            continue
        t, prefix, j, _length = chosen
        if reflexives and t.mode != "explosives" \
                and any(not x.forms.isdisjoint(REFLEXIVE) for x in words[j + 1 : j + 3]):  # "فجر نفسه": suicide
            next_free = j + 1
            if dropped is not None:
                dropped.append((t, i, j, "a reflexive object: the bomber's own act, not a second attack"))
            continue
        if contexts and sent not in drop_cache:
            drop_cache[sent] = _dropped_types(words[sentence.w0:sentence.w1], contexts)
        if t.type in drop_cache.get(sent, ()):
            next_free = j + 1
            if dropped is not None:
                dropped.append((t, i, j, f"the sentence's context rules {t.type} out (kb/data/contexts.jsonl)"))
            continue
        hits.append(TriggerHit(i, j, t, prefix, w.start, words[j].end))
        for k in range(i, j + 1):
            words[k].trigger = len(hits) - 1
        next_free = j + 1
    return hits

"""Actor phrases: adjacent mentions that name one actor, coded as CAMEO-style actor codes.

"وزير الخارجية التركي هاكان فيدان" is one phrase (title + nisba + person) coded from the person's role on
the document date; "وزير الخارجية الأمريكي" alone is USAGOV (title sectors + nisba country) without a person entry;
"الجيش الإسرائيلي" is ISRMIL; "قالت بكين" (a capital as subject) is CHN, the state. Anaphora ("البلدان", "the two
countries", "البلاد", "نظيره") point back to countries named earlier in the document.

Imports: marsad.model, marsad.kb (through the KnowledgeBase handed in; its clitics and grammar tables),
marsad.extract.preps.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from operator import itemgetter

from ..kb import clitics, grammar
from ..model import ACTOR_SECTORS, Actor, Span
from ..text import normalize_key
from .mentions import OF_KINDS, Mention, phrase_kind
from .preps import CONJUNCTIONS, PARTNER_PREPS, PREP_WORDS, PREPOSITION_CLITICS, phrase_prep

SECTORS = ACTOR_SECTORS
ACTOR_KINDS = frozenset({"person", "person_short", "organization", "acronym", "country", "nisba", "demonym",
                         "capital", "role", "new_person", "new_organization"})
# what may follow what inside one phrase (without a conjunction between them); new_*: names the KB does not know
_ATTACH = {
    "role": {"nisba", "demonym", "country", "person", "person_short", "organization", "acronym", "role", "capital",
             "new_person", "new_organization"},
    "person": {"nisba", "demonym"},
    "person_short": {"nisba", "demonym"},
    "new_person": {"nisba", "demonym"},
    "organization": {"nisba", "demonym", "country"},
    "new_organization": {"nisba", "demonym", "country"},
    "acronym": {"nisba", "demonym", "country"},
    "nisba": {"person", "person_short", "role", "nisba", "new_person"},
    "demonym": {"person", "person_short", "role", "organization", "acronym", "new_person", "new_organization",
                "counterpart"},  # "his Russian counterpart Sergei Lavrov"
    "country": {"role", "person", "person_short", "organization",  # English "US Secretary of State Blinken"
                "counterpart"},  # English "his U.S. counterpart"
    "capital": set(),
    "counterpart": {"nisba", "demonym", "country", "person", "person_short"},
}
_ATTACHES_NOTHING: frozenset[str] = frozenset()
_ITEM_SPAN = itemgetter(0, 1)  # (w0, w1) of a phrase item
AR_PREP_WORDS = PREP_WORDS["ar"]
TITLE_ADJECTIVES = grammar.words("en_title_adjectives", "en")  # "Iran's new president"
ARTICLE_FORMS = clitics.article_forms()
_NISBA_FORMS: dict[str, frozenset[str]] = {}  # country entity id -> its nisba forms, normalized (made once)


def spell_code(kb, spell, person) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(code, country, sectors) of a person holding ``spell``: country + first sector; a post in an organization
    without a country (UN Secretary-General, an armed group's leader) takes the organization's code."""
    sectors = tuple(spell.sectors or ())
    if spell.country:
        return spell.country + (sectors[0] if sectors else ""), spell.country, sectors
    org = kb.entities.get(getattr(spell, "org", None) or "")
    if org is not None and org.code:
        return org.code, org.country, sectors or tuple(org.sectors)
    country = person.country if person is not None else None
    if country:
        return country + (sectors[0] if sectors else ""), country, sectors
    return (sectors[0] if sectors else None), None, sectors


@dataclass(slots=True, eq=False)  # a phrase is its own identity: "p in source" must not compare every field
class Phrase:
    w0: int
    w1: int  # inclusive
    start: int
    end: int
    mentions: list[Mention] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    coordinated: bool = False  # begins with the conjunction و / "and"
    anaphor: str | None = None  # pair | country | counterpart
    actors: list[Actor] = field(default_factory=list)
    capital_only: bool = False
    prefix: str = ""  # proclitics on an anaphor's first word
    prep: str | None = None  # the governing preposition (``phrase_prep``), set by ``ActorCoder.code_sentence``

    @property
    def countries(self) -> set[str]:
        return {a.code[:3] for a in self.actors if a.code}


def _bare_head(text: str, first: bool) -> str:
    """The first (or last) word of a name, normalized, without its article: "التحالف العربي" -> "تحالف"."""
    parts = normalize_key(text).split()
    if not parts:
        return ""
    w = parts[0] if first else parts[-1]
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def _of_between(words, a: int, b: int) -> bool:
    """Do only "of" or "of the" stand between words a and b ("leaders of the Group of Seven")?"""
    between = [words[k].norm for k in range(a + 1, b)]
    return between in (["of"], ["of", "the"])


class ActorCoder:
    """Builds and codes phrases for one document."""

    def __init__(self, kb, text: str, date: dt.date | None) -> None:
        self.kb = kb
        self.text = text
        self.date = date
        # countries named so far: (start, country, participant?) — participants are actors not governed by a
        # preposition other than مع/بين/with/between; anaphora prefer them ("بين البلدين" after "X مع نظيره Y")
        # (and the actor's code, and whether it is a government named in the same sentence as the anaphor: "التقى
        # وزير الخارجية السعودي نظيره الإيراني، واتفق الجانبان" - the two sides are the two governments)
        self.history: list[tuple[int, str, bool, str]] = []
        self.sentence_from = 0  # the first history entry of the sentence being coded
        self.coref: list[tuple[str, Span]] = []  # anaphora resolved to countries: extra mentions of them
        # the organizations named so far by the bare first word of their name ("تحالف" for "التحالف العربي",
        # "حركه" for "حركة حماس"): a bare group noun after them is that organization ("قصف طيران التحالف")
        self.org_heads: dict[str, str] = {}

    def code_sentence(self, mentions: list[Mention], anaphors: list, words, lang: str) -> list[Phrase]:
        """Phrases of one sentence, coded; anaphora resolved against the countries named before them."""
        out = self.phrases(mentions, anaphors, lang, words)
        self.sentence_from = len(self.history)
        last_sectors: tuple[str, ...] = ()
        for ph in out:
            if ph.start < 0:  # an anaphor: its span leaves its proclitics (not its article) out
                first = words[ph.w0]
                pre = ph.prefix[:-2] if ph.prefix.endswith("ال") else ph.prefix
                ph.start = first.start + _orig_prefix_len(first.text, pre)
                ph.end = words[ph.w1].end
            # stored on the phrase: the event builder asks for it many times per trigger
            prep = ph.prep = phrase_prep(ph, words, lang)
            if ph.anaphor in ("pair", "country"):
                self._resolve(ph)
                continue
            ph.actors = self.code_phrase(ph, last_sectors)
            if self.org_heads and ph.actors and all(a.entity is None for a in ph.actors):
                self._named_group(ph)
            for m in ph.mentions:
                if m.kind in ("organization", "acronym") and self.kb.entities.get(m.target) is not None:
                    head = _bare_head(m.text, first=True)
                    if head:
                        self.org_heads[head] = m.target
                role = self.kb.roles.get(m.target) if m.kind == "role" else None
                if role is not None and role.kind == "title":
                    last_sectors = tuple(role.sectors)
            ph.capital_only = bool(ph.mentions) and all(m.kind == "capital" for m in ph.mentions)
            participant = prep is None or prep in PARTNER_PREPS
            for a in ph.actors:
                if a.code and len(a.code) >= 3 and self.kb.country(a.code[:3]) is not None:
                    self.history.append((ph.start, a.code[:3], participant, a.code))
        return out

    def _named_group(self, ph: Phrase) -> None:
        """A phrase of group nouns alone ("التحالف", "قوات التحالف", "طيران التحالف"), its last noun the first word
        of an organization the document named before ("التحالف العربي"), is that organization (issue 19 item 2)."""
        roles = [m for m in ph.mentions if m.kind == "role"]
        if not roles or len(roles) != len(ph.mentions):
            return
        rec = self.kb.roles.get(roles[-1].target)
        if rec is None or rec.kind != "group":
            return
        target = self.org_heads.get(_bare_head(roles[-1].text, first=False))
        org = self.kb.entities.get(target) if target else None
        if org is None or not org.code:
            return
        ph.actors = [Actor(org.code, org.id, self.text[ph.start:ph.end], ph.start, ph.end)]

    def _resolve(self, ph: Phrase) -> None:
        want = 2 if ph.anaphor == "pair" else 1
        for only_participants in (True, False):
            seen: list[str] = []
            codes: list[str] = []
            for n in range(len(self.history) - 1, -1, -1):
                start, country, participant, code = self.history[n]
                if start < ph.start and country not in seen and (participant or not only_participants):
                    seen.append(country)
                    # a pair of governments named in its own sentence stays governments ("the two leaders")
                    governments = want == 2 and n >= self.sentence_from and code == country + "GOV"
                    codes.append(code if governments else country)
                    if len(seen) == want:
                        break
            if len(seen) == want:
                break
        if len(seen) != want:
            return
        if len(set(codes) - set(seen)) != len(codes):  # both sides governments, or both bare countries
            codes = list(seen)
        etext = self.text[ph.start:ph.end]
        for c, code in zip(reversed(seen), reversed(codes)):
            rec = self.kb.country(c)
            ph.actors.append(Actor(code, rec.id if rec else None, etext, ph.start, ph.end))
            if rec is not None:
                self.coref.append((rec.id, Span(ph.start, ph.end, etext)))

    # ---- coding one phrase ------------------------------------------------------------------------
    def code_phrase(self, ph: Phrase, counterpart_sectors: tuple[str, ...] = ()) -> list[Actor]:
        kb = self.kb
        country: str | None = None
        sectors: tuple[str, ...] = ()
        entity: str | None = None
        org_code: str | None = None
        person_code: str | None = None
        role_sectors: tuple[str, ...] = ()  # the sectors a role of the phrase gave
        role_end = 0  # where the last role mention ended
        for m in ph.mentions:
            if m.kind in ("person", "person_short"):
                rec = kb.entities.get(m.target)
                spell = kb.person_role(m.target, self.date)
                entity = m.target
                if spell is not None:
                    person_code, country, sectors = spell_code(kb, spell, rec)
                elif rec is not None and rec.country:
                    country = country or rec.country
            elif m.kind in ("organization", "acronym") and _phrase_kind(m) != "country":
                rec = kb.entities.get(m.target)
                if rec is not None:
                    org_code = rec.code
                    entity = entity or m.target
                    if rec.country:
                        country = country or rec.country
                    if rec.sectors and not sectors:
                        sectors = tuple(rec.sectors)
            elif m.kind in ("country", "nisba", "demonym", "acronym"):  # the acronym of a country ("U.S.")
                rec = kb.entities.get(m.target)
                if rec is not None and not (person_code and country):
                    country = rec.code or rec.country
                    if entity is None:
                        entity = m.target
            elif m.kind == "capital":
                iso = kb.capital_country(m.target)
                if iso:
                    country = country or iso
                    rec = kb.country(iso)
                    entity = entity or (rec.id if rec else None)  # a capital acting is its state, the bare
                    # country code (eval/GUIDELINES.md §5, §12; PETRARCH's dictionaries code capitals so too)
            elif m.kind == "role":
                role = kb.roles.get(m.target)
                if role is not None and (not sectors or (m.text.isascii() and role_sectors
                                                          and "'s" not in self.text[role_end:m.start])):
                    # Arabic heads its phrase with the first noun; English with the last of a compound ("extremist
                    # Israeli settlers" are settlers, "government troops" troops; a possessive's owner stays)
                    sectors = role_sectors = tuple(role.sectors)
                role_end = m.end
                org = kb.entities.get(role.org) if role is not None and role.org else None
                if org is not None and not org_code and not person_code:  # "الأمين العام للأمم المتحدة": UNO
                    org_code, entity = org.code, entity or org.id
                    country = country or org.country
            elif m.kind in ("new_person", "new_organization"):  # a name the KB does not know: coded from its
                entity = entity or m.target  # title, nisba and head noun only (extract/stages/ner.py)
                if m.sector and not sectors:
                    sectors = (m.sector,)
        geo_only = [m for m in ph.mentions if m.kind in ("country", "nisba", "demonym") or _phrase_kind(m) == "country"
                    ] if len(ph.mentions) > 1 else []
        if len(geo_only) == len(ph.mentions) and len({m.target for m in geo_only}) > 1:
            # "غارات أمريكية بريطانية", "US-British strikes": one actor per country
            out = []
            for m in geo_only:
                rec = kb.entities.get(m.target)
                if rec is not None and rec.code and all(a.code != rec.code for a in out):
                    out.append(Actor(rec.code, rec.id, m.text, m.start, m.end))
            return out
        if ph.anaphor == "counterpart" and not sectors:
            sectors = counterpart_sectors
        if person_code:
            code = person_code
        elif org_code and not (country and org_code[:3] != country and sectors and org_code.endswith(sectors[0])):
            code = org_code
        elif country:
            code = country + (sectors[0] if sectors else "")
        elif sectors:
            code = sectors[0]
        else:
            return []
        if entity is None and country:
            rec = kb.country(country)
            entity = rec.id if rec else None
        text = self.text[ph.start:ph.end]
        return [Actor(code, entity, text, ph.start, ph.end)]

    def _nisba_too(self, m: Mention | None) -> bool:
        """Is a country's name also written as its nisba ("السعودية": Saudi Arabia, or the Saudi one), so that it
        may describe the noun before it ("الدفاعات الجوية السعودية")?"""
        if m is None:
            return False
        rec = self.kb.entities.get(m.target)
        forms = _NISBA_FORMS.get(m.target)
        if forms is None:
            forms = _NISBA_FORMS[m.target] = frozenset(
                normalize_key(n) for n in ((rec.raw or {}).get("nisba_ar") or []) if rec is not None)
        return normalize_key(m.text) in forms

    # ---- phrases of a sentence ---------------------------------------------------------------------
    def phrases(self, mentions: list[Mention], anaphors: list[tuple[int, int, str, bool, str]],
                lang: str, words) -> list[Phrase]:
        """Group the mentions of one sentence (sorted) and the anaphora (w0, w1, refers, coordinated, prefix)
        into phrases; an English title takes the body after "of (the)" ("leaders
        of the Group of Seven", "foreign minister of Egypt")."""
        items: list[tuple[int, int, str, object, bool]] = []
        for m in mentions:
            if m.kind in ACTOR_KINDS:
                items.append((m.w0, m.w1, _phrase_kind(m), m, m.coordinated))
        prefixes = {}
        for w0, w1, refers, coord, prefix in anaphors:
            items.append((w0, w1, refers if refers == "counterpart" else "anaphor:" + refers, None, coord))
            prefixes[w0] = prefix
        items.sort(key=_ITEM_SPAN)
        phrases: list[Phrase] = []
        cur: Phrase | None = None
        last_kind = ""
        for n_item, (w0, w1, kind, m, coord) in enumerate(items):
            governed = m is not None and m.prefix.lstrip(CONJUNCTIONS)[:1] in PREPOSITION_CLITICS
            attachable = (cur is not None and not coord and not governed
                          and (w0 == cur.w1 + 1 or (lang == "en" and last_kind == "role" and kind in OF_KINDS
                                                    and _of_between(words, cur.w1, w0))
                               # "Iran's new president": a country's possessive, title adjectives, its title
                               or (lang == "en" and kind == "role" and words[cur.w1].norm.endswith("'s")
                                   and all(w.norm in TITLE_ADJECTIVES for w in words[cur.w1 + 1:w0]))
                               # "عمال إغاثة أتراك": a plural nisba after a genitive agrees with the head noun
                               or (lang == "ar" and last_kind == "role" and kind == "nisba"
                                   and _genitive_then_nisba(words, cur.w1, w0)))
                          and (kind in _ATTACH.get(last_kind, _ATTACHES_NOTHING)
                               # English puts a body before its members: "Hamas fighters", "NATO troops"
                               or (lang == "en" and kind == "role" and last_kind in ("organization", "acronym")))
                          # Arabic puts the country after the title ("وزير خارجية اليابان"); a country then a title,
                          # a body or a name are two actors ("طردت بولندا دبلوماسيين روسيين", "طالبت مصر مجلس الأمن")
                          and not (lang == "ar" and last_kind == "country"
                                   and kind in ("role", "organization", "acronym", "person", "person_short",
                                                "counterpart"))
                          # a definite noun heads no genitive: after "منظمة الصحة العالمية", "البنك الدولي" a
                          # country is another actor, the object of a VSO verb ("طالبت المنظمة إسرائيل بـ")
                          and not (lang == "ar" and kind in ("country", "capital")
                                   and _definite_word(words[cur.w1].norm) and not self._nisba_too(m))
                          # and the nisba after its noun: "الرئيس التونسي الحكومة الليبية" is two actors, unless
                          # the title heads a name ("الجيش اللبناني العماد جوزيف عون")
                          and not (lang == "ar" and last_kind == "nisba" and kind == "role"
                                   and not _title_of_name(items, n_item))
                          # nor a title that ends definite: "طالب الأمين العام للأمم المتحدة الحكومة السودانية" (the
                          # head of a genitive never has the article; a title then a name is an apposition)
                          and not (lang == "ar" and last_kind == "role" and kind == "role"
                                   and _definite_word(words[cur.w1].norm) and not _title_of_name(items, n_item))
                          # a noun with its nunation ("مسلحون", "جنديان", "شرطيا") heads no genitive: the role
                          # after it is another actor ("قتل مسلحون شرطيا": the gunmen killed a policeman)
                          and not (lang == "ar" and last_kind == "role" and kind == "role"
                                   and (_nunated(words[cur.w1].norm)
                                        # nor does a definite one take an indefinite noun: "اعتقلت قوات الأمن
                                        # متظاهرين" (the forces arrested protesters)
                                        or (words[cur.w1].norm.startswith("ال")
                                            and not words[w0].norm.startswith("ال")))))
            if attachable:
                cur.w1 = w1
                if m is not None:
                    cur.mentions.append(m)
                    cur.end = max(cur.end, m.end)
                cur.kinds.append(kind)
                if kind == "counterpart":
                    cur.anaphor = "counterpart"  # "his Russian counterpart": the title's sectors, the demonym's country
                    if cur.start >= 0:
                        cur.end = max(cur.end, words[w1].end)
                last_kind = kind
                continue
            if m is not None:
                cur = Phrase(w0, w1, m.start, m.end, [m], [kind], coord)
            else:
                cur = Phrase(w0, w1, -1, -1, [], [kind], coord, prefix=prefixes.get(w0, ""))
            if kind.startswith("anaphor:"):
                cur.anaphor = kind.split(":", 1)[1]
            elif kind == "counterpart":
                cur.anaphor = "counterpart"
            phrases.append(cur)
            last_kind = kind
        return phrases


GENITIVE_SPAN = 3  # plain words a construct chain may put between its head noun and the head's nisba
SINGULAR_NISBA_ENDINGS = ("ي", "يه", "يا", "يان", "يتان", "يتين")  # singular and dual: may describe the genitive


def _genitive_then_nisba(words, head: int, nisba: int) -> bool:
    """Does the nisba at word ``nisba`` describe the role noun at word ``head`` across a genitive that is no actor
    ("عمال إغاثة أتراك", "عمال الإغاثة الأتراك")? The head is in the construct state (no article, no nunation),
    one to GENITIVE_SPAN plain words stand between in one clause, and the nisba is plural (a human plural, which
    a thing-noun genitive never takes: "إغاثة" would take "تركية") and as definite as the last genitive word."""
    if not 1 <= nisba - head - 1 <= GENITIVE_SPAN:
        return False
    head_norm, last, adj = words[head].norm, words[nisba - 1], words[nisba]
    if head_norm.startswith("ال") or _nunated(head_norm):
        return False
    for k in range(head + 1, nisba):
        w = words[k]
        if w.kind != "word" or w.mention is not None or w.clause != words[head].clause or w.norm in AR_PREP_WORDS:
            return False
        if k < nisba - 1 and w.norm.startswith("ال"):
            return False  # a definite genitive ends the chain
    bare = adj.norm[2:] if adj.norm.startswith("ال") else adj.norm
    return not bare.endswith(SINGULAR_NISBA_ENDINGS) and last.norm.startswith("ال") == adj.norm.startswith("ال")


NUNATED_ENDINGS = ("ون", "ين", "ان")  # sound plural and dual endings: a construct state drops their ن


def _nunated(norm: str) -> bool:
    """Does an Arabic noun end as no construct state can: a sound plural or dual with its ن ("مسلحون", "جنديين"), or
    the accusative ending of an indefinite noun ("شرطيا")?"""
    return (len(norm) >= 5 and norm.endswith(NUNATED_ENDINGS)) or indefinite_accusative(norm)


def indefinite_accusative(norm: str) -> bool:
    """Does an Arabic noun (a role: "شرطيا", "ناشطا") end in the accusative of an indefinite noun? It is an object,
    never a subject."""
    return len(norm) >= 4 and norm.endswith("ا") and not norm.startswith("ال")


def _phrase_kind(m: Mention) -> str:
    return phrase_kind(m.kind, m.target)


def _title_of_name(items: list, n: int) -> bool:
    """Is item n a title directly followed by a person's name?"""
    return n + 1 < len(items) and items[n + 1][0] == items[n][1] + 1 and items[n + 1][2] in ("person", "person_short")


def _orig_prefix_len(word_text: str, norm_prefix: str) -> int:
    """Length in the original word of a normalized proclitic prefix (skipping marks between letters)."""
    if not norm_prefix:
        return 0
    count = 0
    for idx, ch in enumerate(word_text):
        if normalize_key(ch):
            count += 1
            if count == len(norm_prefix):
                return idx + 1
    return 0


def _definite_word(norm: str) -> bool:
    """Does an Arabic word carry the article, alone or after a proclitic ("الدولي", "والجيش", "للجيش")?"""
    return norm.startswith(ARTICLE_FORMS)

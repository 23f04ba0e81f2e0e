"""Resolve gazetteer matches to mentions of KB entities and roles, applying the ambiguity policy.

Ambiguity policy (documented in kb/data/README.md): a name marked ``needs_context`` (a surname that is also a
common word, "Jordan", "Georgia", "Chad", a place name shared with a common word) resolves only when
  - the same target is named unambiguously elsewhere in the document (a country also by a place of it), or
  - it stands next to a role title or a nisba adjective ("الرئيس عباس", "President Abbas"), or a title stands
    before "of (the)" + a country or body ("the president of France"), or
  - it is an Arabic country name that is a common word and no other entity's, governed by a preposition ("من مالي"),
    or an English country name before the possessive with no capitalized word before it ("Jordan's king").
Otherwise it is dropped. When one name fits several kinds, the KB priority decides (person > organization >
country > capital > place > region), then the entry order.

Imports: marsad.kb records (through the entries), its grammar tables and normalization, marsad.extract.gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..kb import grammar
from ..kb._normalize import normalize_key
from .gazetteer import GazMatch

KIND_RANK = {"person": 0, "person_short": 1, "organization": 2, "acronym": 2, "country": 3, "nisba": 3,
             "demonym": 3, "capital": 4, "place": 5, "region": 6, "role": 7}


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str  # NameEntry.kind: country | nisba | demonym | person | person_short | organization | acronym |
    #           capital | place | region | role
    target: str  # entity id or role id
    prefix: str  # proclitics before the name (normalized), e.g. "و" marks coordination
    w0: int = -1  # first and last word index
    w1: int = -1
    sector: str | None = None  # a new organization's sector from its head noun (extract/stages/ner.py)

    @property
    def is_role(self) -> bool:
        return self.kind == "role"

    @property
    def coordinated(self) -> bool:
        return self.prefix.startswith("و")


CONTEXT_KINDS = frozenset({"place", "person_short", "role"})
PERSON_KINDS = frozenset({"person", "person_short"})
ORG_KINDS = frozenset({"organization", "acronym"})
PLACE_KINDS = frozenset({"place", "capital"})
# kinds right before an ambiguous word that confirm it: "الجيش الإسرائيلي", "Egyptian army", "Myanmar's military"
NEAR_PREV_KINDS = frozenset({"role", "nisba", "demonym", "country"})
POSSESSIVE = frozenset({"'s", "’s", "'"})
OF_KINDS = frozenset({"country", "organization", "acronym"})  # what an English title takes after "of (the)"
OF_LINKS = frozenset({" of ", " of the "})


def phrase_kind(kind: str, target: str) -> str:
    """The kind a name has beside the words around it: a country's acronym ("US", "U.S.", "UK") acts as the country
    ("U.S. forces", "the US military" as "American forces"); it keeps the kind ``acronym`` for matching (the
    gazetteer matches acronyms case-sensitively)."""
    return "country" if kind == "acronym" and target.startswith("country:") else kind


def resolve(matches: list[GazMatch], text: str, common: frozenset[str] = frozenset(),
            country_of: dict[str, str] | None = None, org_country: dict[str, str] | None = None) -> list[Mention]:
    """Choose one entry per match and drop ambiguous names that lack support (see module docstring).
    ``country_of`` maps a place id to its country's entity id: a place named firmly supports its country's name
    ("AMMAN - Jordan called off": Amman confirms Jordan). ``org_country`` maps an organization id to its country's
    entity id: a nationality after an ambiguous organization name supports it only when it is that country's
    ("العدالة والتنمية التركي"); "القاعدة الأمريكية" is the American base, not al-Qaeda. So for an ambiguous place
    (``country_of``): "المدينة الإيطالية" is an Italian city, not Medina."""
    firm_targets: set[str] = set()
    chosen: list[tuple[GazMatch, object, bool]] = []
    memo = _choice_memo(common)
    for m in matches:
        got = memo.get(m.key)
        if got is None or got[0] is not m.entries:
            got = memo[m.key] = (m.entries, *_choose(m.entries, m.key in common))
        _entries, entry, is_weak = got
        chosen.append((m, entry, is_weak))
        if not is_weak:
            firm_targets.add(entry.target)
            if country_of is not None and entry.target in country_of:
                firm_targets.add(country_of[entry.target])
    if country_of:
        chosen = _places_of_named_countries(chosen, country_of, org_country or {})
    out: list[Mention] = []
    for idx, (m, entry, is_weak) in enumerate(chosen):
        if is_weak and (entry.kind == "role" or entry.target not in firm_targets):
            prev_e = chosen[idx - 1][1] if idx > 0 else None
            next_e = chosen[idx + 1][1] if idx + 1 < len(chosen) else None
            prev_m = chosen[idx - 1][0] if idx > 0 else None
            next_m = chosen[idx + 1][0] if idx + 1 < len(chosen) else None
            # a word joined by و starts something new ("الحكومة الليبية وطالب ب..." : and demanded), no apposition
            # nor one behind a clitic preposition: "طالب الحكومة السودانية بفتح الممرات" (opening, not Fatah)
            near_prev = (prev_e is not None and phrase_kind(prev_e.kind, prev_e.target) in NEAR_PREV_KINDS
                         and not m.prefix.startswith("و") and m.prefix.lstrip("وف")[:1] not in ("ب", "ل", "ك")
                         and (m.start - prev_m.end <= 2 or text[prev_m.end:m.start].strip() in POSSESSIVE
                              or _possessive_then_adjectives(text[prev_m.end:m.start])))
            near_next = next_e is not None and (
                (next_e.kind in ("nisba", "demonym") and next_m.start - m.end <= 2
                 and (entry.kind not in ORG_KINDS or (org_country or {}).get(entry.target) == next_e.target)
                 # "في المدينة الإيطالية" is the Italian city, not Medina: a place only by its own country's
                 and (entry.kind not in PLACE_KINDS or (country_of or {}).get(entry.target) == next_e.target))
                # a title after a person's name ("عباس رئيس السلطة"); after an organization's or a place's it is
                # no apposition: "فتح الجنود النار" (the soldiers opened fire), not Fatah
                or (next_e.kind == "role" and entry.kind in PERSON_KINDS and next_m.start - m.end <= 2)
                # an English title of a country or body: "the president of France", "leaders of the G7"
                or (entry.kind == "role" and next_e.kind in OF_KINDS and text[m.end:next_m.start] in OF_LINKS))
            # a country joined by و/and to another country named firmly ("جورجيا وروسيا", "Georgia and Russia")
            joined_state = entry.kind == "country" and (
                (next_e is not None and next_e.kind == "country" and not chosen[idx + 1][2]
                 and _joined(text, m.end, next_m.start, next_m.prefix))
                or (prev_e is not None and prev_e.kind == "country" and not chosen[idx - 1][2]
                    and _joined(text, prev_m.end, m.start, m.prefix)))
            if not (near_prev or near_next or joined_state or _country_after_preposition(text, m, entry)
                    or _possessive_country(text, m, entry)):
                continue
        if entry.kind == "person_short" and _after_other_first_name(text, m, chosen[idx - 1][0] if idx else None):
            continue  # "bassist Jack Bruce" is not the spokeswoman Tammy Bruce
        if entry.kind == "role" and m.key in _adjectival_roles() and not m.prefix \
                and _after_definite_noun(text, m, chosen[idx - 1][0] if idx else None):
            continue  # "المأكولات البحرية": an adjective of the noun before it (grammar adjectival_roles)
        out.append(Mention(m.start, m.end, text[m.start:m.end], entry.kind, entry.target, m.prefix))
    return out


def _places_of_named_countries(chosen: list, country_of: dict[str, str], org_country: dict[str, str]) -> list:
    """A place name several countries share is the one of a country the text names by itself (its name, its
    nationality or one of its bodies), which supports it: "الجيش اللبناني في طرابلس" is Lebanon's Tripoli, not
    Libya's capital the KB ranks first."""
    named = {entry.target for _m, entry, weak in chosen if not weak and entry.kind in ("country", "nisba", "demonym")}
    named |= {org_country[entry.target] for _m, entry, weak in chosen
              if not weak and entry.kind in ORG_KINDS and entry.target in org_country}
    if not named:
        return chosen
    out = chosen
    for idx, (m, entry, _weak) in enumerate(chosen):
        if entry.kind not in PLACE_KINDS or country_of.get(entry.target) in named or len(m.entries) < 2:
            continue
        alt = next((e for e in m.entries if e.kind in PLACE_KINDS and country_of.get(e.target) in named), None)
        if alt is not None:
            if out is chosen:
                out = list(chosen)
            out[idx] = (m, alt, False)
    return out


PREV_WORD = re.compile(r"(\S+)\s+$")
AND_WORDS = frozenset({"and", "&"})


def _joined(text: str, end: int, start: int, prefix: str) -> bool:
    """Are two names joined by a conjunction only: Arabic's clitic و on the second ("جورجيا وروسيا"), English
    "and" between ("Georgia and Russia")?"""
    between = text[end:start].strip()
    if prefix.startswith("و"):
        return between in ("", "و")
    return between.lower() in AND_WORDS


@cache
def _adjectival_roles() -> frozenset[str]:
    return grammar.words("adjectival_roles", "ar")


def _after_definite_noun(text: str, m: GazMatch, prev: GazMatch | None) -> bool:
    """Does the Arabic match ``m`` follow a definite word (ال) that is no name, right before it?"""
    got = PREV_WORD.search(text, max(0, m.start - 30), m.start)
    if got is None or (prev is not None and prev.end > got.start(1)):
        return False
    word = normalize_key(got.group(1))
    return word.startswith("ال") and len(word) > 3


def _possessive_then_adjectives(between: str) -> bool:
    """Is the text between two names a possessive and title adjectives only ("'s new" in "Iran's new president";
    grammar table ``en_title_adjectives``)?"""
    words = between.split()
    return len(words) >= 2 and words[0] in POSSESSIVE and all(w.lower() in _title_adjectives() for w in words[1:])


@cache
def _title_adjectives() -> frozenset[str]:
    return grammar.words("en_title_adjectives", "en")


def _possessive_country(text: str, m: GazMatch, entry) -> bool:
    """Is an English country name that needs context followed by the possessive ("praised Jordan's support"), with
    no capitalized word right before it ("Michael Jordan's" is a surname)? A person's name is no owner of a state's
    acts; the possessive names the country."""
    if entry.kind != "country" or not m.key.isascii() or text[m.end:m.end + 2] not in ("'s", "’s"):
        return False
    return FIRST_NAME.search(text, max(0, m.start - 40), m.start) is None


def _country_after_preposition(text: str, m: GazMatch, entry) -> bool:
    """Is an Arabic country name that is also a common word, and no other entity's, governed by a preposition — a
    separate one (grammar table ``prepositions``: "انسحبت القوات من مالي") or a clitic ("بمالي")? An adjective
    ("دعم مالي", financial) never stands right after one."""
    if entry.kind != "country" or m.key.isascii() or any(e.target != entry.target for e in m.entries):
        return False
    if m.prefix.lstrip("وف")[:1] in ("ب", "ل"):
        return True
    prev = PREV_WORD.search(text, max(0, m.start - 24), m.start)
    return prev is not None and normalize_key(prev.group(1)) in _separate_prepositions()


@cache
def _separate_prepositions() -> frozenset[str]:
    return grammar.words("prepositions", "ar")


FIRST_NAME = re.compile(r"\b([A-Z][a-z]+) $")
SENTENCE_OPENERS = frozenset('.!?:"\'“«(\n')  # a capitalized word after one of these may only open the sentence


def _after_other_first_name(text: str, m: GazMatch, prev: GazMatch | None) -> bool:
    """Does an English short name (a surname) follow a capitalized word that is no name the gazetteer knows, inside
    its sentence ("Jack Bruce", "Michael Jordan")? Then it is the surname of someone else; a title or a first name
    the KB lists is a match of its own ("President Bruce", "Tammy Bruce" is matched whole)."""
    if not m.key.isascii() or not text[m.start:m.start + 1].isupper():
        return False
    before = FIRST_NAME.search(text, max(0, m.start - 40), m.start)
    if before is None:
        return False
    opening = text[max(0, before.start(1) - 3):before.start(1)].rstrip()
    if not opening or opening[-1] in SENTENCE_OPENERS:
        return False  # "Yesterday Bruce said": the sentence's first word
    return prev is None or prev.end <= before.start(1)


def _choose(entries: tuple, common_word: bool) -> tuple[object, bool]:
    """The entry a name resolves to — the best-ranked one that needs no context, else the best-ranked one — and
    whether it is weak (needs context: flagged so, or a place/short name/role spelled like a common word)."""
    ranked = sorted(entries, key=lambda e: (KIND_RANK.get(e.kind, 9), -e.priority))
    weak = {id(e) for e in ranked if e.needs_context or (e.kind in CONTEXT_KINDS and common_word)}
    firm = [e for e in ranked if id(e) not in weak]
    entry = firm[0] if firm else ranked[0]
    return entry, id(entry) in weak


# the choice per name depends only on its entries and on the common-word list: memoized per list (held here, so
# its id is not reused) and per key, and checked against the very entries tuple (a cased English name's entries
# are filtered per document, and recomputed when the case rules out one of them)
_CHOICES: dict[int, tuple[frozenset[str], dict[str, tuple[tuple, object, bool]]]] = {}


def _choice_memo(common: frozenset[str]) -> dict[str, tuple[tuple, object, bool]]:
    got = _CHOICES.get(id(common))
    if got is None or got[0] is not common:
        if len(_CHOICES) > 16:
            _CHOICES.clear()
        got = _CHOICES[id(common)] = (common, {})
    return got[1]

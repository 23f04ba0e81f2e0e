"""Within-document merging: one event told twice becomes one event that keeps every telling.

Five rules, applied in order:
  1. identical tellings - same type, CAMEO code, modality and source/target codes, and either the same normalized
     trigger or the same evidence text (a repeated line); a body telling leads a headline one;
  2. one sentence, one event per act - a telling and the act a preposition introduces after it ("قتل جنديان في
     انفجار عبوة ناسفة", coding rule act-of-the-tellings) are one event whatever their roles; two triggers of the
     same type and modality in one sentence whose CAMEO codes
     can tell one act (equal, one refining the other, one the root's generic code, or a pair of coding rule
     one-act-codes: a killing and its bombing) and whose actors are
     compatible (one side's codes contained in the other's) are one event, kept with the richer actors; a telling
     of an act's outcome (coding rule result-tellings: "مما أسفر عن مقتل") joins the first event of its type in its
     sentence whatever its roles; a demonstration, a blocked road and a riot told in one sentence by one crowd
     (coding rule protest-tactics: sources sharing a country, or one naming none) are one protest; an adverb of
     grammar table later_words ("ولاحقا", "and later") splits its sentence into episodes, merged apart;
  3. headlines - an event in a headline line (no final punctuation) joins a body event of the same type whose
     source shares a country with it (or when the headline names no source); the body telling becomes the evidence.
  4. tolls - an ASSAULT with no attacker told within two sentences after an attack, with no other town, country or
     time, is that attack's toll or detail ("وقالت وزارة الصحة إن خمسة أشخاص قتلوا") and joins it; one in another
     town or at another time ("وبعد ساعات انفجرت سيارة مفخخة في حمص") is an act of its own.
  5. anaphoric restatements (``restatements``, run on the events the decision layer kept) - a definite verbal noun
     ("المحادثات", "the talks") told in a later sentence, of the type of an earlier event, with a CAMEO code that can
     tell its act, compatible actors and modality, and no other time or place, names that event again (coding rule
     anaphoric-restatements) and joins it: eval/GUIDELINES.md codes an act once, from its first telling.
Before them, a claim of responsibility (CAMEO 015, "وأعلنت حركة الشباب مسؤوليتها عنه", "تبنته") names the attacker
of the attacks told earlier in its sentence that have none, or only unnamed gunmen; the claim stays an event.
A statement (CAMEO 01, no PLOVER type) whose verb introduces another event later in its sentence ("أعلنت X سحب
قواتها", "وشددت X على أن البلاد تعتزم إعادة النظر") only carries it and is dropped; a plain statement (010) is
dropped from any sentence that holds a typed event ("ونفت الوزارة الاتهامات، ووصفت القرار بأنه ..."), as
eval/GUIDELINES.md codes it. The merged event keeps the highest confidence, the union of quantities, the first
location and time.
Imports: marsad.model, marsad.kb (the grammar tables).
"""
from __future__ import annotations

from ..kb import grammar
from ..model import ACTOR_SECTORS, UNNAMED_ARMED, Event, implicit_attacker

TELLING = {"asserted", "reported"}  # the same event, told directly or through a source
HEADLINE_END = tuple(sorted(grammar.words("headline_end")))  # a sentence ends with one; a headline does not


def _codes(actors) -> set[str]:
    return {a.code for a in actors}


def _code_key(actors) -> tuple[str, ...]:
    """The actors' codes, each once, sorted (a key of identical tellings); one actor is the common case."""
    if len(actors) == 1:
        return (actors[0].code,)
    return tuple(sorted({a.code for a in actors}))


def _countries(actors) -> set[str]:
    return {a.code[:3] for a in actors if a.code}


class _Folded:
    """What each kept event holds already (its evidences, its quantities' spans), as sets kept beside the lists:
    folding the n-th telling of a repeated sentence into an event costs O(1), not O(n) (20,000 repeats of one
    sentence were 2*10^8 comparisons). Keyed by ``id()``: every event stays alive for the whole merge."""

    def __init__(self) -> None:
        self._sets: dict[int, tuple[Event, set, set]] = {}

    def of(self, kept: Event) -> tuple[set, set]:
        got = self._sets.get(id(kept))
        if got is None or got[0] is not kept:
            got = (kept, set(kept.evidences), {(q.start, q.end) for q in kept.quantities})
            self._sets[id(kept)] = got
        return got[1], got[2]


def _absorb(kept: Event, ev: Event, lead: bool = False, folded: _Folded | None = None) -> None:
    """Fold ``ev`` into ``kept``; with ``lead`` the absorbed telling's evidence goes last (kept is the body)."""
    evidences, seen = (folded or _Folded()).of(kept)
    if ev.evidence not in evidences:
        kept.evidences.append(ev.evidence)
        evidences.add(ev.evidence)
    kept.confidence = max(kept.confidence, ev.confidence)
    added = [q for q in ev.quantities if (q.start, q.end) not in seen]
    kept.quantities.extend(added)
    seen.update((q.start, q.end) for q in added)
    if kept.location is None:
        kept.location = ev.location
    if kept.time is None or (kept.time.relation == "document-date" and ev.time is not None
                             and ev.time.relation != "document-date"):
        kept.time = ev.time or kept.time
    if not lead:
        if len(_codes(ev.source)) > len(_codes(kept.source)) or (
                ev.source and named_countries(ev.source) and not named_countries(kept.source)):
            kept.source = ev.source  # the richer, or a named one over unnamed attackers ("قتل ... في غارة إسرائيلية")
        if len(_codes(ev.target)) > len(_codes(kept.target)):
            kept.target = ev.target


def named_countries(actors) -> set[str]:
    """The countries of the actors other than unnamed armed men ("مسلحون", an attack's implicit attackers): those
    fit any attacker another telling names."""
    return _countries([x for x in actors if not (x.entity is None and x.code[-3:] in UNNAMED_ARMED)])


def _compatible(a: Event, b: Event) -> bool:
    """Can two tellings have the same actors: each side's countries contained in the other's, and no actor one
    telling's source and the other's target? (Whole codes for that last test: unnamed gunmen of a place, IRQUAF,
    are not the victims of that place, IRQ, that a toll names.)"""
    sa, sb, ta, tb = named_countries(a.source), named_countries(b.source), _countries(a.target), _countries(b.target)
    return (sa <= sb or sb <= sa) and (ta <= tb or tb <= ta) \
        and not (_codes(a.source) & _codes(b.target)) and not (_codes(b.source) & _codes(a.target))


def _same_act(a: str, b: str, one_act: tuple[tuple[str, str], ...] = ()) -> bool:
    """Can two CAMEO codes tell one act: the same code, one refining the other ("19" / "195"), one the generic
    "not specified" code of the other's root ("190" / "1832"), or a pair of ``one_act`` prefixes (coding rule
    one-act-codes: a killing and its bombing, "190" / "1832")? "seized power and detained" (171, 173) are two."""
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    if a[:2] == b[:2] and (a[2:] == "0" or b[2:] == "0"):
        return True
    return any((a.startswith(x) and b.startswith(y)) or (a.startswith(y) and b.startswith(x)) for x, y in one_act)


def _is_headline(ev: Event) -> bool:
    text = ev.evidence.text.rstrip()
    return bool(text) and not text.endswith(HEADLINE_END) and len(text) < 160


CASUALTY_SPAN = 2  # sentences after an attack in which a victims-only count is its toll


def _carrier(ev: Event, last_typed: dict[int, int], last_other: dict[int, int]) -> bool:
    """Does a statement only carry another event of its sentence: any statement before a typed event, a plain one
    (010) anywhere in a sentence with a typed event or before an event that is not a plain statement?"""
    if ev.type is not None or not ev.cameo.startswith("01"):
        return False
    if ev.sentence in last_typed and (ev.cameo == "010" or ev.trigger.start < last_typed[ev.sentence]):
        return True
    return ev.cameo == "010" and ev.trigger.start < last_other.get(ev.sentence, -1)


CLAIM_CAMEO = "015"


def credit_claims(events: list[Event]) -> None:
    """A claim's source becomes the source of the earlier attacks of its sentence that name no attacker."""
    attacks: dict[int, list[Event]] = {}  # sentence -> its attacks (a claim looks in its own sentence only)
    for ev in events:
        if ev.type == "ASSAULT":
            attacks.setdefault(ev.sentence, []).append(ev)
    for claim in events:
        if claim.cameo != CLAIM_CAMEO or not claim.source or any(a.entity is None for a in claim.source):
            continue
        for ev in attacks.get(claim.sentence, ()):
            if ev.trigger.start < claim.trigger.start \
                    and all(a.entity is None and a.code[-3:] in UNNAMED_ARMED for a in ev.source):
                ev.source = list(claim.source)
                claimed = {a.code for a in claim.source}
                ev.target = [a for a in ev.target if a.code not in claimed]  # "هجوم ... تبنته X": X is no target


def _result_telling(ev: Event, results: frozenset[str]) -> bool:
    """Is the trigger one that tells the outcome of an act (coding rule result-tellings: "أسفر عن مقتل")?"""
    rule = ev.rule or ""
    return rule in results or rule.split(".vso", 1)[0] in results


def _tactic(code: str, tactics: frozenset[str]) -> bool:
    """Is a CAMEO code one of the protest tactics (coding rule protest-tactics), or the generic code of their root?"""
    return code in tactics or any(code == t[:2] + "0" for t in tactics)


def _one_crowd(a: Event, b: Event) -> bool:
    """Can two protest tellings be one crowd's: sources that share a country, or one naming none?"""
    ca, cb = (named_countries(x.source) - ACTOR_SECTORS for x in (a, b))  # "EDU", "CVL": a sector, no country
    return not ca or not cb or bool(ca & cb)


def merge_events(events: list[Event], trigger_keys: list[str],
                 one_act: tuple[tuple[str, str], ...] = (), results: frozenset[str] = frozenset(),
                 linked: frozenset[tuple[int, int]] = frozenset(),
                 tactics: frozenset[str] = frozenset(), episodes: dict[int, int] | None = None,
                 purposes: frozenset[tuple[int, int]] = frozenset()) -> list[Event]:
    """Rules 1-4 (the module's docstring). ``linked``: (id of a telling, id of the act a preposition introduces
    after it in its sentence) pairs (coding rule act-of-the-tellings: "قتل جنديان في انفجار عبوة"); ``tactics``:
    the CAMEO codes of coding rule protest-tactics; ``episodes``: id of an event -> its episode in its sentence
    (0 when absent; grammar table later_words: "ولاحقا", "and later"), rule 2 merges inside one episode only;
    ``purposes``: (id of a telling, id of the act it was for) pairs (coding rule purpose-of-the-act: "met X to
    discuss", "اجتمع بنظيره لبحث"), one event with the telling's roles."""
    episodes = episodes or {}
    credit_claims(events)
    # statements that only carry or comment on another event of their sentence ("أعلنت X سحب ...",
    # "ونفت الوزارة الاتهامات، ووصفت القرار بأنه ...")
    # (a plain statement, 010, anywhere in a sentence with a typed event; another 01x only before that event)
    last_typed: dict[int, int] = {}  # sentence -> start of the last typed trigger in it
    last_other: dict[int, int] = {}  # sentence -> start of the last trigger of an event other than a plain statement
    for ev in events:
        if ev.type is not None:
            last_typed[ev.sentence] = max(last_typed.get(ev.sentence, -1), ev.trigger.start)
        if ev.cameo != "010":
            last_other[ev.sentence] = max(last_other.get(ev.sentence, -1), ev.trigger.start)
    folded = _Folded()
    pairs = [(ev, k) for ev, k in zip(events, trigger_keys)
             if ev.type is not None or not _carrier(ev, last_typed, last_other)]
    # 1. identical tellings
    out: list[Event] = []
    index: dict[tuple, int] = {}
    for ev, tkey in pairs:
        base = (ev.type, ev.cameo, ev.modality, _code_key(ev.source), _code_key(ev.target))
        keys = (base + ("t", tkey), base + ("e", ev.evidence.text))
        hit = index.get(keys[0])
        if hit is None:
            hit = index.get(keys[1])
        if hit is None:
            out.append(ev)
            for k in keys:
                index[k] = len(out) - 1
        else:
            if _is_headline(out[hit]) and not _is_headline(ev):  # the body telling leads, the headline joins it
                _absorb(ev, out[hit], lead=True, folded=folded)
                out[hit] = ev
            else:
                _absorb(out[hit], ev, folded=folded)
            for k in keys:
                index.setdefault(k, hit)
    # 2. one sentence, one event per type and modality
    merged: list[Event] = []
    same_type: dict[tuple, list[Event]] = {}  # (sentence, type, episode) -> the merged events with it, in order
    acts: dict[int, set[int]] = {}  # id of an act -> ids of the tellings before it (coding rule act-of-the-tellings)
    for a, b in linked:
        acts.setdefault(b, set()).add(a)
    aims: dict[int, set[int]] = {}  # id of a purpose -> ids of the tellings of the act it was for
    for a, b in purposes:
        aims.setdefault(b, set()).add(a)
    owner: dict[int, int] = {}  # id of a telling merged away -> id of the event that holds it
    for ev in out:
        episode = (ev.sentence, ev.type, episodes.get(id(ev), 0))
        peers = same_type.get(episode, ()) if ev.type is not None else ()
        twin = next((m for m in peers if (m.modality == ev.modality or {m.modality, ev.modality} <= TELLING)
                     and _same_act(m.cameo, ev.cameo, one_act) and _compatible(m, ev)), None) if peers else None
        if twin is None and peers and _result_telling(ev, results):
            # "… مما أسفر عن مقتل جنديين": the outcome of the act told before it, whatever roles it got
            twin = next((m for m in peers if m.modality == ev.modality or {m.modality, ev.modality} <= TELLING), None)
            if twin is not None:  # the act's roles stand; the outcome brings its victims only when the act has none
                ev.source = twin.source
                if twin.target:
                    ev.target = twin.target
        if twin is None and peers and id(ev) in acts:
            # "قتل جنديان وأصيب ثلاثة في انفجار عبوة": the act that killed them, whatever roles each telling got
            twin = _linked_twin(ev, peers, acts[id(ev)], owner)
            if twin is not None:  # the act names the attacker; the telling before it, the victims
                if (_named_attacker(ev) or not twin.source) and not _codes(ev.source) & _codes(twin.target):
                    twin.source = ev.source  # (not when the act's "attacker" is the telling's victims)
                if not twin.target:  # the act's own targets, never its attackers ("يقودها انتحاري"): with none
                    # left the victims' count gives them later (stages/victims.py)
                    twin.target = [a for a in ev.target
                                   if a.code[-3:] not in UNNAMED_ARMED and a.code not in _codes(twin.source)]
                ev.source, ev.target = twin.source, twin.target
        if twin is None and peers and id(ev) in aims:
            # "met his counterpart to discuss the crisis": what the meeting was for; its roles are the meeting's
            twin = _linked_twin(ev, peers, aims[id(ev)], owner)
            if twin is not None:
                ev.source, ev.target = twin.source, twin.target
        if twin is None and peers and _tactic(ev.cameo, tactics):
            # "تجمع المحتجون وقطعوا الطريق وأحرقوا الإطارات": the tactics of one protest
            twin = next((m for m in peers if _tactic(m.cameo, tactics) and _one_crowd(m, ev)
                         and (m.modality == ev.modality or {m.modality, ev.modality} <= TELLING)), None)
        if twin is None:
            merged.append(ev)
            same_type.setdefault(episode, []).append(ev)
        else:
            owner[id(ev)] = id(twin)
            _absorb(twin, ev, folded=folded)
    # 3. headline tellings join the body
    final: list[Event] = []
    headline = [_is_headline(ev) for ev in merged]
    heads = [ev for ev, is_head in zip(merged, headline) if is_head]
    body = [ev for ev, is_head in zip(merged, headline) if not is_head]
    final.extend(body)
    firsts = _BodyIndex(body)
    for h in heads:
        twin = firsts.twin(h)
        if twin is None:
            final.append(h)
        else:
            _absorb(twin, h, lead=True, folded=folded)
    final.sort(key=lambda e: (e.evidence.start, e.trigger.start))
    return _casualty_reports(final, folded)


def _linked_twin(ev: Event, peers: list[Event], tellings: set[int], owner: dict[int, int]) -> Event | None:
    """The first of ``peers`` that holds one of ``tellings`` (ids of the earlier tellings linked to ``ev``, each
    perhaps merged into another event since: ``owner``) with a modality that can tell the same act."""
    before = {owner.get(a, a) for a in tellings}
    return next((m for m in peers if id(m) in before
                 and (m.modality == ev.modality or {m.modality, ev.modality} <= TELLING)), None)


class _BodyIndex:
    """Which body event a headline joins (rule 3): among the body events of its type whose source shares a country
    with the headline's (all of its type when the headline names no source), the first that tells the same act,
    else the first. Kept as the first body event of each (type, country, CAMEO code) and of each (type, country),
    country "*" standing for any: a headline looks at a few CAMEO codes, never at every body event (that was
    quadratic in a long text of headlines)."""

    def __init__(self, body: list[Event]) -> None:
        self.by_code: dict[tuple, dict[str, int]] = {}  # (type, country) -> CAMEO code -> first body position
        self.body = body
        for pos, b in enumerate(body):
            if b.type is None:
                continue
            for country in _countries(b.source) | {"*"}:
                self.by_code.setdefault((b.type, country), {}).setdefault(b.cameo, pos)

    def twin(self, h: Event) -> Event | None:
        if h.type is None:
            return None
        same_act: int | None = None
        first: int | None = None
        for country in (_countries(h.source) if h.source else ("*",)):
            codes = self.by_code.get((h.type, country))
            if not codes:
                continue
            for code, pos in codes.items():
                first = pos if first is None else min(first, pos)
                if _same_act(code, h.cameo) and (same_act is None or pos < same_act):
                    same_act = pos
        pos = same_act if same_act is not None else first
        return None if pos is None else self.body[pos]


def _named_attacker(ev: Event) -> bool:
    """Does the event name its attacker (not only the unidentified attackers the coder gives an attack that names
    none)?"""
    return any(not implicit_attacker(a, ev) for a in ev.source)


def _casualty_reports(events: list[Event], folded: _Folded | None = None) -> list[Event]:
    """4. A count of victims or an attack with no attacker ("قتل 30 شخصا", "at least 250 people had been killed",
    "فجر انتحاري نفسه") in the sentences right after an attack, with no other town, country or time, is that
    attack's toll or a detail of it, not a second attack: it joins the attack (evidence, quantities, targets)."""
    out: list[Event] = []
    prev: Event | None = None  # the last attack kept so far
    for ev in events:
        if (ev.type == "ASSAULT" and not _named_attacker(ev) and prev is not None and _named_attacker(prev)
                and _same_when_where(prev, ev)
                and 0 < ev.sentence - prev.sentence <= CASUALTY_SPAN
                and ev.modality in TELLING and prev.modality in TELLING):
            _absorb(prev, ev, folded=folded)
            continue
        out.append(ev)
        if ev.type == "ASSAULT":
            prev = ev
    return out


def _same_when_where(a: Event, b: Event) -> bool:
    """Do two tellings leave room for one act: no two different explicit times, no two different towns or
    countries?"""
    ta = a.time.value if a.time is not None and a.time.relation != "document-date" else None
    tb = b.time.value if b.time is not None and b.time.relation != "document-date" else None
    if ta and tb and ta != tb:
        return False
    la, lb = a.location, b.location
    if la is None or lb is None or la.entity == lb.entity or la.name == lb.name:
        return True
    if la.country and lb.country and la.country != lb.country:
        return False  # two countries, or places in two countries
    # two towns are two places; a country or a region holds a town (regions are not resolved to their countries)
    return not (str(la.entity).startswith("place:") and str(lb.entity).startswith("place:"))


def restatements(events: list[Event], anaphoric: set[int], one_act: tuple[tuple[str, str], ...] = (),
                 span: int = 30) -> list[Event]:
    """5. An event whose trigger is a definite verbal noun (``anaphoric``: ids of such events) told in a later
    sentence than an earlier event of its type that can be its act (CAMEO codes of one act, compatible actors, the
    same modality or two tellings, no other time or place) names that event again ("اجتماع ... ومن جوانب المحادثات
    ..."), at most ``span`` sentences before it: it joins the nearest such event. Background events never merge."""
    out: list[Event] = []
    for ev in events:
        twin = None
        if id(ev) in anaphoric and ev.type is not None and not ev.background:
            twin = next((k for k in reversed(out) if k.type == ev.type and 0 < ev.sentence - k.sentence <= span
                         and not k.background
                         and (k.modality == ev.modality or {k.modality, ev.modality} <= TELLING)
                         and _same_act(k.cameo, ev.cameo, one_act) and _compatible(k, ev)
                         and _same_when_where(k, ev)), None)
        if twin is None:
            out.append(ev)
        else:
            _absorb(twin, ev)
    return out

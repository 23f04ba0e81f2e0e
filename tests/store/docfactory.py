"""Hand-built CodedDocuments for store/export/analytics tests (no coder, no KB needed).

``make_doc(text, date, events=[EventSpec(...)])``: every actor surface word must occur in the text; its span is found
with ``str.find`` so all offsets are true offsets into the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.model import Actor, CodedDocument, Entity, Event, Location, Quantity, Span, TimeRef
from marsad.pipeline import doc_id_of

COUNTRIES = {  # surface -> (code, iso3, name)
    "Washington": ("USAGOV", "USA", "United States"), "Tokyo": ("JPNGOV", "JPN", "Japan"),
    "Beijing": ("CHNGOV", "CHN", "China"), "Cairo": ("EGYGOV", "EGY", "Egypt"),
    "Ankara": ("TURGOV", "TUR", "Turkey"), "UN": ("IGOUNO", None, "United Nations"),
    "واشنطن": ("USAGOV", "USA", "United States"), "طوكيو": ("JPNGOV", "JPN", "Japan"),
    "القاهرة": ("EGYGOV", "EGY", "Egypt"), "بكين": ("CHNGOV", "CHN", "China"),
}


@dataclass
class EventSpec:
    source: list[str]
    target: list[str]
    trigger: str
    type: str | None = "COOPERATE"
    cameo: str = "062"
    quad: int = 2
    goldstein: float = 6.4
    modality: str = "asserted"
    mode: str | None = None
    place: str | None = None
    quantity: str | None = None  # surface of a number in the text
    time: str | None = None
    background: bool = False  # a past act the text recalls as context, not news
    confidence: float = 0.8  # the decision layer's calibrated score, as stored


@dataclass
class DocSpec:
    text: str
    date: str | None = "2024-07-28"
    events: list[EventSpec] = field(default_factory=list)
    url: str | None = None


def _span(text: str, word: str, after: int = 0) -> Span:
    i = text.find(word, after)
    assert i >= 0, f"{word!r} not in text"
    return Span.of(text, i, i + len(word))


def make_doc(text: str, date: str | None = "2024-07-28", events: list[EventSpec] | None = None,
             url: str | None = None, lang: str | None = None) -> CodedDocument:
    did = doc_id_of(text)
    entities: dict[str, Entity] = {}
    for surface, (code, iso3, name) in COUNTRIES.items():
        start = text.find(surface)
        while start >= 0:
            ent = entities.get(code)
            if ent is None:
                ent = entities[code] = Entity(id=f"ent{len(entities) + 1}", kind="country" if iso3 else "organization",
                                              name=name, name_ar=None, code=code, country=iso3, sectors=["GOV"],
                                              lat=35.0 if iso3 else None, lon=139.0 if iso3 else None)
            ent.mentions.append(Span.of(text, start, start + len(surface)))
            start = text.find(surface, start + len(surface))
    out_events, quantities = [], []
    for n, spec in enumerate(events or [], 1):
        def actor(word: str) -> Actor:
            code = COUNTRIES[word][0]
            sp = _span(text, word)
            return Actor(code=code, entity=entities[code].id, text=word, start=sp.start, end=sp.end)

        trig = _span(text, spec.trigger)
        qs = []
        if spec.quantity:
            qsp = _span(text, spec.quantity)
            q = Quantity(kind="troops", value=float(spec.quantity.replace(",", "")), unit="troops", approx=False,
                         start=qsp.start, end=qsp.end, text=qsp.text, actor=actor(spec.source[0]).code[:3])
            qs.append(q)
            if q not in quantities:
                quantities.append(q)
        loc = None
        if spec.place:
            code, iso3, name = COUNTRIES[spec.place]
            loc = Location(name=name, country=iso3, lat=35.68, lon=139.69, entity=entities[code].id)
        when = None
        if spec.time:
            tsp = _span(text, spec.time)
            when = TimeRef(text=tsp.text, value=spec.time, relation="by", start=tsp.start, end=tsp.end)
        out_events.append(Event(
            id=f"e{n}", type=spec.type, mode=spec.mode, cameo=spec.cameo, quad_class=spec.quad,
            goldstein=spec.goldstein, source=[actor(w) for w in spec.source], target=[actor(w) for w in spec.target],
            modality=spec.modality, location=loc, time=when, quantities=qs, trigger=trig,
            evidence=Span.of(text, 0, len(text)), rule=f"test.rule{n}", confidence=spec.confidence,
            background=spec.background))
    if lang is None:
        lang = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    return CodedDocument(doc_id=did, lang=lang, date=date, kb_version="test-kb", text=text,
                         entities=list(entities.values()), events=out_events, quantities=quantities, times=[],
                         url=url, coder_version="test")


def sample_docs() -> list[CodedDocument]:
    """Five small documents: US-Japan cooperation, a planned event, a conflict, an Arabic one, an IGO one."""
    return [
        make_doc("Washington and Tokyo agreed to set up a joint command, officials in Tokyo said on Sunday.",
                 "2024-07-28", [EventSpec(["Washington"], ["Tokyo"], "joint command", place="Tokyo")],
                 url="https://example.org/a1"),
        make_doc("Tokyo plans to station 5000 troops near Washington's bases by 2027.",
                 "2024-08-03", [EventSpec(["Tokyo"], ["Washington"], "station", type="MOBILIZE", cameo="150",
                                          quad=4, goldstein=-7.2, modality="planned", quantity="5000",
                                          time="2027")]),
        make_doc("Beijing condemned the drills and accused Washington and Tokyo of provocation.",
                 "2024-08-15", [EventSpec(["Beijing"], ["Washington", "Tokyo"], "accused", type="ACCUSE",
                                          cameo="112", quad=3, goldstein=-2.0, mode="allege")]),
        make_doc("وقّعت واشنطن وطوكيو اتفاقاً دفاعياً جديداً في طوكيو.",
                 "2024-09-02", [EventSpec(["واشنطن"], ["طوكيو"], "وقّعت", type="SUPPORT", cameo="057",
                                          quad=1, goldstein=8.0, place="طوكيو")]),
        make_doc("The UN urged Cairo and Ankara to resume talks.",
                 "2024-09-10", [EventSpec(["UN"], ["Cairo", "Ankara"], "urged", type="REQUEST", cameo="1041",
                                          quad=3, goldstein=-4.0)]),
    ]


# An article that reports one new act and recalls an older one as context (sentences written for these tests).
BACKGROUND_TEXT = ("Cairo and Ankara reopened their embassies on Tuesday, a decade after Ankara expelled the "
                   "ambassador of Cairo in 2013 over the crisis that year.")


def background_doc(text: str = BACKGROUND_TEXT) -> CodedDocument:
    """``e1``: Cairo -> Ankara reopen embassies (news); ``e2``: Ankara -> Cairo expel, in 2013 (background)."""
    return make_doc(text, "2024-10-01", [
        EventSpec(["Cairo"], ["Ankara"], "reopened", type="COOPERATE", cameo="064", quad=2, goldstein=7.0),
        EventSpec(["Ankara"], ["Cairo"], "expelled", type="REDUCE", cameo="1663", quad=4, goldstein=-5.0,
                  time="2013", background=True)])


# Events with graded confidences, for the minimum-confidence filter (sentences written for these tests).
# Canonical events and their confidence: USA->JPN 0.95, CHN->JPN 0.70 (exactly on a bar of 0.7), CHN->USA 0.45,
# IGOUNO->EGY+TUR 0.30, EGY->TUR 0.85 and TUR->EGY 0.55 (one document, two events).
CONFIDENCE_TEXTS = {
    "pact": "Washington and Tokyo signed a defence pact in Tokyo on Monday.",
    "islands": "Beijing accused Tokyo of stoking tension near the islands.",
    "spying": "اتهمت بكين واشنطن بالتجسس على سفارتها.",
    "talks": "The UN urged Cairo and Ankara to hold talks, a diplomat said.",
    "envoys": "Cairo hosted envoys from Ankara on Sunday, and Ankara thanked Cairo for the welcome.",
}


def confidence_docs() -> list[CodedDocument]:
    t = CONFIDENCE_TEXTS
    return [
        make_doc(t["pact"], "2024-03-04", [EventSpec(["Washington"], ["Tokyo"], "signed", type="SUPPORT",
                                                     cameo="057", quad=1, goldstein=8.0, place="Tokyo",
                                                     confidence=0.95)]),
        make_doc(t["islands"], "2024-03-12", [EventSpec(["Beijing"], ["Tokyo"], "accused", type="ACCUSE",
                                                        cameo="112", quad=3, goldstein=-2.0, place="Tokyo",
                                                        confidence=0.70)]),
        make_doc(t["spying"], "2024-04-02", [EventSpec(["بكين"], ["واشنطن"], "اتهمت", type="ACCUSE", cameo="112",
                                                       quad=3, goldstein=-2.0, confidence=0.45)]),
        make_doc(t["talks"], "2024-04-20", [EventSpec(["UN"], ["Cairo", "Ankara"], "urged", type="REQUEST",
                                                      cameo="020", quad=1, goldstein=3.0, place="Cairo",
                                                      confidence=0.30)]),
        make_doc(t["envoys"], "2024-05-06", [
            EventSpec(["Cairo"], ["Ankara"], "hosted", type="CONSULT", cameo="043", quad=1, goldstein=2.8,
                      place="Cairo", confidence=0.85),
            EventSpec(["Ankara"], ["Cairo"], "thanked", type="SUPPORT", cameo="051", quad=1, goldstein=3.4,
                      confidence=0.55)]),
    ]

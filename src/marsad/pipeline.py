"""The one coding function: ``code(text, lang=None, date=None, url=None) -> CodedDocument``.

Pure and deterministic: the same text and KB version give the same output. The CLI, API, store and Spark job
all call it and none re-implements any part of it. ``Coder`` loads the resources once per process and runs the
stages of ``extract/stages`` in order (each timed when ``timings`` is given); it holds no coding rule itself.
"""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import time
from collections.abc import Callable
from contextlib import contextmanager
from functools import cache

from ._version import __version__
from .errors import BadDateError, CodingError, InputError
from .kb.coding_rules import load_coding_rules
from .extract.decision import load_model, sports_forms
from .extract.gazetteer import Gazetteer
from .extract.lexicon import get_lexicon
from .extract.stages import STAGES, DocState, Resources
from .extract.triggers import context_sets
from .kb import load_kb
from .model import CodedDocument
from .text import detect_language
from .text.clean import clean_text

CODER_VERSION = __version__
MAX_CHARS = 5_000_000
# a document date leaves room on both sides for "tomorrow", "last Tuesday", "next March": date arithmetic on the
# first or last day Python can hold overflows (found by fuzzing code: date 9999-12-31 with "tomorrow")
FIRST_DAY, LAST_DAY = dt.date(2, 1, 1), dt.date(9998, 12, 31)


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


def _country_of(kb, kind: str) -> dict[str, str]:
    """Entity id -> "country:XXX" for the KB entities of ``kind`` (place, organization) that name their country."""
    return {rid: f"country:{rec.raw['country']}" for rid, rec in kb.entities.items()
            if rec.kind == kind and rec.raw.get("country")}


def _unarmed_groups(kb, armed_sectors) -> frozenset[str]:
    """Ids of the KB roles of kind "group" none of whose sectors is armed (protesters, journalists, workers)."""
    armed = frozenset(armed_sectors)
    return frozenset(rid for rid, role in kb.roles.items()
                     if role.kind == "group" and armed.isdisjoint(role.sectors))


class Coder:
    """Holds everything loaded once (KB, gazetteer, lexicons, decision model, coding rules) and runs the stages."""

    def __init__(self, freeze_gc: bool = True) -> None:
        kb = load_kb()
        lexicon = get_lexicon()
        rules = load_coding_rules()
        self.kb = kb
        self.res = Resources(
            kb=kb, gazetteer=Gazetteer.for_kb(kb), lexicon=lexicon,
            country_of_place=_country_of(kb, "place"),  # a place named supports its country's name
            country_of_org=_country_of(kb, "organization"),  # a nationality supports only its own organizations
            institutions=frozenset(rid for rid, role in kb.roles.items() if role.kind == "institution"),
            # the unarmed group nouns a phrase form may spell out as its object ("تفريق المتظاهرين")
            group_roles=_unarmed_groups(kb, rules["politician-attacks-with-words"]["armed_sectors"]),
            context_sets=context_sets(lexicon), decision=load_model(), sports_forms=sports_forms(lexicon),
            rules=rules)
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

    def code(self, text: str, lang: str | None = None, date: str | dt.date | None = None, url: str | None = None,
             doc_id: str | None = None, timings: dict | None = None, *, min_confidence: float | None = None,
             all_candidates: bool = False, explain: bool = False, ner: bool = False,
             should_stop: Callable[[], bool] | None = None) -> CodedDocument:
        """Code one document. ``min_confidence`` replaces the decision model's threshold; ``all_candidates`` keeps
        every candidate the rules let through, with its score as confidence; ``explain`` fills ``doc.explain``;
        ``ner`` also finds names the KB does not know (Arabic; extract/stages/ner.py). ``should_stop`` is asked
        before each stage and at each trigger or name of the long stages (``DocState.checkpoint``); when it says
        yes, coding stops with ``CodingStopped`` (the server's time limit, or a client that left)."""
        if not isinstance(text, str):
            raise InputError(f"text must be a str, not {type(text).__name__}")
        if len(text) > MAX_CHARS:
            raise InputError(f"text has {len(text):,} characters; the limit is {MAX_CHARS:,} per document")
        text = clean_text(text)  # lone surrogates -> U+FFFD, offsets unchanged (text/clean.py)
        url = clean_text(url) if isinstance(url, str) else url
        day = as_date(date)
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            raise BadDateError(f"date {day.isoformat()} is outside the years 0002-9998 that the coder can resolve "
                               "relative dates in")
        if lang in (None, "", "auto"):
            lang = detect_language(text)
        if lang not in ("ar", "en", "other"):
            raise InputError(f"language {lang!r} is not supported: use ar, en or auto")
        doc = CodedDocument(doc_id=doc_id or doc_id_of(text), lang=lang, date=day.isoformat() if day else None,
                            kb_version=self.kb.version, text=text, url=url, coder_version=CODER_VERSION,
                            explain=[] if explain else None)
        if min_confidence is not None and not 0.0 <= min_confidence <= 1.0:
            raise InputError(f"min_confidence {min_confidence!r} must lie between 0 and 1")
        if lang == "other" or not text.strip():
            return doc
        threshold = 0.0 if all_candidates else min_confidence  # None: the decision model's threshold per type
        try:
            with _cyclic_gc_paused():
                self._run_stages(DocState(doc, text, lang, day, doc.explain, threshold, ner, should_stop), timings)
        except RecursionError as exc:  # pragma: no cover - defensive: a pathological input
            raise CodingError(f"document {doc.doc_id} could not be coded: {exc}", doc_id=doc.doc_id) from exc
        return doc

    def _run_stages(self, st: DocState, timings: dict | None) -> None:
        """Run every stage on ``st``. The work state (words, phrases, hits, builder ...) dies when this returns,
        while the cyclic collector is still paused, so the first collection after the document walks only the
        coded output: 0.2 of 1.9 CPU-s on 20,000 repeats of a sentence when the state outlived the pause."""
        timer = _Timer(timings)
        for run in STAGES:
            st.checkpoint(run.__name__)
            run(self.res, st)
            timer.lap(run.__name__)


def code(text: str, lang: str | None = None, date: str | dt.date | None = None, url: str | None = None,
         doc_id: str | None = None, timings: dict | None = None, *, min_confidence: float | None = None,
         all_candidates: bool = False, explain: bool = False, ner: bool = False,
         should_stop: Callable[[], bool] | None = None) -> CodedDocument:
    """Code one document. See the output contract in DESIGN.md; ``CodedDocument.to_dict()`` gives it."""
    return Coder.default().code(text, lang=lang, date=date, url=url, doc_id=doc_id, timings=timings,
                                min_confidence=min_confidence, all_candidates=all_candidates, explain=explain,
                                ner=ner, should_stop=should_stop)


def code_many(items, lang: str | None = None):
    """Code an iterable of texts or (text, date) pairs; yields CodedDocuments in order."""
    coder = Coder.default()
    for item in items:
        if isinstance(item, str):
            yield coder.code(item, lang=lang)
        else:
            text, date = item
            yield coder.code(text, lang=lang, date=date)

"""One Aho-Corasick automaton over every KB name, matched on the normalized view of a document.

Contract: ``Gazetteer.find(nt)`` returns leftmost-longest, word-bounded matches as ``GazMatch`` records whose
``start``/``end`` are offsets into the ORIGINAL text (``nt.to_original``), so ``text[start:end]`` is the mention.
A match may follow Arabic proclitics inside the same word (و ف ب ل ك and their pairs; "لل" for names that start
with "ال"): the proclitics are left out of the span. English acronyms written in capitals (US, UN, EU) match only
in capitals. The compiled automaton is cached on disk, keyed by the sha256 of the KB files and this module's
version, so a process pays the build once per KB version.

Imports: marsad.text, marsad.kb (NameEntry, and the proclitic table). Nothing else of marsad.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

import ahocorasick

from ..kb import clitics
from ..text import NormalizedText
from ..text.normalize import IdentityOffsets

GAZETTEER_VERSION = "1"

# proclitic sequences allowed before a name inside one written word (the rules are in marsad.kb.clitics)
_PROCLITICS = clitics.name_proclitics()
_AL_PROCLITICS = clitics.name_proclitics_before_al()  # before a name that starts with ال


@dataclass(slots=True)  # not frozen: a frozen dataclass pays object.__setattr__ per field, and a document has dozens
class GazMatch:
    start: int  # original-text offsets of the name (proclitics excluded)
    end: int
    nstart: int  # normalized-view offsets
    nend: int
    key: str
    entries: tuple  # NameEntry records sharing this key (several kinds possible: country name and place...)
    prefix: str  # the proclitics found before the name, normalized ("" when none)


def _cache_dir() -> Path:
    base = os.environ.get("MARSAD_CACHE_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return Path(xdg) / "marsad" if xdg else Path.home() / ".cache" / "marsad"


class Gazetteer:
    """Built once per KB (``Gazetteer.for_kb``); ``find`` is the hot path."""

    def __init__(self, automaton: "ahocorasick.Automaton", entries: dict[str, tuple]) -> None:
        self._auto = automaton
        self._entries = entries
        # keys with an English entry: only their matches need the capitalisation test (see _case_ok)
        self._cased = frozenset(k for k, es in entries.items() if any(e.lang == "en" for e in es))

    # ---- construction -------------------------------------------------------------------------
    @staticmethod
    def _build(names) -> tuple["ahocorasick.Automaton", dict[str, tuple]]:
        by_key: dict[str, list] = {}
        for entry in names:
            key = entry.key.strip()
            if len(key) < 2:
                continue
            by_key.setdefault(key, []).append(entry)
        entries = {k: tuple(sorted(v, key=lambda e: (-e.priority, e.kind, e.target))) for k, v in by_key.items()}
        auto = ahocorasick.Automaton()
        for key in entries:
            auto.add_word(key, (key, 0))
            # "لليابان" = ل + اليابان with the alef of ال dropped in writing
            if key.startswith("ال") and len(key) > 3:
                variant = "لل" + key[2:]
                if variant not in entries:
                    auto.add_word(variant, (key, 1))
        auto.make_automaton()
        return auto, entries

    @classmethod
    def for_kb(cls, kb) -> "Gazetteer":
        names = kb.names()
        fingerprint = hashlib.sha256(
            f"{GAZETTEER_VERSION}:{kb.fingerprint}:{len(names)}".encode()).hexdigest()[:32]
        path = _cache_dir() / f"gazetteer-{fingerprint}.pickle"
        try:
            with open(path, "rb") as fh:
                auto, keys = pickle.load(fh)
            index = {}
            for entry in names:
                index.setdefault(entry.key.strip(), []).append(entry)
            entries = {k: tuple(sorted(index[k], key=lambda e: (-e.priority, e.kind, e.target))) for k in keys}
            return cls(auto, entries)
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, AttributeError, ValueError):
            pass
        auto, entries = cls._build(names)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gaz-")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((auto, sorted(entries)), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:  # a read-only home is fine: we just rebuild next time
            pass
        return cls(auto, entries)

    # ---- matching -----------------------------------------------------------------------------
    def find(self, nt: NormalizedText) -> list[GazMatch]:
        norm = nt.norm
        n = len(norm)
        cands: list[tuple[int, int, str, str, int]] = []
        for end_idx, (key, skip) in self._auto.iter(norm):
            end = end_idx + 1
            start = end - (len(key) if skip == 0 else len(key))  # variant "لل"+key[2:] has len(key) too
            if end < n and (norm[end].isalnum() or norm[end] == "_"):  # a word character (alnum or _)
                continue
            # left boundary: start of word, or proclitics inside the same word
            ws = start
            while ws > 0 and (norm[ws - 1].isalnum() or norm[ws - 1] == "_") and start - ws <= 4:
                ws -= 1
            if ws > 0 and (norm[ws - 1].isalnum() or norm[ws - 1] == "_"):
                continue
            prefix = norm[ws:start]
            if prefix:
                allowed = _AL_PROCLITICS if key.startswith("ال") and skip == 0 else _PROCLITICS
                if prefix not in allowed:
                    continue
            if skip:
                prefix = prefix + "ل"
            cands.append((start + skip, end, key, prefix, ws))
        if not cands:
            return []
        cands.sort(key=lambda c: (c[4], -(c[1] - c[4])))
        out: list[GazMatch] = []
        last_end = -1
        text = nt.original
        # a view as long as its original maps every span to itself (``NormalizedText``: nothing deleted or expanded,
        # so no mark follows a name to be taken in); most documents are such, and the mapping is per match
        identity = type(nt.offsets) is IdentityOffsets
        for nstart, nend, key, prefix, ws in cands:
            if ws < last_end:
                continue
            entries = self._entries[key]
            ostart, oend = (nstart, nend) if identity else nt.to_original(nstart, nend)
            if key in self._cased:
                surface = text[ostart:oend]
                fitting = tuple(e for e in entries if _case_ok(e, surface))
                if len(fitting) < len(entries):
                    entries = fitting  # else the key's own tuple: what ``mentions.resolve`` memoizes its choice on
            if not entries:
                continue
            out.append(GazMatch(ostart, oend, nstart, nend, key, entries, prefix))
            last_end = nend
        return out


def _case_ok(entry, surface: str) -> bool:
    """Capitalised English names must not match lower-case words ("US" vs "us", "Chad" vs "chad")."""
    if entry.lang != "en":
        return True
    s = entry.surface
    if s.isupper() and len(s) <= 6:
        return surface == s or surface.replace(".", "") == s.replace(".", "")
    if s[:1].isupper():
        return surface[:1].isupper()
    return True

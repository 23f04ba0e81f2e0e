"""Actor codes explained: ``SDNREBRSF`` -> Sudan + rebels + Rapid Support Forces, in English and Arabic.

An actor code is a country (ISO3/CAMEO, ``---`` when the text names none) or an international prefix (``IGO``,
``UNO``, ``NGO``, ``EUR``, ``IMG``...) followed by 3-letter chunks: CAMEO sectors (``GOV``, ``MIL``, ``REB``...) or
the short code of an organization of the KB (``RSF`` of ``SDNREBRSF``). ``decode`` splits a code into those parts
and names each; a code that is exactly one organization's code also gets that organization's name. ``SECTORS`` is
the legend the dashboard and ``GET /v1/codes`` show.

Imports ``marsad.kb`` only.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from .loader import KnowledgeBase, load_kb

#: CAMEO sector and actor-type codes: English name, Arabic name.
SECTORS: dict[str, tuple[str, str]] = {
    "GOV": ("government", "حكومة"), "MIL": ("military", "الجيش"), "COP": ("police", "الشرطة"),
    "JUD": ("judiciary", "القضاء"), "LEG": ("legislature", "البرلمان"), "OPP": ("opposition", "المعارضة"),
    "REB": ("rebels", "متمردون"), "INS": ("insurgents", "مسلحون متمردون"), "SEP": ("separatists", "انفصاليون"),
    "SPY": ("intelligence service", "الاستخبارات"), "UAF": ("unidentified armed group", "مسلحون مجهولون"),
    "PRM": ("paramilitary force", "قوة شبه عسكرية"), "PTY": ("political party", "حزب سياسي"),
    "BUS": ("business", "قطاع الأعمال"), "CRM": ("criminals", "مجرمون"), "CVL": ("civilians", "مدنيون"),
    "EDU": ("education", "التعليم"), "ELI": ("elites", "النخب"), "JRN": ("journalists", "صحفيون"),
    "LAB": ("labour", "العمال"), "MED": ("media", "الإعلام"), "HLH": ("health", "الصحة"),
    "REF": ("refugees", "لاجئون"), "REL": ("religious", "جهة دينية"), "SOC": ("society", "المجتمع"),
    "AGR": ("agriculture", "الزراعة"), "DEV": ("development", "التنمية"), "ENV": ("environment", "البيئة"),
    "HRI": ("human rights", "حقوق الإنسان"), "MOD": ("moderates", "معتدلون"), "RAD": ("radicals", "متشددون"),
    "SET": ("settlers", "مستوطنون"), "PKO": ("peacekeepers", "قوات حفظ السلام"), "PRE": ("presidency", "الرئاسة"),
    "MUS": ("Muslims", "مسلمون"), "CHR": ("Christians", "مسيحيون"), "CTH": ("Catholics", "كاثوليك"),
    "PRO": ("Protestants", "بروتستانت"), "JEW": ("Jews", "يهود"), "HIN": ("Hindus", "هندوس"),
    "BUD": ("Buddhists", "بوذيون"), "SUN": ("Sunnis", "سنة"), "SHI": ("Shia", "شيعة"),
    "UNK": ("unknown", "غير معروف"), "ISM": ("Islamists", "إسلاميون"),
}
#: Prefixes that stand where a country would: international actors.
PREFIXES: dict[str, tuple[str, str]] = {
    "IGO": ("intergovernmental organization", "منظمة حكومية دولية"), "UNO": ("United Nations", "الأمم المتحدة"),
    "NGO": ("non-governmental organization", "منظمة غير حكومية"), "EUR": ("Europe", "أوروبا"),
    "IMG": ("international militant group", "جماعة مسلحة عابرة للحدود"),
    "MNC": ("multinational company", "شركة متعددة الجنسيات"), "NGM": ("non-governmental movement", "حركة غير حكومية"),
    "INT": ("international", "دولي"), "UIS": ("unidentified state actor", "جهة حكومية مجهولة"),
    "---": ("unknown country", "بلد غير مذكور"),
}
CODE_RE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")


@dataclass(frozen=True, slots=True)
class CodePart:
    """One 3-letter chunk of a code: ``kind`` country, no_country (``---``: the text names none), international,
    sector, organization or unknown."""

    code: str
    kind: str
    name: str | None
    name_ar: str | None
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class DecodedCode:
    """A code split into its parts; ``name``/``name_ar`` read the whole code (None when no part is known)."""

    code: str
    parts: tuple[CodePart, ...]
    name: str | None
    name_ar: str | None
    entity: str | None  # the KB organization whose code this is exactly, if only one has it
    known: bool  # every part was recognised

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def looks_like_code(text: str) -> bool:
    """``IRQGOV``, ``---REB``, ``SDNREBRSF``: upper-case 3-letter chunks (``---`` allowed first)."""
    return bool(CODE_RE.match(text))


def _org_index(kb: KnowledgeBase) -> dict[str, list]:
    out: dict[str, list] = {}
    for rec in kb.entities.values():
        if rec.kind == "organization" and rec.code:
            out.setdefault(rec.code, []).append(rec)
    return out


_ORG_INDEXES: dict[int, tuple[KnowledgeBase, dict[str, list]]] = {}  # id(kb) -> (kb kept alive, index)


def _orgs(kb: KnowledgeBase) -> dict[str, list]:
    got = _ORG_INDEXES.get(id(kb))
    if got is None or got[0] is not kb:
        got = _ORG_INDEXES[id(kb)] = (kb, _org_index(kb))
    return got[1]


def decode(code: str, kb: KnowledgeBase | None = None) -> DecodedCode:
    """Split ``code`` into country or prefix, sectors and organization, and name each part and the whole.

    A code that is not of the code shape (``looks_like_code``) comes back with no parts and ``known`` False.
    """
    kb = kb or load_kb()
    code = code.strip()
    if not looks_like_code(code):
        return DecodedCode(code, (), None, None, None, False)
    orgs = _orgs(kb)
    parts: list[CodePart] = []
    head = code[:3]
    country = kb.country(head)
    if head == "---":
        parts.append(CodePart(head, "no_country", *PREFIXES[head]))
    elif country is not None and head not in PREFIXES:
        parts.append(CodePart(head, "country", country.name, country.name_ar, country.id))
    elif head in PREFIXES:
        parts.append(CodePart(head, "international", *PREFIXES[head]))
    else:
        parts.append(CodePart(head, "unknown", None, None))
    for i in range(3, len(code), 3):
        chunk = code[i:i + 3]
        exact = orgs.get(code[:i + 3], [])
        if len(exact) == 1 and chunk not in SECTORS:
            rec = exact[0]
            parts.append(CodePart(chunk, "organization", rec.name, rec.name_ar, rec.id))
        elif chunk in SECTORS:
            parts.append(CodePart(chunk, "sector", *SECTORS[chunk]))
        elif chunk in PREFIXES and chunk != "---":
            parts.append(CodePart(chunk, "international", *PREFIXES[chunk]))
        else:
            parts.append(CodePart(chunk, "unknown", None, None))
    whole = orgs.get(code, [])
    entity = whole[0].id if len(whole) == 1 else None
    known = all(p.kind != "unknown" for p in parts)
    if entity is not None:
        name, name_ar = whole[0].name, whole[0].name_ar or whole[0].name
    elif any(p.name for p in parts):
        name = " – ".join(p.name or p.code for p in parts)
        name_ar = " – ".join(p.name_ar or p.name or p.code for p in parts)
    else:
        name = name_ar = None
    return DecodedCode(code, tuple(parts), name, name_ar, entity, known)


@lru_cache(maxsize=8192)
def names(code: str) -> tuple[str | None, str | None]:
    """(English, Arabic) name of ``code`` with the shipped KB, cached: for the API and exports."""
    got = decode(code)
    return got.name, got.name_ar


def entity_name_ar(entity_id: str | None) -> str | None:
    """The Arabic name of a KB entity (a place, region or country of an event location), or None."""
    rec = load_kb().entities.get(entity_id or "")
    return rec.name_ar if rec is not None else None


def legend() -> dict[str, Any]:
    """The sectors and international prefixes with their names, for a legend."""
    return {"sectors": [{"code": k, "name": v[0], "name_ar": v[1]} for k, v in sorted(SECTORS.items())],
            "prefixes": [{"code": k, "name": v[0], "name_ar": v[1]} for k, v in sorted(PREFIXES.items())]}

"""Generate src/marsad/kb/data/roles.jsonl: titles, institutions and group nouns WITHOUT a country.

Run: ``.venv/bin/python tools/kb/people_src/gen_roles.py`` (deterministic: running it twice gives the same file).

Arabic titles are written once as (head noun, complement) and inflected here: a construct head (``وزير``) gets
every form Arabic news uses -- masculine/feminine singular, construct dual (nominative ``وزيرا`` / oblique
``وزيري``), feminine dual, plural -- and a definite complement (``الخارجية``) is also emitted without the article
(``وزير خارجية``) because that is how the title reads before a country name (``وزير خارجية مصر``). Standalone
titles (``الرئيس``) get bare and definite forms, dual ``-ان/-ين`` and sound plurals. English forms are listed
by hand with their plurals. Sector codes follow CAMEO/PLOVER (see ../shared/reference/coding-schemes.md, beside the
repository).
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "src" / "marsad" / "kb" / "data" / "roles.jsonl"
SOURCES = "hand-written from Arabic and English news usage; sectors per CAMEO/PLOVER actor type codes"

# head noun -> inflections used as the FIRST member of a construct phrase (idafa)
HEADS: dict[str, list[str]] = {
    "وزير": ["وزير", "وزيرة", "وزيرا", "وزيري", "وزيرتا", "وزيرتي", "وزراء"],
    "رئيس": ["رئيس", "رئيسة", "رئيسا", "رئيسي", "رؤساء"],
    "نائب": ["نائب", "نائبة", "نائبا", "نائبي", "نواب"],
    "سفير": ["سفير", "سفيرة", "سفيرا", "سفيري", "سفراء"],
    "مبعوث": ["مبعوث", "مبعوثة", "مبعوثا", "مبعوثي", "مبعوثو"],
    "قائد": ["قائد", "قائدة", "قائدا", "قائدي", "قادة"],
    "مستشار": ["مستشار", "مستشارة", "مستشارا", "مستشاري", "مستشارو"],
    "محافظ": ["محافظ", "محافظا", "محافظي", "محافظو"],
    "مدير": ["مدير", "مديرة", "مديرا", "مديري", "مديرو", "مدراء"],
    "وكيل": ["وكيل", "وكيلة", "وكيلا", "وكيلي"],
    "متحدث": ["متحدث", "متحدثة", "متحدثا", "متحدثو"],
    "ناطق": ["ناطق", "ناطقة", "ناطقا", "ناطقو"],
    "عضو": ["عضو", "عضوة", "عضوا", "عضوي", "أعضاء"],
    "زعيم": ["زعيم", "زعيمة", "زعيما", "زعيمي", "زعماء"],
    "أمين": ["أمين", "أمينة"],
    "قاضي": ["قاضي", "قاضية", "قاضيا", "قضاة"],
    "عناصر": ["عنصر", "عناصر", "عنصرا", "عنصري"],
    "رجال": ["رجل", "رجال", "رجلا", "رجلي"],
    "أفراد": ["فرد", "أفراد", "فردا", "فردي"],
}

# standalone noun -> all forms (bare and definite are both produced from this list)
STANDALONE: dict[str, list[str]] = {
    "رئيس": ["رئيس", "رئيسة", "رئيسان", "رئيسين", "رؤساء"],
    "ملك": ["ملك", "ملكان", "ملكين", "ملوك"],
    "ملكة": ["ملكة"],
    "أمير": ["أمير", "أميران", "أميرين", "أمراء"],
    "سلطان": ["سلطان"],
    "وزير": ["وزير", "وزيرة", "وزيران", "وزيرين", "وزراء"],
    "سفير": ["سفير", "سفيرة", "سفيران", "سفيرين", "سفراء"],
    "مبعوث": ["مبعوث", "مبعوثة", "مبعوثان", "مبعوثين", "مبعوثون"],
    # no feminine "دبلوماسية": in news it is the adjective "diplomatic" (العلاقات الدبلوماسية) or "diplomacy"
    "دبلوماسي": ["دبلوماسي", "دبلوماسيان", "دبلوماسيين", "دبلوماسيون", "دبلوماسيا"],
    "قنصل": ["قنصل", "قناصل"],
    "جنرال": ["جنرال", "جنرالات"],
    "ضابط": ["ضابط", "ضابطة", "ضابطان", "ضابطين", "ضباط", "ضابطا"],
    "جندي": ["جندي", "جندية", "جنديان", "جنديين", "جنود", "جنديا"],
    "عسكري": ["عسكري", "عسكريان", "عسكريين", "عسكريون", "عسكريا"],
    "شرطي": ["شرطي", "شرطية", "شرطيان", "شرطيين", "شرطيون", "شرطيا"],
    "قاض": ["قاض", "قاضي", "قاضية", "قاضيان", "قاضيين", "قضاة"],
    "محافظ": ["محافظ", "محافظان", "محافظين", "محافظون"],
    "نائب": ["نائب", "نائبة", "نائبان", "نائبين", "نواب"],
    "برلماني": ["برلماني", "برلمانية", "برلمانيان", "برلمانيين", "برلمانيون"],
    "سيناتور": ["سيناتور", "سيناتورة", "سيناتوران", "سيناتورين"],
    "مسؤول": ["مسؤول", "مسؤولة", "مسؤولان", "مسؤولين", "مسؤولون", "مسؤولا"],
    "متظاهر": ["متظاهر", "متظاهرة", "متظاهران", "متظاهرين", "متظاهرون", "متظاهرات", "متظاهرا"],
    "محتج": ["محتج", "محتجة", "محتجان", "محتجين", "محتجون", "محتجات", "محتجا"],
    "مسلح": ["مسلح", "مسلحان", "مسلحين", "مسلحون", "مسلحا"],
    "مجهول": ["مجهولون", "مجهولين"],
    "خاطف": ["خاطف", "خاطفان", "خاطفين", "خاطفون"],  # kidnappers ("المختطفين" is also the kidnapped: left out)
    "متمرد": ["متمرد", "متمردان", "متمردين", "متمردون", "متمردا"],
    "مقاتل": ["مقاتل", "مقاتلان", "مقاتلين", "مقاتلون", "مقاتلا"],
    "معارض": ["معارض", "معارضة", "معارضان", "معارضين", "معارضون"],
    "لاجئ": ["لاجئ", "لاجئة", "لاجئان", "لاجئين", "لاجئون", "لاجئات", "لاجئا"],
    "نازح": ["نازح", "نازحة", "نازحين", "نازحون", "نازحات", "نازحا"],
    "مهاجر": ["مهاجر", "مهاجرة", "مهاجرين", "مهاجرون", "مهاجرا"],
    # no bare "طالب"/"طالبا": in news they are almost always the verb "طالب" (demanded) and "طالبا" (demanding)
    "طالب": ["طالبة", "طالبين", "طلاب", "طلبة", "طالبات"],
    "صحفي": ["صحفي", "صحفية", "صحفيان", "صحفيين", "صحفيون", "صحفيات", "صحفيا",
             "صحافي", "صحافية", "صحافيين", "صحافيون", "صحافيا", "إعلامي", "إعلامية", "إعلاميين", "إعلاميون"],
    "عامل": ["عمال", "عاملين", "عاملون", "عاملات"],
    "مدني": ["مدني", "مدنية", "مدنيان", "مدنيين", "مدنيون", "مدنيا"],
    "انتحاري": ["انتحاري", "انتحارية", "انتحاريان", "انتحاريين", "انتحاريون", "انتحاريا"],
    "ناشط": ["ناشط", "ناشطة", "ناشطان", "ناشطين", "ناشطون", "ناشطات", "نشطاء", "ناشطا"],
    "طبيب": ["طبيب", "طبيبة", "طبيبان", "طبيبين", "أطباء", "طبيبا"],
    "مزارع": ["مزارع", "مزارعين", "مزارعون", "فلاحين", "فلاحون"],
    "مستوطن": ["مستوطن", "مستوطنة", "مستوطنان", "مستوطنين", "مستوطنون", "مستوطنا"],
    "إرهابي": ["إرهابي", "إرهابيين", "إرهابيون", "إرهابيا"],
    "جهادي": ["جهادي", "جهاديين", "جهاديون", "جهاديا"],
    "مهرب": ["مهرب", "مهربين", "مهربون"],
    "معلم": ["معلم", "معلمة", "معلمين", "معلمون", "معلمات", "مدرسين", "مدرسون"],
    "محام": ["محام", "محامي", "محامية", "محامين", "محامون"],
    "ميليشيا": ["ميليشيا", "ميليشيات", "مليشيا", "مليشيات"],
    "متطرف": ["متطرف", "متطرفين", "متطرفون"],
}


def al(word: str) -> str:
    return word if word.startswith("ال") else "ال" + word


def standalone(noun: str, definite: bool = True, bare: bool = True) -> list[str]:
    out: list[str] = []
    forms = STANDALONE[noun]
    for form in forms:
        if bare:
            out.append(form)
        accusative = form.endswith("ا") and form[:-1] in forms  # جنديا: indefinite only
        if definite and not accusative:
            out.append(al(form))
    return out


def idafa(head: str, complement: str, strip_article: bool = True) -> list[str]:
    """Every inflection of HEAD + complement; also the article-less complement when it is definite."""
    comps = [complement]
    if strip_article and " " not in complement and complement.startswith("ال") and len(complement) > 3:
        comps.append(complement[2:])  # وزير خارجية (مصر): only one-word complements lose the article
    return [f"{h} {c}" for h in HEADS[head] for c in comps]


def en_plural(*names: str) -> list[str]:
    """English singular forms plus regular plurals of the last word (irregular ones are listed by hand)."""
    out: list[str] = []
    for n in names:
        out.append(n)
        words = n.split(" ")
        # the head noun is the word before the first preposition: "secretaries of state", "heads of government"
        head = next((i - 1 for i, w in enumerate(words) if w in ("of", "for", "to", "in") and i > 0), len(words) - 1)
        last = words[head]
        if last.endswith(("s", "sh", "ch", "x")):
            pl = last + "es"
        elif last.endswith("y") and last[-2:-1] not in "aeiou":
            pl = last[:-1] + "ies"
        elif last.endswith("man"):
            pl = last[:-3] + "men"
        else:
            pl = last + "s"
        out.append(" ".join(words[:head] + [pl] + words[head + 1:]))
    return out


ROLES: list[dict] = []


def role(rid: str, kind: str, sectors: list[str], ar: list[str], en: list[str], notes: str = "",
         post: str | None = None) -> None:
    seen: set[str] = set()
    names_ar = [x for x in ar if not (x in seen or seen.add(x))]
    seen = set()
    names_en = [x for x in en if not (x in seen or seen.add(x))]
    ROLES.append({"id": "role:" + rid, "kind": kind, "post": post or rid, "names_ar": names_ar,
                  "names_en": names_en, "sectors": sectors, "sources": SOURCES, "notes": notes})


def minister(rid: str, complements: list[str], en: list[str], sectors: list[str] | None = None,
             notes: str = "") -> None:
    ar: list[str] = []
    for c in complements:
        ar += idafa("وزير", c)
    role(rid, "title", sectors or ["GOV"], ar, en_plural(*en), notes)


def ministry(rid: str, complements: list[str], en: list[str], sectors: list[str] | None = None,
             notes: str = "") -> None:
    ar: list[str] = []
    for c in complements:
        ar += [f"وزارة {c}", f"وزارة {c[2:]}" if c.startswith("ال") else f"وزارة {c}"]
    role(rid, "institution", sectors or ["GOV"], ar, en, notes)


def build() -> list[dict]:
    ROLES.clear()
    # ---- heads of state and government -------------------------------------------------------------------
    role("president", "title", ["GOV"], standalone("رئيس") + idafa("رئيس", "الجمهورية")
         + idafa("رئيس", "البلاد", strip_article=False) + ["الرئيس الحالي"],
         en_plural("president") + ["President"],
         "head of state titled president (in presidential systems also head of government)")
    role("vice_president", "title", ["GOV"], idafa("نائب", "الرئيس") + idafa("نائب", "رئيس الجمهورية"),
         en_plural("vice president", "vice-president"))
    role("prime_minister", "title", ["GOV"], idafa("رئيس", "الوزراء") + idafa("رئيس", "الحكومة")
         + idafa("رئيس", "مجلس الوزراء"), en_plural("prime minister", "premier", "head of government")
         + ["PM"], "also covers 'head of government' and the Israeli/Japanese/Iraqi premiers")
    role("deputy_prime_minister", "title", ["GOV"], idafa("نائب", "رئيس الوزراء") + idafa("نائب", "رئيس الحكومة")
         + idafa("نائب", "رئيس مجلس الوزراء"), en_plural("deputy prime minister", "deputy premier"))
    role("king", "title", ["GOV"], standalone("ملك") + ["العاهل", "عاهل", "خادم الحرمين الشريفين", "جلالة الملك"],
         en_plural("king", "monarch") + ["His Majesty"])
    role("queen", "title", ["GOV"], standalone("ملكة") + ["جلالة الملكة"], en_plural("queen"),
         "reigning queen; also used for queens consort in news -- context decides")
    role("emir", "title", ["GOV"], standalone("أمير") + ["أمير البلاد", "سمو الأمير", "أمير دولة"],
         en_plural("emir", "amir"), "أمير also means 'prince' (Saudi royals): the person's record decides")
    role("crown_prince", "title", ["GOV"], ["ولي العهد", "ولي عهد", "وليا العهد", "سمو ولي العهد", "ولي العهد الأمير"],
         en_plural("crown prince"))
    role("sultan", "title", ["GOV"], standalone("سلطان") + ["جلالة السلطان"], en_plural("sultan"),
         "سلطان is also a given name; the title needs the article or the following name")
    role("chancellor", "title", ["GOV"], ["المستشار", "المستشارة", "المستشار الألماني", "المستشارة الألمانية",
                                           "المستشار النمساوي"],
         ["chancellor", "chancellors", "Chancellor"], "head of government of Germany/Austria; 'المستشار' alone is "
         "also 'adviser' -- the coder needs the country or the person")
    role("supreme_leader", "title", ["GOV", "REL"], ["المرشد الأعلى", "المرشد الأعلى للثورة", "مرشد الثورة",
                                                     "المرشد الإيراني", "قائد الثورة", "المرشد", "مرشد الجمهورية"],
         ["supreme leader", "Supreme Leader", "supreme leaders"], "Iran; 'المرشد' alone also heads the Muslim "
         "Brotherhood (المرشد العام)")
    role("emperor", "title", ["GOV"], ["الإمبراطور", "إمبراطور", "امبراطور", "الامبراطور"], en_plural("emperor"))
    role("head_of_state", "title", ["GOV"], idafa("رئيس", "الدولة") + ["رأس الدولة"], en_plural("head of state"),
         "generic post used for heads of state without a more specific title")
    role("presidential_council_chair", "title", ["GOV"],
         idafa("رئيس", "المجلس الرئاسي") + idafa("رئيس", "مجلس القيادة الرئاسي"),
         en_plural("chairman of the Presidential Council", "head of the Presidential Council",
                   "chairman of the Presidential Leadership Council"), "Libya (PC) and Yemen (PLC)")
    role("sovereign_council_chair", "title", ["GOV", "MIL"], idafa("رئيس", "مجلس السيادة")
         + idafa("رئيس", "مجلس السيادة الانتقالي"), en_plural("head of the Sovereign Council",
                                                             "chairman of the Sovereignty Council"), "Sudan")
    role("governor_general", "title", ["GOV"], ["الحاكم العام", "حاكم عام"],
         en_plural("governor-general", "governor general"))
    role("minister", "title", ["GOV"], standalone("وزير") + idafa("وزير", "الدولة") + ["الوزير المفوض"],
         en_plural("minister", "cabinet minister", "secretary of state for") + ["ministers of state"],
         "generic; 'وزير الدولة' = minister of state")
    # ---- ministers ---------------------------------------------------------------------------------------
    minister("foreign_minister", ["الخارجية", "الشؤون الخارجية", "الخارجية والتعاون الدولي"],
             ["foreign minister", "minister of foreign affairs", "secretary of state", "foreign secretary",
              "foreign affairs minister"], notes="US 'Secretary of State', UK 'Foreign Secretary'")
    minister("defense_minister", ["الدفاع", "الحربية", "الدفاع الوطني"],
             ["defense minister", "defence minister", "minister of defense", "minister of defence",
              "defense secretary", "defence secretary", "secretary of defense", "secretary of war"],
             ["MIL", "GOV"])
    minister("interior_minister", ["الداخلية", "الأمن الداخلي", "الأمن الوطني"],
             ["interior minister", "minister of the interior", "home secretary", "home minister",
              "homeland security secretary", "minister of internal affairs", "public security minister"],
             ["GOV", "COP"])
    minister("finance_minister", ["المالية", "الخزانة", "المالية والاقتصاد"],
             ["finance minister", "minister of finance", "treasury secretary", "chancellor of the exchequer"])
    minister("economy_minister", ["الاقتصاد", "الاقتصاد والتخطيط", "الاقتصاد الوطني"],
             ["economy minister", "economic affairs minister", "minister of economy", "economics minister"])
    minister("justice_minister", ["العدل", "العدالة"], ["justice minister", "minister of justice",
                                                      "attorney general", "justice secretary"], ["GOV", "JUD"])
    minister("oil_minister", ["النفط", "البترول", "البترول والثروة المعدنية", "النفط والثروة المعدنية"],
             ["oil minister", "petroleum minister", "minister of oil"])
    minister("energy_minister", ["الطاقة", "الطاقة والمناجم", "الكهرباء والطاقة", "الطاقة والبنية التحتية"],
             ["energy minister", "minister of energy", "energy secretary"])
    minister("electricity_minister", ["الكهرباء"], ["electricity minister"])
    minister("information_minister", ["الإعلام", "الاتصال", "الثقافة والإعلام"],
             ["information minister", "minister of information", "communication minister"])
    minister("health_minister", ["الصحة", "الصحة العامة", "الصحة والسكان"],
             ["health minister", "minister of health", "health secretary"], ["GOV", "HLH"])
    minister("education_minister", ["التربية", "التعليم", "التربية والتعليم", "التربية الوطنية"],
             ["education minister", "minister of education", "education secretary"], ["GOV", "EDU"])
    minister("higher_education_minister", ["التعليم العالي", "التعليم العالي والبحث العلمي"],
             ["higher education minister"], ["GOV", "EDU"])
    minister("trade_minister", ["التجارة", "التجارة والصناعة", "التجارة الخارجية"],
             ["trade minister", "commerce minister", "commerce secretary", "minister of trade"])
    minister("industry_minister", ["الصناعة", "الصناعة والثروة المعدنية"], ["industry minister"])
    minister("agriculture_minister", ["الزراعة", "الزراعة والري"], ["agriculture minister",
                                                                  "minister of agriculture"], ["GOV", "AGR"])
    minister("water_minister", ["الموارد المائية", "المياه", "الري"], ["water minister", "water resources minister",
                                                                   "irrigation minister"])
    minister("transport_minister", ["النقل", "النقل والمواصلات"], ["transport minister",
                                                                "transportation secretary"])
    minister("communications_minister", ["الاتصالات", "الاتصالات وتقنية المعلومات"],
             ["communications minister", "telecommunications minister"])
    minister("labour_minister", ["العمل", "العمل والشؤون الاجتماعية", "القوى العاملة"],
             ["labour minister", "labor minister", "labor secretary"], ["GOV", "LAB"])
    minister("social_affairs_minister", ["الشؤون الاجتماعية", "التضامن الاجتماعي", "التنمية الاجتماعية"],
             ["social affairs minister", "social solidarity minister"])
    minister("housing_minister", ["الإسكان", "الإسكان والتعمير"], ["housing minister"])
    minister("environment_minister", ["البيئة"], ["environment minister"])
    minister("tourism_minister", ["السياحة", "السياحة والآثار"], ["tourism minister"])
    minister("culture_minister", ["الثقافة"], ["culture minister", "minister of culture"])
    minister("religious_affairs_minister", ["الأوقاف", "الشؤون الإسلامية", "الأوقاف والشؤون الإسلامية",
                                            "الشؤون الدينية"],
             ["religious affairs minister", "endowments minister"], ["GOV", "REL"])
    minister("planning_minister", ["التخطيط", "التخطيط والتعاون الدولي"], ["planning minister"])
    minister("investment_minister", ["الاستثمار"], ["investment minister"])
    minister("youth_sports_minister", ["الشباب والرياضة", "الرياضة", "الشباب"], ["sports minister",
                                                                             "youth and sports minister"])
    minister("immigration_minister", ["الهجرة", "الهجرة والمهجرين", "الهجرة واللاجئين"],
             ["immigration minister", "migration minister"])
    minister("national_security_minister", ["الأمن القومي"], ["national security minister"], ["GOV", "COP"],
             "Israel's national security minister oversees the police")
    minister("intelligence_minister", ["الاستخبارات", "المخابرات"], ["intelligence minister"], ["GOV", "SPY"])
    minister("local_government_minister", ["الإدارة المحلية", "الحكم المحلي", "التنمية المحلية"],
             ["local government minister"])
    minister("public_works_minister", ["الأشغال العامة", "الأشغال العامة والإسكان"], ["public works minister"])
    minister("displaced_minister", ["المهجرين"], ["minister for the displaced"])
    minister("reconstruction_minister", ["إعادة الإعمار"], ["reconstruction minister"])
    role("deputy_foreign_minister", "title", ["GOV"], idafa("نائب", "وزير الخارجية") + idafa("وكيل", "وزارة الخارجية"),
         en_plural("deputy foreign minister", "deputy secretary of state", "vice foreign minister",
                   "undersecretary of state"))
    role("deputy_defense_minister", "title", ["MIL", "GOV"], idafa("نائب", "وزير الدفاع"),
         en_plural("deputy defense minister", "deputy defence minister", "deputy secretary of defense"))
    role("minister_of_state", "title", ["GOV"], idafa("وزير", "الدولة للشؤون الخارجية")
         + idafa("وزير", "الدولة لشؤون الدفاع"), en_plural("minister of state for foreign affairs",
                                                        "minister of state for defence affairs"))
    # ---- ministries and other state institutions --------------------------------------------------------
    ministry("foreign_ministry", ["الخارجية", "الشؤون الخارجية"],
             ["foreign ministry", "ministry of foreign affairs", "foreign office", "state department"])
    role("foreign_ministry_short", "institution", ["GOV"], ["الخارجية"],
         ["diplomacy"], "'الخارجية' alone (\"قالت الخارجية المصرية\") = the foreign ministry; 'الدبلوماسية' is left "
         "out: after a noun it is the adjective 'diplomatic' (قطع العلاقات الدبلوماسية)")
    ministry("defense_ministry", ["الدفاع", "الحربية"], ["defense ministry", "defence ministry",
                                                      "ministry of defense", "ministry of defence",
                                                      "defense department", "war department"], ["MIL", "GOV"])
    ministry("interior_ministry", ["الداخلية"], ["interior ministry", "ministry of the interior", "home office",
                                                "ministry of internal affairs"], ["GOV", "COP"])
    ministry("finance_ministry", ["المالية", "الخزانة"], ["finance ministry", "treasury"])
    ministry("health_ministry", ["الصحة"], ["health ministry", "ministry of health"], ["GOV", "HLH"])
    ministry("justice_ministry", ["العدل"], ["justice ministry", "justice department"], ["GOV", "JUD"])
    ministry("economy_ministry", ["الاقتصاد", "التجارة"], ["economy ministry", "commerce ministry",
                                                        "trade ministry"])
    ministry("oil_ministry", ["النفط", "البترول", "الطاقة"], ["oil ministry", "energy ministry",
                                                           "petroleum ministry"])
    ministry("information_ministry", ["الإعلام"], ["information ministry"])
    ministry("education_ministry", ["التربية", "التعليم", "التربية والتعليم"], ["education ministry"],
             ["GOV", "EDU"])
    role("government", "institution", ["GOV"], ["الحكومة", "حكومة", "الحكومات", "حكومات", "السلطات", "سلطات",
                                                 "النظام", "نظام", "الإدارة", "السلطة التنفيذية", "الدولة",
                                                 # "the competent authorities"
                                                 "الجهات المختصة", "الجهات المعنية", "الجهات الرسمية",
                                                 "الجهات الحكومية"],
         ["government", "governments", "authorities", "administration", "regime", "the state", "officials"],
         "'النظام' and 'الدولة' are GOV only next to a country name or nisba")
    role("cabinet", "institution", ["GOV"], ["مجلس الوزراء", "الحكومة الأمنية", "المجلس الوزاري", "الكابينت",
                                              "المجلس الوزاري المصغر", "مجلس الوزراء المصغر"],
         ["cabinet", "security cabinet", "council of ministers", "war cabinet"])
    role("presidency", "institution", ["GOV"], ["الرئاسة", "رئاسة الجمهورية", "الرئاسة", "مؤسسة الرئاسة",
                                                 "القصر الرئاسي", "مكتب الرئيس"],
         ["presidency", "presidential office", "presidential palace"])
    role("prime_minister_office", "institution", ["GOV"], ["مكتب رئيس الوزراء", "رئاسة الوزراء",
                                                            "رئاسة الحكومة", "مكتب رئيس الحكومة"],
         ["prime minister's office", "office of the prime minister"])
    role("royal_court", "institution", ["GOV"], ["الديوان الملكي", "الديوان الأميري", "الديوان السلطاني",
                                                  "القصر الملكي"], ["royal court", "royal palace", "emiri court"])
    role("embassy", "institution", ["GOV"], ["السفارة", "سفارة", "السفارات", "سفارات", "القنصلية", "قنصلية",
                                              "البعثة الدبلوماسية"], ["embassy", "embassies", "consulate",
                                                                       "consulates", "diplomatic mission"])
    role("national_security_council", "institution", ["GOV"], ["مجلس الأمن القومي", "مجلس الأمن الوطني",
                                                                "المجلس الأعلى للأمن القومي",
                                                                "مجلس الأمن الوطني الأعلى"],
         ["national security council", "supreme national security council"],
         "NOT the UN Security Council (مجلس الأمن alone -> org:unsc)")
    role("central_bank", "institution", ["GOV", "BUS"], ["البنك المركزي", "المصرف المركزي", "بنك مركزي",
                                                          "مصرف مركزي"], ["central bank", "central banks"],
         "CAMEO has no central-bank type; GOV (monetary authority) + BUS")
    role("municipality", "institution", ["GOV"], ["البلدية", "بلدية", "المجلس البلدي", "مجلس المدينة"],
         ["municipality", "city council", "city hall", "town council"])
    role("election_commission", "institution", ["GOV"], ["المفوضية العليا المستقلة للانتخابات",
                                                          "الهيئة العليا للانتخابات", "اللجنة العليا للانتخابات",
                                                          "الهيئة الوطنية للانتخابات", "مفوضية الانتخابات"],
         ["election commission", "electoral commission", "elections commission"])
    # ---- legislature --------------------------------------------------------------------------------------
    role("parliament", "institution", ["LEG"], ["البرلمان", "برلمان", "مجلس النواب", "مجلس الشعب",
                                                 "مجلس الأمة", "مجلس الشورى", "المجلس التشريعي",
                                                 "الهيئة التشريعية", "مجلس الشيوخ", "المجلس الوطني",
                                                 "السلطة التشريعية", "مجلس العموم", "مجلس اللوردات",
                                                 "الجمعية الوطنية", "مجلس المستشارين", "المجلس الشعبي الوطني"],
         ["parliament", "parliaments", "legislature", "senate", "house of representatives", "lower house",
          "upper house", "national assembly", "house of commons", "house of lords", "lawmakers' chamber"],
         "'مجلس الشورى' is a consultative council in the Gulf (still coded LEG); 'المجلس الوطني' can be an "
         "opposition body -- context decides")
    role("speaker", "title", ["LEG"], idafa("رئيس", "البرلمان") + idafa("رئيس", "مجلس النواب")
         + idafa("رئيس", "مجلس الشعب") + idafa("رئيس", "مجلس الأمة") + idafa("رئيس", "مجلس الشورى")
         + idafa("رئيس", "الكنيست") + idafa("رئيس", "مجلس الشيوخ") + idafa("رئيس", "المجلس الوطني"),
         en_plural("speaker", "parliament speaker", "speaker of the house", "speaker of parliament",
                   "Knesset speaker", "senate president"))
    role("member_of_parliament", "title", ["LEG"], standalone("نائب") + standalone("برلماني")
         + standalone("سيناتور") + idafa("عضو", "البرلمان") + idafa("عضو", "مجلس النواب")
         + idafa("عضو", "الكنيست") + idafa("عضو", "الكونغرس") + idafa("عضو", "مجلس الشيوخ")
         + idafa("عضو", "مجلس الشعب") + idafa("عضو", "مجلس الأمة"),
         en_plural("lawmaker", "legislator", "MP", "member of parliament", "senator", "congressman",
                   "congresswoman", "deputy", "parliamentarian", "Knesset member") + ["members of parliament",
                                                                                       "members of Congress"],
         "'نائب' alone is also 'deputy' -- followed by a title it is deputy_*")
    role("parliament_committee", "institution", ["LEG"], ["لجنة الشؤون الخارجية", "لجنة الأمن والدفاع",
                                                           "لجنة العلاقات الخارجية", "لجنة الخارجية والأمن",
                                                           "لجنة الدفاع", "اللجنة البرلمانية"],
         ["foreign affairs committee", "armed services committee", "foreign relations committee",
          "parliamentary committee", "intelligence committee"])
    # ---- diplomats ----------------------------------------------------------------------------------------
    role("ambassador", "title", ["GOV"], standalone("سفير") + ["سفيرة", "السفيرة"], en_plural("ambassador"))
    role("envoy", "title", ["GOV"], standalone("مبعوث") + ["المبعوث الخاص", "مبعوث خاص", "المبعوثة الخاصة",
                                                          "المبعوث الأممي", "المبعوث الأمريكي الخاص"],
         en_plural("envoy", "special envoy", "special representative", "emissary"))
    role("diplomat", "title", ["GOV"], standalone("دبلوماسي"), en_plural("diplomat", "senior diplomat"))
    role("charge_daffaires", "title", ["GOV"], ["القائم بالأعمال", "قائم بالأعمال", "القائمة بالأعمال",
                                                 "القائم بأعمال السفارة", "القائم بالاعمال"],
         ["charge d'affaires", "chargé d'affaires", "charges d'affaires", "chargés d'affaires"])
    role("consul", "title", ["GOV"], standalone("قنصل") + ["القنصل العام", "قنصل عام"],
         en_plural("consul", "consul general"))
    role("permanent_representative", "title", ["GOV"], ["المندوب الدائم", "مندوب دائم", "المندوبة الدائمة",
                                                          "المندوب", "مندوب", "المندوبة", "مندوبة",
                                                          "الممثل الدائم", "الممثلة الدائمة"],
         en_plural("permanent representative", "UN ambassador", "representative to the UN"))
    role("secretary_general", "title", ["GOV"], ["الأمين العام", "أمين عام", "الأمينة العامة", "أمينة عامة",
                                                  "الأمين العام المساعد"],
         en_plural("secretary-general", "secretary general"),
         "generic; the body it heads decides the sector (IGO, party, union)")
    role("un_secretary_general", "title", ["IGO"], ["الأمين العام للأمم المتحدة", "أمين عام الأمم المتحدة",
                                                     "الأمين العام للمنظمة الدولية", "الأمين العام الأممي"],
         ["UN Secretary-General", "UN secretary-general", "Secretary-General of the United Nations",
          "UN chief", "United Nations Secretary-General"], "spells carry org:un")
    role("nato_secretary_general", "title", ["IGO", "MIL"], ["الأمين العام لحلف شمال الأطلسي",
                                                              "الأمين العام لحلف الناتو", "الأمين العام للناتو",
                                                              "أمين عام الناتو", "أمين عام حلف الناتو",
                                                              "الأمين العام لحلف الأطلسي"],
         ["NATO Secretary General", "NATO secretary-general", "NATO chief", "Secretary General of NATO"],
         "spells carry org:nato")
    role("arab_league_secretary_general", "title", ["IGO"], ["الأمين العام لجامعة الدول العربية",
                                                              "الأمين العام للجامعة العربية",
                                                              "أمين عام الجامعة العربية",
                                                              "أمين عام جامعة الدول العربية"],
         ["Arab League Secretary-General", "Arab League chief"], "spells carry org:arab-league")
    role("gcc_secretary_general", "title", ["IGO"], ["الأمين العام لمجلس التعاون الخليجي",
                                                      "الأمين العام لمجلس التعاون لدول الخليج العربية",
                                                      "أمين عام مجلس التعاون"],
         ["GCC Secretary-General"], "spells carry org:gcc")
    role("oic_secretary_general", "title", ["IGO"], ["الأمين العام لمنظمة التعاون الإسلامي"],
         ["OIC Secretary-General"], "spells carry org:oic")
    role("eu_commission_president", "title", ["IGO"], ["رئيسة المفوضية الأوروبية", "رئيس المفوضية الأوروبية",
                                                        "رئيسة المفوضية", "رئيس المفوضية الأوروبية السابق"],
         ["President of the European Commission", "European Commission President", "Commission President",
          "EU Commission president"], "spells carry org:european-commission")
    role("eu_council_president", "title", ["IGO"], ["رئيس المجلس الأوروبي", "رئيسة المجلس الأوروبي"],
         ["President of the European Council", "European Council President", "EU Council president"],
         "spells carry org:european-council")
    role("eu_high_representative", "title", ["IGO"], ["مسؤول السياسة الخارجية في الاتحاد الأوروبي",
                                                       "مسؤولة السياسة الخارجية في الاتحاد الأوروبي",
                                                       "الممثل الأعلى للسياسة الخارجية",
                                                       "الممثلة العليا للسياسة الخارجية",
                                                       "منسق السياسة الخارجية للاتحاد الأوروبي",
                                                       "مفوض السياسة الخارجية", "مسؤول الشؤون الخارجية الأوروبي"],
         ["EU foreign policy chief", "High Representative", "EU High Representative",
          "High Representative of the Union for Foreign Affairs and Security Policy", "EU foreign policy head"],
         "spells carry org:eu")
    role("au_commission_chair", "title", ["IGO"], ["رئيس مفوضية الاتحاد الأفريقي", "رئيس مفوضية الاتحاد الإفريقي",
                                                    "رئيس المفوضية الأفريقية"],
         ["African Union Commission chairperson", "AU Commission chairperson", "chairperson of the African Union "
          "Commission", "AU Commission chief"], "spells carry org:au")
    role("iaea_director_general", "title", ["IGO"], ["المدير العام للوكالة الدولية للطاقة الذرية",
                                                      "مدير الوكالة الدولية للطاقة الذرية"],
         ["IAEA Director General", "IAEA chief", "head of the IAEA"], "spells carry org:iaea")
    # ---- military and security ------------------------------------------------------------------------------
    role("chief_of_staff", "title", ["MIL"], idafa("رئيس", "الأركان") + idafa("رئيس", "هيئة الأركان")
         + idafa("رئيس", "أركان الجيش") + idafa("رئيس", "هيئة الأركان العامة") + idafa("رئيس", "الأركان العامة")
         + idafa("رئيس", "هيئة الأركان المشتركة"),
         en_plural("chief of staff", "chief of general staff", "army chief of staff", "chief of the general staff",
                   "chairman of the joint chiefs of staff", "military chief") + ["chiefs of staff",
                                                                                  "joint chiefs"])
    role("army_commander", "title", ["MIL"], idafa("قائد", "الجيش") + idafa("قائد", "القوات المسلحة")
         + idafa("قائد", "القوات البرية") + ["القائد العام للقوات المسلحة", "القائد العام للجيش", "القائد العام"],
         en_plural("army chief", "army commander", "commander-in-chief", "commander in chief",
                   "head of the armed forces"))
    role("commander", "title", ["MIL"], ["القائد", "قائد", "القادة", "قادة", "القائد الميداني",
                                         "قائد ميداني", "قادة ميدانيون", "القائد العسكري", "قائد عسكري",
                                         "القادة العسكريين", "قادة عسكريون", "الجنرال", "جنرال", "الجنرالات",
                                         "اللواء", "الفريق أول", "العقيد", "العميد", "المقدم"],
         en_plural("commander", "general", "military commander", "field commander", "colonel",
                   "brigadier general", "major general", "lieutenant general", "admiral"),
         "military by default; the commander of an armed group inherits that group's sector. 'العميد' also "
         "means dean and 'اللواء' brigade")
    role("navy_commander", "title", ["MIL"], idafa("قائد", "البحرية") + idafa("قائد", "القوات البحرية"),
         en_plural("navy chief", "navy commander", "chief of naval operations"))
    role("air_force_commander", "title", ["MIL"], idafa("قائد", "سلاح الجو") + idafa("قائد", "القوات الجوية"),
         en_plural("air force chief", "air force commander"))
    role("intelligence_chief", "title", ["SPY"], idafa("رئيس", "الاستخبارات") + idafa("رئيس", "المخابرات")
         + idafa("مدير", "المخابرات") + idafa("مدير", "الاستخبارات") + idafa("رئيس", "جهاز المخابرات")
         + idafa("رئيس", "المخابرات العامة") + idafa("رئيس", "الاستخبارات العسكرية"),
         en_plural("intelligence chief", "spy chief", "head of intelligence", "intelligence director",
                   "director of national intelligence", "CIA director"))
    role("national_security_adviser", "title", ["GOV"], idafa("مستشار", "الأمن القومي")
         + idafa("مستشار", "الأمن الوطني"),
         en_plural("national security adviser", "national security advisor"))
    role("adviser", "title", ["GOV"], ["المستشار", "مستشار", "مستشارة", "المستشارة", "مستشارون", "مستشاري",
                                       "كبير المستشارين", "المستشار الخاص"],
         en_plural("adviser", "advisor", "senior adviser", "aide"), "'المستشار' may also be a chancellor")
    role("police_chief", "title", ["COP"], idafa("قائد", "الشرطة") + idafa("مدير", "الشرطة")
         + idafa("مدير", "الأمن") + idafa("مدير", "الأمن العام") + idafa("رئيس", "الشرطة") + ["مفوض الشرطة", "قائد شرطة", "مدير أمن"],
         en_plural("police chief", "police commissioner", "head of police", "inspector general of police"))
    # the bare "والي" is left out: folded (إ -> ا) it is written like "وإلى" (and to), far more frequent in news
    role("governor", "title", ["GOV"], standalone("محافظ") + ["الحاكم", "حاكم", "الوالي", "الولاة",
                                                             "حاكم الولاية", "والي ولاية"],
         en_plural("governor", "provincial governor", "regional governor", "wali"),
         "'حاكم' also 'ruler' (emirate rulers: حاكم دبي) -- the person's record decides; the bare 'والي' is "
         "'وإلى' (and to) once folded, so only 'الوالي' and 'والي ولاية' name the post")
    role("central_bank_governor", "title", ["GOV", "BUS"], idafa("محافظ", "البنك المركزي")
         + idafa("محافظ", "المصرف المركزي") + idafa("رئيس", "البنك المركزي"),
         en_plural("central bank governor", "central bank chief", "Fed chair"))
    role("mayor", "title", ["GOV"], ["العمدة", "عمدة", "رئيس البلدية", "رئيس بلدية", "رئيسة البلدية",
                                     "رئيسة بلدية", "رؤساء البلديات", "عمد"], en_plural("mayor", "deputy mayor"))
    role("spokesperson", "title", ["GOV"], bism("") + standalone_spokes(),
         en_plural("spokesman", "spokeswoman", "spokesperson", "press secretary", "official spokesman")
         + ["spokespeople"],
         "default GOV; the coder should take the sector of the body named after باسم / 'for the'")
    role("official", "title", ["GOV"], standalone("مسؤول") + ["مسؤول كبير", "مسؤول رفيع", "مسؤولون كبار",
                                                             "كبار المسؤولين", "مسؤول رفيع المستوى"],
         en_plural("official", "senior official", "government official"), "the country comes from the nisba")
    role("head_of_delegation", "title", ["GOV"], idafa("رئيس", "الوفد") + ["الوفد", "وفد"],
         en_plural("delegation", "head of the delegation", "negotiator", "chief negotiator"))
    role("army", "institution", ["MIL"], ["الجيش", "جيش", "الجيوش", "جيوش", "القوات المسلحة", "قوات مسلحة",
                                          "المؤسسة العسكرية", "القوات البرية", "القيادة العسكرية",
                                          "الجيش النظامي"],
         ["army", "armies", "military", "armed forces", "ground forces", "the military", "defense forces",
          "defence forces"], "state military only (PLOVER); an armed group's 'army' takes the group's code")
    role("forces", "institution", ["MIL"], ["القوات", "قوات", "الوحدات العسكرية", "الوحدات",
                                            "القوات الخاصة", "وحدات خاصة", "قوات خاصة", "القوات البرية"],
         ["forces", "troops", "special forces", "units"], "MIL by default; 'قوات' + a group name is that group")
    role("navy", "institution", ["MIL"], ["البحرية", "القوات البحرية", "سلاح البحرية", "الأسطول", "البحرية"],
         ["navy", "naval forces", "fleet"])
    role("general_staff", "institution", ["MIL"], ["هيئة الأركان", "هيئة الأركان العامة", "هيئة أركان الجيش",
                                                   "رئاسة الأركان", "الأركان العامة"],
         ["general staff", "the general staff"], "the army's command: 'أعلنت هيئة الأركان الأوكرانية'")
    role("air_force", "institution", ["MIL"], ["سلاح الجو", "القوات الجوية", "الطيران الحربي",
                                               "سلاح الطيران", "المقاتلات", "الطائرات الحربية",
                                               "الدفاعات الجوية", "الدفاع الجوي", "الطيران"],
         ["air force", "air forces", "warplanes", "air defense", "air defences", "fighter jets"],
         "'الطيران' is also the common word (aviation): as a common word it is an actor only next to a nisba "
         "('الطيران الإسرائيلي'), by the ambiguity policy of extract/mentions.py")
    role("national_guard", "institution", ["MIL"], ["الحرس الوطني", "الحرس الجمهوري", "الحرس الملكي"],
         ["national guard", "republican guard", "royal guard"])
    role("border_guard", "institution", ["MIL", "COP"], ["حرس الحدود", "قوات حرس الحدود", "خفر السواحل",
                                                         "حرس السواحل", "شرطة الحدود"],
         ["border guards", "border guard", "border police", "coast guard", "coastguard"])
    role("police", "institution", ["COP"], ["الشرطة", "شرطة", "قوات الشرطة", "الشرطة المحلية",
                                            "رجال الشرطة", "عناصر الشرطة", "أفراد الشرطة", "دورية للشرطة",
                                            "الدرك", "قوات الدرك", "الأمن العام", "شرطة مكافحة الشغب"],
         ["police", "police force", "police forces", "gendarmerie", "riot police", "policemen",
          "police officers", "police officer", "policeman", "policewoman"])
    role("police_officer", "group", ["COP"], standalone("شرطي") + ["رجل شرطة", "رجل أمن", "رجال الأمن",
                                                                  "عنصر أمن", "عناصر الأمن", "عنصر شرطة"],
         en_plural("police officer", "security officer", "cop"))
    role("security_forces", "institution", ["COP", "MIL"], ["قوات الأمن", "القوات الأمنية", "قوى الأمن",
                                                            "قوات الأمن الداخلي", "الأجهزة الأمنية",
                                                            "أجهزة الأمن", "السلطات الأمنية",
                                                            "قوات مكافحة الإرهاب", "جهاز الأمن",
                                                            "القوى الأمنية"],
         ["security forces", "security services", "security agencies", "security personnel",
          "counter-terrorism forces", "security officials"],
         "police and military together; 'الأمن' alone (security as a concept) is left out")
    role("intelligence", "institution", ["SPY"], ["الاستخبارات", "المخابرات", "الاستخبارات العسكرية",
                                                  "المخابرات العامة", "جهاز المخابرات", "جهاز الاستخبارات",
                                                  "المخابرات العسكرية", "أجهزة الاستخبارات",
                                                  "أجهزة المخابرات", "الأمن السياسي"],
         ["intelligence", "intelligence services", "intelligence agency", "intelligence agencies",
          "secret service", "spy agency", "military intelligence"])
    role("soldier", "group", ["MIL"], standalone("جندي") + standalone("عسكري") + ["العسكريين", "قوات",
                                                                                "الجنود الاحتياط",
                                                                                "جنود الاحتياط",
                                                                                "جندي احتياط"],
         en_plural("soldier", "troop", "serviceman", "reservist", "marine", "paratrooper") + ["servicemen",
                                                                                             "military personnel"])
    role("officer", "group", ["MIL"], standalone("ضابط"), en_plural("officer", "army officer",
                                                                   "military officer"),
         "police officers are role:police_officer")
    # ---- judiciary ------------------------------------------------------------------------------------------
    role("judge", "title", ["JUD"], standalone("قاض") + ["هيئة المحكمة", "القاضي المختص"],
         en_plural("judge", "magistrate", "justice"))
    role("chief_justice", "title", ["JUD"], idafa("رئيس", "المحكمة العليا") + idafa("رئيس", "المحكمة الدستورية")
         + idafa("رئيس", "مجلس القضاء الأعلى") + idafa("رئيس", "القضاء") + ["رئيس السلطة القضائية"],
         en_plural("chief justice", "head of the judiciary", "judiciary chief"))
    role("prosecutor", "title", ["JUD"], ["المدعي العام", "مدعي عام", "المدعية العامة", "النائب العام",
                                          "النائبة العامة", "المدعي العام العسكري", "وكيل النيابة", "المدعين العامين",
                                          "المدعي العسكري"],
         en_plural("prosecutor", "public prosecutor", "prosecutor general", "state prosecutor",
                   "chief prosecutor"), "'النائب العام' is the prosecutor general, not an MP")
    role("court", "institution", ["JUD"], ["المحكمة", "محكمة", "المحاكم", "محاكم", "المحكمة العليا",
                                           "المحكمة الدستورية", "المحكمة الدستورية العليا", "محكمة النقض",
                                           "محكمة الاستئناف", "محكمة الجنايات", "المحكمة العسكرية",
                                           "محكمة عسكرية", "السلطة القضائية", "محكمة التمييز",
                                           "المجلس الدستوري", "مجلس الدولة", "النيابة العامة", "النيابة",
                                           "الادعاء العام", "هيئة الادعاء"],
         ["court", "courts", "supreme court", "constitutional court", "high court", "appeals court",
          "court of appeal", "military court", "judiciary", "tribunal", "prosecution", "prosecutors",
          "public prosecution", "court of cassation"],
         "national courts; international courts are organizations (org:icc, org:icj)")
    role("lawyer", "group", ["JUD"], standalone("محام") + ["هيئة الدفاع", "فريق الدفاع"],
         en_plural("lawyer", "attorney", "defense lawyer", "defence lawyer"),
         "CAMEO has no legal-profession type; JUD is the nearest")
    # ---- parties, opposition, religion ---------------------------------------------------------------------
    role("party_leader", "title", ["PTY"], idafa("زعيم", "الحزب") + idafa("رئيس", "الحزب")
         + idafa("زعيم", "حزب", strip_article=False) + idafa("رئيس", "حزب", strip_article=False) + ["الأمين العام للحزب"],
         en_plural("party leader", "party chairman", "party chief", "leader of the party"))
    role("party", "institution", ["PTY"], ["الحزب", "حزب", "الأحزاب", "أحزاب", "الحزب الحاكم", "الائتلاف الحاكم",
                                           "الائتلاف", "الكتلة البرلمانية", "الكتلة"],
         ["party", "parties", "ruling party", "ruling coalition", "coalition", "parliamentary bloc"])
    role("opposition", "group", ["OPP"], standalone("معارض") + ["المعارضة", "قوى المعارضة", "أحزاب المعارضة",
                                                               "المعارضة السياسية", "فصائل المعارضة"],
         ["opposition", "the opposition", "opposition parties", "opposition figures", "dissident",
          "dissidents", "opposition activists"])
    role("opposition_leader", "title", ["OPP"], idafa("زعيم", "المعارضة") + ["زعيم المعارضة", "زعيمة المعارضة"],
         en_plural("opposition leader", "leader of the opposition"))
    role("mufti", "title", ["REL"], ["المفتي", "مفتي", "مفتي الجمهورية", "المفتي العام", "مفتي الديار"],
         en_plural("mufti", "grand mufti"))
    role("pope", "title", ["REL"], ["البابا", "بابا الفاتيكان", "الحبر الأعظم", "بابا روما"],
         en_plural("pope", "pontiff", "Holy Father"), "head of the Catholic Church (country VAT)")
    # "إمام" without the article is left out: folded (إ/أ -> ا) it is "أمام" (in front of: "تظاهروا أمام السفارة",
    # "أمام المسجد")
    role("cleric", "group", ["REL"], ["رجل دين", "رجال الدين", "رجل الدين", "الإمام",
                                      "الأئمة", "أئمة", "علماء الدين", "الحاخام", "حاخام",
                                      "الحاخامات", "القس", "قس", "القساوسة", "البطريرك", "المطران",
                                      "آية الله", "المرجع", "المرجعية", "المرجعية الدينية"],
         en_plural("cleric", "imam", "preacher", "rabbi", "priest", "bishop", "patriarch", "ayatollah",
                   "religious leader", "sheikh"),
         "'الشيخ' (an honorific of Gulf royals and tribal leaders) and 'العلماء' (also scientists) are left out")
    # ---- group nouns -------------------------------------------------------------------------------------------
    role("protesters", "group", ["CVL"], standalone("متظاهر") + standalone("محتج")
         + ["المعتصمين", "المعتصمون", "معتصمين", "معتصمون", "المضربين", "مضربين", "الحشود", "حشود"],
         en_plural("protester", "protestor", "demonstrator", "marcher", "crowd", "rioter", "striker")
         + ["sit-in participants"], "PLOVER: protesters and activists are CVL")
    role("activists", "group", ["CVL"], standalone("ناشط"), en_plural("activist", "campaigner",
                                                                     "rights activist"))
    role("civilians", "group", ["CVL"], standalone("مدني") + ["السكان", "سكان", "الأهالي", "أهالي",
                                                             "المواطنين", "المواطنون", "مواطنين", "مواطنون",
                                                             "مواطن", "المواطن", "الأطفال", "أطفال", "النساء",
                                                             "نساء", "الأسر", "عائلات", "العائلات",
                                                             "الرهائن", "رهائن", "المحتجزين", "المختطفين",
                                                             "الأسرى", "أسرى", "المعتقلين", "معتقلين",
                                                             "معتقلون", "السجناء", "سجناء", "الضحايا",
                                                             # singular and dual; the bare "معتقل" is also the camp
                                                             "معتقلا", "معتقلان", "المعتقلان", "سجين", "السجين",
                                                             "سجينا", "سجينان", "السجينان", "أسير", "الأسير",
                                                             "أسيرا", "أسيران", "الأسيران", "رهينة", "الرهينة",
                                                             "رهينتين", "رهينتان", "محتجزا", "محتجزين",
                                                             # people in a crowd or at work, never armed
                                                             "المشاغبين", "مشاغبين", "المشاغبون", "مشاغبون",
                                                             "المصلين", "مصلين", "المصلون", "مصلون", "الحجاج",
                                                             "الصيادين", "صيادين", "الصيادون", "صيادون",
                                                             "الزوار", "زوار", "زوارا",
                                                             "الموقوفين", "موقوفين", "الموقوفون", "موقوفون",
                                                             # the people an event hit ("victims")
                                                             "المتضررين", "متضررين", "المتضررون", "متضررون"],
         en_plural("civilian", "resident", "citizen", "villager", "child", "woman", "family", "hostage",
                   "captive", "detainee", "prisoner", "victim", "rioter", "worshipper", "pilgrim", "fisherman")
         + ["children", "women", "people", "nationals", "fishermen"],
         "prisoners and hostages are coded CVL unless the text says they are fighters")
    role("gunmen", "group", ["UAF"], standalone("مسلح") + standalone("مجهول") + standalone("خاطف") + ["مسلحون مجهولون",
                                                                                  "مسلحين مجهولين",
                                                                                  "عناصر مسلحة",
                                                                                  "مجموعة مسلحة",
                                                                                  "جماعة مسلحة",
                                                                                  "جماعات مسلحة",
                                                                                  "مجموعات مسلحة",
                                                                                  "ملثمون", "ملثمين",
                                                                                  "مجهولي الهوية"],
         en_plural("gunman", "assailant", "attacker", "armed man", "unknown gunman", "armed group",
                   "masked man", "kidnapper", "abductor", "captor", "hostage taker") + ["gunmen", "armed men"],
         "UAF = unidentified armed forces")
    role("suicide_bomber", "group", ["UAF"], standalone("انتحاري") + ["مهاجم انتحاري", "انغماسي",
                                                                      "انغماسيين"],
         en_plural("suicide bomber", "suicide attacker", "bomber"))
    role("militia", "group", ["UAF"], standalone("ميليشيا") + ["الفصائل المسلحة", "فصائل مسلحة", "فصيل مسلح",
                                                              "الفصائل", "فصائل", "فصيل"],
         en_plural("militia", "militiaman", "armed faction", "faction") + ["militiamen"],
         "neutral UAF: whether a militia is pro-government (PRM) or rebel (REB) depends on the named group")
    role("rebels", "group", ["REB"], standalone("متمرد") + standalone("مقاتل") + ["الثوار", "ثوار", "المسلحين",
                                                                                "المتشددين", "متشددين",
                                                                                "متشددون",
                                                                                "المقاومة", "فصائل المقاومة",
                                                                                "المقاومين", "مقاومين",
                                                                                "عناصر التنظيم",
                                                                                "عناصر الحركة"],
         en_plural("rebel", "insurgent", "militant", "fighter", "guerrilla", "separatist", "resistance fighter")
         + ["the resistance"], "REB = armed opposition; 'المسلحين' with the article often refers back to a "
         "named group")
    role("terrorists", "group", ["UAF"], standalone("إرهابي") + standalone("متطرف") + standalone("جهادي")
         + ["الجماعات الإرهابية", "جماعة إرهابية", "تنظيم إرهابي", "التنظيمات الإرهابية", "خلية إرهابية"],
         en_plural("terrorist", "extremist", "jihadist", "terror group", "terrorist cell"),
         "the label is the source's; coded as UAF unless a group is named")
    role("refugees", "group", ["REF"], standalone("لاجئ") + standalone("نازح") + standalone("مهاجر")
         + ["طالبي اللجوء", "طالبو اللجوء", "المهجرين", "مهجرين", "العائدين"],
         en_plural("refugee", "displaced person", "migrant", "asylum seeker", "returnee", "IDP")
         + ["displaced people", "the displaced"])
    role("students", "group", ["EDU"], standalone("طالب") + ["الجامعات", "المدرسة",
                                                            "تلاميذ", "التلاميذ"] + standalone("معلم"),
         en_plural("student", "teacher", "university", "school", "pupil", "academic") + ["universities"],
         "'طالبان' is the Taliban (org:taliban) far more often than 'two students'")
    role("journalists", "group", ["MED"], standalone("صحفي") + ["مراسل", "المراسل", "مراسلون", "مراسلين",
                                                               "المراسلين", "مصور صحفي", "مصورين صحفيين",
                                                               "وسائل الإعلام", "وسائل إعلام", "الصحافة"],
         en_plural("journalist", "reporter", "correspondent", "photojournalist", "media outlet")
         + ["the media", "the press", "media"], "CAMEO MED = media (not medical)")
    role("workers", "group", ["LAB"], standalone("عامل") + ["النقابات", "نقابة", "النقابة", "نقابات",
                                                           "الاتحاد العام للشغل", "الموظفين", "موظفين",
                                                           "الموظفون", "موظفون"],
         en_plural("worker", "labourer", "laborer", "trade union", "union", "employee", "civil servant"))
    role("doctors", "group", ["HLH"], standalone("طبيب") + ["المسعفين", "مسعفين", "مسعفون", "الطواقم الطبية",
                                                           "الكوادر الطبية", "المستشفى", "مستشفى",
                                                           "المستشفيات", "الممرضين", "الدفاع المدني",
                                                           "فرق الإنقاذ", "عمال الإغاثة", "رجال الإطفاء"],
         en_plural("doctor", "medic", "paramedic", "nurse", "hospital", "rescuer", "health worker",
                   "aid worker", "firefighter") + ["medical staff", "rescue teams", "civil defence",
                                                   "civil defense"],
         "CAMEO HLH = health; aid workers are coded here for lack of a better type (NGO if named)")
    role("farmers", "group", ["AGR"], standalone("مزارع"), en_plural("farmer", "peasant", "herder"))
    role("businesspeople", "group", ["BUS"], ["رجال الأعمال", "رجل أعمال", "رجل الأعمال", "سيدة أعمال",
                                              "المستثمرين", "مستثمرين", "مستثمرون", "الشركات", "شركات",
                                              "الشركة", "شركة", "التجار", "تجار"],
         en_plural("businessman", "businesswoman", "investor", "company", "firm", "trader", "merchant")
         + ["business leaders", "companies", "businesspeople"])
    role("settlers", "group", ["CVL"], standalone("مستوطن") + ["المستعمرين", "مستعمرين", "المستعمرون"],
         en_plural("settler"),
         "civilians of the occupying country (ISR when a nisba or context says so); 'Israeli settlers' is the "
         "demonym and the role, coded ISRCVL")
    role("smugglers", "group", ["CRM"], standalone("مهرب") + ["تجار المخدرات", "تاجر مخدرات", "عصابة",
                                                             "العصابات", "عصابات", "المجرمين", "مجرمين",
                                                             "اللصوص", "لصوص", "قطاع الطرق", "القراصنة",
                                                             "قراصنة"],
         en_plural("smuggler", "drug trafficker", "gang", "criminal", "robber", "pirate", "cartel",
                   "trafficker") + ["gang members"])
    role("tribes", "group", ["CVL"], ["العشائر", "عشائر", "القبائل", "قبائل", "القبيلة", "قبيلة",
                                      "العشيرة", "عشيرة", "شيوخ العشائر", "وجهاء", "الوجهاء"],
         en_plural("tribe", "clan", "tribal leader", "elder") + ["tribesmen"],
         "CAMEO has no tribal type; CVL unless armed (then UAF)")
    role("elites", "group", ["ELI"], ["الرئيس السابق", "رئيس الوزراء السابق", "الوزير السابق", "وزير سابق",
                                      "مسؤول سابق", "مسؤولون سابقون", "المسؤولين السابقين", "الرئيس الأسبق",
                                      "رئيس الوزراء الأسبق", "الوزير الأسبق"],
         en_plural("former president", "former prime minister", "former minister", "former official",
                   "ex-president", "ex-minister"), "CAMEO ELI = former officials and elites")
    role("royal_family", "group", ["GOV"], ["الأسرة الحاكمة", "العائلة المالكة", "الأسرة المالكة", "الأمراء",
                                            "الأمير", "الأميرة", "الشيخة"],
         en_plural("royal", "prince", "princess", "royal family") + ["royals"],
         "'الأمير' is also the emir; a named person decides")
    role("ngo", "group", ["NGO"], ["منظمة غير حكومية", "منظمات غير حكومية", "المنظمات غير الحكومية",
                                   "منظمات حقوقية", "منظمة حقوقية", "المنظمات الحقوقية", "منظمات الإغاثة",
                                   "منظمة إغاثة", "المنظمات الإنسانية", "منظمات إنسانية", "جمعية خيرية",
                                   "المجتمع المدني", "منظمات المجتمع المدني"],
         en_plural("NGO", "non-governmental organization", "rights group", "human rights group", "aid group",
                   "aid agency", "charity", "humanitarian organization") + ["civil society"],
         "unnamed NGOs; named ones are organizations")
    role("un_peacekeepers", "group", ["IGO", "MIL"], ["قوات حفظ السلام", "قوات حفظ السلام الأممية",
                                                       "جنود حفظ السلام", "قوة حفظ السلام", "القبعات الزرق",
                                                       "الخوذ الزرق"],
         en_plural("peacekeeper", "UN peacekeeper", "peacekeeping force", "blue helmet") + ["peacekeeping forces"],
         "country UNO unless the contributing country is named")
    role("coalition", "group", ["MIL"], ["التحالف", "قوات التحالف", "التحالف الدولي", "قوات التحالف الدولي",
                                         "التحالف العسكري",
                                         # its aircraft: "قصف طيران التحالف" (coding rule coalition-by-theatre)
                                         "طيران التحالف", "مقاتلات التحالف", "طائرات التحالف"],
         ["coalition", "coalition forces", "international coalition", "US-led coalition", "military coalition",
          "coalition aircraft", "coalition warplanes", "coalition jets"],
         "a named coalition (Saudi-led, US-led) is an organization; IMG when multinational")
    # ---- posts tied to one body (so that dated spells of different bodies never share a post) ----------
    role("chief_cabinet_secretary", "title", ["GOV"], ["كبير أمناء مجلس الوزراء", "كبير أمناء الحكومة",
                                                      "الأمين العام لمجلس الوزراء", "المتحدث باسم الحكومة اليابانية"],
         en_plural("chief cabinet secretary"), "Japan")
    role("foreign_ministry_spokesperson", "title", ["GOV"], bism("الخارجية") + bism("وزارة الخارجية"),
         en_plural("foreign ministry spokesman", "foreign ministry spokeswoman", "foreign ministry spokesperson",
                   "state department spokesman", "state department spokesperson"))
    role("presidential_spokesperson", "title", ["GOV"], bism("الرئاسة") + bism("الكرملين")
         + bism("البيت الأبيض") + bism("رئاسة الجمهورية") + ["السكرتير الصحفي", "السكرتيرة الصحفية"],
         en_plural("presidential spokesman", "presidential spokesperson", "Kremlin spokesman",
                   "White House press secretary", "press secretary"))
    role("government_spokesperson", "title", ["GOV"], bism("الحكومة"),
         en_plural("government spokesman", "government spokesperson", "government spokeswoman"))
    role("military_spokesperson", "title", ["MIL"], bism("الجيش") + bism("القوات المسلحة")
         + ["المتحدث العسكري", "الناطق العسكري"],
         en_plural("military spokesman", "army spokesman", "army spokesperson", "military spokesperson"))
    role("irgc_commander", "title", ["MIL"], idafa("قائد", "الحرس الثوري") + ["القائد العام للحرس الثوري"],
         en_plural("IRGC commander", "Revolutionary Guards commander", "commander of the Revolutionary Guards"),
         "Iran")
    role("quds_force_commander", "title", ["MIL"], idafa("قائد", "فيلق القدس"),
         en_plural("Quds Force commander", "commander of the Quds Force"), "Iran")
    role("hamas_leader", "title", ["REB"], idafa("رئيس", "المكتب السياسي لحركة حماس", strip_article=False)
         + idafa("رئيس", "المكتب السياسي لحماس", strip_article=False)
         + idafa("زعيم", "حركة حماس", strip_article=False) + idafa("زعيم", "حماس", strip_article=False)
         + idafa("قائد", "حركة حماس", strip_article=False),
         en_plural("Hamas leader", "Hamas political chief", "head of the Hamas political bureau", "Hamas chief"),
         "spells carry org:hamas")
    role("hamas_gaza_leader", "title", ["REB"], idafa("زعيم", "حماس في غزة", strip_article=False)
         + idafa("رئيس", "حركة حماس في قطاع غزة", strip_article=False)
         + idafa("قائد", "حماس في غزة", strip_article=False),
         en_plural("Hamas leader in Gaza", "Hamas Gaza chief"), "spells carry org:hamas")
    role("hezbollah_leader", "title", ["REB"], ["الأمين العام لحزب الله", "أمين عام حزب الله", "زعيم حزب الله",
                                                "قائد حزب الله"],
         en_plural("Hezbollah leader", "Hezbollah chief", "Hezbollah secretary-general"),
         "spells carry org:hezbollah")
    role("pij_leader", "title", ["REB"], ["الأمين العام لحركة الجهاد الإسلامي", "الأمين العام للجهاد الإسلامي",
                                          "زعيم حركة الجهاد الإسلامي", "أمين عام حركة الجهاد الإسلامي"],
         en_plural("Islamic Jihad leader", "Islamic Jihad chief"), "spells carry org:pij")
    role("houthi_leader", "title", ["REB"], ["زعيم جماعة الحوثي", "زعيم الحوثيين", "زعيم جماعة أنصار الله",
                                             "قائد حركة أنصار الله", "زعيم حركة أنصار الله"],
         en_plural("Houthi leader", "leader of the Houthis"), "spells carry org:houthis")
    role("isis_leader", "title", ["REB"], ["زعيم تنظيم الدولة الإسلامية", "زعيم داعش", "زعيم تنظيم داعش",
                                           "زعيم تنظيم الدولة", "خليفة داعش"],
         en_plural("Islamic State leader", "ISIS leader", "IS leader", "ISIL leader"), "spells carry org:isis")
    role("al_qaeda_leader", "title", ["REB"], ["زعيم تنظيم القاعدة", "زعيم القاعدة", "أمير تنظيم القاعدة"],
         en_plural("al-Qaeda leader", "al-Qaeda chief"), "spells carry org:al-qaeda")
    role("taliban_leader", "title", ["REB", "GOV"], ["زعيم طالبان", "زعيم حركة طالبان", "أمير طالبان",
                                                     "المرشد الأعلى لطالبان"],
         en_plural("Taliban leader", "Taliban supreme leader"), "spells carry org:taliban")
    role("rsf_commander", "title", ["REB"], ["قائد قوات الدعم السريع", "قائد الدعم السريع"],
         en_plural("RSF commander", "RSF leader", "Rapid Support Forces commander"), "spells carry org:rsf")
    role("hts_leader", "title", ["REB"], ["زعيم هيئة تحرير الشام", "قائد هيئة تحرير الشام", "قائد الهيئة"],
         en_plural("HTS leader", "Hayat Tahrir al-Sham leader"), "spells carry org:hts")
    role("sdf_commander", "title", ["REB"], ["قائد قوات سوريا الديمقراطية", "قائد قسد", "القائد العام لقسد",
                                             "القائد العام لقوات سوريا الديمقراطية"],
         en_plural("SDF commander", "SDF chief"), "spells carry org:sdf")
    role("lna_commander", "title", ["MIL"], ["قائد الجيش الوطني الليبي", "القائد العام للجيش الوطني الليبي",
                                             "قائد قوات شرق ليبيا", "المشير"],
         en_plural("LNA commander", "eastern Libyan commander", "Field Marshal"), "spells carry org:lna")
    role("pkk_leader", "title", ["REB"], ["زعيم حزب العمال الكردستاني", "زعيم العمال الكردستاني"],
         en_plural("PKK leader"), "spells carry org:pkk")
    role("centcom_commander", "title", ["MIL"], ["قائد القيادة المركزية الأمريكية", "قائد القيادة المركزية الأميركية",
                                                  "قائد القيادة الوسطى الأمريكية", "قائد سنتكوم"],
         en_plural("CENTCOM commander", "commander of US Central Command", "head of CENTCOM"), "USA")
    role("mossad_director", "title", ["SPY"], idafa("رئيس", "الموساد") + idafa("مدير", "الموساد")
         + idafa("رئيس", "جهاز الموساد"), en_plural("Mossad chief", "Mossad director", "head of Mossad"),
         "Israel")
    role("shin_bet_director", "title", ["SPY"], idafa("رئيس", "الشاباك") + idafa("رئيس", "جهاز الشاباك")
         + idafa("رئيس", "جهاز الأمن العام الإسرائيلي", strip_article=False),
         en_plural("Shin Bet chief", "Shin Bet director", "head of Shin Bet"), "Israel")
    role("cia_director", "title", ["SPY"], idafa("مدير", "وكالة المخابرات المركزية")
         + idafa("مدير", "وكالة الاستخبارات المركزية") + idafa("مدير", "سي آي إيه", strip_article=False),
         en_plural("CIA director", "director of the CIA", "CIA chief"), "USA")
    role("dni", "title", ["SPY"], idafa("مدير", "الاستخبارات الوطنية"),
         en_plural("director of national intelligence", "DNI"), "USA")
    role("un_ambassador", "title", ["GOV"], ["السفير لدى الأمم المتحدة", "السفيرة لدى الأمم المتحدة", "المندوب لدى الأمم المتحدة",
          "المندوبة لدى الأمم المتحدة", "المندوب الدائم لدى الأمم المتحدة", "المندوبة الدائمة لدى الأمم المتحدة",
          "سفير لدى الأمم المتحدة", "مندوب لدى الأمم المتحدة"],
         en_plural("ambassador to the United Nations", "UN ambassador", "ambassador to the UN"))
    # ---- heads of international agencies and UN envoys (one post per body: their spells never overlap) -------
    def igo_post(rid: str, ar: list[str], en: list[str], org: str, sectors: list[str] | None = None) -> None:
        role(rid, "title", sectors or ["IGO"], ar, en, f"spells carry {org}")

    igo_post("eu_parliament_president", ["رئيسة البرلمان الأوروبي", "رئيس البرلمان الأوروبي"],
             ["President of the European Parliament", "European Parliament President"], "org:european-parliament")
    igo_post("un_envoy_syria", ["المبعوث الأممي إلى سوريا", "المبعوث الأممي الخاص إلى سوريا", "مبعوث الأمم المتحدة إلى سوريا",
                                "المبعوث الخاص للأمم المتحدة إلى سوريا", "المبعوث الدولي إلى سوريا",
                                "المبعوث الأممي لسوريا", "مبعوث الأمم المتحدة الخاص إلى سوريا"],
             ["UN envoy for Syria", "UN Special Envoy for Syria", "UN Syria envoy"], "org:un")
    igo_post("un_envoy_yemen", ["المبعوث الأممي إلى اليمن", "المبعوث الأممي الخاص إلى اليمن", "مبعوث الأمم المتحدة إلى اليمن",
                                "المبعوث الخاص للأمم المتحدة إلى اليمن", "المبعوث الأممي لليمن",
                                "مبعوث الأمم المتحدة الخاص إلى اليمن"],
             ["UN envoy for Yemen", "UN Special Envoy for Yemen", "UN Yemen envoy"], "org:un")
    igo_post("un_envoy_libya", ["المبعوث الأممي إلى ليبيا", "المبعوث الأممي الخاص إلى ليبيا", "مبعوث الأمم المتحدة إلى ليبيا",
                                "رئيس بعثة الأمم المتحدة للدعم في ليبيا", "المبعوث الأممي لليبيا", "المبعوثة الأممية إلى ليبيا"],
             ["UN envoy for Libya", "UN Special Representative for Libya", "head of UNSMIL"], "org:un")
    igo_post("un_refugee_chief", ["المفوض السامي للأمم المتحدة لشؤون اللاجئين", "المفوض السامي لشؤون اللاجئين",
                                  "مفوض الأمم المتحدة السامي لشؤون اللاجئين"],
             ["UN High Commissioner for Refugees", "UN refugee chief", "head of UNHCR"], "org:unhcr")
    igo_post("un_human_rights_chief", ["المفوض السامي لحقوق الإنسان", "مفوض الأمم المتحدة السامي لحقوق الإنسان",
                                       "المفوضة السامية لحقوق الإنسان", "المفوض السامي للأمم المتحدة لحقوق الإنسان"],
             ["UN High Commissioner for Human Rights", "UN human rights chief"], "org:ohchr")
    igo_post("who_director_general", ["المدير العام لمنظمة الصحة العالمية", "مدير عام منظمة الصحة العالمية",
                                      "مدير منظمة الصحة العالمية"],
             ["WHO Director-General", "WHO chief", "head of the WHO"], "org:who")
    igo_post("imf_managing_director", ["المديرة العامة لصندوق النقد الدولي", "المدير العام لصندوق النقد الدولي",
                                       "مديرة صندوق النقد الدولي", "مدير صندوق النقد الدولي"],
             ["IMF Managing Director", "IMF chief", "head of the IMF"], "org:imf")
    igo_post("world_bank_president", ["رئيس البنك الدولي", "رئيس مجموعة البنك الدولي"],
             ["World Bank President", "World Bank chief", "president of the World Bank"], "org:world-bank")
    igo_post("icc_prosecutor", ["المدعي العام للمحكمة الجنائية الدولية", "المدعية العامة للمحكمة الجنائية الدولية",
                                "مدعي عام المحكمة الجنائية الدولية"],
             ["ICC prosecutor", "ICC chief prosecutor", "prosecutor of the International Criminal Court"], "org:icc",
             ["IGO", "JUD"])
    igo_post("ecb_president", ["رئيسة البنك المركزي الأوروبي", "رئيس البنك المركزي الأوروبي"],
             ["ECB President", "President of the European Central Bank", "ECB chief"], "org:ecb")
    igo_post("wfp_executive_director", ["المديرة التنفيذية لبرنامج الأغذية العالمي", "المدير التنفيذي لبرنامج الأغذية العالمي"],
             ["WFP Executive Director", "WFP chief", "head of the World Food Programme"], "org:wfp")
    igo_post("unicef_executive_director", ["المديرة التنفيذية لليونيسف", "المدير التنفيذي لليونيسف",
                                           "المديرة التنفيذية لمنظمة الأمم المتحدة للطفولة"],
             ["UNICEF Executive Director", "UNICEF chief", "head of UNICEF"], "org:unicef")
    return ROLES


def bism(complement: str) -> list[str]:
    """'[the] spokesman/-woman for X' in every form: المتحدث باسم X، متحدثة باسم X، الناطقون باسم X ..."""
    heads = ["المتحدث", "متحدث", "المتحدثة", "متحدثة", "الناطق", "ناطق", "الناطقة", "ناطقة", "المتحدثون",
             "متحدثون", "المتحدثين", "متحدثين", "الناطقون", "الناطقين", "متحدثا", "ناطقا"]
    return [f"{h} باسم {complement}".strip() for h in heads]


def standalone_spokes() -> list[str]:
    return ["المتحدث", "متحدث", "المتحدثة", "متحدثة", "الناطق", "ناطق", "الناطقة", "المتحدث الرسمي",
            "متحدث رسمي", "الناطق الرسمي", "ناطق رسمي", "المتحدثة الرسمية", "المتحدث العسكري",
            "الناطق العسكري", "المتحدث الإعلامي", "الناطق الإعلامي", "المتحدثون"]


# A surface form claimed by several roles stays only with its owner here (otherwise with the role defined first):
# the validator requires every normalized name to resolve to one role record.
OWNER: dict[str, str] = {
    "الأمير": "role:emir", "الأمراء": "role:emir", "القوات البرية": "role:army",
    "المتحدث العسكري": "role:military_spokesperson", "الناطق العسكري": "role:military_spokesperson",
    "المستشار": "role:adviser", "المستشارة": "role:adviser", "المسلحين": "role:gunmen", "قوات": "role:forces",
    "cia director": "role:cia_director", "cia directors": "role:cia_director",
    "director of national intelligence": "role:dni", "directors of national intelligence": "role:dni",
    "coalition": "role:coalition",
    "officials": "role:official", "police officer": "role:police_officer", "police officers": "role:police_officer",
    "press secretary": "role:presidential_spokesperson", "press secretaries": "role:presidential_spokesperson",
    "prosecutors": "role:prosecutor", "troops": "role:forces", "un ambassador": "role:un_ambassador",
    "un ambassadors": "role:un_ambassador",
}


# A title of its own body codes as that body when no person is named ("الأمين العام للأمم المتحدة" -> UNO): the
# record's "org" (the organization its holders' spells in people.jsonl name)
ORG_OF: dict[str, str] = {
    "al_qaeda_leader": "org:al-qaeda",
    "arab_league_secretary_general": "org:arab-league",
    "au_commission_chair": "org:au",
    "ecb_president": "org:ecb",
    "eu_commission_president": "org:european-commission",
    "eu_council_president": "org:european-council",
    "eu_high_representative": "org:eu",
    "eu_parliament_president": "org:european-parliament",
    "gcc_secretary_general": "org:gcc",
    "hamas_gaza_leader": "org:hamas",
    "hamas_leader": "org:hamas",
    "hezbollah_leader": "org:hezbollah",
    "houthi_leader": "org:houthis",
    "hts_leader": "org:hts",
    "iaea_director_general": "org:iaea",
    "icc_prosecutor": "org:icc",
    "imf_managing_director": "org:imf",
    "isis_leader": "org:isis",
    "lna_commander": "org:lna",
    "nato_secretary_general": "org:nato",
    "oic_secretary_general": "org:oic",
    "pij_leader": "org:pij",
    "rsf_commander": "org:rsf",
    "sdf_commander": "org:sdf",
    "taliban_leader": "org:taliban",
    "un_envoy_libya": "org:un",
    "un_envoy_syria": "org:un",
    "un_envoy_yemen": "org:un",
    "un_human_rights_chief": "org:ohchr",
    "un_refugee_chief": "org:unhcr",
    "un_secretary_general": "org:un",
    "unicef_executive_director": "org:unicef",
    "wfp_executive_director": "org:wfp",
    "who_director_general": "org:who",
    "world_bank_president": "org:world-bank",
}


def with_org(r: dict) -> dict:
    """The record with its "org" after "sectors" when its title heads a body of its own (ORG_OF)."""
    org = ORG_OF.get(r["id"].removeprefix("role:"))
    if org is None:
        return r
    out: dict = {}
    for k, v in r.items():
        out[k] = v
        if k == "sectors":
            out["org"] = org
    return out


def dedupe(rows: list[dict]) -> None:
    """Keep each normalized surface form in exactly one role (OWNER, else the first role defined)."""
    from marsad.text import normalize_key  # the one normalization the KB loader uses

    owner_keys = {normalize_key(k): v for k, v in OWNER.items()}
    first: dict[str, str] = {}
    for r in rows:
        for field in ("names_ar", "names_en"):
            for n in r[field]:
                first.setdefault(normalize_key(n), r["id"])
    for r in rows:
        for field in ("names_ar", "names_en"):
            r[field] = [n for n in r[field] if owner_keys.get(normalize_key(n), first[normalize_key(n)]) == r["id"]]


def render() -> tuple[str, int]:
    """The roles.jsonl text: (text, count). Raises ValueError on duplicate ids."""
    built = build()
    dedupe(built)
    rows = sorted((with_org(r) for r in built), key=lambda r: r["id"])
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise ValueError("duplicate role ids: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), len(rows)


def main() -> None:
    text, n = render()
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {n} roles to {OUT}")


if __name__ == "__main__":
    main()

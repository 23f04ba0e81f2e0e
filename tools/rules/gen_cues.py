"""Generate src/marsad/kb/data/modality.jsonl and units.jsonl from the compact tables below.

Run: python tools/rules/gen_cues.py   (deterministic; the shipped files are its output)

Modality cue: (name, modality, position, window, cues). ``position`` is where the cue stands relative to the
trigger ("before": cue ... trigger; "after": trigger ... cue); ``window`` is the most tokens allowed between them.
A cue given as "PAST/PRESENT" (Arabic) is expanded to every third-person form with gen_triggers.ar_verb; the
engine detects the future prefix س itself (planned). Priority comes from marsad.kb.rules.MODALITY_PRIORITY.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from gen_triggers import DATA, ar_verb, normalize_key  # noqa: E402

# Same values as marsad.kb.rules.MODALITY_PRIORITY (the loader rejects a row whose priority differs).
MODALITY_PRIORITY = {"negated": 5, "hypothetical": 4, "intended": 3, "planned": 3, "reported": 2}

# ------------------------------------------------------------------------------------------------ modality
AR_MODALITY = [
    # negated
    ("lam", "negated", "before", 1, ["لم"], "لم + jussive: did not"),
    ("lan", "negated", "before", 1, ["لن"], "لن + subjunctive: will not"),
    ("la", "negated", "before", 1, ["لا"], "لا + present"),
    # no plain "ما": in news it is far more often the relative of "ما أسفر عن" / "ما أدى إلى" than a negation
    ("laysa", "negated", "before", 3, ["ليس", "ليست", "ليسوا", "لست", "لسنا"], ""),
    ("ghayr", "negated", "before", 1, ["غير"], "غير + noun/adjective"),
    ("adam", "negated", "before", 1, ["عدم"], "عدم + verbal noun: the non-occurrence of"),
    ("dun", "negated", "before", 2, ["دون", "بدون", "دون أن", "من دون"], ""),
    ("nafa", "negated", "before", 6, ["نفى/ينفي"], "denial of the following event; نفى + noun is also CAMEO 016"),
    ("nafy", "negated", "before", 4, ["نفي"], ""),
    ("rafada_an", "negated", "before", 4, ["رفض أن", "رفضت أن", "رفضوا أن", "يرفض أن", "ترفض أن"], ""),
    ("rafada_masdar", "negated", "before", 0, ["رفض/يرفض", "رفضه", "رفضها", "رفضهم", "رفضنا"],
     "a refusal right before a verbal noun: the act refused did not happen ('بسبب رفضهم قتل المتظاهرين')"),
    ("imtana", "negated", "before", 2, ["امتنع/يمتنع عن", "امتناع عن"], "refrained from"),
    ("fashal", "negated", "before", 2, ["فشل/يفشل في"], "failed to"),
    ("la_sihha", "negated", "before", 5, ["لا صحة", "عار عن الصحة", "عارية عن الصحة"], "no truth in"),
    ("lam_yatim", "negated", "before", 2, ["لم يتم", "لم تتم", "لن يتم", "لن تتم"], ""),
    ("la_yujad", "negated", "before", 3, ["لا يوجد", "لا توجد", "لا وجود"], ""),
    ("kadhdhab", "negated", "before", 5, ["كذب/يكذب"], "denied (called it a lie)"),
    ("after_nafa", "negated", "after", 6, ["نفى/ينفي"], "trigger ... ، نفى X ذلك"),
    ("ahbat", "negated", "before", 3, ["أحبط/يحبط", "إحباط", "لإحباط", "بإحباط"], "foiled: the attack did not happen"),
    # hypothetical
    ("qad", "hypothetical", "before", 1, ["قد"], "قد + present = may; قد + past (already) is asserted: the engine "
                                                   "applies this cue only to present-tense forms"),
    ("rubbama", "hypothetical", "before", 3, ["ربما", "لعل"], ""),
    ("imkaniya", "hypothetical", "before", 3, ["إمكانية", "امكانية", "إمكان", "بإمكان"], ""),
    ("yumkin", "hypothetical", "before", 3, ["يمكن", "يمكن أن", "يمكنه", "يمكنها", "من الممكن", "ممكن"], ""),
    ("fi_hal", "hypothetical", "before", 6, ["في حال", "في حالة", "حال", "في حال تم", "شريطة أن", "شريطة ان",
                                            "بشرط أن", "بشرط ان"], "conditional: not 'شرط أن', which 'الشرطة إن' reads as"),
    ("law", "hypothetical", "before", 6, ["لو", "لولا"], ""),
    ("idha", "hypothetical", "before", 6, ["إذا", "اذا", "إن لم", "ما لم"], ""),
    ("ihtimal", "hypothetical", "before", 3, ["احتمال", "احتمالات", "من المحتمل", "من المرجح", "يحتمل", "يرجح"], ""),
    ("muhtamal", "hypothetical", "after", 4, ["محتمل", "محتملة", "المحتمل", "المحتملة", "وشيك", "وشيكة"],
     "هجوم محتمل; up to 4 words after: nisba adjectives stand between ('ضربة جوية أميركية أو إسرائيلية محتملة')"),
    ("makhawif", "hypothetical", "before", 3, ["مخاوف من", "خشية", "خوفا من", "تحسبا ل", "تحسبا لأي"], "fear of an attack"),
    ("ayy", "hypothetical", "before", 1, ["أي"], "أي هجوم: any attack"),
    ("talaba", "hypothetical", "before", 8, ["طالب/يطالب", "مطالبا", "مطالبة", "مطالبين", "دعا/يدعو", "داعيا",
                                               "حث/يحث", "ناشد/يناشد"],
     "طالب X بسحب قواتها، دعا إلى وقف إطلاق النار: the demanded action has not happened (the demand is REQUEST)"),
    ("haddada", "hypothetical", "before", 8, ["هدد/يهدد", "مهددا", "مهددة", "توعد/يتوعد", "متوعدا", "متوعدة"],
     "هدد X بفرض رسوم: the threatened action has not happened (the threat itself is THREATEN)"),
    ("takhawwuf", "hypothetical", "before", 3, ["تخوفا من", "تخوف من", "التخوف من", "المخاوف من"], "fear of"),
    ("hadhdhar_min", "hypothetical", "before", 3, ["حذر/يحذر من", "تحذير من", "محذرا من", "محذرة من"],
     "warned of an attack: not one that happened"),
    ("qad_yakun", "hypothetical", "before", 4, ["قد يكون", "قد تكون"], ""),
    ("khiyar", "hypothetical", "before", 4, ["خيار", "الخيار", "خيارات", "الخيارات", "خيارا"],
     "an option, not an act: 'الخيار الآخر هو شن غارات'"),
    # intended
    ("itazam", "intended", "before", 4, ["اعتزم/يعتزم"], ""),
    ("nawa", "intended", "before", 4, ["نوى/ينوي", "نية", "بنية", "عزم", "عزمها", "عزمه"], ""),
    ("azim", "intended", "before", 4, ["عازم", "عازمة", "عازمون", "عازمين"], ""),
    ("saa", "intended", "before", 4, ["سعى/يسعى إلى", "سعى/يسعى ل", "سعيا إلى", "سعيا ل"], "seeks to"),
    ("arad", "intended", "before", 3, ["أراد/يريد", "رغب/يرغب في"], "wants to"),
    ("hadaf", "intended", "before", 3, ["هدف/يهدف إلى", "بهدف", "تهدف إلى"], "aims to"),
    ("tatalla", "intended", "before", 3, ["تطلع/يتطلع إلى"], "looks forward to"),
    ("hawal", "intended", "before", 3, ["حاول/يحاول"], "attempted (not achieved)"),
    ("li_tanfidh", "intended", "before", 2, ["لتنفيذ", "كي", "لكي"], "in order to carry out"),
    # planned
    ("khitta", "planned", "before", 4, ["خطة", "خطط", "مخطط", "بخطة"], "خطة X ل + verbal noun"),
    ("khattat", "planned", "before", 4, ["خطط/يخطط"], ""),
    ("muqarrar", "planned", "before", 5, ["من المقرر", "المقرر", "مقرر", "ومن المقرر"], ""),
    ("sawfa", "planned", "before", 2, ["سوف"], "the future prefix س is detected by the engine"),
    ("murtaqab", "planned", "after", 3, ["مرتقب", "مرتقبة", "المرتقب", "المرتقبة", "المزمع", "المزمعة"], ""),
    ("muzma", "planned", "before", 4, ["من المزمع", "يزمع", "تزمع", "مزمع"], ""),
    ("mutawaqqa", "planned", "before", 4, ["من المتوقع", "يتوقع أن", "يتوقع", "يتوقع ان"], "expected to"),
    ("istaadd", "planned", "before", 3, ["استعد/يستعد ل", "يستعد", "تستعد", "استعدادا ل"], "preparing to"),
    ("muqbil", "planned", "after", 4, ["المقبل", "المقبلة", "القادم", "القادمة", "غدا", "لاحقا", "لاحق"],
     "trigger ... next week/tomorrow"),
    ("bihulul", "planned", "after", 10, ["بحلول", "حتى عام", "بحلول عام"], "a target date: by 2027"),
    ("yajri_ilan", "planned", "before", 3, ["في طريقه إلى", "في طريقها إلى"], ""),
    # reported (speaker is not the actor of the reported event)
    ("qala", "reported", "before", 12, ["قال/يقول"], "قال X إن Y ...: X is only the speaker"),
    ("akkada", "reported", "before", 12, ["أكد/يؤكد"], ""),
    ("afada", "reported", "before", 12, ["أفاد/يفيد"], ""),
    ("dhakara", "reported", "before", 12, ["ذكر/يذكر"], ""),
    ("naqala", "reported", "before", 12, ["نقل/ينقل", "نقلا عن"], ""),
    ("alana", "reported", "before", 12, ["أعلن/يعلن"], ""),
    ("ashara", "reported", "before", 12, ["أشار/يشير", "أوضح/يوضح", "أضاف/يضيف", "صرح/يصرح"], ""),
    ("zaama", "reported", "before", 12, ["زعم/يزعم", "ادعى/يدعي"], "alleged"),
    ("aqarra", "reported", "before", 12, ["أقر/يقر", "اعترف/يعترف"], "admitted: 'أقر X بأنه نفذ' (X, the speaker, did it)"),
    ("wifq", "reported", "before", 12, ["وفق", "وفقا ل", "وفقا", "طبقا ل", "بحسب", "حسب", "حسبما", "كما أفاد"], ""),
    ("anba", "reported", "before", 8, ["أنباء عن", "تقارير عن", "ترددت أنباء", "وردت أنباء", "أفادت تقارير"], ""),
    ("after_qala", "reported", "after", 10, ["قال/يقول", "أكد/يؤكد", "أفاد/يفيد", "أضاف/يضيف", "ذكر/يذكر"],
     "trigger ... ، قال مسؤول"),
    ("after_wifq", "reported", "after", 10, ["وفق", "وفقا ل", "بحسب", "حسب", "نقلا عن"], "trigger ... بحسب مصادر"),
]

EN_MODALITY = [
    ("not", "negated", "before", 2, ["not", "n't", "did not", "didn't", "does not", "doesn't", "do not", "don't",
                                     "has not", "hasn't", "have not", "haven't", "had not", "was not", "wasn't",
                                     "were not", "weren't", "is not", "isn't", "are not", "aren't"], ""),
    ("wont", "negated", "before", 2, ["won't", "will not", "would not", "wouldn't", "cannot", "can't",
                                      "could not", "couldn't", "shall not"], ""),
    ("never", "negated", "before", 2, ["never", "no longer"], ""),
    ("no", "negated", "before", 1, ["no", "without", "neither", "nor"], "no meeting took place"),
    ("deny", "negated", "before", 6, ["denied", "denies", "deny", "denying", "rejected reports", "dismissed reports"], ""),
    ("refuse", "negated", "before", 3, ["refused to", "refuses to", "refuse to", "declined to", "declines to"], ""),
    ("fail", "negated", "before", 3, ["failed to", "fails to", "fail to"], ""),
    ("rule_out", "negated", "before", 4, ["ruled out", "rules out", "rule out"], ""),
    ("call_for", "hypothetical", "before", 4, ["called for", "calls for", "call for", "calling for"],
     "the demanded action has not happened (the demand is REQUEST)"),
    ("call_on", "hypothetical", "before", 8, ["urged", "urges", "urge", "urging", "demanded", "demands", "demanding",
                                              "called on", "calls on", "call on", "calling on", "appealed to",
                                              "appeals to", "appealing to",
                                              "pushed for", "pushing for", "requested", "requests", "encouraged",
                                              "encourages"],
     "'called on both sides to observe the truce', 'urged Prime Minister X to free them': the action asked of "
     "someone has not happened (the appeal is REQUEST); as wide as the Arabic طالب/دعا/حث (8)"),
    ("threaten_to", "hypothetical", "before", 4, ["threatened to", "threatens to", "threaten to", "threatening to",
                                                  "vowed to", "vows to", "vow to", "warned of", "warns of",
                                                  "warning of"],
     "the act threatened or warned of has not happened (the threat is THREATEN), as the Arabic هدد/توعد/حذر من"),
    ("may", "hypothetical", "before", 2, ["may", "might", "could", "would", "may have", "might have", "could have"], ""),
    ("favor", "hypothetical", "before", 2, ["favored", "favoured", "favors", "favours", "advocated", "advocates",
                                            "proposed", "proposes"],
     "an opinion on an act, not the act: 'she favored prosecuting the banks', 'he proposed banning the party'"),
    ("if", "hypothetical", "before", 6, ["if", "unless", "in case of", "in the event of", "should"], ""),
    ("possible", "hypothetical", "before", 3, ["possible", "possibility of", "possibly", "potential", "perhaps",
                                               "likely", "probable", "fears of", "fear of", "any", "option", "options"],
     "'another option is to launch strikes': an option, not an act"),
    ("possible_after", "hypothetical", "after", 2, ["possible", "imminent", "likely"], ""),
    ("if_after", "hypothetical", "after", 4, ["if", "unless"], "'would withdraw troops if the talks failed'"),
    ("intend", "intended", "before", 3, ["intends to", "intend to", "intended to", "intention to", "intends",
                                         "aims to", "aim to", "aimed to", "aiming to", "seeks to", "seek to",
                                         "sought to", "seeking to", "wants to", "want to", "wanted to", "hopes to",
                                         "hope to", "is determined to", "determined to", "tried to", "tries to",
                                         "attempted to", "attempts to", "looking to"], ""),
    ("plan", "planned", "before", 4, ["plan", "plans", "planned", "plan to", "plans to", "planning to", "planned to",
                                      "plan of"], ""),
    ("will", "planned", "before", 2, ["will", "shall", "'ll", "is to", "are to", "is set to", "are set to",
                                      "set to", "is due to", "are due to", "scheduled", "is scheduled to",
                                      "are scheduled to", "scheduled to", "is expected to", "are expected to",
                                      "expected to", "is preparing to", "preparing to", "prepares to",
                                      "upcoming", "forthcoming", "next"], ""),
    ("next_after", "planned", "after", 4, ["next week", "next month", "next year", "tomorrow", "later this year",
                                           "later this month", "by 2025", "by 2026", "by 2027", "by 2028",
                                           "by 2030", "by the end of"], ""),
    ("said", "reported", "before", 12, ["said", "says", "say", "told", "stated", "announced", "claimed",
                                        "alleged", "reported", "reports", "added", "noted", "confirmed", "admitted", "acknowledged"], ""),
    ("according", "reported", "before", 12, ["according to", "quoted", "citing", "cited"], ""),
    ("said_after", "reported", "after", 10, ["said", "says", "told", "according to", "reported", "claimed",
                                             "officials said", "sources said"], ""),
]


def expand_cue(lang: str, cue: str) -> list[str]:
    if lang == "ar" and "/" in cue:
        head, _, rest = cue.partition(" ")
        past, pres = head.split("/")
        return [f"{f} {rest}".strip() for f in ar_verb(past, pres)]
    return [cue]


def modality_rows() -> list[dict]:
    rows: list[dict] = []
    for lang, table in (("ar", AR_MODALITY), ("en", EN_MODALITY)):
        seen: set[tuple[str, str]] = set()
        for name, modality, position, window, cues, notes in table:
            n = 0
            for cue in cues:
                for form in expand_cue(lang, cue):
                    key = (normalize_key(form), position)
                    if key in seen:
                        continue
                    seen.add(key)
                    n += 1
                    rows.append({"id": f"{lang}.{modality}.{name}.{n}", "lang": lang, "cue": form,
                                 "modality": modality, "position": position, "window": window,
                                 "priority": MODALITY_PRIORITY[modality], "notes": notes})
    return sorted(rows, key=lambda r: r["id"])


# --------------------------------------------------------------------------------------------------- units
# (name, kind, unit, position, forms)
AR_UNITS = [
    ("troops", "troops", "troops", "after", ["جندي", "جنديا", "جنود", "جنديان", "جنديين", "عسكري", "عسكريا",
                                             "عسكريين", "عسكريون", "عنصر", "عنصرا", "عناصر", "مقاتل", "مقاتلا",
                                             "مقاتلين", "مقاتلون", "فرد", "أفراد", "ضابط", "ضابطا", "ضباط",
                                             "جندي أمريكي", "جندي أميركي", "عنصر أمن", "رجل أمن", "رجال أمن",
                                             "شرطي", "شرطيا", "شرطيين", "رجال شرطة", "فرقة", "كتيبة", "لواء"]),
    ("killed", "killed", "killed", "after", ["قتيل", "قتيلا", "قتلى", "قتيلان", "قتيلين", "شهيد", "شهيدا", "شهداء",
                                             "شهيدان", "شهيدين", "ضحية", "ضحايا", "جثة", "جثث", "حالة وفاة",
                                             "حالات وفاة", "وفاة", "وفيات", "قتيلة"]),
    ("injured", "injured", "injured", "after", ["جريح", "جريحا", "جرحى", "جريحان", "جريحين", "مصاب", "مصابا",
                                                "مصابين", "مصابون", "إصابة", "إصابات", "مصابة"]),
    ("arrested", "arrested", "arrested", "after", ["معتقل", "معتقلا", "معتقلين", "معتقلون", "موقوف", "موقوفا",
                                                   "موقوفين", "موقوفون", "محتجز", "محتجزا", "محتجزين", "محتجزون",
                                                   "سجين", "سجينا", "سجناء", "أسير", "أسيرا", "أسرى", "مشتبه",
                                                   "مشتبها", "مشتبه بهم", "معتقلة", "معتقلات"]),
    ("hostages", "hostages", "hostages", "after", ["رهينة", "رهائن", "مختطف", "مختطفا", "مختطفين", "مخطوف",
                                                   "مخطوفين", "محتجزا لدى"]),
    ("people", "people", "people", "after", ["شخص", "شخصا", "أشخاص", "شخصان", "شخصين", "مدني", "مدنيا",
                                             "مدنيين", "مدنيون", "مواطن", "مواطنا", "مواطنين", "مواطنون", "نسمة",
                                             "طفل", "طفلا", "أطفال", "امرأة", "نساء", "رجل", "رجلا",
                                             "رجال", "فلسطيني", "فلسطينيا", "فلسطينيين", "عامل", "عاملا", "عمال",
                                             # residents, villagers, worshippers, migrants ... ("خمسة من السكان")
                                             "السكان", "سكان", "الأهالي", "أهالي", "قرويين", "قرويا", "مصلين",
                                             "مصليا", "المصلين", "مزارعين", "مزارعا", "صيادين", "صيادا", "مهاجرين",
                                             "مهاجرا", "لاجئين", "لاجئا", "مسافرين", "مسافرا", "زوار", "حجاج"]),
    ("protesters", "protesters", "protesters", "after", ["متظاهر", "متظاهرا", "متظاهرين", "متظاهرون", "محتج",
                                                         "محتجا", "محتجين", "محتجون", "معتصم", "معتصما",
                                                         "معتصمين", "معتصمون", "مشارك", "مشاركا", "مشاركين",
                                                         "طالب", "طالبا", "طلاب", "متظاهرة"]),
    ("refugees", "refugees", "refugees", "after", ["لاجئ", "لاجئا", "لاجئين", "لاجئون", "طالب لجوء", "طالبي لجوء",
                                                   "مهاجر", "مهاجرا", "مهاجرين", "مهاجرون"]),
    ("displaced", "displaced", "displaced", "after", ["نازح", "نازحا", "نازحين", "نازحون", "مهجر", "مهجرا",
                                                      "مهجرين", "مشرد", "مشردين"]),
    ("missing", "missing", "missing", "after", ["مفقود", "مفقودا", "مفقودين", "مفقودون"]),
    # money
    ("usd", "money", "USD", "after", ["دولار", "دولارا", "دولارات", "دولار أمريكي", "دولار أميركي",
                                      "دولارا أمريكيا", "دولارا أميركيا", "دولار امريكي", "دولارين"]),
    ("eur", "money", "EUR", "after", ["يورو"]),
    ("gbp", "money", "GBP", "after", ["جنيه إسترليني", "جنيها إسترلينيا", "إسترليني", "جنيه استرليني"]),
    ("egp", "money", "EGP", "after", ["جنيه", "جنيها", "جنيه مصري", "جنيها مصريا", "جنيهات"]),
    ("sar", "money", "SAR", "after", ["ريال", "ريالا", "ريال سعودي", "ريالا سعوديا", "ريالات"]),
    ("qar", "money", "QAR", "after", ["ريال قطري", "ريالا قطريا"]),
    ("omr", "money", "OMR", "after", ["ريال عماني", "ريالا عمانيا"]),
    ("irr", "money", "IRR", "after", ["ريال إيراني", "ريالا إيرانيا", "تومان"]),
    ("yer", "money", "YER", "after", ["ريال يمني", "ريالا يمنيا"]),
    ("kwd", "money", "KWD", "after", ["دينار كويتي", "دينارا كويتيا"]),
    ("jod", "money", "JOD", "after", ["دينار أردني", "دينارا أردنيا"]),
    ("iqd", "money", "IQD", "after", ["دينار عراقي", "دينارا عراقيا"]),
    ("bhd", "money", "BHD", "after", ["دينار بحريني", "دينارا بحرينيا"]),
    ("lyd", "money", "LYD", "after", ["دينار ليبي", "دينارا ليبيا"]),
    ("tnd", "money", "TND", "after", ["دينار تونسي", "دينارا تونسيا"]),
    ("dzd", "money", "DZD", "after", ["دينار جزائري", "دينارا جزائريا"]),
    ("dinar", "money", "dinar", "after", ["دينار", "دينارا", "دنانير"]),
    ("aed", "money", "AED", "after", ["درهم إماراتي", "درهما إماراتيا", "درهم", "درهما", "دراهم"]),
    ("mad", "money", "MAD", "after", ["درهم مغربي", "درهما مغربيا"]),
    ("try", "money", "TRY", "after", ["ليرة تركية", "ليرات تركية"]),
    ("lbp", "money", "LBP", "after", ["ليرة لبنانية", "ليرات لبنانية"]),
    ("syp", "money", "SYP", "after", ["ليرة سورية", "ليرات سورية"]),
    ("lira", "money", "lira", "after", ["ليرة", "ليرات"]),
    ("ils", "money", "ILS", "after", ["شيكل", "شيكلا", "شواكل", "شيقل"]),
    ("jpy", "money", "JPY", "after", ["ين", "ين ياباني", "ينا"]),
    ("cny", "money", "CNY", "after", ["يوان"]),
    ("rub", "money", "RUB", "after", ["روبل", "روبلا", "روبلات"]),
    ("inr", "money", "INR", "after", ["روبية", "روبيات"]),
    ("chf", "money", "CHF", "after", ["فرنك سويسري", "فرنكا سويسريا"]),
    # percent and what it is of
    ("percent", "percent", "percent", "after", ["%", "٪", "في المئة", "في المائة", "بالمئة", "بالمائة", "في المية"]),
    ("gdp", "of", "GDP", "after", ["الناتج المحلي الإجمالي", "الناتج المحلي", "ناتج محلي إجمالي",
                                   "الناتج القومي", "الناتج الإجمالي", "إجمالي الناتج المحلي", "ناتجها المحلي الإجمالي",
                                   "ناتجها المحلي", "ناتجه المحلي الإجمالي", "ناتجه المحلي"]),
    ("budget", "of", "budget", "after", ["الميزانية", "الموازنة", "ميزانية", "موازنة", "الميزانية العامة"]),
    # weapons, vessels, aircraft
    ("missiles", "weapons", "missiles", "after", ["صاروخ", "صاروخا", "صواريخ", "صاروخين", "صاروخان",
                                                  "صاروخ باليستي", "صواريخ باليستية", "صواريخ كروز"]),
    ("drones", "weapons", "drones", "after", ["طائرة مسيرة", "طائرات مسيرة", "مسيرة", "مسيرات", "طائرة بدون طيار",
                                              "طائرات بدون طيار", "طائرة دون طيار", "طائرات دون طيار", "درون"]),
    ("tanks", "weapons", "tanks", "after", ["دبابة", "دبابات", "مدرعة", "مدرعات", "آلية", "آليات",
                                            "آلية عسكرية", "آليات عسكرية", "عربة مدرعة", "عربات مدرعة"]),
    ("shells", "weapons", "shells", "after", ["قذيفة", "قذائف", "قذيفتين", "قذيفة هاون", "قذائف هاون"]),
    ("bombs", "weapons", "bombs", "after", ["قنبلة", "قنابل", "عبوة ناسفة", "عبوات ناسفة", "عبوة", "عبوات",
                                            "برميل متفجر", "براميل متفجرة"]),
    ("warheads", "weapons", "warheads", "after", ["رأس حربي", "رؤوس حربية", "رأس نووي", "رؤوس نووية"]),
    ("air_defense", "weapons", "systems", "after", ["منظومة", "منظومات", "بطارية", "بطاريات"]),
    ("rifles", "weapons", "firearms", "after", ["قطعة سلاح", "قطع سلاح", "بندقية", "بنادق", "قطعة", "قطع"]),
    ("vessels", "vessels", "vessels", "after", ["سفينة", "سفن", "سفينتين", "سفينتان", "ناقلة", "ناقلات", "قارب",
                                                "قاربا", "قوارب", "زورق", "زورقا", "زوارق", "مدمرة", "مدمرات",
                                                "فرقاطة", "فرقاطات", "غواصة", "غواصات", "سفينة حربية", "سفن حربية",
                                                "حاملة طائرات", "حاملات طائرات", "بارجة", "بوارج"]),
    ("aircraft", "aircraft", "aircraft", "after", ["طائرة", "طائرات", "طائرتين", "طائرتان", "مقاتلة", "مقاتلات",
                                                   "مروحية", "مروحيات", "طائرة حربية", "طائرات حربية",
                                                   "طائرة مقاتلة", "طائرات مقاتلة", "قاذفة", "قاذفات"]),
]

EN_UNITS = [
    ("troops", "troops", "troops", "after", ["troops", "soldiers", "soldier", "personnel", "servicemen",
                                             "service members", "servicemembers", "marines", "fighters", "officers",
                                             "police officers", "policemen", "security personnel", "military personnel",
                                             "american troops", "us troops", "u.s. troops", "reservists"]),
    ("killed", "killed", "killed", "after", ["dead", "killed", "deaths", "fatalities", "bodies", "people killed",
                                             "people dead", "were killed", "people were killed", "casualties"]),
    ("injured", "injured", "injured", "after", ["injured", "wounded", "injuries", "hurt", "people injured",
                                                "people wounded", "were injured", "were wounded"]),
    ("arrested", "arrested", "arrested", "after", ["arrested", "detained", "detainees", "prisoners", "arrests",
                                                   "suspects", "people arrested", "were arrested", "captives"]),
    ("hostages", "hostages", "hostages", "after", ["hostages", "hostage", "abductees", "kidnapped"]),
    ("people", "people", "people", "after", ["people", "persons", "civilians", "residents", "children", "women",
                                             "men", "workers", "palestinians", "israelis"]),
    ("protesters", "protesters", "protesters", "after", ["protesters", "protestors", "demonstrators", "marchers",
                                                         "students", "supporters"]),
    ("refugees", "refugees", "refugees", "after", ["refugees", "asylum seekers", "asylum-seekers", "migrants"]),
    ("displaced", "displaced", "displaced", "after", ["displaced", "displaced people", "internally displaced"]),
    ("missing", "missing", "missing", "after", ["missing", "people missing", "unaccounted for"]),
    ("usd", "money", "USD", "either", ["dollars", "dollar", "usd", "us dollars", "u.s. dollars"]),
    ("usd_sign", "money", "USD", "before", ["$", "us$", "usd", "u.s.$"]),
    ("eur", "money", "EUR", "either", ["euros", "euro", "eur"]),
    ("eur_sign", "money", "EUR", "before", ["€"]),
    ("gbp", "money", "GBP", "either", ["pounds", "pounds sterling", "sterling", "gbp"]),
    ("gbp_sign", "money", "GBP", "before", ["£"]),
    ("jpy", "money", "JPY", "either", ["yen", "jpy", "¥"]),
    ("cny", "money", "CNY", "either", ["yuan", "renminbi", "cny"]),
    ("rub", "money", "RUB", "after", ["roubles", "rubles", "rub"]),
    ("sar", "money", "SAR", "after", ["riyals", "saudi riyals", "sar"]),
    ("egp", "money", "EGP", "after", ["egyptian pounds", "egp"]),
    ("ils", "money", "ILS", "after", ["shekels", "new shekels", "ils", "nis"]),
    ("try", "money", "TRY", "after", ["lira", "turkish lira", "liras"]),
    ("dinar", "money", "dinar", "after", ["dinars", "dinar"]),
    ("aed", "money", "AED", "after", ["dirhams", "aed"]),
    ("inr", "money", "INR", "after", ["rupees", "inr"]),
    ("percent", "percent", "percent", "after", ["%", "percent", "per cent", "pct", "percentage points"]),
    ("gdp", "of", "GDP", "after", ["gdp", "of gdp", "gross domestic product", "of gross domestic product",
                                   "of its gdp", "of its gross domestic product", "of economic output"]),
    ("budget", "of", "budget", "after", ["budget", "of the budget", "of its budget"]),
    ("missiles", "weapons", "missiles", "after", ["missiles", "missile", "rockets", "rocket", "ballistic missiles",
                                                  "cruise missiles"]),
    ("drones", "weapons", "drones", "after", ["drones", "drone", "unmanned aerial vehicles", "uavs"]),
    ("tanks", "weapons", "tanks", "after", ["tanks", "armoured vehicles", "armored vehicles", "armoured personnel carriers"]),
    ("shells", "weapons", "shells", "after", ["shells", "mortar rounds", "mortars", "artillery shells", "rounds"]),
    ("bombs", "weapons", "bombs", "after", ["bombs", "explosive devices", "ieds"]),
    ("warheads", "weapons", "warheads", "after", ["warheads", "nuclear warheads"]),
    ("systems", "weapons", "systems", "after", ["air defense systems", "air defence systems", "batteries", "systems"]),
    ("firearms", "weapons", "firearms", "after", ["rifles", "guns", "firearms", "weapons"]),
    ("vessels", "vessels", "vessels", "after", ["ships", "vessels", "boats", "warships", "destroyers", "frigates",
                                                "submarines", "tankers", "aircraft carriers", "carriers"]),
    ("aircraft", "aircraft", "aircraft", "after", ["aircraft", "planes", "jets", "fighter jets", "helicopters",
                                                   "warplanes", "bombers"] ),
]


def unit_rows() -> list[dict]:
    rows = []
    for lang, table in (("ar", AR_UNITS), ("en", EN_UNITS)):
        for name, kind, unit, position, forms in table:
            rows.append({"id": f"{lang}.{kind}.{name}", "lang": lang, "forms": list(dict.fromkeys(forms)),
                         "kind": kind, "unit": unit, "position": position, "notes": ""})
    return sorted(rows, key=lambda r: r["id"])


def write(name: str, rows: list[dict]) -> None:
    with (DATA / name).open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {name}")


def main() -> None:
    write("modality.jsonl", modality_rows())
    write("units.jsonl", unit_rows())


if __name__ == "__main__":
    main()

"""Who did what: the actor codes the engine gives in sentence shapes that once went wrong.

Sentences written for the project; each assertion fails if the rule named in its test breaks.
"""
from __future__ import annotations

import pytest

import marsad

from ._coding import DATE, codes as _codes, events_of as _events, first_codes


@pytest.mark.parametrize("text, lang", [
    ("هاجم مسلحون مجهولون نقطة تفتيش في بغداد أمس.", "ar"),
    ("Gunmen attacked a checkpoint in Baghdad on Monday.", "en"),
])
def test_unnamed_gunmen_belong_to_the_country_of_the_place(text, lang):
    # ACLED's "Unidentified Armed Group (Iraq)": an armed sector without a country takes the event's country
    evs = _events(text, "ASSAULT", lang)
    assert evs and _codes(evs[0].source) == ["IRQUAF"]


@pytest.mark.parametrize("text, lang, source", [
    ("قالت تل أبيب إنها فرضت حصارا بحريا على القطاع.", "ar", ["ISR"]),
    ("وذكر المسؤول أن تل ابيب قصفت مخازن أسلحة في ريف حمص.", "ar", ["ISR"]),  # no hamza on ابيب
    ("Tel Aviv imposed a naval blockade on the strip on Monday.", "en", ["ISR"]),
])
def test_tel_aviv_stands_for_israel(text, lang, source):
    # places.jsonl "seat_of": not the capital in the KB, but its name stands for the state, as a capital's does
    # (the bare country code: eval/GUIDELINES.md §5 and §12, docs/coding-decisions.md "Metonyms")
    evs = _events(text, "ASSAULT", lang)
    assert evs and _codes(evs[0].source) == source


def test_a_city_without_seat_of_stays_a_place():
    doc = marsad.code("قالت حيفا إنها فرضت حصارا بحريا على القطاع.", lang="ar", date=DATE)
    assert not [a for e in doc.events for a in e.source if a.code.endswith("GOV")]


@pytest.mark.parametrize("text, actors", [
    ("وشن الطيران الإسرائيلي غارات على مواقع في جنوب لبنان.", ["ISRMIL"]),
    ("شن الطيران السوري غارات على قرى في ريف إدلب.", ["SYRMIL"]),
    ("وتوقفت حركة الطيران في المطار بسبب العاصفة.", []),
])
def test_aviation_is_an_air_force_only_with_a_nisba(text, actors):
    # "الطيران" is the common word (aviation); next to a nisba it is that country's air force (role:air_force)
    doc = marsad.code(text, lang="ar", date=DATE)
    assert sorted({a.code for e in doc.events for a in e.source}) == actors


@pytest.mark.parametrize("text, etype, source", [
    ("بغداد - قررت الحكومة فرض حظر التجول في المدينة أمس.", "COERCE", ["IRQGOV"]),
    ("الخرطوم - وقالت الحكومة إنها ستفرض عقوبات على الشركات.", "SANCTION", ["SDNGOV"]),
])
def test_the_bare_government_is_the_home_countrys(text, etype, source):
    # "الحكومة" alone is the government of the document's home country (its dateline here)
    evs = _events(text, etype)
    assert evs and _codes(evs[0].source) == source


def test_a_visitor_does_not_take_the_country_of_the_visit():
    # an unnamed delegation arriving in Tel Aviv is not Israeli: visits do not localize their source
    evs = _events("وصل الوفد إلى تل أبيب أمس لإجراء محادثات.", "CONSULT")
    assert evs and not [a for a in evs[0].source if a.code.startswith("ISR")] and _codes(evs[0].target) == ["ISR"]


def test_a_word_in_ta_marbuta_carries_no_pronoun():
    # "امرأة" is a woman, not أمرا (an order) + ه: no REQUEST event
    doc = marsad.code("قامت امرأة بتفجير نفسها قرب دورية في الموصل أمس.", lang="ar", date=DATE)
    assert [e.type for e in doc.events] == ["ASSAULT"]


@pytest.mark.parametrize("text, etype, source, target", [
    ("تم اعتقال الناشط من قبل قوات الأمن السورية أمس.", "COERCE", ["SYRCOP"], ["SYRCVL"]),
    ("وأفادت بأنه تم تعذيبه من قبل عدة ضباط عراقيين في البصرة.", "ASSAULT", ["IRQMIL"], []),
    ("ذكر شهود أنه تم شن غارة جوية أميركية على قرى في جنوب الصومال.", "ASSAULT", ["USA"], ["SOM"]),
])
def test_a_verbal_noun_after_tamma_is_passive(text, etype, source, target):
    # "تم + verbal noun": the noun after it is the victim, "من قبل X" the agent; a nisba is whose act it is
    assert first_codes(text, etype) == (source, target)


@pytest.mark.parametrize("text, source", [
    ("أطلقت طائرة مسيرة تابعة للجيش الأمريكي صاروخين على سيارة قرب الحدود السورية.", "USAMIL"),
    ("قصفت مدفعية تابعة للجيش السوري قرى في ريف إدلب أمس.", "SYRMIL"),
    ("قصفت طائرة مسيرة تابعة لوكالة المخابرات المركزية الاميركية قافلة سيارات في محافظة مأرب.", "USASPY"),
])
def test_the_owner_of_the_weapon_is_the_source(text, source):
    evs = _events(text, "ASSAULT")
    assert evs and _codes(evs[0].source) == [source]


def test_a_coalition_has_its_leader_as_country():
    doc = marsad.code("شن التحالف بقيادة السعودية غارات على صنعاء أمس.", lang="ar", date=DATE)
    coalition = [e for e in doc.entities if e.code == "IMGMILSCL"]
    assert coalition and coalition[0].country == "SAU"


@pytest.mark.parametrize("text", [
    "قتل خمسة جنود في هجوم على ثكنة في مقديشو أمس، وأعلنت حركة الشباب مسؤوليتها عنه.",
    "هاجم مسلحون ثكنة في مقديشو أمس، وأعلنت حركة الشباب مسؤوليتها عن الهجوم.",
    "قتل خمسة جنود في هجوم على ثكنة في شمال البلاد أمس تبنته حركة الشباب.",
])
def test_a_claim_names_the_attacker(text):
    # the claim (CAMEO 015) stays an event, and its source becomes the attacks' source (not their target)
    doc = marsad.code(text, lang="ar", date=DATE)
    claims = [e for e in doc.events if e.cameo == "015"]
    attacks = [e for e in doc.events if e.type == "ASSAULT"]
    assert claims and _codes(claims[0].source) == ["SOMREBSHB"]
    assert attacks and all(_codes(e.source) == ["SOMREBSHB"] for e in attacks)
    assert all("SOMREBSHB" not in _codes(e.target) for e in attacks)
    # the soldiers before "في هجوم" are the victims, never the attackers
    assert all("SOMMIL" not in _codes(e.source) and "MIL" not in _codes(e.source) for e in attacks)


def test_an_admission_makes_its_speaker_the_actor():
    # "أقر X بأنه نفذ غارات": أقر reports, and the speaker is the subject of "أنه + verb phrase"
    evs = _events("وأقر الجيش الأمريكي بأنه نفذ غارات جوية على مواقع في جنوب الصومال الأسبوع الماضي.", "ASSAULT")
    assert evs and _codes(evs[0].source) == ["USAMIL"] and evs[0].modality == "reported"


def test_after_a_pronoun_subject_the_next_noun_is_the_object():
    # "أنها استهدفت عناصر بوكو حرام": Boko Haram fighters were targeted, they did not target
    # (the raid's two tellings, "خلفت قتلى" and "استهدفت", are one event since the ninth round: its roles are these)
    evs = _events("وقال الجيش النيجيري إن الغارة خلفت قتلى، لافتا إلى أنها استهدفت عناصر بوكو حرام.", "ASSAULT")
    hit = [e for e in evs if "استهدفت" in e.evidence.text]
    assert hit and "NGAREBBKH" in _codes(hit[0].target) and "NGAREBBKH" not in _codes(hit[0].source)


def test_the_subject_of_kana_acts_after_qad_and_a_recent_pluperfect_is_news():
    # "وكانت X، <apposition>، قد أطلقت ... أمس": X fired, and a pluperfect dated this week is not background
    evs = _events("وكانت كتائب القسام، ذراع حركة حماس المسلح، قد أطلقت أمس رشقات من القذائف على بلدات "
                  "إسرائيلية متاخمة للقطاع.", "ASSAULT")
    assert evs and _codes(evs[0].source) == ["PSEREBHMS"]
    # the same pluperfect years back stays background
    recalled = _events("وكان الجيش الإسرائيلي قد قصف مواقع في غزة عام 2014.", "ASSAULT")
    assert recalled and all(e.background for e in recalled)  # a dated pluperfect act: kept, flagged background


def test_an_actor_right_before_a_verb_phrase_is_its_subject():
    # "أن إسرائيل تفرض حصارا": SVO with a verb phrase; but in "أرسلت الإمارات فرق إنقاذ" the actor after the verb
    # is that verb's subject, not the subject of the noun phrase after it
    evs = _events("وأكد النائب أن إسرائيل تفرض حصاراً بحرياً على السواحل منذ سنوات.", "ASSAULT")
    assert evs and _codes(evs[0].source) == ["ISR"]
    aid = _events("أرسلت الإمارات فرق إنقاذ ومستشفى ميدانيا إلى سوريا بعد الزلزال.", "AID")
    assert aid and all(_codes(e.target) != ["ARE"] for e in aid)


def test_the_owner_of_a_victim_is_not_the_attacker():
    evs = _events("تعرض معسكر تابع للجيش في جنوب البلاد فجر اليوم إلى هجوم انتحاري.", "ASSAULT")
    assert evs and all("MIL" not in _codes(e.source) for e in evs)


@pytest.mark.parametrize("text, source", [
    ("تعرض معسكر للجيش في شمال البلاد فجر اليوم إلى هجوم انتحاري شنه متمردو التاميل.", "LKAREBLTT"),
    ("تعرض معسكر للجيش في شمال البلاد فجر اليوم إلى هجوم انتحاري، نسب إلى متمردي التاميل.", "LKAREBLTT"),
    ("وقالت الوزارة إن الهجوم نفذه انتحاري ينتمي إلى حركة طالبان في قندهار.", "AFGREBTAL"),
    ("هاجم مسلحون تابعون لحركة الشباب قاعدة في مقديشو أمس.", "SOMREBSHB"),
])
def test_agent_clauses_and_affiliations_name_the_attacker(text, source):
    # "هجوم شنه X", "نسب إلى X", an unnamed attacker "ينتمي إلى X" / "تابعون لـ X"; the clause's verb ("شنه")
    # is no second attack
    evs = _events(text, "ASSAULT")
    assert len(evs) == 1 and _codes(evs[0].source) == [source]


def test_taada_ala_is_an_assault_by_a_named_faction():
    evs = _events("وتقول منظمات محلية إن قوات مناوي تتعدى على النازحين في مخيمات شمال دارفور.", "ASSAULT")
    assert evs and _codes(evs[0].source) == ["SDNREBSLM"]


@pytest.mark.parametrize("text, lang, source", [
    ("ورصدت المنطقة مساء السبت إطلاق صواريخ كاتيوشا من جنوب لبنان باتجاه بلدة المطلة.", "ar", "LBN"),
    ("أطلقت صواريخ من قطاع غزة على مدينة عسقلان أمس.", "ar", "PSE"),
    ("Rockets were fired from Gaza at Ashkelon on Monday.", "en", "PSE"),
])
def test_rockets_fired_from_a_place_come_from_its_country(text, lang, source):
    evs = _events(text, "ASSAULT", lang)
    assert evs and _codes(evs[0].source) == [source]


def test_the_means_of_a_clause_are_its_subjects():
    # "ردت إسرائيل استخباراتيا عبر اغتيال": Israel is who assassinates, even with an adverb between
    evs = _events("لكن إسرائيل ردت سريعا وبصمت عبر اغتيال قيادي في الحزب أمس.", "ASSAULT")
    assert evs and _codes(evs[0].source) == ["ISR"]


def test_a_comma_participle_keeps_the_main_verb_s_subject():
    # "طالب X طهران بالإفراج …، محذرا": the demanded release (a definite verbal noun) does not become the subject
    # that the participle shares; X warns
    evs = _events("وطالب وزير الخارجية البريطاني طهران بالإفراج عن الناقلة، محذرا من عواقب وخيمة.", "THREATEN")
    assert evs and _codes(evs[0].source) == ["GBRGOV"]


@pytest.mark.parametrize("text, source, target", [
    ("ودعا الحزب أنصاره إلى التظاهر، واتهم الحكومة باستخدام القضاء.", ["PTY"], ["GOV"]),
    ("وأدان الشرطة الهجوم على المتظاهرين.", [], ["COP"]),
    ("واتهمت الحكومة الحزب بإثارة الفوضى.", ["GOV"], ["PTY"]),  # the party accused is the object
])
def test_a_masculine_verb_does_not_take_a_feminine_institution_as_subject(text, source, target):
    # verb and subject agree in gender: after "اتهم" (masculine) the institution "الحكومة" is the object
    evs = [e for e in marsad.code(text, lang="ar").events if e.type == "ACCUSE"]
    assert evs and _codes(evs[-1].source) == source and _codes(evs[-1].target) == target


def test_a_place_after_joined_fi_is_where_it_happened():
    evs = _events("وفي بغداد، صوت مجلس النواب على قرار يطالب الحكومة بإنهاء وجود القوات الأجنبية.", "REQUEST")
    assert evs and evs[0].location is not None and evs[0].location.country == "IRQ"
    assert _codes(evs[0].target) == ["IRQGOV"]


@pytest.mark.parametrize("text, modality, source", [
    ("The army said it would withdraw its troops from the border next week.", "planned", ["MIL"]),
    ("Japan said that it would impose sanctions on the companies.", "planned", ["JPN"]),
    ("The army would withdraw its troops from the border if the talks failed.", "hypothetical", ["MIL"]),
    ("The army said it would withdraw its troops if the talks failed.", "hypothetical", ["MIL"]),
])
def test_english_would_in_reported_speech_is_planned(text, modality, source):
    # "said (that) it would" is the future of reported speech; a conditional "if" after the event still wins
    evs = [e for e in marsad.code(text, lang="en", date=DATE).events if e.type in ("RETREAT", "CONCEDE", "SANCTION")]
    assert evs and evs[0].modality == modality and _codes(evs[0].source) == source


@pytest.mark.parametrize("text, source, target", [
    ("اغتيل الوزير اللبناني في بيروت أمس.", ["LBNUAF"], ["LBNGOV"]),  # VSO passive: the subject is the victim
    # (an attack that names no attacker: the unidentified armed group of the place, eval/GUIDELINES.md §12)
    ("القوات الأمريكية تعرضت لهجوم في بغداد أمس.", ["IRQUAF"], ["USAMIL"]),  # SVO passive too
    ("تعرض موكب الوزير الأفغاني لهجوم في كابل أمس.", ["AFGUAF"], ["AFGGOV"]),
    ("أصيب ثلاثة جنود إسرائيليين برصاص فلسطينيين في الخليل.", ["PSE"], ["ISRMIL"]),  # "برصاص X": the agent
    ("قتل شاب فلسطيني برصاص الجيش الإسرائيلي في جنين أمس.", ["ISRMIL"], ["PSE"]),  # an agent makes قتل passive
    ("اغتيل القيادي في الحركة على يد مسلحين مجهولين في غزة.", ["PSEUAF"], ["PSE"]),
])
def test_the_subject_of_a_passive_is_the_victim(text, source, target):
    evs = _events(text, "ASSAULT")
    assert len(evs) == 1 and _codes(evs[0].source) == source and _codes(evs[0].target) == target


@pytest.mark.parametrize("text, cameo", [
    ("هاجم مسلحون نقطة تفتيش بسيارة مفخخة في الموصل أمس.", "1832"),
    ("تعرض موكب الوزير الأفغاني لهجوم بعبوة ناسفة في كابل أمس.", "1833"),
    ("يحقق الجيش الأمريكي في مقتل مدنيين بغارة جوية شرق سوريا.", "195"),
])
def test_the_weapon_of_an_attack_is_that_attack(text, cameo):
    # "ب + weapon" right after an attack is how it was made: one event, with the weapon's more specific code
    evs = _events(text, "ASSAULT")
    assert [e.cameo for e in evs] == [cameo]


@pytest.mark.parametrize("text, lang, source, target", [
    ("لقي ثلاثة جنود أمريكيين مصرعهم في بغداد أمس.", "ar", ["IRQUAF"], ["USAMIL"]),
    ("أعلن الجيش العراقي مصرع ثلاثة جنود في الموصل أمس.", "ar", ["IRQUAF"], ["IRQMIL"]),
    ("استشهد شاب فلسطيني برصاص الجيش الإسرائيلي في جنين أمس.", "ar", ["ISRMIL"], ["PSE"]),
    ("Five Iraqi soldiers were killed in a bombing in Mosul on Monday.", "en", ["IRQUAF"], ["IRQMIL"]),
])
def test_deaths_told_of_the_victims_put_them_in_the_target(text, lang, source, target):
    assert first_codes(text, "ASSAULT", lang) == (source, target)


@pytest.mark.parametrize("text, lang", [
    ("ولم يقتل او يجرح اي مدني في القصف الأخير على البلدة.", "ar"),
    ("The blast did not kill or wound any soldier.", "en"),
])
def test_a_verb_joined_by_or_shares_the_negation(text, lang):
    evs = _events(text, "ASSAULT", lang)
    assert evs and all(e.modality == "negated" for e in evs)


def test_the_given_name_yasir_is_no_capture():
    doc = marsad.code("أحيا الفلسطينيون ذكرى رحيل الزعيم ياسر عرفات في رام الله أمس.", lang="ar", date=DATE)
    assert not [e for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, lang, source, target", [
    ("استقبل الرئيس السوري في دمشق أمس وزير الخارجية السعودي.", "ar", ["SAUGOV"], ["SYRGOV"]),
    ("President Biden hosted the Japanese prime minister at the White House on Friday.", "en", ["JPNGOV"],
     ["USAGOV"]),
])
def test_a_hosted_visit_has_the_visitor_as_source(text, lang, source, target):
    # decision 28: the host's verb is told from the visitor's side, CAMEO 042 "make a visit"
    evs = _events(text, "CONSULT", lang)
    assert evs and evs[0].cameo == "042" and _codes(evs[0].source) == source and _codes(evs[0].target) == target


def test_hosting_an_event_keeps_the_host():
    evs = _events("استضافت قطر القمة الخليجية أمس.", "CONSULT")
    assert evs and _codes(evs[0].source) == ["QAT"]


@pytest.mark.parametrize("text, etype, source", [
    ("الخرطوم - خرج آلاف المتظاهرين اليوم إلى شوارع الخرطوم احتجاجا على الغلاء.", "PROTEST", "SDNCVL"),
    ("هاجم عشرات المسلحين مركزا للشرطة في الموصل أمس.", "ASSAULT", "IRQUAF"),
])
def test_a_counted_group_noun_is_genitive_not_object(text, etype, source):
    # "آلاف المتظاهرين": ـين after a count is the genitive of the counted noun, so the group is still the subject
    evs = _events(text, etype)
    assert evs and _codes(evs[0].source) == [source]


@pytest.mark.parametrize("text, lang, etype, source", [
    ("بغداد - قتل 30 شخصا على الأقل في تفجير استهدف سوقا شعبية أمس.", "ar", "ASSAULT", "IRQGOV"),
    ("RIYADH - Drone attacks set fire to two oil facilities on Saturday.", "en", "ASSAULT", "SAUGOV"),
])
def test_a_dateline_is_no_actor(text, lang, etype, source):
    # "بغداد -" says where the story was filed: the capital is not the subject of the first verb
    evs = _events(text, etype, lang)
    assert evs and source not in [c for e in evs for c in _codes(e.source)]


def test_a_subordinate_clause_has_its_own_subject():
    text = "بيروت - تراجعت الحكومة اللبنانية عن القرار، بعد أن خرج عشرات الآلاف إلى الشوارع في بيروت مساء أمس."
    evs = _events(text, "PROTEST")
    assert evs and _codes(evs[0].source) == ["LBNCVL"]


def test_the_noun_after_a_plural_verb_is_its_object():
    evs = _events("وأغلق المحتجون الطرق الرئيسية، وطالبوا باستقالة الحكومة.", "REQUEST")
    assert evs and _codes(evs[0].source) == ["CVL"] and _codes(evs[0].target) == ["GOV"]


def test_a_place_supports_its_countrys_ambiguous_name():
    # "Jordan" needs context; Amman, a place of Jordan named firmly in the document, gives it
    evs = _events("AMMAN - Jordan called off a summit planned for Wednesday in Amman.", "REJECT", "en")
    assert evs and _codes(evs[0].source) == ["JOR"]


def test_a_nisba_after_a_locative_is_where_it_happened():
    evs = _events("اندلعت أعمال شغب في عدة مدن بريطانية بعد هجوم ساوثبورت.", "PROTEST")
    assert evs and evs[0].location is not None and evs[0].location.country == "GBR"
    assert _codes(evs[0].source) == ["GBRCVL"]


@pytest.mark.parametrize("text, modality", [
    ("Israeli warplanes struck targets across Gaza, the Israeli military said.", "reported"),
    ("The militia said it had launched ten drones at the oil sites.", "reported"),
    ("Israeli warplanes struck targets across Gaza on Friday.", "asserted"),
    ("The army said on Monday it would withdraw its troops from the border next week.", "planned"),
])
def test_english_reports_without_that(text, modality):
    # a reporting verb before the event, or an attribution closing the sentence, makes it reported
    evs = [e for e in marsad.code(text, lang="en", date=DATE).events if e.type != "CAMEO-01"]
    assert evs and evs[0].modality == modality


@pytest.mark.parametrize("text, etype, source", [
    ("أنقرة - أعلنت السلطات التركية إحباط محاولة انقلاب، واعتقال مئات العسكريين بينهم ضباط كبار.", "COERCE",
     "TURGOV"),
    ("وأعلنت وزارة الدفاع الأمريكية إرسال 1000 جندي إضافي لتأمين المطار.", "MOBILIZE", "USAMIL"),
])
def test_the_acts_an_authority_announces_are_its_own(text, etype, source):
    # "أعلنت X ... ، واعتقال": verbal nouns announced later in the sentence take the announcer as source
    evs = _events(text, etype)
    assert evs and _codes(evs[0].source) == [source]


def test_the_health_ministry_announcing_deaths_is_no_killer():
    evs = _events("أعلنت وزارة الصحة مقتل خمسة أشخاص في القصف على المدينة أمس.", "ASSAULT")
    assert not [a for e in evs for a in e.source if a.code.endswith("HLH") or a.code.endswith("GOV")]


@pytest.mark.parametrize("text, source, target", [
    ("ذكرت مصادر محلية أن مقاتلا قتل بعدما قصفت طائرة مسيرة موقعا قرب القرية.", ["UAF"], ["REB"]),
    ("جنود أمريكيون قتلوا في هجوم في بغداد أمس.", ["IRQUAF"], ["USAMIL"]),
    pytest.param("وذكر شهود أن فرقة إسرائيلية خاصة اغتالت صباح أمس ناشطا في نابلس.", ["ISR"], ["PSECVL"],
                 marks=pytest.mark.xfail(strict=True, reason=(
                     "SVO 'X اغتالت <time> ناشطا' codes the activist as the source (PSECVL -> PSE), with or without "
                     "a time; it held only for the dev-data wording 'اغتالت قبل ظهر أمس'"))),
    ("الجيش الإسرائيلي قتل ثلاثة مسلحين في جنين أمس.", ["ISRMIL"], ["PSEUAF"]),
])
def test_a_patient_verb_without_an_object_is_passive(text, source, target):
    evs = [e for e in _events(text, "ASSAULT") if e.trigger.text in ("قتل", "قتلوا", "اغتالت")]
    assert evs and _codes(evs[0].source) == source and _codes(evs[0].target) == target


@pytest.mark.parametrize("text, etype, source", [
    ("The secretary general of NATO warned Russia on Monday.", "THREATEN", ["IGONAT"]),
    ("The foreign minister of Egypt met his Jordanian counterpart in Amman on Monday.", "CONSULT", ["EGYGOV", "JORGOV"]),
    ("The president of France visited Algiers on Monday.", "CONSULT", ["FRAGOV"]),  # a lower-case title, confirmed
])
def test_an_english_title_takes_the_body_after_of(text, etype, source):
    # "secretary general of NATO" is one actor, NATO's; the body is no prepositional phrase left to the target
    assert first_codes(text, etype, "en")[0] == source


@pytest.mark.parametrize("text, etype, source", [
    ("وقال المتحدث إن المتظاهرين «طالبوا بالإفراج عن زملائهم المعتقلين».", "REQUEST", "CVL"),
    ("وأضاف البيان أن الجيش العراقي «قصف مواقع المسلحين قرب الحدود».", "ASSAULT", "IRQMIL"),
])
def test_a_quotation_opening_on_the_verb_leaves_the_subject_outside(text, etype, source):
    evs = [e for e in marsad.code(text, lang="ar", date="2015-05-14", min_confidence=0.0).events if e.type == etype]
    assert evs and source in [a.code for a in evs[0].source]


def test_the_possessor_of_the_subject_is_an_actor_for_a_phrase_trigger():
    """"أعلنت وزارة الدفاع اليابانية أن قواتها رفعت درجة التأهب": the forces are the ministry's, so the raised alert
    is pinned down by an actor and kept (it was dropped as a kind of event before the refinement ran)."""
    evs = [e for e in marsad.code("أعلنت وزارة الدفاع اليابانية أن قواتها رفعت درجة التأهب في جزر أوكيناوا.",
                                  lang="ar", date="2024-05-14", min_confidence=0.0).events if e.type == "MOBILIZE"]
    assert evs and "JPNMIL" in [a.code for a in evs[0].source]


def test_missiles_that_hit_headquarters_are_an_attack():
    evs = [e for e in marsad.code("أعلن الجيش الإسرائيلي أن صواريخه أصابت مستودعات أسلحة لحركة حماس في رفح.",
                                  lang="ar", date="2024-05-14", min_confidence=0.0).events if e.type == "ASSAULT"]
    assert evs and "ISRMIL" in [a.code for a in evs[0].source]


@pytest.mark.parametrize("people", ["المشاغبين", "المصلين", "الصيادين", "الموقوفين"])
def test_people_in_a_crowd_or_at_work_are_civilians(people):
    """Role civilians: rioters, worshippers, fishermen and detainees arrested are a target (CVL of the place)."""
    evs = [e for e in marsad.code(f"واعتقلت الشرطة المصرية عشرات {people} في الإسكندرية أمس.", lang="ar",
                                  date="2015-05-14", min_confidence=0.0).events if e.type == "COERCE"]
    assert evs and "EGYCVL" in [a.code for a in evs[0].target]

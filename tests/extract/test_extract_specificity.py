"""Background mentions are not new events, and who did what to whom in the sentence shapes that flip roles.

Sentences written for the project. Each assertion fails if the rule behind it breaks: the background filter
(kb/data/scope.jsonl + extract/specificity.py), the passive reading of counted victims, the speaker as subject of
"إنه + verb", the subject of قام ب + verbal noun, "قد" + past (asserted, not "may"), and the victim genitive.
"""
from __future__ import annotations

import pytest

import marsad
from marsad.errors import KBError
from marsad.extract.lexicon import load_scope

from ._coding import DATE, codes as _codes, events_of as _events


@pytest.mark.parametrize("text, reason", [
    ("نعى الحزب قائده الميداني الذي قتل في غارة العام الماضي.", "relative clause about an entity"),
    ("وكان مسلحون قد خطفوا المهندس الشهر الماضي قبل أن يفرجوا عنه أمس.", "pluperfect background"),
    ("تراجعت السياحة في المدينة منذ اغتيال المحافظ.", "reference point in time"),
    ("أصدرت المحكمة حكما على رجلين متهمين بالخطف.", "a charge"),
    ("ناقش المؤتمر أسباب تفشي جرائم القتل في المدن الكبرى.", "a kind of event"),
    ("حذر التقرير من أن القتل، والخطف، ينتشران في الأرياف.", "a bare definite verbal noun"),
])
def test_background_mentions_are_not_assaults(text, reason):
    # a recalled act may be kept, flagged background; none is a new asserted event
    assert not [e for e in _events(text, "ASSAULT") if e.modality == "asserted" and not e.background], reason


@pytest.mark.parametrize("text, lang", [
    ("ووصفت الرابطة توقيف الطلاب بأنه مساس بالحق في التظاهر السلمي أمام الجامعة.", "ar"),
    ("وطالبت المنظمة باحترام حرية التظاهر في البلاد.", "ar"),
    ("The group said the arrests violated the right to protest in the capital.", "en"),
])
def test_a_right_to_protest_is_no_protest(text, lang):
    # "الحق في التظاهر", "the right to protest": a right or freedom names a kind of act (scope generic_head)
    assert not _events(text, "PROTEST", lang)


def test_a_new_event_in_the_same_words_is_kept():
    evs = _events("خطف مسلحون مهندسا تركيا قرب مدينة الموصل أمس.", "ASSAULT")
    assert evs and evs[0].modality == "asserted"


def test_counted_victims_after_kill_are_the_target():
    evs = _events("قتل ثلاثة جنود أمريكيين في انفجار عبوة ناسفة جنوب بغداد أمس.", "ASSAULT")
    kill = [e for e in evs if e.trigger.text == "قتل"]
    assert kill, evs
    assert "USAMIL" in _codes(kill[0].target)
    assert "USAMIL" not in _codes(kill[0].source)


def test_an_agent_before_kill_stays_the_source():
    evs = _events("قتل الجيش الباكستاني عشرين مسلحا في وزيرستان.", "ASSAULT")
    assert evs and _codes(evs[0].source) == ["PAKMIL"]


def test_the_speaker_is_the_subject_of_inna_hu_plus_verb():
    evs = _events("قال الجيش الإسرائيلي إنه قتل خمسة مسلحين في غزة.", "ASSAULT")
    kill = [e for e in evs if e.trigger.text == "قتل"]
    assert kill and _codes(kill[0].source) == ["ISRMIL"]
    assert kill[0].modality == "reported"


def test_the_speaker_is_not_the_subject_of_another_clause():
    evs = _events("قال الجيش الإسرائيلي إن مسلحين هاجموا موقعا عسكريا قرب الحدود.", "ASSAULT")
    assert evs and "ISRMIL" not in _codes(evs[0].source)


def test_qama_bi_masdar_takes_the_subject_of_qama():
    evs = _events("قامت القوات التركية بقصف مواقع حزب العمال الكردستاني شمال العراق.", "ASSAULT")
    assert evs, "بقصف is the verbal noun of قصف"
    assert _codes(evs[0].source) == ["TURMIL"]


def test_qad_before_a_past_verb_is_asserted_and_before_a_present_verb_hypothetical():
    past = _events("قالت الشرطة إن المسلحين قد هاجموا مركزا للشرطة في كركوك.", "ASSAULT")
    assert past and past[0].modality in ("asserted", "reported")
    present = _events("حذرت الحكومة من أن المسلحين قد يهاجمون مراكز الشرطة.", "ASSAULT")
    assert present and present[0].modality == "hypothetical"


def test_the_genitive_of_assassination_is_the_victim():
    evs = _events("نفذ مسلحون اغتيال الصحفي العراقي في الموصل أمس.", "ASSAULT")
    assert evs
    assert any("IRQMED" in _codes(e.target) for e in evs)
    assert not any("IRQMED" in _codes(e.source) for e in evs)


def test_scope_file_is_validated(tmp_path):
    bad = tmp_path / "scope.jsonl"
    bad.write_text('{"id": "ar.scope.x", "lang": "ar", "reason": "nonsense", "words": ["x"]}\n', encoding="utf-8")
    with pytest.raises(KBError, match="reason"):
        load_scope(bad)
    bad.write_text('{"id": "ar.scope.x", "lang": "ar", "reason": "charge", "words": []}\n', encoding="utf-8")
    with pytest.raises(KBError, match="words"):
        load_scope(bad)


def test_a_question_is_not_a_report():
    evs = _events("هل قصفت إسرائيل مواقع للجيش السوري قرب دمشق؟", "ASSAULT")
    assert evs and all(e.modality == "hypothetical" for e in evs)
    evs = _events("قصفت إسرائيل مواقع للجيش السوري قرب دمشق.", "ASSAULT")
    assert evs and evs[0].modality == "asserted"


def test_an_object_after_a_time_and_a_head_noun_is_the_target():
    evs = [e for e in marsad.code("رفض رئيس الوزراء الإسرائيلي اليوم الخميس الشروط التي وضعتها حركة حماس للهدنة.",
                                  lang="ar", date=DATE).events if e.type == "REJECT"]
    assert evs and any(a.code.startswith("PSE") for a in evs[0].target)


def test_a_weapon_named_alone_is_no_attack():
    assert not _events("تسعى الحكومة إلى شراء طائرات بدون طيار لمراقبة الحدود.", "ASSAULT")
    assert _events("أطلقت إيران مئات الطائرات المسيرة باتجاه إسرائيل أمس.", "ASSAULT")


def test_a_definite_verbal_noun_needs_a_place_time_or_count():
    assert not _events("ندد حزب الوفد المصري بالهجوم على مقره.", "ASSAULT")
    assert _events("ندد حزب الوفد المصري بالهجوم على مقره في القاهرة أمس.", "ASSAULT")


def test_a_joined_verb_shares_the_subject_of_the_first():
    evs = _events("انتقد الرئيس التونسي الحكومة الليبية وطالب بالإفراج عن المعتقلين التونسيين.", "REQUEST")
    assert evs and {a.code[:3] for a in evs[0].source} == {"TUN"}


def test_an_object_does_not_stand_beyond_a_joined_verb():
    evs = marsad.code("أدانت مصر الهجوم وطالبت إسرائيل بوقف التصعيد.", lang="ar", date=DATE).events
    condemn = [e for e in evs if e.type == "ACCUSE"]
    assert condemn and "ISR" not in {a.code[:3] for a in condemn[0].target}


@pytest.mark.parametrize("text, etype, source", [
    ("The Houthis launched 10 drones at Saudi oil facilities on Saturday.", "ASSAULT", "YEM"),
    ("The United States struck three nuclear sites in Iran.", "ASSAULT", "USA"),
])
def test_english_verb_and_object_with_words_between(text, etype, source):
    evs = _events(text, etype, lang="en")
    assert evs and any(a.code.startswith(source) for a in evs[0].source)


def test_english_backshift_in_reported_speech_is_not_background():
    assert _events("The Houthis said they had launched ten drones at Saudi oil facilities.", "ASSAULT", lang="en")
    recalled = _events("The Houthis had launched ten drones at Saudi oil facilities.", "ASSAULT", lang="en")
    assert recalled and all(e.background for e in recalled)  # kept, flagged: a specific act recalled


def test_two_titled_actors_side_by_side_are_two_actors():
    evs = _events("انتقد الرئيس التونسي الحكومة الليبية.", "ACCUSE")
    assert evs and _codes(evs[0].source) == ["TUNGOV"] and _codes(evs[0].target) == ["LBYGOV"]
    evs = _events("ورحب قائد الجيش اللبناني العماد جوزيف عون بالمنحة القطرية.", "SUPPORT")
    assert evs and len(evs[0].source) == 1 and evs[0].source[0].code.startswith("LBN")


def test_a_threatened_action_is_not_asserted():
    evs = _events("هدد الرئيس الأمريكي اليوم الاثنين بفرض عقوبات جديدة على الصين.", "SANCTION")
    assert evs and evs[0].modality == "hypothetical"
    assert _events("هدد الرئيس الأمريكي اليوم الاثنين بفرض عقوبات جديدة على الصين.", "THREATEN")


def test_recognition_of_a_state_named_in_the_gazetteer():
    evs = _events("إسبانيا وأيرلندا والنرويج تعلن الاعتراف بدولة فلسطين", "SUPPORT")
    assert evs and {a.code for a in evs[0].source} == {"ESP", "IRL", "NOR"} and _codes(evs[0].target) == ["PSE"]
    assert not _events("أدلى المتهم باعتراف كامل أمام المحكمة.", "SUPPORT")


def test_a_toll_in_the_next_sentence_joins_the_attack():
    text = ("شنت طائرات إسرائيلية غارات على بلدة في جنوب لبنان مساء أمس. "
            "وقالت وزارة الصحة اللبنانية إن خمسة أشخاص قتلوا وأصيب عشرة آخرون.")
    evs = _events(text, "ASSAULT")
    assert len(evs) == 1, [(e.trigger.text, e.sentence) for e in evs]
    assert len(evs[0].evidences) == 2
    # a second attack by someone else stays its own event
    text2 = text + " وفي تطور آخر، قصف الجيش السوري مواقع للمعارضة في إدلب."
    assert len(_events(text2, "ASSAULT")) == 2


def test_unnamed_demonstrators_are_civilians_of_the_place():
    evs = _events("تظاهر آلاف في شوارع الخرطوم أمس احتجاجا على ارتفاع الأسعار.", "PROTEST")
    assert evs and _codes(evs[0].source) == ["SDNCVL"] and not evs[0].target
    actor = evs[0].source[0]
    text = "تظاهر آلاف في شوارع الخرطوم أمس احتجاجا على ارتفاع الأسعار."
    assert text[actor.start:actor.end] == actor.text  # the implicit actor still points at the text
    evs = _events("Thousands protested in Paris on Saturday against the pension reform.", "PROTEST", lang="en")
    assert evs and _codes(evs[0].source) == ["FRACVL"]


def test_a_plural_verb_is_not_followed_by_its_subject():
    evs = _events("وأطلقوا صواريخهم نحو بلدة فلسطينية على أطراف الضفة.", "ASSAULT")
    assert evs and not any(a.code.startswith("PSE") for a in evs[0].source)
    evs = _events("وأطلق المسلحون النار على دورية للشرطة العراقية.", "ASSAULT")
    assert evs and evs[0].source


@pytest.mark.parametrize("text", [
    "تلقى الاقتصاد المصري ضربة قوية من أزمة الديون.",
    "يشكو السكان في البصرة من شح المياه العذبة.",
])
def test_no_verb_ends_in_ta_marbuta(text):
    assert not _events(text, "ASSAULT")


def test_a_suicide_bomber_blowing_himself_up_is_an_attack_and_dawn_is_not():
    evs = _events("فجر انتحاري نفسه قرب مركز للشرطة في بغداد.", "ASSAULT")
    assert evs and evs[0].mode == "explosives"
    assert not _events("وصلت القوات العراقية قبل الفجر إلى البلدة.", "ASSAULT")


def test_english_relative_clauses_and_participles_are_not_new_events():
    assert not [e for e in _events("Hasina resigned after weeks of protests in which about 300 people were killed.",
                                   "ASSAULT", lang="en") if not e.background]
    assert not _events("The G7 agreed a loan for Ukraine backed by frozen Russian assets.", "SANCTION", lang="en")
    assert _events("The European Union froze Russian central bank assets on Monday.", "SANCTION", lang="en")


def test_qad_before_a_form_x_past_verb_is_asserted():
    evs = _events("وقد استهدف التفجير مقرا للحزب الاشتراكي في العاصمة أمس.", "ASSAULT")
    assert evs and all(e.modality == "asserted" for e in evs)


def test_sweet_is_not_torture():
    assert not _events("جاء صوت المغني عذبا صافيا في الحفل.", "ASSAULT")
    assert _events("قال معتقلون سابقون إن رجال الأمن عذبوا السجناء في السجن المركزي.", "ASSAULT")


def test_a_politician_attacking_a_party_is_criticism_not_assault():
    evs = marsad.code("شن رئيس الوزراء العراقي هجوما لاذعا على التيار الصدري في خطاب متلفز.", lang="ar",
                      date=DATE).events
    assert evs and evs[0].type == "ACCUSE" and evs[0].cameo == "111"
    evs = _events("شن الجيش الإسرائيلي هجوما على مواقع لحركة حماس في غزة.", "ASSAULT")
    assert evs and evs[0].cameo.startswith("19")


def test_english_participle_after_a_comma_is_the_same_attack():
    evs = _events("Israeli warplanes struck Hezbollah's headquarters in Beirut on Friday, killing the group's leader.",
                  "ASSAULT", lang="en")
    assert len(evs) == 1 and _codes(evs[0].source) == ["ISRMIL"]


def test_an_english_gap_companion_needs_its_object_after_the_verb():
    assert not _events("Tech firm launches new phone as rivals plan price war.", "ASSAULT", lang="en")
    assert not _events("Tech firm launches new phone as rivals plan price war.", "CONSULT", lang="en")


def test_a_circumstantial_participle_takes_the_subject_of_the_main_verb():
    text = "أعلن وزير الخارجية الجزائري قطع العلاقات الدبلوماسية مع المغرب، متهما الرباط بأعمال عدائية."
    evs = marsad.code(text, lang="ar", date=DATE).events
    accuse = [e for e in evs if e.type == "ACCUSE"]
    cut = [e for e in evs if e.type == "SANCTION"]
    assert accuse and _codes(accuse[0].source) == ["DZAGOV"] and accuse[0].target[0].code.startswith("MAR")
    assert cut and _codes(cut[0].source) == ["DZAGOV"] and cut[0].target[0].code.startswith("MAR")


def test_talaba_is_demanded_and_protesters_closing_roads_protest():
    evs = _events("وطالب وزير الخارجية البريطاني طهران بالإفراج الفوري عن الناقلة.", "REQUEST")
    assert evs and evs[0].source[0].code.startswith("GBR")
    assert _events("وأغلق المحتجون الطرق الرئيسية بالإطارات المشتعلة في بيروت.", "PROTEST")
    assert not _events("أغلقت الشرطة الطرق المؤدية إلى الساحة.", "PROTEST")


def test_english_possessive_country_then_group_noun_is_one_actor():
    evs = marsad.code("Myanmar's military seized power in a coup on Monday.", lang="en", date=DATE).events
    assert evs and _codes(evs[0].source) == ["MMRMIL"]


def test_a_demanded_action_is_not_asserted():
    evs = _events("وطالب الاتحاد الأوروبي موسكو بسحب قواتها من الحدود الأوكرانية.", "RETREAT")
    assert evs and evs[0].modality == "hypothetical"
    assert _events("وطالب الاتحاد الأوروبي موسكو بسحب قواتها من الحدود الأوكرانية.", "REQUEST")


@pytest.mark.parametrize("text, lang, etype", [
    ("اقتحم المتظاهرون مبنى البرلمان في بغداد.", "ar", "PROTEST"),
    ("اقتحم الجيش الإسرائيلي مدينة جنين فجر أمس.", "ar", "ASSAULT"),
    ("Thousands of protesters stormed the parliament building in Baghdad.", "en", "PROTEST"),
    ("Israeli troops stormed the town of Jenin on Monday.", "en", "ASSAULT"),
])
def test_storming_is_a_riot_by_demonstrators_and_an_assault_by_troops(text, lang, etype):
    assert [e.type for e in marsad.code(text, lang=lang, date=DATE).events] == [etype]


def test_a_verdict_is_not_a_referee():
    assert _events("احتشد عشرات المحامين أمام قصر العدل احتجاجا على الحكم.", "PROTEST")
    assert not _events("وأطلق الحكم صافرة النهاية بعد هجوم متواصل للفريق المضيف في المباراة.", "ASSAULT")

"""Trigger phrases with a nationality slot ("use of <nationality> nuclear weapons"): one lexicon form covers every
country's adjective, the adjective's country is the actor, and any other name inside a phrase still breaks it.

Sentences written for the project.
"""
from __future__ import annotations

import pytest

import marsad

from ._coding import DATE


def _unconventional(text: str) -> list:
    return [e for e in marsad.code(text, lang="en", date=DATE).events if e.cameo == "2042"]


@pytest.mark.parametrize("text, country", [
    ("Officials in Kyiv feared a use of Russian nuclear weapons within weeks.", "RUS"),
    ("Two think tanks debated a use of American nuclear weapons in a future crisis.", "USA"),
    ("Seoul warned against any use of Chinese nuclear weapons near the border.", "CHN"),
])
def test_a_nationality_in_the_slot_is_the_source(text, country):
    evs = _unconventional(text)
    assert evs, text
    assert [a.code for a in evs[0].source] == [country]
    assert evs[0].trigger.text.startswith("use of ") and evs[0].trigger.text.endswith("nuclear weapons")


def test_the_phrase_without_a_nationality_still_matches():
    assert _unconventional("The militia threatened a use of nuclear weapons against cities in the region.")


def test_a_name_that_is_not_a_nationality_does_not_fill_the_slot():
    # "Moscow" is a place, not an adjective: the slot takes only a one-word nisba or demonym
    assert not _unconventional("Lawmakers discussed the use of Moscow nuclear weapons policy.")


@pytest.mark.parametrize("text", [
    "شن زعيم المعارضة هجوما حادا على الحكومة أمس.",
    "شن رئيس الحزب هجوماً عنيفاً على وزير الداخلية في مؤتمر صحفي.",
])
def test_a_politician_s_attack_is_criticism(text):
    # speech_cameo: a civilian political source (even a sector not yet given its country, "OPP") and no
    # casualties make "شن هجوما" CAMEO 111, and its object "هجوما" is then no second (armed) attack
    doc = marsad.code(text, lang="ar", date=DATE)
    assert doc.events and all(e.cameo == "111" and e.type != "ASSAULT" for e in doc.events)


@pytest.mark.parametrize("text, cameo", [
    ("قررت الحكومة الأمريكية فرض حصار اقتصادي على كوبا أمس.", "163"),
    ("فرضت القوات الإسرائيلية حصارا على مدينة جنين أمس.", "191"),
])
def test_an_economic_siege_is_an_embargo_and_a_military_one_a_blockade(text, cameo):
    doc = marsad.code(text, lang="ar", date=DATE)
    assert [e.cameo for e in doc.events if e.cameo in ("163", "191")] == [cameo]


@pytest.mark.parametrize("text", [
    "وطالب الشيخ الرئيس بملاقاة المعارضة لقطع الطريق على الفتنة.",  # to forestall strife: no road blocked
    "وتقاطع مصالح قوى المعارضة مع هذا التعطيل.",  # interests that meet: no boycott
])
def test_idioms_are_not_protests(text):
    doc = marsad.code(text, lang="ar", date=DATE)
    assert not [e for e in doc.events if e.type == "PROTEST"]


def test_a_blocked_road_is_still_a_protest():
    doc = marsad.code("قطع المحتجون الطريق الرئيسي في بيروت أمس احتجاجا على الغلاء.", lang="ar", date=DATE)
    assert [e.cameo for e in doc.events if e.type == "PROTEST"] == ["144"]


@pytest.mark.parametrize("text", [
    "انفجرت أزمة جديدة داخل مجلس إدارة شركة الطيران هذا الأسبوع.",  # a crisis broke out
    "خطف الموت الزعيم ثم خلفه.",  # death took him
    "أرسلت روسيا سفينة حربية لاعتراض سفينة شحن عليها 33 دبابة قتال.",  # battle tanks, no fighting
])
def test_metaphors_and_compounds_are_not_assaults(text):
    doc = marsad.code(text, lang="ar", date=DATE)
    assert not [e for e in doc.events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, etype, cameo", [
    ("ستسحب إسرائيل قواتها من جنوب لبنان تدريجيا خلال 60 يوما.", "CONCEDE", "0356"),  # promised
    ("أمر وزير الدفاع الروسي اليوم بسحب القوات من مدينة خيرسون.", "CONCEDE", "0356"),  # ordered
    ("وقال نتنياهو إن إسرائيل لن توقف عملياتها العسكرية في قطاع غزة.", "CONCEDE", "0356"),  # "will not"
    ("سحبت إسرائيل قواتها من جنوب لبنان أمس.", "RETREAT", "0874"),  # done
])
def test_an_announced_withdrawal_is_a_concession_and_a_done_one_a_retreat(text, etype, cameo):
    doc = marsad.code(text, lang="ar", date=DATE)
    assert [(e.type, e.cameo) for e in doc.events if e.type in ("CONCEDE", "RETREAT")] == [(etype, cameo)]


@pytest.mark.parametrize("text, etype, cameo, lang", [
    ("Thousands of people stormed the governor's office in Basra on Monday.", "PROTEST", "145", "en"),
    ("Jordan called off a summit planned for Wednesday in Amman.", "REJECT", "125", "en"),
    ("Iran reserves all options to defend itself, its foreign minister said.", "THREATEN", "130", "en"),
    ("The United States will reduce its forces to 8,600 within 135 days.", "CONCEDE", "0356", "en"),
    ("Seoul and Washington suspended joint military exercises on Friday.", "RETREAT", "087", "en"),
    ("Egyptian and Sudanese air forces began their first joint air exercise on Monday.", "COOPERATE", "062", "en"),
    ("Iranian authorities cut off almost all internet access on Sunday.", "COERCE", "1721", "en"),
    ("Britain will phase out imports of Russian oil by the end of the year.", "SANCTION", "163", "en"),
    ("انطلقت اليوم الأحد فعاليات التمرين البحري المشترك بين القوات البحرية السعودية والقوات البحرية المصرية.",
     "COOPERATE", "062", "ar"),
    ("أعلن رئيس الحكومة الليبية اليوم إيقاف وزيرة الخارجية عن العمل وإحالتها إلى التحقيق.", "ACCUSE", "090", "ar"),
    ("كشفت وزارة الدفاع الإيرانية اليوم الخميس عن نسخة جديدة من صاروخ باليستي.", "MOBILIZE", "150", "ar"),
    ("وطالب وزير الخارجية البريطاني طهران بالإفراج عن الناقلة، محذرا من عواقب وخيمة.", "THREATEN", "130", "ar"),
    ("بعد أن رفعت تركيا اعتراضها على عضوية البلدين في الحلف.", "CONCEDE", "080", "ar"),
    ("Turkey lifted its objection to the membership of Finland and Sweden.", "CONCEDE", "080", "en"),
    ("رفعت مصر وتركيا مستوى العلاقات الدبلوماسية إلى مستوى السفراء.", "SUPPORT", "050", "ar"),
    ("Egypt and Turkey upgraded diplomatic relations on Tuesday.", "SUPPORT", "050", "en"),
    ("قررت الحكومة إرسال قوات إلى الحدود الشمالية.", "MOBILIZE", "154", "ar"),
])
def test_senses(text, etype, cameo, lang):
    doc = marsad.code(text, lang=lang, date=DATE)
    assert (etype, cameo) in [(e.type, e.cameo) for e in doc.events]


@pytest.mark.parametrize("text, found", [
    ("لكن سوريا ردت عبر اغتيال ضابط كبير في الاستخبارات.", True),
    ("وحاولت الجماعة من خلال اختطاف رهائن الضغط على الحكومة.", True),
    ("وتحدث التقرير عن اغتيال ضابط كبير في الاستخبارات.", False),  # talked of, with no context: not coded
    ("طالب الوزير بحل الخلاف عبر الحوار.", False),  # the means rule is for violent acts only
])
def test_an_act_told_as_the_means_needs_no_other_context(text, found):
    # a verbal noun after "عبر" / "من خلال" is how the clause's subject acted: it stands without time or toll words
    evs = [e for e in marsad.code(text, lang="ar", date=DATE).events if e.type in ("ASSAULT", "COERCE", "CONSULT")]
    assert bool(evs) == found


@pytest.mark.parametrize("text, etype", [
    ("واتهم الرئيس أردوغان الداعية فتح الله غولن بالوقوف وراء المحاولة.", "CAMEO-02"),  # a preacher, no appeal
    ("إيران تقصف قاعدتين تستضيفان قوات أمريكية في العراق.", "CONSULT"),  # bases host troops, no visit
    ("غزة - أفرجت حركة حماس اليوم عن ثلاث رهائن، في إطار اتفاق وقف إطلاق النار.", "RETREAT-ceasefire"),
])
def test_words_that_only_look_like_events(text, etype):
    evs = marsad.code(text, lang="ar", date=DATE).events
    if etype == "RETREAT-ceasefire":  # the frame an act is done under is no new ceasefire
        assert not [e for e in evs if e.mode == "ceasefire" and not e.background]
    else:
        assert not [e for e in evs if (e.type or f"CAMEO-{e.cameo[:2]}") == etype]


def test_the_dead_are_no_verb_with_a_pronoun():
    # "قتلى" (the dead) is not قتل + ي; told right after "لم يسفر عن سقوط" it is that (negated) outcome
    evs = marsad.code("وقال الرئيس إن الهجوم لم يسفر عن سقوط قتلى أمريكيين.", lang="ar", date=DATE).events
    assert [e.modality for e in evs if e.type == "ASSAULT"] == ["negated"]


@pytest.mark.parametrize("text, etype", [
    ("بكين تحتج على عبور مدمرة أمريكية مضيق تايوان.", "ACCUSE"),
    ("احتج آلاف المتظاهرين في بكين على القرار.", "PROTEST"),
    ("تظاهر آلاف العراقيين في بغداد احتجاجا على البطالة.", "PROTEST"),
])
def test_a_governments_protest_is_an_accusation(text, etype):
    evs = [e for e in marsad.code(text, lang="ar", date=DATE).events if e.type in ("ACCUSE", "PROTEST")]
    assert evs and evs[0].type == etype


@pytest.mark.parametrize("text, cameo", [
    ("The United States lifted nuclear-related sanctions on Iran on Saturday.", "085"),
    ("Israel eased the months-long blockade on the strip on Sunday.", "0872"),
])
def test_a_gap_companion_takes_the_code_of_its_object(text, cameo):
    # one companion per (type, verb, CAMEO code): the object present chooses the sense; the lifted sanctions are
    # the object of the lifting, no sanction event of their own
    evs = marsad.code(text, lang="en", date=DATE).events
    assert [e.cameo for e in evs] == [cameo]


@pytest.mark.parametrize("text, etype", [
    ("Tehran vows response after the strikes.", "THREATEN"),
    ('The supreme leader vowed "severe revenge" on Sunday.', "THREATEN"),
    ("The allies launched missiles at sites in Syria linked to chemical weapons production.", "ASSAULT"),
    ("Residents assessed the damage from the explosion of ammonium nitrate stored at the port.", None),
])
def test_english_senses_of_coder_0_5(text, etype):
    evs = [e for e in marsad.code(text, lang="en", date=DATE).events if e.type in ("THREATEN", "AGREE", "ASSAULT")]
    assert [e.type for e in evs] == ([etype] if etype else [])


@pytest.mark.parametrize("lang, text, kept", [
    ("en", "The virus has infected hundreds of people in the province and killed three.", False),
    ("en", "Gunmen killed two vaccinators during the polio outbreak in the north.", True),
    ("ar", "وقتل الزلزال الذي ضرب المنطقة أمس عشرين شخصا", False),
    ("ar", "وقتل مسلحون ثلاثة من العاملين في حملة التطعيم ضد الوباء", True),
])
def test_illness_and_nature_rule_an_attack_out_unless_attackers_are_named(lang, text, kept):
    """kb/data/contexts.jsonl ``<lang>.nature_illness``: a death a virus or an earthquake deals is no ASSAULT; the
    context's ``unless`` words (gunmen, مسلحون, a bomb) keep it, even inside an actor's name."""
    doc = marsad.code(text, lang=lang, date="2024-05-01", all_candidates=True)
    assert any(e.type == "ASSAULT" for e in doc.events) is kept


@pytest.mark.parametrize("text, protest", [
    ("Thousands demonstrated in the capital against the new tax.", True),
    ("Nurses demonstrated Sunday outside the health ministry.", True),
    ("The trial demonstrated a clear weakness in the new drug.", False),
    ("No treatment has been clearly demonstrated effective so far.", False),
])
def test_to_demonstrate_is_to_protest_only_before_where_or_against_what(text, protest):
    """lexicon_en demonstrate: "demonstrated a weakness" (showed) is no protest; "demonstrated in/against/outside",
    "demonstrated Sunday" are."""
    doc = marsad.code(text, lang="en", date="2024-05-01", all_candidates=True)
    assert any(e.type == "PROTEST" for e in doc.events) is protest


@pytest.mark.parametrize("text, etype", [
    ("وأكد الوزير أن الحكومة تعمل على تحقيق الإصلاح في المجالات كافة", "ACCUSE"),
    ("وقال المحلل إن الأهم هو تقاطع المعلومات من مصادر متعددة", "PROTEST"),
])
def test_achieving_and_intersecting_are_not_investigating_and_boycotting(text, etype):
    """"تحقيق الإصلاح" is achieving reform, not an investigation; "تقاطع المعلومات" is information converging, not
    a boycott (the senses' exclusion words)."""
    doc = marsad.code(text, lang="ar", date="2024-05-01", all_candidates=True)
    assert not any(e.type == etype for e in doc.events)


@pytest.mark.parametrize("text", [
    "وقتل الصبي على أيدي رجال الشرطة أمس",  # أيدي: hands, not أيد (supported) + ي
    "ووصف المتحدث النظام بأنه قمعي وخطير",  # قمعي: repressive, not قمع + ي
    "وقال الوزير إن الوضع هنا هادئ تماما",  # هنا: here, not هنأ (congratulated) once folded
])
def test_words_that_only_look_like_a_verb_with_me_are_no_verb(text):
    """A verb's first-person object is "ني", never "ي"; and the past "هنأ" folds to "هنا" (here): neither is a
    SUPPORT or an ASSAULT verb."""
    doc = marsad.code(text, lang="ar", date="2024-05-01", all_candidates=True)
    assert not any(e.type == "SUPPORT" for e in doc.events)
    assert sum(e.type == "ASSAULT" for e in doc.events) <= 1


@pytest.mark.parametrize("text", [
    "ووصف الوزير القرار كاعتداء على سيادة البلاد",  # ك: likened to an attack
    "وانفجر الصراع أمس بين الحزبين بعد الانتخابات",  # a conflict "exploded"
    "وعثرت الشرطة على مواد شديدة الانفجار في مخزن",  # highly explosive material
    "وقالت الحركة إن الخطة تعرض حياة الرهائن للخطر",  # endangers
])
def test_figures_and_comparisons_are_no_attack(text):
    """Figures of speech (issue 18): "ك" + a noun likens something to an act; a conflict or laughter "explodes";
    "شديدة الانفجار" describes a material; "تعرض للخطر" is endangering. None is an ASSAULT."""
    doc = marsad.code(text, lang="ar", date="2024-05-01", all_candidates=True)
    assert not any(e.type == "ASSAULT" for e in doc.events)


@pytest.mark.parametrize("text, concede", [
    ("وأعلنت الحكومة وقف إطلاق النار في الإقليم أمس", True),
    ("وبعد يوم على وقف إطلاق النار أعلنت الحكومة أنها اعتقلت عشرة مسلحين", False),
])
def test_a_vso_verb_s_object_follows_it(text, concede):
    """A VSO companion ("أعلنت" + "وقف إطلاق النار") needs its object after the verb: a ceasefire named before
    "أعلنت" is not what it announces."""
    doc = marsad.code(text, lang="ar", date="2024-05-01", all_candidates=True, explain=True)
    assert any(r["rule"] == "ar.concede.announce_ceasefire.vso" and r["outcome"].startswith("kept")
               for r in doc.explain) is concede


@pytest.mark.parametrize("text, accusation", [
    ("وأفرجت السلطات عن سجينين اتهما بالخطف في العاصمة", False),  # the passive: a charge they bear
    ("وتقول المنظمة إن جنودا يتهمون بعمليات تعذيب في السجن", False),
    ("واتهم الوزير الأردني الحكومة الإيرانية بالتدخل", True),  # active: whom, then ب
    ("وندد الوزير الأردني بشدة بالهجوم على السفارة", True),  # denouncing is not "accused of"
])
def test_accused_of_with_no_one_accused_before_it_is_a_charge(text, accusation):
    """"اتهما بالخطف": an accusing verb followed right away by its ب phrase, with no pronoun and no object, is the
    passive (they were accused of): a charge, no ACCUSE event."""
    doc = marsad.code(text, lang="ar", date="2024-05-01", all_candidates=True)
    assert any(e.type == "ACCUSE" for e in doc.events) is accusation


def test_a_verb_s_al_is_no_article():
    """The lexicon lets a word written with the article match without it ("النار" ~ "نار"), but a verb's ال is its
    own letters: "التقى" (met) must not match the name "تقي"."""
    doc = marsad.code("وأدان المرجع الديني محمد تقي المدرسي الهجوم على المصلين", lang="ar", date="2024-05-01",
                      all_candidates=True)
    assert not any(e.type == "CONSULT" for e in doc.events)
    doc = marsad.code("والتقى وزير الخارجية الأردني نظيره المصري في عمان أمس", lang="ar", date="2024-05-01")
    assert any(e.type == "CONSULT" for e in doc.events)


@pytest.mark.parametrize("text, etype", [
    ("واصطدم مئات المحتجين مع رجال الشرطة في وسط المدينة أمس", "ASSAULT"),
    ("وألقت قوات الأمن قنابل الغاز المسيلة للدموع على المحتجين أمس", "ASSAULT"),
    ("وتحركت أمس تعزيزات من الجيش نحو الحدود الشمالية", "MOBILIZE"),
    ("واستنجدت الشرطة بالجيش بعد اتساع أعمال الشغب", "REQUEST"),
])
def test_more_ways_news_tells_clashes_crowd_control_moves_and_appeals(text, etype):
    doc = marsad.code(text, lang="ar", date="2024-05-01", all_candidates=True)
    assert any(e.type == etype for e in doc.events)


def test_a_vehicle_that_collides_is_no_clash():
    doc = marsad.code("واصطدمت سيارة بشاحنة على الطريق السريع أمس", lang="ar", date="2024-05-01", all_candidates=True)
    assert not any(e.type == "ASSAULT" for e in doc.events)


@pytest.mark.parametrize("text, etype, found", [
    ("وقتل الرجل مع أسرته في قصف على المدينة", "ASSAULT", 1),  # أسرته: his family, not أسرت + ه
    ("وأسرت الحركة جنديين في هجوم على الحدود", "ASSAULT", 1),
    ("وقال الوزير خلال رحلته إلى باريس إن الحكومة مستعدة للحوار", "COERCE", 0),  # رحلته: his trip, not رحلت + ه
    ("ورحلت السلطات عشرات المهاجرين إلى بلادهم", "COERCE", 1),
])
def test_a_noun_in_ta_marbuta_with_a_pronoun_is_no_verb(text, etype, found):
    """With a pronoun, ة is written ت: "أسرته" is his family or "she captured him". After a preposition it is the
    noun; a bare "أسرت" needs who was captured near (capture_f)."""
    doc = marsad.code(text, lang="ar", date="2024-05-01", all_candidates=True)
    assert sum(e.type == etype for e in doc.events) == found

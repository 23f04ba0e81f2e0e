"""A place as the target (coding rule place-of-the-act, kb/data/coding_rules.jsonl): an attack, a deployment, a
withdrawal or a coercion that reaches a place targets its country when no actor is its target -- the place its
direct object, or put after the trigger by a place noun or a locative word; a rebel's act in its own country targets
that country. And a definite noun heads no genitive (extract/actors.py): a name after it is another actor. Sentences
written for the project."""
from __future__ import annotations

import pytest

import marsad

from ._coding import DATE, first_codes


@pytest.mark.parametrize("text, lang, expect", [
    # the place is the direct object, with a place noun between or none
    ("قصفت المدفعية الروسية مدينة خاركيف.", "ar", (["RUSMIL"], ["UKR"])),
    ("Russian artillery shelled the city of Kharkiv.", "en", (["RUSMIL"], ["UKR"])),
    # a place noun after the preposition: "في مدينة X", "in the city of X"
    ("قصفت الطائرات الروسية مستودعات في مدينة خاركيف.", "ar", (["RUSMIL"], ["UKR"])),
    # a locative word: "قرب X", "near X"
    ("شنت الطائرات الإسرائيلية غارات على مواقع قرب حمص.", "ar", (["ISRMIL"], ["SYR"])),
    ("Israeli jets struck targets near Homs.", "en", (["ISRMIL"], ["SYR"])),
    # a rebel's act in its own country targets it
    ("قصفت قوات الدعم السريع مدينة الأبيض بالمدفعية.", "ar", (["SDNREBRSF"], ["SDN"])),
    ("The Rapid Support Forces shelled the town of El Obeid.", "en", (["SDNREBRSF"], ["SDN"])),
    # a state's act in its own country only says where it happened
    ("قصف الجيش السوري مواقع في ريف حلب.", "ar", (["SYRMIL"], [])),
])
def test_the_place_an_act_reaches_is_its_target(text, lang, expect):
    assert first_codes(text, "ASSAULT", lang) == expect


def test_a_place_noun_alone_is_no_place():
    # "مدينة" (a city) is also a name of Medina in the gazetteer: alone, it names no place to target
    assert first_codes("قصفت المدفعية مواقع في مدينة لم تحددها المصادر.", "ASSAULT") in (None, ([], []))


def test_a_statement_is_not_aimed_at_where_it_was_made():
    # REQUEST is no type of place-of-the-act: "في مدينة جنيف" says where the demand was made
    doc = marsad.code("طالب وزير الخارجية الأمريكي في مدينة جنيف بوقف القتال.", lang="ar", date=DATE,
                      all_candidates=True)
    requests = [e for e in doc.events if e.type == "REQUEST"]
    assert requests and all(e.target == [] for e in requests)


@pytest.mark.parametrize("text, etype, expect", [
    ("طالبت منظمة الصحة العالمية السودان بفتح المعابر.", "REQUEST", (["UNOWHO"], ["SDN"])),
    ("منح البنك الدولي الأردن قرضا جديدا.", "AID", (["IGOWBK"], ["JOR"])),
])
def test_a_name_after_a_definite_subject_is_the_object(text, etype, expect):
    # VSO with both arguments named: "منظمة الصحة العالمية" ends in a definite word, which heads no genitive
    assert first_codes(text, etype) == expect


@pytest.mark.parametrize("text, lang, expect", [
    # the country across a border (grammar table frontier_nouns) is what a deployment reaches
    ("نشرت أذربيجان قوات إضافية على حدودها مع أرمينيا.", "ar", (["AZE"], ["ARM"])),
    ("حشدت إثيوبيا جنودا على الحدود مع إريتريا.", "ar", (["ETH"], ["ERI"])),
    ("Azerbaijan deployed more troops on its border with Armenia.", "en", (["AZE"], ["ARM"])),
    ("Ethiopia massed soldiers along the frontier with Eritrea.", "en", (["ETH"], ["ERI"])),
    # a joined verb keeps the subject before it; the units it moves are no subject (coding rule own-forces-moved)
    ("أغلقت إثيوبيا معابرها وحشدت قوات قرب الحدود مع إريتريا.", "ar", (["ETH"], ["ERI"])),
])
def test_a_deployment_targets_the_country_across_the_border(text, lang, expect):
    assert first_codes(text, "MOBILIZE", lang) == expect


def test_the_units_a_country_deploys_are_its_own():
    # "قوات" after the subject is what moves, not a target; the source's own country only places it
    assert first_codes("أغلقت باكستان معابرها وحشدت قوات قرب بيشاور.", "MOBILIZE") == (["PAK"], [])


@pytest.mark.parametrize("text, lang, expect", [
    # RETREAT's own preposition (من, "from") introduces the place left, although no partner of a cooperative event
    # stands behind it (grammar table not_coop_targets)
    ("سحبت بريطانيا آخر جنودها من أفغانستان.", "ar", (["GBR"], ["AFG"])),
    ("انسحبت القوات الأمريكية من مدينة الرمادي.", "ar", (["USAMIL"], ["IRQ"])),
    ("Britain withdrew its last soldiers from Afghanistan.", "en", (["GBR"], ["AFG"])),
])
def test_a_withdrawal_targets_the_place_left(text, lang, expect):
    assert first_codes(text, "RETREAT", lang) == expect


def test_a_country_then_a_body_are_two_actors():
    # Arabic puts a country after the noun it qualifies: "مصر مجلس الأمن" is a VSO subject and its object
    assert first_codes("طالبت مصر مجلس الأمن الدولي بالتحرك الفوري.", "REQUEST") == (["EGY"], ["UNOSEC"])


@pytest.mark.parametrize("text, etype, expect", [
    # coding rule author-of-the-object: a reaction to an act targets the author named after its participle
    ("Egypt denounced the bombing carried out by militants of the Islamic State group in Sinai.", "ACCUSE",
     (["EGY"], ["IMGREBISI"])),
    ("Qatar condemned the raid staged by Israeli settlers on a village near Nablus.", "ACCUSE",
     (["QAT"], ["ISRCVL"])),
    # owner of the object: English articles and the participle are no content words of the object
    ("Israeli air defences intercepted a ballistic missile fired by Hezbollah toward Haifa.", "ASSAULT",
     (["ISRMIL"], ["LBNREBHZB"])),
    ("Israeli air defences intercepted a missile fired by Hezbollah toward Haifa.", "ASSAULT",
     (["ISRMIL"], ["LBNREBHZB"])),
])
def test_english_names_the_author_after_by(text, etype, expect):
    assert first_codes(text, etype, "en") == expect


def test_the_possessor_of_a_joint_acts_subject_keeps_the_partners():
    """extract/events.py refinements (possessor-of-the-subject) on a reciprocal act: "إن قواتها ستجري مناورات مع X"
    -- the speaker stands for its forces, the partner after the trigger stays a participant."""
    doc = marsad.code("أعلنت وزارة الدفاع المصرية أن قواتها البحرية ستجري مناورات مشتركة مع البحرية اليونانية.",
                      lang="ar", date=DATE, all_candidates=True)
    joint = [e for e in doc.events if e.type == "COOPERATE"]
    assert joint and sorted(a.code for a in joint[0].source) == ["EGYMIL", "GRCMIL"]


def test_the_houthi_adjective_names_the_group():
    # organizations.jsonl: "الحوثية" (the Houthi ..., feminine) names the group, as "Houthi" does in English
    assert first_codes("انتقدت مصر الهجمات الحوثية على السفن التجارية.", "ACCUSE") == (["EGY"], ["YEMREBHTH"])


@pytest.mark.parametrize("text, expect", [
    # a verb in the first person carries its subject: what follows is the object, the speaker is the source
    ("قال وزير الخارجية الأردني إننا نطالب إسرائيل بوقف الحرب.", (["JORGOV"], ["ISR"])),
    ("قال الوزير: نطالب الحكومة الإسرائيلية بوقف الاستيطان.", ([], ["ISRGOV"])),
])
def test_a_first_person_verb_takes_an_object(text, expect):
    assert first_codes(text, "REQUEST") == expect


@pytest.mark.parametrize("text, lang, etype, expect", [
    # coding rule owner-of-the-object on a group noun alone: the named owner, or the group its members belong to,
    # is the target ("شركات تابعة لـ X", "قادة في X", "firms belonging to X", "a clinic run by X")
    ("فرض الاتحاد الأوروبي عقوبات على شركات تابعة للجيش الروسي.", "ar", "SANCTION", (["EUR"], ["RUSMIL"])),
    ("The European Union imposed sanctions on firms belonging to the Russian army.", "en", "SANCTION",
     (["EUR"], ["RUSMIL"])),
    ("فرضت بريطانيا عقوبات على قادة في حركة حماس.", "ar", "SANCTION", (["GBR"], ["PSEREBHMS"])),
    ("Israeli jets struck a clinic run by UNICEF in Rafah.", "en", "ASSAULT", (["ISRMIL"], ["UNOCEF"])),
    # a capital after a locative only places the group
    ("اعتقلت الشرطة ناشطين في القاهرة.", "ar", "COERCE", (["EGYCOP"], ["EGYCVL"])),
])
def test_a_group_noun_target_is_its_owners(text, lang, etype, expect):
    assert first_codes(text, etype, lang) == expect


@pytest.mark.parametrize("text, lang, etype, expect", [
    # a group noun with a place as its genitive is the people of that place (refinement people-of-the-place)
    ("ألقت الطائرات الأردنية مساعدات غذائية لسكان غزة.", "ar", "AID", (["JORMIL"], ["PSECVL"])),
    ("Russian shelling killed five residents of Kharkiv.", "en", "ASSAULT", (["RUS"], ["UKRCVL"])),
])
def test_the_people_of_a_place_are_its_country(text, lang, etype, expect):
    assert first_codes(text, etype, lang) == expect


def test_a_verb_written_with_hamza_on_its_alif_is_no_definite_noun():
    """extract/specificity.is_definite: "ألقت" begins with the letters of the article but its alif carries a hamza,
    which the article's never does: "ألقت مساعدات" is an act told by a verb, not the definite "the aid" (a kind of
    event nothing pins down). The airdrop's على introduces the people it reaches."""
    assert first_codes("أعلن الجيش المصري أن طائراته ألقت مساعدات طبية على سكان مدينة غزة.", "AID") \
        == (["EGYMIL"], ["PSECVL"])


def test_what_the_possessed_subject_strikes_belongs_to_the_target():
    # "إن طائراتها قصفت مخازن تابعة لـ X": the subject stands before the verb (the speaker's aircraft), so the owner
    # after "تابعة" owns the object, not the aircraft
    got = first_codes("قالت وزارة الدفاع التركية إن طائراتها قصفت مخازن أسلحة تابعة لحزب العمال الكردستاني في شمال"
                      " العراق.", "ASSAULT")
    assert got == (["TURMIL"], ["TURREBPKK"])


@pytest.mark.parametrize("text, expect", [
    # English "X said its forces ...": the speaker stands for its forces (possessor-of-the-subject), with the KB's
    # "U.S. ... Command", "blew up" (en.assault.blow_up) and "hit ... headquarters" (en.assault.hit.gap context)
    ("The Taliban said its fighters blew up a police checkpoint in Kandahar.", (["AFGREBTAL"], ["AFGCOP"])),
    ("U.S. Africa Command said its forces struck al-Shabaab positions in Somalia.", (["USAMIL"], ["SOMREBSHB"])),
    ("Israel's army said its missiles hit Hezbollah headquarters in southern Lebanon.", (["ISRMIL"], ["LBNREBHZB"])),
])
def test_english_said_its_forces(text, expect):
    assert first_codes(text, "ASSAULT", "en") == expect


@pytest.mark.parametrize("text, etype, expect", [
    # English passives (grammar tables en_passive_aux, en_irregular_participles): the subject is the target, "by X"
    # the source
    ("Two journalists were arrested by Egyptian police in Cairo.", "COERCE", (["EGYCOP"], ["EGYMED"])),
    ("A Turkish ship was attacked by Houthi forces in the Red Sea.", "ASSAULT", (["YEMREBHTH"], ["TUR"])),
    ("A school in Gaza was destroyed by Israeli aircraft.", "ASSAULT", (["ISRMIL"], ["PSEEDU"])),
    ("Dozens of protesters were arrested by Iranian security forces in Tehran.", "COERCE", (["IRNCOP"], ["IRNCVL"])),
    # the active voice is unchanged
    ("The Egyptian police arrested two journalists in Cairo.", "COERCE", (["EGYCOP"], ["EGYMED"])),
])
def test_an_english_passive_swaps_the_roles(text, etype, expect):
    assert first_codes(text, etype, "en") == expect


def test_a_passive_subject_stands_before_the_place_that_follows_it():
    # "X in Y were killed by": the subject of the passive comes before the place a locative adds to it
    assert first_codes("Three Nigerian soldiers in Borno were killed by a bomb planted by Boko Haram fighters.",
                       "ASSAULT", "en") == (["NGAREBBKH"], ["NGAMIL"])


@pytest.mark.parametrize("text, lang, expect", [
    # grammar table harm_verbs: what the clause says was harmed is what the act after في/in struck
    ("تضررت ناقلة نفط بريطانية في هجوم صاروخي قبالة سواحل اليمن.", "ar", ["GBR"]),
    ("A British oil tanker was damaged in a missile attack off Yemen.", "en", ["GBR"]),
])
def test_what_a_clause_says_was_harmed_is_the_acts_target(text, lang, expect):
    got = first_codes(text, "ASSAULT", lang)
    assert got is not None and got[1] == expect and "GBR" not in got[0]


@pytest.mark.parametrize("text, etype, expect", [
    # English "of" after a count governs nothing: the counted group is the subject or the object
    ("Hundreds of Iraqis protested at the Turkish embassy in Baghdad.", "PROTEST", (["IRQ"], ["TURGOV"])),
    ("Israeli strikes killed dozens of Palestinians in Rafah.", "ASSAULT", (["ISR"], ["PSECVL"])),
    # demand-addresses-the-state: "in protest at" names the complaint, as "against" and "over" do
    ("Oil workers in Nigeria went on strike in protest at a government decision.", "PROTEST", (["NGALAB"], ["NGAGOV"])),
])
def test_english_counts_and_complaints(text, etype, expect):
    assert first_codes(text, etype, "en") == expect


def test_english_and_the_joins_two_actors():
    # "X and the Y": a conjunction and an article join the two subjects
    doc = marsad.code("Oman and the United Arab Emirates signed a defence cooperation agreement on Sunday.", lang="en",
                      date=DATE, all_candidates=True)
    assert any(sorted(a.code for a in e.source) == ["ARE", "OMN"] for e in doc.events)


def test_a_joined_verb_after_a_meeting_keeps_its_subject_alone():
    # "X met Y and criticised Z": the meeting's partner does not criticise (English; Arabic: shared-subject)
    assert first_codes("Egypt's foreign minister met his Greek counterpart in Athens and criticised the Turkish"
                       " military presence in Libya.", "ACCUSE", "en") == (["EGYGOV"], ["TURMIL"])


@pytest.mark.parametrize("text, expect", [
    # unit_noun_sectors: a military adjective between the noun and the nationality counts as the unit
    ("قصفت طائرات حربية روسية مخازن للأسلحة قرب حلب.", (["RUSMIL"], ["SYR"])),
    ("أطلقت حركة حماس قذائف على مواقع عسكرية إسرائيلية قرب الحدود.", (["PSEREBHMS"], ["ISRMIL"])),
])
def test_a_military_adjective_gives_the_nationality_its_sector(text, expect):
    assert first_codes(text, "ASSAULT") == expect


@pytest.mark.parametrize("text, lang", [
    # role:charge_daffaires (GOV): the envoy summoned is the government of its nisba
    ("استدعت وزارة الخارجية المصرية القائم بالأعمال البريطاني.", "ar"),
    ("Egypt's foreign ministry summoned the British charge d'affaires.", "en"),
])
def test_a_charge_daffaires_is_the_government(text, lang):
    assert first_codes(text, "ACCUSE", lang) == (["EGYGOV"], ["GBRGOV"])


@pytest.mark.parametrize("text, etype, expect", [
    # a reduced relative: a participle right before "by X" is passive
    ("The Red Crescent received three Thai workers released by Hamas in Gaza.", "RETREAT", (["PSEREBHMS"], ["THALAB"])),
    ("A UN convoy attacked by gunmen in Darfur lost two trucks.", "ASSAULT", (["SDNUAF"], ["UNO"])),
    # "by" then no actor: no passive
    ("The army arrested by night two activists.", "COERCE", (["MIL"], ["CVL"])),
])
def test_an_english_participle_before_by_is_passive(text, etype, expect):
    assert first_codes(text, etype, "en") == expect


def test_a_resumptive_pronoun_names_the_noun_before_as_the_patient():
    # "عمال أفرجت عنهم حركة حماس": عنهم is the workers (an indefinite noun's relative clause); the subject follows
    assert first_codes("تسلم الهلال الأحمر ثلاثة عمال تايلانديين أفرجت عنهم حركة حماس في غزة.", "RETREAT") \
        == (["PSEREBHMS"], ["THALAB"])


@pytest.mark.parametrize("text, expect", [
    # grammar table en_give_verbs: the first object of a verb of giving is the recipient (the target)
    ("Saudi Arabia granted Yemen a two billion dollar loan.", (["SAU"], ["YEM"])),
    ("The IMF granted a loan to Pakistan.", (["IGOIMF"], ["PAK"])),
])
def test_english_give_to_the_first_object(text, expect):
    assert first_codes(text, "AID", "en") == expect


@pytest.mark.parametrize("text, etype, expect", [
    # the owner right after a phrase trigger that ends with the object noun ("أسقط مسيرات لـ X")
    ("قال الجيش الأوكراني إنه أسقط مسيرات للجيش الروسي فوق خاركيف.", "ASSAULT", (["UKRMIL"], ["RUSMIL"])),
    # the recipient between the giver and the gift's noun ("قدمت X لـ Y مساعدات")
    ("قدمت الإمارات لمصر مساعدات طبية عاجلة.", "AID", (["ARE"], ["EGY"])),
    ("قدم البنك الدولي للأردن قرضا بقيمة مليار دولار.", "AID", (["IGOWBK"], ["JOR"])),
])
def test_arabic_objects_around_a_phrase_trigger(text, etype, expect):
    assert first_codes(text, etype) == expect


@pytest.mark.parametrize("text, lang", [
    # place-of-the-act's preps: "حول X", "around X"
    ("نشرت تركيا سفنا حربية حول قبرص.", "ar"),
    ("Turkey deployed warships around Cyprus.", "en"),
])
def test_a_deployment_around_a_place_targets_it(text, lang):
    assert first_codes(text, "MOBILIZE", lang) == (["TUR"], ["CYP"])

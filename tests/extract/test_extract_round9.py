"""Ninth round of issue 18 (item 4, one act one event): the tactics of one protest told in one sentence - a march,
a road blocked, tyres burnt - are one PROTEST event that keeps every telling (coding rule protest-tactics); two
crowds of two countries, and acts of their own (a hunger strike), stay apart. Sentences written for the project."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _protests(text: str, lang: str) -> list[dict]:
    events = code(text, lang=lang, date="2023-03-02", min_confidence=0.0).to_dict()["events"]
    return [e for e in events if e["type"] == "PROTEST" and not e["background"]]


@pytest.mark.parametrize("text, lang", [
    ("تجمع مئات الطلاب أمام الوزارة وقطعوا الطريق وأحرقوا الإطارات احتجاجا على قرار رفع الرسوم.", "ar"),
    ("واعتصم عمال الميناء في الساحة الرئيسية ثم أغلقوا المداخل بالحاويات.", "ar"),
    ("Farmers marched through the capital and blocked the ring road with tractors.", "en"),
])
def test_the_tactics_of_one_protest_are_one_event(text, lang):
    protests = _protests(text, lang)
    assert len(protests) == 1
    assert protests[0]["source"], "the crowd is the source"


def test_every_tactic_stays_a_telling_in_the_explain_trace():
    doc = code("تجمع مئات الطلاب أمام الوزارة وقطعوا الطريق وأحرقوا الإطارات احتجاجا على قرار رفع الرسوم.",
               lang="ar", date="2023-03-02", min_confidence=0.0, explain=True)
    outcomes = [r["outcome"] for r in doc.explain if r["rule"].startswith("ar.protest")]
    assert outcomes[0].startswith("kept as") and sum(o.startswith("merged into") for o in outcomes) >= 2


def test_two_crowds_of_two_countries_stay_two_protests():
    protests = _protests("وتظاهر آلاف الأردنيين في عمان بينما قطع محتجون لبنانيون الطرق في بيروت.", "ar")
    assert len(protests) == 2


def test_a_hunger_strike_is_an_act_of_its_own():
    protests = _protests("Inmates at the northern jail went on hunger strike and their families rallied outside "
                         "the gates.", "en")
    assert {e["cameo"] for e in protests} >= {"142"} and len(protests) == 2


# grammar table agent_clause: the organizers a clause on a protest noun names are its source, and the clause's verb
# is the same act ("مظاهرة نظمتها X", "a rally organised by X")
@pytest.mark.parametrize("text, lang, code", [
    ("شارك الآلاف في مظاهرة نظمتها أحزاب المعارضة في تونس للمطالبة بالإفراج عن المعتقلين.", "ar", "TUNOPP"),
    ("Thousands joined a rally organised by opposition parties in Tunis on Friday.", "en", "TUNOPP"),
])
def test_the_organizers_of_a_protest_are_its_source(text, lang, code):
    protests = _protests(text, lang)
    assert len(protests) == 1 and [a["code"] for a in protests[0]["source"]] == [code]


@pytest.mark.parametrize("text", [
    "The senator addressed a campaign rally in Ohio.",
    "Stocks staged a late rally on Friday after the rate decision.",
])
def test_a_rally_of_prices_or_a_campaign_is_no_protest(text):
    assert not _protests(text, "en")


def test_a_dispersed_march_is_crowd_control():
    events = code("فرقت الشرطة مسيرة نظمها اتحاد الطلاب في الخرطوم أمس.", lang="ar", date="2023-03-02",
                  min_confidence=0.0).to_dict()["events"]
    control = [e for e in events if e["type"] == "ASSAULT" and e["cameo"] == "175"]
    assert control and [a["code"] for a in control[0]["source"]] == ["SDNCOP"]


# the future prefix "س" makes a verb phrase planned as it does a verb, inside reported speech too ("قالت إنها
# ستنظم مظاهرة" as "said it would stage a protest")
@pytest.mark.parametrize("text, lang", [
    ("وقالت النقابة إنها ستنظم مظاهرة أمام البرلمان يوم الأحد.", "ar"),
    ("The union said it would stage a protest outside parliament on Sunday.", "en"),
])
def test_a_future_verb_phrase_is_planned(text, lang):
    protests = _protests(text, lang)
    assert protests and protests[0]["modality"] == "planned"


# contexts.jsonl: a word written with ة is not the masculine word a sports context lists ("الحرب الأهلية", the civil
# war, is no "الأهلي" club; "الدورية", the patrol, no "الدوري" league), so the sentence keeps its events
@pytest.mark.parametrize("text, etype", [
    ("اتهمت منظمة دولية قوات الحكومة بقتل مدنيين خلال الحرب الأهلية.", "ACCUSE"),
    ("وأصيب شرطيان في هجوم على سيارة الدورية في المدينة.", "ASSAULT"),
])
def test_a_feminine_word_is_not_a_sports_word(text, etype):
    events = code(text, lang="ar", date="2023-03-02", min_confidence=0.0).to_dict()["events"]
    assert any(e["type"] == etype for e in events)


def test_the_club_itself_is_still_a_sports_word():
    events = code("هاجم لاعبو الأهلي الحكم بعد المباراة.", lang="ar", date="2023-03-02",
                  min_confidence=0.0).to_dict()["events"]
    assert not any(e["type"] == "ASSAULT" for e in events)


# merge rule 4 (tolls): an attack-less ASSAULT in the next sentences joins the attack told before it only when it
# names no other town, country or time (a car bomb in another town hours after an air strike was that strike's
# "toll"); a count of victims with no place of its own still joins it
def _attacks(text: str, lang: str) -> list[dict]:
    events = code(text, lang=lang, date="2023-03-02", min_confidence=0.0).to_dict()["events"]
    return [e for e in events if e["type"] == "ASSAULT" and not e["background"]]


@pytest.mark.parametrize("text, lang", [
    ("قصفت الطائرات الإسرائيلية موقعا عسكريا في ريف دمشق فجر اليوم. وبعد ساعات، انفجرت سيارة مفخخة قرب مستودع "
     "للذخيرة في حمص.", "ar"),
    ("Israeli jets struck an army post outside Damascus on Monday. Hours later, a car bomb exploded near a depot "
     "in Homs.", "en"),
])
def test_an_act_after_an_attack_is_no_toll(text, lang):
    assert len(_attacks(text, lang)) == 2


@pytest.mark.parametrize("text, lang", [
    ("قصفت الطائرات الإسرائيلية موقعا عسكريا في ريف دمشق فجر اليوم. وقالت مصادر طبية إن ثلاثة جنود قتلوا.", "ar"),
    ("Israeli jets struck an army post outside Damascus on Monday. Medics said three soldiers were killed.", "en"),
])
def test_a_count_of_victims_after_an_attack_is_its_toll(text, lang):
    attacks = _attacks(text, lang)
    assert len(attacks) == 1 and len(attacks[0]["evidences"]) == 2


# grammar table time_masdar_preps: a bare verb form right after منذ/بعد/قبل/عقب/إثر/غداة, or after the من of a
# duration one opens, is the verbal noun of a past act named as a reference point: background (scope reason
# reference), as "منذ اختطاف" is; a question "من خطف" (who) and a verb after "قبل أن" are untouched
@pytest.mark.parametrize("text", [
    "وعثر الجنود على جثة الصحفي بعد ثلاثة أيام من خطفه.",
    "ورفضت ألمانيا التعليق منذ خطف اثنين من مواطنيها في مالي.",
])
def test_an_act_after_a_time_preposition_is_background(text):
    attacks = [e for e in code(text, lang="ar", date="2023-03-02", min_confidence=0.0).to_dict()["events"]
               if e["type"] == "ASSAULT"]
    assert attacks and all(e["background"] for e in attacks)


@pytest.mark.parametrize("text", [
    "وخطف مسلحون صحفيا في بغداد أمس.",
    "وقالت الشرطة إن مسلحين خطفوا مهندسا قبل أن يفروا إلى الجبال.",
])
def test_a_verb_that_tells_the_act_stays_news(text):
    assert _attacks(text, "ar")


def test_a_possible_strike_is_hypothetical_past_its_adjectives():
    # modality cue "محتملة" after the act, up to four words on: nationality adjectives stand between
    attacks = _attacks("وتحدثت تقارير عن ضربة جوية أميركية أو إسرائيلية محتملة لمنشآت إيرانية.", "ar")
    assert attacks and all(e["modality"] == "hypothetical" for e in attacks)


# scope reasons habitual / habitual_every / habitual_units: an act done habitually ("كل جمعة", "يوميا", "every
# Friday", "weekly") is no single event (eval/GUIDELINES.md 12.1); the same act on a day stays one, and "كل" before
# a noun that is no unit of time ("كل المسلحين") changes nothing
@pytest.mark.parametrize("text, lang", [
    ("ويتظاهر السكان كل جمعة أمام مبنى المحافظة.", "ar"),
    ("وتشن الطائرات غارات يوميا على أطراف المدينة.", "ar"),
    ("Residents rally every Friday outside the governor's office.", "en"),
    ("Villagers protest weekly against the quarry near the river.", "en"),
])
def test_a_habitual_act_is_no_event(text, lang):
    events = code(text, lang=lang, date="2023-03-02", min_confidence=0.0, explain=True)
    assert not [e for e in events.to_dict()["events"] if e["type"] in ("PROTEST", "ASSAULT")]
    assert any("habitual" in r["outcome"] for r in events.explain)


@pytest.mark.parametrize("text, lang, etype", [
    ("وتظاهر مئات السكان أمس أمام مبنى المحافظة.", "ar", "PROTEST"),
    ("Residents rallied on Friday outside the governor's office.", "en", "PROTEST"),
    ("وقتل كل المسلحين في الهجوم على الثكنة.", "ar", "ASSAULT"),
])
def test_an_act_on_a_day_is_an_event(text, lang, etype):
    events = code(text, lang=lang, date="2023-03-02", min_confidence=0.0).to_dict()["events"]
    assert any(e["type"] == etype for e in events)


# mentions: an English short name (a surname the KB lists for one person) after a capitalized word that is no name
# the gazetteer knows is someone else's surname ("bassist Jack Bruce" is not the spokeswoman Tammy Bruce); alone,
# after a title or opening the sentence it still names the KB's person
@pytest.mark.parametrize("text, linked", [
    ("Later, the drummer found early success with a blues band where he met bassist Jack Bruce.", False),
    ("The talks will resume, Bruce told reporters on Monday.", True),
    ("Officials met on Monday. Yesterday Bruce said the talks would resume.", True),
    ("State Department spokeswoman Tammy Bruce said on Monday that the talks would resume.", True),
])
def test_a_surname_after_another_first_name_is_someone_else(text, linked):
    ids = {e["id"] for e in code(text, lang="en", date="2025-06-01").to_dict()["entities"]}
    assert ("person:tammy-bruce" in ids) is linked


# units (people): residents, worshippers, villagers ... are counted people ("خمسة من السكان"): such a count pins a
# verbal noun down and names the victims
@pytest.mark.parametrize("text", [
    "وتطور الخلاف إلى مواجهات مسلحة قتل فيها خمسة من السكان.",
    "وقتل اثنا عشر مصليا في هجوم على مسجد في المدينة.",
])
def test_residents_and_worshippers_are_counted_victims(text):
    attacks = _attacks(text, "ar")
    assert attacks and any(t["code"].endswith("CVL") for t in attacks[0]["target"])


# trigger field verbal (Arabic lexicon kind VP): a verb phrase that opens on an inflected verb ("تعرضت لهجوم") tells
# a tensed act, not a kind of event, even when nothing else pins it down; its bare past, which is also its verbal
# noun ("نشر قوات"), still needs an anchor. And after "قال X إن" + a pronoun, a passive act's sufferer is X.
def test_an_inflected_verb_phrase_is_an_act_without_anchors():
    assert _attacks("وقالت الشرطة إن دورية تعرضت لهجوم قرب الحدود.", "ar")


def test_the_speaker_of_a_passive_act_suffered_it():
    attacks = _attacks("وقالت القوات الأمريكية إنها تعرضت لهجوم شنه مسلحون قرب القاعدة.", "ar")
    assert attacks and [a["code"] for a in attacks[0]["target"]] == ["USAMIL"]
    assert all(not a["code"].startswith("USA") for a in attacks[0]["source"])


def test_a_plural_pronoun_complementizer_opens_reported_speech():
    # grammar complementizers: "إنهم", "إنهما", "بأنهم" open reported speech as "إنه" and "إنها" do
    attacks = _attacks("وقال الجنود إنهم قتلوا ثلاثة مسلحين قرب الحدود.", "ar")
    assert attacks and attacks[0]["modality"] == "reported"

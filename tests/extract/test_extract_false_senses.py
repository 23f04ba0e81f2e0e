"""Words that look like a trigger and are not one (seventh round of issue 18): an English participle before its noun
("alleged bribes"), a capitalized word inside a name ("the Popular Rally"), an Arabic verb form counted by a
number ("40 طالب": students), the future س before a past verb ("سادت": prevailed), deaths in accidents
(kb/data/contexts.jsonl ``<lang>.accident``), things released that are no captives, a verbal attack by a civilian
source, an opinion on an act. Each with a sentence where the same word is a trigger, so that the rule cannot pass by
dropping the word everywhere. Sentences written for the project; the rules are under test (min_confidence 0)."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _doc(text: str, lang: str) -> dict:
    return code(text, lang=lang, date="2021-03-04", min_confidence=0.0, explain=True).to_dict()


def _types(text: str, lang: str) -> set[str]:
    return {e["type"] for e in _doc(text, lang)["events"] if e["type"]}


def _outcome(doc: dict, trigger: str) -> str:
    rec = [r for r in doc["explain"] if r["trigger"]["text"] == trigger]
    assert rec, f"no candidate {trigger!r}"
    return rec[0]["outcome"]


@pytest.mark.parametrize("text, trigger", [
    ("Prosecutors are examining alleged bribes paid to two port officials.", "alleged"),
    ("Crowds gathered over alleged fraud in the count of the mayoral vote.", "alleged"),
    ("The treaty lets each side hand over accused smugglers within a month.", "accused"),
])
def test_a_participle_before_its_noun_is_an_adjective(text, trigger):
    assert _outcome(_doc(text, "en"), trigger) == "dropped: an adjective before its noun"


@pytest.mark.parametrize("text", [
    "The opposition alleged fraud in the count of the mayoral vote.",
    "The interior ministry of Peru accused rebels of burning two villages.",
])
def test_a_participle_after_its_subject_is_a_verb(text):
    assert "ACCUSE" in _types(text, "en")


def test_a_capitalized_word_inside_a_name_is_no_trigger():
    doc = _doc("Leaders of the Popular Rally of Chad welcomed the new budget on Monday.", "en")
    assert _outcome(doc, "Rally") == "dropped: a capitalized word inside a name"
    assert "PROTEST" not in {e["type"] for e in doc["events"]}


def test_a_headline_in_title_case_keeps_its_verb():
    assert "ASSAULT" in _types("Militants Attack Police Checkpoint In Northern Mali", "en")


def test_a_number_counts_a_noun_not_a_verb():
    doc = _doc("وشارك في الدورة الصيفية 60 طالب وطالبة من مدارس جدة.", "ar")
    assert _outcome(doc, "طالب") == "dropped: a counted noun after a number"
    assert "REQUEST" not in {e["type"] for e in doc["events"]}


def test_a_verb_after_a_year_is_still_a_verb():
    doc = _doc("وفي عام 2019 طالب وزير الخارجية المصري بوقف التصعيد.", "ar")
    assert "REQUEST" in {e["type"] for e in doc["events"]}


def test_the_future_sin_takes_no_past_verb():
    doc = _doc("سادت حالة من الهدوء شوارع المدينة بعد أسبوع من المواجهات.", "ar")
    assert _outcome(doc, "سادت") == "dropped: the future س before a past verb"
    assert "SANCTION" in _types("وستفرض كندا عقوبات جديدة على شركات التعدين.", "ar")


@pytest.mark.parametrize("lang, text", [
    ("en", "Four workers were killed when their truck overturned on a mountain road in Peru."),
    ("en", "Eleven passengers were injured in the collision of two trains near Lahore."),
    ("ar", "لقي خمسة أشخاص مصرعهم في حادث اصطدام حافلة بشاحنة على طريق مكة."),
    ("ar", "قتل طفلان عندما انهار سقف منزلهما القديم في حي شعبي بالقاهرة."),
])
def test_an_accident_is_no_attack(lang, text):
    assert "ASSAULT" not in _types(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Two soldiers were killed when gunmen fired at their truck on a mountain road in Peru."),
    ("ar", "قتل ثلاثة جنود في هجوم بعبوة ناسفة على حافلة عسكرية قرب العريش."),
])
def test_an_attack_on_a_vehicle_is_still_an_attack(lang, text):
    assert "ASSAULT" in _types(text, lang)


@pytest.mark.parametrize("text, kept", [
    ("The singer released a new album of folk songs on Friday.", False),
    ("The army released twelve prisoners of war on Friday.", True),
])
def test_what_is_released_decides_a_release(text, kept):
    assert ("RETREAT" in _types(text, "en")) is kept


@pytest.mark.parametrize("text, kept", [
    ("The governor of Texas signed a decree closing the schools for a week.", False),
    ("Chile and Peru signed a trade agreement in Lima on Monday.", True),
])
def test_signing_a_decree_is_no_agreement(text, kept):
    assert ("SUPPORT" in _types(text, "en")) is kept


def test_a_senator_attacking_a_newspaper_criticizes_it():
    types = _types("A Brazilian senator attacked the newspaper for its coverage of the budget.", "en")
    assert "ACCUSE" in types and "ASSAULT" not in types


def test_a_campaign_rally_is_no_protest():
    assert "PROTEST" not in _types("The president of Ghana held a campaign rally in Kumasi on Sunday.", "en")


def test_an_opinion_on_an_act_is_not_the_act():
    events = [e for e in _doc("A Kenyan senator favored prosecuting the banks that hid the funds.", "en")["events"]
              if e["type"] == "COERCE"]
    assert all(e["modality"] == "hypothetical" for e in events)


@pytest.mark.parametrize("lang, text, trigger", [
    ("ar", "وقال المتحدث في بيان صادر عنه إن اللجنة أنهت أعمالها.", "صادر"),
    ("ar", "وتعتزم الشركة طرح هاتف ذكي جديد في الأسواق.", "هاتف"),
    ("ar", "ولا تلوح في الأفق أي بوادر لانفراج الأزمة.", "تلوح"),
    ("en", "The mayor dismissed the survey as fake news.", "fake news"),
    ("ar", "وقال المدير إن الآمال تحدونا بأن ينجح الموسم الزراعي القادم.", "تحدونا"),
])
def test_a_false_sense_near_its_word_is_dropped(lang, text, trigger):
    assert _outcome(_doc(text, lang), trigger).startswith("dropped")


@pytest.mark.parametrize("text, kept", [
    ("Japan and Korea have pledged funds for the rebuilding of the harbour.", False),
    ("The European Union funded a new water plant in Gaza.", True),
])
def test_the_noun_funds_is_no_aid(text, kept):
    assert ("AID" in _types(text, "en")) is kept


def test_a_condition_makes_an_act_possible_and_the_police_do_not():
    doc = _doc("ووافقت الحكومة الأردنية على الخطة بشرط أن تنسحب القوات السورية من البلدة.", "ar")
    assert [e["modality"] for e in doc["events"] if e["type"] == "RETREAT"] in ([], ["hypothetical"])
    said = _doc("وقالت الشرطة الأردنية إن مظاهرات أمس في عمان كانت سلمية.", "ar")
    assert [e["modality"] for e in said["events"] if e["type"] == "PROTEST"] == ["reported"]


@pytest.mark.parametrize("text, etype, kept", [
    ("أعلنت وزارة الصحة الكويتية عن توفر عدد من الوظائف للأطباء.", "CONCEDE", False),
    ("أعلنت الحكومة اليمنية وقف إطلاق النار في عدن اعتبارا من الليلة.", "CONCEDE", True),
    ("تراجعت صادرات ماليزيا إلى أدنى مستوى منذ عشر سنوات.", "RETREAT", False),
    ("وتراجعت القوات الحكومية السورية إلى مواقع خلفية بعد الهجوم.", "RETREAT", True),
])
def test_a_companion_verb_needs_the_words_of_its_sense(text, etype, kept):
    """A VSO companion ("أعلنت X وقف إطلاق النار") takes the specific word of its object (وقف), not a word every
    report holds (عدد, جنود, إطلاق); a retreat is of forces, not of exports."""
    assert (etype in _types(text, "ar")) is kept


@pytest.mark.parametrize("text, etype, kept", [
    ("The clinic in Lima says it is ready to open a second ward next week.", "AGREE", False),
    ("Iran said it was ready to resume talks with the European Union.", "AGREE", True),
    ("The mayor of Quito owed on loans of more than 300 million dollars.", "AID", False),
    ("Japan lent Indonesia two billion dollars for the new railway.", "AID", True),
])
def test_a_willingness_or_a_loan_needs_its_political_sense(text, etype, kept):
    assert (etype in _types(text, "en")) is kept

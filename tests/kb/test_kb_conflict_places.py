"""The conflict places of tools/kb/admin_ar.tsv and cities_ar.tsv (Afghan, Pakistani and Turkish provinces, Somali
regions, Iraqi and Pakistani towns): an attack placed in one gets that place and its country, and its unnamed
attackers that country; place names that are also common words stay out. Sentences written for the project."""
from __future__ import annotations

import pytest

import marsad


def _attacks(text: str) -> list:
    return [e for e in marsad.code(text, lang="ar", date="2015-06-01").events if e.type == "ASSAULT"]


@pytest.mark.parametrize("text, place, country", [
    ("قتل ثلاثة جنود أفغان عندما هاجم مسلحون نقطة تفتيش في إقليم هلمند.", "place:adm-af-helmand", "AFG"),
    ("قتل مسلحون شرطيين اثنين في هجوم على مركز للشرطة في ولاية خوست.", "place:adm-af-khost", "AFG"),
    ("هاجم مسلحون دورية للجيش في ولاية هكاري وقتلوا جنديين.", "place:adm-tr-hakkari-province", "TUR"),
    ("قتل جنديان في هجوم شنه مسلحون على قافلة عسكرية في ولاية سيرت.", "place:adm-tr-siirt-province", "TUR"),
    ("قتل أربعة أشخاص عندما فتح مسلحون النار على سوق في إقليم شبيلي السفلى.", "place:adm-so-lower-shabelle",
     "SOM"),
    ("قتل خمسة أشخاص في انفجار سيارة مفخخة في قضاء الحويجة.", "place:gn390188", "IRQ"),
    ("قتل ثلاثة أشخاص في انفجار عبوة ناسفة في مدينة ميران شاه.", "place:gn1170367", "PAK"),
])
def test_an_attack_in_a_conflict_province_takes_its_country(text, place, country):
    attacks = _attacks(text)
    assert attacks
    for e in attacks:
        assert (e.location.entity, e.location.country) == (place, country)
        assert e.source and all(a.code.startswith(country) for a in e.source)


@pytest.mark.parametrize("text, place", [
    ("قتل جندي في انفجار لغم في إقليم قندهار.", "place:adm-af-kandahar"),
    ("قتل جندي في انفجار لغم في مدينة قندهار.", "place:gn1138336"),
])
def test_a_province_named_like_its_seat_is_the_province_after_its_head_noun(text, place):
    attacks = _attacks(text)
    assert attacks and attacks[0].location.entity == place


@pytest.mark.parametrize("text", [
    "سيرت الحكومة رحلات جوية إضافية إلى العاصمة.",  # سيّرت (dispatched), not Siirt
    "ذكرت مصادر محلية أن الطريق أغلق وأن السكان غادروا منازلهم.",  # وأن (and that), not Van
    "قال المتحدث وأن الحكومة ستعلن قرارها غدا.",  # وأن before a role, which once confirmed Van
    "أكد الوزير بأنه سيزور العاصمة قريبا.",  # بأنه (that he), not Baneh
    "قال القائد وأنا أرفض هذا الاتفاق.",  # وأنا (and I), not Wana
    "نصب مسلحون كمينا لقافلة عسكرية.",  # كمينا (an ambush), not ك + مينا (Minna)
    "أعلنت فرقة عسكرية انسحابها من المدينة.",  # فرقة (a division), not ف + رقه (Raqqa)
])
def test_a_common_word_spelled_like_a_turkish_town_names_no_place(text):
    doc = marsad.code(text, lang="ar", date="2015-06-01")
    assert [e.id for e in doc.entities if e.kind == "place"] == []

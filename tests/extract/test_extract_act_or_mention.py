"""Rules that tell a reported act from a mention, below the decision layer (min_confidence 0: the rules are under
test): an act dated to a month more than a year before the document is recalled (coding rule recalled-background,
historical_days, now for a month as for a day); "أي ضربة" (any strike) is a kind of act (scope generic_head); "تعرض
للتعذيب" is an attack whose subject is the victim (lexicon exposed_to); a verb form right after a preposition is its
verbal noun (grammar masdar_preps). Sentences written for the project."""
from __future__ import annotations

import pytest

from marsad.pipeline import code


def _events(text: str, date: str = "2009-06-20", explain: bool = False) -> dict:
    return code(text, lang="ar", date=date, min_confidence=0.0, explain=explain).to_dict()


@pytest.mark.parametrize("when, recalled", [
    ("في نوفمبر (تشرين الثاني) 2006", True),  # a month, two and a half years before the document
    ("في أغسطس 2005", True),
    ("في أبريل 2009", False),  # two months before: news
])
def test_an_act_dated_to_an_old_month_is_recalled(when, recalled):
    events = [e for e in _events(f"وقامت الجماعة {when} بخطف أربعة مهندسين قرب الحدود.")["events"]
              if e["type"] == "ASSAULT"]
    assert events and events[0]["background"] is recalled
    assert events[0]["time"]["text"].endswith(when.split(" ", 1)[1])


def test_any_strike_is_a_kind_of_act():
    doc = _events("وقال المتحدث إن أي ضربة جوية ضد الأردن ستكون لها عواقب وخيمة.", explain=True)
    strike = [r for r in doc["explain"] if r["trigger"]["text"] == "ضربة جوية"]
    assert strike and strike[0]["outcome"] == "dropped: not an act: generic"
    assert not any(e["trigger"]["text"] == "ضربة جوية" for e in doc["events"])


def test_a_strike_that_happened_is_still_an_act():
    events = _events("ونفذت الطائرات ضربة جوية على مواقع المسلحين قرب الحدود الأردنية أمس.")["events"]
    assert any(e["type"] == "ASSAULT" for e in events)


@pytest.mark.parametrize("text, victims", [
    ("وقال المحامي إن خمسة معتقلين تعرضوا للتعذيب في أحد مراكز الشرطة بالإسكندرية.", "EGYCVL"),
    ("وتعرض مراسل تونسي للضرب المبرح على أيدي عناصر أمن أمس.", "TUNMED"),
])
def test_exposed_to_torture_or_beating_is_an_attack_on_the_subject(text, victims):
    events = [e for e in _events(text)["events"] if e["type"] == "ASSAULT"]
    assert events and victims in [a["code"] for a in events[0]["target"]]


def test_a_verb_form_after_a_preposition_is_a_verbal_noun():
    """"إلى سجن": the verb form سجن (he jailed) after a preposition reads as a noun, so the decision layer sees a
    nominal candidate (feature t*nominal=...*True), as it does for "بسجن"."""
    doc = _events("ونقلت الشرطة الموقوفين إلى سجن قريب من العاصمة.", explain=True)
    rec = [r for r in doc["explain"] if r["trigger"]["text"] == "سجن"]
    assert rec and "t*nominal=SANCTION*True" in rec[0]["features"]


@pytest.mark.parametrize("text, trigger", [
    ("وتظاهر مئات الطلاب في تونس أمس احتجاجا على مقتل شاب برصاص الشرطة.", "مقتل"),
    ("وخرجت مسيرة في الرباط للتنديد بقصف المدينة.", "بقصف"),
])
def test_the_act_a_protest_answers_is_its_reference_point(text, trigger):
    """"احتجاجا على مقتل", "للتنديد بقصف": the act the protest answers was told before; it is recalled (background),
    and the protest is the news (scope reference; a protest trigger before it no longer hides the reference word)."""
    events = _events(text)["events"]
    recalled = [e for e in events if e["trigger"]["text"] == trigger]
    assert recalled and recalled[0]["background"]
    assert any(e["type"] == "PROTEST" and not e["background"] for e in events)


@pytest.mark.parametrize("lang, text, said", [
    ("ar", "واحتشد آلاف المحتجين أمس في الساحة على هتافات تطالب بإقالة الحكومة وطرد السفير", ["تطالب", "إقالة"]),
    ("ar", "ورفع المحتجون لافتات كتب عليها «الحرية للمعتقلين» و«نرفض الاحتلال» أمام البرلمان", ["نرفض"]),
    ("en", 'Students carried placards reading "Free the prisoners" and "We reject the deal" past the ministry.',
     ["reject"]),
])
def test_what_a_slogan_or_banner_says_is_part_of_the_protest(lang, text, said):
    """scope ``slogan``: the words of a chant, slogan or banner are what the protest says, not acts of their own;
    the explain trace names the reason."""
    doc = code(text, lang=lang, date="2009-06-20", min_confidence=0.0, explain=True).to_dict()
    for word in said:
        rec = next(r for r in doc["explain"] if word in r["trigger"]["text"])
        assert rec["outcome"] == "dropped: not an act: slogan", rec


def test_a_clause_opener_ends_the_slogan():
    """"قبل أن تطلق الشرطة النار": the shooting after the banners is the clause's own act (scope slogan_stop)."""
    doc = _events("ورفع المحتجون الشعارات قبل أن تطلق الشرطة النار عليهم في الساحة")
    assert [e["type"] for e in doc["events"]].count("ASSAULT") == 1



def test_an_act_refused_did_not_happen():
    """modality ``rafada_masdar``: a refusal right before a verbal noun negates it ("رفضهم قتل ..."): the officers
    refused to kill; no killing is reported."""
    doc = _events("وأقيل عدد من الضباط بسبب رفضهم قتل المحتجين في العاصمة")
    assert [e["modality"] for e in doc["events"] if e["type"] == "ASSAULT"] == ["negated"]


def test_a_source_that_declines_to_be_named_rejects_nothing():
    """"رفض الكشف عن اسمه" keeps a source anonymous: no REJECT (the lexicon's reject excludes the name words)."""
    doc = _events("وقال مسؤول أمني رفض الكشف عن اسمه إن الجيش قصف القرية أمس")
    assert [e["type"] for e in doc["events"]] == ["ASSAULT"]


@pytest.mark.parametrize("text, etype", [
    ("وأصيب عدد من المحتجين بجروح بينما تم اعتقال عدد آخر", "COERCE"),  # "تم اعتقال": a passive clause
])
def test_a_passive_clause_is_an_occurrence_not_a_kind_of_act(text, etype):
    """A verbal noun after an impersonal verb ("تم اعتقال") tells an occurrence: "a verbal noun that nothing pins
    down" does not apply to it."""
    doc = _events(text, explain=True)
    assert any(e["type"] == etype for e in doc["events"]), doc["explain"]


def test_a_prospect_after_a_present_impersonal_is_not_pinned_down():
    """"أن يتم قصفها" (that it be shelled) is a prospect: only a past impersonal (grammar impersonal_past: تم, جرى)
    pins its verbal noun down."""
    doc = _events("وتأخذ الحكومة في حساباتها أن يتم قصفها بالصواريخ", explain=True)
    assert not any(e["type"] == "ASSAULT" for e in doc["events"])


def test_following_an_act_recalls_it():
    """scope reference (English) takes "following": "marched ... following the assassination of a pilot" recalls the
    assassination (kept, flagged background); the march is the news."""
    doc = code("Thousands marched in Amman on Friday following the assassination of a Jordanian pilot.",
               lang="en", date="2009-06-20", min_confidence=0.0).to_dict()
    assert [e["background"] for e in doc["events"] if e["type"] == "ASSAULT"] == [True]
    assert [e["background"] for e in doc["events"] if e["type"] == "PROTEST"] == [False]

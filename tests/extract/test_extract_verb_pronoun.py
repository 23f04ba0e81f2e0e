"""A plural past verb with an object pronoun drops the alef of its plural ending ("قتلوا" + "ه" is written "قتلوه";
extract/words.py ``analyses`` gives the reading back), so "واعتقلوهم" and "قتلوه" are the verbs they are. Sentences
written for the project."""
from __future__ import annotations

from marsad.extract.words import analyses
from marsad.pipeline import code


def test_the_plural_alef_comes_back_before_a_pronoun():
    assert ("", "قتلوا", "ه") in analyses("قتلوه", "ar")
    assert ("و", "اعتقلوا", "هم") in analyses("واعتقلوهم", "ar")


def test_a_plural_verb_with_its_object_pronoun_is_a_trigger():
    doc = code("داهم الجنود المنزل فجرا واعتقلوهم جميعا.", lang="ar", date="2024-05-14", all_candidates=True,
               explain=True).to_dict()
    told = [r for r in doc["explain"] if r["trigger"]["text"] == "واعتقلوهم"]
    assert told and told[0]["type"] == "COERCE" and not told[0]["outcome"].startswith("dropped")


def test_a_short_noun_ending_in_waw_keeps_its_one_reading():
    assert ("", "نحوا", "ه") not in analyses("نحوه", "ar")

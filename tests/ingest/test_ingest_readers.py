"""Readers on real files of every format: good records become documents with their metadata, bad ones Skipped."""
from __future__ import annotations

import io

import pytest

from ingest.samples import AR_1, AR_2, EN_1, EN_2, NAV_WORDS, write_corpus, write_warc, HTML_PAGE
from marsad.errors import InputError
from marsad.ingest.readers import Doc, Skipped, expand, fingerprint, parse_fields, read_inputs
from marsad.ingest.readers.base import html_to_text, normalize_date


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


def items(path, **kw):
    return list(read_inputs([str(path)], **kw))


def test_txt_file(corpus):
    (doc,) = items(corpus["txt"])
    assert isinstance(doc, Doc) and doc.text.strip() == AR_1
    assert doc.meta.date == "2024-11-03" and doc.meta.path.endswith("cairo.txt")


def test_html_main_text_without_navigation(corpus):
    (doc,) = items(corpus["html"])
    assert EN_2 in doc.text
    for word in NAV_WORDS.split() + ["Copyright", "Weather warning"]:
        assert word not in doc.text
    assert doc.meta.title == "Japan to raise defence spending" and doc.meta.date == "2024-12-20"


def test_arabic_html(corpus):
    (doc,) = items(corpus["html_ar"])
    assert AR_1 in doc.text and "الرئيسية" not in doc.text and doc.meta.date == "2024-11-03"


def test_html_without_main_text_is_skipped_with_reason(corpus):
    (sk,) = items(corpus["html_empty"])
    assert isinstance(sk, Skipped) and "no main text" in sk.reason


def test_rss2_items_with_dates_links_and_an_empty_item(corpus):
    got = items(corpus["rss"])
    docs = [i for i in got if isinstance(i, Doc)]
    assert [d.text for d in docs] == [AR_1, AR_2]
    assert [d.meta.date for d in docs] == ["2024-11-03", "2024-12-20"]
    assert docs[0].meta.url == "https://wire.example/ar/1" and docs[0].meta.source == "Wire Arabic"
    assert docs[0].meta.lang == "ar"
    (sk,) = [i for i in got if isinstance(i, Skipped)]
    assert "no text" in sk.reason and sk.where.endswith("#item3")


def test_atom_entries(corpus):
    docs = items(corpus["atom"])
    assert [d.text for d in docs] == [EN_1, EN_2]
    assert [d.meta.date for d in docs] == ["2024-11-05", "2024-12-20"]
    assert docs[1].meta.url == "https://wire.example/en/2" and docs[0].meta.title == "Egypt and Turkey resume talks"


def test_malformed_feed_is_skipped_with_reason(corpus):
    got = items(corpus["bad_feed"])
    assert got and all(isinstance(i, Skipped) for i in got)
    assert "malformed feed" in got[-1].reason


def test_csv_with_bom_quoted_newlines_and_a_row_without_text(corpus):
    got = items(corpus["csv"])
    assert [type(i).__name__ for i in got] == ["Doc", "Skipped", "Doc"]
    first = got[0]
    assert first.text.startswith(EN_1[:80]) and "\r\nSecond line, with a comma and \"quotes\"." in first.text
    assert first.meta.title == "Egypt, Turkey" and first.meta.date == "2024-11-05" and first.meta.ext_id == "1"
    assert "no text" in got[1].reason and got[1].where.endswith(":4")  # header + two physical lines of row 1
    assert got[2].text == EN_2


def test_jsonl_with_bad_lines_and_field_aliases(corpus):
    got = items(corpus["jsonl"])
    assert [type(i).__name__ for i in got] == ["Doc", "Skipped", "Skipped", "Doc"]
    assert got[0].meta.date == "2024-11-05" and got[0].meta.lang == "en" and got[0].meta.source == "wire"
    assert "not JSON" in got[1].reason and got[1].where.endswith(":2")
    assert "no text" in got[2].reason
    assert got[3].text == AR_2 and got[3].meta.date == "2024-12-20"  # "body" alias, RFC 2822 date


def test_field_mapping_option(tmp_path):
    path = tmp_path / "mapped.jsonl"
    path.write_text('{"story": "%s", "when": "2024-01-02", "text": "not this"}\n' % EN_1, encoding="utf-8")
    (doc,) = items(path, fields=parse_fields(["text=story", "date=when"]))
    assert doc.text == EN_1 and doc.meta.date == "2024-01-02"
    with pytest.raises(InputError):
        parse_fields(["body"])
    with pytest.raises(InputError):
        parse_fields(["colour=red"])


def test_warc_html_records(corpus):
    got = items(corpus["warc"])
    docs = [i for i in got if isinstance(i, Doc)]
    assert len(docs) == 2 and EN_2 in docs[0].text and AR_1 in docs[1].text
    assert docs[0].meta.url == "https://wire.example/en/9" and docs[0].meta.date == "2024-12-20"
    (sk,) = [i for i in got if isinstance(i, Skipped)]
    assert "not an HTML response (image/png)" in sk.reason


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc_keeps_records_before_the_damage(tmp_path, gz):
    whole = tmp_path / ("w.warc.gz" if gz else "w.warc")
    write_warc(whole, [(f"https://wire.example/{i}", HTML_PAGE.replace("Japan", f"Japan{i}"), "2024-12-21T00:00:00Z")
                       for i in range(4)], gz=gz, image=False)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * 0.6)])
    got = items(cut)
    docs = [i for i in got if isinstance(i, Doc)]
    assert 1 <= len(docs) < 4
    assert isinstance(got[-1], Skipped) and ("truncated" in got[-1].reason or "corrupt" in got[-1].reason)


def test_binary_latin1_and_empty_files_are_skipped(corpus):
    for name, words in (("binary", "binary"), ("latin1", "not UTF-8"), ("empty", "empty")):
        (sk,) = items(corpus[name])
        assert isinstance(sk, Skipped) and words in sk.reason, name


def test_directory_is_walked_recursively_and_sorted_and_globs(corpus, tmp_path):
    root = corpus["txt"].parent
    files = expand([str(root)])
    assert files == sorted(files) and str(corpus["warc"]) in files
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (sub / "deep.txt").write_text(EN_1, encoding="utf-8")
    (tmp_path / "a" / ".hidden.txt").write_text(EN_1, encoding="utf-8")
    assert expand([str(tmp_path / "a")]) == [str(sub / "deep.txt")]
    assert expand([str(tmp_path / "**" / "*.txt")]) == [str(sub / "deep.txt")]
    with pytest.raises(InputError):
        expand([str(tmp_path / "missing")])
    with pytest.raises(InputError):
        expand([str(tmp_path / "*.nothing")])


def test_whole_directory_gives_every_item_in_a_stable_order(corpus):
    root = corpus["txt"].parent
    first = list(read_inputs([str(root)]))
    second = list(read_inputs([str(root)]))
    assert first == second
    docs = [i for i in first if isinstance(i, Doc)]
    skipped = [i for i in first if isinstance(i, Skipped)]
    assert len(docs) == 13 and len(skipped) == 11


def test_stdin_jsonl_and_text():
    stream = io.BufferedReader(io.BytesIO(('{"text": "%s"}\n{"text": "%s"}\n' % (EN_1, EN_2)).encode()))
    got = list(read_inputs(["-"], stdin=stream))
    assert [d.text for d in got] == [EN_1, EN_2]
    stream = io.BufferedReader(io.BytesIO(AR_2.encode()))
    (doc,) = list(read_inputs(["-"], stdin=stream))
    assert doc.text == AR_2


def test_fingerprint_changes_with_content_and_format(corpus, tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("one", encoding="utf-8")
    a = fingerprint([str(f)], "auto", parse_fields(None))
    assert a == fingerprint([str(f)], "auto", parse_fields(None))
    assert a != fingerprint([str(f)], "txt", parse_fields(None))
    f.write_text("one two", encoding="utf-8")
    assert a != fingerprint([str(f)], "auto", parse_fields(None))
    assert fingerprint(["-"], "auto", parse_fields(None)) is None


@pytest.mark.parametrize("value,expected", [
    ("2024-07-28", "2024-07-28"), ("2024-07-28T10:00:00+09:00", "2024-07-28"), ("2024/7/8", "2024-07-08"),
    ("Sun, 28 Jul 2024 10:00:00 GMT", "2024-07-28"), ("yesterday", None), ("2024-13-45", None), (None, None)])
def test_normalize_date(value, expected):
    assert normalize_date(value) == expected


def test_html_to_text_keeps_paragraphs_and_entities():
    assert html_to_text("<p>One &amp; two</p><p>three<br>four</p>") == "One & two\nthree\nfour"
    assert html_to_text("plain") == "plain"
    assert html_to_text("<script>var x = 1;</script><p>ok</p>") == "ok"

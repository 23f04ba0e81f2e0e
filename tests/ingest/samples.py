"""Real input files of every format, written by the tests (texts written for marsad, not copied from anywhere)."""
from __future__ import annotations

import io
from pathlib import Path

AR_1 = ("أعلنت وزارة الخارجية المصرية اليوم أن القاهرة وأنقرة اتفقتا على استئناف المحادثات الثنائية بشأن التجارة "
        "والطاقة، وذلك خلال اتصال هاتفي بين وزيري خارجية البلدين. وأضاف البيان أن الجانبين سيعقدان اجتماعاً موسعاً "
        "في الشهر المقبل لبحث خطوات عملية لزيادة حجم التبادل التجاري وتنسيق المواقف إزاء الأوضاع في المنطقة.")
AR_2 = ("قالت الحكومة اليابانية إن طوكيو ستزيد إنفاقها الدفاعي خلال السنوات الثلاث المقبلة، وإنها ستشتري صواريخ بعيدة "
        "المدى في إطار خطة جديدة أقرها مجلس الوزراء صباح الجمعة بعد نقاش طويل داخل الحزب الحاكم.")
EN_1 = ("Egypt and Turkey agreed on Tuesday to resume talks on trade and energy, the Egyptian foreign ministry said "
        "after a phone call between the two foreign ministers. A wider meeting is planned for next month.")
EN_2 = ("Japan will raise its defence spending over the next three years and buy long-range missiles under a plan "
        "the cabinet approved on Friday after a long debate inside the ruling party.")
NAV_WORDS = "Homepage Politics Economy Sport Subscribe"

HTML_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Japan to raise defence spending | Daily Wire</title>
<meta property="og:title" content="Japan to raise defence spending">
<meta property="article:published_time" content="2024-12-20T08:00:00Z"></head>
<body><header><nav><ul><li><a href="/">{NAV_WORDS.split()[0]}</a></li><li><a href="/p">{NAV_WORDS.split()[1]}</a></li>
<li><a href="/e">{NAV_WORDS.split()[2]}</a></li><li><a href="/s">{NAV_WORDS.split()[3]}</a></li>
<li><a href="/sub">{NAV_WORDS.split()[4]}</a></li></ul></nav></header>
<main><article><h1>Japan to raise defence spending</h1>
<p>{EN_2}</p>
<p>Officials in Tokyo said the first contracts would be signed before the summer, and that the new budget
would be presented to parliament in January for a vote that the government expects to win comfortably.</p>
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/x">Weather warning for the weekend</a></li></ul></aside>
<footer><p>Copyright Daily Wire. All rights reserved.</p></footer></body></html>"""

HTML_AR = f"""<html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>القاهرة وأنقرة تستأنفان المحادثات</title>
<meta name="date" content="2024-11-03"></head><body><nav><a href="/">الرئيسية</a> | <a href="/s">رياضة</a></nav>
<article><h1>القاهرة وأنقرة تستأنفان المحادثات</h1><p>{AR_1}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""

HTML_EMPTY = """<html><head><title>Menu</title></head><body><nav><a href="/">Home</a> <a href="/a">About</a></nav>
<footer>Contact</footer></body></html>"""

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Wire Arabic</title><link>https://wire.example/ar</link><language>ar</language>
<item><title>القاهرة وأنقرة</title><link>https://wire.example/ar/1</link>
<pubDate>Sun, 03 Nov 2024 09:30:00 GMT</pubDate><description><![CDATA[<p>{AR_1}</p>]]></description></item>
<item><title>طوكيو</title><link>https://wire.example/ar/2</link><pubDate>Fri, 20 Dec 2024 07:00:00 GMT</pubDate>
<description>{AR_2}</description></item>
<item><title>no body</title><link>https://wire.example/ar/3</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire English</title><id>urn:wire:en</id>
<updated>2024-12-20T00:00:00Z</updated>
<entry><title>Egypt and Turkey resume talks</title><id>urn:wire:en:1</id><link href="https://wire.example/en/1"/>
<updated>2024-11-05T10:00:00Z</updated><content type="html">&lt;p&gt;{EN_1}&lt;/p&gt;</content></entry>
<entry><title>Japan budget</title><id>urn:wire:en:2</id><link href="https://wire.example/en/2"/>
<published>2024-12-20T06:00:00Z</published><updated>2024-12-20T06:00:00Z</updated><summary>{EN_2}</summary></entry>
</feed>"""

MALFORMED_FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>a &
b</title><description unclosed"""

CSV_TEXT = ("\ufeffid,title,body,published,url\r\n"
            f'1,"Egypt, Turkey","{EN_1[:80]}\r\nSecond line, with a comma and ""quotes"".",2024-11-05,https://x.example/1\r\n'
            "2,Empty row,,2024-11-06,https://x.example/2\r\n"
            f'3,Japan,"{EN_2}",2024-12-20,https://x.example/3\r\n')


def write_warc(path: Path, pages: list[tuple[str, str, str]], gz: bool = True, image: bool = True) -> None:
    """A WARC with one response record per (url, html, date) and a non-HTML response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, html, date in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")),
                                            http_headers=headers, warc_headers_dict={"WARC-Date": date})
            writer.write_record(rec)
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
        if image:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record("https://wire.example/logo.png", "response",
                                                          payload=io.BytesIO(b"\x89PNG\r\n\x1a\n0000"),
                                                          http_headers=headers))


def write_corpus(root: Path) -> dict[str, Path]:
    """One file of every format (good and bad) under root; returns name -> path."""
    root.mkdir(parents=True, exist_ok=True)
    files = {
        "txt": root / "2024-11-03-cairo.txt", "html": root / "page.html", "html_ar": root / "ar.htm",
        "html_empty": root / "menu.html", "rss": root / "feed.rss", "atom": root / "feed.atom",
        "bad_feed": root / "broken.xml", "csv": root / "wire.csv", "jsonl": root / "items.jsonl",
        "binary": root / "blob.bin", "latin1": root / "old.txt", "empty": root / "empty.txt",
    }
    files["txt"].write_text(AR_1 + "\n", encoding="utf-8")
    files["html"].write_text(HTML_PAGE, encoding="utf-8")
    files["html_ar"].write_text(HTML_AR, encoding="utf-8")
    files["html_empty"].write_text(HTML_EMPTY, encoding="utf-8")
    files["rss"].write_text(RSS, encoding="utf-8")
    files["atom"].write_text(ATOM, encoding="utf-8")
    files["bad_feed"].write_text(MALFORMED_FEED, encoding="utf-8")
    files["csv"].write_bytes(CSV_TEXT.encode("utf-8"))
    files["jsonl"].write_text(
        '{"text": "%s", "title": "t1", "date": "2024-11-05T10:00:00Z", "source": "wire", "lang": "en"}\n'
        'this line is not json\n'
        '{"title": "no text here"}\n'
        '{"body": "%s", "date": "Fri, 20 Dec 2024 07:00:00 GMT"}\n' % (EN_1, AR_2), encoding="utf-8")
    files["binary"].write_bytes(b"\x00\x01\x02PK\x03\x04" * 64)
    files["latin1"].write_bytes("Caf\xe9 in M\xfcnchen, d\xe9j\xe0 vu".encode("latin-1"))
    files["empty"].write_text("  \n", encoding="utf-8")
    files["warc"] = root / "crawl.warc.gz"
    write_warc(files["warc"], [("https://wire.example/en/9", HTML_PAGE, "2024-12-21T00:00:00Z"),
                               ("https://wire.example/ar/9", HTML_AR, "2024-11-04T00:00:00Z")])
    return files

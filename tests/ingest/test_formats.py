import json

import pytest

from chronik.ingest import iter_files, read_file
from chronik.ingest.header import parse_header
from chronik.model import Article, Rejection
from tests.conftest import LONG_DE, gz, html_page, warc_bytes


def _articles(path):
    items = list(read_file(path))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


@pytest.mark.parametrize(
    "text, fields, body_start",
    [
        ("date 2023-09\n\nText beginnt.", {"date": "2023-09"}, "Text"),
        (" date 2023-09 Es geht los.", {"date": "2023-09"}, "Es geht"),
        ("date 2024-01-05\ntitle Ein Titel\nsource Alpenkurier\nurl https://a.example/x\n\nText.",
         {"date": "2024-01-05", "title": "Ein Titel", "source": "Alpenkurier", "url": "https://a.example/x"}, "Text"),
        ("Kein Header hier.\ndate 2023-09", {}, "Kein"),
        ("datei 2023 ist kein Header", {}, "datei"),
    ],
)
def test_header_parse(text, fields, body_start):
    got, end = parse_header(text)
    assert got == fields
    assert text[end:].startswith(body_start)


def test_ingest_txt_with_header_and_stable_id(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("date 2023-10-12\ntitle Brücke\nsource Talbote\n\n" + " ".join(LONG_DE), encoding="utf-8")
    q = tmp_path / "b.txt"
    q.write_text(" ".join(LONG_DE) + "\n", encoding="utf-8")
    (a,), _ = _articles(p)
    (b,), _ = _articles(q)
    assert (a.published, a.title, a.outlet, a.format) == ("2023-10-12", "Brücke", "Talbote", "txt")
    assert a.body[a.header_end:].startswith("Der Gemeinderat")
    assert a.raw == p.read_bytes()
    assert a.id == b.id  # same content, same id, whatever the header
    assert len(a.id) == 16


def test_ingest_txt_in_cp1252_is_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Die Straße nach Köln wurde für Lkw gesperrt, hieß es am Mittwoch.".encode("cp1252"))
    (a,), rej = _articles(p)
    assert not rej
    assert "Straße nach Köln" in a.body and a.meta["encoding"] != "utf-8"


def test_ingest_html_with_metadata(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(html_page("Neue Brücke für Talheim", LONG_DE), encoding="utf-8")
    (a,), rej = _articles(p)
    assert not rej
    assert a.format == "html" and a.outlet == "Testblatt" and a.published == "2024-03-05"
    assert a.author == "Erika Muster" and "Brücke" in a.title
    assert "zwölf Millionen Euro" in a.body and "Impressum" not in a.body


def test_ingest_rss_items_with_content_or_summary(tmp_path):
    feed = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Talbote Online</title><link>https://talbote.example/</link><description>x</description>
<item><title>Brücke beschlossen</title><link>https://talbote.example/1</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
<content:encoded><![CDATA[{''.join(f'<p>{p}</p>' for p in LONG_DE)}]]></content:encoded></item>
<item><title>Kurzmeldung</title><link>https://talbote.example/2</link>
<pubDate>Wed, 06 Mar 2024 10:00:00 +0100</pubDate><description>Die Feuerwehr rückte am Abend zu einem Brand aus.</description></item>
</channel></rss>"""
    p = tmp_path / "feed.xml"
    p.write_text(feed, encoding="utf-8")
    arts, rej = _articles(p)
    assert not rej and len(arts) == 2
    full, short = arts
    assert full.outlet == "Talbote Online" and full.published == "2024-03-05T09:30:00+01:00"
    assert "zwölf Millionen" in full.body and full.meta["full_text"]
    assert "Feuerwehr" in short.body and not short.meta["full_text"]
    assert full.source.endswith("#item1") and full.url == "https://talbote.example/1"


def test_ingest_atom_feed(tmp_path):
    p = tmp_path / "feed.atom"
    p.write_text("""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atomblatt</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>
<entry><title>Meldung</title><id>urn:1</id><updated>2024-03-05T10:00:00Z</updated>
<summary>Der Zug fiel wegen eines Stellwerkschadens aus, berichtete die Bahn.</summary></entry></feed>""", encoding="utf-8")
    (a,), rej = _articles(p)
    assert a.outlet == "Atomblatt" and "Stellwerkschadens" in a.body
    assert a.published == "2024-03-05T10:00:00+00:00"


@pytest.mark.parametrize("gzipped, name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_ingest_warc_response_records(tmp_path, gzipped, name):
    pages = [(f"https://blatt.example/{i}", html_page(f"Meldung {i}", [f"Absatz {i}: " + s for s in LONG_DE]))
             for i in range(3)]
    p = tmp_path / name
    p.write_bytes(warc_bytes(pages, gzipped=gzipped))
    arts, rej = _articles(p)
    assert not rej
    assert [a.url for a in arts] == [u for u, _ in pages]
    assert all(a.format == "warc" and a.source.startswith(str(p)) for a in arts)
    assert len({a.id for a in arts}) == 3


def test_ingest_jsonl_lines_and_bad_line(tmp_path):
    lines = [
        json.dumps({"title": "Eins", "text": " ".join(LONG_DE), "url": "https://x.example/1", "published": "2024-03-05", "source": "X"}),
        "{not json",
        json.dumps({"title": "Zwei", "body": "Ein zweiter Artikel mit ausreichend Text für den Test, sagte sie."}),
        json.dumps({"title": "ohne Text"}),
        json.dumps([1, 2]),
    ]
    p = tmp_path / "a.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    arts, rej = _articles(p)
    assert [a.title for a in arts] == ["Eins", "Zwei"]
    assert arts[0].published == "2024-03-05" and arts[0].outlet == "X"
    assert [r.source.rsplit(":", 1)[1] for r in rej] == ["2", "4", "5"]
    assert "invalid JSON" in rej[0].reason


def test_ingest_gzipped_txt(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_bytes(gz(" ".join(LONG_DE).encode()))
    (a,), rej = _articles(p)
    assert a.format == "txt" and not rej


def test_iter_files_walks_folders_sorted_and_skips_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == ["a.txt", "b/2.txt"]

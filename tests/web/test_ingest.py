"""POST /api/v1/ingest: safe names, size limits, junk, and script in article text."""

from __future__ import annotations

import pytest

from chronik.web.api import safe_name

ARTICLE = """date 2024-03-05
title Gemeinderat beschließt neuen Radweg
source Testblatt

Der Gemeinderat von Felsbach hat am Dienstag den Bau eines neuen Radwegs beschlossen. <script>alert("x")</script>
Bürgermeisterin Karin Obermoser sagte, die Arbeiten sollen im Mai beginnen. <b onclick="evil()">Fett</b> gedruckt
wurde der Beschluss im Amtsblatt. Die Kosten liegen bei rund zwei Millionen Euro, der Bund übernimmt die Hälfte.
"""


@pytest.mark.parametrize("name,expected", [
    ("../../etc/passwd", "000-passwd"),
    ("..\\..\\windows\\win.ini", "000-win.ini"),
    ("/abs/path/a.txt", "000-a.txt"),
    ("..", "000-upload"),
    ("", "000-upload"),
    (".hidden.txt", "000-hidden.txt"),
    ("ä ö/ü.txt", "000-ü.txt"),
    ("a b?.TXT", "000-a_b.txt"),
    ("archiv.warc.gz", "000-archiv.warc.gz"),
    ("nur.", "000-nur"),
])
def test_ingest_safe_name(name, expected):
    got = safe_name(name, 0)
    assert got == expected
    assert "/" not in got and "\\" not in got and not got.startswith(".")


def test_ingest_upload_stores_article(fresh):
    r = fresh.post("/api/v1/ingest", files=[("files", ("radweg.txt", ARTICLE.encode(), "text/plain"))])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["files"] == 1 and body["stored"] == 1 and body["rejected"] == 0
    assert body["results"] == [{"file": "radweg.txt", "status": "stored", "articles": body["articles"], "reasons": []}]
    listed = fresh.get("/api/v1/articles").json()
    assert listed["total"] == 1
    # the stored source names the upload, not the temporary file it was read from
    assert listed["items"][0]["source"] == "upload:radweg.txt"


def test_ingest_path_trick_stays_inside(fresh, tmp_path):
    r = fresh.post("/api/v1/ingest", files=[("files", ("../../etc/passwd.txt", ARTICLE.encode(), "text/plain"))])
    assert r.status_code == 200
    assert r.json()["stored"] == 1
    source = fresh.get("/api/v1/articles").json()["items"][0]["source"]
    assert "/etc/passwd" not in source and ".." not in source


def test_ingest_junk_is_rejected_not_500(fresh):
    files = [("files", ("junk.bin", bytes(range(256)) * 4, "application/octet-stream")),
             ("files", ("leer.txt", b"", "text/plain")),
             ("files", ("kaputt.html", b"\xff\xfe\x00<html><p>\x00\x01", "text/html"))]
    r = fresh.post("/api/v1/ingest", files=files)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] == 0 and body["rejected"] == 3
    named = {x["file"] for x in body["rejections"]}
    assert {"junk.bin", "leer.txt", "kaputt.html"} <= {n.split("#")[0].split(":")[0] for n in named}
    assert all(x["reason"] and "chronik-upload-" not in x["reason"] for x in body["rejections"])


def test_ingest_too_large_413(fresh):
    r = fresh.post("/api/v1/ingest", files=[("files", ("big.txt", b"a" * 5000, "text/plain"))])
    assert r.status_code == 413
    assert "big.txt" in r.json()["detail"]
    assert fresh.get("/api/v1/articles").json()["total"] == 0


def test_ingest_too_many_files_413(fresh):
    files = [("files", (f"{i}.txt", ARTICLE.encode(), "text/plain")) for i in range(4)]
    assert fresh.post("/api/v1/ingest", files=files).status_code == 413


def test_ingest_without_files_422(fresh):
    assert fresh.post("/api/v1/ingest").status_code == 422


def test_ingest_script_is_escaped_on_article_page(fresh):
    body = fresh.post("/api/v1/ingest", files=[("files", ("radweg.txt", ARTICLE.encode(), "text/plain"))]).json()
    aid = body["articles"][0]
    assert "<script>" in fresh.get(f"/api/v1/articles/{aid}").json()["text"]  # the text keeps it as text
    page = fresh.get(f"/articles/{aid}")
    assert page.status_code == 200
    assert "<script" not in page.text and "onclick=" not in page.text.replace("onclick=&#34;", "")
    assert "&lt;script&gt;" in page.text
    assert "<b " not in page.text


def test_pages_javascript_url_is_not_linked(fresh):
    # ingest already drops such URLs; the page must not trust the store either
    from chronik.model import Article
    from chronik.store import open_store

    with open_store(fresh.app.state.chronik.db_url) as store, store.transaction():
        store.put_article(Article(id="js1", source="x.txt", format="txt", body="Text", text="Text",
                                  url="javascript:alert(1)"), "text")
    page = fresh.get("/articles/js1")
    assert page.status_code == 200 and "javascript:alert(1)" in page.text
    assert 'href="javascript:' not in page.text


def test_ingest_concurrent_uploads_all_stored(fresh):
    from concurrent.futures import ThreadPoolExecutor

    texts = [ARTICLE.replace("Radweg", f"Radweg Nummer {i}").replace("Felsbach", f"Felsbach-{i}") for i in range(3)]

    def post(i):
        return fresh.post("/api/v1/ingest", files=[("files", (f"r{i}.txt", texts[i].encode(), "text/plain"))])

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = list(pool.map(post, range(3)))
    assert [r.status_code for r in results] == [200, 200, 200]
    assert fresh.get("/api/v1/articles").json()["total"] == 3

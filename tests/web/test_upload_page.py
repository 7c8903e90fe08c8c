"""The upload page: a labelled form, the plain (no JavaScript) form post, per-file results, escaping."""

from __future__ import annotations

import re

from tests.web.test_ingest import ARTICLE


def test_upload_page_form_is_labelled(fresh):
    r = fresh.get("/upload")
    assert r.status_code == 200
    assert '<label for="files">' in r.text and 'id="files" name="files" type="file" multiple' in r.text
    assert 'action="/upload" method="post" enctype="multipart/form-data"' in r.text
    assert 'role="status"' in r.text and "<progress" in r.text
    en = fresh.get("/upload?lang=en").text
    assert "Choose files" in en and 'action="/upload?lang=en"' in en


def test_upload_plain_post_lists_each_file(fresh):
    files = [("files", ("radweg.txt", ARTICLE.encode(), "text/plain")),
             ("files", ("kopie.txt", ARTICLE.encode(), "text/plain")),
             ("files", ("junk.bin", bytes(range(256)), "application/octet-stream"))]
    r = fresh.post("/upload", files=files)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    rows = re.findall(r'<tr class="st-(\w+)"><td>([^<]+)</td>', r.text)
    assert rows == [("stored", "radweg.txt"), ("duplicate", "kopie.txt"), ("rejected", "junk.bin")]
    assert "1 gespeichert, 0 schon vorhanden, 1 Duplikate, 1 abgelehnt" in r.text
    aid = fresh.get("/api/v1/articles").json()["items"][0]["id"]
    assert f'href="/articles/{aid}"' in r.text
    again = fresh.post("/upload?lang=en", files=files[:1])
    assert re.search(r'<tr class="st-unchanged"><td>radweg.txt</td><td>already stored</td>', again.text)


def test_upload_api_results_per_file(fresh):
    files = [("files", ("a.txt", ARTICLE.encode(), "text/plain")), ("files", ("leer.txt", b"", "text/plain"))]
    body = fresh.post("/api/v1/ingest", files=files).json()
    results = {r["file"]: r for r in body["results"]}
    assert results["a.txt"]["status"] == "stored" and results["a.txt"]["articles"] == body["articles"]
    assert results["leer.txt"]["status"] == "rejected" and results["leer.txt"]["reasons"]


def test_upload_plain_post_without_a_file(fresh):
    r = fresh.post("/upload", files=[("files", ("", b"", "application/octet-stream"))])
    assert r.status_code == 200 and "Keine Datei ausgewählt." in r.text
    assert fresh.get("/api/v1/articles").json()["total"] == 0


def test_upload_too_large_is_413_page(fresh):
    r = fresh.post("/upload", files=[("files", ("big.txt", b"x" * 5000, "text/plain"))])
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")


def test_upload_script_in_article_is_escaped_everywhere(fresh):
    fresh.post("/upload", files=[("files", ("radweg.txt", ARTICLE.encode(), "text/plain"))])
    aid = fresh.get("/api/v1/articles").json()["items"][0]["id"]
    pages = [f"/articles/{aid}", "/entities", "/search?q=Radweg"]
    pages += [f"/entities/{e['id']}" for e in fresh.get("/api/v1/entities").json()]
    pages += [f"/stories/{s['id']}" for s in fresh.get("/api/v1/stories").json()]
    for path in pages:
        text = fresh.get(path).text
        assert "<script>alert" not in text and 'onclick="evil()"' not in text, path
    assert "&lt;script&gt;alert" in fresh.get(f"/articles/{aid}").text


class BrokenRunner:
    """Stands in for a runner with a bug below the web layer."""

    def ingest(self, paths, store, progress=None, *, source_of=None):
        raise RuntimeError("boom")


def test_upload_unexpected_error_is_500_in_the_right_format(tmp_path):
    from fastapi.testclient import TestClient

    from chronik.web import create_app

    client = TestClient(create_app(str(tmp_path / "x.db"), runner=BrokenRunner()), raise_server_exceptions=False)
    files = [("files", ("a.txt", ARTICLE.encode(), "text/plain"))]
    api = client.post("/api/v1/ingest", files=files)
    assert api.status_code == 500 and "RuntimeError" in api.json()["detail"]
    page = client.post("/upload", files=files)
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "RuntimeError" in page.text

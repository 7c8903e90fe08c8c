import json

from click.testing import CliRunner

from chronik.cli import main
from tests.conftest import LONG_DE, html_page


def run(*args, db):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


def test_cli_help_teaches():
    out = CliRunner().invoke(main, ["--help"]).output
    for word in ("ingest", "search", "export", "CHRONIK_DB"):
        assert word in out
    assert "Exit status" in CliRunner().invoke(main, ["ingest", "--help"]).output


def test_cli_ingest_exit_codes_and_stderr(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("date 2024-03-05\n\n" + " ".join(LONG_DE), encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"\x00\xff" * 100)
    db = tmp_path / "c.db"
    ok = run("ingest", "-q", str(good), db=db)
    assert ok.exit_code == 0, ok.output
    mixed = run("ingest", "-q", str(good), str(bad), db=db)
    assert mixed.exit_code == 1
    assert f"{bad}: binary content" in mixed.stderr
    again = run("ingest", str(good), db=db)
    assert again.exit_code == 0 and "already stored" in again.output


def test_cli_export_articles_and_search(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.html").write_text(html_page("Brücke beschlossen", LONG_DE), encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Putin reiste nach Pjöngjang, wo er Kim traf. Beide lobten die Gespräche sehr.", encoding="utf-8")
    db = tmp_path / "e.db"
    assert run("ingest", "-q", str(tmp_path / "in"), db=db).exit_code == 0
    data = json.loads(run("export", "articles", "--format", "json", db=db).output)
    assert len(data) == 2
    html = next(a for a in data if a["format"] == "html")
    assert html["published"] == "2024-03-05" and html["outlet"] == "Testblatt" and html["lang"] == "de"
    assert set(html) >= {"id", "source", "published", "published_inferred", "text", "title"}
    hits = json.loads(run("search", "--json", "Pjoengjang", db=db).output)
    assert [h["source"].endswith("b.txt") for h in hits] == [True]
    assert "no article matches" in run("search", "Bundesliga", db=db).output


def test_cli_export_unknown_kind_and_missing_article(tmp_path):
    db = tmp_path / "x.db"
    res = CliRunner().invoke(main, ["--db", str(db), "export", "nonsense"])
    assert res.exit_code == 2 and "unknown kind" in res.output
    res = CliRunner().invoke(main, ["--db", str(db), "show", "deadbeef"])
    assert res.exit_code == 2 and "no article" in res.stderr


def test_cli_bad_database_file(tmp_path):
    db = tmp_path / "junk.db"
    db.write_bytes(b"not a database" * 200)
    res = CliRunner().invoke(main, ["--db", str(db), "ingest", str(tmp_path)])
    assert res.exit_code == 2 and "cannot open SQLite store" in res.stderr


def test_cli_ingest_empty_folder_warns(tmp_path):
    (tmp_path / "empty").mkdir()
    res = run("ingest", "-q", str(tmp_path / "empty"), db=tmp_path / "w.db")
    assert res.exit_code == 0 and "no input files" in res.stderr


def test_cli_backfill_manifest_and_rerun(tmp_path):
    from tests.conftest import warc_bytes

    paths = []
    for n in range(2):
        pages = [(f"https://blatt.example/{n}/{i}", html_page(f"Meldung {n}-{i}", [f"Teil {n}-{i}: " + s for s in LONG_DE]))
                 for i in range(3)]
        p = tmp_path / f"crawl-{n}.warc.gz"
        p.write_bytes(warc_bytes(pages, gzipped=True))
        paths.append(p.name)
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("# two crawls\n" + "\n".join(paths) + "\n", encoding="utf-8")
    db = tmp_path / "b.db"
    first = run("backfill", str(manifest), db=db)
    assert first.exit_code == 0, first.output + first.stderr
    assert "2/2 files, 6 articles stored, 0 errors" in first.output
    again = run("backfill", str(manifest), db=db)  # resumes: every file is done, nothing is stored twice
    assert again.exit_code == 0 and "2/2 files" in again.output
    assert len(json.loads(run("export", "articles", db=db).output)) == 6


def test_cli_export_events_min_confidence(tmp_path):
    text = ("Berlin, 5. März 2024. Kremlchef Wladimir Putin hat am Dienstag den nordkoreanischen Machthaber "
            "Kim Jong Un in Moskau empfangen. Beide unterzeichneten ein Abkommen über die Zusammenarbeit, "
            "sagte ein Sprecher des Kremls. Der Kreml und Pjöngjang bestreiten nordkoreanische Waffenlieferungen.")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "m.db"
    assert run("ingest", "-q", str(tmp_path / "a.txt"), db=db).exit_code == 0
    every = json.loads(run("export", "events", db=db).output)
    assert len(every) >= 2 and all(0.0 < e["confidence"] < 1.0 for e in every)
    cut = sorted(e["confidence"] for e in every)[1]  # keeps all but the least sure one (ties aside)
    kept = json.loads(run("export", "events", "--min-confidence", str(cut), db=db).output)
    assert kept == [e for e in every if e["confidence"] >= cut] and len(kept) < len(every)
    assert json.loads(run("export", "events", "--min-confidence", "1", db=db).output) == []
    res = CliRunner().invoke(main, ["--db", str(db), "export", "articles", "--min-confidence", "0.5"])
    assert res.exit_code == 2 and "events only" in res.output

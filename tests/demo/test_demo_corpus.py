"""The bundled demo corpus against its answer key (src/chronik/demo/README.md)."""

import json

import pytest
from click.testing import CliRunner

from chronik.cli import main
from chronik.demo import corpus_path

# boilerplate the answer key lists, per file: none of it may survive cleaning
BOILERPLATE = {
    "bangen-in-scharnitzau.txt": ["© Lukas Ringler/APN", "Folgen Sie dem Bergboten", "Kommentare sind für diesen Beitrag deaktiviert"],
    "untersuchungskommission.txt": ["Publiziert", "1 / 4", "Lukas Ringler/Pool APN/AP", "im Tunnel stand. APN"],
    "was-wir-wissen.txt": ["1 / 5", "2 / 5", "Folgen Sie Tagesfeld", "12 Kommentare", "APN\n"],
    "kommission-stollen-leer.txt": ["Martina Haselsteiner", "Newsletter", "5 Kommentare"],
    "tunnel-wird-weitergebaut.txt": ["jetzt abonnieren", "Kommentare (3)", "date 2023-11"],
    "kommission-baufirma-schuld.txt": ["© Florian Weigl/APN"],
    "bericht-belastet-felsbach.txt": ["© Florian Weigl/APN"],
    "feed.xml#item2": ["© Stefan Gritsch"],
    "streik-karwendel.html": ["Cookie", "Kommentarfunktion", "Impressum"],
    "artikel.jsonl:2": ["1 / 3", "Reto Casutt/APN"],
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    runner = CliRunner()
    res = runner.invoke(main, ["--db", str(db), "ingest", str(corpus_path())])
    assert res.exit_code == 0, res.output + res.stderr
    export = lambda kind: json.loads(runner.invoke(main, ["--db", str(db), "export", kind]).output)
    return {k: export(k) for k in ("articles", "copies", "duplicates")}


def _by_file(articles):
    return {a["source"].rsplit("/", 1)[1]: a for a in articles}


def test_demo_stores_fourteen_articles_with_their_dates(demo):
    arts = _by_file(demo["articles"])
    assert len(demo["articles"]) == 14
    assert arts["was-wir-wissen.txt"]["published"] is None
    assert arts["kommission-stollen-leer.txt"]["published"] == "2023-11"
    assert arts["tunnel-wird-weitergebaut.txt"]["published"] == "2023-11"
    assert arts["streik-karwendel.html"]["published"] == "2024-02-13"
    assert "Jänner" in arts["kommission-stollen-leer.txt"]["text"]  # cp1252 decoded
    assert all(a["lang"] == "de" for a in demo["articles"])


@pytest.mark.parametrize("name, strings", sorted(BOILERPLATE.items()))
def test_demo_boilerplate_is_removed(demo, name, strings):
    text = _by_file(demo["articles"])[name]["text"] + "\n"
    for s in strings:
        assert s not in text, s


def test_demo_wire_copies_with_provenance(demo):
    arts = _by_file(demo["articles"])
    ids = {name: a["id"] for name, a in arts.items()}
    groups = {frozenset(x["id"] for x in c["articles"]): c for c in demo["copies"]}
    w1 = groups[frozenset({ids["wassereinbruch-scharnitzau.txt"], ids["bangen-in-scharnitzau.txt"], ids["untersuchungskommission.txt"]})]
    assert w1["first"] == ids["wassereinbruch-scharnitzau.txt"]
    assert all(x["text"].startswith("Bei einem Wassereinbruch im Karwendel-Basistunnel") for x in w1["articles"])
    w2 = groups[frozenset({ids["ministertreffen-innsbruck.txt"], ids["tunnel-wird-weitergebaut.txt"]})]
    assert w2["first"] is None  # "2023-11" overlaps 2023-11-20
    assert all(x["text"].startswith("Österreich und Deutschland halten") for x in w2["articles"])


def test_demo_near_duplicate_pair(demo):
    arts = _by_file(demo["articles"])
    pair = {arts["kommission-baufirma-schuld.txt"]["id"], arts["bericht-belastet-felsbach.txt"]["id"]}
    assert [{d["a"], d["b"]} for d in demo["duplicates"]] == [pair]

"""The reference input: ../shared/seeds (skipped when absent)."""

import json
import re

from click.testing import CliRunner

from chronik.cli import main

BOILERPLATE = [
    re.compile(r"©"), re.compile(r"^\s*\d+\s*/\s*\d+\s*$", re.M), re.compile(r"\b1 / \d\b"),
    re.compile(r"\bAFP\b"), re.compile(r"Pool Sputnik"), re.compile(r"WhatsApp"), re.compile(r"Abonniere"),
    re.compile(r"Kommentar"), re.compile(r"Deine Meinung"), re.compile(r"^Publiziert$", re.M), re.compile(r"\(DPA\)"),
    re.compile(r"^\s*date 2023", re.M), re.compile(r"Pjöngjang(?=Russland)"),
]


def test_seeds_ingest_twice_stores_five_clean_articles_and_the_shared_passage(seeds, tmp_path):
    db = tmp_path / "seeds.db"
    runner = CliRunner()
    for _ in range(2):
        res = runner.invoke(main, ["--db", str(db), "ingest", str(seeds)])
        assert res.exit_code == 0, res.output
    articles = json.loads(runner.invoke(main, ["--db", str(db), "export", "articles"]).output)
    assert len(articles) == 5
    for a in articles:
        for pattern in BOILERPLATE:
            assert not pattern.search(a["text"]), (a["source"], pattern.pattern)
        assert a["lang"] == "de"
    by_name = {a["source"].rsplit("/", 1)[1][:3]: a for a in articles}
    assert by_name["000"]["published"] == "2023-09" and by_name["002"]["published"] is None
    # the caption/teaser copies of 004's lead are gone, the body sentence stays once
    assert by_name["004"]["text"].count("unterzeichneten am Mittwoch in Pjöngjang") == 1

    copies = json.loads(runner.invoke(main, ["--db", str(db), "export", "copies"]).output)
    shared = [c for c in copies if {x["id"] for x in c["articles"]} == {by_name["000"]["id"], by_name["001"]["id"]}]
    assert shared, copies
    passage = shared[0]
    for place in passage["articles"]:
        assert "Artilleriegeschosse abgesehen, sagte An Chan-il" in place["text"]
        art = next(a for a in articles if a["id"] == place["id"])
        assert art["text"][place["start"]:place["end"]] == place["text"]
    assert passage["first"] is None and "overlap" in passage["first_reason"]

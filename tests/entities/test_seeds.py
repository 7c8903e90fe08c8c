"""The seed articles' canonical entities come out whole, merged and without duplicates."""

import re

import pytest

from chronik.entities.canonical import Canonicalizer
from chronik.entities.stage import EntityTagger
from chronik.model import Article
from chronik.text import split_sentences

HEADER = re.compile(r"^\s*date\s+\d{4}(?:-\d{2}){0,2}\s*")
EXPECTED = ["Wladimir Putin", "Kim Jong Un", "Sergej Lawrow", "Choe Son-hui", "John Kirby",
            "An Chan-il", "KCNA", "Pjöngjang", "Wostotschny", "Nordkorea", "Russland"]


@pytest.fixture(scope="module")
def seed_result(shared, gazetteer):
    files = sorted((shared / "seeds").glob("*.txt"))
    if not files:
        pytest.skip("no seed articles")
    tagger = EntityTagger()
    articles = []
    for path in files:
        text = HEADER.sub("", path.read_text(encoding="utf-8"), count=1)
        art = Article(id=path.stem, source=str(path), format="txt", body=text, text=text,
                      sentences=split_sentences(text))
        articles.append(tagger(art))
    return Canonicalizer(gazetteer=gazetteer).add(articles)


def holders(result, name):
    return [e for e in result.entities if e.name == name or name in e.aliases]


@pytest.mark.parametrize("name", EXPECTED)
def test_seed_entity_found_once(seed_result, name):
    found = holders(seed_result, name)
    assert len(found) == 1, f"{name}: {[(e.name, e.label, e.mentions) for e in found]}"


def test_seed_entities_are_distinct(seed_result):
    ids = [holders(seed_result, name)[0].id for name in EXPECTED if holders(seed_result, name)]
    assert len(ids) == len(set(ids))


def test_seed_putin_has_kremlchef_alias(seed_result):
    (putin,) = holders(seed_result, "Wladimir Putin")
    assert putin.name == "Wladimir Putin" and putin.label == "PER"
    assert "Kremlchef" in putin.aliases and "Putin" in putin.aliases


def test_seed_kim_has_both_spellings(seed_result):
    (kim,) = holders(seed_result, "Kim Jong Un")
    assert {"Kim Jong Un", "Kim Jong-un"} <= {kim.name, *kim.aliases}


def test_seed_countries_are_places_not_adjectives(seed_result):
    for name in ("Nordkorea", "Russland"):
        (ent,) = holders(seed_result, name)
        assert ent.name == name and ent.label == "LOC"
        assert not any(a[:1].islower() for a in ent.aliases)


def test_seed_mentions_are_linked_and_inside_text(seed_result):
    for art in seed_result.articles:
        for m in art.mentions:
            assert 0 <= m.start < m.end <= len(art.text) and m.entity

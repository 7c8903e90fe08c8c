import pytest

from chronik.entities.demonyms import Demonyms


@pytest.fixture(scope="module")
def demonyms(gazetteer):
    return Demonyms(gazetteer)


@pytest.mark.parametrize("word, country", [
    ("nordkoreanische", "Nordkorea"), ("russischen", "Russland"), ("ostrussischen", "Russland"),
    ("italienischer", "Italien"), ("brasilianischen", "Brasilien"), ("chinesische", "China"),
    ("ukrainischen", "Ukraine"), ("deutschen", "Deutschland"), ("französische", "Frankreich"),
    ("europäischen", "Europa"), ("amerikanischen", "USA"), ("britische", "Großbritannien"),
    ("englischen", "England"), ("schottische", "Schottland"),  # parts of a country, by place id
    ("malerisch", None), ("politischen", None), ("praktisch", None), ("arabischen", None),
    ("Russland", None), ("schnell", None),
])
def test_country_adjectives(demonyms, word, country):
    place = demonyms.country(word)
    assert (place.name if place else None) == country

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
    ("sowjetischer", "Sowjetunion"), ("jugoslawische", "Jugoslawien"),  # states that no longer exist
    ("österreichisch-ungarischen", "Österreich-Ungarn"),
    ("malerisch", None), ("politischen", None), ("praktisch", None), ("arabischen", None),
    ("Russland", None), ("schnell", None),
])
def test_country_adjectives(demonyms, word, country):
    place = demonyms.country(word)
    assert (place.name if place else None) == country


def test_former_states_are_countries_to_look_up_not_tagger_features(gazetteer):
    place = gazetteer.lookup("UdSSR")
    assert (place.name, place.kind) == ("Sowjetunion", "country")
    assert gazetteer.lookup("Österreich=Ungarn").name == "Österreich-Ungarn"
    assert gazetteer.word_features("Sowjetunion") == []  # the trained tagger never saw them as features

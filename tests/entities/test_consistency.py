"""Document-level repairs of person chunks (chronik.entities.consistency) and the role-noun
rule for chunks the tagger called places."""

import pytest

from chronik.entities.consistency import big_place, person_boundaries, persons_by_parts, places_by_preposition
from chronik.entities.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer()


def doc(*sentences):
    """Sentences as (word, tag) pairs -> (words, tags) lists."""
    return [[w for w, _ in s] for s in sentences], [tuple(t for _, t in s) for s in sentences]


def test_a_part_of_a_full_name_elsewhere_is_that_person(gazetteer):
    words, tags = doc(
        [("Wladimir", "B-PER"), ("Putin", "I-PER"), ("sprach", "O"), (".", "O")],
        [("Putin", "B-LOC"), ("lachte", "O"), (";", "O"), ("Putins", "B-ORG"), ("Rede", "O")],
        [("Washington", "B-LOC"), ("schwieg", "O"), ("und", "O"), ("George", "B-PER"), ("Washington", "I-PER")],
    )
    out = persons_by_parts(words, tags, gazetteer)
    assert out[1] == ("B-PER", "O", "O", "B-PER", "O")  # genitive too
    assert out[2][0] == "B-LOC"  # a real place keeps its label although it is part of a name
    assert out[0] == tags[0]


def test_nothing_changes_without_a_full_name(gazetteer):
    words, tags = doc([("Putin", "B-LOC"), ("lachte", "O")])
    assert persons_by_parts(words, tags, gazetteer) == tags


def test_person_edges(recognizer, gazetteer):
    lexicon = recognizer.featurizer.lexicon
    words, tags = doc(
        [("Machthaber", "O"), ("Kim", "B-PER"), ("Jong", "I-PER"), ("Un", "O"), ("unterschrieb", "O")],
        [("Wladimir", "B-PER"), ("Putin", "I-PER"), ("und", "O"), ("Kim", "B-PER"), ("Jong-un", "I-PER")],
        [("dankte", "O"), ("Putin", "B-PER"), ("Kim", "I-PER"), ("für", "O")],
        [("Putins", "B-PER"), ("Nordkorea-Besuch", "I-PER"), ("sei", "O")],
        [("Angela", "B-PER"), ("Merkel", "I-PER"), ("Die", "O")],
    )
    out = person_boundaries(words, tags, lexicon, gazetteer)
    assert out[0] == ("O", "B-PER", "I-PER", "I-PER", "O")  # the short last syllable joins
    assert out[2] == ("O", "B-PER", "B-PER", "O")  # two people's name parts side by side
    assert out[3] == ("B-PER", "O", "O")  # a place-noun compound is no part of a name
    assert out[4] == tags[4]  # a German word does not join a name
    assert out[1] == tags[1]


def test_big_places_in_the_genitive(gazetteer):
    assert big_place(gazetteer, "Frankreichs") and big_place(gazetteer, "Frankreich")
    assert not big_place(gazetteer, "Choe Son-hui") and not big_place(gazetteer, "Putin")


def test_a_role_noun_makes_a_name_like_place_chunk_a_person(recognizer):
    words = "Die Außenministerin Choe Son-hui kam , der Präsident Frankreichs nicht".split()
    tags = ("O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O", "B-LOC", "O")
    out = recognizer.titled_persons(words, tags)
    assert out[2:4] == ("B-PER", "I-PER")
    assert out[8] == "B-LOC"


def test_a_name_after_in_twice_is_a_place_everywhere():
    sentences = [s.split() for s in (
        "Die Zweifel in Walchenried wachsen .",
        "sagt Walchenrieds Bürgermeister Korbinian Huber .",
        "In Walchenried unterbrachen 80 Mineure die Arbeit .",
        "Walchenried liegt in Oberbayern .",
    )]
    tagged = [("O", "O", "O", "B-PER", "O", "O"),
              ("O", "B-PER", "O", "B-PER", "I-PER", "O"),
              ("O", "B-PER", "O", "O", "O", "O", "O", "O"),
              ("B-PER", "O", "O", "B-LOC", "O")]
    out = places_by_preposition(sentences, tagged)
    assert out[0][3] == "B-LOC" and out[1][1] == "B-LOC" and out[2][1] == "B-LOC" and out[3][0] == "B-LOC"
    assert out[1][3:5] == ("B-PER", "I-PER")  # the mayor stays a person


def test_after_in_once_or_a_part_of_a_full_name_stays_a_person():
    sentences = [s.split() for s in ("Mehr Macht in Merkels Kabinett .", "in Scholz sah man den Nachfolger .",
                                      "Olaf Scholz sprach .", "in Scholz setzten alle Hoffnung .")]
    tagged = [("O", "O", "O", "B-PER", "O", "O"), ("O", "B-PER", "O", "O", "O", "O", "O"),
              ("B-PER", "I-PER", "O", "O"), ("O", "B-PER", "O", "O", "O", "O")]
    out = places_by_preposition(sentences, tagged)
    assert out == [tuple(t) for t in tagged]  # "Merkels" is a genitive; Scholz is in "Olaf Scholz"


def test_a_surname_of_a_full_name_elsewhere_is_that_person(recognizer, gazetteer):
    from chronik.entities.consistency import persons_by_surname

    words, tags = doc(
        [("Horst", "B-PER"), ("Seehofer", "I-PER"), ("sprach", "O"), (".", "O")],
        [("sagte", "O"), ("Seehofer", "O"), ("über", "O"), ("Seehofers", "O"), ("Rede", "O")],
        [("Hendrik", "O"), ("Seehofer", "O"), ("und", "O"), ("die", "O"), ("Seehofer", "O"), ("AG", "O")],
        [("Seehofer", "O"), ("+", "O"), ("Barth", "O")],
    )
    out = persons_by_surname(words, tags, gazetteer, recognizer.is_title)
    assert out[0] == tags[0]
    assert out[1] == ("O", "B-PER", "O", "B-PER", "O")  # also in the genitive
    assert out[2] == tags[2]  # inside a capitalised run, after an article
    assert out[3] == tags[3]  # a firm


def test_a_small_word_opening_the_sentence_is_no_name_before_a_surname(recognizer, gazetteer):
    from chronik.entities.consistency import persons_by_surname

    words, tags = doc(
        [("Horst", "B-PER"), ("Seehofer", "I-PER"), ("sprach", "O"), (".", "O")],
        [("Sowohl", "O"), ("Seehofer", "O"), ("als", "O"), ("auch", "O"), ("Merkel", "B-PER"), ("lobten", "O")],
        [("Hendrik", "O"), ("Seehofer", "O"), ("kam", "O")],
    )
    lexicon = recognizer.featurizer.lexicon
    out = persons_by_surname(words, tags, gazetteer, recognizer.is_title, lambda word: word.lower() in lexicon)
    assert out[1][:2] == ("O", "B-PER")
    assert out[2] == tags[2]  # "Hendrik" is no word written small: a name of its own
    assert persons_by_surname(words, tags, gazetteer, recognizer.is_title)[1] == tags[1]


def test_no_surname_without_a_known_first_name(recognizer, gazetteer):
    from chronik.entities.consistency import persons_by_surname

    words, tags = doc(
        [("Die", "O"), ("Tagegelder", "B-PER"), ("Erhöhung", "I-PER")],  # no first name: no evidence
        [("sagte", "O"), ("Erhöhung", "O")],
        [("Angela", "B-PER"), ("Frankreich", "I-PER")],  # a big place is never a surname here
        [("in", "O"), ("Frankreich", "O")],
    )
    assert persons_by_surname(words, tags, gazetteer, recognizer.is_title) == tags

import pytest

from chronik.entities.corpora import chunks
from chronik.entities.namecut import NameCutter, load_particles


@pytest.fixture(scope="module")
def cutter(recognizer):
    return NameCutter(recognizer.featurizer.lexicon)


def cut(cutter, text, label):
    words = text.split()
    return [" ".join(words[a:b]) for a, b, _ in cutter.cut(words, [(0, len(words), label)])]


def test_one_particle_list_with_two_scopes():
    particles = load_particles()
    assert particles["von"] == "all" and particles["al"] == "all"
    assert particles["für"] == "name" and particles["und"] == "name"
    with pytest.raises(ValueError):
        load_particles("von\tperson\n")


@pytest.mark.parametrize("text, label, parts", [
    ("Putin empfing Kim Jong Un", "PER", ["Putin", "Kim Jong Un"]),
    ("Putin und Kim", "PER", ["Putin", "Kim"]),
    ("Kim Jong Un , Putin", "PER", ["Kim Jong Un", "Putin"]),
    ("Ursula von der Leyen", "PER", ["Ursula von der Leyen"]),
    ("Ali al-Nuaimi", "PER", ["Ali al-Nuaimi"]),
    ("lud Kim Jong Un Putin höflich ein , die Demokratische Volksrepublik Korea", "MISC",
     ["Kim Jong Un Putin", "Demokratische Volksrepublik Korea"]),
    ("Moskau empfing Pjöngjang", "LOC", ["Moskau", "Pjöngjang"]),
    ("Institut für Weltwirtschaft", "ORG", ["Institut für Weltwirtschaft"]),
    ("Bundesverband deutscher Banken", "ORG", ["Bundesverband deutscher Banken"]),
    ("Frankfurt am Main", "LOC", ["Frankfurt am Main"]),
    ("Frankfurt a . M .", "LOC", ["Frankfurt a . M ."]),
    ("BlackRock , Inc .", "ORG", ["BlackRock , Inc ."]),
    ("beauty alliance", "ORG", ["beauty alliance"]),
    ("presseportal . de", "ORG", ["presseportal . de"]),
    ("von Alliance Boots", "ORG", ["Alliance Boots"]),  # no organisation opens with a particle
    ("von Weizsäcker", "PER", ["von Weizsäcker"]),
])
def test_chunks_are_cut_at_words_no_name_holds(cutter, text, label, parts):
    assert cut(cutter, text, label) == parts


def test_punctuation_left_at_a_cut_goes(cutter):
    words = "Giornale gab ' Jtalia".split()
    assert cutter.cut(words, [(0, 4, "ORG")]) == [(0, 1, "ORG"), (3, 4, "ORG")]


def test_single_word_chunks_other_than_persons_stay(cutter):
    assert cutter.cut(["dpa"], [(0, 1, "ORG")]) == [(0, 1, "ORG")]
    assert cutter.cut(["empfing"], [(0, 1, "PER")]) == []


def test_recognizer_output_is_already_cut(recognizer):
    words = "Zum Abschluss lud Kim Jong Un Putin höflich ein , die Demokratische Volksrepublik Korea zu besuchen .".split()
    for a, b, label in chunks(recognizer.tag(words)):
        assert all(not recognizer.cutter.breaks(w, label) for w in words[a:b]), words[a:b]

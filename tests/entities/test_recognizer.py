import pytest

from chronik.entities.corpora import chunks


def spans(words, tags):
    return [(" ".join(words[a:b]), label) for a, b, label in chunks(tags)]


def test_tag_returns_well_formed_bio(recognizer):
    words = "Bundeskanzler Olaf Scholz reiste am Montag nach Paris .".split()
    tags = recognizer.tag(words)
    assert len(tags) == len(words)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    assert ("Olaf Scholz", "PER") in spans(words, tags)
    assert ("Paris", "LOC") in spans(words, tags)
    assert recognizer.tag([]) == ()


def test_person_chunks_split_at_lower_case_words(recognizer):
    words = ["Putin", "empfing", "Kim", "Jong", "Un", "."]
    tags = ("B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O")
    assert recognizer.cutter.cut(words, chunks(tags)) == [(0, 1, "PER"), (2, 5, "PER")]


@pytest.mark.parametrize("words", [["Ursula", "von", "der", "Leyen"], ["Ali", "al-Nuaimi"]])
def test_split_keeps_name_particles(recognizer, words):
    tags = ("B-PER",) + ("I-PER",) * (len(words) - 1)
    assert recognizer.cutter.cut(words, chunks(tags)) == [(0, len(words), "PER")]


def test_role_noun_marks_missed_person(recognizer):
    words = "Vergangene Woche hat die nordkoreanische Außenministerin Choe Son-hui Russland besucht .".split()
    tags = recognizer.titled_persons(words, ("O",) * len(words))
    assert ("Choe Son-hui", "PER") in spans(words, tags)
    words = "Das sagte An Chan-il , Direktor des Instituts .".split()
    tags = recognizer.titled_persons(words, ("O",) * len(words))
    assert ("An Chan-il", "PER") in spans(words, tags)


def test_role_noun_leaves_common_nouns_alone(recognizer):
    words = "Der Minister sagte , der Präsident Bericht erstatten werde .".split()
    assert recognizer.titled_persons(words, ("O",) * len(words)) == ("O",) * len(words)


def test_document_propagates_names_to_missed_repeats(recognizer):
    sents = [["Der", "Minister", "Sergej", "Lawrow", "kam", "."], ["Lawrow", "sprach", "lange", "."]]
    tagged = recognizer.tag_document(sents)
    assert ("Lawrow", "PER") in spans(sents[1], tagged[1])


def test_role_noun_is_cut_from_the_end_of_a_place(recognizer):
    words = "Nordkoreas Machthaber reiste nach Bad Honnef .".split()
    spans_in = [(0, 2, "LOC"), (4, 6, "LOC")]
    assert recognizer._trim_places(words, spans_in) == [(0, 1, "LOC"), (4, 6, "LOC")]
    assert recognizer._trim_places(words, [(0, 2, "ORG")]) == [(0, 2, "ORG")]
    tagged = spans("Fast zwei Stunden sprechen der Kremlchef und Nordkoreas Machthaber .".split(),
                   recognizer.tag("Fast zwei Stunden sprechen der Kremlchef und Nordkoreas Machthaber .".split()))
    assert ("Nordkoreas Machthaber", "LOC") not in tagged


def test_a_common_word_is_cut_from_a_country_before_it(recognizer):
    # "hat Israel Ziele im Libanon angegriffen": the object after the subject, not a place's part
    words = "hat Israel Ziele im Libanon angegriffen".split()
    assert recognizer._trim_places(words, [(1, 3, "LOC"), (4, 5, "LOC")]) == [(1, 2, "LOC"), (4, 5, "LOC")]
    # a place after a place, a name the lexicon lacks, or three words stay
    assert recognizer._trim_places("in Frankfurt Oder".split(), [(1, 3, "LOC")]) == [(1, 3, "LOC")]
    assert recognizer._trim_places("in Russland Charkiw".split(), [(1, 3, "LOC")]) == [(1, 3, "LOC")]


def test_a_title_tagged_alone_before_a_person_is_dropped(recognizer):
    words = "sagte Dekan Josef Knapp und Dr . Alfred Schaffranka".split()
    spans_in = [(1, 2, "PER"), (2, 4, "PER"), (5, 6, "PER"), (7, 9, "PER")]
    assert recognizer._trim_titles(words, spans_in) == [(2, 4, "PER"), (7, 9, "PER")]
    # not before another chunk, not a person's name, or not a person after it: left alone
    assert recognizer._trim_titles(words, [(1, 2, "PER")]) == [(1, 2, "PER")]
    assert recognizer._trim_titles("sagte Knapp Josef Mair".split(), [(1, 2, "PER"), (2, 4, "PER")]) == \
        [(1, 2, "PER"), (2, 4, "PER")]
    assert recognizer._trim_titles(words, [(1, 2, "PER"), (2, 4, "ORG")]) == [(1, 2, "PER"), (2, 4, "ORG")]


def test_shipped_model_uses_its_word_type_classifier(recognizer):
    """The word-type classifier ships beside the CRF that was trained on its features."""
    from importlib import resources

    from chronik.entities.wordtypes import FILE

    with resources.as_file(resources.files("chronik.entities.model").joinpath(FILE)) as path:
        assert path.is_file() and path.stat().st_size < 5 * 2**20
    types = recognizer.featurizer.word_types
    assert types is not None
    assert types.features("Wladimir")[0] == "wc=PER"
    assert types.features("Berlin")[0] == "wc=LOC"


def test_ocr_artefacts_cut_chunks(recognizer):
    """A line-break hyphen, an equals sign or a glued colon never stands inside a name
    (pre-tokenised OCR text such as HIPE's)."""
    from chronik.entities.recognizer import _junk

    assert _junk("Ro¬") and _junk("Sulina=") and _junk("Hamburg=Altona") and _junk("Madrid:")
    assert not _junk(":") and not _junk("Berlin") and not _junk("Kim-Jong")
    words = ["Redaktion:", "Wien", ",", "Ro¬", "vereto"]
    assert recognizer._split_junk(words, [(0, 2, "ORG"), (3, 5, "LOC")]) == [(1, 2, "ORG"), (4, 5, "LOC")]
    for a, b, _ in chunks(recognizer.tag(["Die", "Blätter", "melden", "Madrid:", "Die", "Regierung", "."])):
        assert "Madrid:" not in ["Die", "Blätter", "melden", "Madrid:", "Die", "Regierung", "."][a:b]

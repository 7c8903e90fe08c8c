"""The featurizer restricted to a model's attributes emits exactly the model's attributes among
the full feature set (as bytes), so the CRF's output cannot change; batched word-type features
equal word-by-word ones; the model's attribute dictionary is read from the file."""

import pytest

from chronik.entities.features import Featurizer, shape, split_feature, squeeze

SENTENCES = [
    "Bundeskanzler Olaf Scholz reiste am Montag nach Paris .".split(),
    "„ Die Lage ist ernst “ , sagte Kremlchef Wladimir Putin in Wostotschny .".split(),
    "Die Deutsche Bahn AG ( DB ) meldet Verspätungen auf der Strecke Berlin-Hamburg : RE 7 fällt aus .".split(),
    ["x", "=", "w==", "-1", "1w", "Ä", "ß", "über", "DFKI", "Kim", "Jong-un", "'"],
]


def test_split_feature():
    assert split_feature("w=Berlin") == ("w=", "Berlin")
    assert split_feature("-1w==") == ("-1w=", "=")
    assert split_feature("-1cap") == ("-1", "cap")
    assert split_feature("2gz:city") == ("2", "gz:city")
    assert split_feature("gz:city") == ("", "gz:city")


def test_shape_table_and_squeeze_match_the_regex_shape():
    import re

    from chronik.entities.features import _ShapeTable

    table = _ShapeTable()
    for word in ["Berlin", "DFKI", "A380", "Ärger", "straße", "Łódź", "x_1", "²", "٣", "Kim-Jong"]:
        assert word.translate(table) == shape(word)
        assert squeeze(shape(word)) == re.sub(r"(.)\1+", r"\1", shape(word))


def test_restricted_featurizer_keeps_exactly_the_model_attributes(recognizer):
    restricted = recognizer.featurizer
    keep = restricted.attributes
    assert keep and "b" in keep
    full = Featurizer(restricted.gazetteer, restricted.lexicon, word_types=restricted.word_types)
    restricted.prepare(SENTENCES)
    for words in SENTENCES:
        expected = [[f.encode() for f in token if f in keep] for token in full(words)]
        got = restricted(words)
        assert [[f for f in token if isinstance(f, bytes)] for token in got] == expected
        # anything else it emits is unknown to the model, so the CRF ignores it
        assert not any(f in keep for token in got for f in token if isinstance(f, str))


def test_restricted_and_full_features_tag_the_same(recognizer):
    full = Featurizer(recognizer.featurizer.gazetteer, recognizer.featurizer.lexicon,
                      word_types=recognizer.featurizer.word_types)
    tagger = recognizer._tagger
    for words in SENTENCES:
        assert tagger.tag(full(words)) == tagger.tag(recognizer.featurizer(words))


def test_model_attributes_reads_the_crf_dictionary(recognizer, tmp_path):
    from chronik.entities.recognizer import model_attributes

    attrs = model_attributes(recognizer.path)
    assert attrs == recognizer.featurizer.attributes
    assert {"b", "cap", "BOS", "EOS"} <= attrs and len(attrs) > 1000
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"not a model at all, just some bytes " * 4)
    with pytest.raises(ValueError):
        model_attributes(bad)

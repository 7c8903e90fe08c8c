import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.entities.stage import EntityTagger, TaggerOptions
from chronik.model import Article, Mention, Sentence
from chronik.pipeline import Stage
from chronik.text import split_sentences

TEXT = ("Der russische Präsident Wladimir Putin hat eine Einladung von Kim Jong Un nach Nordkorea "
        "angenommen. Das teilte der Kreml in Moskau mit.")


def make(text: str) -> Article:
    return Article(id="x", source="x.txt", format="txt", body=text, text=text,
                   sentences=split_sentences(text))


def test_stage_contract():
    tagger = EntityTagger()
    assert isinstance(tagger, Stage)
    assert (tagger.name, tagger.requires, tagger.assigns) == ("entities", ("text", "sentences"), ("mentions",))


def test_stage_finds_people_and_places():
    art = EntityTagger()(make(TEXT))
    found = {(art.span_text(m), m.label) for m in art.mentions}
    assert ("Wladimir Putin", "PER") in found
    assert any(text.startswith("Kim") and label == "PER" for text, label in found)
    assert ("Nordkorea", "LOC") in found
    assert ("Moskau", "LOC") in found
    assert all(isinstance(m, Mention) and m.entity is None for m in art.mentions)


def test_stage_labels_option_filters():
    art = EntityTagger(TaggerOptions(labels=("LOC",)))(make(TEXT))
    assert art.mentions and {m.label for m in art.mentions} == {"LOC"}


def test_stage_tags_without_sentences_and_empty_text():
    art = make(TEXT).replace(sentences=())
    assert EntityTagger()(art).mentions
    assert EntityTagger()(make("")).mentions == ()


def test_stage_pickles_without_its_model():
    tagger = EntityTagger()
    tagger(make(TEXT))
    clone = pickle.loads(pickle.dumps(tagger))
    assert clone.options == tagger.options
    assert clone(make(TEXT)).mentions == tagger(make(TEXT)).mentions


_TAGGER = EntityTagger()


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(list("abcXYZ äöüÄÖÜß-.,\n\"„“") + ["Berlin ", "Putin ", "Kim "]),
                max_size=60).map("".join))
def test_stage_spans_stay_inside_the_text(text):
    art = _TAGGER(make(text))
    for m in art.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end].strip() == text[m.start:m.end]
    assert list(art.mentions) == sorted(art.mentions, key=lambda m: m.start)


def test_stage_long_sentence_windows():
    text = " ".join(["Berlin und"] * 400) + " Berlin."
    art = EntityTagger(TaggerOptions(max_tokens=50))(make(text))
    assert len(art.mentions) > 300
    assert all(art.span_text(m) == "Berlin" for m in art.mentions)


def test_sentence_spans_are_used():
    text = "Putin kam. Kim ging."
    art = make(text).replace(sentences=(Sentence(start=0, end=10), Sentence(start=11, end=20)))
    for m in EntityTagger()(art).mentions:
        assert m.end <= 10 or m.start >= 11

"""Lead cues (places after a locative preposition, weekday names) and the conflict penalty."""

import dataclasses

import numpy as np

from chronik.clusters.features import DocFeatures, FeatureExtractor, FeatureOptions
from chronik.clusters.lead import CueSets, CueWords, LeadCues
from chronik.clusters.online import ClusterOptions, EventClusterer
from chronik.model import Article, Mention, Sentence


def test_cue_words_load_per_language_and_unknown_languages_have_none():
    de = CueWords.load("de")
    assert "im" in de.locative and "mittwoch" in de.weekdays and "jänner" in de.months
    assert CueWords.load("xx") == CueWords(locative=frozenset(), weekdays=frozenset(), months=frozenset())


def test_places_follow_a_lowercase_locative_and_skip_months_weekdays_and_function_words():
    cues = LeadCues({"en": frozenset({"the"})})
    tokens = "In Paris the talks began in January ; in The end , at Geneva on Monday in rubble".split()
    assert cues.places(tokens, "en") == ("geneva",)  # "In" starts a sentence, "January" is a month
    assert cues.weekdays(tokens, "en") == ("monday",)
    assert LeadCues().places("Treffen im Kreml und in Moskau".split(), "de") == ("kreml", "moskau")


def test_cue_sets_conflict_only_when_both_have_cues_and_share_none():
    sets = CueSets()
    sets.add([("a", "b"), ("b",), ("c",), ()])
    rows, cols = np.array([0, 0, 1, 2, 3]), np.array([1, 2, 2, 3, 3])
    assert sets.conflicts(rows, cols).tolist() == [False, True, True, False, False]
    sets.add([("c",)])
    assert sets.conflicts(np.array([2, 0]), np.array([4, 4])).tolist() == [False, True]
    assert CueSets().conflicts(np.zeros(0, np.int64), np.zeros(0, np.int64)).size == 0


def test_from_text_reads_cues_from_the_first_sentences_only():
    text = "Talks opened in Geneva on Tuesday.\nDelegates met.\nLater, in Vienna on Friday, it ended."
    doc = FeatureExtractor(FeatureOptions(cue_sentences=2)).from_text("d", text, lang="en", tag_times=False)
    assert doc.places == ("geneva",) and doc.weekdays == ("tuesday",)
    doc = FeatureExtractor(FeatureOptions(cue_sentences=3)).from_text("d", text, lang="en", tag_times=False)
    assert doc.places == ("geneva", "vienna") and doc.weekdays == ("friday", "tuesday")


def test_from_article_takes_place_mentions_after_a_locative_in_the_lead():
    text = "Putin traf Kim am Mittwoch in  Wostotschny. Russland lobte das. Später in Moskau."
    moskau = text.index("Moskau")
    article = Article(
        id="a", source="a.txt", format="txt", body=text, text=text, lang="de",
        sentences=(Sentence(start=0, end=43), Sentence(start=44, end=63), Sentence(start=64, end=len(text))),
        mentions=(Mention(start=31, end=42, label="LOC", entity="loc-w"),
                  Mention(start=44, end=52, label="LOC", entity="loc-r"),
                  Mention(start=moskau, end=moskau + 6, label="LOC")),
    )
    doc = FeatureExtractor(FeatureOptions(cue_sentences=2)).from_article(article)
    assert doc.places == ("loc-w",) and doc.weekdays == ("mittwoch",)  # "Russland" follows no locative
    doc = FeatureExtractor(FeatureOptions(cue_sentences=3)).from_article(article)
    assert doc.places == ("loc-w", "moskau")


def _pair(places_b=("geneva",), weekdays_b=("tuesday",)):
    words = ("summit", "talks", "treaty", "delegation", "signed", "minister")
    a = DocFeatures(id="a", lang="en", lemmas=words, names=("kim", "putin"), places=("geneva",), weekdays=("tuesday",))
    b = DocFeatures(id="b", lang="en", lemmas=words, names=("kim", "putin"), places=places_b, weekdays=weekdays_b)
    filler = [DocFeatures(id=f"f{i}", lang="en", lemmas=(f"w{i}", f"w{i + 1}", "summit"), names=(f"n{i}",))
              for i in range(8)]
    return [a, b] + filler


def _sim(docs, options):
    c = EventClusterer(options)
    c.add(docs)
    return float(c.similarity(c._vectors(), np.array([0]), np.array([1]))[0])


def test_conflicting_leads_lower_similarity_by_the_penalties():
    options = ClusterOptions()
    same = _sim(_pair(), options)
    assert same > 0
    assert np.isclose(_sim(_pair(places_b=("pyongyang",)), options), same * (1 - options.place_penalty))
    assert np.isclose(_sim(_pair(weekdays_b=("friday",)), options), same * (1 - options.weekday_penalty))
    both = _sim(_pair(("pyongyang",), ("friday",)), options)
    assert np.isclose(both, same * (1 - options.place_penalty) * (1 - options.weekday_penalty))
    # a lead without cues conflicts with nothing; penalties 0 switch the cues off
    assert np.isclose(_sim(_pair((), ()), options), same)
    off = dataclasses.replace(options, place_penalty=0.0, weekday_penalty=0.0)
    assert np.isclose(_sim(_pair(("pyongyang",), ("friday",)), off), same)


def test_same_kind_of_event_in_another_place_opens_its_own_cluster():
    docs = _pair(places_b=("pyongyang",), weekdays_b=("wednesday",))
    assigned = EventClusterer().add(docs)
    assert assigned["a"] != assigned["b"]
    assigned = EventClusterer().add(_pair())
    assert assigned["a"] == assigned["b"]


def test_state_pickled_before_lead_cues_still_takes_new_batches():
    c = EventClusterer()
    c.add(_pair()[:5])
    del c.places, c.weekdays  # as unpickled from a store written by an older version
    c.add(_pair()[5:])
    assert len(c.places) == len(c.weekdays) == len(c.doc_ids) == 10

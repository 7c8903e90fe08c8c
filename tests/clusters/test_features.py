import pickle

import pytest

from chronik.clusters.features import DocFeatures, FeatureExtractor, published_bounds, time_terms
from chronik.model import Article, InferredDate, Mention, TimeExpr


def test_doc_features_round_trip_through_dict_and_pickle():
    doc = DocFeatures(id="a", lang="de", lemmas=("gipfel",), names=("per-1",), times=("2023-09-13",),
                      published_earliest="2023-09-01", published_latest="2023-09-30", copies=("c1",),
                      embedding=(0.6, 0.8))
    assert DocFeatures.from_dict(doc.to_dict()) == doc
    assert pickle.loads(pickle.dumps(doc)) == doc


@pytest.mark.parametrize("values, terms", [
    (("2023-09-13",), ("2023-09-13", "2023-09")),
    (("2023-09", "2024"), ("2023-09", "2024")),
    (("2005-11-27T17:06",), ("2005-11-27", "2005-11")),
    (("XXXX-05-10", "PAST_REF", "P1W"), ()),
])
def test_time_terms_keep_concrete_values(values, terms):
    assert time_terms(values) == terms


def test_published_bounds_widen_months_and_use_inferred_ranges():
    article = Article(id="a", source="s", format="txt", body="", published="2024-02")
    assert published_bounds(article) == ("2024-02-01", "2024-02-29")
    inferred = Article(id="b", source="s", format="txt", body="",
                       published_inferred=InferredDate(value="2024-01", earliest="2024-01-01", latest="2024-03-31"))
    assert published_bounds(inferred) == ("2024-01-01", "2024-03-31")
    assert published_bounds(Article(id="c", source="s", format="txt", body="")) == (None, None)


def test_from_text_lemmas_names_and_times_in_english():
    text = ("Quake Hits Southern Iran Island\n"
            "An earthquake hit Qeshm island off Iran's coast on November 27, 2005, officials said.\n"
            "The Red Crescent sent tents to the villages.")
    doc = FeatureExtractor().from_text("q1", text, lang="en")
    assert "earthquake" in doc.lemmas and "village" in doc.lemmas
    assert "the" not in doc.lemmas and "on" not in doc.lemmas  # function words are left out
    # Headline-case lines and sentence starts are no evidence of names; "Iran's" loses the 's.
    assert doc.names == ("qeshm", "iran", "red", "crescent")
    assert "2005-11-27" in doc.times


def test_from_text_german_names_skip_dictionary_nouns():
    text = "Der Kremlchef traf Kim Jong Un in Wostotschny. Die Raumfahrt war ein Thema."
    doc = FeatureExtractor().from_text("d1", text, lang="de", tag_times=False)
    assert "wostotschny" in doc.names
    assert "raumfahrt" not in doc.names and "kremlchef" not in doc.names
    assert "kremlchef" in doc.lemmas


def test_from_article_uses_entities_timexes_and_dates():
    text = "Putin traf Kim am Mittwoch. Es war ein langer Tag."
    article = Article(
        id="a1", source="a.txt", format="txt", body=text, text=text, lang="de", published="2023-09-14",
        mentions=(Mention(start=0, end=5, label="PER", entity="per-putin"), Mention(start=11, end=14, label="PER")),
        timexes=(TimeExpr(start=15, end=26, label="DATE", value="2023-09-13", anchor="2023-09-14"),
                 TimeExpr(start=31, end=40, label="DURATION", value="P1D")),
    )
    doc = FeatureExtractor().from_article(article, copies=["c2", "c1", "c2"])
    assert doc.names == ("per-putin", "kim")
    assert doc.times == ("2023-09-13",)
    assert (doc.published_earliest, doc.published_latest) == ("2023-09-14", "2023-09-14")
    assert doc.copies == ("c1", "c2") and doc.lang == "de"
    # Against a vague inferred date a relative expression does not count; an absolute one does.
    vague = article.replace(published=None, published_inferred=InferredDate(earliest="2023-01-01", latest="2024-06-30"),
                            timexes=article.timexes + (TimeExpr(start=0, end=4, label="DATE", value="2023"),))
    assert FeatureExtractor().from_article(vague).times == ("2023",)

from chronik.model import Article, InferredDate, Sentence
from chronik.stories import ClusterProfile, NoveltyScorer, link_stories


def test_stories_link_clusters_sharing_core_actors_and_keep_others_apart():
    a = ClusterProfile(id="c1", entities={"putin": 5, "kim": 4, "russland": 3}, terms={"gipfel": 2}, day=738000)
    b = ClusterProfile(id="c2", entities={"putin": 2, "kim": 3, "pjongjang": 2}, terms={"partnerschaft": 1}, day=738200)
    c = ClusterProfile(id="c3", entities={"talheim": 3, "bruecke": 2}, terms={"bruecke": 3}, day=738100)
    stories = link_stories([c, b, a])
    assert sorted(s.clusters for s in stories) == [("c1", "c2"), ("c3",)]
    assert link_stories([a, b, c]) == stories  # order does not matter


def test_stories_far_apart_in_time_do_not_link():
    a = ClusterProfile(id="c1", entities={"putin": 5, "kim": 4}, terms={}, day=700000)
    b = ClusterProfile(id="c2", entities={"putin": 5, "kim": 4}, terms={}, day=702000)
    assert len(link_stories([a, b])) == 2


def _article(aid, day, sentences):
    text = " ".join(sentences)
    spans, pos = [], 0
    for s in sentences:
        spans.append(Sentence(start=pos, end=pos + len(s)))
        pos += len(s) + 1
    return Article(id=aid, source=aid, format="txt", body=text, text=text, sentences=tuple(spans),
                   published_inferred=InferredDate(value=day, earliest=day, latest=day, method="published"))


def test_novelty_marks_what_earlier_articles_of_the_story_did_not_say():
    first = _article("a", "2024-01-02", ["Der Gemeinderat hat den Neubau der Brücke über die Aach beschlossen.",
                                         "Die Kosten liegen bei zwölf Millionen Euro laut Verwaltung."])
    later = _article("b", "2024-01-05", ["Der Gemeinderat hatte den Neubau der Brücke über die Aach beschlossen.",
                                         "Nun klagen Anwohner gegen den Beschluss vor dem Verwaltungsgericht.",
                                         "Kurz."])
    result = {n.article: n for n in NoveltyScorer()([later, first])}
    assert result["a"].first_in_story and result["a"].novel == (0, 1)
    assert result["b"].known == (0,) and result["b"].novel == (1,)

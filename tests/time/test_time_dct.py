"""Publication dates (DCT) inferred from metadata and text, and the ``time`` stage."""

from __future__ import annotations

import pickle

import pytest

from chronik.model import Article, InferredDate, Sentence
from chronik.pipeline import Stage
from chronik.time import TimeOptions, TimeTagger, analyse


def article(text: str, published: str | None = None, **extra) -> Article:
    return Article(id="a1", source="test.txt", format="txt", body=text, text=text, published=published,
                   lang=extra.pop("lang", "de"), **extra)


@pytest.fixture(scope="module")
def stage() -> TimeTagger:
    return TimeTagger()


def test_dct_published_full_date_wins(stage):
    out = stage(article("Gestern tagte der Rat.", "2024-03-05T09:30:00+01:00"))
    assert out.published_inferred == InferredDate(value="2024-03-05", earliest="2024-03-05",
                                                  latest="2024-03-05", method="published")
    assert out.timexes[0].value == "2024-03-04"
    assert out.timexes[0].anchor == "2024-03-05"


def test_dct_published_month_is_a_range(stage):
    out = stage(article("Der Rat tagte am Dienstag.", "2023-09"))
    inferred = out.published_inferred
    assert (inferred.value, inferred.earliest, inferred.latest) == ("2023-09", "2023-09-01", "2023-09-30")
    assert out.timexes[0].value == "2023-XX-XX"  # which Tuesday is not known
    assert out.timexes[0].anchor == "2023-09"


PAIR = ("Die Bürgermeisterin wird am Donnerstag (14. September) die neue Brücke eröffnen. "
        "Am Mittwoch hatte der Gemeinderat die letzten Gelder freigegeben. "
        "Das berichtete die Lokalzeitung am Donnerstag.")


def test_dct_weekday_date_pair_fixes_the_day_with_a_prior():
    out = TimeTagger(TimeOptions(prior="2023-09"))(article(PAIR))
    inferred = out.published_inferred
    assert inferred.value == "2023-09-14"
    assert inferred.method.startswith("prior") and "weekday-date" in inferred.method
    values = {out.span_text(t): t.value for t in out.timexes}
    assert values["Mittwoch"] == "2023-09-13"
    assert values["Donnerstag (14. September)"] == "2023-09-14"


def test_dct_prior_from_article_meta(stage):
    out = stage(article(PAIR, meta={"dct_prior": "2023"}))
    assert out.published_inferred.value == "2023-09-14"


def test_dct_weekday_date_pair_without_any_year_stays_open(stage):
    inferred = stage(article(PAIR)).published_inferred
    assert inferred.value is None and inferred.earliest is None
    assert "2023" in inferred.method and "2017" in inferred.method  # the possible years are named


def test_dct_from_tense_of_reported_dates(stage):
    text = ("Die beiden Minister trafen sich zuletzt im September 2023 in Genf. "
            "Ein Sprecher der Regierung äußerte Anfang Jänner bereits Zweifel an dem Abkommen.")
    out = stage(article(text))
    inferred = out.published_inferred
    assert inferred.value == "2024-01"
    assert inferred.earliest == "2024-01-01"
    assert inferred.latest == "2024-12-31"
    assert inferred.method.startswith("text")
    values = {out.span_text(t): (t.value, t.mod) for t in out.timexes}
    assert values["Anfang Jänner"] == ("2024-01", "START")


def test_dct_dateline_with_year_from_metadata(stage):
    out = stage(article("ROM, 12.04. Der Papst hat am Vormittag die Pilger begrüßt.", "2014"))
    assert out.published_inferred.value == "2014-04-12"
    assert out.published_inferred.method.endswith("dateline: '12.04.'")


def test_dct_no_evidence_is_honest(stage):
    out = stage(article("Die Regierung hat am Mittwoch ein Abkommen unterzeichnet."))
    inferred = out.published_inferred
    assert inferred.value is None and inferred.earliest is None and inferred.latest is None
    assert inferred.method.startswith("none")
    assert out.timexes[0].value == "XXXX-XX-XX"


def test_stage_contract_and_records(stage):
    assert isinstance(stage, Stage)
    assert stage.name == "time"
    assert stage.requires == ("text", "sentences")
    assert stage.assigns == ("timexes", "published_inferred")
    text = "Seit drei Wochen wird gestreikt. Am 3. Mai 2014 begann es."
    out = stage(article(text, "2014-05-20", sentences=(Sentence(start=0, end=32), Sentence(start=33, end=len(text)))))
    assert [out.span_text(t) for t in out.timexes] == ["drei Wochen", "3. Mai 2014"]
    assert all(0 <= t.start < t.end <= len(text) for t in out.timexes)
    again = Article.from_dict(out.to_dict())
    assert again.timexes == out.timexes and again.published_inferred == out.published_inferred
    assert pickle.loads(pickle.dumps(out)) == out


def test_stage_language_without_grammar(stage):
    out = stage(article("Le conseil s'est réuni mardi.", "2024-03-05", lang="fr"))
    assert out.timexes == ()
    assert out.published_inferred.value == "2024-03-05"


def test_stage_english(stage):
    out = stage(article("The council met on Tuesday.", "2024-03-07", lang="en"))
    assert [(out.span_text(t), t.value) for t in out.timexes] == [("Tuesday", "2024-03-05")]


def test_reanchor_with_a_date_learnt_elsewhere(stage):
    first = stage(article("Der Rat tagte am Mittwoch.", "2023-09"))
    better = stage.reanchor(first, "2023-09-14", "story: dated by a sibling article")
    assert better.timexes[0].value == "2023-09-13"
    assert better.published == "2023-09"
    assert better.published_inferred.method == "story: dated by a sibling article"


def test_analyse_without_tagger_still_infers():
    timexes, inferred = analyse(None, "irgendein Text", "2020-02")
    assert timexes == () and inferred.value == "2020-02"


@pytest.mark.parametrize(
    "published,expected",
    [
        (["2023-09", None, "2023-09-14"], "2023-09"),
        (["2023-02-01", "2023-11"], "2023"),
        (["2021", "2023-05-01", "2024-01"], "2023"),
        ([None, None], None),
    ],
)
def test_batch_prior(published, expected):
    from chronik.time import batch_prior

    assert batch_prior(published) == expected

import json

from chronik.model import (Actor, Article, Entity, Event, EventTime, InferredDate, Mention, Sentence, Span,
                           TimeExpr)
from chronik.timeline import RENDERERS, TimelineBuilder, precision_of


def _article(aid, published, text, *, timexes=(), events=(), mentions=()):
    sents = []
    pos = 0
    for part in text.split(". "):
        end = pos + len(part) + (1 if not part.endswith(".") else 0)
        sents.append(Sentence(start=pos, end=min(end, len(text))))
        pos = end + 1
    inferred = InferredDate(value=published, earliest=published if published and len(published) == 10 else None,
                            latest=published if published and len(published) == 10 else None, method="published") if published else None
    return Article(id=aid, source=f"{aid}.txt", format="txt", body=text, text=text, outlet=f"Blatt {aid}",
                   published=published, published_inferred=inferred, sentences=tuple(sents),
                   timexes=tuple(timexes), events=tuple(events), mentions=tuple(mentions))


TEXT = "Der Gemeinderat von Talheim hat am Dienstag den Neubau der Brücke beschlossen. Die Brücke wurde zuletzt im Jahr 1961 saniert."


def _timex(text, word, value):
    start = text.index(word)
    return TimeExpr(start=start, end=start + len(word), label="DATE", value=value)


def test_timeline_date_pooled_from_the_articles_text_and_background_kept_apart():
    a = _article("a", "2024-03", TEXT, timexes=[_timex(TEXT, "Dienstag", "2024-03-05"), _timex(TEXT, "1961", "1961")])
    b = _article("b", "2024-03-06", TEXT, timexes=[_timex(TEXT, "Dienstag", "2024-03-05"), _timex(TEXT, "1961", "1961")])
    entries = TimelineBuilder().entries({"c1": [a, b]})
    news = [e for e in entries if e.kind == "event"]
    background = [e for e in entries if e.kind == "background"]
    assert [(e.date, e.precision, e.date_method) for e in news] == [("2024-03-05", "day", "text")]
    assert news[0].summary.startswith("Der Gemeinderat von Talheim") and news[0].sources == ("Blatt a", "Blatt b")
    assert [(e.date, e.articles) for e in background] == [("1961", ("a", "b"))] and entries[0].kind == "background"


def test_timeline_event_times_win_and_planned_events_do_not_date_the_news():
    ev = lambda value, modality: Event(id=f"e{value}{modality}", article="a", sentence=0, trigger=Span(start=0, end=3, label="x"),
                                       type="AGREE", actors=(Actor(name="Talheim", entity="t", role="source"),),
                                       time=EventTime(value=value, precision="day"), modality=modality)
    a = _article("a", "2024-03-06", TEXT, events=[ev("2024-03-05", "asserted"), ev("2024-04-01", "planned")])
    (entry,) = [e for e in TimelineBuilder().entries({"c": [a]}) if e.kind == "event"]
    assert (entry.date, entry.date_method) == ("2024-03-05", "events")


def test_timeline_undated_cluster_says_after_what():
    a = _article("a", "2024-03-06", TEXT)
    b = _article("b", None, "Ein Ereignis ohne jedes Datum fand irgendwann statt, sagte man in der Stadt.")
    entries = TimelineBuilder().entries({"c1": [a], "c2": [b]}, stories={"c1": "s", "c2": "s"})
    assert [(e.date, e.precision, e.after) for e in entries] == [("2024-03-06", "day", None), (None, "undated", "2024-03-06")]


def test_timeline_actors_and_place_from_canonical_entities():
    mentions = [Mention(start=4, end=15, label="ORG", entity="gr"), Mention(start=20, end=27, label="LOC", entity="th")]
    a = _article("a", "2024-03-06", TEXT, mentions=mentions)
    ents = {"gr": Entity(id="gr", name="Gemeinderat Talheim", label="ORG"), "th": Entity(id="th", name="Talheim", label="LOC")}
    (entry,) = [e for e in TimelineBuilder().entries({"c": [a]}, entities=ents) if e.kind == "event"]
    assert entry.actors == ("Gemeinderat Talheim",) and entry.place == "Talheim"


def test_timeline_renderers_escape_and_round_trip():
    a = _article("a", "2024-03-06", "Der Rat <script>alert(1)</script> hat am Dienstag etwas beschlossen, sagte er.")
    entries = TimelineBuilder().entries({"c": [a]})
    assert "<script>" not in RENDERERS["html"](entries) and "&lt;script&gt;" in RENDERERS["html"](entries)
    assert json.loads(RENDERERS["json"](entries))[0]["date"] == "2024-03-06"
    assert RENDERERS["markdown"](entries).startswith("# Chronik")
    assert "2024-03-06" in RENDERERS["text"](entries)


def test_timeline_precision_names():
    assert [precision_of(v) for v in ("2024-03-05", "2024-03", "2024", "2024-W10", None)] == ["day", "month", "year", "week", "undated"]


def test_timeline_week_values_sort_by_their_monday():
    from chronik.model import TimelineEntry
    from chronik.timeline import sort_entries

    entries = [TimelineEntry(date="2023-11-20", precision="day", summary="b"),
               TimelineEntry(date="2023-W41", precision="week", summary="a")]
    assert [e.date for e in sort_entries(entries)] == ["2023-W41", "2023-11-20"]


def test_undated_entry_comes_after_the_latest_entry_its_articles_can_follow():
    from chronik.model import TimelineEntry
    from chronik.timeline import sort_entries

    entries = [TimelineEntry(date="2023-10-11", precision="day", summary="a", story="s", cluster="c1"),
               TimelineEntry(date="2024-04-15", precision="day", summary="b", story="s", cluster="c2"),
               TimelineEntry(date=None, precision="undated", summary="c", story="s", cluster="c3")]
    assert sort_entries(entries)[-1].after == "2024-04-15"
    # its articles were written by 2023-11-30 at the latest: 2024-04-15 cannot come before it
    assert sort_entries(entries, {"c3": "2023-11-30"})[-1].after == "2023-10-11"
    assert sort_entries(entries, {"c3": "2023-01-31"})[-1].after is None


def test_timeline_plans_for_a_later_month_become_planned_entries():
    ev = lambda value, modality, precision="day": Event(
        id=f"e{value}{modality}", article="a", sentence=0, trigger=Span(start=0, end=3, label="x"), type="TRAVEL",
        actors=(Actor(name="Rat", entity="gr"),), time=EventTime(value=value, precision=precision),
        place="Talheim", modality=modality)
    events = [ev("2024-03-05", "asserted"), ev("2024-03-20", "planned"), ev("2024-05", "planned", "month"),
              ev("2024-06-01", "asserted"), ev("2024-07", "negated", "month")]
    a = _article("a", "2024-03-06", TEXT, events=events)
    b = _article("b", "2024-03-07", TEXT, events=[e.replace(article="b") for e in events])
    ents = {"gr": Entity(id="gr", name="Gemeinderat Talheim", label="ORG")}
    entries = TimelineBuilder().entries({"c": [a, b]}, entities=ents, stories={"c": "s"})
    assert [(e.date, e.kind) for e in entries] == [("2024-03-05", "event"), ("2024-05", "planned")]
    planned = entries[1]
    assert planned.articles == ("a", "b") and planned.actors == ("Gemeinderat Talheim",) and planned.place == "Talheim"
    assert (planned.cluster, planned.story, planned.precision) == ("c", "s", "month")
    assert "[planned]" in RENDERERS["text"](entries) and "2024-05 (month), geplant" in RENDERERS["markdown"](entries)
    # an undated cluster has no month to be later than
    undated = _article("u", None, TEXT, events=[ev("2024-05", "planned", "month")])
    assert [(e.kind, e.date) for e in TimelineBuilder().entries({"c": [undated]})] == [("event", None)]


def _place_of(text, locs):
    """The entry's place for an article whose place mentions are ``locs`` (surface, or surface -> name)."""
    names = locs if isinstance(locs, dict) else {w: w for w in locs}
    mentions = [Mention(start=text.index(w), end=text.index(w) + len(w), label="LOC", entity=n.lower())
                for w, n in names.items()]
    ents = {n.lower(): Entity(id=n.lower(), name=n, label="LOC") for n in names.values()}
    a = _article("a", "2024-04-15", text, mentions=mentions)
    (entry,) = [e for e in TimelineBuilder().entries({"c": [a]}, entities=ents) if e.kind == "event"]
    return entry.place


def test_timeline_place_is_the_dateline_else_the_one_after_a_place_preposition():
    assert _place_of("Am Montag nahm die Arbeitsgemeinschaft Hochalm im Stollen bei Scharnitzau den Vortrieb auf.",
                     ["Hochalm", "Scharnitzau"]) == "Scharnitzau"
    assert _place_of("Innsbruck (APN) – Nach dem Unglück bei Scharnitzau haben die Minister in Wien getagt.",
                     ["Innsbruck", "Scharnitzau", "Wien"]) == "Innsbruck"
    assert _place_of("Hochalm und Scharnitzau feiern den Neubeginn des Vortriebs am Montag.",
                     ["Hochalm", "Scharnitzau"]) == "Hochalm"  # no preposition: the first
    assert _place_of("Auf der größten Baustelle Europas, der von Scharnitzau, ist Wasser eingebrochen.",
                     {"Europas": "Europa", "Scharnitzau": "Scharnitzau"}) == "Scharnitzau"  # a genitive is no place


def test_timeline_place_from_the_events_of_the_entry_date_when_the_summary_names_none():
    """"Der schwierigste Abschnitt ... bekommt eine neue Baufirma." names no place; the event that
    dates the entry does ("Das gab ... am Dienstag in Wien bekannt"): Wien, not the place the
    article names most."""
    text = "Der Abschnitt bekommt eine neue Baufirma. Das gab der Vorstand in Wien bekannt. Bayern und Bayern und Tirol."
    mentions = [Mention(start=m, end=m + len(w), label="LOC", entity=w) for w in ("Wien", "Bayern", "Tirol")
                for m in [i for i in range(len(text)) if text.startswith(w, i)]]
    ents = {w: Entity(id=w, name=w, label="LOC") for w in ("Wien", "Bayern", "Tirol")}
    ev = lambda value, place: Event(id=f"e{value}", article="a", sentence=1, trigger=Span(start=44, end=47, label="x"),
                                    type="STATEMENT", actors=(Actor(name="Vorstand", role="source"),),
                                    time=EventTime(value=value, precision="day"), place=place)
    a = _article("a", "2024-03-06", text, events=[ev("2024-03-05", "Wien"), ev("2023-10-11", "Tirol")],
                 mentions=sorted(mentions, key=lambda m: m.start))
    (entry,) = [e for e in TimelineBuilder().entries({"c": [a]}, entities=ents) if e.kind == "event"]
    assert (entry.date, entry.place) == ("2024-03-05", "Wien")
    b = _article("b", "2024-03-06", text, mentions=sorted(mentions, key=lambda m: m.start))
    (entry,) = [e for e in TimelineBuilder().entries({"c": [b]}, entities=ents) if e.kind == "event"]
    assert entry.place == "Bayern"  # no event: the place the article names most

import pickle

from hypothesis import given
from hypothesis import strategies as st

from chronik.model import (Article, Copy, CopySpan, Event, EventTime, InferredDate, Mention, OffsetMap,
                           Segment, Sentence, Span, TimeExpr, Actor)


def _article(**kw):
    base = dict(
        id="abc", source="x.txt", format="txt", body="Hallo Welt. Text.", raw=b"\x00\xffraw", text="Hallo Welt.",
        offsets=OffsetMap(segments=(Segment(clean=0, raw=0, length=11),)),
        published_inferred=InferredDate(value="2023-09-13", earliest="2023-09-01", latest="2023-09-30", method="text"),
        sentences=(Sentence(start=0, end=11),), removed=(Span(start=12, end=17, label="x"),),
        timexes=(TimeExpr(start=0, end=5, label="DATE", value="2023-09-13", anchor="2023-09"),),
        mentions=(Mention(start=6, end=10, label="LOC", entity="e1"),), meta={"k": [1, 2]},
    )
    return Article(**(base | kw))


def test_model_article_round_trips_through_dict_and_pickle():
    a = _article()
    assert Article.from_dict(a.to_dict()) == a
    assert pickle.loads(pickle.dumps(a)) == a


def test_model_nested_records_round_trip():
    e = Event(id="e", article="a", sentence=1, trigger=Span(start=1, end=3, label="MEET"), type="MEET",
              actors=(Actor(name="Putin", entity="p", role="source"),), time=EventTime(value="2023-09-13", precision="day"))
    assert Event.from_dict(e.to_dict()) == e
    c = Copy(id="c", text="t", spans=(CopySpan(article="a", start=0, end=3),), first=None)
    assert Copy.from_dict(c.to_dict()) == c
    assert pickle.loads(pickle.dumps(c)) == c


def test_model_records_are_frozen():
    a = _article()
    try:
        a.id = "other"
    except (AttributeError, TypeError):
        pass
    else:  # pragma: no cover
        raise AssertionError("Article is mutable")


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(1, 6)), min_size=1, max_size=8))
def test_model_offset_map_maps_every_clean_char_to_its_raw_char(gaps_lengths):
    raw, clean, segs, pos = "", "", [], 0
    for gap, length in gaps_lengths:
        raw += "#" * gap
        piece = "".join(chr(97 + (len(clean) + i) % 26) for i in range(length))
        segs.append(Segment(clean=len(clean), raw=len(raw), length=length))
        raw += piece
        clean += piece
    m = OffsetMap(segments=tuple(segs))
    for i, ch in enumerate(clean):
        assert raw[m.to_raw(i)] == ch
    s, e = m.to_raw_span(0, len(clean))
    assert raw[s] == clean[0] and raw[e - 1] == clean[-1]

"""Invariants: spans inside the text and disjoint, no crash on odd input, no clock, any TZ."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.time import TimeTagger, tag
from chronik.model import Article

WORDS = [
    "am", "im", "seit", "vor", "bis", "und", "Mittwoch", "Donnerstag", "14.", "September", "Jänner",
    "2023", "3.", "Mai", "gestern", "heute", "morgen", "Uhr", "20", "20.30", "drei", "Wochen", "Jahre",
    "Anfang", "Ende", "Mitte", "der", "den", "vergangenen", "nächsten", "Woche", "Jahr", "wird", "hatte",
    "(", ")", ",", ".", "-", "/", "31.", "Februar", "jeden", "Tag", "täglich", "Quartal", "1990er-Jahren",
]
LABELS = {"DATE", "TIME", "DURATION", "SET"}


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.sampled_from([None, "2023-09", "2023-09-13", "2024", "not a date", "2023-02-30"]),
)
def test_tag_spans_inside_text_and_disjoint(de, text, dct):
    timexes = de(text, dct)
    last_end = 0
    for t in timexes:
        assert last_end <= t.start < t.end <= len(text)
        assert t.label in LABELS and t.value
        last_end = t.end


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_tag_never_crashes_on_arbitrary_text(de, text):
    for t in de(text, "2023-09-13"):
        assert 0 <= t.start < t.end <= len(text)


def test_stage_on_empty_and_huge_text():
    stage = TimeTagger()
    empty = stage(Article(id="e", source="e", format="txt", body="", text=""))
    assert empty.timexes == () and empty.published_inferred.value is None
    text = "Am Mittwoch, dem 3. Mai 2014, kam er um 20 Uhr. " * 1000
    big = stage(Article(id="b", source="b", format="txt", body=text, text=text, published="2014-05-10"))
    assert len(big.timexes) == 2000  # "Mittwoch, dem 3. Mai 2014" is one expression


SOURCE = Path(__file__).resolve().parents[2] / "src" / "chronik" / "time"


def test_time_package_never_reads_the_clock():
    clock = re.compile(r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\btime\.(?:time|localtime|gmtime)\(|\bnow\(\)")
    for path in SOURCE.rglob("*.py"):
        assert not clock.search(path.read_text("utf-8")), path


SCRIPT = """
import json, sys
from chronik.time import tag
text = "Gestern, am Mittwoch, trafen sie sich um 23.30 Uhr; morgen früh und am 14. September geht es weiter."
print(json.dumps([t.to_dict() for dct in (None, "2023-09", "2023-09-13T23:30:00-10:00") for t in tag(text, dct)]))
"""


def test_results_do_not_depend_on_the_time_zone():
    """CI also runs the whole suite under TZ=Pacific/Auckland; here two zones side by side."""
    outputs = []
    for zone in ("Pacific/Auckland", "America/Los_Angeles", "UTC"):
        env = {**os.environ, "TZ": zone}
        done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True)
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1] == outputs[2]
    values = {d["value"] for d in outputs[0]}
    assert "2023-09-12" in values and "2023-09-13" in values  # the date as written, not shifted to UTC


def test_tag_function_matches_tagger(de):
    text = "Am 3. Mai 2014 und gestern."
    assert tag(text, "2014-05-14") == de(text, "2014-05-14")


def test_out_of_range_dates_do_not_crash(de):
    text = "Gestern kam er, 5000 Jahre zuvor nicht."
    assert [t.value for t in de(text, "9999-12-31")] == ["XXXX-XX-XX", "XXXX"]
    stage = TimeTagger()
    out = stage(Article(id="x", source="x", format="txt", body=text, text=text, published="9999-12-31"))
    assert out.published_inferred.value is None and "not a date" in out.published_inferred.method

"""The grammar files, the loader's errors, the rule prefilter, and calendar arithmetic."""

from __future__ import annotations

import re
from datetime import date

import pytest

from chronik.errors import ConfigError
from chronik.time.dates import merge, parse_anchor, shift, value_interval
from chronik.time.grammar import build_grammar, load_grammar
from chronik.time.resolve import duration, easter_sunday

LEXICON = "month\t05\tMai\nnum\t=decimal\t[0-9]+\ndet\t-\tder|die\n"


@pytest.mark.parametrize(
    "rules,message",
    [
        ("r1\tDATE\t{monat}\t????-{monat}", "unknown lexicon category"),
        ("r1\tDATE\t{month} {month}\t????-{month}", "used twice"),
        ("r1\tWANN\t{month}\t????-{month}", "type must be one of"),
        ("r1\tDATE\t{month}\t{year}-{month}", "does not capture"),
        ("r1\tDATE\t{month}\t????-{month}\nr1\tDATE\tim {month}\t????-{month}", "duplicate rule id"),
        ("r1\tDATE\t({month}\t????-{month}", "bad pattern"),
        ("r1\tDATE", "columns"),
    ],
    ids=["unknown-category", "group-twice", "bad-type", "value-group", "duplicate-id", "bad-regex", "columns"],
)
def test_grammar_errors_name_the_rule(rules, message):
    with pytest.raises(ConfigError, match=message):
        build_grammar("xx", LEXICON, rules)


def test_grammar_unknown_language():
    with pytest.raises(ConfigError, match="no temporal grammar"):
        load_grammar("tlh")


def test_grammar_macros_repeat_and_values_fill():
    grammar = build_grammar("xx", LEXICON, "r1\tDATE\t{det} {month} {det} {num}\t{num}-{month}")
    m = grammar.rules[0].regex.search("in der Mai der 2014 war")
    assert m and grammar.fill(grammar.rules[0].value, m) == "2014-05"


TEXTS = [
    "Am Donnerstagabend, dem 3. Mai 2014, kamen rund 200 Besucher; seit drei Jahren wächst das Fest.",
    "BOZEN, 12.04. Der Landtag tagte von 9.30 bis 12 Uhr. In den 1990er-Jahren war alles anders.",
    "Gestern Abend, Anfang Jänner, im Frühjahr 2015 und jeden Montag: 1. Quartal, Mitte der 80er.",
    "Er ist 45 Jahre alt, hat 2000 Stellen geschaffen und kam am 18. und 19. Dezember.",
]


@pytest.mark.parametrize("lang", ["de", "en"])
def test_grammar_prefilter_never_drops_a_match(lang):
    """Skipping rules whose required words are absent, and the first-character lookahead,
    change speed only: every rule matches exactly what its plain pattern matches."""
    grammar = load_grammar(lang)
    for text in TEXTS:
        applicable = set(r.id for r in grammar.applicable(text))
        for rule in grammar.rules:
            stripped = re.compile(_without_lookahead(rule.regex.pattern), rule.regex.flags)
            assert stripped.pattern != rule.regex.pattern or "(?=[" not in rule.regex.pattern[:60]
            want = [m.span() for m in stripped.finditer(text)]
            assert [m.span() for m in rule.regex.finditer(text)] == want, rule.id
            if want:
                assert rule.id in applicable, f"{rule.id} would match {text!r} but was skipped"


def _without_lookahead(pattern: str) -> str:
    """The rule's pattern without the generated first-character lookahead."""
    if pattern.startswith("(?=["):
        i = 4
        while i < len(pattern):
            if pattern[i] == "\\":
                i += 2
                continue
            if pattern[i] == "]":
                return pattern[i + 2 :]
            i += 1
    line = "(?:(?<=\\n)|(?<![\\s\\S]))[ \\t]*"
    if pattern.startswith(line + "(?=["):
        return line + _without_lookahead(pattern[len(line) :])
    return pattern


@pytest.mark.parametrize(
    "values,cascade,expected",
    [
        (["2023-08-30", "2023-09-27"], True, "2023-XX-XX"),
        (["2022-12-31", "2023-12-30"], True, "XXXX-XX-XX"),
        (["1911-09-14", "1957-09-14"], False, "XXXX-09-14"),
        (["2023-W35", "2023-W39"], True, "2023-WXX"),
        (["2023-09-13TEV", "2023-09-13TEV"], True, "2023-09-13TEV"),
        (["PRESENT_REF", "PRESENT_REF"], True, "PRESENT_REF"),
    ],
)
def test_dates_merge_keeps_only_agreed_fields(values, cascade, expected):
    assert merge(values, cascade=cascade) == expected


@pytest.mark.parametrize(
    "anchor,expected",
    [
        ("2023-09-13", (date(2023, 9, 13), date(2023, 9, 13))),
        ("2023-09-13T23:30:00-10:00", (date(2023, 9, 13), date(2023, 9, 13))),  # the date as written
        ("2023-09", (date(2023, 9, 1), date(2023, 9, 30))),
        ("2024", (date(2024, 1, 1), date(2024, 12, 31))),
        ("2023-02-30", None),
        ("gestern", None),
        (None, None),
    ],
)
def test_dates_parse_anchor(anchor, expected):
    assert parse_anchor(anchor) == expected


def test_dates_intervals_and_shifts():
    assert value_interval("2014-W08-WE") == (date(2014, 2, 22), date(2014, 2, 23))
    assert value_interval("2014-WI") == (date(2013, 12, 21), date(2014, 3, 19))
    assert value_interval("2014-Q3") == (date(2014, 7, 1), date(2014, 9, 30))
    assert shift(date(2024, 1, 31), 1, "month") == date(2024, 2, 29)
    assert easter_sunday(2024) == date(2024, 3, 31) and easter_sunday(2014) == date(2014, 4, 20)


@pytest.mark.parametrize(
    "number,unit,expected",
    [("3", "W", "P3W"), ("1.5", "H", "PT1.5H"), ("X", "Y", "PXY"), ("2", "DE", "P2DE"), ("0.5", "Y", "P6M"), ("90", "MIN", "PT90M")],
)
def test_duration_values(number, unit, expected):
    assert duration(number, unit) == expected

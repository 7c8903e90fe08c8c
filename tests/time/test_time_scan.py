"""The anchored scanner (chronik.time.scan) must find exactly what running every rule's
regex over the whole text finds: same rules, same spans, same groups, on every text."""

from __future__ import annotations

import pytest

from chronik.time import Tagger, timeml
from tests.time.time_helpers import SHARED, found

# Our own sentences, aimed at the scanner's edges: numbers inside words and compounds,
# optional words before the anchor, line starts, overlapping anchors, texts with cased
# characters outside Latin-1 (these take the unanchored path), empty and tiny texts.
EDGE_TEXTS = [
    "",
    "5",
    "Mai",
    "Am 18. und 19. Dezember 2015 sowie am 3.5. um 20.30 Uhr.",
    "Der MIP-Montag, die Jahre 1998/99, A4-Blatt, Abc123 Jahre, X-2016, 3:1 (2:0).",
    "seit drei Jahren, vor 14 Tagen, die letzten zwei Wochen, alle 3 Monate, zweimal im Jahr",
    "BOZEN, 12.04.\n  BRIXEN (dpa), 3. Mai 2016\nMontag, 5. Juni: Treffen",
    "Jahrestag Vortag Tag darauf; der 1.1.; 2016-05-03; KW 12 2015; 60er Jahre; die Neunziger",
    "Das İstanbul-Treffen fand am 3. März 2016 statt; ſeit 2 Jahren; 5 K später.",
    "ΑΘΗΝΑ, 4. Mai: Am Montag um 9 Uhr; am Dienstagabend; heuer und im Vorjahr",
    "On Monday, May 3, 2016 at 9 a.m., two weeks ago, every Tuesday, in the 1990s.",
    "20 20 20 Jahre Jahre 1.2.3.4.5. 12.12.12 Uhr Uhr 2.2.2016 2. 2. 2016",
]


def _texts() -> list[str]:
    texts = list(EDGE_TEXTS)
    seeds = SHARED / "seeds"
    if seeds.is_dir():
        texts += [p.read_text("utf-8") for p in sorted(seeds.glob("*.txt"))]
    folder = SHARED / "data" / "krauts" / "KRAUTS_Dolomiten-42_raw-text"
    if folder.is_dir():
        texts += [timeml.read(p).text for p in sorted(folder.iterdir())[:20] if p.is_file()]
    return texts


def _plain(tagger: Tagger, text: str) -> list[tuple]:
    return sorted(
        (rule.order, m.span(), sorted(m.groupdict().items(), key=str))
        for rule in tagger.grammar.rules
        for m in rule.regex.finditer(text)
    )


def _scanned(tagger: Tagger, text: str) -> list[tuple]:
    return sorted(
        (rule.order, m.span(), sorted(m.groupdict().items(), key=str))
        for rule, m in tagger.scanner.matches(text, tagger.grammar.rules)
    )


@pytest.mark.parametrize("lang", ["de", "en"])
def test_scanner_finds_what_finditer_finds(lang: str) -> None:
    tagger = Tagger(lang)
    texts = _texts()
    for text in texts:
        assert _scanned(tagger, text) == _plain(tagger, text), text[:80]


def test_most_rules_are_anchored(de: Tagger) -> None:
    # a rule without an anchor costs a regex pass over the whole text; keep these few
    unanchored = [rule.id for rule in de.grammar.rules if not de.scanner.anchored(rule)]
    assert len(unanchored) <= 5, unanchored


def test_the_fast_path_is_taken_for_latin1_texts(de: Tagger) -> None:
    # the Latin-1 check decides between the anchored and the unanchored path; both must
    # give the tagger the same expressions (here the same sentence, with and without "ſ")
    plain = "Am 3. März 2016 trafen sie sich, seit zwei Jahren."
    odd = plain + " ſ"
    assert found(de, plain, "2016-03-10") == found(de, odd, "2016-03-10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # optional words before the anchor are part of the expression
        ("Das war in den letzten drei Jahren so.", ("den letzten drei Jahren", "DURATION", "P3Y", None)),
        ("Er kam am 18. und 19. Dezember.", ("19. Dezember", "DATE", "2013-12-19", None)),
        ("Die Firma, gegründet 1998, wächst.", ("1998", "DATE", "1998", None)),
    ],
)
def test_anchor_edges_keep_their_values(de: Tagger, text: str, expected: tuple) -> None:
    assert expected in found(de, text, "2014-05-14")


def test_numbers_inside_words_are_not_dates(de: Tagger) -> None:
    assert found(de, "Das Modell A2016 und die Nummer X-1998 kamen gut an.", "2014-05-14") == []

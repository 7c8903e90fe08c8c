"""Table-driven tests: German (and some English) time expressions and their TIMEX3 values.

Each case is a sentence of our own, a DCT, and the expression expected in it:
(text of the expression, type, value, mod). The DCT 2014-05-14 is a Wednesday.
"""

from __future__ import annotations

import pytest

from tests.time.time_helpers import found

DCT = "2014-05-14"  # Wednesday

GERMAN = [
    # explicit dates, Austrian and Swiss month names, numeric forms
    ("Die Messe findet am 3. Juni 2015 statt.", DCT, ("3. Juni 2015", "DATE", "2015-06-03", None)),
    ("Er wurde am 12. Jänner 1987 geboren.", DCT, ("12. Jänner 1987", "DATE", "1987-01-12", None)),
    ("Die Frist endete am 2. Feber.", DCT, ("2. Feber", "DATE", "2014-02-02", None)),
    ("Der Vertrag gilt ab 01.07.2014.", DCT, ("01.07.2014", "DATE", "2014-07-01", None)),
    ("Die Sitzung ist für den 20.5. angesetzt.", DCT, ("den 20.5.", "DATE", "2014-05-20", None)),
    ("Im Juli 2012 zog die Familie um.", DCT, ("Juli 2012", "DATE", "2012-07", None)),
    ("Das Gesetz stammt aus dem Jahr 1995.", DCT, ("dem Jahr 1995", "DATE", "1995", None)),
    # the year follows the tense
    ("Der Bau wird im Oktober fertig.", DCT, ("Oktober", "DATE", "2014-10", None)),
    ("Im Dezember war der Umsatz gesunken.", DCT, ("Dezember", "DATE", "2013-12", None)),
    ("Die Wahl findet am 15. März statt.", "2014-02-20", ("15. März", "DATE", "2014-03-15", None)),
    ("Am 28. Dezember hatte es heftig geschneit.", "2014-01-10", ("28. Dezember", "DATE", "2013-12-28", None)),
    # a tense far from the date does not move it a whole year
    ("Die Rennen vom 19. Dezember wurden verlegt.", "2014-12-16", ("19. Dezember", "DATE", "2014-12-19", None)),
    # weekdays: past tense looks back, future forward, no tense: the last one
    ("Der Minister traf am Montag in Rom ein.", DCT, ("Montag", "DATE", "2014-05-12", None)),
    ("Die Delegation wird am Freitag abreisen.", DCT, ("Freitag", "DATE", "2014-05-16", None)),
    ("Am vergangenen Samstag brannte eine Scheune.", DCT, ("vergangenen Samstag", "DATE", "2014-05-10", None)),
    ("Am kommenden Dienstag beginnt die Konferenz.", DCT, ("kommenden Dienstag", "DATE", "2014-05-20", None)),
    ("Am Mittwoch hat der Rat getagt.", DCT, ("Mittwoch", "DATE", "2014-05-14", None)),
    # a separable verb's particle "ab" at the clause's end is no "ab Montag": the last Monday
    ("Der Vorstand lehnte das Angebot am Montag als feindlich ab.", DCT, ("Montag", "DATE", "2014-05-12", None)),
    ("Ab Montag gelten neue Regeln.", DCT, ("Montag", "DATE", "2014-05-19", None)),
    # "bis zu" before a number bounds a quantity, it says nothing about the future
    ("Der Konzern verkaufte am Montag bis zu 500 Aktien.", DCT, ("Montag", "DATE", "2014-05-12", None)),
    # news put what is to come in the present tense; such a verb speaks for its own clause only
    ("Außenminister Wadephul reist am Sonntag nach Israel.", DCT, ("Sonntag", "DATE", "2014-05-18", None)),
    ("Der Kanzler trifft am Freitag den Präsidenten.", DCT, ("Freitag", "DATE", "2014-05-16", None)),
    ("Der Minister, der am Sonntag in Israel eintraf, trifft heute Netanjahu.", DCT,
     ("Sonntag", "DATE", "2014-05-11", None)),
    ("Der Minister reiste am Sonntag nach Israel, wo er am Montag Netanjahu trifft.", DCT,
     ("Sonntag", "DATE", "2014-05-11", None)),
    ("Donnerstag, 22. Mai, ist Redaktionsschluss.", DCT, ("Donnerstag, 22. Mai", "DATE", "2014-05-22", None)),
    # relative to the DCT
    ("Gestern hat der Landtag abgestimmt.", DCT, ("Gestern", "DATE", "2014-05-13", None)),
    ("Die Ergebnisse kommen morgen.", DCT, ("morgen", "DATE", "2014-05-15", None)),
    ("Vorgestern regnete es.", DCT, ("Vorgestern", "DATE", "2014-05-12", None)),
    ("Die Firma wächst heuer kräftig.", DCT, ("heuer", "DATE", "2014", None)),
    ("Im Vorjahr waren es weniger Gäste.", DCT, ("Vorjahr", "DATE", "2013", None)),
    ("Vergangene Woche gab es Streit.", DCT, ("Vergangene Woche", "DATE", "2014-W19", None)),
    ("In dieser Woche wird verhandelt.", DCT, ("dieser Woche", "DATE", "2014-W20", None)),
    ("Der Minister reist im nächsten Monat nach Wien.", DCT, ("nächsten Monat", "DATE", "2014-06", None)),
    ("Im vergangenen Jahr stiegen die Preise.", DCT, ("vergangenen Jahr", "DATE", "2013", None)),
    ("Der Umsatz des laufenden Jahres ist gut.", DCT, ("des laufenden Jahres", "DATE", "2014", None)),
    ("Die Gäste kamen am Wochenende.", DCT, ("Wochenende", "DATE", "2014-W19-WE", None)),
    ("Im August vorigen Jahres gab es ein Hochwasser.", DCT, ("August vorigen Jahres", "DATE", "2013-08", None)),
    # start, middle, end
    ("Anfang März begann die Saison.", DCT, ("Anfang März", "DATE", "2014-03", "START")),
    ("Die Arbeiten dauern bis Mitte Juni.", DCT, ("Mitte Juni", "DATE", "2014-06", "MID")),
    ("Ende 2013 lebten hier 500 Menschen.", DCT, ("Ende 2013", "DATE", "2013", "END")),
    ("Bis Ende des Jahres soll alles fertig sein.", DCT, ("Ende des Jahres", "DATE", "2014", "END")),
    ("Anfang nächster Woche fällt die Entscheidung.", DCT, ("Anfang nächster Woche", "DATE", "2014-W21", "START")),
    # seasons, quarters, halves, decades, centuries
    ("Im Frühjahr 2015 wird gebaut.", DCT, ("Frühjahr 2015", "DATE", "2015-SP", None)),
    ("Der Gewinn stieg im dritten Quartal.", DCT, ("dritten Quartal", "DATE", "2013-Q3", None)),
    ("In der zweiten Jahreshälfte wird es besser.", DCT, ("der zweiten Jahreshälfte", "DATE", "2014-H2", None)),
    ("In den 1990er-Jahren boomte die Branche.", DCT, ("den 1990er-Jahren", "DATE", "199", None)),
    ("In den achtziger Jahren war alles anders.", DCT, ("den achtziger Jahren", "DATE", "198", None)),
    ("Die Burg stammt aus dem 13. Jahrhundert.", DCT, ("dem 13. Jahrhundert", "DATE", "12", None)),
    ("Zu Weihnachten wird die Familie kommen.", DCT, ("Weihnachten", "DATE", "2014-12-25", None)),
    ("Zu Pfingsten war das Tal voller Gäste.", "2014-07-01", ("Pfingsten", "DATE", "2014-06-08", None)),
    # relative to the last date mentioned
    ("Am 3. April kam er an, am Tag darauf reiste er weiter.", DCT, ("Tag darauf", "DATE", "2014-04-04", None)),
    ("Das Konzert am 7. Juni beginnt um 20.30 Uhr.", DCT, ("20.30 Uhr", "TIME", "2014-06-07T20:30", None)),
    # times of day
    ("Gestern Abend brannte es in der Altstadt.", DCT, ("Gestern Abend", "TIME", "2014-05-13TEV", None)),
    ("Am Dienstagnachmittag tagte der Ausschuss.", DCT, ("Dienstagnachmittag", "TIME", "2014-05-13TAF", None)),
    ("Der Zug fährt um 7 Uhr ab.", DCT, ("7 Uhr", "TIME", "2014-05-14T07:00", None)),
    # durations, number words, inflection
    ("Die Sanierung dauerte drei Wochen.", DCT, ("drei Wochen", "DURATION", "P3W", None)),
    ("Seit einem Jahr wohnt sie in Linz.", DCT, ("einem Jahr", "DURATION", "P1Y", None)),
    ("Innerhalb einer Woche war alles vorbei.", DCT, ("einer Woche", "DURATION", "P1W", None)),
    ("Die Verhandlung dauerte rund 200 Stunden.", DCT, ("rund 200 Stunden", "DURATION", "PT200H", None)),
    ("Der Lauf dauerte eineinhalb Stunden.", DCT, ("eineinhalb Stunden", "DURATION", "PT1.5H", None)),
    ("Seit Jahren wird darüber gestritten.", DCT, ("Jahren", "DURATION", "PXY", None)),
    ("Er verbrachte einige Tage in Wien.", DCT, ("einige Tage", "DURATION", "PXD", None)),
    ("Nach zwei Jahrzehnten kehrte er zurück.", DCT, ("zwei Jahrzehnten", "DURATION", "P2DE", None)),
    ("In den vergangenen zwei Jahren wuchs der Ort.", DCT, ("den vergangenen zwei Jahren", "DURATION", "P2Y", None)),
    ("Nach einem einwöchigen Aufenthalt reiste sie ab.", DCT, ("einwöchigen", "DURATION", "P1W", None)),
    ("Nach jahrelangem Streit gab es eine Einigung.", DCT, ("jahrelangem", "DURATION", "PXY", None)),
    # sets
    ("Der Bus fährt täglich.", DCT, ("täglich", "SET", "P1D", None)),
    ("Der Markt findet jeden Samstag statt.", DCT, ("jeden Samstag", "SET", "XXXX-WXX-6", None)),
    ("Die Gruppe trifft sich einmal im Monat.", DCT, ("einmal im Monat", "SET", "P1M", None)),
    ("Sie verdient 1200 Euro im Monat.", DCT, ("im Monat", "SET", "P1M", None)),
    # reference words
    ("Derzeit gibt es keine Lösung.", DCT, ("Derzeit", "DATE", "PRESENT_REF", None)),
    ("Damals war das Dorf noch klein.", DCT, ("Damals", "DATE", "PAST_REF", None)),
    ("Das bleibt auch in Zukunft so.", DCT, ("Zukunft", "DATE", "FUTURE_REF", None)),
    # datelines
    ("BOZEN, 12.04. Der Landtag hat getagt.", DCT, ("12.04.", "DATE", "2014-04-12", None)),
]


@pytest.mark.parametrize("text,dct,expected", GERMAN, ids=[c[2][0] for c in GERMAN])
def test_german_expression_value(de, text, dct, expected):
    got = found(de, text, dct)
    spans = {g[0]: g for g in got}
    assert expected[0] in spans, f"{expected[0]!r} not found in {got}"
    g = spans[expected[0]]
    assert g[1] == expected[1]
    if expected[2] is not None:
        assert g[2] == expected[2]
    assert g[3] == expected[3]


ENUMERATIONS = [
    ("Die Kurse finden am 18. und 19. Dezember statt.", "2014-12-01",
     [("18", "2014-12-18"), ("19. Dezember", "2014-12-19")]),
    ("Gespielt wird am 3., 4. und 5. Oktober.", "2014-09-20",
     [("3", "2014-10-03"), ("4", "2014-10-04"), ("5. Oktober", "2014-10-05")]),
    ("Geöffnet ist von 10 bis 18 Uhr.", DCT,
     [("10", "2014-05-14T10:00"), ("18 Uhr", "2014-05-14T18:00")]),
    ("Die Behandlung dauert sechs bis acht Monate.", DCT,
     [("sechs", "P6M"), ("acht Monate", "P8M")]),
    ("Die Ausstellung läuft vom 3. Mai bis 5. Juni 2016.", DCT,
     [("3. Mai", "2016-05-03"), ("5. Juni 2016", "2016-06-05")]),
]


@pytest.mark.parametrize("text,dct,expected", ENUMERATIONS, ids=[c[0][:30] for c in ENUMERATIONS])
def test_german_enumeration_parts(de, text, dct, expected):
    got = [(g[0], g[2]) for g in found(de, text, dct)]
    assert got == expected


NOT_TIME = [
    "Laut Paragraph 17 ist das verboten.",
    "Die Firma schafft 2000 Stellen.",
    "Rund 1500 Besucher kamen zum Fest.",
    "Der 24-Jährige wurde verletzt.",
    "Der Mann ist 45 Jahre alt.",
    "Das Spiel endete 3:1.",
    "Guten Morgen, sagte er.",
    "Der Winter-Biathlon ist beliebt.",
]


@pytest.mark.parametrize("text", NOT_TIME)
def test_german_numbers_that_are_not_times(de, text):
    assert found(de, text, DCT) == []


BAD_INPUT = [
    ("Am 31. Februar war nichts los.", DCT, ("31. Februar", "XXXX-02-XX")),
    ("Am 31. Februar 2014 war nichts los.", DCT, ("31. Februar 2014", "2014-02-XX")),
    ("Am 14. September wird gewählt.", None, ("14. September", "XXXX-09-14")),
    ("Gestern hat es geregnet.", None, ("Gestern", "XXXX-XX-XX")),
    ("Am Mittwoch kam er.", "2023-09", ("Mittwoch", "2023-XX-XX")),
    ("Im Juni war es heiß.", "2023-09", ("Juni", "2023-06")),
]


@pytest.mark.parametrize("text,dct,expected", BAD_INPUT, ids=[c[2][0] + " " + str(c[1]) for c in BAD_INPUT])
def test_underspecified_values_invent_nothing(de, text, dct, expected):
    got = {g[0]: g[2] for g in found(de, text, dct)}
    assert got[expected[0]] == expected[1]


def test_anchor_is_recorded(de):
    text = "Am 3. April kam er an, am Tag darauf reiste er weiter. Gestern kam er zurück."
    by_text = {text[t.start : t.end]: t for t in de(text, "2014-05-14")}
    assert by_text["3. April"].anchor == "2014-05-14"  # the year came from the DCT
    assert by_text["Tag darauf"].anchor == "2014-04-03"  # the last date mentioned
    assert by_text["Gestern"].anchor == "2014-05-14"


ENGLISH = [
    ("The leaders met on September 13, 2023.", "2023-09-20", ("September 13, 2023", "DATE", "2023-09-13")),
    ("They met on Wednesday in Vladivostok.", "2023-09-14", ("Wednesday", "DATE", "2023-09-13")),
    ("The minister will travel next month.", "2023-09-14", ("next month", "DATE", "2023-10")),
    ("Two years ago the plant was closed.", "2023-09-14", ("Two years ago", "DATE", "2021")),
    ("The talks lasted five hours.", "2023-09-14", ("five hours", "DURATION", "PT5H")),
    ("The shop opens at 9 a.m. daily.", "2023-09-14", ("9 a.m.", "TIME", "2023-09-14T09:00")),
    ("Prices rose in the 1990s.", "2023-09-14", ("the 1990s", "DATE", "199")),
    ("Yesterday the council voted.", "2023-09-14", ("Yesterday", "DATE", "2023-09-13")),
]


@pytest.mark.parametrize("text,dct,expected", ENGLISH, ids=[c[2][0] for c in ENGLISH])
def test_english_expression_value(en, text, dct, expected):
    got = {g[0]: (g[1], g[2]) for g in found(en, text, dct)}
    assert got.get(expected[0]) == expected[1:]

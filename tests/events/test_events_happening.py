"""The fourth session's rules on hand-built articles: happening checks (chronik.events.happening),
mention cutting, appositions, state collectives, coordinations and datives."""

from __future__ import annotations

import pytest

from chronik.events import EventExtractor
from tests.events.conftest import article

EXTRACTOR = EventExtractor()


def _got(text, names, **kw):
    art = article(text, names, **kw)
    return [(e.type, art.text[e.trigger.start:e.trigger.end], {(a.name, a.role) for a in e.actors})
            for e in EXTRACTOR(art).events]


def _types(text, names):
    return [(typ, trig) for typ, trig, _ in _got(text, names)]


# (id, text, mentions, an event that must not be reported, one that must stay or None)
DROPPED = [
    ("urged-zu", "Kroatien wurde von Javier Solana aufgefordert, endlich mit dem Tribunal zu kooperieren.",
     {"Kroatien": "LOC", "Javier Solana": "PER"}, ("COOPERATE", "kooperieren"), ("DEMAND", "aufgefordert")),
    ("wished", "Die von Anne Lütkes gewünschte Kooperation von Duisburg und Essen stößt auf Kritik.",
     {"Anne Lütkes": "PER", "Duisburg": "LOC", "Essen": "LOC"}, ("COOPERATE", "Kooperation"), None),
    ("hypothetical", "Welche Folgen ein neuer Anschlag auf die USA für Obama haben würde, ist offen.",
     {"USA": "LOC", "Obama": "PER"}, ("ATTACK", "Anschlag"), None),
    ("statistic-comparative", "Seit der Wiedervereinigung wurde nur 1992 mehr gestreikt.", {},
     ("PROTEST", "gestreikt"), None),
    ("statistic-plural", "Rund 1,5 Millionen Streiktage seien 2015 auf Streiks von Verdi entfallen.",
     {"Verdi": "ORG"}, ("PROTEST", "Streiks"), None),
    ("interview", "Das sei ein Fehler, sagte Uwe Döring im Gespräch mit der Deutschen Presse-Agentur.",
     {"Uwe Döring": "PER", "Deutschen Presse-Agentur": "ORG"}, ("MEET", "Gespräch"), ("STATEMENT", "sagte")),
    ("actorless-software", "Das Programm werde von allen Computern unterstützt, teilt das Unternehmen mit.",
     {}, ("SUPPORT", "unterstützt"), None),
    ("bestreiten-race", "Um 12 Uhr bestreiten die Schnellsten einen zweiten Lauf.", {}, ("DENY", "bestreiten"), None),
    # twentieth session: attendance, and "Licht" without "grün"
    ("attendance", "Der Klavierabend von Elly Ney war verdienterweise gut besucht.", {"Elly Ney": "PER"},
     ("VISIT", "besucht"), None),
    ("light-not-green", "Nun gibt es die emotionale Single in neuem Licht zu hören.", {}, ("ACCEPT", "Licht"), None),
]


def test_a_visit_and_a_green_light_stay():
    assert ("VISIT", "besucht") in _types("Ilse Aigner hat am Montag die Firma Krones besucht.",
                                          {"Ilse Aigner": "PER", "Krones": "ORG"})
    assert ("ACCEPT", "Licht") in _types("Das Kabinett gab für die Mission grünes Licht.", {"Kabinett": "ORG"})


@pytest.mark.parametrize("case", DROPPED, ids=[c[0] for c in DROPPED])
def test_not_a_happening_is_dropped(case):
    _, text, names, dropped, kept = case
    got = _types(text, names)
    assert dropped not in got, got
    if kept is not None:
        assert kept in got, got


def test_passive_support_without_agent_stays():
    got = _types("Konkret sollen die Bewohner der Unterkünfte in Vintl unterstützt werden.", {"Vintl": "LOC"})
    assert ("SUPPORT", "unterstützt") in got


def test_a_happening_still_counts():
    got = _got("Mehr als 1000 Menschen protestierten am Montag in Budapest gegen Viktor Orban.",
               {"Viktor Orban": "PER", "Budapest": "LOC"})
    assert any(t == "PROTEST" for t, _, _ in got), got


def test_seed_like_invitation_keeps_its_actors():
    """The merged chunk the tagger once gave ('lud Kim Jong Un Putin höflich ein, die ...' as
    one MISC) is cut by the recogniser (tests/entities/test_namecut.py); what it leaves, two
    people, gives the invitation with its source, target and attribution."""
    text = ('Zum Abschluss des Treffens "lud Kim Jong Un Putin höflich ein, die Demokratische Volksrepublik Korea '
            'zu besuchen", erklärte die Nachrichtenagentur KCNA. Kim Jong Un und Putin trafen sich.')
    art = article(text, {"Kim Jong Un": "PER", "Putin": "PER", "KCNA": "ORG"})
    invites = [e for e in EXTRACTOR(art).events if e.type == "INVITE"]
    assert invites and {(a.name, a.role) for a in invites[0].actors} >= {("Kim Jong Un", "source"),
                                                                         ("Putin", "target")}, invites
    assert invites[0].attribution == "KCNA"


def test_bracketed_party_is_no_actor():
    got = _got("Franz Josef Jung ( CDU ) warb für eine Erneuerung der Allianz.",
               {"Franz Josef Jung": "PER", "CDU": "ORG"})
    assert ("SUPPORT", "warb", {("Franz Josef Jung", "source")}) in got, got


def test_adjective_with_common_noun_is_no_actor():
    got = _got("Das städtische Umweltamt hat alle Gartenbesitzer aufgefordert, Ablagerungen zu entfernen.",
               {"städtische Umweltamt": "ORG"})
    assert got and all(actors == set() for _, _, actors in got), got


def test_relative_clause_needs_a_marked_apposition():
    got = _got("Zöllner will einen Beschluss herbeiführen, der Bund und Länder auffordert, das Geld frei zu geben.",
               {"Zöllner": "PER"})
    assert not any(("Zöllner", "source") in actors for t, _, actors in got if t == "DEMAND"), got


def test_state_collective_is_a_target():
    got = _got("Am Montag hat Wolfgang Schüssel die britische Regierung aufgefordert, einzulenken.",
               {"Wolfgang Schüssel": "PER"})
    demand = [actors for t, _, actors in got if t == "DEMAND"]
    assert demand and ("Wolfgang Schüssel", "source") in demand[0] and any(
        role == "target" for _, role in demand[0]), got


def test_coordination_across_quotes_and_adverbs():
    got = _got('Geplant sind Formate in Zusammenarbeit mit " Süddeutscher Zeitung " , " Spiegel " oder " NZZ " .',
               {"Süddeutscher Zeitung": "ORG", "Spiegel": "ORG", "NZZ": "ORG"})
    coop = [actors for t, _, actors in got if t == "COOPERATE"]
    assert coop and {n for n, _ in coop[0]} == {"Süddeutscher Zeitung", "Spiegel", "NZZ"}, got
    got = _got("Herr Grube und dann auch Herr Kefer haben zugesagt, die Idee zu prüfen.",
               {"Grube": "PER", "Herr Kefer": "PER"})
    accept = [actors for t, _, actors in got if t == "ACCEPT"]
    assert accept and all(role == "source" for _, role in accept[0]) and len(accept[0]) == 2, got


def test_names_glued_by_a_slash_are_coordinated():
    # twenty-third session: "Edeka/Tengelmann" is a pair, both parties of what is approved
    got = _got("Gabriel billigt Fusion Edeka/Tengelmann mit Auflagen.",
               {"Gabriel": "PER", "Edeka": "ORG", "Tengelmann": "ORG"})
    accept = [actors for t, _, actors in got if t == "ACCEPT"]
    assert accept and {("Edeka", "target"), ("Tengelmann", "target")} <= accept[0], got
    got = _got("Gabriel billigt Fusion Edeka / Tengelmann mit Auflagen.",  # spaced: no pair
               {"Gabriel": "PER", "Edeka": "ORG", "Tengelmann": "ORG"})
    accept = [actors for t, _, actors in got if t == "ACCEPT"]
    assert not accept or not {("Edeka", "target"), ("Tengelmann", "target")} <= accept[0], got


def test_a_place_that_locates_the_visited_thing_is_no_target():
    # twenty-third session: "eines der Unternehmen in Bayern besucht" visits a company, not Bayern
    got = _got("Ilse Aigner hat am Montag eines der Unternehmen in Bayern besucht.",
               {"Ilse Aigner": "PER", "Bayern": "LOC"})
    visit = [actors for t, _, actors in got if t == "VISIT"]
    assert visit and visit[0] == {("Ilse Aigner", "source")}, got
    got = _got("Ilse Aigner hat am Montag Unternehmer in Bayern besucht.", {"Ilse Aigner": "PER", "Bayern": "LOC"})
    assert not any(("Bayern", "target") in actors for t, _, actors in got if t == "VISIT"), got
    got = _got("Ilse Aigner hat gestern Bayern besucht.", {"Ilse Aigner": "PER", "Bayern": "LOC"})
    assert any(("Bayern", "target") in actors for t, _, actors in got if t == "VISIT"), got
    got = _got("Geplant ist ein Besuch des Bergwerks in Prettau.", {"Prettau": "LOC"})
    assert not any(("Prettau", "target") in actors for t, _, actors in got), got
    got = _got("Geplant ist ein Besuch Putins in Pjöngjang.", {"Putins": "PER", "Pjöngjang": "LOC"})
    assert any(("Pjöngjang", "target") in actors for t, _, actors in got if t == "VISIT"), got


def test_dative_after_an_unnamed_spokesperson_is_no_speaker():
    got = _got("„Die Regeln gelten“, sagte eine Facebook-Sprecherin der Deutschen Presse-Agentur.",
               {"Deutschen Presse-Agentur": "ORG"})
    assert not any(("Deutschen Presse-Agentur", "source") in actors for _, _, actors in got), got
    got = _got("Man werde prüfen, sagte ein Sprecher der Deutschen Bahn.", {"Deutschen Bahn": "ORG"})
    assert any(t == "STATEMENT" and ("Deutschen Bahn", "source") in actors for t, _, actors in got), got


def test_sales_figures_are_no_takeover():
    got = _types("Das Unternehmen hat im Sommer viele Fahrzeuge verkauft.", {})
    assert ("ACQUIRE", "verkauft") not in got  # the company is the subject, not the object
    got = _types("Der Konzern Siemens hat das Unternehmen Osram übernommen.", {"Siemens": "ORG", "Osram": "ORG"})
    assert ("ACQUIRE", "übernommen") in got


def test_a_party_leader_speaks_for_the_party():
    got = _got("Wir sind ein gäriger Haufen, sagte der Fraktionschef der AfD im Landtag der Welt.",
               {"AfD": "ORG", "Welt": "ORG"})
    said = [actors for t, _, actors in got if t == "STATEMENT"]
    assert said and ("AfD", "source") in said[0] and ("Welt", "source") not in said[0], got

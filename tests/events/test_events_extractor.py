"""The extractor on hand-built articles: triggers, roles, attribution, modality, time, place."""

from __future__ import annotations

import pytest

from chronik.events import EventExtractor, ExtractorOptions
from tests.events.conftest import article

EXTRACTOR = EventExtractor()


def _typed(art, min_confidence: float | None = None) -> list:
    """(type, {(actor, role)}) of each event found, at the default threshold or at ``min_confidence``."""
    extractor = EXTRACTOR if min_confidence is None else EventExtractor(ExtractorOptions(min_confidence=min_confidence))
    return [(e.type, {(a.name, a.role) for a in e.actors}) for e in extractor(art).events]

CASES = [
    # (id, text, names, times, published, expected events: (type, trigger, actors, extra checks))
    ("meet-reciprocal", "Putin und Kim trafen sich am Mittwoch in Wostotschny.",
     {"Putin": "PER", "Kim": "PER", "Wostotschny": "LOC"}, {"am Mittwoch": "2023-09-13"}, "2023-09-14",
     [("MEET", "trafen", {("Putin", "source"), ("Kim", "source")},
       {"place": "Wostotschny", "time": ("2023-09-13", "day"), "modality": "asserted", "attribution": None})]),
    ("invite-separable-reported", "Am Mittwoch lud Kim Jong Un Putin zu einem Besuch ein, erklärte die Nachrichtenagentur KCNA.",
     {"Kim Jong Un": "PER", "Putin": "PER", "KCNA": "ORG"}, {}, "2023-09-14",
     [("INVITE", "lud", {("Kim Jong Un", "source"), ("Putin", "target")}, {"attribution": "KCNA", "modality": "reported"}),
      ("STATEMENT", "erklärte", {("KCNA", "source")}, {"attribution": "KCNA", "modality": "asserted"})]),
    ("accept-laut", "Putin hat die Einladung laut KCNA angenommen.", {"Putin": "PER", "KCNA": "ORG"}, {}, "2023-09-14",
     [("ACCEPT", "angenommen", {("Putin", "source")}, {"attribution": "KCNA", "modality": "reported"})]),
    ("travel-planned", "Lawrow werde im nächsten Monat nach Pjöngjang reisen, teilte der Kreml mit.",
     {"Lawrow": "PER", "Pjöngjang": "LOC", "Kreml": "ORG"}, {"im nächsten Monat": "2023-10"}, "2023-09-14",
     [("TRAVEL", "reisen", {("Lawrow", "source")},
       {"place": "Pjöngjang", "time": ("2023-10", "month"), "attribution": "Kreml", "modality": "planned"}),
      ("STATEMENT", "teilte", {("Kreml", "source")}, {})]),
    ("denied", "Der Kreml und Pjöngjang bestreiten nordkoreanische Waffenlieferungen.",
     {"Kreml": "ORG", "Pjöngjang": "LOC"}, {}, "2024-06-19",
     [("DENY", "bestreiten", {("Kreml", "source"), ("Pjöngjang", "source")}, {"modality": "asserted"}),
      ("TRADE", "Waffenlieferungen", {("Nordkorea", "source")}, {"modality": "denied"})]),
    ("negated", "Russland hat das Abkommen nicht unterzeichnet.", {"Russland": "LOC"}, {}, "2024-01",
     [("AGREE", "unterzeichnet", {("Russland", "source")}, {"modality": "negated"})]),
    ("negated-nobody", "Offizielle Abkommen wurden nicht unterzeichnet.", {}, {}, "2024-01", []),
    ("metaphor-subject", "Der Winter fordert die Autofahrer.", {}, {}, "2024-01", []),
    ("reader-address", "Durch Ihren Besuch der Website von Yahoo erklären Sie sich einverstanden.",
     {"Yahoo": "ORG"}, {}, "2024-01", []),
    ("purpose", "Kirijenko hatte stark für eine Kooperation mit den USA geworben.",
     {"Kirijenko": "PER", "USA": "LOC"}, {}, "2024-01",
     [("SUPPORT", "geworben", {("Kirijenko", "source")}, {})]),  # the advocacy, not a cooperation
    ("other-particle-verb", "Füchtorf kaufte der WSU den Schneid ab.", {"Füchtorf": "ORG", "WSU": "ORG"}, {},
     "2024-01", []),
    ("indefinite-visit", "Das sei gut, stellt Wulff nach einem ersten Besuch fest.", {"Wulff": "PER"}, {},
     "2024-01", [("STATEMENT", "stellt", {("Wulff", "source")}, {})]),  # the statement, no visit
    ("speculative-noun", "Die Gespräche könnten zu Waffenlieferungen Nordkoreas an Russland führen.",
     {"Nordkoreas": "LOC", "Russland": "LOC"}, {}, "2023-09",
     [("TRADE", "Waffenlieferungen", {("Nordkorea", "source"), ("Russland", "target")}, {"modality": "speculative"})]),
    ("statement-apposition", "Russland habe es auf Artilleriegeschosse abgesehen, sagte An Chan-il, Direktor des "
     "Instituts für Nordkorea-Studien.", {"Russland": "LOC", "An Chan-il": "PER"}, {}, "2023-09",
     [("STATEMENT", "sagte", {("An Chan-il", "source")}, {"attribution": "An Chan-il", "modality": "asserted"})]),
    ("passive-von", "Rite Aid wird von Walgreens übernommen.", {"Rite Aid": "ORG", "Walgreens": "ORG"}, {}, "2015-12-17",
     [("ACQUIRE", "übernommen", {("Walgreens", "source"), ("Rite Aid", "target")}, {"modality": "planned"})]),
    ("relative-clause", "Comcast, der 2009 NBC Universal übernommen hat, kauft nun Dreamworks.",
     {"Comcast": "ORG", "NBC Universal": "ORG", "Dreamworks": "ORG"}, {"2009": "2009"}, "2016-04-29",
     [("ACQUIRE", "übernommen", {("Comcast", "source"), ("NBC Universal", "target")}, {"time": ("2009", "year")}),
      ("ACQUIRE", "kauft", {("Comcast", "source"), ("Dreamworks", "target")}, {"time": ("2016-04-29", "day")})]),
    ("hiess-es", "Kim lud Putin ein, teilte KCNA mit. Putin habe die Einladung angenommen, hieß es weiter.",
     {"Kim": "PER", "Putin": "PER", "KCNA": "ORG"}, {}, "2023-09-14",
     [("INVITE", "lud", {("Kim", "source"), ("Putin", "target")}, {"attribution": "KCNA"}),
      ("STATEMENT", "teilte", {("KCNA", "source")}, {}),
      ("ACCEPT", "angenommen", {("Putin", "source")}, {"attribution": "KCNA", "modality": "reported"})]),
    ("allegation", "Russland soll Nordkorea angegriffen haben.", {"Russland": "LOC", "Nordkorea": "LOC"}, {}, "2024-01",
     [("ATTACK", "angegriffen", {("Russland", "source"), ("Nordkorea", "target")}, {"modality": "speculative"})]),
    ("noun-zwischen", "Das Treffen zwischen Putin und Kim dauerte zwei Stunden.", {"Putin": "PER", "Kim": "PER"}, {},
     "2024-06-19", [("MEET", "Treffen", {("Putin", "source"), ("Kim", "source")}, {})]),
    ("article-date", "Putin besuchte Pjöngjang.", {"Putin": "PER", "Pjöngjang": "LOC"}, {}, "2024-06",
     [("VISIT", "besuchte", {("Putin", "source"), ("Pjöngjang", "target")}, {"time": ("2024-06", "month")})]),
    ("no-event", "Der Umsatz stieg im Jahr 2015 um zehn Prozent.", {}, {}, "2016-01-01", []),
    ("negated-noun", "Es gab kein Treffen zwischen Putin und Kim.", {"Putin": "PER", "Kim": "PER"}, {}, "2024-01-01",
     [("MEET", "Treffen", {("Putin", "source"), ("Kim", "source")}, {"modality": "negated"})]),
    ("coordination-list", "Deutschland, Frankreich und Italien unterstützen die Ukraine.",
     {"Deutschland": "LOC", "Frankreich": "LOC", "Italien": "LOC", "Ukraine": "LOC"}, {}, "2024-01-01",
     [("SUPPORT", "unterstützen", {("Deutschland", "source"), ("Frankreich", "source"), ("Italien", "source"),
                                  ("Ukraine", "target")}, {})]),
    # an impersonal passive names nobody: no event
    ("impersonal-passive", "Es wird verlangt, dass die Maßnahme Wachstum fördert.", {}, {}, "2024-01-01", []),
    # "schreiben" of a written work or of figures is no statement; of what someone says, it is
    ("write-work", "Das Drehbuch schrieb der legendäre Wolfgang Kohlhaase.", {"Wolfgang Kohlhaase": "PER"}, {},
     "2024-01-01", []),
    ("write-figures", "Siemens schreibt wieder schwarze Zahlen.", {"Siemens": "ORG"}, {}, "2024-01-01", []),
    ("write-statement", "Die Lage sei ernst, schrieb Merkel.", {"Merkel": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "schrieb", {("Merkel", "source")}, {})]),
    # a comma list of phrases with their own determiners, closed by "und", unmentioned items between
    ("coordination-articled-list", "Die Vorsitzende dankte dem Jugenddienst Wipptal, dem Bildungsausschuss Sterzing, "
     "den katholischen Verbänden und der Raiffeisenkasse Wipptal.",
     {"Jugenddienst Wipptal": "ORG", "Bildungsausschuss Sterzing": "ORG", "Raiffeisenkasse Wipptal": "ORG"}, {},
     "2024-01-01", [("SUPPORT", "dankte", {("Jugenddienst Wipptal", "target"), ("Bildungsausschuss Sterzing", "target"),
                                          ("Raiffeisenkasse Wipptal", "target")}, {})]),
    ("meet-mit", "Kim traf sich am Mittwoch mit Putin.", {"Kim": "PER", "Putin": "PER"}, {}, "2023-09-14",
     [("MEET", "traf", {("Kim", "source"), ("Putin", "target")}, {})]),
    ("pronoun-subject", "Er besuchte Russland.", {"Russland": "LOC"}, {}, "2023-09-14", []),
    ("full-name", "Wladimir Putin reiste nach Pjöngjang. Dort traf Putin Kim Jong Un.",
     {"Wladimir Putin": "PER", "Putin": "PER", "Pjöngjang": "LOC", "Kim Jong Un": "PER"}, {}, "2024-06-19",
     [("TRAVEL", "reiste", {("Wladimir Putin", "source")}, {"place": "Pjöngjang"}),
      ("MEET", "traf", {("Wladimir Putin", "source"), ("Kim Jong Un", "target")}, {})]),
    ("light-verb-support", "Kim sicherte Putin seine volle Unterstützung zu.", {"Kim": "PER", "Putin": "PER"}, {},
     "2024-06-19", [("SUPPORT", "Unterstützung", {("Kim", "source"), ("Putin", "target")}, {})]),
    ("possessive-visit", "Bei seinem Besuch in Russland hat Kim Moskau seine Unterstützung zugesichert.",
     {"Russland": "LOC", "Kim": "PER", "Moskau": "LOC"}, {}, "2023-09-14",
     [("VISIT", "Besuch", {("Kim", "source"), ("Russland", "target")}, {"place": "Russland"}),
      ("SUPPORT", "Unterstützung", {("Kim", "source"), ("Moskau", "target")}, {})]),
    # eleventh session, from blind14's wrong events: people named by their origin are no actors
    ("demonym-no-actor", "Die türkische Polizei hat in Istanbul drei Russen festgenommen.",
     {"Istanbul": "LOC", "Russen": "PER"}, {}, "2024-01-01", [("ARREST", "festgenommen", {("Türkei", "source")}, {})]),
    ("demonym-no-speaker", "Der Deal war von den Schweizern angekündigt worden.", {"Schweizern": "ORG"}, {},
     "2024-01-01", []),
    # an article and one word taken for a name names nobody
    ("article-noun-no-speaker", "Die Notierung sei im September geplant, kündigte der Manager am Mittwoch an.",
     {"der Manager": "PER"}, {}, "2024-01-01", []),
    # "sich behaupten" holds its ground, it says nothing; "gestehen" reports
    ("reflexive-behaupten", "Weltweit behauptet sich Wien an der Spitze.", {"Wien": "LOC"}, {}, "2024-01-01", []),
    ("gestehen", "Wir waren nicht vorbereitet, gestand Hörmann.", {"Hörmann": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "gestand", {("Hörmann", "source")}, {})]),
    # "erklären ... zu" with an object predicate is a decree, not a statement; a time or a name before "zum" is no object
    ("decree", "Venezuelas Präsident Maduro erklärt Freitage zu Feiertagen.", {"Maduro": "PER", "Venezuelas": "LOC"}, {},
     "2024-01-01", []),
    ("decree-final", "Venezuela hat alle Freitage zu Feiertagen erklärt.", {"Venezuela": "LOC"}, {}, "2024-01-01", []),
    ("statement-zum", "Die Lage sei ernst, erklärte Merkel am Montag zum Auftakt des Gipfels.", {"Merkel": "PER"}, {},
     "2024-01-01", [("STATEMENT", "erklärte", {("Merkel", "source")}, {})]),
    # a subject without a name right after the verb: nobody named, not the names of the clause before
    ("unnamed-after-verb", "Am Montag sollen auch München und Frankfurt bestreikt werden, teilte die Gewerkschaft am "
     "Sonntag mit.", {"München": "LOC", "Frankfurt": "LOC"}, {}, "2024-01-01", []),
    ("named-after-quote", "Ein ähnlicher Vorfall sei 1995 passiert, berichtete die Zeitung „Times of India“.",
     {"Times of India": "ORG"}, {"1995": "1995"}, "2024-01-01", [("STATEMENT", "berichtete", {("Times of India", "source")}, {})]),
    ("unnamed-after-fronted", "Am Montag kaufte der Konzern die Firma Rheinmetall.", {"Rheinmetall": "ORG"}, {},
     "2024-01-01", [("ACQUIRE", "kaufte", {("Rheinmetall", "target")}, {})]),
    # an apposition's name inside a prepositional phrase is not the subject
    ("apposition-prep", "Mario Kowalski, Country Leader bei Oracle Deutschland, versprach gegenüber der DOAG, er helfe.",
     {"Mario Kowalski": "PER", "Oracle": "ORG", "Deutschland": "LOC", "DOAG": "ORG"}, {}, "2024-01-01",
     [("STATEMENT", "versprach", {("Mario Kowalski", "source"), ("DOAG", "target")}, {})]),
    # a place before a capitalised article is a dateline; "in ganz X" is a prepositional phrase; a pronoun right
    # after the verb is its subject; a capitalised adverb after a dateline opens the sentence
    ("dateline-article", "Berlin Die Bundeswehr hat den Kampf gegen den IS unterstützt.",
     {"Berlin": "LOC", "Bundeswehr": "ORG", "IS": "ORG"}, {}, "2024-01-01",
     [("SUPPORT", "unterstützt", {("Bundeswehr", "source")}, {})]),
    ("in-ganz", "In ganz Brasilien sind 404 Fälle bestätigt.", {"Brasilien": "LOC"}, {}, "2024-01-01", []),
    ("pronoun-after-verb", "FOCUS Online erzählt er, warum diese Entwicklung Jobs schafft.", {"FOCUS Online": "ORG"}, {},
     "2024-01-01", []),
    ("adverb-after-dateline", "Leipzig - Mitten im Weihnachtsgeschäft ruft die Gewerkschaft Verdi die Mitarbeiter von "
     "Amazon zum Streik auf.", {"Leipzig": "LOC", "Verdi": "ORG", "Amazon": "ORG"}, {}, "2024-01-01",
     [("PROTEST", "Streik", {("Verdi", "source"), ("Amazon", "target")}, {})]),
    # a noun whose genitive names its agent without a name does not take the clause's subject; a possessive does
    ("common-genitive-agent", "Neun Monate nach der Ankunft eines neuen Gesellschafters gab Michael Peters bekannt, "
     "dass der Sender wächst.", {"Michael Peters": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "gab", {("Michael Peters", "source")}, {})]),
    ("possessive-agent", "Nach seiner Ankunft in Moskau gab Michael Peters bekannt, dass der Sender wächst.",
     {"Michael Peters": "PER", "Moskau": "LOC"}, {}, "2024-01-01",
     [("TRAVEL", "Ankunft", {("Michael Peters", "source")}, {}), ("STATEMENT", "gab", {("Michael Peters", "source")}, {})]),
    # a name after a title noun in the genitive keeps its "s"
    ("genitive-title-name", "Nach der Übernahme des Konkurrenten E-Plus rechnet Telefónica mit Gegenwind.",
     {"E-Plus": "ORG", "Telefónica": "ORG"}, {}, "2024-01-01",
     [("ACQUIRE", "Übernahme", {("Telefónica", "source"), ("E-Plus", "target")}, {})]),
    # from blind15's wrong events (read after its first run with this session's rules): a strike's genitive is the
    # struck company unless it is a union; insured is not "versichert" as a statement; "als angekündigt" refers to
    # an announcement; an indefinite subject after the verb names nobody
    ("strike-genitive-company", "Schon 2015 haben Streiks der Lufthansa den Passagieren zugesetzt.", {"Lufthansa": "ORG"},
     {"2015": "2015"}, "2024-01-01", [("PROTEST", "Streiks", {("Lufthansa", "target")}, {})]),
    ("strike-genitive-union", "Der Streik der GDL dauerte drei Tage.", {"GDL": "ORG"}, {}, "2024-01-01",
     [("PROTEST", "Streik", {("GDL", "source")}, {})]),
    ("insured", "Der VfL Wolfsburg war gegen den Unfalltod versichert.", {"VfL Wolfsburg": "ORG"}, {}, "2024-01-01", []),
    ("als-angekuendigt", "Air France streicht weniger Jobs als angekündigt.", {"Air France": "ORG"}, {}, "2024-01-01", []),
    ("indefinite-after-verb", "AIG wolle 20 Prozent der Stellen streichen, berichtete ein Informant.", {"AIG": "ORG"}, {},
     "2024-01-01", []),
    # from blind16's wrong events (read after its first run): a reporting verb opening a clause after its content has
    # its subject after it, so a name in the content is not the speaker; an asyndetic report keeps the subject
    ("content-before-unnamed", "«Die Steilmann SE ist zahlungsunfähig», teilte das Unternehmen am Mittwoch mit.",
     {"Steilmann SE": "ORG"}, {"Mittwoch": "2024-01-03"}, "2024-01-01", []),
    ("content-before-bare", "Die EU komme ihrem Ziel näher, den Zustrom einzudämmen, berichteten Diplomaten in Brüssel.",
     {"EU": "ORG", "Brüssel": "LOC"}, {}, "2024-01-01", []),
    ("content-before-named", "«Die Stimmzettel bleiben gültig», sagte der Mitteilung zufolge Wahlleiter Ingo Happel.",
     {"Ingo Happel": "PER"}, {}, "2024-01-01", [("STATEMENT", "sagte", {("Ingo Happel", "source")}, {})]),
    ("asyndetic-report", "Zeindler sah sich in der Poleposition, verkündete stolz die Eröffnung.", {"Zeindler": "PER"}, {},
     "2024-01-01", [("STATEMENT", "verkündete", {("Zeindler", "source")}, {})]),
    # an auxiliary that already has its participle does not make a later clause's verb a participle
    ("closed-auxiliary", "Die Bauern werden davon negativ beeinflusst, erklärt Bürgermeister Heinrich Noggler.",
     {"Heinrich Noggler": "PER"}, {}, "2024-01-01", [("STATEMENT", "erklärt", {("Heinrich Noggler", "source")}, {})]),
    # a place's genitive right before a person is no actor of its own
    ("place-genitive-person", "„Er hat gespielt wie der Teufel“, sagte Finnlands Aleksander Barkov.",
     {"Finnlands": "LOC", "Aleksander Barkov": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "sagte", {("Aleksander Barkov", "source")}, {})]),
    # "sich etwas versprechen" is hoping, not a statement; rejecting responsibility denies; a hyphenated
    # description ("das TecDax-Unternehmen") names no speaker
    ("reflexive-versprechen", "Was Caine sich von der neuen Mutter verspricht.", {"Caine": "PER"}, {}, "2024-01-01", []),
    ("versprechen", "Merkel versprach den Griechen Hilfe.", {"Merkel": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "versprach", {("Merkel", "source")}, {})]),
    ("responsibility-denied", "Xelil wies jede Verantwortung für den Anschlag zurück.", {"Xelil": "PER"}, {},
     "2024-01-01", [("DENY", "wies", {("Xelil", "source")}, {})]),
    ("hyphenated-description", "Der Gewinn werde langsamer zulegen, teilte das TecDax-Unternehmen in München mit.",
     {"TecDax-Unternehmen": "ORG", "München": "LOC"}, {}, "2024-01-01", []),
    # thirteenth session, from blind14 to blind16's wrong events: a present participle after the speaker is no finite
    # verb ("einleitend"); a dative after a time word is no genitive of it; a dative after the speaker's apposition is
    # the addressee; a name, its apposition and "und" coordinate two names; two titles joined by "und" are one person's
    ("present-participle", "„Gott ist uns wichtig“, sagte Dekan Josef Knapp einleitend.", {"Josef Knapp": "PER"}, {},
     "2024-01-01", [("STATEMENT", "sagte", {("Josef Knapp", "source")}, {})]),
    ("dative-after-time", "Angaben folgen später, sagte ein Sprecher von Zwahlen & Mayr am Freitag der Nachrichtenagentur sda.",
     {"Zwahlen & Mayr": "ORG", "sda": "ORG"}, {"Freitag": "2024-01-05"}, "2024-01-01",
     [("STATEMENT", "sagte", {("Zwahlen & Mayr", "source"), ("sda", "target")}, {})]),
    ("addressee-after-apposition", "Das kann ich verstehen, sagte Frank Bohmann, Geschäftsführer des Verbandes HBL, "
     "der Deutschen Presse-Agentur.", {"Frank Bohmann": "PER", "HBL": "ORG", "Deutschen Presse-Agentur": "ORG"}, {},
     "2024-01-01", [("STATEMENT", "sagte", {("Frank Bohmann", "source"), ("Deutschen Presse-Agentur", "target")}, {})]),
    ("addressee-after-relative-clause", "Es gehe um die Freiheit, sagte der CSU-Politiker Straubinger, der für die "
     "Allianz tätig ist, der „Berliner Zeitung“.", {"Straubinger": "PER", "Allianz": "ORG", "Berliner Zeitung": "ORG"}, {},
     "2024-01-01", [("STATEMENT", "sagte", {("Straubinger", "source"), ("Berliner Zeitung", "target")}, {})]),
    ("coordination-across-apposition", "Roland Grießmair, Präsident der Bezirksgemeinschaft Pustertal, und die "
     "Landesrätin Waltraud Deeg dankten dem Verein.", {"Roland Grießmair": "PER", "Pustertal": "LOC", "Waltraud Deeg": "PER"},
     {}, "2024-01-01", [("SUPPORT", "dankten", {("Roland Grießmair", "source"), ("Waltraud Deeg", "source")}, {})]),
    ("titles-coordinated", "Das sei falsch, erklärte Klöckner nach Telefonaten mit Schäuble sowie Kanzlerin und "
     "CDU-Chefin Angela Merkel.", {"Klöckner": "PER", "Schäuble": "PER", "Angela Merkel": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "erklärte", {("Klöckner", "source")}, {}),
      ("MEET", "Telefonaten", {("Klöckner", "source"), ("Schäuble", "target"), ("Angela Merkel", "target")}, {})]),
    # a truncated compound before "/" keeps the phrase's preposition; a verb that opens its clause before a name is
    # finite, whatever auxiliary stood earlier; an acronym of the name before it is that name again
    ("slash-compound", "Vor dem Ausbau auf dem Luft-/Bodenschießplatz Nordhorn-Range hat Landrat Friedrich Kethorn gewarnt.",
     {"Nordhorn-Range": "LOC", "Friedrich Kethorn": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "gewarnt", {("Friedrich Kethorn", "source")}, {})]),
    ("verb-first-after-copula", "Für die Kunden heißt das: Hachez ist nichts Besonderes mehr, erklärt Burmann die Lage.",
     {"Hachez": "ORG", "Burmann": "PER"}, {}, "2024-01-01", [("STATEMENT", "erklärt", {("Burmann", "source")}, {})]),
    ("acronym-restated", "Die Lage sei fragil, sagte Steinmeier der Deutschen Presse-Agentur dpa.",
     {"Steinmeier": "PER", "Deutschen Presse-Agentur": "ORG", "dpa": "ORG"}, {}, "2024-01-01",
     [("STATEMENT", "sagte", {("Steinmeier", "source"), ("Deutschen Presse-Agentur", "target")}, {})]),
    # "zusammenfassen" is a statement, not "fassen" (ARREST); whoever has something explained to them
    # ("sich ... erläutern lassen") says nothing; the second of two verb phrases joined by "und" has no objects of the first
    ("zusammenfassen", "Hendrik Schütte, Leiter Marketing, fasst zusammen: Das Geschäft hat sich entwickelt.",
     {"Hendrik Schütte": "PER"}, {}, "2024-01-01", [("STATEMENT", "fasst", {("Hendrik Schütte", "source")}, {})]),
    ("explained-to", "Wie DSM funktioniert, hat sich Ministerin Aigner vor Ort bei UPM erläutern lassen.",
     {"DSM": "ORG", "Aigner": "PER", "UPM": "ORG"}, {}, "2024-01-01", []),
    ("second-verb-phrase", "Scholz schaute Hörmann bedauernd an und meinte: «Wir wünschen dem Sport alles Gute.»",
     {"Scholz": "PER", "Hörmann": "PER"}, {}, "2024-01-01", [("STATEMENT", "meinte", {("Scholz", "source")}, {})]),
    # "nominieren" needs a person nominated (not a film "für zwölf Oscars"); "übernehmen", "kaufen", "wählen" ... with
    # no actor at all are other senses ("übernimmt einen Kostenanteil"), unless a pronoun stands for the subject
    ("nominated-film", "Der Streifen ist für insgesamt zwölf Oscars nominiert.", {}, {}, "2024-01-01", []),
    ("nominated-person", "Die SPD hat Olaf Scholz nominiert.", {"SPD": "ORG", "Olaf Scholz": "PER"}, {}, "2024-01-01",
     [("LEADERSHIP", "nominiert", {("SPD", "source"), ("Olaf Scholz", "target")}, {})]),
    ("actorless-other-sense", "Die Gemeinde übernimmt einen Kostenanteil von 130.000 Euro.", {}, {}, "2024-01-01", []),
    ("actorless-pronoun", "Er gewann fünf Meistertitel, ehe er die Nationalmannschaft übernahm.", {}, {}, "2024-01-01",
     [("LEADERSHIP", "übernahm", set(), {})]),
    # "seit" opening a clause that ends in its finite verb before a comma is a subordinator, not a preposition
    ("seit-subordinate", "Seit der Hersteller Toms das Unternehmen 2012 übernahm, versucht er, den Betrieb umzubauen.",
     {"Toms": "ORG"}, {"2012": "2012"}, "2024-01-01", [("ACQUIRE", "übernahm", {("Toms", "source")}, {})]),
    ("seit-preposition", "Seit Montag streikt Verdi bei Amazon.", {"Verdi": "ORG", "Amazon": "ORG"},
     {"Montag": "2024-01-01"}, "2024-01-03", [("PROTEST", "streikt", {("Verdi", "source"), ("Amazon", "target")}, {})]),
    # a person's name in apposition right after an unnamed subject after the verb is the subject (the names inside
    # the unnamed phrase are its attributes); a dative right after that name is the addressee
    ("named-apposition", "Das fordert der Abgeordnete der Süd-Tiroler Freiheit, Sven Knoll, in einem Brief.",
     {"Süd-Tiroler Freiheit": "ORG", "Sven Knoll": "PER"}, {}, "2024-01-01", [("DEMAND", "fordert", {("Sven Knoll", "source")}, {})]),
    ("named-apposition-addressee", "Die Lage sei ruhig, sagte der Polizeichef von Kandahar, Sajed Agha Sakeb, "
     "der Nachrichtenagentur AFP.", {"Kandahar": "LOC", "Sajed Agha Sakeb": "PER", "AFP": "ORG"}, {}, "2024-01-01",
     [("STATEMENT", "sagte", {("Sajed Agha Sakeb", "source"), ("AFP", "target")}, {})]),
    ("named-apposition-before", "Der UN-Sonderberichterstatter für die Rechte von Migranten, François Crépeau, forderte "
     "die EU auf, die Einwanderung anders zu regeln.", {"François Crépeau": "PER", "EU": "ORG"}, {}, "2024-01-01",
     [("DEMAND", "forderte", {("François Crépeau", "source"), ("EU", "target")}, {})]),
    # a protest's target named only as a compound's first part; the protesters' own organisation ("Verdi-Mitglieder")
    # stays the source
    ("protest-compound-employer", "Die Amazon-Beschäftigten in Leipzig streiken.", {"Amazon": "ORG", "Leipzig": "LOC"},
     {}, "2024-01-01", [("PROTEST", "streiken", {("Amazon", "target")}, {})]),
    ("protest-compound-own", "Die Verdi-Mitglieder in Leipzig streiken.", {"Verdi": "ORG", "Leipzig": "LOC"},
     {}, "2024-01-01", [("PROTEST", "streiken", {("Verdi", "source")}, {})]),
    # after a relative clause on the sentence's first noun phrase, the verb's subject is that phrase (no name: none) and a
    # "der" phrase after the verb is the addressee
    ("subject-before-relative", "Die Gewerkschaft Verdi, die mehr Lohn verlangt, sagte der Berliner Morgenpost, dass es "
     "vorangehe.", {"Verdi": "ORG", "Berliner Morgenpost": "ORG"}, {}, "2024-01-01",
     [("DEMAND", "verlangt", {("Verdi", "source")}, {}),
      ("STATEMENT", "sagte", {("Verdi", "source"), ("Berliner Morgenpost", "target")}, {})]),
    ("unnamed-before-relative", "Der Architekt, der nicht genannt werden wollte, sagte der Berliner Morgenpost, dass es "
     "vorangehe.", {"Berliner Morgenpost": "ORG"}, {}, "2024-01-01", []),
    # a separable particle at the sentence's end after appositions without a verb still belongs to the verb
    # ("schreibt ... aus": ausschreiben, no statement); not after a dash or another verb
    ("particle-after-apposition", "Die Vitos GmbH schreibt für ihre Tochter, die Vitos Klinik Kassel GmbH, die Beschaffung "
     "eines Mikroskops aus.", {"Vitos GmbH": "ORG", "Vitos Klinik Kassel GmbH": "ORG"}, {}, "2024-01-01", []),
    ("particle-after-dash", "In den Vivantes-Kliniken wird gestreikt - am Dienstag legen ein paar Hundert die Arbeit nieder.",
     {"Vivantes": "ORG"}, {}, "2024-01-01", [("PROTEST", "gestreikt", {("Vivantes", "target")}, {}),
                                            ("PROTEST", "legen", set(), {})]),
    # a hyphen with a space before it, glued to the next word, joins a compound ("Ferrari -Teamchef"): no dash
    ("stray-space-compound", "Dies erklärte der ehemalige Ferrari -Teamchef Jean Todt nach einem Treffen mit Franziskus.",
     {"Ferrari": "ORG", "Jean Todt": "PER", "Franziskus": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "erklärte", {("Jean Todt", "source")}, {}),
      ("MEET", "Treffen", {("Jean Todt", "source"), ("Franziskus", "target")}, {})]),
    # and a hyphen glued to the name with a space after it ("SVP-Arbeitnehmer- Chef": a broken line's hyphen)
    ("stray-space-after-hyphen", "„Kreisky hatte maßgeblichen Anteil an der Lösung“, sagt SVP-Arbeitnehmer- Chef "
     "Christoph Gufler.", {"Kreisky": "PER", "SVP-Arbeitnehmer": "ORG", "Christoph Gufler": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "sagt", {("Christoph Gufler", "source")}, {})]),
    # "sowohl X als auch Y", "weder X noch Y": two-part coordinators join the names ("Sowohl" is no title)
    ("sowohl-als-auch", "Sowohl Andergassen als auch Durnwalder hoben die historische Bedeutung hervor.",
     {"Andergassen": "PER", "Durnwalder": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "hoben", {("Andergassen", "source"), ("Durnwalder", "source")}, {})]),
    ("weder-noch", "Weder Merkel noch Putin kritisierten den Vertrag.", {"Merkel": "PER", "Putin": "PER"}, {},
     "2024-01-01", [("CRITICIZE", "kritisierten", {("Merkel", "source"), ("Putin", "source")},
                     {"modality": "negated"})]),
    # one constituent stands before the finite verb: a phrase between the subject and the verb is the subject's
    ("forefield-attribute", "Der Verein Fotoclub Passeier mit seinem Präsidenten Klaus Gufler traf sich in Meran.",
     {"Fotoclub Passeier": "ORG", "Klaus Gufler": "PER", "Meran": "LOC"}, {}, "2024-01-01",
     [("MEET", "traf", {("Fotoclub Passeier", "source")}, {})]),
    ("forefield-after-verb", "Der Fotoclub Passeier traf sich mit Klaus Gufler.",
     {"Fotoclub Passeier": "ORG", "Klaus Gufler": "PER"}, {}, "2024-01-01",
     [("MEET", "traf", {("Fotoclub Passeier", "source"), ("Klaus Gufler", "target")}, {})]),
    # a past form between the sentence's first article (not "Das") and a common noun is an adjective
    ("opening-attribute", "Der unterzeichnete Direktor der Schweiz.", {"Schweiz": "LOC"}, {}, "2024-01-01", []),
    ("opening-verb", "Der Vorstand unterzeichnete den Vertrag mit Siemens.", {"Siemens": "ORG"}, {}, "2024-01-01",
     [("AGREE", "unterzeichnete", {("Siemens", "target")}, {})]),
    # "festsetzen" is an arrest only with a named person held; a date or an amount is only fixed
    ("festsetzen-date", "Die folgende Sitzung ist auf den 22. Juni festgesetzt.", {}, {}, "2024-01-01", []),
    ("festsetzen-person", "Die Polizei hat Hans Müller am Flughafen festgesetzt.", {"Hans Müller": "PER"}, {},
     "2024-01-01", [("ARREST", "festgesetzt", {("Hans Müller", "target")}, {})]),
    # signing a decree, a law or a proclamation alone is no agreement between parties
    ("unterzeichnen-decree", "Präsident Wilson unterzeichnete eine Proklamation über die Seekabel.", {"Wilson": "PER"},
     {}, "2024-01-01", []),
    ("unterzeichnen-treaty", "Präsident Wilson unterzeichnete den Vertrag mit Mexiko.", {"Wilson": "PER", "Mexiko": "LOC"},
     {}, "2024-01-01", [("AGREE", "unterzeichnete", {("Wilson", "source"), ("Mexiko", "target")}, {})]),
    # coordinated country adjectives before a state collective, and one after another adjective
    ("country-adjectives-coordinated", "Die französischen und britischen Flieger bombardierten feindliche Lager.", {},
     {}, "2024-01-01", [("ATTACK", "bombardierten", {("Frankreich", "source"), ("Großbritannien", "source")}, {})]),
    ("country-adjective-after-adjective", "Die neue russische Regierung hat die Ukraine angegriffen.",
     {"Ukraine": "LOC"}, {}, "2024-01-01",
     [("ATTACK", "angegriffen", {("Russland", "source"), ("Ukraine", "target")}, {})]),
    # approving an event noun: its parties are the targets; not a noun in a prepositional phrase
    ("judged-parties", "Gabriel wird die Übernahme der Kette Tengelmann durch den Konzern Edeka billigen.",
     {"Gabriel": "PER", "Tengelmann": "ORG", "Edeka": "ORG"}, {}, "2024-01-01",
     [("ACQUIRE", "Übernahme", {("Edeka", "source"), ("Tengelmann", "target")}, {}),
      ("ACCEPT", "billigen", {("Gabriel", "source"), ("Tengelmann", "target"), ("Edeka", "target")}, {})]),
    ("judged-parties-pp", "Gabriel stimmte nach der Übernahme von Tengelmann durch Edeka zu.",
     {"Gabriel": "PER", "Tengelmann": "ORG", "Edeka": "ORG"}, {}, "2024-01-01",
     [("ACCEPT", "stimmte", {("Gabriel", "source")}, {}),
      ("ACQUIRE", "Übernahme", {("Edeka", "source"), ("Tengelmann", "target")}, {})]),
    # "bestreiten" is a denial with someone denying or a claim denied, not a contested proposal or election
    ("bestreiten-contested", "Dieser Antrag wurde heftig bestritten.", {}, {}, "2024-01-01", []),
    ("bestreiten-allegation", "Die Vorwürfe wurden bestritten.", {}, {}, "2024-01-01",
     [("DENY", "bestritten", set(), {})]),
    # Fraktur OCR spells "Ich" as "Jch": a tagger that takes it for a name gives no speaker
    ("ocr-pronoun", "Jch gebe hiermit die Namen bekannt.", {"Jch": "PER"}, {}, "2024-01-01", []),
    # an inflected word between a preposition and its noun is no verb
    ("preposition-adjective", "Das Haus ist unter billigen Bedingungen zu verkaufen.", {}, {}, "2024-01-01", []),
    ("preposition-determiner", "Müller begab sich nach einigen Tagen nach Berlin.", {"Müller": "PER", "Berlin": "LOC"},
     {}, "2024-01-01", []),
    # "sich erschießen", "sich umbringen": a suicide, no attack
    ("suicide", "Paul Holzmann hat sich in seiner Wohnung erschossen.", {"Paul Holzmann": "PER"}, {}, "2024-01-01", []),
    ("shooting", "Paul Holzmann hat den Wirt in seiner Wohnung erschossen.", {"Paul Holzmann": "PER"}, {}, "2024-01-01",
     [("ATTACK", "erschossen", {("Paul Holzmann", "source")}, {})]),
    # a passive whose participle alone closes the clause after an apposition: the subject is the target
    ("passive-after-apposition", "Zum Pfarrverweser in Fischenthal wird Hr. E. Winkler, V. D. M., ernannt.",
     {"E. Winkler": "PER", "Fischenthal": "LOC"}, {}, "2024-01-01",
     [("LEADERSHIP", "ernannt", {("E. Winkler", "target")}, {})]),
    # ... or a prepositional phrase set off by a comma and the participle; after a dash a noun phrase
    # without a name opens a new subject, so the name of the clause before is no actor
    ("passive-after-prepositional-phrase", "Müller wurde gestern, nach kurzer Flucht festgenommen.", {"Müller": "PER"},
     {}, "2024-01-01", [("ARREST", "festgenommen", {("Müller", "target")}, {})]),
    ("subject-after-dash", "Köln kommt also nur in die erste Klasse, — Der Antrag, Glogau in die erste Klasse zu "
     "bringen, wird ebenfalls, mit 10 gegen 12 Stimmen abgelehnt.", {"Köln": "LOC", "Glogau": "LOC"}, {}, "2024-01-01",
     [("REJECT", "abgelehnt", set(), {})]),
    ("verb-first-after-passive", "Die Bürger werden davon negativ beeinflusst, erklärt Bürgermeister Heinrich Noggler.",
     {"Heinrich Noggler": "PER"}, {}, "2024-01-01", [("STATEMENT", "erklärt", {("Heinrich Noggler", "source")}, {})]),
    # "sein" with the participle of a verb that takes "haben" is a passive; with one that takes "sein" a perfect
    ("stative-passive", "Johann Brandl war wegen Betrugs angeklagt.", {"Johann Brandl": "PER"}, {}, "2024-01-01",
     [("ACCUSE", "angeklagt", {("Johann Brandl", "target")}, {})]),
    ("sein-perfect", "Putin ist nach Pjöngjang gereist.", {"Putin": "PER", "Pjöngjang": "LOC"}, {}, "2024-01-01",
     [("TRAVEL", "gereist", {("Putin", "source")}, {})]),
    # killed by a vehicle: an accident, no attack
    ("vehicle-accident", "Karl Amon wurde von einem Lastwagen überfahren und getötet.", {"Karl Amon": "PER"}, {},
     "2024-01-01", []),
    # an envoy is the state's agent; not when the trigger itself qualifies him
    ("envoy", "Der türkische Gesandte lehnte die Vorschläge ab.", {}, {}, "2024-01-01",
     [("REJECT", "lehnte", {("Türkei", "source")}, {})]),
    ("envoy-appointed", "Das zeigt die Art, in welcher kürzlich der neu ernannte französische Gesandte bei den "
     "Hansestädten von seinem Posten Besitz nahm.", {"Hansestädten": "LOC"}, {}, "2024-01-01",
     [("LEADERSHIP", "ernannte", set(), {})]),
    # an adjective and a noun opening the sentence are its subject, a country adjective with a collective too
    ("adjective-opens-subject", "Weitere Soldaten griffen Charkiw an.", {"Charkiw": "LOC"}, {}, "2024-01-01",
     [("ATTACK", "griffen", {("Charkiw", "target")}, {})]),
    ("country-adjective-opens", "Russische Truppen griffen Charkiw an.", {"Charkiw": "LOC"}, {}, "2024-01-01",
     [("ATTACK", "griffen", {("Russland", "source"), ("Charkiw", "target")}, {})]),
    ("object-first-dessen", "Dessen Leitung übernimmt der IT-Berater Carsten Zieminski.", {"Carsten Zieminski": "PER"},
     {}, "2024-01-01", [("LEADERSHIP", "übernimmt", {("Carsten Zieminski", "source")}, {})]),
    # a time expression before a name ends the name's phrase: no preposition governs the name
    ("time-before-name", "Die Soldaten erschossen am Montag Peter Müller.", {"Peter Müller": "PER"},
     {"am Montag": "2024-01-01"}, "2024-01-03", [("ATTACK", "erschossen", {("Peter Müller", "target")}, {})]),
    # attacking a policy is criticism; a virtue that "demands" demands nothing
    ("attack-policy", "Merkel griff die Politik der Regierung scharf an.", {"Merkel": "PER"}, {}, "2024-01-01",
     [("CRITICIZE", "griff", {("Merkel", "source")}, {})]),
    ("abstract-subject", "Die Gerechtigkeit verlangt, dass wir uns nach ihm umsehen.", {}, {}, "2024-01-01", []),
    # a dateline before a date and a dash is no subject
    ("dateline-date", "Kronberg im Taunus / München, 29.02.2016 - Der geilste Tag, die neueste Produktion der "
     "Pantaleon AG, hat die Erwartungen bestätigt.",
     {"Kronberg im Taunus": "LOC", "München": "LOC", "Pantaleon AG": "ORG"}, {"29.02.2016": "2016-02-29"}, "2024-01-01", []),
    # "sein" with the participle of a verb whose perfect takes "haben" is a passive: its subject is the target
    ("stative-passive-any-verb", "Venloo ist von Frankreich angegriffen.", {"Venloo": "LOC", "Frankreich": "LOC"}, {},
     "1830-01-01", [("ATTACK", "angegriffen", {("Frankreich", "source"), ("Venloo", "target")}, {})]),
    ("stative-passive-target", "Die Türkei ist bedroht.", {"Türkei": "LOC"}, {}, "1830-01-01",
     [("THREATEN", "bedroht", {("Türkei", "target")}, {})]),
    ("sein-perfect-coordinated", "Gastrini war im Herbst aufgetaucht und hatte den Ermittlern erklärt, er habe "
     "neue Informationen.", {"Gastrini": "PER"}, {}, "2024-01-01", [("STATEMENT", "erklärt", {("Gastrini", "source")}, {})]),
    # a verb whose stem is also an adjective, used as the adjective
    ("homograph-adjective-noun", "Einzelne Gegenstände zu sehr billigen Preisen.", {}, {}, "1900-01-01", []),
    ("homograph-adjective-und", "Casals bewahrte die Erinnerung an eine alte, sehr würdige und kühle Lady.", {"Casals": "PER"},
     {}, "1900-01-01", []),
    ("homograph-superlative", "Für gute Speisen und Getränke wird bestens und billigst gesorgt.", {}, {}, "1900-01-01", []),
    ("homograph-verb", "Der Kongress wird die Übernahme von Tengelmann durch Edeka billigen.",
     {"Tengelmann": "ORG", "Edeka": "ORG"}, {}, "2016-01-01",
     [("ACQUIRE", "Übernahme", {("Edeka", "source"), ("Tengelmann", "target")}, {}),
      ("ACCEPT", "billigen", {("Edeka", "target"), ("Tengelmann", "target")}, {})]),
    # "nennen" and "bezeichnen" as naming: a participle without "haben", a reflexive, "ihr Eigen nennen"
    ("naming-participle", "Ulrich von Taufers hatte zwei Söhne, wieder Ulrich und Hugo genannt.",
     {"Ulrich von Taufers": "PER", "Ulrich": "PER", "Hugo": "PER"}, {}, "1900-01-01", []),
    ("naming-reflexive", "Die Opposition, die sich Schwarze Front nennt, gibt eine Zeitung heraus.",
     {"Schwarze Front": "ORG"}, {}, "1900-01-01", []),
    ("naming-eigen", "Die Vereinigten Staaten, deren Waldreichtum schon sehr zusammengeschmolzen ist, nennen noch "
     "immerhin mehr als 220 Millionen Hektar ihr Eigen.",
     {"Vereinigten Staaten": "LOC"}, {}, "1900-01-01", []),
    ("naming-perfect", "Merkel hat die Zahl genannt.", {"Merkel": "PER"}, {}, "2024-01-01",
     [("STATEMENT", "genannt", {("Merkel", "source")}, {})]),
    ("naming-present", "Preiss bezeichnet den Landesausschuss als eine Art Deckmantel.", {"Preiss": "PER"}, {},
     "1900-01-01", [("STATEMENT", "bezeichnet", {("Preiss", "source")}, {})]),
    # an active "fassen" arrests only a named target; a passive one needs none; "Beschluß" is "Beschluss"
    ("fassen-goods", "Wir müssen in San Bernardino Benzin fassen.", {"San Bernardino": "LOC"}, {}, "1930-01-01", []),
    ("fassen-named", "Die Polizei fasste Peter Müller in Bozen.", {"Peter Müller": "PER", "Bozen": "LOC"}, {},
     "2024-01-01", [("ARREST", "fasste", {("Peter Müller", "target")}, {})]),
    ("fassen-passive", "Dass zwei Albaner gefasst werden konnten, ist der Polizei zu verdanken.", {}, {}, "2024-01-01",
     [("ARREST", "gefasst", set(), {})]),
    ("old-spelling-list", "Der Beschluß des Europäischen Parlaments muss nun durch den Europäischen Rat bestätigt werden.",
     {"Europäischen Parlaments": "ORG", "Europäischen Rat": "ORG"}, {}, "2010-01-01",
     [("ACCEPT", "bestätigt", {("Europäischen Rat", "source")}, {})]),
    # a mention that is only a form of address takes the name after it, or is dropped before a tagged name
    ("address-extends", "Zu Beginn bat Dr. Mandl für seinen Clienten um die Erlaubniß.", {"Dr": "PER"}, {}, "1900-01-01",
     [("DEMAND", "bat", {("Dr. Mandl", "source")}, {})]),
    ("address-dropped", "Der Minister ernannte den Bahnkonzipisten Dr. Wilhelm Rottleuthner zum Bahnkommissär.",
     {"Dr": "PER", "Wilhelm Rottleuthner": "PER"}, {}, "1900-01-01",
     [("LEADERSHIP", "ernannte", {("Wilhelm Rottleuthner", "target")}, {})]),
    # a street with its house number is an address, not an actor
    ("street-address", "Ein Konkursantrag gegen die Firma Winkler, 3. Bez., Auenbruggergasse 2, wurde abgewiesen.",
     {"Auenbruggergasse": "LOC"}, {}, "1900-01-01", [("REJECT", "abgewiesen", set(), {})]),
    # a state protests with words: criticism; rejecting a protest, a demand or criticism targets its parties
    ("state-protest", "Moskau lehnt den japanischen Protest ab.", {"Moskau": "LOC"}, {}, "1938-01-01",
     [("REJECT", "lehnt", {("Moskau", "source"), ("Japan", "target")}, {}),
      ("CRITICIZE", "Protest", {("Japan", "source")}, {})]),
    ("state-protests", "Japan protestierte gegen die Verhaftung.", {"Japan": "LOC"}, {}, "1938-01-01",
     [("CRITICIZE", "protestierte", {("Japan", "source")}, {})]),
    # nobody named and a present modal of ability or need: what may or must happen, not an event
    ("modal-generic", "Der Staat kann die Genehmigung verweigern, wenn der Gehalt nicht hinreichend ist.", {}, {},
     "1900-01-01", []),
    ("modal-generic-passive", "In einzelnen Betrieben müssen Ausnahmen bewilligt werden.", {}, {}, "1900-01-01", []),
    ("modal-past-happened", "Der Mörder konnte gestern vormittags auf der Wieden verhaftet werden.", {}, {}, "1900-01-01",
     [("ARREST", "verhaftet", set(), {})]),
    # "werben" as the OCR of "werden"; "sich helfen"; a suicide whose "sich" stands before appositions
    ("ocr-werben", "Der Nachschub kann durch Flugzeuge für die Heeresreserve bewerkstelligt werben.", {}, {}, "1915-01-01", []),
    ("ocr-werben-closing", "Die Mitglieder der Kammer werben von der Kammer für die Dauer ernannt.", {}, {},
     "1850-01-01", [("LEADERSHIP", "ernannt", set(), {})]),
    ("werben-guard", "Kirijenko hatte stark für eine Kooperation mit den USA geworben.", {"Kirijenko": "PER", "USA": "LOC"},
     {}, "2024-01-01", [("SUPPORT", "geworben", {("Kirijenko", "source")}, {})]),
    ("reflexive-helfen", "Frankreich half sich da auch praktischer.", {"Frankreich": "LOC"}, {}, "1900-01-01", []),
    ("suicide-apposition", "Der 44 Jahre alte Paul Holzmann, Kupferdrucker in der Nationalbank, hat sich heute Morgens "
     "in seiner Wohnung, Josephstadt, Stolzenthalergasse Nr. 8, erschossen.", {"Paul Holzmann": "PER", "Josephstadt": "PER"}, {}, "1900-01-01", []),
    ("modal-in-zu-infinitive", "Die Räte glaubten zustimmen zu müssen, weil die Ausführung Arbeit schafft.", {}, {},
     "1900-01-01", [("ACCEPT", "zustimmen", set(), {})]),
    # seventeenth session: a phrase after "und" continues an unnamed prepositional first conjunct
    ("coordinated-agent", "Der Konzern wurde von der Regierung und dem Verband Gesamtmetall kritisiert.",
     {"Gesamtmetall": "ORG"}, {}, "2016-03-01",
     [("CRITICIZE", "kritisiert", {("Gesamtmetall", "source")}, {})]),
    ("coordinated-agent-contracted", "Die Pläne wurden vom Land und der Stiftung Sparkasse unterstützt.",
     {"Stiftung Sparkasse": "ORG"}, {}, "2016-03-01",
     [("SUPPORT", "unterstützt", {("Stiftung Sparkasse", "source")}, {})]),
    ("coordinated-other-case", "Helga Holzer dankte dem Referenten für seine Ausführungen und den KVW Frauen für die Trägerschaft.",
     {"Helga Holzer": "PER", "KVW Frauen": "ORG"}, {}, "2016-03-01",
     [("SUPPORT", "dankte", {("Helga Holzer", "source"), ("KVW Frauen", "target")}, {})]),
    ("aid-adverb", "Die Ferien wurden von der Stiftung Sparkasse finanziell unterstützt.",
     {"Stiftung Sparkasse": "ORG"}, {}, "2016-03-01",
     [("AID", "unterstützt", {("Stiftung Sparkasse", "source")}, {})]),
    ("support-no-aid-adverb", "Die Grünen unterstützen den Vorschlag ausdrücklich.",
     {"Grünen": "ORG"}, {}, "2016-03-01",
     [("SUPPORT", "unterstützen", {("Grünen", "source")}, {})]),
    # a participle set off by commas after the name that opens the sentence: the name is its target
    ("apposed-participle", "Merkel, unterstützt von Macron, forderte neue Sanktionen.", {"Merkel": "PER", "Macron": "PER"},
     {}, "2016-03-01", [("SUPPORT", "unterstützt", {("Macron", "source"), ("Merkel", "target")}, {}),
                        ("DEMAND", "forderte", {("Merkel", "source")}, {})]),
    ("apposed-participle-alone", "Herr Müller, aufgefordert, sich näher zu äußern, erklärte, er habe keine Absicht gehabt.",
     {"Müller": "PER"}, {}, "1900-01-01", [("DEMAND", "aufgefordert", {("Müller", "target")},
                                            {"modality": "asserted", "attribution": None}),  # the writer's aside
                                           ("STATEMENT", "erklärte", {("Müller", "source")}, {})]),
    ("apposition-before-participle", "Am Mittwoch hat die neue Eigentümerin, General Electric, mitgeteilt, 1300 Stellen zu "
     "streichen.", {"General Electric": "ORG"}, {}, "2016-03-01",
     [("STATEMENT", "mitgeteilt", {("General Electric", "source")}, {})]),
    ("apposition-in-subordinate", "Wie der Chronist, Dietrich von Niem, berichtet, war der Winter kalt.",
     {"Dietrich von Niem": "PER"}, {}, "1900-01-01", [("STATEMENT", "berichtet", {("Dietrich von Niem", "source")}, {})]),
    # a list of names between commas is one clause: its last item does not become the verb's subject
    ("list-of-names-one-clause", "Die Gewerkschaft Verdi will am Mittwoch an den Flughäfen München, Frankfurt, Köln/Bonn, "
     "Dortmund und Hannover Warnstreiks durchführen.",
     {"Verdi": "ORG", "München": "LOC", "Frankfurt": "LOC", "Köln/Bonn": "LOC", "Dortmund": "LOC", "Hannover": "LOC"},
     {"am Mittwoch": "2016-03-02"}, "2016-03-01", [("PROTEST", "Warnstreiks", {("Verdi", "source")}, {})]),
    # an infinitive before "zu lassen": the name in its clause is the object
    ("zu-lassen-object", "Sein Sohn wäre fähig, auch Hindenburg verhaften zu lassen.", {"Hindenburg": "PER"}, {},
     "1932-06-01", [("ARREST", "verhaften", {("Hindenburg", "target")}, {})]),
    # a capitalised country adjective the tagger took for a name names the country
    ("country-adjective-as-name", "Französische Soldaten haben in Mali zehn Kämpfer getötet.",
     {"Französische": "LOC", "Mali": "LOC"}, {}, "2016-03-01", [("ATTACK", "getötet", {("Frankreich", "source")}, {})]),
    # a bare participle ends an event noun's phrase: "von Indian Wells" belongs to the later "Posten"
    ("noun-phrase-ends-at-participle", "Raymond Moore hat nach seiner Macho-Attacke die Konsequenzen gezogen und seinen "
     "Posten als Direktor des Turniers von Indian Wells niedergelegt.",
     {"Raymond Moore": "PER", "Indian Wells": "ORG"}, {}, "2016-03-22", []),
    # the owner of the judged or demanded thing is the target; not a genitive of the subject's noun
    ("object-owner-target", "Wettbewerbshüter kritisieren die Entscheidung von Wirtschaftsminister Gabriel, die Fusion "
     "zu erlauben.", {"Wettbewerbshüter": "ORG", "Gabriel": "PER"}, {}, "2016-03-18",
     [("CRITICIZE", "kritisieren", {("Wettbewerbshüter", "source"), ("Gabriel", "target")}, {})]),
    ("object-owner-genitive", "Die CSU fordert einen Kurswechsel der Kanzlerin Angela Merkel.",
     {"CSU": "ORG", "Angela Merkel": "PER"}, {}, "2016-03-18",
     [("DEMAND", "fordert", {("CSU", "source"), ("Angela Merkel", "target")}, {})]),
    # a body named by a common noun the tagger leaves untagged is an organisation
    ("institution-subject", "Schließlich stimmte der Ministerrat einer Verordnung über Zeitungen zu.", {}, {},
     "1933-06-01", [("ACCEPT", "stimmte", {("Ministerrat", "source")}, {})]),
    ("institution-agent-genitive", "Kapitän Lux wurde vom Reichsgericht zu sechs Jahren Festungshaft verurteilt.",
     {"Lux": "PER"}, {}, "1933-06-01", [("ARREST", "verurteilt", {("Reichsgericht", "source"), ("Lux", "target")}, {})]),
    ("institution-title-before-name", "Regierungsrath Dr. Müller lehnte den Antrag ab.", {"Dr. Müller": "PER"}, {},
     "1900-06-01", [("REJECT", "lehnte", {("Dr. Müller", "source")}, {})]),
    # a verb after a comma and "und" shares the subject; it does not follow a reported content
    ("comma-und-second-verb", "Dr. Locher erbietet sich, die Petition auszuarbeiten, und kritisiert die Versammlung.",
     {"Dr. Locher": "PER"}, {}, "1869-06-01", [("CRITICIZE", "kritisiert", {("Dr. Locher", "source")}, {})]),
    ("protest-of-employees", "Siemens baut Stellen ab. Der Protest von Siemens-Beschäftigten war erfolgreich.",
     {"Siemens": "ORG"}, {}, "2016-03-01", [("PROTEST", "Protest", {("Siemens", "target")}, {})]),
    # an approval that something needs or depends on has not happened
    ("required-approval-no-event", "Die Abtretung soll der Genehmigung des Bundesrathes bedürfen.", {}, {}, "1870-06-01", []),
    ("conditional-on-approval-no-event", "Jede Abtretung wird an die Genehmigung des Bundesrathes geknüpft.", {}, {},
     "1870-06-01", []),
    ("object-owner-demand-person", "Schlegl fordert eine frühe Einbindung von ICOMOS.",
     {"Schlegl": "PER", "ICOMOS": "ORG"}, {}, "2016-03-18", [("DEMAND", "fordert", {("Schlegl", "source")}, {})]),
    ("object-owner-not-subject-noun", "Das fordert der Abgeordnete der Süd-Tiroler Freiheit, Sven Knoll, in einem Brief.",
     {"Süd-Tiroler Freiheit": "ORG", "Sven Knoll": "PER"}, {}, "2016-03-18",
     [("DEMAND", "fordert", {("Sven Knoll", "source")}, {})]),
    ("wie-participle-aside", "Ob Edeka und Tengelmann wie geplant fusionieren werden, ist noch offen.",
     {"Edeka": "ORG", "Tengelmann": "ORG"}, {}, "2016-03-18",
     [("ACQUIRE", "fusionieren", {("Edeka", "source"), ("Tengelmann", "source")}, {})]),
    ("modal-moechte-and-merger-partner", "Die Deutsche Börse möchte mit der London Stock Exchange fusionieren.",
     {"Deutsche Börse": "ORG", "London Stock Exchange": "ORG"}, {}, "2016-03-18",
     [("ACQUIRE", "fusionieren", {("Deutsche Börse", "source"), ("London Stock Exchange", "target")}, {})]),
    ("acquire-mit-partners", "Delticom erwirbt mit Gourmondo und ES Food zwei Spezialisten für Lebensmittelhandel.",
     {"Delticom": "ORG", "Gourmondo": "ORG", "ES Food": "ORG"}, {}, "2016-03-18",
     [("ACQUIRE", "erwirbt", {("Delticom", "source"), ("Gourmondo", "target"), ("ES Food", "target")}, {})]),
    # an auxiliary inside a relative clause does not make a later main verb a participle
    ("aux-in-relative-clause", "Hr. Müller erklärt, er habe nur die Absicht gehabt, den Mitgliedern, welche der Sprache "
     "weniger mächtig sein können, das Verständnis zu erleichtern, worauf Hr. Jonas den Antrag unterstützt.",
     {"Müller": "PER", "Jonas": "PER"}, {}, "1870-06-01",
     [("STATEMENT", "erklärt", {("Müller", "source")}, {}), ("SUPPORT", "unterstützt", {("Jonas", "source")}, {})]),
    # a present tense with a changed vowel is no participle; the second of two joined verbs takes the first one's subject
    ("second-verb-present-tense", "Comcast, der 2009 NBC Universal übernommen hat, legt 3,8 Milliarden auf den Tisch "
     "und übernimmt Dreamworks Animation.", {"Comcast": "ORG", "NBC Universal": "ORG", "Dreamworks Animation": "ORG"},
     {}, "2016-03-18", [("ACQUIRE", "übernommen", {("Comcast", "source"), ("NBC Universal", "target")}, {}),
                        ("ACQUIRE", "übernimmt", {("Comcast", "source"), ("Dreamworks Animation", "target")}, {})]),
    ("und-verb-after-subordinate-clause", "Minister Geschow gibt seinem Bedauern Ausdruck, daß es im Parlament zu "
     "Angriffen gekommen sei, und erklärt, das Vorgehen sei falsch.", {"Geschow": "PER"}, {}, "1913-03-01",
     [("STATEMENT", "erklärt", {("Geschow", "source")}, {})]),
    ("draengen-with-pronoun-subject", "Und zudem möchten sie die Westmächte zum ersten Schritt drängen.",
     {"Westmächte": "ORG"}, {}, "1950-03-01", [("DEMAND", "drängen", {("Westmächte", "target")}, {})]),
    ("acronym-is-no-subordinator", "Wie berichtet hat Lütkes die drei OB am Montag scharf kritisiert.",
     {"Lütkes": "PER"}, {}, "2016-03-18", [("CRITICIZE", "kritisiert", {("Lütkes", "source")}, {})]),
]


def _events(text, names, times, published):
    art = article(text, names, times=times, published=published)
    return art, EXTRACTOR(art).events


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_extractor_finds_expected_events(case):
    _, text, names, times, published, expected = case
    art, events = _events(text, names, times, published)
    got = [(e.type, art.text[e.trigger.start:e.trigger.end], {(a.name, a.role) for a in e.actors}) for e in events]
    assert [g for g in got] == [(t, trig, actors) for t, trig, actors, _ in expected], got
    for event, (_, _, _, checks) in zip(events, expected):
        if "place" in checks:
            assert event.place == checks["place"]
        if "time" in checks:
            assert (event.time.value, event.time.precision) == checks["time"]
        if "modality" in checks:
            assert event.modality == checks["modality"]
        if "attribution" in checks:
            assert event.attribution == checks["attribution"]


def test_extractor_skips_captions_and_verbless_headlines():
    art = article("Putin und Kim in Wostotschny: Treffen der Machthaber\n"
                  "Der russische Präsident Wladimir Putin beim Besuch des Kosmodroms. © Foto/Imago\n",
                  {"Putin": "PER", "Kim": "PER", "Wostotschny": "LOC", "Wladimir Putin": "PER"})
    assert EXTRACTOR(art).events == ()


def test_extractor_headline_with_verb_yields_event():
    art = article("Putin nimmt Einladung nach Nordkorea an\nDer Text folgt.", {"Putin": "PER", "Nordkorea": "LOC"})
    events = EXTRACTOR(art).events
    assert [(e.type, [(a.name, a.role) for a in e.actors]) for e in events] == [("ACCEPT", [("Putin", "source")])]


def test_extractor_options_restrict_types_and_statements():
    text = "Kim lud Putin ein, teilte KCNA mit."
    names = {"Kim": "PER", "Putin": "PER", "KCNA": "ORG"}
    only = EventExtractor(ExtractorOptions(types=("INVITE",)))(article(text, names)).events
    assert [e.type for e in only] == ["INVITE"]
    quiet = EventExtractor(ExtractorOptions(statements=False))(article(text, names)).events
    assert [e.type for e in quiet] == ["INVITE"]


def test_extractor_english_svo():
    art = article("Putin met Kim in Vladivostok.", {"Putin": "PER", "Kim": "PER", "Vladivostok": "LOC"}, lang="en")
    assert _typed(art) == [("MEET", {("Putin", "source"), ("Kim", "target")})]


def test_extractor_without_sentences_splits_itself():
    art = article("Putin besuchte Pjöngjang.", {"Putin": "PER", "Pjöngjang": "LOC"}).replace(sentences=())
    assert [e.type for e in EXTRACTOR(art).events] == ["VISIT"]


def test_extractor_empty_article():
    art = article("", {})
    assert EXTRACTOR(art).events == ()


def test_institutions_are_organisation_mentions():
    from chronik.events.mentions import institutions
    from chronik.model import Mention

    names = frozenset({"Bundesrath", "Ministerrat", "Regierungsrath", "Unterhaus"})
    text = "Der Ministerrat folgte der Genehmigung des Bundesrathes; Regierungsrath Dr. Weber und das Unterhaus."
    weber = Mention(start=text.index("Dr. Weber"), end=text.index("Dr. Weber") + 9, label="PER")
    found = [(text[m.start:m.end], m.label) for m in institutions(text, [weber], names)]
    # the genitive ending stays outside; the title before a tagged name is none
    assert found == [("Ministerrat", "ORG"), ("Bundesrath", "ORG"), ("Unterhaus", "ORG")]
    inside = Mention(start=text.index("Ministerrat"), end=text.index("Ministerrat") + 11, label="ORG")
    assert [text[m.start:m.end] for m in institutions(text, [inside, weber], names)] == ["Bundesrath", "Unterhaus"]


def test_organisation_named_by_its_place_is_not_split():
    from chronik.events.mentions import repair
    from chronik.model import Mention

    # "Universität" and "Bozen" are tagged alone elsewhere, but "Universität Bozen" is one organisation
    text = "Die Universität lädt ein. Bozen feiert. Die Stadt Bozen und die Universität Bozen arbeiten zusammen."
    spans = [("Universität", "ORG", 0), ("Bozen", "LOC", 0), ("Bozen", "LOC", text.index("Stadt")),
             ("Universität Bozen", "ORG", 20)]
    mentions = tuple(sorted((Mention(start=text.index(s, at), end=text.index(s, at) + len(s), label=lab)
                             for s, lab, at in spans), key=lambda m: m.start))
    assert [text[m.start:m.end] for _, m in repair(text, mentions)][-1] == "Universität Bozen"


def test_form_of_address_tagged_alone_elsewhere_does_not_split_a_name():
    from chronik.events.mentions import repair
    from chronik.model import Mention

    text = "Dr. sprach zuerst. Die Beamten forderten die Arbeiter zur Wahl Dr. Stölzels auf. Stölzels Rede folgte."
    spans = [("Dr.", 0), ("Dr. Stölzels", 0), ("Stölzels", text.rindex("Stölzels"))]
    mentions = tuple(Mention(start=text.index(s, at), end=text.index(s, at) + len(s), label="PER") for s, at in spans)
    mentions = tuple(sorted(set(mentions), key=lambda m: m.start))
    got = [text[m.start:m.end] for _, m in repair(text, mentions)]
    assert "Dr. Stölzels" in got and got.count("Stölzels") == 1, got
    # a known name after a title word still splits off ("Machthaber Kim Jong-un Moskau")
    text = "Kim Jong-un traf Putin. Machthaber Kim Jong-un Moskau."
    ms = (Mention(start=0, end=11, label="PER"), Mention(start=text.index("Machthaber"), end=len(text) - 1, label="PER"),
          Mention(start=text.index("Moskau"), end=text.index("Moskau") + 6, label="LOC"))
    assert [text[m.start:m.end] for _, m in repair(text, ms)][-1] == "Moskau"


def test_zu_infinitive_under_authorising_verb_is_planned():
    # "ermächtigen" is no event type, but what it authorises has not happened yet
    art, events = _events("Der Bundesrat ermächtigte den Minister Kern, den Vertrag mit Frankreich zu unterzeichnen.",
                          {"Bundesrat": "ORG", "Kern": "PER", "Frankreich": "LOC"}, {}, "1864-07-02")
    signed = [e for e in events if art.text[e.trigger.start:e.trigger.end] == "unterzeichnen"]
    assert [e.modality for e in signed] == ["planned"]


def test_names_after_a_participle_and_und_belong_to_the_next_participle():
    # "Ali Y." is the one "verletzt", not one "getötet" (the score keeps this event below the default
    # threshold, an unused person name in the clause lowering it; the actors are what is tested)
    text = ("Bei der Messerstecherei war in der Nacht auf Sonntag Mustafa S. ( 27 ) getötet und sein Freund Ali Y. "
            "( 26 ) verletzt worden.")
    art = article(text, {"Mustafa S": "PER", "Ali Y": "PER"}, times={"in der Nacht auf Sonntag": "2016-03-20"},
                  published="2016-03-21")
    assert _typed(art, 0) == [("ATTACK", {("Mustafa S", "target")})]


def test_compound_parts_are_organisations_tagged_elsewhere():
    from chronik.events.mentions import compound_parts
    from chronik.model import Mention

    text = "Amazon streikt. Die Amazon-Beschäftigten und die Post-Beschäftigten; XAmazon-Chef; Amazon-Chef."
    amazon = Mention(start=0, end=6, label="ORG")
    found = [(text[m.start:m.end], m.start) for m in compound_parts(text, [amazon])]
    # "Post" is tagged nowhere; a part glued to a longer word is none
    assert found == [("Amazon", text.index("Amazon-B")), ("Amazon", text.rindex("Amazon-Chef"))]
    assert compound_parts(text, [Mention(start=0, end=6, label="PER")]) == []


@pytest.mark.parametrize("text, expected", [
    ("Amazon hat ein Lager in Leipzig. Die Amazon-Beschäftigten in Leipzig streiken.",
     ("PROTEST", "streiken", {("Amazon", "target")})),
    ("Siemens baut Stellen ab. Das bestätigte ein Siemens-Sprecher der Deutschen Presse-Agentur.",
     ("STATEMENT", "bestätigte", {("Siemens", "source"), ("Deutschen Presse-Agentur", "target")})),
])
def test_organisation_tagged_elsewhere_names_a_compound_part(text, expected):
    # the tagger tags "Amazon" alone, not inside "Amazon-Beschäftigten" (GermEval's convention)
    art = article(text, {"Amazon": "ORG", "Siemens": "ORG", "Leipzig": "LOC", "Deutschen Presse-Agentur": "ORG"},
                  published="2016-03-01")
    art = art.replace(mentions=tuple(m for m in art.mentions if art.text[m.end:m.end + 1] != "-"))
    events = [(e.type, art.text[e.trigger.start:e.trigger.end], {(a.name, a.role) for a in e.actors})
              for e in EXTRACTOR(art).events]
    assert events == [expected]


def test_compound_parts_known_on_their_own():
    from chronik.events.mentions import compound_parts

    text = "Die EU-Staats- und Regierungschefs; die UN-Vertreter; die IT-Beschäftigten."
    seen = []

    def known(part, head):
        seen.append((part, head))
        return "ORG" if part in ("EU", "UN") else None

    found = [(text[m.start:m.end], m.label) for m in compound_parts(text, [], known)]
    assert found == [("EU", "ORG"), ("UN", "ORG")]
    # the head of a hyphen-truncated compound is the coordinated word's
    assert seen == [("EU", "Regierungschefs"), ("UN", "Vertreter"), ("IT", "Beschäftigten")]


@pytest.mark.parametrize("text, expected", [
    # a country before a state organ speaks for the country, by its gazetteer name
    ("Die US-Regierung kritisierte den Angriff scharf.", [("CRITICIZE", {("USA", "source")})]),
    # an acronym before a spokesperson noun speaks for the organisation
    ("Finanzminister Wolfgang Schäuble fordert von den EU-Partnern mehr Geld.",
     [("DEMAND", {("Wolfgang Schäuble", "source"), ("EU", "target")})]),
    ("Am Montag werden sich die EU-Staats- und Regierungschefs in Brüssel mit Ahmet Davutoglu treffen.",
     [("MEET", {("EU", "source"), ("Ahmet Davutoglu", "target")})]),
    # a country's companies and press are not the country
    ("Der US-Konzern kritisierte den Angriff scharf.", []),
    ("Einige US-Medien kritisierten den Angriff scharf.", []),
])
def test_name_as_first_part_of_a_compound_untagged_anywhere(text, expected):
    art = article(text, {"Wolfgang Schäuble": "PER", "Brüssel": "LOC", "Ahmet Davutoglu": "PER"},
                  published="2016-03-01")
    assert _typed(art) == expected


@pytest.mark.parametrize("text, expected", [
    # a zu-infinitive that is no coming or visiting makes the invitation an appeal
    ("Der Staatsrat erließ eine Proklamation, worin er die Bevölkerung einlud, mit allen gesetzlichen Mitteln "
     "gegen die Desorganisation, die der Generalstreik bedeutet, aufzutreten.", "DEMAND"),
    ("Kim lud Putin ein, Pjöngjang zu besuchen.", "INVITE"),
    ("Kim lud Putin ein, teilzunehmen.", "INVITE"),
    ("Kim lud Putin zu einem Besuch ein.", "INVITE"),
    # a purpose clause is no complement
    ("Über 250 Rentner waren der Einladung der Stadt Gedern gefolgt, um dort einen Nachmittag zu verbringen.",
     "INVITE"),
])
def test_invitation_to_do_something_is_an_appeal(text, expected):
    art = article(text, {"Staatsrat": "ORG", "Kim": "PER", "Putin": "PER", "Pjöngjang": "LOC", "Gedern": "LOC"},
                  published="2016-03-01")
    events = EventExtractor(ExtractorOptions(min_confidence=0))(art).events
    types = [e.type for e in events if art.text[e.trigger.start:e.trigger.end].lower().startswith(("ein", "lud"))]
    assert types == [expected]


@pytest.mark.parametrize("text, expected", [
    # "von <country adjective> Seite": the agent of a passive, beside the judged event's parties
    ("Dementsprechend wurde auch der heutige japanische Protest von sowjetischer Seite abgelehnt.",
     ("REJECT", {("Sowjetunion", "source"), ("Japan", "target")})),
    ("Von russischer Seite wurde der Angriff bestritten.", ("DENY", {("Russland", "source")})),
    # the collective subject of a passive is its target
    ("In einer Entschließung werden die tschechoslowakische und die jugoslawische Regierung aufgefordert, "
     "eine volle Rechtsangleichung durchzuführen.", ("DEMAND", {("Tschechoslowakei", "target"), ("Jugoslawien", "target")})),
])
def test_country_adjectives_as_agent_and_passive_subject(text, expected):
    art = article(text, {}, published="1938-03-01")
    assert expected in _typed(art)


@pytest.mark.parametrize("text, names, expected", [
    # whoever the actor acts for is a source too
    ("Im Namen des Kaisers Franz Joseph dankte Graf Esterhazy den Erschienenen.",
     {"Franz Joseph": "PER", "Graf Esterhazy": "PER"},
     ("SUPPORT", {("Graf Esterhazy", "source"), ("Franz Joseph", "source")})),
    # "auf Einladung": the clause's subject is the one invited
    ("Gabriele Hoeborn hält auf Einladung der Universität Talca Vorlesungen als Gastprofessorin.",
     {"Gabriele Hoeborn": "PER", "Universität Talca": "ORG"},
     ("INVITE", {("Universität Talca", "source"), ("Gabriele Hoeborn", "target")})),
    ("Auf Einladung von Josef Unterholzner konnten sich die Landesräte ein Bild verschaffen.",
     {"Josef Unterholzner": "PER"}, ("INVITE", {("Josef Unterholzner", "source")})),
])
def test_on_behalf_and_on_invitation(text, names, expected):
    art = article(text, names, published="2016-03-01")
    assert _typed(art) == [expected]


def test_declaring_something_void_is_no_statement():
    art = article("Der Landtag hat die Wahl für ungültig erklärt.", {"Landtag": "ORG"}, published="2016-03-01")
    assert [e.type for e in EventExtractor(ExtractorOptions(min_confidence=0))(art).events] == []
    art = article("Der Landtag hat erklärt, die Wahl sei ungültig.", {"Landtag": "ORG"}, published="2016-03-01")
    assert [e.type for e in EXTRACTOR(art).events] == ["STATEMENT"]


@pytest.mark.parametrize("text, names, expected", [
    # places after a name and a comma are its address, not the subject (voting-rights notices)
    ("Herr Friedhelm Loh, Deutschland hat uns am 07.01.2015 mitgeteilt, dass sein Stimmrechtsanteil gestiegen ist.",
     {"Friedhelm Loh": "PER", "Deutschland": "LOC"}, {("Friedhelm Loh", "source")}),
    ("Die BlackRock, Inc., Wilmington, USA hat uns am 07.01.2015 mitgeteilt, dass ihr Stimmrechtsanteil gestiegen ist.",
     {"BlackRock, Inc.": "ORG", "Wilmington": "LOC", "USA": "LOC"}, {("BlackRock, Inc", "source")}),
    # a place that opens the sentence stays the subject
    ("Berlin hat uns am Montag mitgeteilt, dass die Einladung angenommen ist.", {"Berlin": "LOC"},
     {("Berlin", "source")}),
])
def test_address_after_a_name_is_no_subject(text, names, expected):
    art = article(text, names, published="2016-03-01")
    statements = [{(a.name, a.role) for a in e.actors} for e in EXTRACTOR(art).events if e.type == "STATEMENT"]
    assert statements == [expected]


@pytest.mark.parametrize("text, names, expected", [
    # a short bracket after each name of a list (party, position, time) keeps the list one coordination
    ("Angela Merkel (CDU), Sigmar Gabriel (SPD) und Horst Seehofer (CSU) trafen sich am Sonntag in Berlin.",
     {"Angela Merkel": "PER", "Sigmar Gabriel": "PER", "Horst Seehofer": "PER", "CDU": "ORG", "SPD": "ORG",
      "CSU": "ORG", "Berlin": "LOC"},
     [("MEET", {("Angela Merkel", "source"), ("Sigmar Gabriel", "source"), ("Horst Seehofer", "source")})]),
    ("In Köln (10.00 Uhr), Dortmund (10.30 Uhr) und Bad Oeynhausen (11.00 Uhr) sind Kundgebungen geplant.",
     {"Köln": "LOC", "Dortmund": "LOC", "Bad Oeynhausen": "LOC"}, []),
    # who hands aid over gives it
    ("Staatssekretär Roland Krämer (Mitte) übergab die Zuwendung an Ortsvorsteher Gerald Linn (li.) und "
     "Bürgermeister Karl Josef Scheer.", {"Roland Krämer": "PER", "Gerald Linn": "PER", "Karl Josef Scheer": "PER"},
     [("AID", {("Roland Krämer", "source"), ("Gerald Linn", "target"), ("Karl Josef Scheer", "target")})]),
])
def test_brackets_inside_a_list_of_names(text, names, expected):
    art = article(text, names, published="2016-03-01")
    assert _typed(art) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a genitive before a spokesperson noun that is a person's title: the person acts
    ("Israels Regierungschef Benjamin Netanjahu lehnte einen Waffenstillstand ab.",
     {"Israels": "LOC", "Benjamin Netanjahu": "PER"}, [("REJECT", {("Benjamin Netanjahu", "source")})]),
    ("Israels Regierungschef lehnte einen Waffenstillstand ab.", {"Israels": "LOC"}, [("REJECT", {("Israel", "source")})]),
    # a feminine genitive takes no "s": the name keeps its own
    ("Bei einem Angriff der Hamas auf Israel wurden Menschen verletzt.", {"Hamas": "ORG", "Israel": "LOC"},
     [("ATTACK", {("Hamas", "source"), ("Israel", "target")})]),
    # a union calls an organisation's staff out: the organisation is the target
    ("Die Gewerkschaft Verdi ruft die Beschäftigten der Lufthansa am Mittwoch zu einem Warnstreik auf.",
     {"Verdi": "ORG", "Lufthansa": "ORG"}, [("PROTEST", {("Verdi", "source"), ("Lufthansa", "target")})]),
])
def test_titles_genitives_and_staff(text, names, expected):
    art = article(text, names, published="2016-03-01")
    assert _typed(art) == expected


@pytest.mark.parametrize("text, names, expected", [
    # an office in the clause makes an election a change of leadership, in any form of the noun
    ("Die Delegierten wählten Olaf Scholz zum Vorsitzenden.", {"Olaf Scholz": "PER"},
     [("LEADERSHIP", {("Olaf Scholz", "target")})]),
    ("Annalena Baerbock wurde zur Kanzlerkandidatin gewählt.", {"Annalena Baerbock": "PER"},
     [("LEADERSHIP", {("Annalena Baerbock", "target")})]),
    # an award is no office
    ("Er wurde zum Sportler des Jahres gewählt.", {}, []),
    # a state threatens with something too, not only a person
    ("Nordkorea drohte den USA mit einem Atomschlag.", {"Nordkorea": "LOC", "USA": "LOC"},
     [("THREATEN", {("Nordkorea", "source"), ("USA", "target")})]),
])
def test_elections_and_threats(text, names, expected):
    art = article(text, names, published="2016-03-01")
    assert _typed(art, 0) == expected


def test_preposition_condition_tells_contracted_forms():
    from chronik.events.frames import _holds
    from chronik.events.lexicon import Condition, Sense, load_lexicon
    from chronik.events.analysis import analyse
    from chronik.events.roles import Roles

    from chronik.events.view import Tok

    lexicon = load_lexicon("de")
    text = "Sie wurde zur Vorsitzenden gewählt"
    toks, at = [], 0
    for k, (word, lemma) in enumerate([("Sie", "sie"), ("wurde", "werden"), ("zur", "zur"),
                                       ("Vorsitzenden", "Vorsitzende"), ("gewählt", "wählen")]):
        at = text.index(word, at)
        toks.append(Tok(i=k, start=at, end=at + len(word), text=word, lower=word.lower(), lemma=lemma))
    view = analyse(text, 0, len(text), toks, [], lexicon)
    i = 4
    holds = lambda arg: _holds(Sense("LEADERSHIP", (Condition("pp", arg),)), Roles(), view, i, lexicon)  # noqa: E731
    assert holds("zur") and holds("zu") and not holds("zum")


@pytest.mark.parametrize("text, expected", [
    # a government named by its seat: the place acts, whole and coordinated
    ("Die Regierung in Kiew dementierte Berichte über einen Rückzug aus Bachmut.", [("DENY", {("Kiew", "source")})]),
    ("Zuvor griffen Russland und die Staatsführung in Damaskus ihre Gegner noch einmal verstärkt an.",
     [("ATTACK", {("Russland", "source"), ("Damaskus", "source")})]),
    # troops in a country are not that country's
    ("Die Truppen in Syrien griffen an.", [("ATTACK", set())]),
])
def test_government_named_by_its_seat(text, expected):
    art = article(text, {"Kiew": "LOC", "Bachmut": "LOC", "Russland": "LOC", "Damaskus": "LOC", "Syrien": "LOC"},
                  published="2016-03-01")
    assert _typed(art, 0) == expected


def test_denial_after_its_object():
    art = article("Der Kreml hat Berichte über Waffenlieferungen aus Nordkorea zurückgewiesen.",
                  {"Kreml": "ORG", "Nordkorea": "LOC"}, published="2024-06-19")
    assert [(e.type, e.modality) for e in EXTRACTOR(art).events] == [("TRADE", "denied"), ("DENY", "asserted")]
    # a meeting before the finite verb is no object of the denial
    art = article("Nach dem Treffen mit Kim hat Putin die Vorwürfe bestritten.", {"Kim": "PER", "Putin": "PER"},
                  published="2024-06-19")
    assert [(e.type, e.modality) for e in EXTRACTOR(art).events] == [("MEET", "asserted"), ("DENY", "asserted")]


@pytest.mark.parametrize("text, expected", [
    # seats of government the tagger leaves untagged in a sentence alone
    ("Der Kreml wies die Vorwürfe als haltlos zurück.", [("DENY", {("Kreml", "source")})]),
    ("Ein Kreml-Sprecher bestritt die Vorwürfe.", [("DENY", {("Kreml", "source")})]),
    ("Der Vatikan verurteilte den Anschlag.", [("CRITICIZE", {("Vatikan", "source")})]),
])
def test_seats_of_government_untagged(text, expected):
    art = article(text, {}, published="2016-03-01")
    assert _typed(art) == expected


@pytest.mark.parametrize("text, expected", [
    # a country whose name is also a plural demonym ("Polen", "Schweden"), bare: the country
    ("Polen fordert von Deutschland Reparationen.", [("DEMAND", {("Polen", "source"), ("Deutschland", "target")})]),
    ("Schweden hat Sanktionen gegen Russland verhängt.", [("SANCTION", {("Schweden", "source"), ("Russland", "target")})]),
    # counted or qualified: people
    ("Drei Polen wurden festgenommen.", [("ARREST", set())]),
])
def test_country_or_its_people(text, expected):
    art = article(text, {"Polen": "LOC", "Deutschland": "LOC", "Schweden": "LOC", "Russland": "LOC"},
                  published="2016-03-01")
    assert _typed(art, 0) == expected


def test_who_completes_a_takeover_makes_it():
    art = article("Die Deutsche Bank hat die Übernahme der Postbank abgeschlossen.",
                  {"Deutsche Bank": "ORG", "Postbank": "ORG"}, published="2016-03-01")
    assert _typed(art) == [("ACQUIRE", {("Deutsche Bank", "source"), ("Postbank", "target")})]


@pytest.mark.parametrize("text, expected", [
    ("Wien schloß ein Bündnis mit Böhmen.", [("COOPERATE", "Bündnis", {("Wien", "source"), ("Böhmen", "target")})]),
    ("Russland schloss Frieden mit der Türkei.", [("AGREE", "schloss", {("Russland", "source"), ("Türkei", "target")})]),
])
def test_alliances_and_peace_are_concluded(text, expected):
    art = article(text, {"Wien": "LOC", "Böhmen": "LOC", "Russland": "LOC", "Türkei": "LOC"}, published="1900-03-01")
    assert [(e.type, art.text[e.trigger.start:e.trigger.end], {(a.name, a.role) for a in e.actors})
            for e in EXTRACTOR(art).events] == expected


@pytest.mark.parametrize("text, expected", [
    # participles of -ieren verbs the dictionary lacks
    ("Die USA und Großbritannien haben Stellungen im Jemen bombardiert.",
     [("ATTACK", {("USA", "source"), ("Großbritannien", "source")})]),
    ("Der Bundestag hat das Abkommen ratifiziert.", [("AGREE", {("Bundestag", "source")})]),
])
def test_participles_the_dictionary_lacks(text, expected):
    art = article(text, {"USA": "LOC", "Großbritannien": "LOC", "Jemen": "LOC", "Bundestag": "ORG"},
                  published="2024-01-12")
    assert _typed(art, 0) == expected


def test_a_strike_is_not_restated_by_another_verb_with_its_head():
    # "bestreiken" contains "Streik" but is another event, not the noun restated ("Streik ... streiken" is)
    art = article("Die Gewerkschaft Verdi weitet ihren Streik bei der Lufthansa aus: Morgen will sie auch die Post "
                  "bestreiken.", {"Verdi": "ORG", "Lufthansa": "ORG", "Post": "ORG"}, published="2016-03-01")
    assert [(art.text[e.trigger.start:e.trigger.end], {(a.name, a.role) for a in e.actors})
            for e in EXTRACTOR(art).events] == [("Streik", {("Verdi", "source"), ("Lufthansa", "target")}),
                                                ("bestreiken", {("Post", "target")})]


@pytest.mark.parametrize("text, expected", [
    # a verb whose particle stands apart is finite, also when its form is the infinitive's
    ("Kim und Putin laden Xi ein.", [("INVITE", {("Kim", "source"), ("Putin", "source"), ("Xi", "target")})]),
    ("Siemens und Alstom gehen eine Partnerschaft ein.",
     [("COOPERATE", {("Siemens", "source"), ("Alstom", "source")})]),
    # an invitation to someone
    ("Scholz sprach eine Einladung an Macron aus.", [("INVITE", {("Scholz", "source"), ("Macron", "target")})]),
])
def test_separated_particles_and_invitations_to_someone(text, expected):
    art = article(text, {"Kim": "PER", "Putin": "PER", "Xi": "PER", "Siemens": "ORG", "Alstom": "ORG",
                         "Scholz": "PER", "Macron": "PER"}, published="2024-01-12")
    assert _typed(art, 0) == expected


def test_impersonal_passive_of_a_strike_is_now_unless_scheduled():
    now = article("In den Berliner Vivantes Kliniken wird gestreikt.", {"Vivantes": "ORG"}, published="2016-04-12")
    later = article("In den Kliniken wird am Montag gestreikt.", {}, times={"am Montag": "2016-04-18"},
                    published="2016-04-12")
    assert [e.modality for e in EXTRACTOR(now).events] == ["asserted"]
    assert [e.modality for e in EventExtractor(ExtractorOptions(min_confidence=0))(later).events] == ["planned"]


@pytest.mark.parametrize("text, expected", [
    # a fine or a prison sentence imposed is a sanction or a conviction; promised help is aid
    ("Die Behörde verhängte eine Geldstrafe gegen Google.", [("SANCTION", {("Google", "target")})]),
    ("Die Kartellbehörde verhängte gegen Meta ein Bußgeld.", [("SANCTION", {("Meta", "target")})]),
    ("Ein Gericht verhängte gegen Nawalny eine Haftstrafe von 19 Jahren.", [("ARREST", {("Nawalny", "target")})]),
    ("Deutschland sicherte der Ukraine weitere Hilfe zu.", [("AID", {("Deutschland", "source"), ("Ukraine", "target")})]),
    # an acronym before an organ of the organisation names it; whoever gives an approval is its source
    ("Die EU-Kommission verhängte eine Strafe gegen Apple.", [("SANCTION", {("EU", "source"), ("Apple", "target")})]),
    ("Die EU-Staaten sicherten der Ukraine weitere Unterstützung zu.",
     [("SUPPORT", {("EU", "source"), ("Ukraine", "target")})]),
    ("Von der EU-Kommission gibt es grünes Licht für die Übernahme.", [("ACCEPT", {("EU", "source")})]),
    # a party named by an adjective is no object before the verb: the name after it is not the subject
    ("Die Grünen werfen der Union vor, die Klimaziele zu gefährden.", [("ACCUSE", {("Union", "target")})]),
])
def test_fines_organs_of_organisations_and_givers(text, expected):
    art = article(text, {"Google": "ORG", "Meta": "ORG", "Nawalny": "PER", "Deutschland": "LOC", "Ukraine": "LOC",
                         "Apple": "ORG", "Union": "ORG"}, published="2024-01-12")
    assert _typed(art, 0) == expected


def test_a_bad_role_column_in_the_light_verb_table_is_a_config_error(tmp_path, monkeypatch):
    from chronik.errors import ConfigError
    from chronik.events import lexicon as lex
    rows = lex._rows

    def patched(lang, name):
        out = rows(lang, name)
        return out + [["Zusage", "geben", "ACCEPT", "noun", "von:giver"]] if name == "lvc.tsv" else out
    monkeypatch.setattr(lex, "_rows", patched)
    with pytest.raises(ConfigError, match="bad role column"):
        lex.load_lexicon("de")


@pytest.mark.parametrize("text, expected", [
    # firing missiles at someone is an attack, also in a participle the dictionary lacks
    ("Iran feuerte mehr als 300 Drohnen und Raketen auf Israel ab.", [("ATTACK", {("Iran", "source"), ("Israel", "target")})]),
    ("Die Hamas hat Raketen auf Tel Aviv abgefeuert.", [("ATTACK", {("Hamas", "source"), ("Tel Aviv", "target")})]),
    ("Zum Jahreswechsel wurde ein Feuerwerk abgefeuert.", []),
    # a compound title before a person is no missed name, so the passive's target stands alone
    ("Der ehemalige US-Präsident Donald Trump wurde in New York angeklagt.", [("ACCUSE", {("Donald Trump", "target")})]),
])
def test_firing_at_someone_and_titles_before_a_person(text, expected):
    art = article(text, {"Iran": "LOC", "Israel": "LOC", "Hamas": "ORG", "Tel Aviv": "LOC", "Donald Trump": "PER",
                         "New York": "LOC"}, published="2024-04-14")
    assert _typed(art) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a name in "von" after a spokesperson noun keeps its final s; "Chef" is such a noun
    ("Der Sprecher von Siemens kritisierte die Regierung.", {"Siemens": "ORG"}, [("CRITICIZE", {("Siemens", "source")})]),
    ("Der Chef von Siemens kritisierte die Regierung.", {"Siemens": "ORG"}, [("CRITICIZE", {("Siemens", "source")})]),
    # a head of government named by a country adjective opens a headline, also after a source and a colon
    ("Zaman: Türkischer Regierungschef verteidigt Polizeieinsatz", {"Zaman": "ORG"},
     [("SUPPORT", {("Türkei", "source")})]),
    ("Der türkische Regierungschef hat das Vorgehen verteidigt.", {}, [("SUPPORT", {("Türkei", "source")})]),
    # ... but not when it is the title of a name the tagger missed: that person acts
    ("Der türkische Regierungschef Ahmet Davutoglu hat das Vorgehen verteidigt.", {}, []),
    # whoever set up a takeover is its buyer, also in a participle the dictionary lacks
    ("Anheuser-Busch hatte die Übernahme von SABMiller eingefädelt.", {"Anheuser-Busch": "ORG", "SABMiller": "ORG"},
     [("ACQUIRE", {("Anheuser-Busch", "source"), ("SABMiller", "target")})]),
])
def test_owners_after_von_headline_collectives_and_set_up_takeovers(text, names, expected):
    assert _typed(article(text, names, published="2016-01-12"), 0) == expected


@pytest.mark.parametrize("text, modality", [
    # what negated evidence leaves open is not asserted
    ("Es gibt keine Hinweise darauf, dass Iran den Angriff unterstützt hat.", "speculative"),
    ("Das Pentagon hat nicht bestätigt, dass Russland die Ukraine angegriffen hat.", "speculative"),
    ("Es gibt Belege dafür, dass Russland die Ukraine angegriffen hat.", "asserted"),
])
def test_a_claim_under_negated_evidence_is_speculative(text, modality):
    art = article(text, {"Iran": "LOC", "Russland": "LOC", "Ukraine": "LOC", "Pentagon": "ORG"}, published="2024-04-14")
    events = [e for e in EventExtractor(ExtractorOptions(min_confidence=0))(art).events if e.type != "STATEMENT"]
    assert [e.modality for e in events] == [modality]


def test_officials_named_by_their_country_speak_for_it():
    art = article("Russland könnte Nordkorea Raketentechnologie liefern, warnten US-Beamte.",
                  {"Russland": "LOC", "Nordkorea": "LOC"}, published="2024-04-14")
    assert _typed(art, 0) == [("TRADE", {("Russland", "source"), ("Nordkorea", "target")}),
                              ("STATEMENT", {("USA", "source")})]


@pytest.mark.parametrize("text, names, expected", [
    # an article shared with the name before it does not make a country its people
    ("Im Juli 2023 unterzeichneten die Türkei und Schweden ein Abkommen.", {"Türkei": "LOC", "Schweden": "LOC"},
     [("AGREE", {("Türkei", "source"), ("Schweden", "source")})]),
    ("Die Schweden haben die Regierung kritisiert.", {"Schweden": "LOC"}, [("CRITICIZE", set())]),
    # the Nato named before its organs, when the tagger leaves it untagged
    ("Die Nato-Außenminister treffen sich am 3. und 4. April in Brüssel.", {"Brüssel": "LOC"},
     [("MEET", {("Nato", "source")})]),
    # "auf Drängen X" in a clause that goes on after a relative clause: its subject is the one urged
    ("Zuletzt hatte Griechenland, das mit dem Andrang überfordert ist, erst auf Drängen Frontex um Unterstützung "
     "gebeten.", {"Griechenland": "LOC", "Frontex": "ORG"},
     [("DEMAND", {("Frontex", "source"), ("Griechenland", "target")}), ("DEMAND", {("Griechenland", "source")})]),
])
def test_shared_articles_untagged_bodies_and_urging_across_a_relative_clause(text, names, expected):
    assert _typed(article(text, names, published="2024-03-14"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # condemning an attack judges the attacker, not its victim
    ("Scholz hat die Angriffe der Hamas auf Israel scharf verurteilt.", {"Scholz": "PER", "Hamas": "ORG", "Israel": "LOC"},
     [("ATTACK", {("Hamas", "source"), ("Israel", "target")}), ("CRITICIZE", {("Scholz", "source"), ("Hamas", "target")})]),
    ("Scholz hat die Angriffe auf Israel scharf verurteilt.", {"Scholz": "PER", "Israel": "LOC"},
     [("ATTACK", {("Israel", "target")}), ("CRITICIZE", {("Scholz", "source")})]),
    # a strong participle with an inseparable prefix the dictionary lacks ("beschossen")
    ("Die Hamas habe Israel mit Raketen beschossen, hieß es.", {"Hamas": "ORG", "Israel": "LOC"},
     [("ATTACK", {("Hamas", "source"), ("Israel", "target")})]),
    # calling on someone is a demand when someone named calls
    ("Russland rief beide Seiten zur Zurückhaltung auf.", {"Russland": "LOC"}, [("DEMAND", {("Russland", "source")})]),
    ("Die Datei wird aufgerufen.", {}, []),
])
def test_condemned_attacks_strong_participles_and_appeals(text, names, expected):
    assert _typed(article(text, names, published="2023-10-08"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a country in the genitive is named in the nominative
    ("Die Türkei stimmte dem Nato-Beitritt Schwedens zu.", {"Türkei": "LOC", "Schwedens": "LOC"},
     [("ACCEPT", {("Türkei", "source"), ("Schweden", "target")})]),
    # a state that blocks aid rejects it; the aid's parties are the targets
    ("Ungarn blockierte die Hilfen der EU für die Ukraine.", {"Ungarn": "LOC", "EU": "ORG", "Ukraine": "LOC"},
     [("REJECT", {("Ungarn", "source"), ("EU", "target"), ("Ukraine", "target")}),
      ("AID", {("EU", "source"), ("Ukraine", "target")})]),
])
def test_genitive_countries_and_blocked_aid(text, names, expected):
    assert _typed(article(text, names, published="2024-01-22"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a second verb after "und": its past tense is no adjective, and the first verb's particle ends before "und"
    ("Merz warf Scholz Führungsschwäche vor und forderte Neuwahlen.", {"Merz": "PER", "Scholz": "PER"},
     [("ACCUSE", {("Merz", "source"), ("Scholz", "target")}), ("DEMAND", {("Merz", "source")})]),
    # ... but a participle after "und" before a noun still is one
    ("Die EU hat Sanktionen beschlossen und verhängte Einreiseverbote.", {"EU": "ORG"}, [("SANCTION", {("EU", "source")})]),
    # a plan does not act
    ("Der Plan lehnt den Gedanken an einen Angriff ab.", {}, []),
])
def test_second_verbs_after_und_and_plans_that_do_not_act(text, names, expected):
    assert _typed(article(text, names, published="2024-11-07"), 0) == expected


def test_a_relative_clause_about_the_speaker_is_not_what_the_speaker_says():
    art = article("Nordkorea, das Russland mit Munition beliefert, bestreitet dies.",
                  {"Nordkorea": "LOC", "Russland": "LOC"}, published="2024-01-01")
    assert [(e.type, e.modality, e.attribution) for e in EXTRACTOR(art).events] == [
        ("TRADE", "asserted", None), ("DENY", "asserted", "Nordkorea")]


@pytest.mark.parametrize("text, names, expected", [
    # welcoming a decision backs it; welcoming a person is meeting them
    ("Bundeskanzler Olaf Scholz begrüßte die Einigung.", {"Olaf Scholz": "PER"}, [("SUPPORT", {("Olaf Scholz", "source")})]),
    ("Kim begrüßte Putin am Flughafen.", {"Kim": "PER", "Putin": "PER"}, [("MEET", {("Kim", "source"), ("Putin", "target")})]),
    ("Er wurde mit Pfiffen begrüßt.", {}, []),
    # speaking with someone is a meeting
    ("Scholz sprach in Paris mit Macron über die Lage.", {"Scholz": "PER", "Macron": "PER", "Paris": "LOC"},
     [("MEET", {("Scholz", "source"), ("Macron", "target")})]),
    # a politician who blocks a package vetoes it; activists who block a road protest
    ("Orban hatte das Paket im Dezember noch blockiert.", {"Orban": "PER"}, [("REJECT", {("Orban", "source")})]),
    ("Luisa Neubauer blockierte die Zufahrt zum Kraftwerk.", {"Luisa Neubauer": "PER"}, []),
    # a missed name alone before the verb is its subject: the name after the verb is no source
    ("Biden warnte Iran vor einem Angriff auf Israel.", {"Iran": "LOC", "Israel": "LOC"}, []),
])
def test_welcoming_speaking_blocking_and_missed_subjects(text, names, expected):
    assert _typed(article(text, names, published="2024-02-02"), 0) == expected


@pytest.mark.parametrize("text, expected", [
    # in a clause with its verb at the end, a second collective after the subject is the object
    ("Er stellte es so dar, als ob die japanischen Truppen die sowjetischen Grenzwächter angegriffen hätten.",
     [("ATTACK", {("Japan", "source"), ("Sowjetunion", "target")})]),
    # coordinated collectives act together
    ("Die russische und die ukrainische Regierung einigten sich.", [("AGREE", {("Russland", "source"), ("Ukraine", "source")})]),
    ("Die französischen und englischen Flieger bombardierten feindliche Lager.",
     [("ATTACK", {("Frankreich", "source"), ("England", "source")})]),
])
def test_collectives_as_subject_and_object_of_a_verb_final_clause(text, expected):
    assert _typed(article(text, {}, published="1938-08-09"), 0) == expected


def test_an_inanimate_subject_after_the_verb_makes_no_event():
    art = article("Weil das viel zu gefährlich ist, verlangt die Straßenverkehrsordnung rundum freie Sicht.", {},
                  published="2016-01-12")
    assert _typed(art, 0) == []
    art = article("Weil das zu teuer ist, verlangt die Gewerkschaft Verdi mehr Lohn.", {"Verdi": "ORG"},
                  published="2016-01-12")
    assert _typed(art, 0) == [("DEMAND", {("Verdi", "source")})]


@pytest.mark.parametrize("text, attribution", [
    # ", so X." names who says what stands before it
    ("Russland habe Nordkorea Raketen geliefert, so das Pentagon.", "Pentagon"),
    ("Russland habe Nordkorea Raketen geliefert, so Pentagon-Sprecher John Kirby.", "John Kirby"),
    # "so" as an adverb attributes nothing
    ("Russland hat so Nordkorea geholfen.", None),
])
def test_so_x_attributes_what_stands_before(text, attribution):
    art = article(text, {"Russland": "LOC", "Nordkorea": "LOC", "Pentagon": "ORG", "John Kirby": "PER"},
                  published="2024-01-01")
    assert [e.attribution for e in EXTRACTOR(art).events] == [attribution]


def test_english_speaker_after_the_content_vouches_for_it():
    art = article("Putin met Kim in Vostochny on Wednesday, the Kremlin said.",
                  {"Putin": "PER", "Kim": "PER", "Vostochny": "LOC", "Kremlin": "ORG"}, lang="en")
    assert [(e.type, e.modality, e.attribution) for e in EXTRACTOR(art).events] == [
        ("MEET", "reported", "Kremlin"), ("STATEMENT", "asserted", "Kremlin")]
    # the speaker's verb must end its clause: "the Kremlin said nothing about it" reports nothing before it
    art = article("Putin met Kim, and the Kremlin said nothing about it.",
                  {"Putin": "PER", "Kim": "PER", "Kremlin": "ORG"}, lang="en")
    assert [e.attribution for e in EXTRACTOR(art).events if e.type == "MEET"] == [None]


@pytest.mark.parametrize("text, names, expected", [
    # English nouns are lower-case: a trigger's conditions on its clause's nouns see them
    ("Russia has supplied weapons to Syria.", {"Russia": "LOC", "Syria": "LOC"},
     [("TRADE", {("Russia", "source"), ("Syria", "target")})]),
    ("Germany will send tanks to Ukraine.", {"Germany": "LOC", "Ukraine": "LOC"},
     [("TRADE", {("Germany", "source"), ("Ukraine", "target")})]),
    ("Germany will send a letter to Ukraine.", {"Germany": "LOC", "Ukraine": "LOC"}, []),
    # a strike "at" a company is against it
    ("The union called a strike at Lufthansa.", {"Lufthansa": "ORG"}, [("PROTEST", {("Lufthansa", "target")})]),
])
def test_english_goods_and_strikes(text, names, expected):
    assert _typed(article(text, names, lang="en", published="2024-03-01"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # welcoming guests endorses nothing
    ("Die Bürgermeisterin Elda Letrari begrüßte die Gäste im Rathaus.", {"Elda Letrari": "PER"}, []),
    # a fire brigade named with its town is the subject, not an object before the verb
    ("Die Freiwillige Feuerwehr wählte Hans Mair zum neuen Kommandanten.", {"Hans Mair": "PER"},
     [("LEADERSHIP", {("Hans Mair", "target")})]),
    # "der Gemeinderat von Meran": the town acts through its council
    ("Der Gemeinderat von Meran hat den Haushalt genehmigt.", {"Meran": "LOC"}, [("ACCEPT", {("Meran", "source")})]),
])
def test_greetings_brigades_and_councils(text, names, expected):
    assert _typed(article(text, names, published="2024-03-01"), 0) == expected


@pytest.mark.parametrize("text, expected", [
    # right after the finite verb, with only a time or a pronoun object before it, a collective is the subject
    ("Am Montag bombardierte die russische Luftwaffe Ziele in der Ukraine.", [("ATTACK", {("Russland", "source")})]),
    # ... not when a noun phrase stands before the verb
    ("Die Opposition kritisierte die russische Regierung.", [("CRITICIZE", set())]),
])
def test_a_collective_right_after_the_verb_of_an_inverted_clause(text, expected):
    assert _typed(article(text, {"Ukraine": "LOC"}, published="2024-08-26"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a place right after an army is its object, no name of it
    ("Am Montag griff die russische Armee Kiew an.", {"Kiew": "LOC"}, [("ATTACK", {("Russland", "source"), ("Kiew", "target")})]),
    # a public prosecutor named with its town is no army: it speaks under its whole name
    ("Das bestätigte die Staatsanwaltschaft Stuttgart.", {"Stuttgart": "LOC"},
     [("STATEMENT", {("Staatsanwaltschaft Stuttgart", "source")})]),
])
def test_armed_forces_before_a_place(text, names, expected):
    assert _typed(article(text, names, published="2024-08-26"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # an extended attribute before a name: the noun inside it is no title of the name
    ("Im Februar wurde die im Hause wohnhafte Witwe Thekla Hegerhorst ermordet.", {"Thekla Hegerhorst": "PER"},
     [("ATTACK", {("Thekla Hegerhorst", "target")})]),
    # the state someone was found in: what was done to them, not what they did
    ("Als Ruth ins Büro kommt, findet sie Borden ermordet auf.", {"Ruth": "PER", "Borden": "PER"},
     [("ATTACK", {("Borden", "target")})]),
    ("Am Montag wurde Karl Huber erschossen aufgefunden.", {"Karl Huber": "PER"},
     [("ATTACK", {("Karl Huber", "target")})]),
    # a sentence's first word that is a function word is neither a title nor a noun a genitive hangs on
    ("Wenn später Casals von einer Tournee nach Barcelona zurückkehrte, kam eine Depesche.",
     {"Casals": "PER", "Barcelona": "LOC"}, [("TRAVEL", {("Casals", "source")})]),
])
def test_attributes_before_names_and_the_state_found_in(text, names, expected):
    assert _typed(article(text, names, published="2024-08-26"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # the particle at the clause's end belongs to the second verb after "und", not to the first
    ("Der Iran verurteilte die Angriffe und forderte die Regierung auf, sich einzusetzen.", {"Iran": "LOC"},
     [("CRITICIZE", {("Iran", "source")}), ("DEMAND", {("Iran", "source")})]),
    ("Guterres begrüßte die Vereinbarung und rief beide Seiten auf, sie umzusetzen.", {"Guterres": "PER"},
     [("SUPPORT", {("Guterres", "source")}), ("DEMAND", {("Guterres", "source")})]),
    # writing songs states nothing
    ("Der Minister Conyba hat unter einem Pseudonym eine Menge Chansons geschrieben.", {"Conyba": "PER"}, []),
])
def test_a_second_verbs_particle_and_written_works(text, names, expected):
    assert _typed(article(text, names, published="2024-08-26"), 0) == expected


@pytest.mark.parametrize("text, expected", [
    # an organisation's short name in brackets before the verb names the noun phrase that opens the clause
    ("Der Verband der Automobilindustrie (VDA) forderte die Bundesregierung auf, sich einzusetzen.",
     [("DEMAND", {("VDA", "source")})]),
    ("Der Verband der Automobilindustrie (VDA) hat die Pläne kritisiert.", [("CRITICIZE", {("VDA", "source")})]),
])
def test_a_short_name_in_brackets_before_the_verb(text, expected):
    assert _typed(article(text, {"VDA": "ORG"}, published="2024-08-26"), 0) == expected


@pytest.mark.parametrize("text, names, expected, attribution", [
    # a plural subject without an article after the verb: the name after it is the object
    ("Am Montag griffen russische Truppen Kiew an.", {"Kiew": "LOC"},
     [("ATTACK", {("Russland", "source"), ("Kiew", "target")})], None),
    ("Am Montag kritisierten mehrere Abgeordnete Merz scharf.", {"Merz": "PER"},
     [("CRITICIZE", {("Merz", "target")})], None),
    # a title without an adjective is the name's
    ("Am Montag kritisierte Bundeskanzler Merz die Pläne.", {"Merz": "PER"},
     [("CRITICIZE", {("Merz", "source")})], "Merz"),
    # "nach Angaben der israelischen Armee": who says so, not a party
    ("Die Hisbollah feuerte nach Angaben der israelischen Armee mehrere Raketen auf Nordisrael ab.",
     {"Hisbollah": "ORG", "Nordisrael": "LOC"},
     [("ATTACK", {("Hisbollah", "source"), ("Nordisrael", "target")})], "israelischen Armee"),
])
def test_plural_subjects_without_article_and_collectives_who_say_so(text, names, expected, attribution):
    art = article(text, names, published="2024-08-26")
    assert _typed(art, 0) == expected
    assert EventExtractor()(art).events[0].attribution == attribution


@pytest.mark.parametrize("text, names, expected, attribution", [
    # a state collective that opens the clause, or follows the reporting verb after what was said, speaks
    ("Das ägyptische Außenministerium teilte am Donnerstag mit, beide Seiten hätten zugestimmt.", {},
     ("STATEMENT", {("Ägypten", "source")}), "Ägypten"),
    ("Nordkorea hat erneut eine Rakete abgefeuert, teilte der südkoreanische Generalstab mit.", {"Nordkorea": "LOC"},
     ("STATEMENT", {("Südkorea", "source")}), "Südkorea"),
    ("Die chinesische Regierung warnte die EU vor einseitigen Maßnahmen.", {"EU": "ORG"},
     ("STATEMENT", {("China", "source"), ("EU", "target")}), "China"),
])
def test_a_state_collective_as_the_speaker(text, names, expected, attribution):
    events = EventExtractor()(article(text, names, published="2024-08-26")).events
    assert (events[0].type, {(a.name, a.role) for a in events[0].actors}) == expected
    assert events[0].attribution == attribution


@pytest.mark.parametrize("text", [
    # not a collective inside the subject's phrase (old print's "hei" for "bei")
    "Der Korrespondent hei der französischen Armee meldet, die Schlacht habe die ganze Nacht getobt.",
    # not a collective glued to the next word of a compound
    "Das neue französische Kabinett=Präsident genehmigte das Programm.",
])
def test_a_state_collective_that_does_not_speak_or_act(text):
    events = EventExtractor()(article(text, {}, published="2024-08-26")).events
    assert all(a.name != "Frankreich" for e in events for a in e.actors)


@pytest.mark.parametrize("text, names, attribution", [
    # the newspaper whose report it is, not "Bericht"; also inside quotes and before "zufolge"
    ('Laut einem Bericht der "New York Times" plant Israel eine Offensive in Rafah.',
     {"New York Times": "ORG", "Israel": "LOC", "Rafah": "LOC"}, "New York Times"),
    ("Laut einem Bericht von CNN plant Israel eine Offensive in Rafah.",
     {"CNN": "ORG", "Israel": "LOC", "Rafah": "LOC"}, "CNN"),
    ('Einem Bericht der "New York Times" zufolge plant Israel eine Offensive in Rafah.',
     {"New York Times": "ORG", "Israel": "LOC", "Rafah": "LOC"}, "New York Times"),
    # a state body in the genitive, also as a compound's head
    ("Laut Angaben des Gesundheitsministeriums griff Israel Rafah an.", {"Israel": "LOC", "Rafah": "LOC"},
     "Gesundheitsministeriums"),
    ("Nach Angaben der Polizei griff Israel Rafah an.", {"Israel": "LOC", "Rafah": "LOC"}, "Polizei"),
    # without an owner the source noun stays
    ("Laut Medienberichten plant Israel eine Offensive in Rafah.", {"Israel": "LOC", "Rafah": "LOC"},
     "Medienberichten"),
])
def test_whose_report_it_is(text, names, attribution):
    events = EventExtractor()(article(text, names, published="2024-02-26")).events
    assert [(e.type, e.attribution) for e in events] == [("ATTACK", attribution)]


@pytest.mark.parametrize("text, names, expected", [
    # a visit someone has come to make is theirs
    ("Bundeskanzler Olaf Scholz ist am Dienstag zu einem zweitägigen Besuch in Peking eingetroffen.",
     {"Olaf Scholz": "PER", "Peking": "LOC"},
     [("VISIT", {("Olaf Scholz", "source"), ("Peking", "target")}), ("TRAVEL", {("Olaf Scholz", "source")})]),
    ("Selenskyj ist zu einem Treffen mit Biden in Washington eingetroffen.",
     {"Selenskyj": "PER", "Biden": "PER", "Washington": "LOC"},
     [("MEET", {("Selenskyj", "source"), ("Biden", "target")}), ("TRAVEL", {("Selenskyj", "source")})]),
    # talks with no party of their own: the trip's place stays the trip's
    ("Baerbock reist am Montag zu Gesprächen nach Kairo.", {"Baerbock": "PER", "Kairo": "LOC"},
     [("TRAVEL", {("Baerbock", "source")})]),
])
def test_what_a_journey_is_for(text, names, expected):
    assert _typed(article(text, names, published="2024-04-16"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a promised delivery is a delivery; a veto is a refusal
    ("Verteidigungsminister Boris Pistorius sagte der Ukraine weitere Waffenlieferungen zu.",
     {"Boris Pistorius": "PER", "Ukraine": "LOC"},
     [("TRADE", {("Boris Pistorius", "source"), ("Ukraine", "target")})]),
    ("Die Slowakei legte gegen das Sanktionspaket ein Veto ein.", {"Slowakei": "LOC"},
     [("REJECT", {("Slowakei", "source")})]),
])
def test_promised_deliveries_and_vetoes(text, names, expected):
    assert _typed(article(text, names, published="2024-04-16"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # an attack warned of or feared is a possibility
    ("Der polnische Regierungschef Donald Tusk warnte vor einem russischen Angriff auf die Nato.",
     {"Donald Tusk": "PER", "Nato": "ORG"}, {("STATEMENT", "asserted"), ("ATTACK", "speculative")}),
    ("Aus Angst vor einem Angriff Russlands flohen Tausende.", {"Russlands": "LOC"}, {("ATTACK", "speculative")}),
    # a past attack after "vor" that nobody warns of stays asserted
    ("Vor dem Angriff Russlands auf die Ukraine trafen sich Scholz und Biden.",
     {"Russlands": "LOC", "Ukraine": "LOC", "Scholz": "PER", "Biden": "PER"},
     {("ATTACK", "asserted"), ("MEET", "asserted")}),
])
def test_feared_events_are_speculative(text, names, expected):
    events = EventExtractor()(article(text, names, published="2024-04-16")).events
    assert {(e.type, e.modality) for e in events} == expected


def test_contradicting_an_accusation_is_a_denial_and_the_accuser_speaks_for_it():
    text = "Tesla-Chef Elon Musk hat den Vorwürfen der US-Börsenaufsicht SEC widersprochen."
    events = EventExtractor()(article(text, {"Elon Musk": "PER", "SEC": "ORG"}, published="2024-04-16")).events
    assert [(e.type, {(a.name, a.role) for a in e.actors}, e.attribution) for e in events] == [
        ("ACCUSE", {("SEC", "source")}, "SEC"), ("DENY", {("Elon Musk", "source")}, "Elon Musk")]


@pytest.mark.parametrize("text, names, expected", [
    # a body named by its place acts, not the town the tagger found
    ("Das Landgericht München verurteilte den früheren Audi-Chef Rupert Stadler zu einer Bewährungsstrafe.",
     {"München": "LOC", "Rupert Stadler": "PER"},
     [("ARREST", {("Landgericht München", "source"), ("Rupert Stadler", "target")})]),
    ("Die Staatsanwaltschaft Stuttgart hat Anklage gegen Anton Schlecker erhoben.",
     {"Stuttgart": "LOC", "Anton Schlecker": "PER"},
     [("ACCUSE", {("Staatsanwaltschaft Stuttgart", "source"), ("Anton Schlecker", "target")})]),
    # a preposition between them leaves the place a place
    ("Scholz sprach mit der Polizei in Köln.", {"Scholz": "PER", "Köln": "LOC"},
     [("MEET", {("Scholz", "source")})]),
])
def test_bodies_named_by_their_place(text, names, expected):
    assert _typed(article(text, names, published="2024-04-16"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a "wie"-clause that opens the sentence vouches for the rest of it
    ("Wie die Gewerkschaft Verdi mitteilte, legen die Mitarbeiter für zwei Tage die Arbeit nieder.",
     {"Verdi": "ORG"}, [("STATEMENT", "Verdi", "asserted"), ("PROTEST", "Verdi", "reported")]),
    ("Wie die Nachrichtenagentur KCNA berichtete, traf Kim Jong Un den Minister Schoigu.",
     {"KCNA": "ORG", "Kim Jong Un": "PER", "Schoigu": "PER"},
     [("STATEMENT", "KCNA", "asserted"), ("MEET", "KCNA", "reported")]),
    # after the sentence's first clause it vouches only for what stands right before it
    ("Kim Jong Un traf Schoigu, wie KCNA berichtete, und Putin reiste nach Peking.",
     {"KCNA": "ORG", "Kim Jong Un": "PER", "Schoigu": "PER", "Putin": "PER", "Peking": "LOC"},
     [("MEET", "KCNA", "reported"), ("STATEMENT", "KCNA", "asserted"), ("TRAVEL", None, "asserted")]),
])
def test_a_leading_wie_clause_vouches_for_the_sentence(text, names, expected):
    events = EventExtractor()(article(text, names, published="2024-04-16")).events
    assert [(e.type, e.attribution, e.modality) for e in events] == expected


@pytest.mark.parametrize("text, names, expected", [
    # taking a place is an attack on it; taking a pill is nothing
    ("Die russische Armee hat Awdijiwka erobert.", {"Awdijiwka": "LOC"},
     [("ATTACK", {("Russland", "source"), ("Awdijiwka", "target")})]),
    ("Die Truppen nahmen die Stadt Bachmut ein.", {"Bachmut": "LOC"}, [("ATTACK", {("Bachmut", "target")})]),
    ("Er nahm eine Tablette ein.", {}, []),
])
def test_capturing_a_place(text, names, expected):
    assert _typed(article(text, names, published="2024-04-16"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a meeting only referred to after "nach", with no party of its own, is no new event
    ("„Wir verstehen uns gut“, sagte Durnwalder nach dem Treffen.", {"Durnwalder": "PER"},
     [("STATEMENT", {("Durnwalder", "source")})]),
    # with a party, a relative clause or a compound part it is one, the subject's
    ("Spar hat nach Gesprächen mit den Vermietern die Übernahme fixiert.", {"Spar": "ORG"},
     [("MEET", {("Spar", "source")})]),
    ("Die FDP hat bei den Koalitionsverhandlungen viel bekommen.", {"FDP": "ORG"},
     [("MEET", {("FDP", "source")})]),
    # an arrival stays the subject's own
    ("Nach der Ankunft sagte Putin, er sei zufrieden.", {"Putin": "PER"},
     [("TRAVEL", {("Putin", "source")}), ("STATEMENT", {("Putin", "source")})]),
])
def test_an_event_noun_only_referred_to(text, names, expected):
    assert _typed(article(text, names, published="2024-04-16"), 0) == expected


@pytest.mark.parametrize("text, expected", [
    # repelling an attack or a unit is fighting; dismissing a suit is a refusal
    ("In der Gegend des Prespasees wurde eine feindliche Erkundungsabteilung durch unser Feuer abgewiesen.", ["ATTACK"]),
    ("Die Armee wies den Angriff der Rebellen ab.", ["ATTACK"]),
    ("Das Gericht wies die Klage ab.", ["REJECT"]),
])
def test_repelling_is_fighting(text, expected):
    assert [e.type for e in EventExtractor(ExtractorOptions(min_confidence=0))(article(text, {}, published="1917-04-16")).events] \
        == expected


def test_who_says_so_in_a_compound_is_no_party_left_out():
    # "nach Angaben des Élysée-Palasts": the palace's part of the compound says so; the signing keeps no actor
    text = "Nach Angaben des Élysée-Palasts soll dort auch ein Abkommen über Rüstungskooperation unterzeichnet werden."
    events = EventExtractor()(article(text, {}, published="2024-03-18")).events
    assert [(e.type, e.modality, e.actors) for e in events] == [("AGREE", "planned", ())]


@pytest.mark.parametrize("text, names, expected", [
    # a meeting whose subject is a pronoun keeps the person it names
    ("Macron reist nach Warschau, wo er den polnischen Ministerpräsidenten Donald Tusk treffen will.",
     {"Macron": "PER", "Warschau": "LOC", "Donald Tusk": "PER"},
     [("TRAVEL", {("Macron", "source")}), ("MEET", {("Donald Tusk", "target")})]),
    ("Dort traf sie den ukrainischen Präsidenten Wolodymyr Selenskyj.", {"Wolodymyr Selenskyj": "PER"},
     [("MEET", {("Wolodymyr Selenskyj", "target")})]),
    # a hit is no meeting
    ("Er traf Müller mit einem Stein am Kopf.", {"Müller": "PER"}, []),
    ("Die Kugel traf Müller am Arm.", {"Müller": "PER"}, []),
])
def test_meeting_with_a_pronoun_subject(text, names, expected):
    assert _typed(article(text, names, published="2024-03-18"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # resisting an accusation denies it, resisting anything else refuses it
    ("Landrat Siegfried Walch wehrt sich gegen den Vorwurf, man habe Personal aufzwingen wollen.",
     {"Siegfried Walch": "PER"}, [("DENY", {("Siegfried Walch", "source")})]),
    ("Die Ukraine wehrt sich gegen die russische Invasion.", {"Ukraine": "LOC"},
     [("REJECT", {("Ukraine", "source")}), ("ATTACK", {("Russland", "source")})]),
    # allowing is approving; an approved event's parties are targets beside the one allowed
    ("Die USA erlaubten der Ukraine den Einsatz von Langstreckenraketen.", {"USA": "LOC", "Ukraine": "LOC"},
     [("ACCEPT", {("USA", "source"), ("Ukraine", "target")})]),
    ("Gabriel will dem Handelsriesen Edeka die Übernahme der Supermarktkette Kaiser's Tengelmann erlauben.",
     {"Gabriel": "PER", "Edeka": "ORG", "Kaiser's Tengelmann": "ORG"},
     [("ACQUIRE", {("Kaiser's Tengelmann", "target")}),
      ("ACCEPT", {("Gabriel", "source"), ("Edeka", "target"), ("Kaiser's Tengelmann", "target")})]),
    # raising a stake is buying
    ("Unicredit hatte ihren Anteil an der Commerzbank auf 21 Prozent aufgestockt.",
     {"Unicredit": "ORG", "Commerzbank": "ORG"}, [("ACQUIRE", {("Unicredit", "source"), ("Commerzbank", "target")})]),
])
def test_resisting_allowing_and_raising_a_stake(text, names, expected):
    assert _typed(article(text, names, published="2024-11-20"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # an infinitive before "zu" and a modal has the governing verb's subject, and its object stays one
    ("Putin kündigte an, Kim in Pjöngjang besuchen zu wollen.", {"Putin": "PER", "Kim": "PER", "Pjöngjang": "LOC"},
     [("STATEMENT", {("Putin", "source")}), ("VISIT", {("Putin", "source"), ("Kim", "target"), ("Pjöngjang", "target")})]),
    ("Orcel kündigte an, mit der Bundesregierung Gespräche führen zu wollen.", {"Orcel": "PER"},
     [("STATEMENT", {("Orcel", "source")}), ("MEET", {("Orcel", "source")})]),
])
def test_infinitive_before_zu_and_a_modal(text, names, expected):
    assert _typed(article(text, names, published="2024-11-20"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # what is announced is planned, and a named announcer vouches for it
    ("Verdi kündigt Streiks an Flughäfen an.", {"Verdi": "ORG"},
     [("STATEMENT", "asserted", "Verdi"), ("PROTEST", "planned", "Verdi")]),
    ("Die G7 kündigten neue Sanktionen gegen Moskau an.", {"G7": "ORG", "Moskau": "LOC"},
     [("STATEMENT", "asserted", "G7"), ("SANCTION", "planned", "G7")]),
    # not across "und": what is condemned before is no plan
    ("Die G7 verurteilten die Angriffe Russlands und kündigten neue Sanktionen gegen Moskau an.",
     {"G7": "ORG", "Russlands": "LOC", "Moskau": "LOC"},
     [("CRITICIZE", "asserted", "G7"), ("ATTACK", "asserted", None), ("STATEMENT", "asserted", "G7"),
      ("SANCTION", "planned", "G7")]),
    # without a named announcer no attribution, least of all the announced noun itself
    ("Das Unternehmen kündigte eine engere Zusammenarbeit mit Bosch an.", {"Bosch": "ORG"},
     [("COOPERATE", "planned", None)]),
])
def test_announced_events_are_planned(text, names, expected):
    events = EventExtractor()(article(text, names, published="2024-11-20")).events
    assert [(e.type, e.modality, e.attribution) for e in events] == expected


def test_promised_goods_are_a_delivery():
    text = "Deutschland hatte der Ukraine zuletzt ein drittes Patriot-System zugesagt."
    assert _typed(article(text, {"Deutschland": "LOC", "Ukraine": "LOC"}, published="2024-04-20"), 0) == [
        ("TRADE", {("Deutschland", "source"), ("Ukraine", "target")})]


def test_a_group_of_states_before_its_members():
    # "G7-Staaten": the group acts, as "EU-Staaten" is the EU
    text = "Die G7-Staaten verurteilten die russischen Angriffe."
    assert _typed(article(text, {}, published="2024-04-20"), 0) == [
        ("CRITICIZE", {("G7", "source"), ("Russland", "target")}), ("ATTACK", {("Russland", "source")})]


@pytest.mark.parametrize("text, names, expected", [
    # the owner of what is attacked is the target ("Ziele der Hisbollah"), also after a bare plural
    ("Putin hat Ziele der Hisbollah angegriffen.", {"Putin": "PER", "Hisbollah": "ORG"},
     [("ATTACK", {("Putin", "source"), ("Hisbollah", "target")})]),
    ("Israel griff die Stellungen der Hamas an.", {"Israel": "LOC", "Hamas": "ORG"},
     [("ATTACK", {("Israel", "source"), ("Hamas", "target")})]),
    # not the owner of the means ("mit Drohnen des Iran")
    ("Russland griff mit Drohnen des Iran an.", {"Russland": "LOC", "Iran": "LOC"},
     [("ATTACK", {("Russland", "source")})]),
])
def test_the_owner_of_what_is_attacked_is_the_target(text, names, expected):
    assert _typed(article(text, names, published="2024-11-24"), 0) == expected


def test_a_subordinator_inside_a_name_opens_no_clause():
    # "Weil" in "Stephan Weil" is a surname, not "weil"
    text = "Ministerpräsident Stephan Weil forderte Neuwahlen."
    assert _typed(article(text, {"Stephan Weil": "PER"}, published="2024-11-24"), 0) == [
        ("DEMAND", {("Stephan Weil", "source")})]


@pytest.mark.parametrize("text, names, expected", [
    # summoning a state's ambassador is a diplomatic protest against that state
    ("Die Ukraine bestellte den ungarischen Botschafter ein.", {"Ukraine": "LOC"},
     [("CRITICIZE", {("Ukraine", "source"), ("Ungarn", "target")})]),
    ("Deutschland hat den iranischen Botschafter einbestellt.", {"Deutschland": "LOC"},
     [("CRITICIZE", {("Deutschland", "source"), ("Iran", "target")})]),
    # punitive tariffs imposed are a sanction
    ("Die EU verhängte Strafzölle auf Elektroautos.", {"EU": "ORG"}, [("SANCTION", {("EU", "source")})]),
])
def test_summoned_ambassadors_and_punitive_tariffs(text, names, expected):
    assert _typed(article(text, names, published="2024-11-24"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # the second verb phrase after "und" keeps its objects: Trump is met, not travelled to
    ("Trudeau reiste nach Florida und traf dort Trump.", {"Trudeau": "PER", "Florida": "LOC", "Trump": "PER"},
     [("TRAVEL", {("Trudeau", "source")}), ("MEET", {("Trudeau", "source"), ("Trump", "target")})]),
    ("Trudeau besuchte Florida und traf Trump.", {"Trudeau": "PER", "Florida": "LOC", "Trump": "PER"},
     [("VISIT", {("Trudeau", "source"), ("Florida", "target")}), ("MEET", {("Trudeau", "source"), ("Trump", "target")})]),
    # coordinated names after one verb stay its own
    ("Putin empfing Kim und Schoigu.", {"Putin": "PER", "Kim": "PER", "Schoigu": "PER"},
     [("MEET", {("Putin", "source"), ("Kim", "target"), ("Schoigu", "target")})]),
])
def test_a_first_verb_leaves_the_second_verb_phrase_its_objects(text, names, expected):
    assert _typed(article(text, names, published="2024-11-24"), 0) == expected


def test_a_pronoun_speaker_is_a_name_of_the_sentence_before():
    text = ("Kobachidse kündigte an, die Gespräche auszusetzen. Auch in Serbien gingen Studenten auf die Straße. "
            "Sie fordern den Rücktritt von Präsident Vučić. Er warf der EU Einmischung vor.")
    names = {"Kobachidse": "PER", "Serbien": "LOC", "Vučić": "PER", "EU": "ORG"}
    events = EventExtractor()(article(text, names, published="2024-11-24")).events
    by_trigger = {text[e.trigger.start:e.trigger.end]: e.attribution for e in events}
    # two sentences back is too far: the students demand, not Kobachidse
    assert by_trigger["fordern"] is None
    # the sentence before: "Er" is Vučić
    assert by_trigger["warf"] == "Vučić"


@pytest.mark.parametrize("text, names, expected", [
    # money promised or provided is aid
    ("Deutschland sagte der Ukraine zehn Milliarden Euro zu.", {"Deutschland": "LOC", "Ukraine": "LOC"},
     [("AID", {("Deutschland", "source"), ("Ukraine", "target")})]),
    ("Die EU stellt der Ukraine 50 Milliarden Euro bereit.", {"EU": "ORG", "Ukraine": "LOC"},
     [("AID", {("EU", "source"), ("Ukraine", "target")})]),
    ("Intel erhält Subventionen der EU.", {"EU": "ORG"}, [("AID", {("EU", "source")})]),
    # what else is provided is no aid, and a promise without money is an acceptance
    ("Die EU stellt der Ukraine Personal bereit.", {"EU": "ORG", "Ukraine": "LOC"}, []),
    ("Merz sagte seine Teilnahme zu.", {"Merz": "PER"}, [("ACCEPT", {("Merz", "source")})]),
])
def test_money_promised_or_provided_is_aid(text, names, expected):
    assert _typed(article(text, names, published="2024-11-24"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # "der" before an adjective in "-en", opening the clause, is a dative: the newspaper is told
    ("Der Süddeutschen Zeitung sagte Merz, die Lage sei ernst.", {"Süddeutschen Zeitung": "ORG", "Merz": "PER"},
     [("STATEMENT", {("Merz", "source"), ("Süddeutschen Zeitung", "target")})]),
    ("Der Europäischen Union warf Orban Erpressung vor.", {"Europäischen Union": "ORG", "Orban": "PER"},
     [("ACCUSE", {("Orban", "source"), ("Europäischen Union", "target")})]),
    # the nominative has "-e"; a genitive's adjective inside the name does not count
    ("Der Deutsche Bundestag lehnte den Antrag ab.", {"Deutsche Bundestag": "ORG"},
     [("REJECT", {("Deutsche Bundestag", "source")})]),
    ("Der Gesamtverband der Deutschen Versicherungswirtschaft kritisierte Merz.",
     {"Gesamtverband der Deutschen Versicherungswirtschaft": "ORG", "Merz": "PER"},
     [("CRITICIZE", {("Gesamtverband der Deutschen Versicherungswirtschaft", "source"), ("Merz", "target")})]),
])
def test_der_before_an_adjective_in_en_is_a_dative(text, names, expected):
    assert _typed(article(text, names, published="2024-11-24"), 0) == expected


@pytest.mark.parametrize("text, names, expected", [
    # a meeting is no interview: the meeting stays beside the statement made at it
    ("Bei einem Treffen mit Rutte sagte Selenskyj, die Ukraine brauche Hilfe.", {"Rutte": "PER", "Selenskyj": "PER"},
     [("MEET", {("Selenskyj", "source"), ("Rutte", "target")}), ("STATEMENT", {("Selenskyj", "source")})]),
    # a talk in which something is said is the interview it was said in
    ("Im Gespräch mit der Zeitung sagte Selenskyj, die Ukraine brauche Hilfe.", {"Selenskyj": "PER"},
     [("STATEMENT", {("Selenskyj", "source")})]),
])
def test_a_meeting_is_no_interview(text, names, expected):
    assert _typed(article(text, names, published="2024-11-24"), 0) == expected


def test_swearing_in_is_a_change_of_office():
    # "angeloben" (Austrian for "vereidigen"; simplemma reads the participle "angelobt" as "anloben")
    text = "Van der Bellen wird Merz am Montag angeloben."
    assert _typed(article(text, {"Van der Bellen": "PER", "Merz": "PER"}, published="2024-12-16"), 0) == [
        ("LEADERSHIP", {("Van der Bellen", "source"), ("Merz", "target")})]


@pytest.mark.parametrize("text, names, expected", [
    # proceedings opened against someone are an accusation, as a suit is
    ("Brüssel leitete ein Vertragsverletzungsverfahren gegen Deutschland ein.", {"Brüssel": "LOC", "Deutschland": "LOC"},
     [("ACCUSE", {("Brüssel", "source"), ("Deutschland", "target")})]),
    # a procedure against nobody is none
    ("Das Verfahren wurde für Deutschland vereinfacht.", {"Deutschland": "LOC"}, []),
])
def test_proceedings_against_someone_are_an_accusation(text, names, expected):
    assert _typed(article(text, names, published="2024-12-18"), 0) == expected

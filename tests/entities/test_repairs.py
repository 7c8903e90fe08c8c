"""Chunk repairs after the CRF (chronik.entities.repairs): names the sentence gives away."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.entities.repairs import ChunkRepairs, load_cues


@pytest.fixture(scope="module")
def repairs(recognizer):
    return ChunkRepairs(recognizer.featurizer.lexicon, recognizer.featurizer.gazetteer, recognizer.is_title)


def tagged(text):
    """"Berlin/LOC ( Reuters ) -" -> words, BIO tags (a label on each word of a chunk; "+" joins
    the next word into the same chunk)."""
    words, tags = [], []
    previous = None
    for item in text.split():
        word, _, label = item.partition("/")
        joined = label.endswith("+")
        label = label.rstrip("+")
        if not label:
            tags.append("O")
        elif previous == label:
            tags.append(f"I-{label}")
        else:
            tags.append(f"B-{label}")
        previous = label if joined else None
        words.append(word)
    return words, tuple(tags)


@pytest.mark.parametrize("text, expected", [
    # a news agency in a dateline
    ("Berlin/LOC ( Reuters ) - Der Bundestag", ("B-LOC", "O", "B-ORG", "O", "O", "O", "B-ORG")),
    # untagged words before a known agency and a dash are the dateline's place
    ("Tel Aviv ( dpa/ORG ) - Die Armee", ("B-LOC", "I-LOC", "O", "B-ORG", "O", "O", "O", "O")),
    ("Frankfurt am Main ( AFP ) - Die Bank", ("B-LOC", "I-LOC", "I-LOC", "O", "B-ORG", "O", "O", "O", "O")),
    # ... not before an unknown word in parentheses, nor an article
    ("Tel Aviv ( Kommentar ) - Die Armee", ("O",) * 8),
    ("Die Grünen ( dpa ) - Die Armee", ("O",) * 8),
    # a place in parentheses is no agency
    ("Wels/LOC ( Traun ) - 344", ("B-LOC", "O", "O", "O", "O", "O")),
    # an organisation or medium noun before an untagged name or acronym
    ("berichtete der US-Nachrichtensender CNN .", ("O", "O", "O", "B-ORG", "O")),
    ("die Literaturzeitschrift „ Eckart “ .", ("O", "O", "O", "B-ORG", "O", "O")),
    # ... also before a chunk the CRF took for a person
    ("von der Rockband Fold/PER+ Zandura/PER beeinflusst", ("O", "O", "O", "B-ORG", "I-ORG", "O")),
    # a firm name that goes on past the run is left alone
    ("aus dem Verlag Hug & Cie .", ("O",) * 7),
    # a common noun after the noun is no name
    ("der Verein Fontane-Lesungen veranstaltet", ("O",) * 4),
    # a place noun before an untagged name
    ("vom Flughafen Moskau-Scheremetjewo ab", ("O", "O", "B-LOC", "O")),
    ("des Kantons Bern .", ("O", "O", "B-LOC", "O")),
    ("es gab in der Region Probleme", ("O",) * 6),
    # a known first name and a name-like word
    ("und selbstverständlich Michael Ballack .", ("O", "O", "B-PER", "I-PER", "O")),
    ("im August Berlin", ("O", "O", "O")),  # a month is no first name
    ("Michael/PER Ballack", ("B-PER", "O")),  # no chunk is extended
    # one word that names a public body by its form
    ("warnte der Bundesnachrichtendienst .", ("O", "O", "B-ORG", "O")),
    ("das Umweltbundesamt teilte mit", ("O", "B-ORG", "O", "O")),
    ("ersuchte Landesrat Theiner", ("O", "O", "B-PER")),  # a role before a name: no body, the name a person
    ("in der Bundesliga", ("O", "O", "O")),  # a league is no body
    ("des Europäischen Parlaments .", ("O", "B-ORG", "I-ORG", "O")),
    ("die Europäische Kommission Brüssel", ("O", "O", "O", "O")),  # the run goes on: left alone
    # the genitive of a country or a big city
    ("die Regierung Portugals und Hannovers Bürgermeister", ("O", "O", "B-LOC", "O", "B-LOC", "O")),
    ("die Politik Bushs", ("O", "O", "O")),  # a place that is also a surname
    # a name in the genitive before a German noun
    ("war Gast bei Wulffs Hochzeitsfeier .", ("O", "O", "O", "B-PER", "O", "O")),
    ("Denn Holroyds Stimme ist brüchig", ("O", "B-PER", "O", "O", "O")),
    ("über Zabels Entscheidung", ("O", "B-PER", "O")),
    ("Bereits Johannes Eltern", ("O", "O", "O")),  # a first name in -s
    ("Männer Spitzenreitertrikots Der", ("O", "O", "O")),  # a compound noun
    ("der Index-Provider Dow Jones Indexes", ("O",) * 5),  # inside a capitalised run
    ("bei Wulffs Hochzeit/MISC", ("O", "O", "B-MISC")),  # no untagged noun after it
    ("Sterzings Bürgermeister Fritz/PER", ("O", "O", "B-PER")),  # a town's role noun after it
    # an unknown word alone after "in", "nach" or "aus"
    ("Touristen nach Kratie .", ("O", "O", "B-LOC", "O")),
    ("„ In Leoben bin ich", ("O", "O", "B-LOC", "O", "O")),
    ("ein halbes Jahr nach Marktstart in", ("O",) * 6),  # a compound noun the lexicon lacks
    ("Nach EZB-Daten legte", ("O",) * 3),
    ("in Kratie Nord", ("O",) * 3),  # the capitalised run goes on
    ("in Sven", ("O", "O")),  # a first name
    # an acronym after an article or possessive
    ("an der Vergangenheitsaufarbeitung des DFB geübt", ("O", "O", "O", "O", "B-ORG", "O")),
    ("seiner UMP bleibt", ("O", "B-ORG", "O")),
    ("aus dem XVI . Jahrhundert", ("O",) * 5),  # a Roman numeral
    ("auf der ISE 2016 aus", ("O",) * 5),  # before a number
    ("der DFB Pokal", ("O",) * 3),  # the capitalised run goes on
    # ... also after an article that opens the sentence, not after another capitalised word
    ("Die ÖVP und die SPÖ/ORG haben", ("O", "B-ORG", "O", "O", "B-ORG", "O")),
    ("- Die ÖVP und", ("O", "O", "B-ORG", "O")),
    ("Bericht Die ÖVP und", ("O",) * 4),
    (": Die HH . Müller", ("O", "O", "O", "O", "O")),  # "Herren", abbreviated
    # a name right after a role or kinship noun
    ("und späteren Bischof Avitus in Clermont", ("O", "O", "O", "B-PER", "O", "O")),
    ("von seiner Mutter Armentaria in", ("O", "O", "O", "B-PER", "O")),
    ("Croft , Leiterin Rohstoffanalyse bei", ("O",) * 5),  # a German word
    # a name of two or three parts after a title, short parts the word lists lack, a chunk inside
    ("Staatschef Xi Jinping/LOC reist", ("O", "B-PER", "I-PER", "O")),
    ("Außenminister Wang Yi traf", ("O", "B-PER", "I-PER", "O")),
    ("Bürgermeister Xu Wien/LOC sagte", ("O", "O", "B-LOC", "O")),  # a place the gazetteer knows
    ("Präsident Xu Jinpeng Stiftung", ("O",) * 4),  # the capitalised run goes on
    ("Präsident Xu sagte", ("O",) * 3),  # one short part alone
    ("Vizeadmiral Sir Ar ¬ thur", ("O",) * 5),  # a name broken at the line end
    # a name after a form of address
    ("Herr Umlauft dankt", ("O", "B-PER", "O")),
    ("Hr . Dr . Locher erbietet sich", ("O", "O", "O", "O", "B-PER", "O", "O")),  # a noun as surname after "Hr."
    ("Hrn . Ledure", ("O", "O", "B-PER")),
    ("Hr . Dr . Carl v . Muralt/PER , übernahm", ("O", "O", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O")),
    ("eine Frau Anfang 30", ("O",) * 4),  # after "Frau" only name-like words
    ("Herr Bürgermeister sagte", ("O",) * 3),  # a role noun
    ("der Herr Abg . Müller/PER", ("O", "O", "O", "O", "B-PER")),  # an abbreviated role
    ("100 Fr . Buße", ("O",) * 4),  # francs
    ("Herr Umlauft Kandidat", ("O",) * 3),  # the capitalised run goes on
    # "von" / "v." in a person's name
    ("Dr . Alphons/PER v . Eccher ,", ("O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O")),
    ("Moriz/PER+ Ritter/PER v . Summer/PER hat", ("B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "O")),
    ("Oberleutnant v . Sarlay/PER erklären", ("O", "B-PER", "I-PER", "I-PER", "O")),
    ("Als Herr von Pappenheim/LOC der", ("O", "O", "B-PER", "I-PER", "O")),
    ("erster Herr von Werthern/LOC .", ("O", "O", "O", "B-LOC", "O")),  # a lord and his place
    ("Ehemann von Kim/PER+ Kardashian/PER ,", ("O", "O", "B-PER", "I-PER", "O")),  # a relation
    ("Sprecher von Merkel/PER sagte", ("O", "O", "B-PER", "O")),
    ("Müller/PER von Siemens/ORG", ("B-PER", "O", "B-ORG")),
    ("Meier/PER von Zürich/LOC", ("B-PER", "O", "B-LOC")),
    ("Ursula/PER von der Leyen besuchte", ("B-PER", "I-PER", "I-PER", "I-PER", "O")),  # two particles
    ("Sprecher von der Leyen sagte", ("O",) * 5),  # not after a role noun
    # a well-known organisation that the word lists also hold as a word
    ("Israel/LOC und die Hamas haben", ("B-LOC", "O", "O", "B-ORG", "O")),
    ("Die Terrormiliz/LOC+ Hamas/LOC soll", ("O", "O", "B-ORG", "O")),
    ("die Hamas-Führung lehnte", ("O", "O", "O")),  # a compound is no name
    ("Volkswagen kündigte an", ("B-ORG", "O", "O")),
    # ... and one of several words, also over a chunk inside it
    ("Human Rights/PER Watch warf", ("B-ORG", "I-ORG", "I-ORG", "O")),
    ("Ärzte ohne Grenzen warnte", ("B-ORG", "I-ORG", "I-ORG", "O")),
    ("Ärzte ohne Grenzschutz", ("O", "O", "O")),  # not a part of the name only
    ("Die Bundesanwaltschaft wirft", ("O", "B-ORG", "O")),
    ("Dem Redaktionsnetzwerk Deutschland/LOC sagte", ("O", "B-ORG", "I-ORG", "O")),
    # a newspaper told after a verb of saying (and its speaker)
    ("Merz/PER sagte der Welt , die", ("B-PER", "O", "O", "B-ORG", "O", "O")),
    ("sagte Merz/PER der Bild am Sonntag :", ("O", "B-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O")),
    ("sagte Merz/PER der „ Neuen Presse “ ,", ("O", "B-PER", "O", "O", "B-ORG", "I-ORG", "O", "O")),
    ("Der Papst sagte der Welt Adieu", ("O",) * 6),  # the world, not the paper
    ("wie Merz/PER der Bild am Sonntag sagte", ("O", "B-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O")),
    ("wie Merz/PER der Welt half", ("O", "B-PER", "O", "O", "O")),  # no verb of saying
    ("Marine Le Pen erklärte", ("B-PER", "I-PER", "I-PER", "O")),
    ("Der Konzern Novartis übernimmt", ("O", "O", "B-ORG", "O")),
    # a person much in the news that the CRF misses or mislabels
    ("Kim Jong Un traf Schoigu in Pjöngjang/LOC .", ("B-PER", "I-PER", "I-PER", "O", "B-PER", "O", "B-LOC", "O")),
    ("Putin empfing Xi Jinping/LOC .", ("B-PER", "O", "B-PER", "I-PER", "O")),
    ("Putins Besuch", ("B-PER", "O")),
    ("Präsident Xi sagte", ("O", "B-PER", "O")),
    ("die Wladimir/ORG+ Putin/ORG+ Stiftung/ORG gab", ("O", "B-ORG", "I-ORG", "I-ORG", "O")),  # a chunk beyond the name
    ("das Blinken der Lampen", ("O",) * 4),  # a verb made noun
    # an organisation of name-like words right after a title is the titled person
    ("teilte Bürgermeister Ihor/ORG+ Terechow/ORG mit", ("O", "O", "B-PER", "I-PER", "O")),
    ("der Chef Deutsche/ORG+ Bank/ORG sagte", ("O", "O", "B-ORG", "I-ORG", "O")),
    # a title inside a chunk is no part of the name, whatever the chunk's label
    ("Kanzler/PER+ Merz/PER lehnte", ("O", "B-PER", "O")),
    ("Bundeskanzler/ORG+ Merz/ORG lehnte", ("O", "B-PER", "O")),
    # a weekday after "am" opens no name
    ("besuchte am Sonntag/LOC+ Lampedusa/LOC .", ("O", "O", "O", "B-LOC", "O")),
])
def test_repairs_add_the_names_the_sentence_gives_away(repairs, text, expected):
    words, tags = tagged(text)
    assert repairs(words, tags) == expected


def test_repairs_keep_tags_without_cues(repairs):
    words, tags = tagged("Die Bundesregierung/ORG hat am Montag beschlossen , dass")
    assert repairs(words, tags) == tags


def test_name_like_words(repairs):
    assert repairs.name_like("Ballack") and repairs.name_like("Moskau-Scheremetjewo")
    assert not repairs.name_like("Probleme")  # a German word form
    assert not repairs.name_like("SVP-Nationalrat")  # a compound ending in a German noun
    assert not repairs.name_like("Präsident")  # a role noun
    assert not repairs.name_like("August") and not repairs.name_like("Dr")
    assert not repairs.name_like("Ro¬")  # an OCR artefact


def test_load_cues_rejects_an_unknown_kind():
    assert load_cues("# comment\nsender\tORG\nAugust\tNOT\n") == \
        {"ORG": ("sender",), "LOC": (), "NOT": ("August",), "SAY": (), "STATE": (), "BODY": (), "NAMED": (), "KIN": (), "KNOWN": (), "PERSON": (), "PAPER": ()}
    with pytest.raises(ValueError, match="kind"):
        load_cues("sender\tPER\n")


def test_the_recognizer_applies_the_repairs(recognizer):
    from chronik.entities.recognizer import Recognizer

    words = "Das berichtete der US-Nachrichtensender CNN am Montag .".split()
    assert recognizer.tag(words)[4] == "B-ORG"
    with Recognizer(repairs=False) as plain:
        assert plain.repairs is None
        assert len(plain.tag(words)) == len(words)


@pytest.mark.parametrize("text, expected", [
    ("Verbundnetz/ORG+ Gas/ORG+ AG/ORG ( VNG ) in", ("B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "O", "O")),
    ("Commerz/ORG+ Real/ORG+ AG/ORG ( FOTO )", ("B-ORG", "I-ORG", "I-ORG", "O", "O", "O")),  # not its initial
    ("Hessen/LOC ( BSBD ) ,", ("B-LOC", "O", "O", "O", "O")),  # only after an organisation
])
def test_an_acronym_in_parentheses_after_an_organisation(repairs, text, expected):
    words, tags = tagged(text)
    assert repairs(words, tags) == expected


@pytest.mark.parametrize("text, expected", [
    ("“ , betonte Thierse .", ("O", "O", "O", "B-PER", "O")),  # a name the lexicon knows
    ("“ , so Ketterer .", ("O", "O", "O", "B-PER", "O")),
    (", sagte Seehofer über die Wahl", ("O", "O", "B-PER", "O", "O", "O")),
    # a role-noun compound before the name is no part of it (the first-name repair finds the name)
    (", sagte Mibrag-Betriebsrat Mario Gierl .", ("O", "O", "O", "B-PER", "I-PER", "O")),
    # a role noun is no speaker's name; the name after it is a person (person_after_role)
    (", sagte Außenminister Lawrow .", ("O", "O", "O", "B-PER", "O")),
    ("sagte Pfister .", ("O",) * 3),  # no comma: not the speaker after a quote
    (", sagt Ex-SVP-K-Abg .", ("O",) * 4),  # an abbreviated former role, not a name
])
def test_the_speaker_after_a_verb_of_saying(repairs, text, expected):
    words, tags = tagged(text)
    assert repairs(words, tags) == expected


_VOCAB = ["Berlin", "(", ")", "-", ",", "sagte", "so", "der", "US-Nachrichtensender", "CNN", "Flughafen", "Michael",
          "Ballack", "„", "“", "&", "Verlag", "AG", "VNG", "Kantons", "Bern", "August", "und", ".", "Probleme", "",
          "Wulffs", "Hochzeitsfeier", "Herr", "Hr", "Dr", "v"]


@given(st.lists(st.tuples(st.sampled_from(_VOCAB), st.sampled_from(["O", "B-PER", "I-PER", "B-LOC", "B-ORG", "I-ORG"])),
                max_size=12))
@settings(max_examples=300, deadline=None)
def test_repairs_only_add_or_relabel_chunks(repairs, pairs):
    from chronik.entities.corpora import bio, chunks

    words = [w for w, _ in pairs]
    tags = bio(len(words), chunks([t for _, t in pairs]))  # well-formed input, as the tagger gives
    out = repairs(words, tags)
    assert len(out) == len(tags) and out == bio(len(out), chunks(out))  # well-formed BIO
    after = {(a, b) for a, b, _ in chunks(out)}
    for a, b, label in chunks(tags):
        # no chunk is cut, moved or dropped; at most its label changes, or two persons around "v." are
        # joined into one name (nobility_names: "Carl/PER v. Muralt/PER" is one person); the vocabulary
        # holds no titles or known names, whose repairs cut or join chunks by design
        assert (a, b) in after or any(c <= a and b <= d and "v" in words[c:d] for c, d in after)

import pytest

from chronik.text import LanguageStage, SentenceSplitter, tokenize


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er kam am 14. September nach Berlin. Dort blieb er.", ["Er kam am 14. September nach Berlin.", "Dort blieb er."]),
        ("Der 3. Tag begann früh. Alle waren da.", ["Der 3. Tag begann früh.", "Alle waren da."]),
        ("Das war 1961. Danach kam mehr.", ["Das war 1961.", "Danach kam mehr."]),
        ("Dr. Müller und Prof. Schmidt kamen z.B. mit u.a. Frau Lind. Sie blieben.",
         ["Dr. Müller und Prof. Schmidt kamen z.B. mit u.a. Frau Lind.", "Sie blieben."]),
        ('Er sagte: „Wir kommen. Morgen früh.“ Dann ging er.', ['Er sagte: „Wir kommen. Morgen früh.“', "Dann ging er."]),
        ("Sie sagte: «Es ist vorbei. Endgültig.» Dann schwieg sie.", ["Sie sagte: «Es ist vorbei. Endgültig.»", "Dann schwieg sie."]),
        ('"Wir bleiben. Ganz sicher", sagte sie.', ['"Wir bleiben. Ganz sicher", sagte sie.']),
        ("Kim J. Un reiste ab. Was nun? Niemand weiß es!", ["Kim J. Un reiste ab.", "Was nun?", "Niemand weiß es!"]),
        # a capital letter alone after a preposition names something ("auf X"): an article after it opens a
        # sentence; an initial before a surname does not end one
        ("Er schrieb auf X. Der Kreml schwieg.", ["Er schrieb auf X.", "Der Kreml schwieg."]),
        ("Gedichte von A. Müller erschienen.", ["Gedichte von A. Müller erschienen."]),
        ("BOZEN, 12.04. Der Bürgermeister sprach.", ["BOZEN, 12.04. Der Bürgermeister sprach."]),
        ("Überschrift ohne Punkt\nErster Satz. Zweiter Satz.", ["Überschrift ohne Punkt", "Erster Satz.", "Zweiter Satz."]),
        ("Es kostet 3,5 Mio. Euro. Das ist viel.", ["Es kostet 3,5 Mio. Euro.", "Das ist viel."]),
        # older print: titles and name initials
        ("Hr. Ch. Metz stimmt bei. Dann haben Se. Majestät geruht. Abg. Dr. David (Soz.): Jch habe.",
         ["Hr. Ch. Metz stimmt bei.", "Dann haben Se. Majestät geruht.", "Abg. Dr. David (Soz.): Jch habe."]),
    ],
)
def test_sentences_german(text, expected):
    sents = SentenceSplitter()(text)
    assert [text[s.start:s.end] for s in sents] == expected


def test_sentences_spans_cover_text_without_overlap():
    text = "Eins. Zwei.\n\n  Drei!  \nVier"
    sents = SentenceSplitter()(text)
    assert [text[s.start:s.end] for s in sents] == ["Eins.", "Zwei.", "Drei!", "Vier"]
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))


def test_tokens_keep_spans_and_german_forms():
    text = "Kim Jong-un kam am 12.04. um 14.30 Uhr, z.B. mit 1.000 Leuten."
    toks = [text[t.start:t.end] for t in tokenize(text)]
    assert toks == ["Kim", "Jong-un", "kam", "am", "12.04.", "um", "14.30", "Uhr", ",", "z.B.", "mit", "1.000", "Leuten", "."]


@pytest.mark.parametrize("text, lang", [
    ("Der Bürgermeister hat am Dienstag den Bau einer neuen Brücke über den Fluss angekündigt.", "de"),
    ("The mayor announced on Tuesday that a new bridge will be built over the river.", "en"),
    ("Le maire a annoncé mardi la construction d'un nouveau pont sur la rivière.", "fr"),
    ("kurz", None),
])
def test_language_id(text, lang):
    assert LanguageStage().detect(text) == lang


@pytest.mark.parametrize("word, lemma", [
    ("Gesprächen", "Gespräch"), ("trafen", "treffen"), ("Waffenlieferungen", "Waffenlieferung"),
    # a particle verb's participle without "ge" that the dictionary lacks: particle + the base's lemma
    ("einbestellt", "einbestellen"), ("abverlangt", "abverlangen"),
    # a word whose rest the dictionary does not know as a verb stays as it is
    ("ausbeutbarkeit", "ausbeutbarkeit"),
])
def test_lemmas_german(word, lemma):
    from chronik.text import Lemmatizer

    text = f"Sie {word} heute."
    (tok,) = [t for t in Lemmatizer()(text, tokenize(text)) if text[t.start:t.end] == word]
    assert tok.lemma == lemma

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronik.clean import Cleaner, CleanerOptions, outlet_boilerplate
from chronik.ingest.article import make_article

LEAD = "Der Stadtrat von Talheim hat am Dienstag den Neubau der Brücke über die Aach beschlossen."
PARA = LEAD[:-1] + ", wie die Verwaltung am Abend mitteilte. Die Kosten liegen bei zwölf Millionen Euro."


def clean(body, outlet=None, **opts):
    text, offsets, removed = Cleaner(CleanerOptions(**opts)).clean(body, outlet=outlet)
    return text, {s.label for s in removed}


@pytest.mark.parametrize(
    "line, label",
    [
        ("3 / 12", "gallery_counter"),
        ("Ein Bagger vor der alten Brücke. © Petra Lind/Talbote", "photo_credit"),
        ("Foto: Hans Berger", "photo_credit"),
        ("Jonas Weber/Pool Agentur Süd/AP", "photo_credit"),
        ("Die Brücke im Nebel. REUTERS", "caption_credit"),
        ("Der Bagger rollt an. dpa Die Arbeiter warten. AFP", "caption_credit"),
        ("Publiziert", "publication_stub"),
        ("Aktualisiert am 12.03.2024, 14:05 Uhr", "publication_stub"),
        ("(dpa)", "agency_signature"),
        ("(AFP/red)", "agency_signature"),
        ("Folgen Sie uns auf Instagram und Facebook!", "call_to_action"),
        ("Jetzt den Newsletter abonnieren und nichts verpassen", "call_to_action"),
        ("Follow us on X for more news", "call_to_action"),
        ("17 Kommentare", "call_to_action"),
        ("Die Kommentarfunktion ist geschlossen.", "call_to_action"),
        ("Ihre Meinung zählt", "call_to_action"),
    ],
)
def test_cleaner_drops_boilerplate_line(line, label):
    text, labels = clean(f"{LEAD}\n\n{line}\n\nZweiter Absatz mit eigenem Inhalt, sagte sie.")
    assert line not in text
    assert label in labels
    assert "Zweiter Absatz" in text and LEAD in text


@pytest.mark.parametrize(
    "line",
    [
        "Die Anwohner folgen der Debatte seit Jahren mit großem Interesse, sagte der Bürgermeister.",
        "Im Jahr 2023 kamen 3 / 4 der Besucher aus dem Ausland, hieß es im Bericht.",
        "Die AP-Korrespondentin berichtete am Abend aus der Stadt.",
        "Kommentar: Warum die Brücke richtig ist",
        "Darum gehts",
    ],
)
def test_cleaner_keeps_ordinary_lines(line):
    text, labels = clean(f"{LEAD}\n\n{line}")
    assert line in text, labels


def test_cleaner_removes_leading_gallery_counter_only():
    text, labels = clean(f"1 / 6 {LEAD}")
    assert text == LEAD and labels == {"gallery_counter"}


def test_cleaner_drops_caption_and_teaser_repeating_the_lead():
    body = f"Titel der Meldung\n{LEAD}\n\n{LEAD}\n\n{PARA}"
    text, labels = clean(body)
    assert text.count("Neubau der Brücke") == 1 and "repeated_line" in labels


def test_cleaner_drops_kicker_glued_to_repeated_headline():
    body = "Brücke: Talheim beschliesst den Neubau über die Aach\n\nTALHEIMTalheim beschliesst den Neubau über die Aach\n\n" + PARA
    text, _ = clean(body)
    assert "TALHEIM" not in text and text.startswith("Brücke: Talheim")


def test_cleaner_outlet_repeated_lines():
    arts = [make_article(source=f"{i}.txt", format="txt", body=f"Meldung {i} über etwas anderes.\nDas Wetter bleibt schön.\nIhr Talbote-Team", raw=b"", outlet="Talbote")
            for i in range(3)]
    boiler = outlet_boilerplate(arts)
    assert boiler["Talbote"] >= {"Ihr Talbote-Team"}
    text, labels = clean(arts[0].body, outlet="Talbote", outlet_boilerplate=boiler)
    assert "Ihr Talbote-Team" not in text and "outlet_repeat" in labels
    text, _ = clean(arts[0].body, outlet="Anderes Blatt", outlet_boilerplate=boiler)
    assert "Ihr Talbote-Team" in text


def test_cleaner_collapses_blank_lines_and_keeps_paragraphs():
    text, _ = clean(f"  {LEAD}  \n\n\n\n17 Kommentare\n\n\nZweiter Absatz.\nDritte Zeile.\n\n")
    assert text == f"{LEAD}\n\nZweiter Absatz.\nDritte Zeile."


def test_cleaner_skips_header():
    body = " date 2023-09 " + LEAD
    article = make_article(source="x.txt", format="txt", body=body, raw=b"", header_end=14)
    out = Cleaner()(article)
    assert out.text == LEAD and out.removed[0].label == "header"


_lines = st.sampled_from([LEAD, PARA, "", "  ", "1 / 8", "(dpa)", "17 Kommentare", "Foto: A. B.", "Zwischenzeile",
                          "Folgen Sie uns auf Facebook", "Ein Satz. AFP", "ä ö ü ß «x»", "\t"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_lines, max_size=12), st.integers(0, 3))
def test_cleaner_offsets_map_back_to_the_raw_text(lines, lead_spaces):
    body = " " * lead_spaces + "\n".join(lines)
    text, offsets, removed = Cleaner().clean(body)
    rebuilt = "".join(body[s.raw : s.raw + s.length] for s in offsets.segments)
    assert rebuilt == text
    for i, ch in enumerate(text):
        assert body[offsets.to_raw(i)] == ch
    assert all(0 <= s.start <= s.end <= len(body) for s in removed)
    assert text == text.strip()


@pytest.mark.parametrize(
    "line",
    [
        "Helfer pumpen Wasser ab. Lea Roth/Pool Bildagentur/AP Ein Arbeiter zeigt den Stollen.",
        "Ein Arbeiter zeigt den Stollen. XYZ",
    ],
)
def test_cleaner_drops_caption_lines_with_glued_credits(line):
    text, labels = clean(f"{LEAD}\n\n{line}")
    assert text == LEAD and "caption_credit" in labels


def test_cleaner_keeps_sentence_followed_by_acronym_subject():
    line = "Die Gespräche endeten ohne Ergebnis. EU und USA wollen nun weiter beraten."
    text, _ = clean(f"{LEAD}\n\n{line}")
    assert line in text

import pytest

from chronik.clusters.ecbplus import detokenize, read_corpus, read_document
from chronik.errors import InputError


def _doc(path, sentences):
    tokens = []
    tid = 1
    for s, words in enumerate(sentences):
        for n, w in enumerate(words):
            tokens.append(f'<token t_id="{tid}" sentence="{s}" number="{n}">{w}</token>')
            tid += 1
    path.write_text(f'<Document doc_name="{path.name}" doc_id="X">\n' + "\n".join(tokens)
                    + '\n<Markables>\n</Markables>\n</Document>\n', encoding="utf-8")


def test_ecbplus_reader_names_groups_and_moves_the_url(tmp_path):
    (tmp_path / "3").mkdir()
    _doc(tmp_path / "3" / "3_1ecbplus.xml",
         [["http", ":", "/", "/", "example", ".", "com", "/", "a"], ["Prisoner", "escapes", "(", "again", ")", "."]])
    _doc(tmp_path / "3" / "3_2ecb.xml", [["He", "did", "n't", "stay", ",", "police", "said", "."]])
    docs = read_corpus(tmp_path)
    assert [(d.id, d.topic, d.group) for d in docs] == [("3_2ecb", 3, "3ecb"), ("3_1ecbplus", 3, "3ecbplus")]
    plus = docs[1]
    assert plus.url == "http://example.com/a"
    assert plus.text == "Prisoner escapes (again)."
    assert docs[0].text == "He didn't stay, police said."
    assert read_corpus(tmp_path, topics={4}) == []


def test_ecbplus_reader_rejects_other_names_and_bad_xml(tmp_path):
    bad = tmp_path / "notes.xml"
    bad.write_text("<x/>", encoding="utf-8")
    with pytest.raises(InputError):
        read_document(bad)
    broken = tmp_path / "1_1ecb.xml"
    broken.write_text("<Document><token", encoding="utf-8")
    with pytest.raises(InputError):
        read_document(broken)
    with pytest.raises(InputError):
        read_corpus(tmp_path / "missing")


def test_detokenize_glues_punctuation():
    assert detokenize(["``", "Hi", "''", ",", "he", "said", "(", "loudly", ")", "."]) == "``Hi'', he said (loudly)."

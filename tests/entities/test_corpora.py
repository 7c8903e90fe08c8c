from chronik.entities.corpora import read_germeval, write_germeval

GERMEVAL = (
    "#\thttp://example.org\t[2010-01-01]\n"
    "1\tDer\tO\tO\n2\trussische\tB-LOCderiv\tO\n3\tPräsident\tO\tO\n"
    "4\tWladimir\tB-PER\tO\n5\tPutin\tI-PER\tO\n6\tbesucht\tO\tO\n7\tdie\tO\tO\n"
    "8\tEU-Kommission\tB-ORG\tB-LOCpart\n9\tund\tO\tO\n10\t\"\tO\tO\n11\tEcce\tB-OTH\tO\n"
    "12\thomo\tI-OTH\tO\n13\t\"\tO\tO\n14\tRussland-Politik\tB-LOCpart\tO\n\n"
)


def test_germeval_labels_map_to_chronik_labels(tmp_path):
    path = tmp_path / "in.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    (sent,) = read_germeval(path)
    assert sent.words[3:5] == ("Wladimir", "Putin")
    assert sent.tags[1] == "O"  # -deriv is not a name
    assert sent.tags[3:5] == ("B-PER", "I-PER")
    assert sent.tags[7] == "B-ORG"
    assert sent.tags[10:12] == ("B-MISC", "I-MISC")  # OTH -> MISC
    assert sent.tags[13] == "O"  # -part is not a name


def test_germeval_write_round_trips(tmp_path):
    path = tmp_path / "in.tsv"
    path.write_text(GERMEVAL, encoding="utf-8")
    sents = read_germeval(path)
    out = tmp_path / "out.tsv"
    write_germeval(out, sents, [s.tags for s in sents])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#\thttp://example.org")
    assert lines[4] == "4\tWladimir\tB-PER\tO"
    assert lines[8] == "8\tEU-Kommission\tB-ORG\tB-LOCpart"  # column 4 kept
    again = read_germeval(out)
    assert [s.tags for s in again] == [s.tags for s in sents]

from click.testing import CliRunner

from chronik.entities.commands import eval_ner, ner_tag

GOLD = ("#\thttp://example.org\t[2010-01-01]\n"
        "1\tBundeskanzlerin\tO\tO\n2\tAngela\tB-PER\tO\n3\tMerkel\tI-PER\tO\n4\treiste\tO\tO\n"
        "5\tnach\tO\tO\n6\tParis\tB-LOC\tO\n7\t.\tO\tO\n\n"
        "#\thttp://example.org/2\t[2010-01-02]\n"
        "1\tDie\tO\tO\n2\tSiemens\tB-ORG\tO\n3\tAG\tI-ORG\tO\n4\tmeldet\tO\tO\n5\tGewinne\tO\tO\n6\t.\tO\tO\n\n")


def test_ner_tag_then_eval(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    out = tmp_path / "sys.tsv"
    runner = CliRunner()
    result = runner.invoke(ner_tag, [str(gold), str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "#\thttp://example.org\t[2010-01-01]"
    assert [ln.split("\t")[1] for ln in lines if "\t" in ln and not ln.startswith("#")][:3] == \
        ["Bundeskanzlerin", "Angela", "Merkel"]
    assert lines[2].split("\t")[2] == "B-PER" and lines[6].split("\t")[2] == "B-LOC"
    result = runner.invoke(eval_ner, [str(gold), str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert '"all"' in result.output
    result = runner.invoke(eval_ner, [str(gold), str(gold)])
    assert result.exit_code == 0 and "100.00" in result.output


def test_eval_rejects_different_tokens(tmp_path):
    gold = tmp_path / "gold.tsv"
    gold.write_text(GOLD, encoding="utf-8")
    other = tmp_path / "other.tsv"
    other.write_text(GOLD.replace("Paris", "Rom"), encoding="utf-8")
    result = CliRunner().invoke(eval_ner, [str(gold), str(other)])
    assert result.exit_code != 0 and "same sentences" in result.output

"""TimeML reading and writing, the TempEval-3 scorer and the click commands."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from chronik.errors import InputError
from chronik.model import TimeExpr
from chronik.time import scorer, timeml
from chronik.time.commands import annotate_dir, eval_timex_command, timeml_command

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>test_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2014-05-14" temporalFunction="false" functionInDocument="CREATION_TIME">2014-05-14</TIMEX3></DCT>
<TEXT>
Bozen. Theater &amp; Musik: Am <TIMEX3 tid="t1" type="DATE" value="2014-05-16">Freitag</TIMEX3> spielt die Kapelle, 20 Uhr. Der Verein &quot;Alpe&quot; <EVENT eid="e1">feiert</EVENT> seit drei Jahren.
</TEXT>
<TIMEX3 tid="t7" type="DATE" value="PAST_REF" temporalFunction="false" />
</TimeML>
"""


def test_timeml_parse_text_dct_and_timexes():
    doc = timeml.parse(DOC)
    assert doc.dct == "2014-05-14"
    assert 'Theater & Musik' in doc.text and '"Alpe"' in doc.text
    assert [(doc.text[t.start : t.end], t.label, t.value) for t in doc.timexes] == [("Freitag", "DATE", "2014-05-16")]


def test_timeml_write_keeps_text_and_other_tags(de):
    doc = timeml.parse(DOC)
    out = timeml.write(doc, de(doc.text, doc.dct))
    again = timeml.parse(out)
    assert again.text == doc.text
    assert "&amp;" in out and "&quot;Alpe&quot;" in out and '<EVENT eid="e1">feiert</EVENT>' in out
    tids = re.findall(r'tid="t(\d+)"', out)
    assert len(tids) == len(set(tids)) and "1" not in tids[1:]  # no collision with t0 or t7
    assert [again.text[t.start : t.end] for t in again.timexes] == ["Freitag", "20 Uhr", "drei Jahren"]
    # nothing but the TIMEX3 tags changed
    strip = lambda s: re.sub(r"</?TIMEX3[^>]*>", "", s[s.index("<TEXT>") : s.index("</TEXT>")])
    assert strip(out) == strip(DOC)
    assert out[: out.index("<TEXT>")] == DOC[: DOC.index("<TEXT>")]
    assert out[out.index("</TEXT>") :] == DOC[DOC.index("</TEXT>") :]


def test_timeml_write_skips_what_would_break_xml():
    doc = timeml.parse(DOC)
    start = doc.text.index("Verein")
    crossing = TimeExpr(start=start, end=doc.text.index("seit"), label="DATE", value="X")  # crosses <EVENT>
    out = timeml.write(doc, [crossing])
    assert timeml.parse(out).timexes == ()


def test_timeml_without_text_is_an_input_error():
    with pytest.raises(InputError):
        timeml.parse("<TimeML><DCT></DCT></TimeML>", "broken.tml")


def test_timeml_round_trip_on_krauts(krauts, tmp_path):
    raw = krauts / "KRAUTS_Dolomiten-42_raw-text"
    done, errors = annotate_dir(raw, tmp_path)
    assert done == 42 and errors == []
    for path in raw.iterdir():
        original = path.read_text("utf-8")
        tagged = (tmp_path / path.name).read_text("utf-8")
        assert re.sub(r"</?TIMEX3 ?(?:tid=\"t\d+\" type=[^>]*)?>", "", tagged) == re.sub(
            r"</?TIMEX3 ?(?:tid=\"t\d+\" type=[^>]*)?>", "", original
        )
        assert timeml.parse(tagged).text == timeml.parse(original).text


def _doc(text: str, spans: list[tuple[str, str, str]]) -> tuple[str, list[TimeExpr]]:
    out = []
    for piece, label, value in spans:
        start = text.index(piece)
        out.append(TimeExpr(start=start, end=start + len(piece), label=label, value=value))
    return text, out


def test_scorer_strict_relaxed_value_type():
    text = "Am Freitag, 3. Mai 2014, kam er seit drei Jahren wieder."
    _, gold = _doc(text, [("Freitag, 3. Mai 2014", "DATE", "2014-05-03"), ("drei Jahren", "DURATION", "P3Y")])
    _, system = _doc(text, [("3. Mai 2014", "DATE", "2014-05-03"), ("drei Jahren", "DATE", "P3Y"), ("kam", "DATE", "X")])
    counts = scorer.score_document(text, gold, system)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.value, counts.type) == (2, 3, 1, 2, 2, 1)
    p, r, f = counts.prf("relaxed")
    assert (round(p, 4), r, round(f, 4)) == (round(2 / 3, 4), 1.0, 0.8)


def test_scorer_pairs_one_to_one():
    text = "vom 3. bis 5. Mai"
    _, gold = _doc(text, [("3. bis 5. Mai", "DATE", "X")])
    _, system = _doc(text, [("3.", "DATE", "X"), ("5. Mai", "DATE", "X")])
    counts = scorer.score_document(text, gold, system)
    assert counts.relaxed == 1  # one gold expression is matched once


def test_commands_tag_and_score(tmp_path):
    gold_dir, raw_dir, out_dir = tmp_path / "gold", tmp_path / "raw", tmp_path / "out"
    gold_dir.mkdir()
    raw_dir.mkdir()
    (gold_dir / "a.tml").write_text(DOC, "utf-8")
    (raw_dir / "a.tml").write_text(re.sub(r"</?TIMEX3 tid=\"t1\"[^>]*>|(?<=Freitag)</TIMEX3>", "", DOC), "utf-8")
    runner = CliRunner()
    result = runner.invoke(timeml_command, [str(raw_dir), str(out_dir)])
    assert result.exit_code == 0, result.output
    assert "1 files tagged" in result.output
    result = runner.invoke(eval_timex_command, [str(gold_dir), str(out_dir), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["total"]["gold"] == 1 and report["total"]["system"] == 3
    assert report["total"]["strict"]["r"] == 100.0
    table = runner.invoke(eval_timex_command, [str(gold_dir), str(out_dir)])
    assert "strict" in table.output and "relaxed" in table.output


def test_command_reports_bad_files(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.tml").write_text("<TimeML>no text here</TimeML>", "utf-8")
    result = CliRunner().invoke(timeml_command, [str(tmp_path / "in"), str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "bad.tml" in result.output and "0 files tagged, 1 rejected" in result.output

"""The eval-events command."""

from __future__ import annotations

import json

import click
from click.testing import CliRunner

from chronik.events.commands import eval_events
from tests.events.conftest import GOLD


def test_eval_events_command_prints_scores(data_dir, tmp_path):
    few = tmp_path / "gold.jsonl"
    few.write_text("".join(GOLD.read_text(encoding="utf-8").splitlines(keepends=True)[:40]), encoding="utf-8")
    result = CliRunner().invoke(eval_events, [str(few), str(data_dir), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["total"]["gold"] > 0 and "type+actors" in report["total"]
    text = CliRunner().invoke(eval_events, [str(few), str(data_dir)])
    assert text.exit_code == 0 and "type+actors" in text.output


def test_eval_events_command_reports_bad_gold(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"id": "x", "corpus": "krauts", "doc": "nope", "start": 0, "end": 5, "stratum": "r",
                               "split": "dev", "events": []}) + "\n", encoding="utf-8")
    data = tmp_path / "data"
    (data / "krauts").mkdir(parents=True)
    result = CliRunner().invoke(eval_events, [str(bad), str(data)])
    assert result.exit_code != 0 and "not found" in result.output
    assert isinstance(eval_events, click.Command)

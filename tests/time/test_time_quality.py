"""Quality gate: TempEval-3 scores on KRAUTS Dolomiten-100 and -42 against pinned floors,
and against HeidelTime's own output shipped with the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronik.time import scorer
from chronik.time.commands import annotate_dir

BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text("utf-8"))
SETS = ["KRAUTS_Dolomiten-100", "KRAUTS_Dolomiten-42"]


@pytest.fixture(scope="module")
def reports(krauts, tmp_path_factory):
    out = {}
    for name in SETS:
        system = tmp_path_factory.mktemp(name)
        done, errors = annotate_dir(krauts / f"{name}_raw-text", system)
        assert errors == []
        out[name] = scorer.score_dirs(krauts / name, system)
        out[name + "_Heideltime"] = scorer.score_dirs(krauts / name, krauts / f"{name}_Heideltime")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_krauts_scores_above_floor(reports, name):
    report = reports[name]
    print("\n" + scorer.table(report, f"chronik on {name}"))
    assert report.problems == []
    for metric, floor in BASELINE[name].items():
        f1 = 100 * report.total.prf(metric)[2]
        assert f1 >= floor, f"{name} {metric} F1 {f1:.2f} fell below the pinned floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_krauts_beats_heideltime(reports, name):
    ours, theirs = reports[name].total, reports[name + "_Heideltime"].total
    print("\n" + scorer.table(reports[name + "_Heideltime"], f"HeidelTime on {name}"))
    for metric in ("strict", "relaxed", "value"):
        assert ours.prf(metric)[2] > theirs.prf(metric)[2], metric

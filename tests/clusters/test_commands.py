import json

from click.testing import CliRunner

from chronik.clusters.commands import eval_clusters

from .test_ecbplus import _doc

WORDS = {
    ("1", "ecb"): ["Reid", "checked", "into", "rehab", "at", "Promises", "in", "Malibu", "."],
    ("1", "ecbplus"): ["Lohan", "checked", "into", "Betty", "Ford", "rehab", "clinic", "."],
    ("2", "ecb"): ["Earthquake", "hit", "Qeshm", "island", "injuring", "five", "."],
    ("2", "ecbplus"): ["Strike", "closed", "ports", "in", "Hamburg", "and", "Bremen", "."],
}


def test_eval_clusters_command_scores_a_corpus(tmp_path):
    for (topic, suffix), words in WORDS.items():
        (tmp_path / topic).mkdir(exist_ok=True)
        for n in (1, 2, 3):
            _doc(tmp_path / topic / f"{topic}_{n}{suffix}.xml", [words, words[:4] + ["today", "."]])
    result = CliRunner().invoke(eval_clusters, [str(tmp_path), "--no-embeddings", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["documents"] == 12
    assert 0.0 < scores["f1"] <= 1.0
    online = CliRunner().invoke(eval_clusters, [str(tmp_path), "--no-embeddings", "--online", "0.5"])
    assert online.exit_code == 0 and "BCubed" in online.output


def test_eval_clusters_command_fails_cleanly_on_an_empty_folder(tmp_path):
    result = CliRunner().invoke(eval_clusters, [str(tmp_path), "--no-embeddings"])
    assert result.exit_code != 0 and "no ECB+ documents" in result.output

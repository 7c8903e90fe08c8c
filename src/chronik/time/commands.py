"""Click commands: ``chronik timeml IN_DIR OUT_DIR`` and ``chronik eval timex GOLD SYSTEM``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from chronik.errors import ChronikError
from chronik.time import scorer, timeml
from chronik.time.tagger import Tagger


def annotate_dir(in_dir: Path, out_dir: Path, lang: str = "de") -> tuple[int, list[str]]:
    """Tags every TimeML file of ``in_dir`` into ``out_dir``; returns (done, errors)."""
    tagger = Tagger(lang)
    out_dir.mkdir(parents=True, exist_ok=True)
    done, errors = 0, []
    for path in sorted(p for p in in_dir.iterdir() if p.is_file()):
        try:
            doc = timeml.read(path)
            timexes = tagger(doc.text, doc.dct)
            (out_dir / path.name).write_text(timeml.write(doc, timexes), "utf-8")
            done += 1
        except ChronikError as exc:
            errors.append(str(exc))
    return done, errors


@click.command("timeml")
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", default="de", show_default=True, help="Grammar to use (de, en).")
def timeml_command(in_dir: Path, out_dir: Path, lang: str) -> None:
    """Tag TimeML files (DCT + TEXT) from IN_DIR with TIMEX3 into OUT_DIR."""
    done, errors = annotate_dir(in_dir, out_dir, lang)
    for error in errors:
        click.echo(error, err=True)
    click.echo(f"{done} files tagged, {len(errors)} rejected")
    if errors:
        sys.exit(1)


@click.command("timex")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("system_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_timex_command(gold_dir: Path, system_dir: Path, as_json: bool) -> None:
    """Score SYSTEM_DIR against GOLD_DIR (TempEval-3: strict/relaxed span, value and type F1)."""
    report = scorer.score_dirs(gold_dir, system_dir)
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(scorer.table(report, f"{system_dir} against {gold_dir}"))
        for problem in report.problems:
            click.echo(f"warning: {problem}", err=True)


__all__ = ["annotate_dir", "eval_timex_command", "timeml_command"]

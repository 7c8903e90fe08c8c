"""Click commands of the entities package: ``ner-tag`` and ``eval-ner``.

Register them on the main CLI group with ``main.add_command(ner_tag)`` and
``main.add_command(eval_ner)``.
"""

from __future__ import annotations

import json
import sys
import time

import click

from chronik.entities.corpora import read_germeval, write_germeval
from chronik.entities.scoring import score
from chronik.errors import ChronikError


@click.command("ner-tag")
@click.argument("in_tsv", type=click.Path(exists=True, dir_okay=False))
@click.argument("out_tsv", type=click.Path(dir_okay=False, writable=True))
@click.option("--model", type=click.Path(exists=True, dir_okay=False), default=None,
              help="CRF model file (default: the shipped model).")
def ner_tag(in_tsv: str, out_tsv: str, model: str | None) -> None:
    """Tag a GermEval-2014 TSV file: same file out, predicted outer BIO tags in column 3."""
    from chronik.entities.recognizer import Recognizer

    try:
        sentences = read_germeval(in_tsv)
        t = time.perf_counter()
        with Recognizer(model) as rec:
            tags = rec.tag_many([s.words for s in sentences])
        write_germeval(out_tsv, sentences, tags)
    except ChronikError as exc:
        raise click.ClickException(str(exc)) from exc
    seconds = time.perf_counter() - t
    click.echo(f"{len(sentences)} sentences tagged in {seconds:.2f}s -> {out_tsv}", err=True)


@click.command("eval-ner")
@click.argument("gold_tsv", type=click.Path(exists=True, dir_okay=False))
@click.argument("sys_tsv", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_ner(gold_tsv: str, sys_tsv: str, as_json: bool) -> None:
    """Strict span precision, recall and F1 of SYS against GOLD (outer chunks, per label)."""
    try:
        gold = read_germeval(gold_tsv)
        system = read_germeval(sys_tsv)
        if [s.words for s in gold] != [s.words for s in system]:
            raise click.ClickException("GOLD and SYS do not have the same sentences and tokens")
        result = score([s.tags for s in gold], [s.tags for s in system])
    except ChronikError as exc:
        raise click.ClickException(str(exc)) from exc
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        json.dump(result.to_dict(), sys.stdout, indent=1)
        click.echo()
    else:
        click.echo(result.table())

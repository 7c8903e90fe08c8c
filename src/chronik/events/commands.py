"""Click command of the events package: ``eval-events``.

Register it on the main CLI group with ``main.add_command(eval_events)``.
"""

from __future__ import annotations

import json

import click

from chronik.errors import ChronikError


@click.command("eval-events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("data", type=click.Path(exists=True, file_okay=False))
@click.option("--entities", type=click.Choice(["gold", "system"]), default="gold", show_default=True,
              help="Entity mentions from the corpora (event extraction alone) or from chronik's tagger.")
@click.option("--json", "as_json", is_flag=True, help="The full report as JSON.")
def eval_events(gold: str, data: str, entities: str, as_json: bool) -> None:
    """Score event extraction on a gold file (references into DATA, the shared data folder)."""
    from chronik.events.benchmark import run_gold, summary

    try:
        run = run_gold(gold, data, entities=entities)
    except ChronikError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(run.report.to_dict(), indent=2))
    else:
        click.echo(summary(run.report))

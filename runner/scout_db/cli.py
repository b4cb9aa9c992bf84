"""`scout-db`: apply the data layer's migrations, load files, run and report.

Each command resolves the connection, makes one or a few SQL calls and renders
the answer; the logic lives in SQL (db/functions, db/migrations). The commands
live in scout_db.commands, one module per group.
"""

from __future__ import annotations

import click

from .commands.bench import bench
from .commands.check import check
from .commands.common import DATABASE_URL_HELP
from .commands.db import db
from .commands.docs import docs
from .commands.dq import dq
from .commands.ingest import ingest, seed
from .commands.jobs import jobs
from .commands.migrate import migrate, rollback, schema, status
from .commands.new import new
from .commands.pipeline import backfill, demo, purge, run
from .commands.search import embed, search


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--database-url", metavar="URL", default=None, help=DATABASE_URL_HELP)
@click.version_option(package_name="scout-db")
@click.pass_context
def main(ctx: click.Context, database_url: str | None) -> None:
    """Scout Retail's Postgres-native data layer: Bronze -> Silver -> Gold -> Platinum."""
    ctx.ensure_object(dict)
    ctx.obj["database_url"] = database_url


for command in (migrate, rollback, status, schema, ingest, seed, run, backfill, purge, jobs, dq, check, docs, demo, db, bench,
                new, embed, search):
    main.add_command(command)


if __name__ == "__main__":
    main()

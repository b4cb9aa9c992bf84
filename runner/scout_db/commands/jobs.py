"""jobs list|install|remove|run|crontab: the scheduled jobs (ip_workbench.jobs) and pg_cron."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click
from psycopg import sql

from .. import config, cron
from ..errors import ScoutError, expected_errors
from ..report import render_rows, render_run
from ..text import shown
from .common import connect_migrated, database_option, target


@click.group()
def jobs() -> None:
    """The pipeline's jobs: their schedules in pg_cron and their last runs."""


@jobs.command("list")
@database_option
@expected_errors
def jobs_list() -> None:
    """Every job with its schedule, whether pg_cron has it, and its last run."""
    where_target = target()
    with connect_migrated(autocommit=True) as conn:
        where = cron.locate(conn)
        rows = conn.execute("""
            select j.name, j.cron_name, j.schedule, r.status, r.started_at, r.seconds, r.message, r.parent_id,
                   s.runs_7d, s.failed_7d
              from ip_workbench.jobs j
              left join lateral (
                  select x.status, x.started_at, x.message, x.parent_id,
                         round(extract(epoch from x.finished_at - x.started_at)::numeric, 2) as seconds
                    from ip_workbench.job_runs x where x.job_name = j.name
                   order by x.id desc limit 1) r on true
              left join lateral (
                  select count(*) as runs_7d, count(*) filter (where x.status in ('failed', 'abandoned')) as failed_7d
                    from ip_workbench.job_runs x where x.job_name = j.name and x.started_at > now() - interval '7 days') s
                on true
             order by j.schedule is null, j.name""").fetchall()
    in_cron = cron.scheduled(where_target, where)
    table = []
    for name, cron_name, schedule, status, started, seconds, message, parent, runs, failed in rows:
        if cron_name is None:
            scheduled = "(on demand)"
        elif in_cron is None:
            scheduled = "pg_cron not reachable"
        elif cron_name in in_cron:
            scheduled = "yes" if in_cron[cron_name]["active"] else "inactive"
        else:
            scheduled = "no: scout-db jobs install"
        last = "never" if status is None else f"{status} {started:%Y-%m-%d %H:%M}" + (f" ({seconds} s)" if seconds else "")
        if parent:
            last += f", in run {parent}"
        table.append((name, cron_name or "", schedule or "", scheduled, last, f"{failed}/{runs}", message or ""))
    render_rows(["job", "pg_cron name", "schedule (UTC)", "scheduled", "last run", "failed/7d", "message"], table,
                title=f"jobs of {where.database}" + ("" if where.available else " (pg_cron is not loaded)"))


@jobs.command("install")
@database_option
@expected_errors
def jobs_install() -> None:
    """Schedule the jobs with pg_cron (by name: running it again changes nothing)."""
    where_target = target()
    with connect_migrated(autocommit=True) as conn:
        where = cron.locate(conn)
        if where.here:
            result = conn.execute("select scout_internal.install_cron_jobs()").fetchone()[0]
            if result["conflicts"]:
                raise ScoutError(f"not scheduled, their names already run in another database: "
                                 f"{', '.join(result['conflicts'])} (pg_cron names jobs per role)")
            click.echo(f"scheduled {len(result['installed'])} jobs in {where.database}"
                       + (f"; removed {', '.join(result['removed'])}" if result["removed"] else ""))
            return
        # derived from each job's name and checked (jobs are code, not data), never the stored text
        registry = conn.execute("select cron_name, schedule, command from scout_internal.cron_commands() "
                                "order by cron_name").fetchall()
    with config.connect(cron.cron_target(where_target, where), autocommit=True) as cron_conn:
        # pg_cron names jobs per role, not per database: an existing name would be moved
        taken = cron_conn.execute("select jobname, database from cron.job where username = current_user "
                                  "and database <> %s and jobname = any(%s)",
                                  (where.database, [r[0] for r in registry])).fetchall()
        if taken:
            raise ScoutError(f"pg_cron job {taken[0][0]} of this role already runs in database {taken[0][1]} "
                             f"({len(taken)} of the {len(registry)} names are taken); pg_cron names jobs per role: "
                             "unschedule them there (scout-db jobs remove) or schedule as another role")
        for cron_name, schedule, command in registry:
            cron_conn.execute("select cron.schedule_in_database(%s, %s, %s, %s)",
                              (cron_name, schedule, command, where.database))
        stale = cron_conn.execute(
            "select cron.unschedule(jobid), jobname from cron.job where database = %s and jobname like 'scout\\_%%' "
            "and not (jobname = any(%s))", (where.database, [r[0] for r in registry])).fetchall()
    click.echo(f"scheduled {len(registry)} jobs in {where.database} from pg_cron's database {where.cron_database}"
               + (f"; removed {', '.join(r[1] for r in stale)}" if stale else ""))


@jobs.command("remove")
@database_option
@expected_errors
def jobs_remove() -> None:
    """Unschedule every scout job of this database from pg_cron."""
    where_target = target()
    with config.connect(where_target, autocommit=True) as conn:
        where = cron.locate(conn)
    with config.connect(where_target if where.here else cron.cron_target(where_target, where),
                        autocommit=True) as cron_conn:
        removed = cron_conn.execute("select cron.unschedule(jobid), jobname from cron.job "
                                    "where database = %s and jobname like 'scout\\_%%'", (where.database,)).fetchall()
    click.echo(f"removed {len(removed)} jobs" + (f": {', '.join(r[1] for r in removed)}" if removed else ""))


def run_job(conn, job: str, wait: bool = True, **arguments) -> dict:
    """Run one job the way that leaves a trace if the run never ends: its row is
    committed first (scout_internal.job_open_run), then the job takes it over."""
    run_id = conn.execute("select scout_internal.job_open_run(%s)", (job,)).fetchone()[0]
    schema, name = job.split(".", 1)
    args = [sql.SQL("p_wait => {}").format(sql.Literal(wait))]
    args += [sql.SQL("{} => {}").format(sql.Identifier(k), sql.Literal(v)) for k, v in arguments.items()]
    with conn.transaction():
        conn.execute("select set_config('scout.run_id', %s, true)", (str(run_id),))
        return conn.execute(sql.SQL("select {}.{}({})").format(
            sql.Identifier(schema), sql.Identifier(name), sql.SQL(", ").join(args))).fetchone()[0]


@jobs.command("run")
@click.argument("name")
@click.option("--wait/--no-wait", default=True, show_default=True,
              help="Queue behind a run already under way instead of returning 'skipped'.")
@database_option
@expected_errors
def jobs_run(name: str, wait: bool) -> None:
    """Run one job now, by its name or its pg_cron name (e.g. scout_retention)."""
    with connect_migrated(autocommit=True) as conn:
        found = conn.execute("select name from ip_workbench.jobs where %s in (name, cron_name)", (name,)).fetchone()
        if found is None:
            known = ", ".join(r[0] for r in conn.execute("select coalesce(cron_name, name) from ip_workbench.jobs "
                                                         "order by 1"))
            raise ScoutError(f"no job named {name}; the jobs are: {known}")
        if found[0] == "scout.backfill":
            raise ScoutError("scout.backfill needs a date range: use scout-db backfill --from D --to D")
        result = run_job(conn, found[0], wait)
    render_run(result) if "steps" in result else click.echo(render_result(found[0], result))
    if result.get("status") not in ("ok",):
        raise ScoutError(f"{found[0]}: {result.get('status')}: {result.get('message') or result.get('reason', '')}")


def render_result(job: str, result: dict) -> str:
    fields = {k: v for k, v in result.items() if not isinstance(v, dict | list) and k not in ("status",)}
    return shown(f"{job}: {result.get('status')} " + ", ".join(f"{k} {v}" for k, v in fields.items()))


@jobs.command("crontab")
@click.option("--folder", default="/data/exports", show_default=True, help="Where the daily exports arrive.")
@click.option("--kind", type=click.Choice(["transactions", "products"]), default="transactions", show_default=True)
@click.option("--source", default="gdrive", show_default=True)
@database_option
@expected_errors
def jobs_crontab(folder: str, kind: str, source: str) -> None:
    """Print the host crontab line for the daily 02:00 file ingest (pg_cron runs SQL only)."""
    executable = Path(sys.argv[0]).resolve() if Path(sys.argv[0]).name == "scout-db" else Path(sys.executable).with_name("scout-db")
    root = click.get_current_context().find_root().obj or {}
    url = f" --database-url {shlex.quote(root['database_url'])}" if root.get("database_url") else ""
    # from the project folder, so that without a configured database the private cluster is found
    click.echo(f"0 2 * * * cd {shlex.quote(str(Path.cwd()))} && {shlex.quote(str(executable))} ingest "
               f"{shlex.quote(folder)} --kind {kind} --source {shlex.quote(source)}{url} "
               ">> /var/log/scout-db-ingest.log 2>&1")

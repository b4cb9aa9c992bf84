"""Where pg_cron lives for a target database.

pg_cron runs in one database per server (cron.database_name) and schedules jobs
in the others from there with cron.schedule_in_database. When the pipeline's
database is that one, scout-db migrate keeps the schedules itself (SQL:
scout_internal.install_cron_jobs); otherwise these helpers reach the cron
database on the same server. They only move rows between the two databases.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import psycopg

from .config import Target, connect
from .errors import ScoutError


@dataclass
class CronLocation:
    database: str  # the pipeline's database
    cron_database: str | None  # cron.database_name, None when pg_cron is not loaded
    here: bool  # pg_cron's schema is in the pipeline's database

    @property
    def available(self) -> bool:
        return self.cron_database is not None


def locate(conn: psycopg.Connection) -> CronLocation:
    database, here = conn.execute("select current_database(), to_regnamespace('cron') is not null").fetchone()
    try:
        with conn.transaction():
            cron_database = conn.execute("select current_setting('cron.database_name', true)").fetchone()[0]
    except psycopg.errors.InsufficientPrivilege:  # readable by superusers and pg_read_all_settings only
        cron_database = database if here else None
    return CronLocation(database, cron_database or None, here)


def cron_target(target: Target, where: CronLocation) -> Target:
    if not where.available:
        raise ScoutError("pg_cron is not loaded on this server (shared_preload_libraries); schedule the commands "
                         "of `scout-db jobs list` with another scheduler")
    url = urlsplit(target.url)._replace(path="/" + where.cron_database).geturl()
    return Target(url, f"pg_cron's database {where.cron_database}")


def scheduled(target: Target, where: CronLocation) -> dict[str, dict] | None:
    """pg_cron's jobs for the pipeline's database by name, with their last run; None if unreachable."""
    query = """
        select j.jobname, j.schedule, j.command, j.active, d.status, d.start_time, d.return_message
          from cron.job j
          left join lateral (select r.status, r.start_time, r.return_message from cron.job_run_details r
                              where r.jobid = j.jobid order by r.runid desc limit 1) d on true
         where j.database = %s"""
    try:
        if where.here:
            with connect(target, autocommit=True) as conn:
                rows = conn.execute(query, (where.database,)).fetchall()
        elif where.available:
            with connect(cron_target(target, where), autocommit=True) as conn:
                rows = conn.execute(query, (where.database,)).fetchall()
        else:
            return None
    except (ScoutError, psycopg.Error):
        return None
    return {r[0]: {"schedule": r[1], "command": r[2], "active": r[3], "last_status": r[4], "last_start": r[5],
                   "last_message": r[6]} for r in rows}


NOT_LOADED = ("pg_cron is not loaded on this server, so nothing runs the jobs on their schedules. "
              "On Supabase: Database > Extensions > enable pg_cron, then run scout-db jobs install. "
              "On your own server: shared_preload_libraries = 'pg_cron', create extension pg_cron in the "
              "database cron.database_name names, then scout-db jobs install. Or run the commands of "
              "scout-db jobs list with another scheduler.")


def scheduling_warning(target: Target, conn: psycopg.Connection) -> str | None:
    """One plain sentence when the jobs will never run by themselves, else None."""
    where = locate(conn)
    if not where.available:
        return NOT_LOADED
    expected = {r[0] for r in conn.execute("select cron_name from scout_internal.cron_commands()")}
    query = ("select to_regnamespace('cron') is not null, "
             "case when to_regnamespace('cron') is not null then "
             "(select array_agg(jobname::text) from cron.job where database = %s) end")
    try:
        if where.here:
            created, names = conn.execute(query, (where.database,)).fetchone()
        else:
            with connect(cron_target(target, where), autocommit=True) as cron_conn:
                created, names = cron_conn.execute(query, (where.database,)).fetchone()
    except (ScoutError, psycopg.Error) as exc:
        return (f"pg_cron runs in database {where.cron_database}, which could not be read "
                f"({' '.join(str(exc).split())[:120]}), so whether the jobs are scheduled is unknown: "
                "run scout-db jobs install as a role that can reach it")
    if not created:
        return (f"pg_cron is loaded, but its extension is not created in database {where.cron_database}, so "
                "nothing runs the jobs: create extension pg_cron there (on Supabase: Database > Extensions), "
                "then run scout-db jobs install")
    missing = sorted(expected - set(names or []))
    if missing:
        return (f"{len(missing)} of the {len(expected)} jobs are not scheduled in pg_cron ({', '.join(missing[:3])}"
                f"{', …' if len(missing) > 3 else ''}), so they never run by themselves: run scout-db jobs install")
    return None

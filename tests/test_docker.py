"""docker/ cannot be built here (no Docker engine), so its files are checked against the
project instead: every path, command, variable and setting they name exists."""

from __future__ import annotations

import glob
import re
import shlex
from pathlib import Path

import yaml

from conftest import ROOT, run_cli
from scout_db.cluster import server_settings

DOCKER = ROOT / "docker"
COMPOSE = yaml.safe_load((DOCKER / "compose.yml").read_text())


def test_every_build_names_a_dockerfile_whose_sources_exist():
    for name, service in COMPOSE["services"].items():
        build = service.get("build")
        if not build:
            continue
        context = (DOCKER / build["context"]).resolve()
        dockerfile = context / build["dockerfile"]
        assert dockerfile.is_file(), (name, dockerfile)
        for line in dockerfile.read_text().splitlines():
            if line.startswith("COPY "):
                for source in shlex.split(line)[1:-1]:
                    assert (context / source).exists(), (name, source)


def test_mounted_folders_hold_what_the_commands_run():
    pgtap = COMPOSE["services"]["pgtap"]
    mounts = {}
    for volume in pgtap["volumes"]:
        host, inside = volume.split(":")[:2]
        assert (DOCKER / host).resolve().is_dir(), host
        mounts[inside] = (DOCKER / host).resolve()
    command = " ".join(pgtap["command"])
    patterns = re.findall(r"(/db/tests/\S+)", command)
    assert patterns, command
    for pattern in patterns:
        inside = next(k for k in mounts if pattern.startswith(k))
        assert glob.glob(str(mounts[inside]) + pattern[len(inside):]), f"{pattern} matches no file"


def test_the_migrate_service_runs_a_real_command_with_the_variable_scout_db_reads():
    migrate = COMPOSE["services"]["migrate"]
    assert "DATABASE_URL" in migrate["environment"]
    assert migrate["environment"]["DATABASE_URL"].startswith("postgresql://")
    done = run_cli(*migrate["command"], "--help")
    assert done.returncode == 0, migrate["command"]
    assert 'ENTRYPOINT ["scout-db"]' in (DOCKER / "Dockerfile.runner").read_text()


def test_the_database_is_pg_crons_and_takes_its_settings_from_db_server_conf():
    cron_database = server_settings()["cron.database_name"].strip("'")
    assert COMPOSE["services"]["db"]["environment"]["POSTGRES_DB"] == cron_database
    dockerfile = (DOCKER / "Dockerfile.postgres").read_text()
    assert "COPY db/server.conf /etc/postgresql/scout.conf" in dockerfile
    assert "include '/etc/postgresql/scout.conf'" in dockerfile
    assert f"ENV POSTGRES_DB={cron_database}" in dockerfile
    for package in ("postgresql-15-cron", "postgresql-15-pgtap", "libtap-parser-sourcehandler-pgtap-perl"):
        assert package in dockerfile
    assert Path(ROOT / "db" / "server.conf").is_file()


def test_the_build_context_leaves_out_what_is_local():
    """compose.yml builds from the repository: without a .dockerignore the virtualenv and
    the private cluster's data went into every build context."""
    ignored = {line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")}
    assert {".venv", ".scout", ".git"} <= ignored


def test_the_alerts_service_follows_with_its_webhook_in_a_secret_file():
    alerts = COMPOSE["services"]["alerts"]
    assert "--follow" in alerts["command"] and alerts["restart"] == "unless-stopped"
    assert alerts["environment"]["SCOUT_ALERT_WEBHOOK_FILE"] == "/run/secrets/" + alerts["secrets"][0]
    assert not any("http" in part for part in alerts["command"]), "no URL on a command line"
    done = run_cli(*alerts["command"], "--help")
    assert done.returncode == 0 and "--webhook-file" in done.stdout

"""A private PostgreSQL cluster that belongs to one project folder.

`scout-db db up` gives a newcomer a working database with pg_cron preloaded
without touching the machine's own clusters. PostgreSQL refuses to run as
root, so when we are root the server runs as the unprivileged `postgres` OS
user; the data folder must then be reachable by that user, and when the
project sits under a folder only root may enter (a `mktemp -d` checkout, for
instance) the data folder moves to /var/lib/scout-db and the state file
records where it went.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import ClusterError
from .paths import db_dir

DEFAULT_DATABASE = "scout"
SUPERUSER = "postgres"
STATE_FILE = "cluster.json"
MIN_MAJOR = 15


def find_bindir() -> Path:
    """The newest PostgreSQL >= 15 server binaries on this machine."""
    override = os.environ.get("SCOUT_PG_BINDIR")
    if override:
        if not (Path(override) / "initdb").exists():
            raise ClusterError(f"SCOUT_PG_BINDIR={override} has no initdb")
        return Path(override)
    candidates = []
    for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        major = Path(initdb).parent.parent.name
        if major.isdigit() and int(major) >= MIN_MAJOR:
            candidates.append((int(major), Path(initdb).parent))
    if not candidates and shutil.which("pg_config"):
        bindir = subprocess.run(
            ["pg_config", "--bindir"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if bindir and (Path(bindir) / "initdb").exists():
            candidates.append((MIN_MAJOR, Path(bindir)))
    if not candidates:
        raise ClusterError(
            "no PostgreSQL 15+ server binaries found (initdb); install the Debian package "
            "postgresql-15 (make setup does), or set DATABASE_URL to an existing server"
        )
    return max(candidates)[1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def is_root() -> bool:
    return os.geteuid() == 0


def as_server_user(cmd: list[str]) -> list[str]:
    return ["runuser", "-u", SUPERUSER, "--", *cmd] if is_root() else cmd


def _server_user_can_enter(path: Path) -> bool:
    probe = subprocess.run(
        as_server_user(["test", "-x", str(path), "-a", "-w", str(path)]), check=False
    )
    return probe.returncode == 0


@dataclass
class Cluster:
    """A cluster whose state (data folder, port) is kept in `<home>/cluster.json`."""

    home: Path
    database: str = DEFAULT_DATABASE
    durable: bool = True

    @property
    def state_path(self) -> Path:
        return self.home / STATE_FILE

    def _state(self) -> dict:
        try:
            return json.loads(self.state_path.read_text())
        except FileNotFoundError:
            return {}

    def _save_state(self, **changes) -> None:
        state = {**self._state(), **changes}
        self.state_path.write_text(json.dumps(state, indent=2) + "\n")

    @property
    def datadir(self) -> Path:
        recorded = self._state().get("datadir")
        return Path(recorded) if recorded else self.home / "pg"

    @property
    def port(self) -> int | None:
        return self._state().get("port")

    def url(self, database: str | None = None) -> str:
        if self.port is None:
            raise ClusterError(f"no private cluster in {self.home}; run: scout-db db up")
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database or self.database}"

    # -- lifecycle -----------------------------------------------------------

    def is_running(self) -> bool:
        if not (self.datadir / "PG_VERSION").exists():
            return False
        status = subprocess.run(
            as_server_user([str(find_bindir() / "pg_ctl"), "status", "-D", str(self.datadir)]),
            capture_output=True,
            check=False,
        )
        return status.returncode == 0

    def up(self) -> str:
        """Initialise (once) and start the cluster; return its URL. Idempotent."""
        bindir = find_bindir()
        self.home.mkdir(parents=True, exist_ok=True)
        if not (self.datadir / "PG_VERSION").exists():
            self._init(bindir)
        if not self.is_running():
            self._start(bindir)
        self._ensure_database(bindir)
        return self.url()

    def down(self) -> bool:
        """Stop the cluster if it runs; return whether it was running."""
        if not self.is_running():
            return False
        self._run([str(find_bindir() / "pg_ctl"), "stop", "-D", str(self.datadir), "-m", "fast", "-w"])
        return True

    def destroy(self) -> None:
        self.down()
        shutil.rmtree(self.datadir, ignore_errors=True)
        self.state_path.unlink(missing_ok=True)

    # -- a read replica ----------------------------------------------------------

    def replica(self) -> Cluster:
        """This cluster's streaming standby, kept in `<home>/replica` (it may not exist yet)."""
        return Cluster(self.home / "replica", database=self.database, durable=self.durable)

    def replica_up(self) -> str:
        """Make (once) and start a hot standby of this running cluster, fed by streaming
        replication: `pg_basebackup -R -X stream`, then a port of its own. Return its URL."""
        if not self.is_running():
            raise ClusterError(f"the private cluster in {self.home} is not running; run: scout-db db up")
        replica = self.replica()
        bindir = find_bindir()
        replica.home.mkdir(parents=True, exist_ok=True)
        if not (replica.datadir / "PG_VERSION").exists():
            datadir = replica._choose_datadir()
            shutil.rmtree(datadir, ignore_errors=True)
            replica._save_state(datadir=str(datadir), port=None)
            replica._run([str(bindir / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER,
                          "-D", str(datadir), "-R", "-X", "stream", "-c", "fast"])
            # the primary's settings, copied: the standby gets a socket folder (and so a
            # folder for pg_cron to reach it by, once promoted) and a port of its own
            conf = datadir / "scout.conf"
            socket_dir = str(datadir) if len(str(datadir)) < 80 else ""
            text = re.sub(r"(?m)^unix_socket_directories = .*$", f"unix_socket_directories = '{socket_dir}'",
                          conf.read_text())
            text = re.sub(r"(?m)^cron.host = .*$", f"cron.host = '{socket_dir or '127.0.0.1'}'", text)
            replica._write_as_server_user(conf, text + "hot_standby = on\nhot_standby_feedback = on\n")
        if not replica.is_running():
            replica._start(bindir)
        return replica.url()

    # -- internals -----------------------------------------------------------

    def _run(self, cmd: list[str]) -> subprocess.CompletedProcess:
        done = subprocess.run(as_server_user(cmd), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            detail = (done.stderr or done.stdout).strip().splitlines()
            raise ClusterError(f"{Path(cmd[0]).name} failed: {detail[-1] if detail else done.returncode}")
        return done

    def _choose_datadir(self) -> Path:
        datadir = self.home / "pg"
        if not is_root():
            return datadir
        server = pwd.getpwnam(SUPERUSER)
        os.chown(self.home, server.pw_uid, server.pw_gid)
        if _server_user_can_enter(self.home):
            return datadir
        digest = hashlib.sha1(str(self.home.resolve()).encode()).hexdigest()[:12]
        fallback = Path("/var/lib/scout-db") / digest / "pg"
        fallback.parent.mkdir(parents=True, exist_ok=True)
        os.chown(fallback.parent, server.pw_uid, server.pw_gid)
        return fallback

    def _init(self, bindir: Path) -> None:
        datadir = self._choose_datadir()
        if datadir.exists() and any(datadir.iterdir()):
            shutil.rmtree(datadir)
        self._save_state(datadir=str(datadir), port=None)
        self._run(
            [
                str(bindir / "initdb"),
                "-D", str(datadir),
                "-U", SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-instructions",
            ]
        )
        self._write_config(bindir)

    def _write_config(self, bindir: Path) -> None:
        pkglibdir = subprocess.run(
            [str(bindir / "pg_config"), "--pkglibdir"], capture_output=True, text=True, check=False
        ).stdout.strip() or str(bindir.parent / "lib")
        has_cron = Path(pkglibdir, "pg_cron.so").exists()
        # A long path does not fit in a socket name (107 bytes): fall back to TCP only.
        socket_dir = str(self.datadir) if len(str(self.datadir)) < 80 else ""
        settings: dict[str, str | int] = {
            "listen_addresses": "127.0.0.1",
            "port": free_port(),
            "unix_socket_directories": socket_dir,
        }
        for key, value in server_settings().items():
            if has_cron or not (key.startswith("cron.") or key == "shared_preload_libraries"):
                settings[key] = value
        if has_cron:
            # the launcher connects to this cluster itself; a socket-only cluster needs its folder
            settings["cron.host"] = socket_dir or "127.0.0.1"
            settings["cron.database_name"] = self.database
        if not self.durable:
            # Throw-away test clusters: speed over crash safety.
            settings |= {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
        lines = ["# written by scout-db db up from db/server.conf; edit freely, scout-db keeps `port` current"]
        for key, value in settings.items():
            rendered = str(value) if isinstance(value, int) or str(value).startswith("'") else f"'{value}'"
            lines.append(f"{key} = {rendered}")
        conf = self.datadir / "scout.conf"
        self._write_as_server_user(conf, "\n".join(lines) + "\n")
        main_conf = self.datadir / "postgresql.conf"
        if "include_if_exists = 'scout.conf'" not in main_conf.read_text():
            with main_conf.open("a") as fh:
                fh.write("\ninclude_if_exists = 'scout.conf'\n")
        self._save_state(port=settings["port"], pg_cron=has_cron)

    def _write_as_server_user(self, path: Path, text: str) -> None:
        path.write_text(text)
        if is_root():
            server = pwd.getpwnam(SUPERUSER)
            os.chown(path, server.pw_uid, server.pw_gid)

    def _start(self, bindir: Path) -> None:
        if self.port is None or not _port_is_free(self.port):
            conf = self.datadir / "scout.conf"
            port = free_port()
            text = re.sub(r"(?m)^port = \d+$", f"port = {port}", conf.read_text())
            self._write_as_server_user(conf, text)
            self._save_state(port=port)
        log = self.datadir / "scout-server.log"
        self._run([str(bindir / "pg_ctl"), "start", "-D", str(self.datadir), "-l", str(log), "-w", "-t", "60"])

    def _ensure_database(self, bindir: Path) -> None:
        psql = [str(bindir / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", SUPERUSER]
        for _ in range(50):
            probe = subprocess.run([*psql, "-d", "postgres", "-Atc", "select 1"], capture_output=True, check=False)
            if probe.returncode == 0:
                break
            time.sleep(0.1)
        exists = subprocess.run(
            [*psql, "-d", "postgres", "-Atc", f"select 1 from pg_database where datname = '{self.database}'"],
            capture_output=True, text=True, check=False,
        ).stdout.strip()
        if exists != "1":
            subprocess.run([*psql, "-d", "postgres", "-c", f'create database "{self.database}"'],
                           capture_output=True, check=True)


def server_settings(path: Path | None = None) -> dict[str, str]:
    """The settings of db/server.conf, in order, values as written there."""
    settings: dict[str, str] = {}
    for line in (path or db_dir() / "server.conf").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            key, _, value = line.partition("=")
            settings[key.strip()] = value.strip()
    return settings


def _port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def project_home(start: Path | None = None) -> Path:
    """Where the private cluster lives: SCOUT_HOME; else `.scout` beside the project's
    `db/` folder above the current one; else beside the checkout this scout-db runs
    from (an editable install); else one remembered place for an installed scout-db
    ($XDG_DATA_HOME/scout-db). Never a new `.scout` wherever a command happens to run:
    that started a second, empty cluster."""
    if os.environ.get("SCOUT_HOME"):
        return Path(os.environ["SCOUT_HOME"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "db" / "migrations").is_dir():
            return folder / ".scout"
    checkout = db_dir().resolve().parent
    if (checkout / "db" / "migrations").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout / ".scout"
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data / "scout-db"

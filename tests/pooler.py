"""A real PgBouncer in transaction mode in front of the test cluster, as Supabase
users connect (its pooler on port 6543): each transaction may run on a different
server connection, and nothing a session sets survives to the next transaction."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

from scout_db.cluster import SUPERUSER, as_server_user, free_port, is_root

# Fewer server connections than the tests' clients, so clients really share them.
POOL_SIZE = 2


class PgBouncer:
    def __init__(self, server_port: int):
        binary = shutil.which("pgbouncer") or "/usr/sbin/pgbouncer"
        if not Path(binary).exists():
            raise RuntimeError("pgbouncer missing: install the Debian package pgbouncer (make setup does)")
        self.home = Path(tempfile.mkdtemp(prefix="scout-pooler-", dir="/tmp"))
        self.port = free_port()
        (self.home / "users.txt").write_text(f'"{SUPERUSER}" ""\n')
        (self.home / "pgbouncer.ini").write_text(f"""\
[databases]
* = host=127.0.0.1 port={server_port} pool_size={POOL_SIZE}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {self.port}
unix_socket_dir =
auth_type = trust
auth_file = {self.home}/users.txt
pool_mode = transaction
max_client_conn = 200
; like Supabase's pooler: the options startup parameter is accepted and ignored
ignore_startup_parameters = extra_float_digits, options
logfile = {self.home}/pgbouncer.log
pidfile = {self.home}/pgbouncer.pid
""")
        if is_root():  # PgBouncer refuses to run as root
            server = pwd.getpwnam(SUPERUSER)
            os.chown(self.home, server.pw_uid, server.pw_gid)
            for path in self.home.iterdir():
                os.chown(path, server.pw_uid, server.pw_gid)
        self.process = subprocess.Popen(as_server_user([binary, str(self.home / "pgbouncer.ini")]),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pgbouncer exited: {self.process.stderr.read()}")
            try:
                with psycopg.connect(self.url_for(f"postgresql://{SUPERUSER}@127.0.0.1:1/postgres"),
                                     connect_timeout=2, prepare_threshold=None) as conn:
                    conn.execute("select 1")
                return
            except psycopg.OperationalError:
                time.sleep(0.1)
        raise RuntimeError("pgbouncer did not accept connections within 20 s")

    def url_for(self, server_url: str) -> str:
        """The same database, through the pooler."""
        parts = urlsplit(server_url)
        return parts._replace(netloc=f"{parts.username}@127.0.0.1:{self.port}").geturl()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.home, ignore_errors=True)


def pooled(conninfo: str) -> psycopg.Connection:
    """A connection as through Supabase's pooler: autocommit, no statement prepared server-side."""
    return psycopg.connect(conninfo, autocommit=True, prepare_threshold=None)

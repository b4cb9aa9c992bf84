"""Where the package finds its SQL: one place, imported by every module that reads db/
(the cluster for server.conf, the migrator, the checks), so none imports another for it."""

from __future__ import annotations

import os
from pathlib import Path


def db_dir() -> Path:
    """The SQL: SCOUT_DB_DIR, else the package's db/ (in a checkout a link to the
    repository's db/, in a wheel the copy it carries)."""
    if os.environ.get("SCOUT_DB_DIR"):
        return Path(os.environ["SCOUT_DB_DIR"])
    return Path(__file__).resolve().parent / "db"

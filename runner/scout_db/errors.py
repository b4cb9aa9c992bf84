"""Errors the CLI turns into one line on stderr and an exit status.

Exit statuses are part of the command-line interface (README, "Exit status"):
1 an operation failed (migration, check, ingest with rejected lines),
2 usage error (click's own), 3 no database could be reached or started.
"""


class ScoutError(Exception):
    """An expected failure: the message is the whole story, no traceback."""

    exit_code = 1


class ConnectionFailed(ScoutError):
    exit_code = 3


class ClusterError(ScoutError):
    exit_code = 3


class MigrationError(ScoutError):
    exit_code = 1

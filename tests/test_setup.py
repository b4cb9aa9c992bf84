"""The setup `make` runs on a fresh machine: it waits for an apt that another process
runs (a machine that just booted updates itself) instead of failing on its lock."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import ROOT

HOLD = """
import fcntl, os, sys, time
fd = os.open("/var/lib/dpkg/lock-frontend", os.O_RDWR | os.O_CREAT)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
print("held", flush=True)
time.sleep(float(sys.argv[1]))
"""


def _install_while_locked(hold_seconds: float, wait_seconds: int) -> tuple[subprocess.CompletedProcess, float]:
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(hold_seconds)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        # an installed package: apt takes the real dpkg lock, then has nothing to download
        done = subprocess.run([str(ROOT / "scripts" / "apt-get-waiting"), "install", "-y", "-qq",
                               "--no-install-recommends", "postgresql-15"],
                              env={**os.environ, "DEBIAN_FRONTEND": "noninteractive", "SCOUT_APT_WAIT": str(wait_seconds)},
                              capture_output=True, text=True, timeout=120, check=False)
        return done, time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(os.geteuid() != 0, reason="holding dpkg's lock needs root, as the setup does")
def test_setup_waits_for_another_apt_and_says_so():
    done, elapsed = _install_while_locked(hold_seconds=7, wait_seconds=120)
    assert done.returncode == 0, done.stderr
    assert "waiting for another apt or dpkg to finish" in done.stderr
    assert elapsed >= 5, "it waited for the lock rather than failing on it"


@pytest.mark.skipif(os.geteuid() != 0, reason="holding dpkg's lock needs root, as the setup does")
def test_setup_gives_up_on_a_lock_held_too_long_and_says_why():
    done, _ = _install_while_locked(hold_seconds=30, wait_seconds=3)
    assert done.returncode != 0
    assert "another apt or dpkg still holds its lock after 3 s" in done.stderr

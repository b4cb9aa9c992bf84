#!/usr/bin/env bash
# Idempotent setup for a fresh Debian machine or a ready one: the PostgreSQL 15
# server with pg_cron and pgTAP, PgBouncer for the pooler tests and Chromium for the
# report's browser test (when missing), then .venv with scout-db and its dev tools (when pyproject.toml
# changed). Quick when there is nothing to do.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql-15 postgresql-15-cron postgresql-15-pgtap postgresql-15-plpgsql-check libtap-parser-sourcehandler-pgtap-perl pgbouncer
          chromium)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]})); then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
      sudo=sudo
    fi
    echo "setup: installing ${missing[*]}"
    $sudo scripts/apt-get-waiting update -qq
    DEBIAN_FRONTEND=noninteractive $sudo scripts/apt-get-waiting install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup: not a Debian system; make sure PostgreSQL 15+ with pg_cron and pgTAP (pg_prove) is installed" >&2
fi

python=${PYTHON:-python3}
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "setup: Python 3.11+ is needed ($python is $("$python" --version 2>&1))" >&2; exit 1; }
stamp=.venv/.scout-db-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: preparing .venv"
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev,search]'
  echo "$want" > "$stamp"
fi

#!/usr/bin/env bash
# Create .venv (once) and install the project with its test tools and the PostgreSQL driver; reinstall when pyproject.toml changes.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    echo "python3 -m venv failed; on Debian install it with: apt-get install python3-venv" >&2
    exit 1
  fi
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  .venv/bin/python -m pip install --quiet -e '.[dev,postgresql]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi

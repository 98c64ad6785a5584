#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the test suite: `scripts/pg_cluster.sh start` prints the URL to put in
# REVIEWAPP_TEST_DB; `scripts/pg_cluster.sh stop` stops it and removes its folder.
#
# PostgreSQL refuses to run as root, so as root the cluster belongs to an unprivileged user (the Debian package's
# "postgres", else a "reviewapp-pg" user created here). It listens on localhost only, with password
# authentication (tests check what a wrong password shows), and its socket lives in the cluster folder.
# Environment: PG_PORT (default 54329), PG_DIR (default /tmp/reviewapp-pg-cluster).
set -euo pipefail
PORT=${PG_PORT:-54329}
DIR=${PG_DIR:-/tmp/reviewapp-pg-cluster}
PASSWORD=reviewapp-test
BIN=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && BIN=$candidate
done
if [ -z "$BIN" ]; then
  BIN=$(dirname "$(command -v initdb || command -v pg_ctl || echo /nonexistent/x)")
fi
if [ ! -x "$BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found (on Debian: apt-get install postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$OWNER" -- "$@"
  else
    "$@"
  fi
}

OWNER=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then
    OWNER=postgres
  else
    id reviewapp-pg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin reviewapp-pg
    OWNER=reviewapp-pg
  fi
fi

case "${1:-}" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      echo "postgresql+psycopg://postgres:$PASSWORD@127.0.0.1:$PORT/postgres"
      exit 0
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    chown "$OWNER" "$DIR"
    chmod 700 "$DIR"
    printf '%s\n' "$PASSWORD" >"$DIR/pwfile"
    chown "$OWNER" "$DIR/pwfile"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR/pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    # Throwaway data: durability off makes CREATE DATABASE … TEMPLATE and commits fast.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" start >/dev/null \
      || { cat "$DIR/server.log" >&2; exit 1; }
    echo "postgresql+psycopg://postgres:$PASSWORD@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    if [ -d "$DIR/data" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac

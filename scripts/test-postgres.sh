#!/usr/bin/env bash
# npm run test:postgres [-- <command...>]
#
# Starts a throwaway PostgreSQL server (initdb into a temporary directory, on a free local port), runs
# the command with TEST_DATABASE_URL pointing at it (default: the whole test suite, `npm test`), then
# stops the server and removes its files. Each test database is created on that server and dropped by
# test/support/temp-database.ts. Examples:
#   npm run test:postgres                                  # whole suite on PostgreSQL
#   npm run test:postgres -- npx vitest run test/postgres  # some tests
#   npm run test:postgres -- bash                          # a shell with TEST_DATABASE_URL set
#
# Needs the PostgreSQL server binaries (initdb, pg_ctl, postgres): Debian/Ubuntu `apt-get install
# postgresql`, macOS `brew install postgresql`. PG_BIN=/path/to/bin overrides where they are looked for.
# initdb refuses to run as root, so as root the server runs as the `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."

find_pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  # Debian keeps the server binaries off PATH, one directory per major version: take the newest.
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$newest" && -x "$newest/initdb" ]]; then echo "$newest"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then pg_config --bindir; return; fi
  echo "test-postgres: no PostgreSQL server binaries (initdb) found; install the postgresql package or set PG_BIN" >&2
  exit 1
}

PG_BIN=$(find_pg_bin)
# A free TCP port, chosen by the kernel (the server binds 127.0.0.1 only).
PORT=${PG_PORT:-$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/desk-pg-XXXXXX")
DATA="$WORK/data"
PG_USER=desk

as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$WORK" --shell /usr/sbin/nologin postgres
  chown postgres "$WORK"
fi

stop_server() {
  if [[ -f "$DATA/postmaster.pid" ]]; then
    as_server_user "$PG_BIN/pg_ctl" stop -D "$DATA" -m fast -w >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

echo "test-postgres: initdb with $PG_BIN ($("$PG_BIN/postgres" --version))"
# Trust authentication on a loopback-only throwaway server. UTF-8 with the C locale sorts text by code
# point, as SQLite does, and exists on every system (C.UTF-8 does not, on macOS).
as_server_user "$PG_BIN/initdb" -D "$DATA" -U "$PG_USER" --auth=trust --encoding=UTF8 --locale=C --no-sync >"$WORK/initdb.log" 2>&1 ||
  { cat "$WORK/initdb.log" >&2; exit 1; }

# Durability is pointless for test data: fsync off makes CREATE DATABASE and commits fast. Each test
# file opens a few connection pools, and vitest runs files in parallel: allow plenty of connections.
OPTS="-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c fsync=off -c synchronous_commit=off"
OPTS+=" -c full_page_writes=off -c max_connections=400 -c shared_buffers=128MB"
if ! as_server_user "$PG_BIN/pg_ctl" start -D "$DATA" -l "$WORK/server.log" -w -t 60 -o "$OPTS" >/dev/null; then
  cat "$WORK/server.log" >&2
  exit 1
fi

export TEST_DATABASE_URL="postgresql://$PG_USER@127.0.0.1:$PORT/postgres"
echo "test-postgres: server up, TEST_DATABASE_URL=$TEST_DATABASE_URL"

if [[ $# -eq 0 ]]; then set -- npm test; fi
status=0
"$@" || status=$?
echo "test-postgres: '$*' exited with $status; stopping the server"
exit "$status"

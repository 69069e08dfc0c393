#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1:$PGPORT (default 55432) with trust auth, for tests.
# Idempotent: does nothing when one is already running there. Works as root (CI) and as a normal user with sudo-less
# access to the postgres binaries. Prints the Npgsql connection string (without a database) on the last line.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${PGDATA:-/tmp/techtransfer-pg}
PGPORT=${PGPORT:-55432}
if ! [ -x "$PGBIN/initdb" ]; then
  apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >/dev/null
fi
if "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"; then
  echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres"; exit 0
fi
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$PGDATA"; mkdir -p "$PGDATA"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
chmod 700 "$PGDATA"
run "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 60 \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k $PGDATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
"$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT"
echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres"

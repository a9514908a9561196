#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 server for tests.
#   scripts/pg-test-server.sh start DIR   create a cluster in DIR/data, listening only on a
#                                         Unix socket in DIR (no TCP), with a database
#                                         'zjgeo_test' that has the postgis extension;
#                                         prints the GDAL connection string
#   scripts/pg-test-server.sh stop DIR    stop it and delete DIR
#   scripts/pg-test-server.sh check       exit 0 when the binaries are installed, 77 if not
# Run as root (as CI does), the server runs as the 'postgres' OS user, which owns DIR.
# Trust authentication is fine here: nothing listens on the network.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
DB=zjgeo_test

have_binaries() {
  [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] &&
    ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1
}

# as_owner CMD...: run CMD as the user who owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

cmd=${1:-}
case "$cmd" in
  check)
    have_binaries && exit 0
    exit 77
    ;;
  start)
    dir=${2:?usage: pg-test-server.sh start DIR}
    if ! have_binaries; then
      echo "pg-test-server: PostgreSQL 15 + PostGIS not installed (postgresql-15 postgresql-15-postgis-3)" >&2
      exit 77
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "${#dir}" -gt 90 ]; then
      echo "pg-test-server: $dir is too long for a Unix socket path; use a shorter folder (e.g. mktemp -d /tmp/pg.XXXX)" >&2
      exit 2
    fi
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    as_owner "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$PGBIN/createdb" -h "$dir" -U postgres "$DB"
    as_owner "$PGBIN/psql" -h "$dir" -U postgres -d "$DB" -qAt -v ON_ERROR_STOP=1 -c "CREATE EXTENSION postgis" >/dev/null
    echo "PG:host=$dir dbname=$DB user=postgres"
    ;;
  stop)
    dir=${2:?usage: pg-test-server.sh stop DIR}
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test-server.sh start|stop DIR | check" >&2
    exit 2
    ;;
esac

#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL 15 cluster (the network edition's engine):
#   bash scripts/with-postgres.sh COMMAND [ARGS...]
# The cluster lives in a temporary folder (data directory and Unix socket, no TCP),
# runs as the `postgres` system user when started by root (initdb refuses root), and is
# stopped and removed when the command ends, fails or is interrupted. The command sees
# MEMBERDESK_TEST_PG_URL (a SQLAlchemy URL on the socket, database memberdesk_test).
# Without PostgreSQL installed (scripts/system-deps.sh installs postgresql-15) the
# command runs without the URL, unless CI=true: then that is an error.
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)}
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "with-postgres: PostgreSQL 15 is not installed (run scripts/system-deps.sh)" >&2
    exit 1
  fi
  echo "with-postgres: PostgreSQL 15 not installed; running without it" >&2
  exec "$@"
fi
dir=$(mktemp -d /tmp/memberdesk-pg.XXXXXX)
chmod 0755 "$dir"
as_pg=()
if [ "$(id -u)" = "0" ]; then
  chown postgres: "$dir"
  as_pg=(runuser -u postgres --)
fi
stop() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM
"${as_pg[@]}" "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 \
  --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# A test server: no TCP, the socket in our folder; durability off for the tests (the
# cluster is thrown away), on with PG_DURABLE=1 (make bench: commits wait for the disk,
# as SQLite's synchronous=FULL does).
durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[ "${PG_DURABLE:-}" = "1" ] && durability=""
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s start \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' $durability \
      -c max_connections=200" \
  || { cat "$dir/server.log" >&2; exit 1; }
"${as_pg[@]}" "$PGBIN/createdb" -h "$dir" -U postgres memberdesk_test
export MEMBERDESK_TEST_PG_URL="postgresql+psycopg://postgres@/memberdesk_test?host=$dir"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on $dir" >&2
set +e
"$@"
rc=$?
set -e
exit $rc

#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: starts it on a free port in a temporary folder, exports
# PG_CONN (a base connection string; tests create and drop their own databases), runs the command, stops the
# cluster and removes it, and exits with the command's exit code. Installs PostgreSQL via apt when missing.
# Usage: tools/with-postgres.sh dotnet test
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command...>" >&2
  exit 2
fi

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "with-postgres: installing PostgreSQL (apt)..." >&2
  SUDO=(); [ "$(id -u)" = 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq postgresql >/dev/null
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/pgci.XXXXXX")
AS=()
if [ "$(id -u)" = 0 ]; then
  # initdb refuses to run as root: run the cluster as the postgres user.
  chown postgres: "$PGTMP"
  AS=(runuser -u postgres --)
fi

cleanup() {
  "${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$PGTMP"
}
trap cleanup EXIT

"${AS[@]}" "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
PGPORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
"${AS[@]}" "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/log" -w -t 30 \
  -o "-p $PGPORT -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$PGTMP/log" >&2; exit 1; }

export PG_CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
echo "with-postgres: PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on port $PGPORT" >&2

set +e
"$@"
status=$?
set -e
exit $status

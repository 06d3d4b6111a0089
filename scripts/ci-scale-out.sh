#!/usr/bin/env bash
# CI, past one machine (docs/scaling.md): PgBouncer in transaction mode in front of the local
# PostgreSQL, the integration suite through it, then two production instances of the app through
# it on one database (scripts/multi-instance.ts). Needs the local PostgreSQL on 127.0.0.1:5432
# and a production build (npm test makes one; scripts/multi-instance.ts builds when it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
start=$(date +%s)

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432 (.ci/run starts it)" >&2
  exit 1
fi

export PGBOUNCER_PORT="${PGBOUNCER_PORT:-6432}"
direct="postgres://postgres@127.0.0.1:5432/test"
pooled=$(scripts/pgbouncer.sh start)
trap 'scripts/pgbouncer.sh stop' EXIT

# PgBouncer 1.18 (Debian 12) hands each transaction to any server connection, where a statement
# named on another does not exist: the app sends unnamed statements through it (db/named-statements.ts).
export DATABASE_NAMED_STATEMENTS=off

status=0
echo "== integration tests through PgBouncer (transaction pooling; migrations and CREATE DATABASE direct)"
TEST_DATABASE_URL="$pooled" TEST_DATABASE_DIRECT_URL="$direct" npx vitest run --project integration || status=1
echo "integration through PgBouncer finished after $(( $(date +%s) - start )) s"

echo "== two app instances on one database, through PgBouncer as the app's role"
SCALE_ADMIN_URL="$direct" SCALE_APP_URL="postgres://stageline_app@127.0.0.1:$PGBOUNCER_PORT/test" npx tsx scripts/multi-instance.ts || status=1

echo "scale-out checks finished in $(( $(date +%s) - start )) s"
exit $status

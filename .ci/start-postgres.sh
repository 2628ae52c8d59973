#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster on 127.0.0.1:5432 (installing it if needed) for the storage tests, and
# prints the connection string for GONGKAI_TEST_PG. Runs as root (CI and the development machines do).
# Source: the script verified in the project's spec/dependencies.md.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
command -v pg_ctlcluster >/dev/null || { apt-get update -qq; apt-get install -y -qq postgresql >/dev/null; }
PGVER=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | grep -q "^$PGVER main" || pg_createcluster "$PGVER" main >/dev/null
pg_ctlcluster "$PGVER" main start >/dev/null 2>&1 || true   # "Cluster is already running." is fine
for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
su postgres -c "psql -q -v ON_ERROR_STOP=1 -c \"ALTER USER postgres PASSWORD 'postgres';\"" >/dev/null
echo "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres"

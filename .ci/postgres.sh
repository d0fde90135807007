#!/usr/bin/env bash
# Makes a local PostgreSQL server available for the tests (installs it from Debian's packages if
# missing, starts the cluster, creates the test role and database) and prints the JDBC URL.
# Idempotent: safe to run again on a machine where it already ran.
# Only the URL goes to standard output, which the caller captures; everything the tools say (such as
# pg_ctlcluster's "Removed stale pid file.") goes to standard error. No descriptor of the captured
# output is left open, or the server daemon would inherit it and the caller would wait forever.
set -euo pipefail
prepare() {
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  version=$(ls /etc/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main"' | grep -q online; then
    pg_ctlcluster "$version" main start
  fi
  for _ in $(seq 1 50); do
    su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
    sleep 0.2
  done
  # Tests open many short-lived databases (one schema each); leave them room.
  if [ "$(su postgres -c "psql -qtAc 'SHOW max_connections'")" -lt 300 ]; then
    su postgres -c "psql -qc 'ALTER SYSTEM SET max_connections = 300'" >/dev/null
    pg_ctlcluster "$version" main restart
    for _ in $(seq 1 50); do
      su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
      sleep 0.2
    done
  fi
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='rapport'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE ROLE rapport LOGIN PASSWORD 'rapport'\"" >/dev/null
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='rapport_test'\"" | grep -q 1 \
    || su postgres -c "psql -qc 'CREATE DATABASE rapport_test OWNER rapport'" >/dev/null
}
prepare >&2
echo "jdbc:postgresql://127.0.0.1:5432/rapport_test?user=rapport&password=rapport"

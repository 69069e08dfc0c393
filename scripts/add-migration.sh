#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration sets (SQLite and PostgreSQL).
# usage: scripts/add-migration.sh NAME        (run from the repository root)
# The integrator may squash all migrations into one "Initial" while the project has no production deployments:
#   scripts/add-migration.sh --reset Initial
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--reset" ]; then
  shift
  rm -rf src/TechTransfer.Data/Migrations/Sqlite src/TechTransfer.Data/Migrations/Postgres
fi
name=${1:?usage: scripts/add-migration.sh [--reset] NAME}
dotnet tool restore >/dev/null
dotnet build src/TechTransfer.Web -v q -nologo >/dev/null
common=(--project src/TechTransfer.Data --startup-project src/TechTransfer.Web --no-build)
Storage__Provider=Sqlite dotnet ef migrations add "$name" "${common[@]}" \
  --context SqliteTechTransferDbContext --output-dir Migrations/Sqlite --namespace TechTransfer.Data.Migrations.Sqlite
Storage__Provider=Postgres ConnectionStrings__Postgres="Host=127.0.0.1;Database=design_time" dotnet ef migrations add "$name" "${common[@]}" \
  --context PostgresTechTransferDbContext --output-dir Migrations/Postgres --namespace TechTransfer.Data.Migrations.Postgres
echo "Added migration $name for SQLite and PostgreSQL."

#!/usr/bin/env bash
# After merging two branches that both added migrations: the migrations themselves merge as separate files, but the
# two ModelSnapshot files conflict and must never be merged by hand. This takes our side of each snapshot, then lets EF
# rewrite both snapshots from the current model (by adding and discarding a throwaway migration).
# usage (from the repo root, in the middle of or after a merge): scripts/sync-snapshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
snap=src/TechTransfer.Data/Migrations
for f in "$snap/Sqlite/SqliteTechTransferDbContextModelSnapshot.cs" "$snap/Postgres/PostgresTechTransferDbContextModelSnapshot.cs"; do
  if grep -q '^<<<<<<<' "$f"; then git checkout --ours -- "$f"; fi
done
dotnet tool restore >/dev/null
dotnet build src/TechTransfer.Web -nologo -v q >/dev/null
common=(--project src/TechTransfer.Data --startup-project src/TechTransfer.Web --no-build)
Storage__Provider=Sqlite dotnet ef migrations add SnapshotSync "${common[@]}" \
  --context SqliteTechTransferDbContext --output-dir Migrations/Sqlite --namespace TechTransfer.Data.Migrations.Sqlite >/dev/null
Storage__Provider=Postgres ConnectionStrings__Postgres="Host=127.0.0.1;Database=design_time" dotnet ef migrations add SnapshotSync "${common[@]}" \
  --context PostgresTechTransferDbContext --output-dir Migrations/Postgres --namespace TechTransfer.Data.Migrations.Postgres >/dev/null
rm -f src/TechTransfer.Data/Migrations/*/*_SnapshotSync.cs src/TechTransfer.Data/Migrations/*/*_SnapshotSync.Designer.cs
git add "$snap" 2>/dev/null || true
echo "Snapshots rewritten from the model. Run the API tests (The_schema_matches_the_model_so_no_migration_is_missing) to confirm."

#!/usr/bin/env bash
# Adds an EF Core migration NAME to both providers in step (SQLite and PostgreSQL), so their migration
# histories never drift. Usage: tools/add-migration.sh NAME
# To undo the last pair: tools/add-migration.sh --remove
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ]; then
  echo "usage: $0 NAME | --remove" >&2
  exit 2
fi

dotnet tool restore >/dev/null
project=src/Kompetensbron.Data
dotnet build "$project" -nologo -v q >/dev/null

for provider in Sqlite Postgres; do
  if [ "$1" = "--remove" ]; then
    dotnet ef migrations remove --no-build --project "$project" --startup-project "$project" \
      --context "${provider}KompetensbronDbContext"
  else
    dotnet ef migrations add "$1" --no-build --project "$project" --startup-project "$project" \
      --context "${provider}KompetensbronDbContext" --output-dir "Migrations/$provider"
    dotnet build "$project" -nologo -v q >/dev/null
  fi
done

#!/usr/bin/env bash
# Regenerates the workbench screenshots in docs/screenshots: runs the workbench journeys (every role, zh-CN and English,
# axe-core checked) in Chromium, which save workbench-{role}-{zh|en}.png, and copies them into docs/screenshots.
# Needs axe-core once: (cd tests/TechTransfer.BrowserTests/axe && npm ci)
set -euo pipefail
cd "$(dirname "$0")/.."
shots="${TMPDIR:-/tmp}/tt-screenshots"
rm -f "$shots"/workbench-{office,researcher,enterprise,registrar,manager,analyst,admin}-{zh,en}.png
dotnet build tests/TechTransfer.BrowserTests -nologo -v q
dotnet test tests/TechTransfer.BrowserTests --no-build -v q --filter "FullyQualifiedName~WorkbenchJourneyTests"
mkdir -p docs/screenshots
for role in office researcher enterprise registrar manager analyst admin; do
  for lang in zh en; do cp "$shots/workbench-$role-$lang.png" docs/screenshots/; done
done
echo "copied $(ls docs/screenshots/workbench-*.png | wc -l) screenshots to docs/screenshots"

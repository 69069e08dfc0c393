#!/usr/bin/env bash
# The whole test suite, on a fresh machine too: installs what it needs (Debian's Chromium and CJK fonts, PostgreSQL 15
# and npm if absent; axe-core from the npm registry for the accessibility checks), starts a throwaway PostgreSQL on 127.0.0.1, builds, runs every test project (unit, API on SQLite and
# PostgreSQL, browser in Chromium, architecture) and prints the line "N passed, N failed".
#   scripts/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Organizations]
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -qi "wenquanyi micro hei" || need+=(fonts-wqy-microhei)
fc-list 2>/dev/null | grep -qi "noto sans cjk" || need+=(fonts-noto-cjk)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO=sudo
  $SUDO apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}" >/dev/null || {
    echo "Could not install ${need[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# axe-core for the browser tests' WCAG 2.1 AA checks (version pinned in tests/TechTransfer.BrowserTests/axe/package-lock.json)
if [ ! -f tests/TechTransfer.BrowserTests/axe/node_modules/axe-core/axe.min.js ]; then
  (cd tests/TechTransfer.BrowserTests/axe && npm ci --no-audit --no-fund >/dev/null) || {
    echo "Could not install axe-core from the npm registry"; echo "0 passed, 1 failed"; exit 1; }
fi

export TECHTRANSFER_TEST_POSTGRES
TECHTRANSFER_TEST_POSTGRES=$(scripts/pg-start.sh | tail -n 1) || { echo "PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
echo "PostgreSQL: $TECHTRANSFER_TEST_POSTGRES"

dotnet tool restore >/dev/null
if ! dotnet build TechTransfer.slnx -nologo -v q; then
  echo "Build failed"; echo "0 passed, 1 failed"; exit 1
fi

rm -rf TestResults
dotnet test TechTransfer.slnx --no-build --nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory TestResults "$@"
rc=$?

passed=0; failed=0; files=0
for f in $(find TestResults -name '*.trx' 2>/dev/null); do
  files=$((files+1))
  c=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  p=$(echo "$c" | sed -nE 's/.* passed="([0-9]+)".*/\1/p'); q=$(echo "$c" | sed -nE 's/.* failed="([0-9]+)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${q:-0}))
done
if [ "$files" = 0 ]; then failed=$((failed+1)); rc=1; fi
[ "$rc" != 0 ] && [ "$failed" = 0 ] && failed=1
echo "$passed passed, $failed failed"
exit $rc

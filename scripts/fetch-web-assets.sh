#!/usr/bin/env bash
# Refreshes the vendored web assets from the npm registry: world-atlas's
# Natural Earth borders and topojson-client (see crates/rasd-web/assets/vendor/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
dest=crates/rasd-web/assets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent world-atlas@2.0.2 topojson-client@3.1.0 >/dev/null)
tar -xzf "$work"/world-atlas-2.0.2.tgz -C "$work" package/countries-50m.json
cp "$work"/package/countries-50m.json "$dest"/
tar -xzf "$work"/topojson-client-3.1.0.tgz -C "$work" package/dist/topojson-client.min.js
cp "$work"/package/dist/topojson-client.min.js "$dest"/
echo "refreshed $dest"

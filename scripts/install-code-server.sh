#!/usr/bin/env bash
# Installs what the end-to-end tests need to run the extension in a real VS Code:
#   - code-server (VS Code in a browser) into .cache/code-server (or the folder given as $1),
#   - Debian's Chromium (/usr/bin/chromium) to drive it with playwright-core.
#
# Only the npm registry and Debian's apt are used: code-server's own postinstall step would
# fetch prebuilt binaries from GitHub, so we install with --ignore-scripts and compile every
# native module here with node-gyp against the headers of the Node that runs the tests.
#
# Idempotent: a marker file records a finished install; a second run only checks it and exits.
set -euo pipefail

# code-server 4.100.x (VS Code 1.100.x) is the last line whose server still runs on Node 20.
CODE_SERVER_VERSION=4.100.3

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TARGET=${1:-$ROOT/.cache/code-server}
mkdir -p "$TARGET"
TARGET=$(cd "$TARGET" && pwd)
ENTRY=$TARGET/node_modules/code-server/out/node/entry.js
MARKER=$TARGET/.installed-$CODE_SERVER_VERSION-node$(node -p 'process.versions.modules')

log() { echo "[install-code-server] $*"; }

# --- Debian packages -------------------------------------------------------------------------
# chromium: the browser the tests drive (fonts-dejavu-core so its screenshots show text, as
# recommends are skipped); ripgrep: VS Code's search backend (its npm package would download the
# binary); the rest: compilers and headers for the native modules built below.
APT_PACKAGES=(chromium fonts-dejavu-core ripgrep build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev)

install_debian_packages() {
    local missing=() pkg
    for pkg in "${APT_PACKAGES[@]}"; do
        # python3 may come from elsewhere (pyenv); node-gyp only needs one on the PATH
        if [ "$pkg" = python3 ] && command -v python3 >/dev/null; then continue; fi
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    log "apt-get install ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_debian_packages

# Even --version writes a default config and logs: keep them out of ~/.config and ~/.local/share
code_server_version() { XDG_CONFIG_HOME="$TARGET/.home/config" XDG_DATA_HOME="$TARGET/.home/data" node "$ENTRY" --version; }

if [ -f "$MARKER" ] && code_server_version >/dev/null 2>&1; then
    log "code-server $CODE_SERVER_VERSION already installed in $TARGET"
    exit 0
fi

# --- native builds ---------------------------------------------------------------------------
# npm bundles node-gyp; use that one rather than requiring a global install.
NPM_ROOT=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
NODE_GYP=$NPM_ROOT/node_modules/node-gyp/bin/node-gyp.js
[ -f "$NODE_GYP" ] || { echo "node-gyp not found at $NODE_GYP" >&2; exit 1; }
# The Node installation prefix holds include/node/*.h; pointing node-gyp there avoids it
# downloading headers from nodejs.org.
NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$NODE_PREFIX/include/node/node.h" ] || { echo "Node headers missing in $NODE_PREFIX/include/node" >&2; exit 1; }

# Builds the native addon in folder $1 (extra node-gyp arguments after it); shows the log on failure.
gyp_build() {
    local dir=$1; shift
    log "node-gyp rebuild ${dir#"$TARGET"/}"
    if ! (cd "$dir" && node "$NODE_GYP" rebuild --nodedir="$NODE_PREFIX" -j 2 "$@" >node-gyp.log 2>&1); then
        cat "$dir/node-gyp.log" >&2
        return 1
    fi
}

npm_quiet_install() {
    npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$@" >/dev/null
}

# --- code-server -----------------------------------------------------------------------------
log "installing code-server $CODE_SERVER_VERSION into $TARGET"
[ -f "$TARGET/package.json" ] || echo '{ "name": "efp-e2e-code-server", "private": true }' >"$TARGET/package.json"
(cd "$TARGET" && npm_quiet_install --no-save "code-server@$CODE_SERVER_VERSION")

# argon2 (password hashing; loaded at startup even with --auth none) normally comes from
# node-pre-gyp, which downloads a binary; build it into the path its loader expects.
gyp_build "$TARGET/node_modules/argon2" \
    -- -Dmodule_name=argon2 -Dmodule_path=lib/binding/napi-v3 -Dnapi_build_version=3

# The VS Code server ships its own dependency list; code-server's postinstall would install it.
VSCODE=$TARGET/node_modules/code-server/lib/vscode
(cd "$VSCODE" && npm_quiet_install --omit=dev)
for module in @parcel/watcher @vscode/spdlog @vscode/deviceid native-watchdog node-pty kerberos; do
    gyp_build "$VSCODE/node_modules/$module"
done
# @vscode/ripgrep's postinstall downloads rg from GitHub; Debian's rg does the same job.
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
# The server resolves some modules through node_modules.asar (packaged builds); point it at the folder.
ln -sfn node_modules "$VSCODE/node_modules.asar"
# Links code-server's postinstall creates for the integrated terminal's `code` CLI and browser helper.
(cd "$VSCODE/bin/remote-cli" && ln -sfn code-linux.sh code-server)
(cd "$VSCODE/bin/helpers" && ln -sfn browser-linux.sh browser.sh)
# Built-in extensions (TypeScript, Git, themes...) have their own runtime dependencies.
(cd "$VSCODE/extensions" && npm_quiet_install --omit=dev)

code_server_version | tail -n 1
touch "$MARKER"
log "done"

#!/usr/bin/env bash
# Installs Debian's Neovim for the end-to-end test test/e2e/neovim.e2e.ts, which runs `efp lsp` in it
# through the config docs/editor.md gives (0.7.2 on Debian 12: the oldest Neovim that config supports).
# Does nothing when `nvim` is already on the PATH; without root and apt-get it says so and installs
# nothing, and the test then fails saying Neovim is missing.
set -euo pipefail

log() { echo "[install-neovim] $*"; }

if command -v nvim >/dev/null; then
    log "$(nvim --version | head -n 1) already installed"
    exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    log "nvim is missing and this is not root on Debian: install Neovim 0.7 or later for test/e2e/neovim.e2e.ts"
    exit 0
fi
log "apt-get install neovim"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends neovim >/dev/null
log "$(nvim --version | head -n 1)"

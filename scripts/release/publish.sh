#!/usr/bin/env bash
# Publishes one artifact of a release, when its token is there (a fork or a repository without the
# secret skips it and says so). EFP_RELEASE_DRY_RUN=1 prints each command instead of running it, and
# runs npm's own dry run, which checks the tarball; test/ci/release-workflow.test.ts runs the release so.
#
#   publish.sh vscode-marketplace efp.vsix      VSCE_PAT
#   publish.sh open-vsx efp.vsix                OVSX_PAT
#   publish.sh npm efp-lang-efp-1.2.3.tgz       NODE_AUTH_TOKEN (published with provenance)
#   publish.sh github-release TAG NOTES FILES…  GH_TOKEN
set -euo pipefail
target=$1; shift

run() {
    if [ "${EFP_RELEASE_DRY_RUN:-}" = 1 ]; then printf 'dry run:'; printf ' %q' "$@"; printf '\n'; else "$@"; fi
}
needs() {
    if [ -z "${!1:-}" ]; then echo "release: $target skipped: no $1"; exit 0; fi
}

case "$target" in
    vscode-marketplace)
        needs VSCE_PAT
        run npx --no-install vsce publish --packagePath "$1" ;;
    open-vsx)
        needs OVSX_PAT
        run npx --yes ovsx@0.10.8 publish "$1" ;;
    npm)
        needs NODE_AUTH_TOKEN
        if [ "${EFP_RELEASE_DRY_RUN:-}" = 1 ]; then npm publish "$1" --access public --dry-run; fi
        run npm publish "$1" --access public --provenance ;;
    github-release)
        needs GH_TOKEN
        tag=$1 notes=$2; shift 2
        run gh release create "$tag" --title "efp $tag" --notes-file "$notes" "$@" ;;
    *)
        echo "release: unknown target $target" >&2; exit 2 ;;
esac

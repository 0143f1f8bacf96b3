#!/usr/bin/env bash
# Runs the unit and integration suite (what `npm test` runs after its build) under other Node versions
# than the machine's: Node 22 and 24 by default, the versions users run (VS Code ships 22). Each Node comes
# from the npm registry's `node-<platform>-<arch>` package, installed once into .cache/node-<major>/; it is
# put first on PATH, so the tests' child processes (the efp command, npm in the package test) run on it too.
#
#   npm run test:node-versions                      # Node 22 and 24, after `npm test` built out/
#   EFP_NODE_VERSIONS="24" npm run test:node-versions
#
# Each run writes test-results/unit-node<major>.json; the closing lines say which Node ran how many tests.
set -euo pipefail
cd "$(dirname "$0")/.."
platform=$(node -p 'process.platform + "-" + process.arch')
status=0
for major in ${EFP_NODE_VERSIONS:-22 24}; do
    prefix=.cache/node-$major
    binary=$prefix/node_modules/node-$platform/bin/node
    if [ ! -x "$binary" ]; then
        npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "node-$platform@$major"
    fi
    bin=$(cd "$(dirname "$binary")" && pwd)
    echo "test-node-versions: Node $("$binary" --version) ($binary)"
    if ! PATH="$bin:$PATH" EFP_TEST_REPORT="test-results/unit-node$major.json" node node_modules/vitest/vitest.mjs run; then
        status=1
    fi
done
for major in ${EFP_NODE_VERSIONS:-22 24}; do
    echo -n "Node $major: " && node scripts/test-summary.mjs "test-results/unit-node$major.json"
done
exit $status

#!/usr/bin/env bash
# Runs the steps of docs/ci/github-actions.yml on a temporary git repository: a model committed as the
# base branch, a value changed in the working tree (the pull request), then `efp check` and
# `efp diff --git HEAD --markdown`, as the workflow runs them, checking what they print.
#
#   bash scripts/test-ci-workflow.sh                # with the built CLI (bin/efp.cjs; npm run build)
#   EFP="node --import tsx src/cli/bin.ts" bash …   # with another efp command
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
read -r -a efp <<< "${EFP:-node $root/bin/efp.cjs}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() { echo "test-ci-workflow: $*" >&2; exit 1; }

git init -q
git config user.name "efp ci test"
git config user.email "ci@example.com"
cp "$root/examples/quickstart.efp" model.efp
git add model.efp
git commit -q -m "the base branch's model"

# the pull request: the server draws twice the power
sed -i.orig 's/power: 300 W/power: 600 W/' model.efp && rm model.efp.orig

# step "Check the models"
"${efp[@]}" check model.efp > check.txt || fail "efp check failed: $(cat check.txt)"
grep -q '^model.efp: no problems found' check.txt || fail "unexpected efp check output: $(cat check.txt)"

# step "Footprint change against the base branch" (HEAD stands for origin/<base>; no FILE: efp finds the model)
"${efp[@]}" diff --git HEAD --markdown -o efp-diff.md || fail "efp diff failed"
head -n 1 efp-diff.md | grep -qx '<!-- efp-diff -->' || fail "the comment marker is missing"
grep -q '^## 🔺 Footprint +170.5 t CO2e (+1.6 %)$' efp-diff.md || fail "unexpected heading: $(sed -n 2p efp-diff.md)"
grep -q '| server | Servers | 224.8 t | 395.4 t | +170.5 t | +75.9 % |' efp-diff.md || fail "the server's row is missing"
grep -q 'power: 300 W → 600 W' efp-diff.md || fail "the input change is missing"
grep -q '^<details><summary>Input changes (1 object)</summary>$' efp-diff.md || fail "the input changes are missing"

# --fail-above: the job fails past the threshold, and passes below it
set +e
"${efp[@]}" diff --git HEAD --fail-above 1 > /dev/null 2> gate.txt
gate=$?
set -e
[ "$gate" -eq 1 ] || fail "--fail-above 1 should exit 1 on a 1.6 % growth, exited $gate"
grep -q 'more than --fail-above 1 %' gate.txt || fail "unexpected --fail-above message: $(cat gate.txt)"
"${efp[@]}" diff --git HEAD --fail-above 10 > /dev/null || fail "--fail-above 10 should pass on a 1.6 % growth"

echo "test-ci-workflow: ok (efp check, efp diff --git HEAD --markdown, --fail-above)"

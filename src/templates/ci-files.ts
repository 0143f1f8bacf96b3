/**
 * The CI file a new project gets: efp's GitHub Action in a workflow, or efp's GitLab job, pinned to this
 * efp's version. They are docs/ci/github-actions.yml and docs/ci/gitlab-ci.yml with another header (a test
 * holds them equal, test/templates/ci-files.test.ts), so what docs/ci.md says of those holds for these.
 */

export type CiPlatform = 'github' | 'gitlab' | 'none';
export const CI_PLATFORMS: readonly CiPlatform[] = ['github', 'gitlab', 'none'];

/** Where each platform reads its CI file from, relative to the repository's root. */
export const CI_FILE: Readonly<Record<Exclude<CiPlatform, 'none'>, string>> = {
    github: '.github/workflows/efp.yml',
    gitlab: '.gitlab-ci.yml'
};

/** `.github/workflows/efp.yml`: check the models, annotate, summarize and comment on pull requests. */
export function githubWorkflow(version: string): string {
    return `# efp on pull requests: check the models, annotate their lines, summarize the footprint, upload SARIF to
# code scanning, and comment on what the change does to the footprint (one comment, updated in place,
# only when the footprint or its inputs change). Written by efp init; efp's docs/ci.md says what each
# input does: https://github.com/efp-lang/efp/blob/main/docs/ci.md
name: efp footprint

on:
  pull_request:
    paths: ['**/*.efp', '**/*.csv']
  push:
    branches: [main]

permissions:
  contents: read
  pull-requests: write        # the comment
  security-events: write      # the SARIF upload

jobs:
  footprint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0      # the footprint change reads the base branch's files from the history

      - uses: actions/setup-node@v4
        with:
          node-version: 22

      - uses: efp-lang/efp@v${version}
        with:
          models: .           # files, folders or quoted globs
          fail-above: 10      # fail when the pull request grows the total footprint by more than 10 %

      - uses: github/codeql-action/upload-sarif@v3
        if: \${{ !cancelled() && hashFiles('efp.sarif') != '' }}
        with:
          sarif_file: efp.sarif
          category: efp
`;
}

/** efp's GitLab job: `.gitlab-ci.yml` when there is none, else what to add to it. */
export function gitlabJob(version: string): string {
    return `# efp on GitLab merge requests: check the models (their findings in the merge request's Code Quality
# widget and changes tab), and post what the change does to the footprint as a merge request note,
# updated in place and only when the footprint or its inputs change. Written by efp init; efp's
# docs/ci.md says more: https://github.com/efp-lang/efp/blob/main/docs/ci.md
#
# The note needs a project access token with the api scope in a masked CI/CD variable EFP_GITLAB_TOKEN (the
# job's own token cannot write notes); without it the job still checks and compares, and keeps the report
# as an artifact.
efp-footprint:
  image: node:22
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  variables:
    EFP_VERSION: "${version}"        # the @efp-lang/efp version to run
    EFP_MODELS: "."             # files, folders (the models under them) or quoted globs, separated by spaces
    EFP_FAIL_ABOVE: "10"        # fail when the total footprint grows by more than this percentage ("" never)
    GIT_DEPTH: "0"              # efp diff --git reads the target branch's files from the history
  script:
    - |
      # the package, never a bare \`efp\`: npx would run whoever publishes that name
      read -r -a efp <<< "\${EFP:-npx --yes @efp-lang/efp@$EFP_VERSION}"
      read -r -a models <<< "$EFP_MODELS"
      "\${efp[@]}" check --format gitlab -o gl-code-quality-report.json "\${models[@]}" || true
      status=0
      "\${efp[@]}" check "\${models[@]}" || status=$?
      base="$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
      rm -f efp-diff.json efp-diff.md
      git fetch --no-tags --quiet origin "+refs/heads/$base:refs/remotes/origin/$base"
      gate=(); if [ -n "$EFP_FAIL_ABOVE" ]; then gate=(--fail-above "$EFP_FAIL_ABOVE"); fi
      "\${efp[@]}" diff --git "origin/$base" --json -o efp-diff.json || status=$?
      "\${efp[@]}" diff --git "origin/$base" --markdown -o efp-diff.md "\${gate[@]}" || status=$?
      if [ -n "\${EFP_GITLAB_TOKEN:-}" ] && [ -f efp-diff.json ] && [ -f efp-diff.md ]; then "\${efp[@]}" pr-comment efp-diff.json efp-diff.md --on gitlab; fi
      exit "$status"
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
    paths: [gl-code-quality-report.json, efp-diff.json, efp-diff.md]
`;
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { runBash } from './bash-script.js';

/**
 * Runs a composite GitHub Action (action.yml) here as the runner would: its `run:` steps with bash
 * (`-eo pipefail`), `${{ inputs.* }}` and `${{ github.* }}` replaced in `env:` and `if:`, GITHUB_ENV applied
 * between steps, and a failed step skipping the steps after it unless their `if:` goes on regardless
 * (`!cancelled()`). Only what efp's action.yml uses is supported; anything else throws, so that the action
 * cannot outgrow its test.
 */
interface ActionStep { name: string; if?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string }
interface ActionFile { inputs: Record<string, { default?: string }>; runs: { using: string; steps: ActionStep[] } }

export interface RunContext {
    /** The repository the action runs in (the job's working directory). */
    cwd: string;
    inputs: Record<string, string>;
    github: { base_ref: string; token: string };
    /** The job's environment (GITHUB_REPOSITORY, GITHUB_EVENT_PATH, GITHUB_API_URL, EFP…). */
    env: Record<string, string>;
}
export interface StepResult { name: string; status: 'success' | 'failure' | 'skipped'; stdout: string; stderr: string }
export interface ActionRun { steps: StepResult[]; failed: boolean; summary: string }

function expression(text: string, context: RunContext, inputs: Record<string, string>, failed: boolean): unknown {
    const js = text.trim()
        .replace(/!cancelled\(\)/g, 'true')
        .replace(/\bsuccess\(\)/g, String(!failed))
        .replace(/\binputs\.([\w-]+)/g, (_, name: string) => JSON.stringify(inputs[name] ?? ''))
        .replace(/\bgithub\.(\w+)/g, (_, name: string) => JSON.stringify((context.github as Record<string, string>)[name] ?? ''));
    if (/[a-zA-Z_]\w*\s*\(/.test(js.replace(/"[^"]*"/g, '""'))) throw new Error(`composite-action: unsupported expression ${text}`);
    return new Function(`return (${js});`)();
}

function substitute(text: string, context: RunContext, inputs: Record<string, string>, failed: boolean): string {
    return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(expression(e, context, inputs, failed)));
}

export async function runCompositeAction(actionFile: string, context: RunContext): Promise<ActionRun> {
    const action = yaml.load(readFileSync(actionFile, 'utf8')) as ActionFile;
    if (action.runs.using !== 'composite') throw new Error('composite-action: not a composite action');
    for (const name of Object.keys(context.inputs)) if (!(name in action.inputs)) throw new Error(`composite-action: no input ${name}`);
    const inputs: Record<string, string> = {};
    for (const [name, spec] of Object.entries(action.inputs)) inputs[name] = context.inputs[name] ?? String(spec.default ?? '');
    for (const [name, value] of Object.entries(inputs)) inputs[name] = substitute(value, context, inputs, false);

    const files = { env: join(context.cwd, '.github-env'), summary: join(context.cwd, '.github-summary.md') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    let env: Record<string, string> = { ...process.env as Record<string, string>, ...context.env, GITHUB_ENV: files.env, GITHUB_STEP_SUMMARY: files.summary };
    const run: ActionRun = { steps: [], failed: false, summary: '' };
    for (const step of action.runs.steps) {
        const condition = step.if === undefined ? !run.failed
            : (!run.failed || step.if.includes('!cancelled()')) && Boolean(expression(step.if.replace(/^\s*\$\{\{|\}\}\s*$/g, ''), context, inputs, run.failed));
        if (!condition) {
            run.steps.push({ name: step.name, status: 'skipped', stdout: '', stderr: '' });
            continue;
        }
        if (step.run === undefined || step.shell !== 'bash') throw new Error(`composite-action: step ${step.name} is not a bash run step`);
        const stepEnv = { ...env };
        for (const [k, v] of Object.entries(step.env ?? {})) stepEnv[k] = substitute(String(v), context, inputs, run.failed);
        const result = await runBash(step.run, context.cwd, stepEnv);
        const status = result.code === 0 ? 'success' : 'failure';
        run.steps.push({ name: step.name, status, stdout: result.stdout, stderr: result.stderr });
        if (status === 'failure') run.failed = true;
        // GITHUB_ENV: NAME=value lines, for the steps after this one
        for (const line of readFileSync(files.env, 'utf8').split('\n')) {
            const eq = line.indexOf('=');
            if (eq > 0) env = { ...env, [line.slice(0, eq)]: line.slice(eq + 1) };
        }
        writeFileSync(files.env, '');
    }
    run.summary = existsSync(files.summary) ? readFileSync(files.summary, 'utf8') : '';
    return run;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from '../helpers/random.js';

/**
 * The fuzzing budget. `npm test` runs a fixed seed and a small budget (CI: a few seconds per suite on two
 * cores); `npm run fuzz` sets EFP_FUZZ_ITERATIONS (and a fresh EFP_FUZZ_SEED if given) for a long run;
 * `npm run fuzz:nightly` multiplies every suite's budget by EFP_FUZZ_SCALE, with a longer call budget.
 * A failure prints the seed and writes the failing text under test-results/fuzz/, so it replays.
 */
export const FUZZ_SEED = Number(process.env.EFP_FUZZ_SEED ?? 20260601);
const COUNT = Number(process.env.EFP_FUZZ_ITERATIONS ?? 0);
const SCALE = Number(process.env.EFP_FUZZ_SCALE ?? 0);

/**
 * The iterations of one suite: its CI default; the long mode's count when EFP_FUZZ_ITERATIONS is set;
 * the default times EFP_FUZZ_SCALE in the nightly mode (so that slow suites stay in proportion).
 */
export function iterations(ciDefault: number): number {
    if (COUNT > 0) return COUNT;
    return SCALE > 0 ? Math.round(ciDefault * SCALE) : ciDefault;
}

/** A suite's own timeout: ten minutes, or what a long run asks for (EFP_FUZZ_SUITE_MS). */
export const SUITE_TIMEOUT_MS = Number(process.env.EFP_FUZZ_SUITE_MS ?? 600_000);

/** A PRNG per suite and iteration: one failing iteration replays alone from its printed seed. */
export function rngFor(suite: string, iteration: number): () => number {
    let h = FUZZ_SEED >>> 0;
    for (const c of `${suite}#${iteration}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    return random(h);
}

/** The call budget: anything slower is a hang for the fuzzer. Generous when the long mode asks for it. */
export const CALL_BUDGET_MS = Number(process.env.EFP_FUZZ_CALL_MS ?? 2000);

export class FuzzFailure extends Error {}

/**
 * Saves what failed (the texts and the reason) to test-results/fuzz/<suite>-<seed>-<iteration>/ and returns
 * an error saying how to replay it.
 */
export function recordFailure(suite: string, iteration: number, files: Record<string, string>, reason: string): FuzzFailure {
    const dir = join('test-results', 'fuzz', `${suite}-${FUZZ_SEED}-${iteration}`);
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name.replace(/[\\/]/g, '_')), text);
    writeFileSync(join(dir, 'reason.txt'), reason);
    const replay = `EFP_FUZZ_SEED=${FUZZ_SEED} npx vitest run test/fuzz`;
    return new FuzzFailure(`fuzz ${suite}: iteration ${iteration} (seed ${FUZZ_SEED}) failed: ${reason}\n  the input is in ${dir}/; replay: ${replay}`);
}

export { hasStackTrace } from '../helpers/bounded-run.js';

/** Runs `call`, failing when it takes longer than the call budget; returns its result. */
export async function withinBudget<T>(what: string, call: () => Promise<T> | T, budget = CALL_BUDGET_MS): Promise<T> {
    const started = performance.now();
    // a call that never settles is a hang too; a synchronous one is caught by the test's own timeout
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new FuzzFailure(`${what} did not answer within ${budget * 5} ms`)), budget * 5); });
    const result = await Promise.race([Promise.resolve().then(call), hang]).finally(() => clearTimeout(timer));
    const took = performance.now() - started;
    if (took > budget) throw new FuzzFailure(`${what} took ${Math.round(took)} ms (budget ${budget} ms)`);
    return result;
}

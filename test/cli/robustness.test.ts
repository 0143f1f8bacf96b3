import { describe, expect, it } from 'vitest';
import { random } from '../helpers/random.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

const FRAGMENTS = ['{', '}', '[', ']', '(', ')', ':', '*', '/', '-', '1e308', '0', '-1', '99999999999999999999 W', ' kWh', ' GB_ram',
    ' %', ' "text"', ' web.', ' .power', ' server ', ' from ', ' on ', ' in kW', ' per year', ' source ', '\n', ' x ', ' 2025-13-45 ',
    ' linear_growth(', ' hourly_values([', ' web.power ', ' ssd ', ' France ', ' confidence weird '];

function mutate(text: string, next: () => number): string {
    let out = text;
    const edits = 1 + Math.floor(next() * 4);
    for (let i = 0; i < edits; i++) {
        const at = Math.floor(next() * out.length);
        const choice = next();
        if (choice < 0.4) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 30));
        else if (choice < 0.8) out = out.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + out.slice(at);
        else out = out.slice(0, at) + out.slice(at).replace(/\d+(\.\d+)?/, String(Math.floor(next() * 1e6) - 5e5));
    }
    return out;
}

describe('malformed input', () => {
    it('never crashes efp check: random mutations of the quickstart get located diagnostics or pass', async () => {
        const base = readFileSync('examples/quickstart.efp', 'utf8');
        const next = random(Number(process.env.EFP_FUZZ_SEED ?? 20261122));
        const dir = writeModelFiles({});
        const runs = Number(process.env.EFP_FUZZ_RUNS ?? 150);
        for (let i = 0; i < runs; i++) {
            const text = mutate(base, next);
            const file = join(dir, `m${i}.efp`);
            writeFileSync(file, text);
            const result = await efp('check', file);
            const context = `mutation ${i}:\n${text}\n${result.stdout}${result.stderr}`;
            expect(result.stderr, context).not.toContain('internal error');
            expect([0, 1], context).toContain(result.code);
            for (const line of result.stdout.split('\n').filter(l => l.includes(': error: '))) {
                expect(line, context).toMatch(/^\S+\.efp:\d+:\d+: error: /);
            }
        }
    });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { efp, writeModelFiles } from '../helpers/cli-run.js';

const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');

describe('efp eval and scenarios', () => {
    it('lists the model\'s scenarios after its footprint, one line each with the total change', async () => {
        const result = await efp('eval', 'examples/scenarios.efp');
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const lines = result.stdout.trimEnd().split('\n');
        // baseline and scenario in one scale (10,966.4 t → 11,005.6 t: kt, four significant digits), the change in its own
        expect(lines.slice(-3)).toEqual([
            'Scenarios (efp eval --scenario NAME for one; CO2e over the modeling period, baseline → scenario)',
            '  llm_chat "Add an LLM chat step", from 2026-01-01:         10,966.4 t → 11,005.6 t (+39.19 t, +0.4 %)',
            '  smaller_videos "Lighter video encoding", from the start:  10,966.4 t → 10,054.7 t (−911.7 t, −8.3 %)'
        ]);
        // the baseline's own footprint comes first, unchanged
        expect(result.stdout).toContain('Total footprint: 10,966.4 t CO2e over the period');
    });

    it('prints no scenario section for a model without scenarios', async () => {
        const result = await efp('eval', 'examples/quickstart.efp');
        expect(result.stdout).not.toContain('Scenarios');
    });

    it('--scenario prints the scenario\'s footprint in the same table, and the change', async () => {
        const result = await efp('eval', '--scenario', 'llm_chat', 'examples/scenarios.efp');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('Scenario llm_chat "Add an LLM chat step", from 2026-01-01 (e-footprint\'s simulation_date)');
        expect(result.stdout).toContain('  daily_video.uj_steps: [watch, capture, llm_chat]');
        expect(result.stdout).toContain('Total footprint: 11,005.6 t CO2e over the period');
        // before the date, the baseline: 2025 is the model's own year
        const baseline = await efp('eval', 'examples/scenarios.efp');
        const year2025 = (text: string) => text.split('\n').find(l => l.trim().startsWith('2025'));
        expect(year2025(result.stdout)).toBe(year2025(baseline.stdout));
        expect(result.stdout).toContain('Baseline: 10,966.4 t CO2e; scenario: 11,005.6 t CO2e (+39.19 t, +0.4 %)');
    });

    it('--scenario without a date gives the figures of the edited model', async () => {
        const scenario = await efp('eval', '--scenario', 'smaller_videos', 'examples/scenarios.efp');
        const dir = writeModelFiles({ 'edited.efp': QUICKSTART.replace('data_transferred: 800 MB', 'data_transferred: 500 MB') });
        const edited = await efp('eval', join(dir, 'edited.efp'));
        const total = (text: string) => text.split('\n').find(l => l.startsWith('Total footprint'));
        expect(total(scenario.stdout)).toBe(total(edited.stdout));
        expect(total(scenario.stdout)).toBe('Total footprint: 10,054.7 t CO2e over the period, 3,351.6 t CO2e/year on average');
    });

    it('--scenario --json gives the baseline and scenario summaries', async () => {
        const result = await efp('eval', '--json', '--scenario', 'llm_chat', 'examples/scenarios.efp');
        const json = JSON.parse(result.stdout) as { scenario: string; date: string; systems: Array<{ system: string; baseline: { total: number }; scenario: { total: number } }> };
        expect([json.scenario, json.date, json.systems[0].system]).toEqual(['llm_chat', '2026-01-01', 'streaming_platform']);
        expect(json.systems[0].scenario.total).toBeGreaterThan(json.systems[0].baseline.total);
    });

    it('an unknown scenario is a usage error with the closest name', async () => {
        const result = await efp('eval', '--scenario', 'llm_chta', 'examples/scenarios.efp');
        expect(result.code).toBe(2);
        expect(result.stderr).toBe("efp: the model has no scenario 'llm_chta'; did you mean 'llm_chat'?\n");
    });

    it('a scenario dated outside the modeling period is an error of the model (efp check and efp eval)', async () => {
        const dir = writeModelFiles({ 'late.efp': `${QUICKSTART}\nscenario late at 2031-01-01 { web.power: 250 W }\n` });
        const check = await efp('check', join(dir, 'late.efp'));
        expect(check.code).toBe(1);
        expect(check.stdout).toMatch(/late\.efp:61:\d+: error: scenario late starts on 2031-01-01, outside the modeling period \(2025-01-01 to 2028-01-01\)/);
        const evaluated = await efp('eval', join(dir, 'late.efp'));
        expect(evaluated.code).toBe(1);
    });
});

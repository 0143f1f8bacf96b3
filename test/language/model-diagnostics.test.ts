import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { openWorkspace } from '../helpers/language-workspace.js';
import { readFileSync } from 'node:fs';

/** Diagnostics an editor gets: the engine's (dimensions, missing inputs, cycles...) next to Langium's. */
async function validate(text: string): Promise<LangiumDocument> {
    return (await openWorkspace(text)).documents[0];
}

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');

describe('model diagnostics in the editor', () => {
    it('reports nothing on a valid model', async () => {
        expect((await validate(quickstart)).diagnostics).toEqual([]);
    });

    it('reports a wrong dimension on the value, with the stable code and the hint', async () => {
        const text = quickstart.replace('power: 300 W', 'power: 300 Wh');
        const diagnostics = (await validate(text)).diagnostics!;
        expect(diagnostics).toHaveLength(1);
        const [d] = diagnostics;
        expect(d.message).toBe("'power' expects a power (W); `300 Wh` is an energy (kWh). Write it in W or a unit of the same kind.");
        expect(d.code).toBe('dimension-mismatch');
        expect(d.severity).toBe(1);
        const line = text.split('\n').findIndex(l => l.includes('300 Wh'));
        expect(d.range.start).toEqual({ line, character: text.split('\n')[line].indexOf('300 Wh') });
        expect(d.range.end).toEqual({ line, character: text.split('\n')[line].indexOf('300 Wh') + '300 Wh'.length });
    });

    it('reports an exceeded budget on its limit as an error, and one close to its limit as a warning', async () => {
        // e-footprint's quickstart emits 6,143.5 t in 2027, its worst year
        const over = (await validate(`${quickstart}\nbudget cap on streaming_platform { limit: 6000 t/year }\n`)).diagnostics!;
        expect(over.map(d => [d.severity, d.code, d.range.start.line, d.range.start.character])).toEqual([[1, 'budget-exceeded', quickstart.split('\n').length, 'budget cap on streaming_platform { '.length]]);
        expect(over[0].message).toMatch(/^budget cap: system streaming_platform emits 6,143\.5 t CO2e in 2027, 102 % of its limit of 6,000\.0 t \(6000 t\/year\)\. Reduce/);
        const close = (await validate(`${quickstart}\nbudget cap on streaming_platform { limit: 6500 t/year }\n`)).diagnostics!;
        expect(close.map(d => [d.severity, d.code])).toEqual([[2, 'budget-warning']]);
    });

    it('reports a missing input on the object\'s name', async () => {
        const text = quickstart.replace('  storage: ssd\n', '');
        const [d] = (await validate(text)).diagnostics!;
        expect(d.message).toMatch(/^server web needs 'storage'/);
        const line = text.split('\n').findIndex(l => l.startsWith('server web'));
        expect(d.range.start).toEqual({ line, character: 'server '.length });
    });

    it('hints at objects no system uses, greyed out', async () => {
        const text = quickstart + '\njob orphan on web {}\n';
        const diagnostics = (await validate(text)).diagnostics!;
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0].message).toBe('job orphan is not used by any system, so its footprint counts nowhere. Reference it from a usage pattern, journey, step or job of a system, or remove it.');
        expect(diagnostics[0].severity).toBe(4);
        expect(diagnostics[0].tags).toEqual([1]);
        expect(diagnostics[0].range.start).toEqual({ line: text.split('\n').findIndex(l => l.startsWith('job orphan')), character: 'job '.length });
    });

    it('warns on an input that has no effect, on its name, saying why', async () => {
        const text = quickstart.replace('  base_storage_need: 100 TB      confidence medium\n', '  base_storage_need: 100 TB      confidence medium\n  power: 20 W\n');
        const diagnostics = (await validate(text)).diagnostics!;
        expect(diagnostics.map(d => [d.severity, d.code, d.message])).toEqual([[2, 'ignored-input',
            '\'power\' has no effect on storage ssd: e-footprint 22.2.1 does not model the energy of storage, so it is ignored. Remove power.']]);
        const line = text.split('\n').findIndex(l => l === '  power: 20 W');
        expect(diagnostics[0].range).toEqual({ start: { line, character: 2 }, end: { line, character: 2 + 'power'.length } });
    });

    it('reports a name declared twice across imported files', async () => {
        const { documents: [main, other] } = await openWorkspace({ 'main.efp': 'import "other.efp"\nstorage disk from ssd {}\n', 'other.efp': 'storage disk from hdd {}\n' });
        const messages = [...main.diagnostics!, ...other.diagnostics!].map(d => d.message);
        expect(messages).toContain("'disk' is declared twice (other.efp:1). Give each object its own name.");
    });

    it('stays quiet about the model while the text has syntax errors', async () => {
        const diagnostics = (await validate(quickstart.replace('power: 300 W', 'power: 300 Wh )'))).diagnostics!;
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(diagnostics.every(d => d.code !== 'dimension-mismatch')).toBe(true);
    });
});

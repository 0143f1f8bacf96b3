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

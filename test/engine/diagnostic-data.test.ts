import { describe, expect, it } from 'vitest';
import { analyze, minimalModel } from '../helpers/model-from-text.js';
import { diagnosticDataOf } from '../../src/engine/model/diagnostics.js';

/** The engine's diagnostics of a model that links: [code, data] of its errors. */
async function errorData(text: string): Promise<Array<[string, unknown]>> {
    const { model } = await analyze(text);
    if (!model) throw new Error('the text does not link');
    return model.diagnostics.filter(d => d.severity === 'error').map(d => [d.code, d.data]);
}

/** What quick fixes read: data, so that a message can be reworded without breaking them. */
describe('the data of the engine\'s diagnostics', () => {
    it('a misspelt input name: the name as written and the closest input', async () => {
        expect(await errorData(minimalModel({ server: 'idle_powr: 50 W' }))).toEqual([
            ['unknown-attribute', { kind: 'did-you-mean', name: 'idle_powr', suggestion: 'idle_power' }]
        ]);
    });

    it('a misspelt value in a reference: its last name and the closest value', async () => {
        expect(await errorData(minimalModel({ server: 'power: 300 W  idle_power: api.powr / 6' }))).toEqual([
            ['unknown-attribute', { kind: 'did-you-mean', name: 'powr', suggestion: 'power' }]
        ]);
    });

    it('a missing input: its name', async () => {
        expect(await errorData(minimalModel().replace('server api {  storage: disk }', 'server api {}'))).toEqual([
            ['missing-input', { kind: 'missing-input', input: 'storage' }]
        ]);
    });

    it('a misspelt function and a misspelt parameter: the closest ones', async () => {
        expect(await errorData(minimalModel({ pattern: 'constant(1000) * daily_fluctuatoin(scale: 0.8)' }))).toEqual([
            ['unknown-function', { kind: 'did-you-mean', name: 'daily_fluctuatoin', suggestion: 'daily_fluctuation' }]
        ]);
        expect(await errorData(minimalModel({ pattern: 'constant(1000) * daily_fluctuation(scal: 0.8)' }))).toEqual([
            ['bad-argument', { kind: 'did-you-mean', name: 'scal', suggestion: 'scale' }]
        ]);
    });

    it('no data when no name is close enough to suggest', async () => {
        expect(await errorData(minimalModel({ server: 'qqqqqqqq: 50 W' }))).toEqual([['unknown-attribute', undefined]]);
    });
});

describe('diagnostic data read back from an editor', () => {
    it('is kept when it has the fields of its kind, whatever else the LSP data holds', () => {
        expect(diagnosticDataOf({ code: 'linking-error', refText: 'wfi', kind: 'did-you-mean', name: 'wfi', suggestion: 'wifi' }))
            .toEqual({ kind: 'did-you-mean', name: 'wfi', suggestion: 'wifi' });
        expect(diagnosticDataOf({ code: 'missing-input', kind: 'missing-input', input: 'storage' })).toEqual({ kind: 'missing-input', input: 'storage' });
        expect(diagnosticDataOf({ code: 'ignored-input', fromEngine: true, kind: 'ignored-input', input: 'fixed_nb_of_instances' }))
            .toEqual({ kind: 'ignored-input', input: 'fixed_nb_of_instances' });
        expect(diagnosticDataOf({ code: 'python-spelling', hint: '…', kind: 'rewrite', written: 'u.kWh', replacement: 'kWh' }))
            .toEqual({ kind: 'rewrite', written: 'u.kWh', replacement: 'kWh' });
    });

    it('is refused when a field is missing or of the wrong type', () => {
        expect(diagnosticDataOf({ code: 'linking-error', refText: 'wfi' })).toBeUndefined();
        expect(diagnosticDataOf({ kind: 'did-you-mean', name: 'wfi' })).toBeUndefined();
        expect(diagnosticDataOf({ kind: 'missing-input', input: 3 })).toBeUndefined();
        expect(diagnosticDataOf({ kind: 'ignored-input', input: ['power'] })).toBeUndefined();
        expect(diagnosticDataOf({ kind: 'ignored-input' })).toBeUndefined();
        expect(diagnosticDataOf({ kind: 'rewrite', written: 'u.kWh' })).toBeUndefined();
        // nothing written: nothing to check the text against before replacing it
        expect(diagnosticDataOf({ kind: 'rewrite', written: '', replacement: 'kWh' })).toBeUndefined();
        expect(diagnosticDataOf('did-you-mean')).toBeUndefined();
        expect(diagnosticDataOf(null)).toBeUndefined();
    });
});

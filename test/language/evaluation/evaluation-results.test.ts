import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { createEfpServices } from '../../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../../src/language/builtin-library.js';
import { footprintFor } from '../../../src/language/evaluation/footprint-request.js';
import { loadReference } from '../../helpers/reference-comparison.js';
import { openWorkspace } from '../../helpers/language-workspace.js';

const quickstart = readFileSync('examples/quickstart.efp', 'utf8');
const reference = loadReference('test/fixtures/efootprint/quickstart.outputs.json.gz').system_totals!;

/** e-footprint's per-category total of a phase, kg. */
function referenceTotal(phase: 'fabrication' | 'energy', category: string): number {
    const byCategory = reference[`total_${phase}_footprint_sum_over_period`] as Record<string, { value: number }>;
    return byCategory[category].value;
}

/** Relative closeness. The quickstart's storage differs from e-footprint by one disk in 16 hours of 26,298 (see the reference-parity test), hence 1e-4 rather than float32's 1e-5. */
function expectClose(actual: number, expected: number, relative = 1e-4): void {
    expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.max(1, Math.abs(expected)));
}

function decode(base64: string): Float64Array {
    const bytes = Buffer.from(base64, 'base64');
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
}

describe('the dashboard\'s data (efp/footprint)', () => {
    it('gives the system\'s totals by category and phase as e-footprint computes them', async () => {
        const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': quickstart });
        const result = await footprintFor(Efp, { uri: document.uri.toString() });
        expect(result.stale).toBe(false);
        expect(result.systems).toHaveLength(1);
        const [system] = result.systems;
        expect(system.hours).toBe(26_298);
        for (const c of system.categories) {
            expectClose(c.fabrication, referenceTotal('fabrication', c.category));
            expectClose(c.energy, referenceTotal('energy', c.category));
        }
        expect(system.categories.map(c => c.category)).toEqual(['Servers', 'Storage', 'Network', 'Devices']);
        // e-footprint: 10,966,373 kg over the period
        expectClose(system.total, 10_966_373);
        expectClose(system.perYear, 10_966_373 / (26_298 / 8766));
    });

    it('sends each category\'s hourly series exactly, and they add up to the totals', async () => {
        const { Efp, documents: [document] } = await openWorkspace({ 'quickstart.efp': quickstart });
        const result = await footprintFor(Efp, { uri: document.uri.toString() });
        const [system] = result.systems;
        expect(result.series.map(s => `${s.category}/${s.phase}`)).toEqual([
            // an SSD has no energy footprint of its own and a network no fabrication one in e-footprint: no series
            'Servers/fabrication', 'Servers/energy', 'Storage/fabrication', 'Network/energy', 'Devices/fabrication', 'Devices/energy'
        ]);
        for (const encoded of result.series) {
            const values = decode(encoded.values);
            expect(values.length).toBe(26_298);
            const sum = values.reduce((s, v) => s + v, 0);
            const category = system.categories.find(c => c.category === encoded.category)!;
            expectClose(sum, category[encoded.phase], 1e-9);
        }
        // the laptops' fabrication grows with the number of users: the last hour is heavier than the first
        const devices = decode(result.series.find(s => s.category === 'Devices' && s.phase === 'fabrication')!.values);
        expect(devices[devices.length - 1]).toBeGreaterThan(devices[0]);
    });

    it('says why there is nothing to show for a document without a system', async () => {
        const { Efp, documents: [document] } = await openWorkspace({ 'parts.efp': 'storage disk from ssd {}\nserver web { storage: disk }' });
        const result = await footprintFor(Efp, { uri: document.uri.toString() });
        expect(result.systems).toEqual([]);
        expect(result.message).toMatch(/declares no system/);
    });
});

describe('evaluation results pushed to the client (efp/evaluated)', () => {
    it('keep the last good figures, marked stale, while the text has errors, and name the error count', async () => {
        const { shared, Efp } = createEfpServices(EmptyFileSystem);
        const library = shared.workspace.LangiumDocumentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
        shared.workspace.LangiumDocuments.addDocument(library);
        const uri = 'file:///virtual/editing.efp';
        const results = [];
        const versions = [
            quickstart,
            quickstart.replace('power: 300 W', 'power: 300 Wh'),
            quickstart.replace('power: 300 W', 'power: 450 W').replace('idle_power: 50 W', 'idle_power: 75 W')
        ];
        for (const [i, text] of versions.entries()) {
            setTextDocument(Efp, TextDocument.create(uri, 'efp', i + 1, text));
            await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
            results.push(Efp.evaluation.EvaluationPublisher.resultsOf(shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!));
        }
        const [good, broken, fixed] = results;
        expect(good).toMatchObject({ stale: false, errors: 0, version: 1 });
        expectClose(good.systems[0].total, 10_966_373);
        expect(broken).toMatchObject({ stale: true, errors: 1, version: 1 });
        expect(broken.systems).toEqual(good.systems);
        // half as much power again, idle and loaded: the system total rises by half the server's energy footprint
        expect(fixed).toMatchObject({ stale: false, errors: 0, version: 3 });
        expectClose(fixed.systems[0].total - good.systems[0].total, referenceTotal('energy', 'Servers') / 2, 1e-5);
    });
});

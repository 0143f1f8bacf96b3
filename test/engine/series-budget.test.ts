import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { positionOf } from '../helpers/model-from-text.js';
import { createEfpServices } from '../../src/language/efp-module.js';
import { builtinLibraryText, BUILTIN_LIBRARY_URI } from '../../src/language/builtin-library.js';
import { describeModel } from '../../src/language/model-description.js';
import { fileAccessPolicy } from '../../src/language/data-files.js';
import { Model } from '../../src/engine/model/model.js';
import { buildModel } from '../../src/engine/build-model.js';
import type { ModelDescription } from '../../src/engine/model/description.js';
import { DEFAULT_SERIES_BUDGET, type SeriesBudget } from '../../src/engine/series/series-budget.js';
import { scenarioResults } from '../../src/engine/scenarios/scenario-results.js';
import { generateSystem } from '../../bench/system-generator.js';

/**
 * The memory budget of a model's hourly values: every array the engine takes is counted against it,
 * with what the model already holds, and the value that would pass it is an error said once, with the
 * figure, the limit and what to do, instead of a process that runs out of memory.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const MB = 1024 * 1024;

/** The model description of valid text, parsed and linked but not evaluated (that is the test's part). */
async function descriptionOf(text: string): Promise<ModelDescription> {
    const { shared } = createEfpServices(EmptyFileSystem);
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = shared.workspace.LangiumDocuments;
    const library = factory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI));
    const document = factory.fromString(text, URI.file(`/virtual/budget-${counter++}/m.efp`));
    documents.addDocument(library);
    documents.addDocument(document);
    await shared.workspace.DocumentBuilder.build([library, document], { validation: false });
    expect(document.parseResult.parserErrors).toEqual([]);
    return describeModel(document, documents, () => '', fileAccessPolicy(shared));
}
let counter = 0;

function errorsOf(model: Model) {
    return model.diagnostics.filter(d => d.severity === 'error');
}

describe('the memory budget of hourly values', () => {
    it('a budget of 1 MB: the quickstart\'s first value past it is one error, on its object, with the figure, the limit and what to do', async () => {
        const model = buildModel(await descriptionOf(QUICKSTART), { seriesBudget: { bytes: MB, raise: 'set THE_LIMIT higher' } });
        const errors = errorsOf(model);
        expect(errors.map(e => e.message)).toEqual([
            'network wifi: energy_footprint: the model\'s hourly values would take more than the 1 MB limit: this value\'s 26,298 hours (3 years) need 0.2 MB more, on top of 0.8 MB already taken'
        ]);
        expect(errors[0].hint).toBe('Shorten the modeling_duration, model fewer usage patterns, or set THE_LIMIT higher.');
        expect(errors[0].code).toBe('out-of-range');
        expect(errors[0].origin?.range.start).toEqual(positionOf(QUICKSTART, 'wifi "WIFI network"'));
        expect(model.seriesLedger.held).toBeLessThanOrEqual(MB);
    });

    it('200 usage patterns over 100 years with a 64 MB budget: one error, not one per value (they would take 7 GB)', async () => {
        const model = buildModel(await descriptionOf(generateSystem({ patterns: 200, jobsPerStep: 1, years: 100 })), { seriesBudget: { bytes: 64 * MB } });
        const errors = errorsOf(model);
        expect(errors.length).toBe(1);
        expect(errors[0].message).toMatch(/^the model's hourly values would take more than the 64 MB limit: this value's 876,600 hours \(100 years\) need 6\.7 MB more, on top of \d+(\.\d)? MB already taken$/);
        expect(errors[0].hint).toBe('Shorten the modeling_duration, model fewer usage patterns, or raise the limit.');
        expect(model.seriesLedger.held).toBeLessThanOrEqual(64 * MB);
    });

    it('an evaluation holds its values, not every temporary it took: a budget just above them is enough', async () => {
        const description = await descriptionOf(QUICKSTART);
        const held = buildModel(description).seriesLedger.held;
        const tight = buildModel(description, { seriesBudget: { bytes: held } });
        expect(errorsOf(tight)).toEqual([]);
        expect(tight.seriesLedger.held).toBe(held);
    });

    it('changes to one input: the values they replace are given back when each recomputation ends', async () => {
        const model = buildModel(await descriptionOf(QUICKSTART));
        const held = model.seriesLedger.held;
        expect(model.setInput('web', 'power', { expr: { kind: 'number', value: 400, unit: 'W' } })).toBeGreaterThan(0);
        // the first change makes the system keep its running sum, one series (26,298 hours)
        expect(model.seriesLedger.held).toBe(held + 26_298 * 8);
        expect(model.setInput('web', 'power', { expr: { kind: 'number', value: 500, unit: 'W' } })).toBeGreaterThan(0);
        expect(errorsOf(model)).toEqual([]);
        expect(model.seriesLedger.held).toBe(held + 26_298 * 8);
    });

    it('a disposed model gives its arrays back to the ledger', async () => {
        const model = buildModel(await descriptionOf(QUICKSTART));
        expect(model.seriesLedger.held).toBeGreaterThan(0);
        model.dispose();
        expect(model.seriesLedger.held).toBe(0);
    });

    it('a scenario\'s model counts in its baseline\'s budget: past it, the error is the scenario\'s', async () => {
        const text = `${QUICKSTART}\nscenario faster "Faster streaming" { streaming.request_duration: 2 min }\n`;
        const description = await descriptionOf(text);
        const alone = buildModel(description);
        const budget: SeriesBudget = { bytes: alone.seriesLedger.held + 64 * 1024 };
        const baseline = buildModel(description, { seriesBudget: budget });
        expect(errorsOf(baseline)).toEqual([]);
        const [result] = scenarioResults(baseline);
        expect(result.diagnostics.map(d => d.message)).toEqual([
            expect.stringMatching(/^in scenario faster: .*the model's hourly values would take more than the \d+\.\d MB limit: /)
        ]);
    });

    it('the benchmark\'s generated systems hold a small part of the default budget', async () => {
        for (const shape of [{ patterns: 10, jobsPerStep: 1, years: 10 }, { patterns: 100, jobsPerStep: 1, years: 1 }]) {
            const model = buildModel(await descriptionOf(generateSystem(shape)));
            expect(errorsOf(model)).toEqual([]);
            // 1,000 patterns over a year hold ten times the 100 patterns' (about 345 MB, two thirds of the default)
            expect(model.seriesLedger.held, JSON.stringify(shape)).toBeLessThan(DEFAULT_SERIES_BUDGET.bytes / 10);
        }
    });
});

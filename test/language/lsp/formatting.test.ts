import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { describeModel } from '../../../src/language/model-description.js';
import type { ModelDescription } from '../../../src/engine/model/description.js';

/** Formats `text` as the editor would; returns the new text and the model it describes. */
async function format(text: string): Promise<{ text: string; model: ModelDescription }> {
    const { shared, Efp, documents: [document] } = await openWorkspace(text, false);
    const edits = await Efp.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
    const formatted = TextDocument.applyEdits(TextDocument.create('x', 'efp', 0, text), edits);
    return { text: formatted, model: describeModel(document, shared.workspace.LangiumDocuments) };
}

/** The model without positions: what formatting must not change. */
function meaning(model: ModelDescription): unknown {
    return JSON.parse(JSON.stringify(model, (key, value) => (key === 'origin' || key === 'nameOrigin' || key === 'text' ? undefined : value)));
}

describe('formatting', () => {
    it('lays out a model one input per line, single spaces, units as units, keeping comments', async () => {
        const input = 'server  web "server"{ power :300 W   idle_power:  50 W // measured\n'
            + 'ram: 128 GB  storage:disk }\n\n\nstorage disk from  ssd{}\n'
            + 'network n { bandwidth_energy_intensity: 0.05 kWh / GB  }\n'
            + 'usage_pattern p { hourly_usage_journey_starts: ( linear_growth( 5000 ,100000 )+ sinusoidal(amplitude:3000, period: 90 day) ) * 2 }\n';
        const { text } = await format(input);
        expect(text).toBe([
            'server web "server" {',
            '  power: 300 W',
            '  idle_power: 50 W // measured',
            '  ram: 128 GB',
            '  storage: disk',
            '}',
            '',
            '',
            'storage disk from ssd {}',
            'network n {',
            '  bandwidth_energy_intensity: 0.05 kWh/GB',
            '}',
            'usage_pattern p {',
            '  hourly_usage_journey_starts: (linear_growth(5000, 100000) + sinusoidal(amplitude: 3000, period: 90 day)) * 2',
            '}',
            ''
        ].join('\n'));
    });

    it('keeps the line breaks an author put after a colon or before an operator', async () => {
        const { text } = await format('usage_pattern p {\n  hourly_usage_journey_starts:\n          (linear_growth(1, 2) + 3)\n     * daily_fluctuation(scale: 0.5, min_hour: 4)\n}\n');
        expect(text).toBe('usage_pattern p {\n  hourly_usage_journey_starts:\n    (linear_growth(1, 2) + 3)\n      * daily_fluctuation(scale: 0.5, min_hour: 4)\n}\n');
    });

    it('changes no meaning and is idempotent on the examples', async () => {
        for (const file of ['examples/quickstart.efp', 'examples/reference/simple_system.efp', 'examples/reference/machine_learning_workflow.efp']) {
            const original = readFileSync(file, 'utf8');
            const once = await format(original);
            const twice = await format(once.text);
            expect(twice.text, file).toBe(once.text);
            const before = await format(original);
            expect(meaning(once.model), file).toEqual(meaning(before.model));
            expect(once.text.split('\n').filter(l => l.includes('//')).length, file).toBe(original.split('\n').filter(l => l.includes('//')).length);
        }
    });
});

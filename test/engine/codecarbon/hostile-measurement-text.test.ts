import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseEmissionsCsv } from '../../../src/engine/codecarbon/emissions-csv.js';
import { codecarbonModelText } from '../../../src/engine/codecarbon/measurement-text.js';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.js';
import type { Document, ObjectDecl } from '../../../src/language/generated/ast.js';

/**
 * `efp import codecarbon` on an emissions.csv whose project names, countries, regions and cloud names (and
 * the file's own name) are hostile: the .efp holds one measurement per project, named as in the file, and
 * nothing else.
 */
const V33 = readFileSync('test/fixtures/codecarbon/example_emissions_v3.3.csv', 'utf8').split('\n');

function csvCell(text: string): string {
    return `"${text.replace(/"/g, '""')}"`;
}

describe('CodeCarbon import with hostile strings', () => {
    it('every project name, place and file name stays a string or a one-line comment', async () => {
        const header = V33[0].split(',');
        const row = V33[1].split(',');
        const rows = HOSTILE_STRINGS.map(({ text }) => header.map((column, i) =>
            ['project_name', 'country_iso_code', 'region', 'cloud_provider', 'cloud_region'].includes(column) ? csvCell(text) : row[i]).join(','));
        const parsed = parseEmissionsCsv([V33[0], ...rows].join('\n') + '\n');
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        const projects = [...new Set(parsed.csv.runs.map(r => r.cells.project_name.trim()))];
        const hostileName = HOSTILE_STRINGS[0].text;
        const text = codecarbonModelText(parsed.csv, `runs/${hostileName}.csv`, `${hostileName}.csv`);

        expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u);
        const { documents: [document] } = await openWorkspace({ 'measured.efp': text });
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        const root = document.parseResult.value as Document;
        const objects = root.elements.filter((e): e is ObjectDecl => e.$type === 'ObjectDecl');
        expect(objects.map(o => o.kind)).toEqual([...projects.map(() => 'measurement'), 'system']);
        const measurements = objects.slice(0, -1);
        expect(measurements.map(m => m.label)).toEqual(projects.map(p => p || 'CodeCarbon runs'));
        const attribute = (m: ObjectDecl, name: string) => m.attributes.find(a => a.name === name)?.value;
        expect(measurements.map(m => attribute(m, 'project_name'))).toEqual(projects.map(p => expect.objectContaining({ value: p })));
        expect(measurements.map(m => attribute(m, 'file'))).toEqual(projects.map(() => expect.objectContaining({ value: `runs/${hostileName}.csv` })));
        expect(root.elements.find(e => e.$type === 'ModelSettings')).toMatchObject({ title: `CodeCarbon runs of ${hostileName}.csv` });
    });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { efp } from '../../helpers/cli-run.js';
import { openWorkspace } from '../../helpers/language-workspace.js';
import { compareEfootprintJson } from '../../helpers/efootprint-json-comparison.js';
import { HOSTILE_STRINGS } from '../../fixtures/hostile-strings.js';
import { importEfootprintJson } from '../../../src/engine/import/efootprint-json-import.js';
import { printModel } from '../../../src/engine/export/efp-text.js';
import { efpIdentifiers } from '../../../src/engine/import/identifiers.js';
import type { Document, ObjectDecl } from '../../../src/language/generated/ast.js';

/**
 * e-footprint JSON whose every string (the version, ids, names, source names and links, a country's short
 * name, a time zone) is hostile: the .efp `efp import` writes parses without errors to exactly the objects
 * of the JSON, and `efp export` gives the strings back as they were.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonRecord = { [key: string]: Json };

const FIXED_SOURCES = new Set(['hypothesis', 'user_data']);

function simpleSystem(): JsonRecord {
    return JSON.parse(readFileSync('test/fixtures/efootprint/simple_system.efootprint.json', 'utf8')) as JsonRecord;
}

/** Every id, name, source and short name of the simple system made of `text`, references renamed along. */
function hostileSystem(text: string): JsonRecord {
    const json = simpleSystem();
    const renamed = new Map<string, string>();
    let n = 0;
    for (const [key, objects] of Object.entries(json)) {
        if (key === 'efootprint_version') continue;
        for (const id of Object.keys(objects as JsonRecord)) {
            if (key === 'Sources' && FIXED_SOURCES.has(id)) continue;
            renamed.set(id, `${text}#${n++}`);
        }
    }
    const rename = (v: Json): Json => {
        if (typeof v === 'string') return renamed.get(v) ?? v;
        if (Array.isArray(v)) return v.map(rename);
        if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [renamed.get(k) ?? k, rename(x)]));
        return v;
    };
    const out = rename(json) as JsonRecord;
    out.efootprint_version = `22.2.1 ${text}`;
    for (const [key, objects] of Object.entries(out)) {
        if (key === 'efootprint_version') continue;
        for (const [id, o] of Object.entries(objects as Record<string, JsonRecord>)) {
            if (key === 'Sources' && FIXED_SOURCES.has(id)) continue;
            o.id = id;
            o.name = text;
            if (key === 'Sources') o.link = text;
            if (key === 'Country') o.short_name = text;
        }
    }
    return out;
}

describe('efp import of e-footprint JSON with hostile strings', () => {
    for (const { name, text, reads = text } of HOSTILE_STRINGS) {
        it(`${name}: the .efp holds exactly the JSON's objects and exports the same strings`, async () => {
            const dir = mkdtempSync(join(tmpdir(), 'efp-hostile-import-'));
            try {
                const json = hostileSystem(text);
                writeFileSync(join(dir, 'system.json'), JSON.stringify(json));
                const imported = await efp('import', join(dir, 'system.json'), '-o', join(dir, 'system.efp'));
                expect(imported.stderr).toBe('');
                expect(imported.code).toBe(0);
                const efpText = readFileSync(join(dir, 'system.efp'), 'utf8');
                // nothing that hides or reorders text, and no line a string did not make
                expect(efpText).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/u);

                const { documents: [document] } = await openWorkspace({ 'system.efp': efpText });
                expect(document.parseResult.lexerErrors).toEqual([]);
                expect(document.parseResult.parserErrors).toEqual([]);
                const declared = (document.parseResult.value as Document).elements.filter((e): e is ObjectDecl => e.$type === 'ObjectDecl');
                const objectCount = Object.entries(json).filter(([k]) => k !== 'efootprint_version' && k !== 'Sources')
                    .reduce((sum, [, objects]) => sum + Object.keys(objects as JsonRecord).length, 0);
                expect(declared.length).toBe(objectCount);
                expect(declared.map(d => d.label ?? d.name)).toEqual(declared.map(() => reads));

                const exported = await efp('export', join(dir, 'system.efp'), '-o', join(dir, 'exported.json'));
                expect(exported.stderr).toBe('');
                expect(exported.code).toBe(0);
                const back = JSON.parse(readFileSync(join(dir, 'exported.json'), 'utf8')) as JsonRecord;
                expect(compareEfootprintJson(hostileSystem(reads), back)).toEqual([]);
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        });
    }

    it('a hostile time zone stays one string: the model says it is unknown, and nothing else', async () => {
        for (const { text, reads = text } of HOSTILE_STRINGS) {
            const json = simpleSystem();
            (Object.values(json.Country as JsonRecord)[0] as JsonRecord).timezone = { zone: text, label: 'Timezone', source: 'user_data' };
            const efpText = printModel(importEfootprintJson(JSON.stringify(json)).description);
            const { documents: [document] } = await openWorkspace({ 'system.efp': efpText });
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
            const country = (document.parseResult.value as Document).elements.find((e): e is ObjectDecl => e.$type === 'ObjectDecl' && e.kind === 'country')!;
            const zone = country.attributes.find(a => a.name === 'timezone')!.value;
            expect(zone).toMatchObject({ $type: 'StringLiteral', value: reads });
        }
    });
});

describe('imported names that are words of the grammar', () => {
    it('every keyword of efp.langium is renamed, so the name stays an identifier', () => {
        const keywords = [...new Set(readFileSync('src/language/efp.langium', 'utf8').match(/'[a-z_]+'/g)!.map(k => k.slice(1, -1)))];
        const ids = efpIdentifiers(keywords.map(k => ({ key: k, name: k })));
        expect(keywords.filter(k => ids.get(k) === k)).toEqual([]);
    });

    it('objects named after keywords import to a .efp that parses', async () => {
        const json = simpleSystem();
        const names = ['scenario', 'at', 'model', 'Server'];
        Object.values(json.Job as Record<string, JsonRecord>).forEach((job, i) => { job.name = names[i % names.length]; });
        (Object.values(json.UsageJourneyStep as Record<string, JsonRecord>)[0]).name = 'at';
        const efpText = printModel(importEfootprintJson(JSON.stringify(json)).description);
        const { documents: [document] } = await openWorkspace({ 'system.efp': efpText });
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    });
});

import { describe, expect, it } from 'vitest';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { efp } from '../helpers/cli-run.js';
import { openWorkspace } from '../helpers/language-workspace.js';
import { MAX_BRACKET_DEPTH, MAX_OPERATOR_DEPTH } from '../../src/language/parser-nesting-limit.js';

/**
 * Inputs far larger than any real model degrade gracefully: a clear, located message or a result, in
 * bounded time and memory, never a crash.
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const MB = 1024 * 1024;

/** Writes `bytes` of `row` lines after `header`, streaming (the file is never held in memory). */
async function writeLargeFile(path: string, header: string, row: (i: number) => string, bytes: number): Promise<void> {
    const out = createWriteStream(path);
    out.write(header);
    let written = header.length;
    for (let i = 0; written < bytes; i++) {
        const chunk = Array.from({ length: 2000 }, (_, k) => row(i * 2000 + k)).join('');
        written += chunk.length;
        if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
}

describe('huge inputs', () => {
    it('a 100 MB CodeCarbon emissions.csv is refused before it is read, with its size, the limit and how to raise it', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'efp-huge-csv-'));
        try {
            const header = 'timestamp,project_name,run_id,duration,emissions,energy_consumed,cpu_energy,gpu_energy,ram_energy\n';
            await writeLargeFile(join(dir, 'emissions.csv'), header,
                i => `2025-01-01T00:00:${String(i % 60).padStart(2, '0')},train,run-${i},3600,0.5,1.2,0.8,0.2,0.2\n`, 100 * MB);
            expect(statSync(join(dir, 'emissions.csv')).size).toBeGreaterThanOrEqual(100 * MB);
            writeFileSync(join(dir, 'model.efp'), 'measurement training {\n  file: "emissions.csv"\n}\n');
            const heapBefore = process.memoryUsage().heapUsed;
            // refused before it is read: said by its size, and the heap does not grow by it (how long it takes is not a unit test's to say)
            const result = await efp('check', join(dir, 'model.efp'));
            expect(result.code).toBe(1);
            expect(result.stdout).toMatch(/model\.efp:2:9: error: cannot read emissions\.csv: it is 10\d MB, more than the 64 MB efp reads/);
            expect(result.stdout).toContain('EFP_MAX_DATA_FILE_MB');
            // never loaded: the heap did not grow by the file's size
            expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * MB);
            // `efp import codecarbon` refuses it the same way (exit 2: the command cannot run)
            const imported = await efp('import', 'codecarbon', join(dir, 'emissions.csv'));
            expect(imported.code).toBe(2);
            expect(imported.stderr).toMatch(/cannot read .*emissions\.csv: it is 10\d MB, more than the 64 MB efp reads\n    hint: .*set EFP_MAX_DATA_FILE_MB/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);

    it('a 100 MB e-footprint JSON (a long hourly_values list) is refused with its size and the limit', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'efp-huge-json-'));
        try {
            const file = join(dir, 'system.json');
            await writeLargeFile(file, '{"efootprint_version": "22.2.1", "UsagePattern": {"up": {"hourly_usage_journey_starts": {"values": [',
                i => `${i % 1000},`, 100 * MB);
            const result = await efp('import', file);
            expect(result.code).toBe(2);
            expect(result.stderr).toMatch(/cannot read .*system\.json: it is 10\d MB, more than the 64 MB efp reads/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 120_000);

    // how long it takes is a benchmark figure (bench/huge-text-figures.ts, `text.lines.50000`)
    it('a 50,000-line model parses, links and validates, and the editor keeps answering', async () => {
        // the quickstart with 50,000 lines of hourly values pasted in (a year and a half of hours, one per line)
        const hours = Array.from({ length: 50_000 }, (_, i) => `    ${1000 + (i % 24) * 10},`).join('\n');
        const text = QUICKSTART.replace(/hourly_usage_journey_starts:[\s\S]*?\n}/, `hourly_usage_journey_starts: hourly_values([\n${hours}\n  ], start_date: 2025-01-01)\n}`);
        expect(text.split('\n').length).toBeGreaterThan(50_000);
        const { Efp, documents: [document] } = await openWorkspace(text);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        const position = document.textDocument.positionAt(text.indexOf('power: 300 W') + 2);
        const hover = await Efp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
        expect(hover).toBeDefined();
        const completion = await Efp.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: { line: 40_000, character: 6 } });
        expect(completion).toBeDefined();
    }, 60_000);

    it('many objects: 2,000 jobs in one file check', async () => {
        const jobs = Array.from({ length: 2000 }, (_, i) => `job j${i} on web {\n  data_transferred: ${i % 9 + 1} MB\n  request_duration: 1 s\n}`).join('\n');
        const text = QUICKSTART.replace('jobs: [streaming]', `jobs: [streaming, ${Array.from({ length: 2000 }, (_, i) => `j${i}`).join(', ')}]`) + '\n' + jobs + '\n';
        const dir = mkdtempSync(join(tmpdir(), 'efp-huge-objects-'));
        try {
            writeFileSync(join(dir, 'model.efp'), text);
            const result = await efp('check', join(dir, 'model.efp'));
            expect(result.stderr).toBe('');
            expect([0, 1]).toContain(result.code);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    }, 60_000);
});

describe('deeply nested expressions (regression: "Maximum call stack size exceeded" from 150 levels of brackets on)', () => {
    const deep = {
        'parentheses': `${'('.repeat(10_000)}300 W${')'.repeat(10_000)}`,
        'brackets': `${'['.repeat(10_000)}300 W${']'.repeat(10_000)}`,
        'minus signs': `${'-'.repeat(10_000)}300 W`,
        'unclosed parentheses': '('.repeat(10_000),
        'a sum of 10,000 terms': Array.from({ length: 10_000 }, () => '1 W').join(' + '),
        'calls': `${'constant('.repeat(10_000)}1 W${')'.repeat(10_000)}`
    };
    for (const [name, value] of Object.entries(deep)) {
        it(`${name}, 10,000 deep: a located "nested too deeply" error, the rest of the model still read`, async () => {
            const text = QUICKSTART.replace('power: 300 W', `power: ${value}`);
            const line = text.split('\n').findIndex(l => l.includes('power: ')) + 1;
            const dir = mkdtempSync(join(tmpdir(), 'efp-deep-'));
            try {
                writeFileSync(join(dir, 'model.efp'), text);
                const result = await efp('check', join(dir, 'model.efp'));
                expect(result.code).toBe(1);
                expect(result.stderr).toBe('');
                expect(result.stdout).toMatch(new RegExp(`model\\.efp:${line}:\\d+: error: this value is nested too deeply for efp to read \\(more than (${MAX_BRACKET_DEPTH} levels|${MAX_OPERATOR_DEPTH} operators)`));
                // the editor: every feature answers on the document
                const { Efp, documents: [document] } = await openWorkspace(text);
                const textDocument = { uri: document.uri.toString() };
                const position = document.textDocument.positionAt(text.indexOf('power: ') + 20);
                await Efp.lsp.HoverProvider!.getHoverContent(document, { textDocument, position });
                await Efp.lsp.CompletionProvider!.getCompletion(document, { textDocument, position });
                await Efp.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
                expect(await Efp.lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
                // the objects after the value are still there: names resolve, outline lists them
                const symbols = await Efp.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
                expect(symbols.map(s => s.name)).toContain('streaming_platform');
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
        }, 30_000);
    }

    it('values within the limits still evaluate: 60 parentheses, a sum of 1,000 terms', async () => {
        const text = QUICKSTART.replace('power: 300 W', `power: ${'('.repeat(60)}300 W${')'.repeat(60)}`)
            .replace('base_storage_need: 100 TB', `base_storage_need: ${Array.from({ length: 1000 }, () => '0.1 TB').join(' + ')}`);
        const dir = mkdtempSync(join(tmpdir(), 'efp-deep-ok-'));
        try {
            writeFileSync(join(dir, 'model.efp'), text);
            const result = await efp('check', join(dir, 'model.efp'));
            expect(result.stdout).toContain('no problems found');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

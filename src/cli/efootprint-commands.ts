import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { analyzeDocument } from '../language/document-analysis.js';
import { BUILTIN_LIBRARY_URI } from '../language/builtin-library.js';
import { EfootprintImportError, importEfootprintJson } from '../engine/import/efootprint-json-import.js';
import { printModel } from '../engine/export/efp-text.js';
import { modelToEfootprintJson } from '../engine/export/efootprint-json-export.js';
import { emptyIds, readEfootprintIds } from '../engine/export/efootprint-ids.js';
import { loadWorkspace, UsageError } from './workspace.js';
import { formatDiagnostic, summarize } from './diagnostic-format.js';

/** `efp import` and `efp export`: e-footprint JSON in and out. Exit codes as main.ts: 0, 1 (bad content), 2 (usage). */
interface Output { out(text: string): void; err(text: string): void }

const EXIT_OK = 0;
const EXIT_MODEL_ERRORS = 1;

async function emit(text: string, output: string | undefined, io: Output): Promise<void> {
    if (output) await writeFile(output, text.endsWith('\n') ? text : text + '\n');
    else io.out(text);
}

export async function importCommand(file: string, options: { output?: string }, io: Output): Promise<number> {
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (e) {
        throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
        const imported = importEfootprintJson(text);
        const efp = printModel(imported.description, {
            header: [`Imported from ${basename(file)} (e-footprint ${imported.efootprintVersion}) by efp import.`,
                'The "e-footprint id" comments keep e-footprint\'s ids for efp export; keep them on the declaration\'s line.'],
            objectIds: imported.objectIds, sourceIds: imported.sourceIds, extras: imported.extras
        });
        await emit(efp, options.output, io);
        return EXIT_OK;
    } catch (e) {
        if (!(e instanceof EfootprintImportError)) throw e;
        io.err(`efp: ${file}: ${e.message}`);
        return EXIT_MODEL_ERRORS;
    }
}

export async function exportCommand(file: string, options: { output?: string }, io: Output): Promise<number> {
    const { services, document } = await loadWorkspace(file);
    const analysis = analyzeDocument(document, services);
    const errors = analysis.diagnostics.filter(d => d.severity === 'error');
    for (const d of errors) io.err(formatDiagnostic(d));
    if (errors.length > 0 || !analysis.model) {
        io.err(`efp: ${file} has ${summarize(analysis.diagnostics)}; nothing exported`);
        return EXIT_MODEL_ERRORS;
    }
    // the ids live in comments, which the model does not keep: read them from every file of the model
    const ids = emptyIds();
    for (const doc of services.shared.workspace.LangiumDocuments.all) {
        if (doc.uri.toString() !== BUILTIN_LIBRARY_URI) readEfootprintIds(doc.textDocument.getText(), ids);
    }
    await emit(JSON.stringify(modelToEfootprintJson(analysis.model, ids), null, 2), options.output, io);
    return EXIT_OK;
}

import { basename, dirname, join } from 'node:path';
import { EfootprintImportError, importEfootprintJson, modelToEfootprintJson, printModel } from '../engine/index.js';
import { keptEfootprintIds } from '../language/workspace/kept-efootprint-ids.js';
import { emit, EXIT_MODEL_ERRORS, EXIT_OK, readTextFile, refuseOverwritingInputs, writeOutputFile, type Output } from './cli-output.js';
import { evaluatedModel } from './evaluated-model.js';
import { terminalText } from './terminal-text.js';

/** `efp import` and `efp export`: e-footprint JSON in and out. Exit codes as main.ts: 0, 1 (bad content), 2 (usage). */

export async function importCommand(file: string, options: { output?: string; verbatim?: boolean }, io: Output): Promise<number> {
    const text = await readTextFile(file);
    try {
        // long series that no builder gives back go to a CSV file beside the written model
        const seriesPath = options.output && !options.verbatim ? seriesFileBeside(options.output) : undefined;
        const imported = importEfootprintJson(text, { keepable: !options.verbatim, seriesFile: seriesPath && basename(seriesPath) });
        const efp = printModel(imported.description, {
            header: [`Imported from ${basename(file)} (e-footprint ${imported.efootprintVersion}) by efp import.`,
                ...(imported.objectIds.size + imported.sourceIds.size > 0
                    ? ['The "e-footprint id" comments keep e-footprint\'s ids for efp export; keep them on the declaration\'s line.'] : [])],
            objectIds: imported.objectIds, sourceIds: imported.sourceIds, extras: imported.extras
        });
        const seriesCsv = seriesPath !== undefined ? imported.seriesCsv : undefined;
        if (seriesCsv !== undefined) {
            // both outputs checked before either is written: a refused model leaves no CSV behind
            refuseOverwritingInputs(io, options.output, seriesPath);
            await writeOutputFile(seriesPath!, seriesCsv, io);
        }
        await emit(efp, options.output, io);
        if (seriesCsv !== undefined) io.err(terminalText(`efp: hourly values no builder gives back are in ${seriesPath}, which the model reads`));
        // an older file was upgraded as e-footprint upgrades it: say so, and what the upgrade changed
        if (imported.upgrade.summary) io.err(terminalText(`efp: ${file}: ${imported.upgrade.summary}`));
        for (const note of imported.upgrade.notes) io.err(terminalText(`efp: ${file}: note: ${note}`));
        return EXIT_OK;
    } catch (e) {
        if (!(e instanceof EfootprintImportError)) throw e;
        // the message quotes the file (ids, values): shown, never interpreted by the terminal
        io.err(terminalText(`efp: ${file}: ${e.message}`));
        return EXIT_MODEL_ERRORS;
    }
}

/** `shop.efp` -> `shop.series.csv`, in the same folder. */
function seriesFileBeside(output: string): string {
    return join(dirname(output), `${basename(output).replace(/\.efp$/i, '')}.series.csv`);
}

export async function exportCommand(file: string, options: { output?: string }, io: Output): Promise<number> {
    const evaluated = await evaluatedModel(file, io, 'nothing exported');
    if (!evaluated) return EXIT_MODEL_ERRORS;
    const { services, model } = evaluated;
    await emit(JSON.stringify(modelToEfootprintJson(model, keptEfootprintIds(services)), null, 2), options.output, io);
    return EXIT_OK;
}

import '../platform/node20-polyfills.js';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { EFP_VERSION } from '../version.js';
import { analyzeDocument } from '../language/document-analysis.js';
import { modelToReferenceJson } from '../engine/export/reference-json.js';
import { systemsOf } from '../engine/model/footprint-totals.js';
import { loadWorkspace, UsageError } from './workspace.js';
import { formatDiagnostic, summarize } from './diagnostic-format.js';
import { footprintReport } from './footprint-report.js';
import { showGraphJson, showValue } from './show-value.js';
import { exportCommand, importCommand } from './efootprint-commands.js';

/** Exit codes: 0 fine, 1 the model has errors, 2 the command could not run (usage, unreadable file). */
export const EXIT_OK = 0;
export const EXIT_MODEL_ERRORS = 1;
export const EXIT_USAGE = 2;

interface Output { out(text: string): void; err(text: string): void }

const stdio: Output = {
    out: text => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: text => process.stderr.write(text.endsWith('\n') ? text : text + '\n')
};

interface EvalOptions { json?: boolean; output?: string; show?: string }

async function evalCommand(file: string, options: EvalOptions, io: Output): Promise<number> {
    const { services, document } = await loadWorkspace(file);
    const analysis = analyzeDocument(document, services);
    const errors = analysis.diagnostics.filter(d => d.severity === 'error');
    for (const d of analysis.diagnostics.filter(d => d.severity === 'error' || d.severity === 'warning')) io.err(formatDiagnostic(d));
    if (errors.length > 0 || !analysis.model) {
        io.err(`efp: ${file} has ${summarize(analysis.diagnostics)}; nothing evaluated`);
        return EXIT_MODEL_ERRORS;
    }
    const model = analysis.model;
    let text: string;
    if (options.show) {
        text = options.json ? showGraphJson(model, options.show) : showValue(model, options.show);
    } else if (options.json) {
        text = JSON.stringify(modelToReferenceJson(model, EFP_VERSION));
    } else {
        const systems = systemsOf(model);
        if (systems.length === 0) {
            io.err(`efp: ${file} declares no system, so there is no footprint to total`);
            io.err('    hint: add `system my_service { usage_patterns: [ ... ] }`');
            return EXIT_MODEL_ERRORS;
        }
        text = systems.map(s => footprintReport(model, s)).join('\n\n');
    }
    if (options.output) await writeFile(options.output, text + '\n');
    else io.out(text);
    return EXIT_OK;
}

async function checkCommand(files: string[], io: Output): Promise<number> {
    let failed = false;
    for (const file of files) {
        const { services, document } = await loadWorkspace(file);
        const analysis = analyzeDocument(document, services);
        for (const d of analysis.diagnostics) io.out(formatDiagnostic(d));
        io.out(`${file}: ${summarize(analysis.diagnostics)}`);
        if (analysis.diagnostics.some(d => d.severity === 'error')) failed = true;
    }
    return failed ? EXIT_MODEL_ERRORS : EXIT_OK;
}

/** Runs the efp command line; returns the exit code instead of exiting (tests call it in-process). */
export async function runCli(argv: readonly string[], io: Output = stdio): Promise<number> {
    let code = EXIT_OK;
    const program = new Command('efp')
        .description('Evaluate and check .efp footprint models (Boavizta e-footprint in text).')
        .version(EFP_VERSION)
        .exitOverride()
        .configureOutput({ writeOut: s => io.out(s), writeErr: s => io.err(s) });
    program.command('eval')
        .description('print the footprint of a model: total, by life-cycle phase, by object and by year')
        .argument('<file>', '.efp model (the files it imports are loaded too)')
        .option('--json', 'every input and calculated value, in the shape of e-footprint\'s reference outputs')
        .option('--show <object.attribute>', 'one value (given or computed) with its formula and operands; with --json, its whole calculus graph')
        .option('-o, --output <file>', 'write to a file instead of standard output')
        .action(async (file: string, options: EvalOptions) => { code = await evalCommand(file, options, io); });
    program.command('check')
        .description('report syntax, name, unit and model errors as file:line:col; exit 1 when there are errors')
        .argument('<files...>', '.efp models')
        .action(async (files: string[]) => { code = await checkCommand(files, io); });
    program.command('import')
        .description('read an e-footprint 22.x JSON system (system_to_json) and write it as .efp')
        .argument('<file>', 'e-footprint JSON')
        .option('-o, --output <file>', 'write the .efp to a file instead of standard output')
        .action(async (file: string, options: { output?: string }) => { code = await importCommand(file, options, io); });
    program.command('export')
        .description('write a model\'s inputs as e-footprint 22.2.1 JSON, which e-footprint can load')
        .argument('<file>', '.efp model (the files it imports are loaded too)')
        .option('-o, --output <file>', 'write to a file instead of standard output')
        .action(async (file: string, options: { output?: string }) => { code = await exportCommand(file, options, io); });
    program.command('lsp')
        .description('run the language server (for editors other than VS Code)')
        .option('--stdio', 'talk over standard input and output (the default)')
        .action(() => {
            if (!process.argv.some(a => a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--socket'))) process.argv.push('--stdio');
            // the server bundle next to this one (out/language-server.cjs), which starts on load: kept out
            // of the CLI's bundle, whose start-up it would slow down (Graphviz, the LSP handlers)
            createRequire(import.meta.url)(fileURLToPath(new URL('./language-server.cjs', import.meta.url)));
            code = -1;
        });
    try {
        await program.parseAsync([...argv], { from: 'user' });
    } catch (e) {
        if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
        if (e instanceof UsageError) {
            io.err(`efp: ${e.message}`);
            return EXIT_USAGE;
        }
        io.err(`efp: internal error: ${(e as Error).message}`);
        io.err('    this is a bug in efp, not in your model; run with EFP_DEBUG=1 for details');
        if (process.env.EFP_DEBUG) io.err((e as Error).stack ?? '');
        return EXIT_USAGE;
    }
    return code;
}

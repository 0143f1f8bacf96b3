import '../platform/node20-polyfills.js';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { EFP_VERSION } from '../version.js';
import { analyzeDocument, blocksUse, type DocumentAnalysis } from '../language/document-analysis.js';
import { NO_MODEL_OF_ITS_OWN } from '../language/efp-validator.js';
import { modelToReferenceJson, summarizeSystem, systemsOf } from '../engine/index.js';
import { loadWorkspace, setAllowOutside } from '../language/workspace/file-workspace.js';
import { UsageError } from './usage-error.js';
import { terminalText } from './terminal-text.js';
import { DataFileRefusal } from '../language/data-files.js';
import { INTERNAL_ERROR } from '../language/validation-faults.js';
import { seriesBudgetFromEnvironment } from '../language/evaluation/series-budget.js';
import { SourceUnavailableError } from '../language/workspace/source-unavailable-error.js';
import { formatDiagnostic, summarize } from './diagnostic-format.js';
import { footprintReport } from './footprint-report.js';
import { scenarioList, scenarioReport } from './scenario-report.js';
import { CommandInputs, emit, EXIT_CODES_HELP, EXIT_INTERNAL, EXIT_MODEL_ERRORS, EXIT_OK, EXIT_USAGE, type Output } from './cli-output.js';
import { FileError } from '../platform/file-errors.js';
import { dataFileLimit, modelFileLimit } from '../language/data-files.js';
import { readStandardInput, STANDARD_INPUT, standardInputPath } from './standard-input.js';
import { evaluatedModel } from './evaluated-model.js';
import { showGraphJson, showValue } from './show-value.js';
import { exportCommand, importCommand } from './efootprint-commands.js';
import { boampsExportCommand, codecarbonImportCommand } from './codecarbon-commands.js';
import { cloudEstimateCommand, type CloudEstimateOptions } from './cloud-estimate.js';
import { ifManifestCommand } from './if-manifest-export.js';
import { baselineFindings, baselineSaveCommand, DEFAULT_BASELINE_FILE, parseThreshold, readBaseline } from './baseline-commands.js';
import { diffCommand, type DiffCommandOptions } from './diff-command.js';
import { checkWatch, filesReadBy, interruptSignal, type CheckRound } from './check-watch.js';
import type { CheckedModel } from './checked-model.js';
import { importedByOthers, modelArguments } from './model-arguments.js';
import { COMMENT_PLATFORMS, prCommentCommand, type CommentPlatform } from './pr-comment-command.js';
import { checkJson } from './check-json.js';
import { checkSarif } from './check-sarif.js';
import { checkCodeQuality } from './check-code-quality.js';
import { checkGithub } from './github-annotations.js';
import { writeJobSummary } from './check-job-summary.js';
import { initCommand, type InitOptions } from './init-command.js';
import { CI_PLATFORMS } from '../templates/ci-files.js';
import { DEFAULT_TEMPLATE } from '../templates/catalogue.js';

export { EXIT_OK, EXIT_MODEL_ERRORS, EXIT_USAGE, EXIT_INTERNAL } from './cli-output.js';

const stdio: Output = {
    out: text => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: text => process.stderr.write(text.endsWith('\n') ? text : text + '\n')
};

interface EvalOptions { json?: boolean; output?: string; show?: string; scenario?: string; stdinPath?: string }

async function evalCommand(argument: string, options: EvalOptions, io: Output): Promise<number> {
    const fromInput = argument === STANDARD_INPUT;
    const file = fromInput ? standardInputPath(options.stdinPath) : argument;
    const evaluated = await evaluatedModel(file, io, 'nothing evaluated', fromInput ? await modelFromStandardInput(io) : undefined);
    if (!evaluated) return EXIT_MODEL_ERRORS;
    // the figures are printed; what is wrong with them (exceeded budgets) and warnings go to standard error
    for (const d of evaluated.diagnostics.filter(d => d.severity === 'error' || d.severity === 'warning')) io.err(formatDiagnostic(d));
    const model = evaluated.model;
    let text: string;
    if (options.show) {
        text = options.json ? showGraphJson(model, options.show) : showValue(model, options.show);
    } else if (options.scenario !== undefined) {
        text = scenarioReport(model, options.scenario, options.json ?? false);
    } else if (options.json) {
        text = JSON.stringify(modelToReferenceJson(model, EFP_VERSION));
    } else {
        // a model without a system has an error (no-system) on its first line, which refused it above
        const systems = systemsOf(model);
        text = [...systems.map(s => footprintReport(model, s)), scenarioList(model) ?? []].flat().join('\n\n');
    }
    await emit(text, options.output, io);
    return EXIT_OK;
}

export type CheckFormat = 'text' | 'json' | 'sarif' | 'github' | 'gitlab';
export const CHECK_FORMATS: readonly CheckFormat[] = ['text', 'json', 'sarif', 'github', 'gitlab'];

export interface CheckOptions {
    baseline?: string; threshold?: string; format?: CheckFormat; output?: string;
    /** The file a model read from standard input (`-`) stands for, and its text. */
    stdinPath?: string; stdinText?: string;
}

/**
 * `efp check FILES`: the exit code, and the files the check read (for --watch to follow). The report is
 * text (file:line:col), JSON, SARIF or GitHub annotations (with the job summary when GitHub Actions
 * gives one), on standard output or in `--output`.
 */
export async function checkCommand(files: readonly string[], options: CheckOptions, io: Output): Promise<CheckRound> {
    const threshold = parseThreshold(options.threshold);
    if (options.threshold !== undefined && !options.baseline) throw new UsageError('--threshold applies to --baseline: give the baseline file too');
    const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
    const format = options.format ?? 'text';
    // only the JSON report and the job summary show the footprint: the others are not worth its sums
    const reportsFigures = format === 'json' || format === 'github';
    const models: CheckedModel[] = [];
    const read = new Set<string>();
    // a file another one of them imports is a part of that model, as the editor takes it: no system of its own needed
    const parts = await importedByOthers(files);
    for (const argument of files) {
        const fromInput = argument === STANDARD_INPUT && options.stdinText !== undefined;
        const file = fromInput ? standardInputPath(options.stdinPath) : argument;
        const { services, document } = await loadWorkspace(file, undefined, fromInput ? options.stdinText : undefined);
        const analysis = asPartOfAnother(analyzeDocument(document, services), parts.has(argument) ? document.uri.toString() : undefined);
        for (const path of filesReadBy(document, services)) read.add(path);
        const compared = baseline !== undefined && analysis.model !== undefined;
        const diagnostics = compared
            ? [...analysis.diagnostics, ...baselineFindings(analysis.model!, document.uri.toString(), baseline!, threshold)]
            : analysis.diagnostics;
        // figures of a model with errors are not its figures: none are reported
        const usable = reportsFigures && analysis.model && !analysis.diagnostics.some(blocksUse) ? analysis.model : undefined;
        const systems = usable ? systemsOf(usable).map(system => summarizeSystem(usable, system)) : [];
        const model: CheckedModel = { file, diagnostics, systems, ...(compared ? { baseline: options.baseline } : {}) };
        models.push(model);
        // text goes out file by file, as it is found
        if (format === 'text' && options.output === undefined) io.out(checkText(model));
    }
    if (format !== 'text' || options.output !== undefined) {
        await emit(CHECK_REPORTS[format](models), options.output, io);
    }
    if (format === 'github') await writeJobSummary(models);
    const diagnostics = models.flatMap(m => m.diagnostics);
    // efp failed while checking: what it says (no problems, or these) cannot be trusted
    const faulted = diagnostics.some(d => d.code === INTERNAL_ERROR);
    const failed = diagnostics.some(d => d.severity === 'error');
    return { code: faulted ? EXIT_INTERNAL : failed ? EXIT_MODEL_ERRORS : EXIT_OK, read: [...read].sort() };
}

/** A file's analysis without the errors that say it is no model of its own, when it is a part of another (its URI). */
function asPartOfAnother(analysis: DocumentAnalysis, part: string | undefined): DocumentAnalysis {
    if (part === undefined) return analysis;
    return { ...analysis, diagnostics: analysis.diagnostics.filter(d => d.uri !== part || !NO_MODEL_OF_ITS_OWN.has(d.code ?? '')) };
}

/** Each format's whole report of the models checked. */
const CHECK_REPORTS: Record<CheckFormat, (models: readonly CheckedModel[]) => string> = {
    text: models => models.map(checkText).join('\n'),
    json: checkJson,
    sarif: models => checkSarif(models),
    github: checkGithub,
    gitlab: models => checkCodeQuality(models)
};

/** One model's check as text: its diagnostics, then its counts. */
function checkText(model: CheckedModel): string {
    const compared = model.baseline !== undefined ? ` (compared with the baseline ${terminalText(model.baseline)})` : '';
    return [...model.diagnostics.map(d => formatDiagnostic(d)), `${terminalText(model.file)}: ${summarize(model.diagnostics)}${compared}`].join('\n');
}

/** Runs the efp command line; returns the exit code instead of exiting (tests call it in-process). */
export async function runCli(argv: readonly string[], output: Output = stdio): Promise<number> {
    // the files this run reads: no output of it is written over one
    const inputs = new CommandInputs();
    try {
        return await runCommand(argv, { ...output, inputs });
    } finally {
        inputs.dispose();
    }
}

/** A model's text from standard input (tests give theirs). */
function modelFromStandardInput(io: Output): Promise<string> {
    return io.stdin ? io.stdin() : readStandardInput(modelFileLimit());
}

async function runCommand(argv: readonly string[], io: Output): Promise<number> {
    let code = EXIT_OK;
    const program = new Command('efp')
        .description('Evaluate and check .efp footprint models (Boavizta e-footprint in text).')
        .version(EFP_VERSION)
        .exitOverride()
        .configureOutput({ writeOut: s => io.out(s), writeErr: s => io.err(s) })
        .option('--allow-outside', 'let models import and read data files outside the current folder, the model\'s folder and its git repository')
        .hook('preAction', (_program, command) => {
            setAllowOutside(program.opts<{ allowOutside?: boolean }>().allowOutside === true);
            // a bad EFP_MAX_SERIES_MB stops the command (exit 2) before any model is read; the server logs it
            if (command.name() !== 'lsp') seriesBudgetFromEnvironment();
        });
    program.addHelpText('after', `\n${EXIT_CODES_HELP}`);
    program.command('init')
        .description(`start a model from a template: model.efp (commented, its figures with their sources), a README and a CI file; never replaces a file`)
        .argument('[folder]', 'where to write them (made if missing; default: the current folder)')
        .option('--template <name>', `the template (default: ${DEFAULT_TEMPLATE}); efp init --list lists them`)
        .option('--list', 'list the templates and what each models')
        .addOption(new Option('--ci <platform>', 'the CI file: github (.github/workflows/efp.yml), gitlab (.gitlab-ci.yml) or none').choices(CI_PLATFORMS).default('github'))
        .action(async (folder: string | undefined, options: InitOptions) => { code = await initCommand(folder, options, io); });
    program.command('eval')
        .description('print the footprint of a model: total, by life-cycle phase, by object and by year')
        .argument('<file>', '.efp model (the files it imports are loaded too), or - for standard input')
        .option('--stdin-path <file>', 'the .efp file the model on standard input stands for: its imports are read relative to it, messages name it (default: stdin.efp)')
        .option('--json', 'every input and calculated value, in the shape of e-footprint\'s reference outputs')
        .option('--show <object.attribute>', 'one value (given or computed) with its formula and operands; with --json, its whole calculus graph')
        .option('--scenario <name>', 'the footprint with one of the model\'s scenarios (the baseline before its date, its changes from then on)')
        .option('-o, --output <file>', 'write to a file instead of standard output')
        .action(async (file: string, options: EvalOptions) => { code = await evalCommand(file, options, io); });
    program.command('check')
        .description('report syntax, name, unit and model errors, and exceeded budgets, as file:line:col; exit 1 when there are errors')
        .argument('<models...>', '.efp models: files, folders (the models under them), quoted globs (\'models/**/*.efp\') or - for standard input')
        .option('--stdin-path <file>', 'the .efp file the model on standard input stands for: its imports are read relative to it, messages name it (default: stdin.efp)')
        .option('--baseline <file>', `also fail when a system's or object's footprint per year grew past the threshold since this baseline (efp baseline save)`)
        .option('--threshold <percent>', 'the growth allowed by --baseline, in percent (default: 20)')
        .option('--watch', 'check again whenever a model\'s files change (the models, their imports, their data files), until Ctrl-C')
        .addOption(new Option('--format <format>', 'text (file:line:col), json, sarif (code scanning), github (workflow annotations, and the job summary) or gitlab (a Code Quality report)').choices(CHECK_FORMATS).default('text'))
        .option('-o, --output <file>', 'write the report to a file instead of standard output')
        .action(async (models: string[], options: CheckOptions & { watch?: boolean }) => {
            if (options.watch && (options.format !== 'text' || options.output !== undefined)) {
                throw new UsageError('--watch prints text as it checks: leave out --format and --output');
            }
            const files = await modelArguments(models);
            if (files.includes(STANDARD_INPUT)) {
                if (options.watch) throw new UsageError('--watch follows files: standard input (-) has none to follow');
                options.stdinText = await modelFromStandardInput(io);
            } else if (options.stdinPath !== undefined) {
                throw new UsageError('--stdin-path names the file standard input stands for: give - among the models too');
            }
            code = options.watch
                ? await checkWatch(files, () => checkCommand(files, options, io), io, { clear: process.stdout.isTTY === true, stop: interruptSignal() })
                : (await checkCommand(files, options, io)).code;
        });
    program.command('baseline')
        .description('save a model\'s footprint, for efp check --baseline to hold later versions to it')
        .command('save')
        .description('write each system\'s and object\'s footprint per year to a baseline file')
        .argument('<file>', '.efp model (the files it imports are loaded too)')
        .option('-o, --output <file>', 'the baseline file', DEFAULT_BASELINE_FILE)
        .action(async (file: string, options: { output?: string }) => { code = await baselineSaveCommand(file, options, io); });
    program.command('diff')
        .description('compare two versions of a model: what changed in the inputs (by object, with sources) and in the footprint (total, by phase, by object)')
        .argument('[files...]', 'OLD NEW, two .efp models; with --git, the model files (default: every model of the repository under the current folder)')
        .option('--git <rev>', 'compare the working tree with a git revision (HEAD, origin/main), or two revisions: REV1..REV2')
        .option('--json', 'the diff as JSON (masses in kg CO2e)')
        .option('--markdown', 'the diff as Markdown, for a pull request comment')
        .option('--svg <file>', 'also write a waterfall chart of the change by object as an SVG file')
        .option('--fail-above <percent>', 'exit 1 when the total footprint grew by more than this percentage')
        .option('-o, --output <file>', 'write to a file instead of standard output')
        .action(async (files: string[], options: DiffCommandOptions) => { code = await diffCommand(files, options, io); });
    program.command('import')
        .description('read an e-footprint 22.x JSON system (system_to_json), or with `codecarbon` a CodeCarbon emissions.csv, and write it as .efp')
        .argument('<file>', 'e-footprint JSON, or `codecarbon` followed by the emissions.csv')
        .argument('[csv]', 'after `codecarbon`: the emissions.csv')
        .option('-o, --output <file>', 'write the .efp to a file instead of standard output')
        .option('--verbatim', 'write every input as the file states it (defaults, hourly values, every object declared), for audits; '
            + 'by default built-in objects, archetypes and builders replace what they give back')
        .action(async (file: string, csv: string | undefined, options: { output?: string; verbatim?: boolean }) => {
            if (file === 'codecarbon' && csv !== undefined) code = await codecarbonImportCommand(csv, options, io);
            else if (csv !== undefined) throw new UsageError(`unknown import format '${file}': efp import <e-footprint.json> or efp import codecarbon <emissions.csv>`);
            else code = await importCommand(file, options, io);
        });
    program.command('export')
        .description('write a model\'s inputs as e-footprint 22.2.1 JSON, which e-footprint can load')
        .argument('<file>', '.efp model (the files it imports are loaded too)')
        .option('-o, --output <file>', 'write to a file instead of standard output')
        .option('--if-manifest', 'write an Impact Framework manifest (YAML) running the CCF plugin on the model\'s cloud servers instead')
        .option('--boamps', 'write a measurement\'s BoAmps 1.1 report (JSON) instead, as CodeCarbon 3.3 maps its runs')
        .option('--measurement <name>', 'with --boamps: the measurement to report, when the model has several')
        .action(async (file: string, options: { output?: string; ifManifest?: boolean; boamps?: boolean; measurement?: string }) => {
            if (options.boamps) {
                code = await boampsExportCommand(file, options, io);
                return;
            }
            code = options.ifManifest ? await ifManifestCommand(file, options, io) : await exportCommand(file, options, io);
        });
    program.command('cloud-estimate')
        .description('energy (kWh) and embodied carbon (gCO2e) of a cloud instance as the Impact Framework CCF plugin computes them; '
            + 'from flags, or from a JSON array of observations on standard input, written back with energy and carbon-embodied')
        .option('--vendor <vendor>', 'aws, gcp or azure')
        .option('--instance-type <type>', 'instance type as the plugin spells it (m5n.large, n2-standard-2, D4 v4)')
        .option('--cpu-util <percent>', 'CPU utilisation, % (0-100)')
        .option('--duration <seconds>', 'time covered, s (default 3600)')
        .option('--lifespan <years>', 'expected lifespan of the platform server, years (default 4)')
        .addOption(new Option('--interpolation <method>', 'the plugin\'s global config: spline (AWS only) or linear').choices(['linear', 'spline']))
        .option('--region <region>', 'add CCF\'s operational carbon: energy x PUE x the region\'s grid factor')
        .option('--if-compat', 'reproduce the plugin exactly, including its NaN energy for AWS types with several microarchitectures')
        .option('--json', 'with flags, print the observation as JSON instead of words')
        .action(async (options: CloudEstimateOptions) => { code = await cloudEstimateCommand(options, io, io.stdin ?? (() => readStandardInput(dataFileLimit(), ''))); });
    program.command('pr-comment')
        .description('post efp diff\'s Markdown on the CI job\'s pull or merge request, or update efp\'s earlier comment, when the footprint or its inputs changed')
        .argument('<diff-json>', 'what efp diff --json wrote')
        .argument('<diff-markdown>', 'what efp diff --markdown wrote')
        .addOption(new Option('--on <platform>', 'github (GITHUB_TOKEN) or gitlab (EFP_GITLAB_TOKEN)').choices(COMMENT_PLATFORMS).makeOptionMandatory())
        .action(async (diffJson: string, diffMarkdown: string, options: { on: CommentPlatform }) => { code = await prCommentCommand(diffJson, diffMarkdown, options, io); });
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
        return reportFailure(e, io);
    }
    return code;
}

/**
 * What stopped a command, said once, with its exit code: a usage error or an input that cannot be read
 * (2), an output that cannot be written (1, the path and why), anything else a bug of efp (3).
 */
function reportFailure(e: unknown, io: Output): number {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (e instanceof UsageError || e instanceof SourceUnavailableError || e instanceof FileError || e instanceof DataFileRefusal) {
        // the message quotes paths and names as given: shown, never interpreted by the terminal
        io.err(`efp: ${terminalText(e.message)}${'hint' in e && e.hint ? `\n    hint: ${terminalText(e.hint)}` : ''}`);
        return e instanceof FileError && e.operation === 'write' ? EXIT_MODEL_ERRORS : EXIT_USAGE;
    }
    const error = e instanceof Error ? e : new Error(String(e));
    io.err(`efp: internal error: ${terminalText(error.message)}`);
    io.err('    this is a bug in efp, not in your model; run with EFP_DEBUG=1 for details');
    if (process.env.EFP_DEBUG) io.err(error.stack ?? '');
    return EXIT_INTERNAL;
}


import { dirname, relative, resolve } from 'node:path';
import { URI } from 'langium';
import { change, changeText, diffModels, type ModelDiff, waterfallOf, waterfallSvg } from '../engine/index.js';
import { formatDiagnostic, summarize } from './diagnostic-format.js';
import { diffScales, signedMass, type ComparedModel, type DiffReport } from './diff-format.js';
import { diffTable } from './diff-table.js';
import { diffJson } from './diff-json.js';
import { diffMarkdown } from './diff-markdown.js';
import {
    locateInGit, locatorFrom, resolveRevision, sideFromFile, sideFromRevision, trackedModels, type DiffSide, type GitLocation
} from '../language/workspace/revision-sides.js';
import { UsageError } from './usage-error.js';
import { emit, EXIT_MODEL_ERRORS, EXIT_OK, readTextFile, refuseOverwritingInputs, writeOutputFile, type Output } from './cli-output.js';
import { gitBlob } from '../language/workspace/git-command.js';
import { realPath } from '../platform/real-path.js';
import { modelFileLimit } from '../language/data-files.js';
import { parsePercentOption } from './percent-option.js';
import { terminalText } from './terminal-text.js';
import { rootModelPaths } from './root-models.js';

export interface DiffCommandOptions {
    git?: string;
    json?: boolean;
    markdown?: boolean;
    svg?: string;
    failAbove?: string;
    output?: string;
}

/**
 * `efp diff OLD NEW`, `efp diff --git REV [FILE...]` (the working tree against REV) and
 * `efp diff --git REV1..REV2 [FILE...]` (two revisions). Without FILE, `--git` compares every model of
 * the repository under the current folder: the .efp files no other .efp file imports.
 * Exit codes: 0, 1 when a side's model has errors or the total grew more than --fail-above, 2 usage.
 */
export async function diffCommand(files: string[], options: DiffCommandOptions, io: Output): Promise<number> {
    if (options.json && options.markdown) throw new UsageError('--json and --markdown are two outputs: give one');
    const threshold = options.failAbove === undefined ? undefined : parsePercentOption(options.failAbove, '--fail-above');
    const report = options.git !== undefined ? await gitReport(options.git, files) : await filesReport(files);

    for (const m of report.models) {
        for (const [side, label] of [['old', report.oldLabel], ['new', report.newLabel]] as const) {
            const s = m[side];
            if (s.absent || s.model) continue;
            // a revision's files have their working-tree paths: say which version the line is in
            for (const d of s.errors) io.err(`${options.git !== undefined && s.label !== 'working tree' ? `${terminalText(label)}: ` : ''}${formatDiagnostic(d)}`);
            io.err(`efp: ${terminalText(`${m.file} (${label})`)} has ${summarize(s.errors)}; nothing compared`);
            return EXIT_MODEL_ERRORS;
        }
    }

    const text = options.json ? diffJson(report) : options.markdown ? diffMarkdown(report) : diffTable(report);
    // both outputs checked before either is written
    refuseOverwritingInputs(io, options.output, options.svg);
    if (options.output && options.svg && realPath(options.output) === realPath(options.svg)) {
        throw new UsageError(`-o ${options.output} and --svg ${options.svg} are the same file: give two`);
    }
    await emit(text, options.output, io);
    if (options.svg) await writeSvg(options.svg, report, io);

    if (threshold !== undefined) {
        const total = change(sum(report, 'old'), sum(report, 'new'));
        const grew = total.relative === null ? total.new > 0 : total.relative * 100 > threshold;
        if (grew) {
            io.err(`efp: the footprint grew by ${changeText(total)}, more than --fail-above ${threshold} %`);
            return EXIT_MODEL_ERRORS;
        }
    }
    return EXIT_OK;
}

function sum(report: DiffReport, side: 'old' | 'new'): number {
    return report.models.reduce((t, m) => t + m.diff.summary.total[side], 0);
}

function compare(file: string, oldSide: DiffSide, newSide: DiffSide, locate: (uri: string) => string): ComparedModel {
    const diff: ModelDiff = oldSide.model === undefined && !oldSide.absent || newSide.model === undefined && !newSide.absent
        ? emptyDiff() // a side in error: reported before anything is printed
        : diffModels(oldSide.model, newSide.model, {
            efootprintIds: { old: oldSide.ids, new: newSide.ids }, locate, mainFiles: { old: oldSide.mainUri, new: newSide.mainUri }
        });
    return { file, old: oldSide, new: newSide, diff };
}

function emptyDiff(): ModelDiff {
    const zero = change(0, 0);
    return { summary: { total: zero, fabrication: zero, energy: zero, objects: { added: 0, removed: 0, renamed: 0, moved: 0, changed: 0 }, changedInputs: 0, changedAnnotations: 0 }, inputs: { objects: [], settings: [], rewritten: [] }, systems: [] };
}

/** Two files on disk; places are named relative to each model's folder. */
async function filesReport(files: string[]): Promise<DiffReport> {
    if (files.length !== 2) {
        throw new UsageError(files.length < 2
            ? 'efp diff compares two models: efp diff OLD NEW, or efp diff --git REV [FILE] to compare with a git revision'
            : `efp diff compares two files, not ${files.length} (with --git REV, several models can be given)`);
    }
    const [oldFile, newFile] = files;
    const oldSide = await sideFromFile(oldFile, oldFile);
    const newSide = await sideFromFile(newFile, newFile);
    const newLocate = locatorFrom(dirname(resolve(newFile))), oldLocate = locatorFrom(dirname(resolve(oldFile)));
    const newDir = dirname(resolve(newFile));
    const locate = (uri: string) => {
        const path = URI.parse(uri).fsPath;
        return relative(newDir, path).startsWith('..') ? oldLocate(uri) : newLocate(uri);
    };
    return { oldLabel: oldFile, newLabel: newFile, models: [compare(newFile, oldSide, newSide, locate)] };
}

/** `REV` (against the working tree) or `REV1..REV2`. */
function parseRange(spec: string): { old: string; new?: string } {
    if (spec.includes('...')) throw new UsageError(`--git takes REV or REV1..REV2, not '${terminalText(spec)}' (three dots mean a merge base; write it out)`);
    const range = /^(.+?)\.\.(.+)$/.exec(spec);
    if (range) return { old: range[1], new: range[2] };
    if (spec.trim() === '') throw new UsageError('--git needs a revision: --git HEAD, --git origin/main, --git main..feature');
    return { old: spec };
}

async function gitReport(spec: string, files: string[]): Promise<DiffReport> {
    const range = parseRange(spec);
    const first = await locateInGit(files[0]);
    const root = first.root;
    const oldCommit = await resolveRevision(root, range.old);
    const newCommit = range.new !== undefined ? await resolveRevision(root, range.new) : undefined;
    const locations: GitLocation[] = files.length > 0
        ? await Promise.all(files.map(f => locateInGit(f)))
        : await rootModels(root, first.path, oldCommit, newCommit);
    for (const l of locations) {
        if (l.root !== root) throw new UsageError(terminalText(`${l.path} is in another git repository than ${first.path}`));
    }
    const locate = locatorFrom(root);
    const models: ComparedModel[] = [];
    for (const location of locations) {
        const oldSide = await sideFromRevision(location, range.old, oldCommit);
        const newSide = newCommit !== undefined
            ? await sideFromRevision(location, range.new!, newCommit)
            : await sideFromFile(resolve(root, location.path), 'working tree', true);
        if (oldSide.absent && newSide.absent) {
            throw new UsageError(terminalText(`${location.path} is neither in ${range.old} nor in ${range.new ?? 'the working tree'}`));
        }
        models.push(compare(location.path, oldSide, newSide, locate));
    }
    return { oldLabel: range.old, newLabel: range.new ?? 'working tree', models };
}

/**
 * The models of a repository under `prefix` (the current folder): .efp files of either side that no
 * other .efp file imports (an imported file is part of the model that imports it).
 */
async function rootModels(root: string, where: string, oldCommit: string, newCommit: string | undefined): Promise<GitLocation[]> {
    const prefix = where === '' || where === '.' ? '' : `${where.replace(/\/$/, '')}/`;
    const paths = [...new Set([...await trackedModels(root, oldCommit), ...await trackedModels(root, newCommit)])].sort();
    // only to find which files import which
    const read = (path: string): Promise<string> => newCommit === undefined
        ? readTextFile(resolve(root, path))
        : gitBlob(root, newCommit, path, modelFileLimit().bytes).then(bytes => bytes.toString('utf8'));
    const models = (await rootModelPaths(paths, read)).filter(p => p.startsWith(prefix));
    if (models.length === 0) {
        throw new UsageError(`no .efp model in ${prefix ? terminalText(prefix) : 'the repository'} at ${newCommit ? 'either revision' : 'the revision or in the working tree'}; give the model file: efp diff --git REV model.efp`);
    }
    return models.map(path => ({ root, path }));
}

async function writeSvg(path: string, report: DiffReport, io: Output): Promise<void> {
    const model = report.models[0];
    const system = model?.diff.systems[0];
    if (!system) throw new UsageError('--svg: no system to chart');
    const { changes } = diffScales(model.diff);
    await writeOutputFile(path, waterfallSvg(waterfallOf(system), {
        format: kg => signedMass(kg, changes),
        title: `${system.name}: ${changeText(system.total)}`
    }), io);
}

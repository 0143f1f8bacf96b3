import { basename } from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import type { EfpServices } from '../efp-module.js';
import {
    DiffRequest, ScenariosRequest, type DiffParams, type DiffResult, type ScenarioItem, type ScenariosResult
} from '../protocol.js';
import {
    change, diffModels, emptyIds, type Model, type ModelDiff, type Origin, readEfootprintIds, type ScenarioResult, scenarioResults, waterfallOf
} from '../../engine/index.js';
import { analyzeDocument, blocksUse, type FileDiagnostic } from '../document-analysis.js';
import { importClosure } from '../efp-scope.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';
// The CLI's `efp diff --git` reads a revision into an in-memory workspace: the panel reuses it, so that
// the editor and the CLI compare the very same models.
import { locateInGit, resolveRevision, sideFromFile, sideFromRevision, type DiffSide } from '../workspace/revision-sides.js';
import { scenarioDiff } from './scenario-diff.js';
import { fileAccessPolicy } from '../data-files.js';

export function registerDiffRequests(connection: Connection, efp: EfpServices): void {
    connection.onRequest(DiffRequest.method, (params: DiffParams) => diffFor(efp, params));
    connection.onRequest(ScenariosRequest.method, (params: { uri: string }) => scenariosFor(efp, params.uri));
}

/** Answers `efp/diff`. Never throws: whatever keeps the sides from comparing comes back as a message. */
export async function diffFor(efp: EfpServices, params: DiffParams): Promise<DiffResult> {
    const base = { uri: params.uri, against: params.against };
    try {
        const document = await openDocument(efp, params.uri);
        if (!document) return { ...base, oldLabel: '', newLabel: '', message: `${fileName(params.uri)} is not open in the efp language server.`, messageKind: 'error' };
        if (params.against === 'gitHead') return { ...base, ...await gitHeadDiff(efp, document) };
        if (params.against === 'lastSave') return { ...base, ...await lastSaveDiff(efp, document) };
        return { ...base, ...againstScenario(efp, document, params.against.scenario) };
    } catch (error) {
        return { ...base, oldLabel: '', newLabel: '', message: `The comparison failed: ${error instanceof Error ? error.message : String(error)}`, messageKind: 'error' };
    }
}

type Comparison = Omit<DiffResult, 'uri' | 'against'>;

async function openDocument(efp: EfpServices, uri: string): Promise<LangiumDocument | undefined> {
    const parsed = URI.parse(uri);
    const documents = efp.shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(parsed)) return undefined;
    await efp.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed);
    return documents.getDocument(parsed);
}

function fileName(uri: string): string {
    return basename(URI.parse(uri).path);
}

/** The open text of the document and of what it imports, as `efp diff` reads the working tree. */
function editorSide(efp: EfpServices, document: LangiumDocument, label: string): DiffSide {
    const documents = efp.shared.workspace.LangiumDocuments;
    const analysis = analyzeDocument(document, efp);
    const errors = analysis.diagnostics.filter(blocksUse);
    const ids = emptyIds();
    for (const uri of importClosure(document, documents)) {
        const doc = uri === BUILTIN_LIBRARY_URI ? undefined : documents.getDocument(URI.parse(uri));
        if (doc) readEfootprintIds(doc.textDocument.getText(), ids);
    }
    return { label, model: errors.length === 0 ? analysis.model : undefined, ids: ids.objects, errors, absent: false, mainUri: document.uri.toString() };
}

async function gitHeadDiff(efp: EfpServices, document: LangiumDocument): Promise<Comparison> {
    const name = fileName(document.uri.toString());
    const labels = { oldLabel: 'HEAD', newLabel: 'editor' };
    if (document.uri.scheme !== 'file') {
        return { ...labels, message: `${name} is not saved in a folder: save it in a git repository to compare it with HEAD.`, messageKind: 'error' };
    }
    // a repository's configuration can make git run programs: not in a workspace the user does not trust
    if (!fileAccessPolicy(efp.shared).workspaceTrusted) {
        return { ...labels, message: 'efp does not run git in an untrusted workspace (a repository\'s configuration can make git run programs): trust the workspace to compare with HEAD, or compare with the last save.', messageKind: 'error' };
    }
    let location;
    try {
        location = await locateInGit(document.uri.fsPath);
    } catch (error) {
        const text = error instanceof Error ? error.message : String(error);
        return {
            ...labels,
            message: /not installed/.test(text)
                ? 'git is not installed (or not on the PATH): comparing with HEAD needs it.'
                : `${name} is not in a git repository: there is no HEAD to compare with. Compare with the last save instead.`,
            messageKind: 'error'
        };
    }
    let commit: string;
    try {
        commit = await resolveRevision(location.root, 'HEAD');
    } catch {
        return { ...labels, message: `The repository of ${name} has no commit yet: commit the model, then compare with HEAD.`, messageKind: 'error' };
    }
    const oldLabel = `HEAD (${commit.slice(0, 7)})`;
    const oldSide = await sideFromRevision(location, oldLabel, commit);
    const newSide = editorSide(efp, document, 'editor');
    const note = oldSide.absent ? `${location.path} is not in HEAD: everything in it is new.` : undefined;
    return compareSides(oldSide, newSide, note);
}

async function lastSaveDiff(efp: EfpServices, document: LangiumDocument): Promise<Comparison> {
    const name = fileName(document.uri.toString());
    if (document.uri.scheme !== 'file') {
        return { oldLabel: 'last save', newLabel: 'editor', message: `${name} has never been saved: save it once, then compare its changes with that version.`, messageKind: 'error' };
    }
    // the file and what it imports as they are on disk, read where the editor's models may read
    const oldSide = await sideFromFile(document.uri.fsPath, 'last save', true, fileAccessPolicy(efp.shared));
    const newSide = editorSide(efp, document, 'editor');
    const note = oldSide.absent ? `${name} is not on disk (deleted or never saved): everything in it is new.` : undefined;
    return compareSides(oldSide, newSide, note);
}

/** `HEAD has 2 errors (model.efp:12: …)`: why a side cannot be compared. */
function sideError(side: DiffSide): string | undefined {
    if (side.absent || side.model) return undefined;
    const first = side.errors[0] as FileDiagnostic | undefined;
    const count = side.errors.length;
    const where = first ? ` (${fileName(first.uri)}:${first.range.start.line + 1}: ${first.message})` : '';
    return `The ${side.label} version of the model has ${count === 1 ? 'an error' : `${count} errors`}${where}: it cannot be evaluated, so nothing is compared.`;
}

function compareSides(oldSide: DiffSide, newSide: DiffSide, note?: string): Comparison {
    const labels = { oldLabel: oldSide.label, newLabel: newSide.label };
    const error = sideError(newSide) ?? sideError(oldSide);
    if (error) return { ...labels, message: error, messageKind: 'error' };
    const diff = diffModels(oldSide.model, newSide.model, {
        efootprintIds: { old: oldSide.ids, new: newSide.ids }, mainFiles: { old: oldSide.mainUri, new: newSide.mainUri }
    });
    return { ...labels, ...withCharts(diff, newSide.model), ...(note ? { message: note, messageKind: 'info' as const } : {}) };
}

function withCharts(diff: ModelDiff, model: Model | undefined): Pick<DiffResult, 'diff' | 'waterfalls' | 'origins'> {
    const origins: Record<string, Origin> = {};
    for (const object of model?.instances ?? []) {
        if (object.origin && object.origin.uri !== BUILTIN_LIBRARY_URI) origins[object.id] = object.origin;
    }
    return { diff, waterfalls: diff.systems.map(system => waterfallOf(system)), origins };
}

function againstScenario(efp: EfpServices, document: LangiumDocument, id: string): Comparison {
    const labels = { oldLabel: 'baseline', newLabel: `scenario ${id}` };
    const baseline = currentModel(efp, document);
    if (typeof baseline === 'string') return { ...labels, message: baseline, messageKind: 'error' };
    const result = scenarioResults(baseline).find(r => r.id === id);
    if (!result) return { ...labels, message: `${fileName(document.uri.toString())} has no scenario '${id}' (any more).`, messageKind: 'error' };
    const named = { oldLabel: 'baseline', newLabel: `scenario “${result.name}”${result.scenario.date ? ` from ${result.scenario.date}` : ''}` };
    const problem = scenarioError(result);
    const diff = problem ? undefined : scenarioDiff(result);
    if (!diff) return { ...named, message: problem ?? `Scenario ${id} did not evaluate.`, messageKind: 'error' };
    return { ...named, ...withCharts(diff, result.simulation?.model) };
}

/** The document's model as it is now, or why there is none. */
function currentModel(efp: EfpServices, document: LangiumDocument): Model | string {
    const model = efp.evaluation.DocumentModels.modelFor(document);
    if (!model) return `${fileName(document.uri.toString())} has syntax or name errors: fix them (see Problems) to evaluate its scenarios.`;
    const error = model.diagnostics.find(d => d.severity === 'error' && d.code !== 'budget-exceeded');
    if (error) return `The model has errors (${error.message}): fix them (see Problems) to evaluate its scenarios.`;
    return model;
}

function scenarioError(result: ScenarioResult): string | undefined {
    const error = result.diagnostics.find(d => d.severity === 'error');
    if (error) return `Scenario ${result.id} has an error: ${error.message}`;
    return result.simulation ? undefined : `Scenario ${result.id} did not evaluate.`;
}

/** Answers `efp/scenarios`: the document's scenarios with their total change, in declaration order. */
export async function scenariosFor(efp: EfpServices, uri: string): Promise<ScenariosResult> {
    const document = await openDocument(efp, uri);
    if (!document) return { uri, scenarios: [], stale: true, message: `${fileName(uri)} is not open in the efp language server.` };
    const results = efp.evaluation.DocumentModels.resultsFor(document);
    if (!results) return { uri, scenarios: [], stale: true, message: 'The model has not evaluated yet: fix the errors the Problems view lists.' };
    const scenarios = scenarioResults(results.model).map((r): ScenarioItem => {
        const error = scenarioError(r);
        const total = error || r.systems.length === 0 ? undefined
            : change(r.systems.reduce((t, s) => t + s.baseline.total, 0), r.systems.reduce((t, s) => t + s.scenario.total, 0));
        return {
            id: r.id, name: r.name,
            ...(r.scenario.date ? { date: r.scenario.date } : {}),
            ...(r.scenario.origin ? { origin: r.scenario.origin } : {}),
            ...(total ? { total } : {}),
            ...(error ? { error } : {})
        };
    });
    return { uri, scenarios, stale: results.stale };
}


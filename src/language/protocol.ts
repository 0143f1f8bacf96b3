/**
 * The messages between the efp language server and its clients beyond LSP: evaluation results pushed
 * to the editor, and the data behind the footprint dashboard and the graph panels. Shared by the server
 * (src/language) and the VS Code extension (src/extension); nothing here imports either side.
 */
import type { Change, FootprintCategory, ModelDiff, Origin, Phase, SystemFootprintSummary, WaterfallStep } from '../engine/presentation.js';

/**
 * A request's method with its parameter and result types. Each side makes its own JSON-RPC type from
 * `method`: the server and the client bundle different copies of vscode-jsonrpc, whose classes do not
 * mix, so the shared file carries only names and types.
 */
export interface RequestDescriptor<P, R> {
    readonly method: string;
    /** Never set: carries the types. */
    readonly types?: { params: P; result: R };
}

export interface NotificationDescriptor<P> {
    readonly method: string;
    /** Never set: carries the type. */
    readonly types?: { params: P };
}

/**
 * What a client says of itself when it starts the server (`initialize`'s `initializationOptions`): the
 * files it lets the server read, and whether it runs efp's commands (the VS Code extension does; other
 * editors say nothing, and get no links or actions naming them).
 */
export interface InitializationOptions {
    readonly filePolicy?: FilePolicyParams;
    readonly efpCommands?: boolean;
}

/** Client commands the server refers to in CodeLenses and hover links (arguments: see each command). */
export const EfpCommands = {
    /** `[uri: string, system?: string]`: open the footprint dashboard of a document. */
    showFootprint: 'efp.showFootprint',
    /** `[uri: string, object: string, attribute?: string]`: open a value's calculus graph (an object's total when no attribute). */
    showCalculusGraph: 'efp.showCalculusGraph',
    /** `[uri: string]`: open the object graph of a document. */
    showObjectGraph: 'efp.showObjectGraph',
    /** `[uri?: string]`: the emission diff of a document against its last commit (git HEAD). */
    compareWithGitHead: 'efp.compareWithGitHead',
    /** `[uri?: string]`: the emission diff of a document's unsaved changes (against the file on disk). */
    compareWithLastSave: 'efp.compareWithLastSave',
    /** `[uri: string, scenario: string]`: the emission diff of a scenario against its baseline. */
    compareScenario: 'efp.compareScenario',
} as const;

/**
 * The commands a hover may link to (`command:` links), which the extension trusts in hover Markdown and
 * nothing else: efp builds these links itself (src/language/lsp/command-links.ts), never from a model's text.
 */
export const HOVER_COMMANDS = [EfpCommands.showCalculusGraph, EfpCommands.showFootprint, EfpCommands.showObjectGraph] as const;
export type HoverCommand = typeof HOVER_COMMANDS[number];

// ---- what the client lets the server read ----

/**
 * The files policy the client grants: sent in `initialize` (`initializationOptions.filePolicy`) and with
 * `efp/filePolicy` whenever it changes. The server takes `allowOutsideWorkspace` from here only, never
 * from the workspace's configuration: a workspace's own settings could otherwise let its models read the
 * user's files.
 */
export interface FilePolicyParams {
    /** The user's `efp.files.allowOutsideWorkspace` (user or machine settings, never a workspace's). */
    readonly allowOutsideWorkspace: boolean;
    /** VS Code's workspace trust; false: nothing outside the workspace is read and git is not run. */
    readonly workspaceTrusted: boolean;
}

export namespace FilePolicyNotification {
    export const method = 'efp/filePolicy' as const;
    export const type: NotificationDescriptor<FilePolicyParams> = { method };
}

// ---- evaluation results, pushed by the server ----

export interface EvaluatedSystem {
    readonly id: string;
    readonly name: string;
    /** kg CO2e over the modeling period. */
    readonly total: number;
    /** kg CO2e per year on average. */
    readonly perYear: number;
}

export interface EvaluatedParams {
    readonly uri: string;
    /** The document version the results belong to (the last good one when `stale`). */
    readonly version: number;
    /**
     * True when the current text does not evaluate (syntax, name or model errors): the results are those
     * of the last text that did.
     */
    readonly stale: boolean;
    /** Errors in the current text. */
    readonly errors: number;
    readonly systems: readonly EvaluatedSystem[];
    /** Why nothing could be evaluated (no system, never evaluated), when `systems` is empty. */
    readonly message?: string;
}

/** Sent after a document is evaluated: on save, or on every change when `efp.evaluation.trigger` is `onType`. */
export namespace EvaluatedNotification {
    export const method = 'efp/evaluated' as const;
    export const type: NotificationDescriptor<EvaluatedParams> = { method };
}

/** Evaluates a document now (whatever the trigger setting) and answers what `efp/evaluated` would say. */
export namespace EvaluateRequest {
    export const method = 'efp/evaluate' as const;
    export const type: RequestDescriptor<{ readonly uri: string }, EvaluatedParams> = { method };
}

export interface ValueAtParams {
    readonly uri: string;
    readonly position: { readonly line: number; readonly character: number };
}

/** The value under the cursor: an attribute of an object, or an object. */
export interface ValueAtResult {
    readonly object?: string;
    readonly attribute?: string;
}

/** Which value the cursor is on, for "Show Calculus Graph of the Value at the Cursor". */
export namespace ValueAtRequest {
    export const method = 'efp/valueAt' as const;
    export const type: RequestDescriptor<ValueAtParams, ValueAtResult> = { method };
}

// ---- the footprint dashboard ----

export interface FootprintParams {
    readonly uri: string;
}

export interface EncodedFootprintSeries {
    readonly systemId: string;
    readonly category: FootprintCategory;
    readonly phase: Phase;
    /** kg CO2e per hour of the period: a little-endian Float64Array, base64-encoded (exact, and a third of JSON's size). */
    readonly values: string;
}

export interface FootprintResult {
    readonly uri: string;
    readonly version: number;
    readonly stale: boolean;
    readonly systems: readonly SystemFootprintSummary[];
    readonly series: readonly EncodedFootprintSeries[];
    readonly message?: string;
}

export namespace FootprintRequest {
    export const method = 'efp/footprint' as const;
    export const type: RequestDescriptor<FootprintParams, FootprintResult> = { method };
}

// ---- graphs (calculus graph of a value, object graph of a model), laid out by the server ----

export interface GraphNodeView {
    /** Node key (`web.energy_footprint`) in a calculus graph, object id in an object graph. */
    readonly id: string;
    /** Top-left corner and size, in graph units (points). */
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly title: string;
    readonly subtitle: string;
    /** The value with its unit, formatted for people; empty for objects without one. */
    readonly value: string;
    readonly kind: 'input' | 'calculated' | 'object';
    /** e-footprint class name, for colouring. */
    readonly className: string;
    /** Plain text shown on hover: the formula with its operands' values, or the input with its source. */
    readonly tooltip: string;
    /** Where to jump on click. */
    readonly origin?: Origin;
    /** Number of nodes hidden beneath this one (collapsed or cut off by the size limit). */
    readonly hidden?: number;
}

export interface GraphEdgeView {
    readonly from: string;
    readonly to: string;
    /** SVG path data of the routed edge, in graph units. */
    readonly path: string;
    /** Arrow head polygon points (`x1,y1 x2,y2 x3,y3`), in graph units. */
    readonly arrow?: string;
    readonly label?: string;
    /** Centre of the label, in graph units (where the layout made room for it). */
    readonly labelX?: number;
    readonly labelY?: number;
}

export interface LaidOutGraph {
    readonly kind: 'calculus' | 'object';
    readonly title: string;
    readonly root?: string;
    readonly width: number;
    readonly height: number;
    readonly nodes: readonly GraphNodeView[];
    readonly edges: readonly GraphEdgeView[];
    /** Number of values of the full graph that are not drawn (collapsed, or beyond `maxNodes`). */
    readonly hidden?: number;
    readonly stale: boolean;
    /** Why there is nothing to draw (no model, unknown object or value); the graph is then empty. */
    readonly message?: string;
}

export interface CalculusGraphParams {
    readonly uri: string;
    readonly object: string;
    /** The attribute; the object's total footprint (or its first computed value) when absent. */
    readonly attribute?: string;
    /** Node ids whose ancestors are not drawn. */
    readonly collapsed?: readonly string[];
    /** Draw at most this many nodes (the nearest to the root first); 400 by default. */
    readonly maxNodes?: number;
}

export namespace CalculusGraphRequest {
    export const method = 'efp/calculusGraph' as const;
    export const type: RequestDescriptor<CalculusGraphParams, LaidOutGraph> = { method };
}

export interface ObjectGraphParams {
    readonly uri: string;
}

export namespace ObjectGraphRequest {
    export const method = 'efp/objectGraph' as const;
    export const type: RequestDescriptor<ObjectGraphParams, LaidOutGraph> = { method };
}

// ---- emission diffs (git HEAD, last save, a scenario against its baseline) ----

/** What a document is compared with: its last commit, the file on disk, or one of its scenarios (new side: the scenario). */
export type DiffAgainst = 'gitHead' | 'lastSave' | { readonly scenario: string };

export interface DiffParams {
    readonly uri: string;
    readonly against: DiffAgainst;
}

export interface DiffResult {
    readonly uri: string;
    readonly against: DiffAgainst;
    /** `HEAD (a1b2c3d)`, `last save`, `baseline`. */
    readonly oldLabel: string;
    /** `editor`, `scenario "Greener electricity"`. */
    readonly newLabel: string;
    /** Absent when nothing could be compared; `message` then says why. */
    readonly diff?: ModelDiff;
    /** How each system's total change adds up (engine/diff/waterfall.ts), in `diff.systems`' order. */
    readonly waterfalls?: readonly (readonly WaterfallStep[])[];
    /** Where each object is declared (the new side's, else the old side's), by .efp name: a click on a footprint row. */
    readonly origins?: Readonly<Record<string, Origin>>;
    /** Why there is no diff (not a git repository, a side with errors), or a note beside it (the file is not in HEAD). */
    readonly message?: string;
    readonly messageKind?: 'info' | 'error';
}

/** The emission diff of a document; never fails: problems come back in `message`. */
export namespace DiffRequest {
    export const method = 'efp/diff' as const;
    export const type: RequestDescriptor<DiffParams, DiffResult> = { method };
}

export interface ScenarioItem {
    readonly id: string;
    /** The label, or the id when there is none. */
    readonly name: string;
    /** ISO date the changes take effect (e-footprint's simulation_date), as written. */
    readonly date?: string;
    /** Where the scenario is declared (its name). */
    readonly origin?: Origin;
    /** All systems' total, baseline → scenario; absent when the scenario or its model has errors. */
    readonly total?: Change;
    /** The first error that keeps the scenario from evaluating. */
    readonly error?: string;
}

export interface ScenariosResult {
    readonly uri: string;
    readonly scenarios: readonly ScenarioItem[];
    /** True when the figures are those of the last text that evaluated. */
    readonly stale: boolean;
    readonly message?: string;
}

/** The scenarios of a document, with their total change once evaluated (the Scenarios view). */
export namespace ScenariosRequest {
    export const method = 'efp/scenarios' as const;
    export const type: RequestDescriptor<{ readonly uri: string }, ScenariosResult> = { method };
}

/** The URI scheme of the built-in library's text (`efp-builtin:/library.efp`), read-only in editors. */
export const BUILTIN_LIBRARY_SCHEME = 'efp-builtin';

/**
 * The text of the built-in library (every name a model may use without declaring it), for an editor to
 * show where go to definition on a built-in name lands.
 */
export namespace BuiltinLibraryRequest {
    export const method = 'efp/builtinLibrary' as const;
    export const type: RequestDescriptor<{ readonly uri: string }, string> = { method };
}

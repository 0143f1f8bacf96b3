import { operandList, unitFor, type CalculatedSpec, type InputSpec } from './class-spec.js';
import { constantWeek, HOURS_IN_WEEK, TYPICAL_WEEK_START } from '../series/typical-week.js';
import { Dimension } from '../units/dimension.js';
import { describeDimension } from '../units/dimension-names.js';
import { parseUnit } from '../units/unit.js';
import { isValidTimezone, utcHourOf } from '../series/calendar.js';
import { HourlySeries } from '../series/hourly-series.js';
import { recycle, SeriesArena, withArena } from '../series/series-memory.js';
import { SeriesBudgetError, SeriesLedger, type SeriesBudget } from '../series/series-budget.js';
import type { InputDescription, ModelDescription, ObjectDescription, SourceDescription, ExprDescription, Origin } from './description.js';
import {
    didYouMean, didYouMeanHint, ModelError, ReportedElsewhere, suggestionData, type DiagnosticCode, type DiagnosticData, type EngineDiagnostic
} from './diagnostics.js';
import { EfpObject, type ResolvedInput, type Weighted } from './efp-object.js';
import { defaultInputOf, isRequired, resolvedInput } from './input-defaults.js';
import { coerceUnitText, coercionBetween, dimensionHint } from './dimension-coercion.js';
import { checkCalculatedMin, checkHourlyRange, checkRange, longerThanPeriod } from './range-check.js';
import { overflowReport, isFiniteValue } from './finite-check.js';
import { MAX_MODELING_HOURS, MAX_MODELING_YEARS, SeriesLimitError, yearsOf } from '../series/series-limits.js';
import { collectRefs, evaluateExpression, inferDimension, writtenUnit, type ExpressionEnvironment, type ModelPeriod, type RefExpr } from './expression.js';
import { nodeKey, UPSTREAM_ERROR, type Node, type NodeValue } from './node.js';
import { Relations } from './relations.js';
import { EMPTY, hourly, ValueError, type NumericValue } from './values.js';
import { topologicalOrder } from './evaluation-order.js';
import { objectsReachedByScenarios } from './scenario-reach.js';
import type { ClassRegistry, UnreadValues } from './class-registry.js';
import { linkedObjects } from './linked-objects.js';
import { ignoredBecause } from './ignored-inputs.js';
import { cyclePath, shownInFull } from './cycle-path.js';
import { formatNumber } from './value-format.js';

const DEFAULT_START = '2025-01-01';

/** Node errors that are reported once, where they arise, and make the node's dependents skip. */
const CYCLE = 'part of a reference cycle';
const INVALID_DEFINITION = 'invalid definition';
/** A value whose formula reads an input said to be missing or wrong where it is written: quietly in error. */
const INPUT_IN_ERROR = 'reads an input that is missing or in error';
const DEFAULT_DURATION = { value: 1, unit: 'year' };
/** The computation of a value not defined yet, or in error: one function for all of them, not one each. */
const computeEmpty = (): NodeValue => EMPTY;

/** How a model is evaluated: the memory its hourly values may take. */
export interface ModelOptions {
    /** The budget of the model's hourly values (512 MB by default). */
    readonly seriesBudget?: SeriesBudget;
    /** The ledger to count them in instead: a scenario's model shares its baseline's, and its budget. */
    readonly ledger?: SeriesLedger;
}

/** A read of a disposed model's values: its arrays hold another model's numbers now. */
export class DisposedModelError extends Error {
    constructor() {
        super('this model was replaced and disposed: its values can no longer be read');
    }
}

/**
 * A model ready to evaluate: objects with their inputs resolved (user values, archetypes, e-footprint's
 * defaults), the references between them, and the graph of every input and calculated attribute.
 * Building never throws on bad input: problems go to `diagnostics`, located where they were written.
 */
export class Model {
    /** Objects declared by the model, by id. */
    readonly objects = new Map<string, EfpObject>();
    /** Built-in objects (countries, archetypes), by id; a model's object of the same name hides one. */
    readonly builtins = new Map<string, EfpObject>();
    /** Objects that take part in the evaluation (user objects and the built-ins they use). */
    readonly instances: EfpObject[] = [];
    readonly nodes = new Map<string, Node>();
    readonly diagnostics: EngineDiagnostic[] = [];
    readonly sources = new Map<string, SourceDescription>();
    readonly description: ModelDescription;
    readonly title: string | undefined;
    readonly period: ModelPeriod;
    relations: Relations;
    private order: Node[] = [];
    /** Pooled arrays the model's values hold, and how many values hold each array. */
    private readonly ownedArrays = new Set<Float64Array>();
    private readonly arrayUses = new Map<Float64Array, number>();
    /** Arrays of values replaced during the current evaluation, recycled at its end. */
    private readonly replaced: Float64Array[] = [];
    /** The spec of each calculated value (its bounds are checked on every result). */
    private readonly calculatedSpecs = new Map<Node, CalculatedSpec>();
    /**
     * The causes reported at each place: the end of each message after a `: `. A scan of every diagnostic
     * for each new one was quadratic in the errors (200,000 groups in a cycle: two minutes).
     */
    private readonly causesAt = new Map<Origin, Set<string>>();
    /** Inputs already reported as making a value infinite: one report each, however many values they overflow. */
    private readonly overflowing = new Set<Node>();
    private wasDisposed = false;
    /** The bytes of hourly values the model (with its scenarios' models) holds, held to its budget. */
    readonly seriesLedger: SeriesLedger;
    /** The arena of the evaluation under way. */
    private arena: SeriesArena | undefined;
    /** The budget was passed once already: said once, on the value that asked; the others stay quiet. */
    private budgetReported = false;
    private numbersOnlyEnvironment: ExpressionEnvironment | undefined;
    /** Its text names something the front end could not resolve: it has errors, though none of them is said here. */
    private readonly namesUnresolved: boolean;
    /** A link between objects is missing or wrong: which objects the systems use is not known. */
    private linksIncomplete = false;

    private constructor(description: ModelDescription, readonly registry: ClassRegistry, options: ModelOptions) {
        this.seriesLedger = options.ledger ?? new SeriesLedger(options.seriesBudget);
        this.description = description;
        // first: the steps place what they add against the period's start (a measurement's runs)
        this.period = this.readPeriod();
        const unread: UnreadValues[] = [];
        for (const step of registry.descriptionSteps) {
            const completed = step(description, this.period.start);
            description = completed.description;
            for (const d of completed.diagnostics ?? []) this.add(d);
            for (const value of completed.unreadValues ?? []) unread.push(value);
        }
        this.description = description;
        this.namesUnresolved = description.namesUnresolved === true;
        this.title = description.settings.title;
        for (const s of description.sources) this.sources.set(s.id, s);
        this.createObjects();
        this.collectInstances();
        this.relations = new Relations(this.instances, this.registry);
        this.reportIgnoredInputs();
        this.reportUnused();
        this.createNodes();
        this.markUnread(unread);
        this.order = this.orderNodes();
    }

    /** Values a step could not give (a measurement's file could not be read): in error, reported once by the step. */
    private markUnread(values: readonly UnreadValues[]): void {
        for (const { object, attributes } of values) {
            for (const name of attributes) {
                const node = this.findNode(object, name);
                if (node) {
                    node.error = INVALID_DEFINITION;
                    node.value = EMPTY;
                }
            }
        }
    }

    /** Builds the model and evaluates every value. */
    static build(description: ModelDescription, registry: ClassRegistry, options: ModelOptions = {}): Model {
        const model = new Model(description, registry, options);
        model.evaluate();
        return model;
    }

    /**
     * Builds and evaluates the model in slices of about `sliceMs`, giving the event loop back between
     * slices (an editor keeps answering keystrokes) and stopping when `cancelled()` says a newer text
     * has come: undefined then, and the arrays taken so far go back to the pool.
     */
    static async buildInSlices(description: ModelDescription, registry: ClassRegistry, cancelled: () => boolean, sliceMs = 4,
        options: ModelOptions = {}): Promise<Model | undefined> {
        const model = new Model(description, registry, options);
        const arena = new SeriesArena(model.seriesLedger);
        const order = model.order;
        let next = 0;
        while (next < order.length) {
            const sliceStart = performance.now();
            model.arena = arena;
            withArena(arena, () => {
                while (next < order.length && performance.now() - sliceStart < sliceMs) model.run(order[next++]);
            });
            model.arena = undefined;
            if (next < order.length) {
                await yieldToEventLoop();
                if (cancelled()) {
                    model.settle(arena);
                    model.dispose();
                    return undefined;
                }
            }
        }
        model.settle(arena);
        return model;
    }

    private allObjects(): EfpObject[] {
        return [...this.objects.values(), ...this.builtins.values()];
    }

    get hasErrors(): boolean {
        return this.namesUnresolved || this.diagnostics.some(d => d.severity === 'error');
    }

    /**
     * Whether its text names something the front end could not resolve (reported there): the model is
     * built and evaluated for what the rest of the text shows, but its figures are not the model's.
     */
    get hasUnresolvedNames(): boolean {
        return this.namesUnresolved;
    }

    /** An object by name: the model's, else the built-in one (or only the built-in one when asked). */
    lookup(id: string, builtin = false): EfpObject | undefined {
        return builtin ? this.builtins.get(id) : this.objects.get(id) ?? this.builtins.get(id);
    }

    node(object: EfpObject, attribute: string): Node {
        const node = object.nodes.get(attribute);
        if (!node && object.inputsInError.has(attribute)) throw new ReportedElsewhere();
        if (!node) throw new ValueError(`${object} has no value '${attribute}'`);
        return node;
    }

    /** A value of an object, by the object's key (its id, `builtin:id` for a built-in). */
    findNode(objectKey: string, attribute: string): Node | undefined {
        return this.nodes.get(nodeKey(objectKey, attribute));
    }

    /** The evaluation order (inputs before what they feed). */
    get evaluationOrder(): readonly Node[] {
        return this.order;
    }

    /** Computes every node in order. */
    evaluate(): void {
        this.evaluating(() => {
            for (const node of this.order) this.run(node);
        });
    }

    /** True once the model gave its arrays back: its values can no longer be read. */
    get disposed(): boolean {
        return this.wasDisposed;
    }

    /**
     * Gives the model's hourly arrays back for the next evaluation to reuse. For a model that has been
     * replaced (an editor re-evaluating after a change); nothing may read its values afterwards: a read
     * throws DisposedModelError, where it would have shown another model's numbers.
     */
    dispose(): void {
        if (this.wasDisposed) return;
        this.wasDisposed = true;
        for (const values of this.ownedArrays) this.giveBack(values);
        this.ownedArrays.clear();
        this.arrayUses.clear();
        const gone = (): never => { throw new DisposedModelError(); };
        for (const node of this.nodes.values()) Object.defineProperty(node, 'value', { get: gone, set: gone, configurable: true });
    }

    /**
     * Runs an evaluation with arrays from the pool; afterwards the arrays no node holds (temporaries)
     * go back to it, and the others are the model's until they are replaced or the model is disposed.
     */
    private evaluating(f: () => void): void {
        const arena = new SeriesArena(this.seriesLedger);
        this.arena = arena;
        try {
            withArena(arena, f);
        } finally {
            this.arena = undefined;
        }
        this.settle(arena);
    }

    /** After an evaluation: arrays no value holds go back to the pool, the others are the model's. */
    private settle(arena: SeriesArena): void {
        for (const values of arena.taken) {
            if (this.arrayUses.get(values)) this.ownedArrays.add(values);
            else this.giveBack(values);
        }
        for (const values of this.replaced) this.giveBack(values);
        this.replaced.length = 0;
    }

    /** An array back to the pool, and out of the model's memory budget. */
    private giveBack(values: Float64Array): void {
        recycle(values);
        this.seriesLedger.giveBack(values.length);
    }

    /**
     * After a value is computed: the arrays its computation took and no value holds (temporaries) go back
     * at once, so that an evaluation holds its values and the temporaries of one value at a time, not the
     * temporaries of all of them until it ends.
     */
    private giveBackTemporaries(arena: SeriesArena, from: number): void {
        const taken = arena.taken;
        let kept = from;
        for (let i = from; i < taken.length; i++) {
            if (this.arrayUses.get(taken[i])) taken[kept++] = taken[i];
            else this.giveBack(taken[i]);
        }
        taken.length = kept;
    }

    /** Counts the node values holding each array; an array of the model no value holds is recycled. */
    private setValue(node: Node, value: NodeValue | undefined): void {
        const old = node.value;
        node.value = value;
        forEachArray(value, a => this.arrayUses.set(a, (this.arrayUses.get(a) ?? 0) + 1));
        forEachArray(old, a => {
            const uses = (this.arrayUses.get(a) ?? 1) - 1;
            if (uses > 0) {
                this.arrayUses.set(a, uses);
                return;
            }
            this.arrayUses.delete(a);
            // recycled when the evaluation ends: until then, formulas may still read the values they replace
            if (this.ownedArrays.delete(a)) this.replaced.push(a);
        });
    }

    /**
     * Replaces the value of a numeric input and recomputes only what depends on it. Returns the number
     * of nodes recomputed, or undefined when the change is structural (a reference, a list) and the
     * model must be built again. Values read before the call may have been replaced and recycled.
     */
    setInput(objectId: string, attribute: string, input: InputDescription): number | undefined {
        const object = this.objects.get(objectId);
        const spec = object?.spec.inputs.find(i => i.name === attribute);
        const node = object && this.findNode(object.key, attribute);
        if (!object || !spec || !node || node.kind !== 'input' || (spec.type !== 'quantity' && spec.type !== 'hourly')) return undefined;
        const resolved: ResolvedInput = { ...input, spec, given: 'user' };
        object.inputs.set(attribute, resolved);
        const before = node.operands;
        try {
            this.defineInputNode(node, resolved);
        } catch (e) {
            if (!(e instanceof ModelError || e instanceof ValueError || e instanceof ReportedElsewhere)) throw e;
            node.compute = () => { throw e; };
        }
        if (before.length !== node.operands.length || before.some((n, i) => n !== node.operands[i])) {
            for (const op of before) op.dependents.splice(op.dependents.indexOf(node), 1);
            for (const op of node.operands) op.dependents.push(node);
            this.order = this.orderNodes();
        }
        let recomputed = 0;
        this.evaluating(() => { recomputed = this.recomputeFrom(node); });
        return recomputed;
    }

    /**
     * Gives some values new ones, then recomputes `nodes` (and only them) in evaluation order: a scenario
     * with a simulation_date, whose recomputed values read their ancestors cut to the date.
     */
    recomputeWith(replacements: ReadonlyMap<Node, NodeValue>, nodes: ReadonlySet<Node>): void {
        this.evaluating(() => {
            for (const [node, value] of replacements) this.setValue(node, value);
            for (const node of this.order) if (nodes.has(node)) this.run(node);
        });
    }

    private recomputeFrom(start: Node): number {
        const dirty = new Set<Node>([start]);
        this.run(start);
        for (let i = start.order + 1; i < this.order.length; i++) {
            const node = this.order[i];
            if (node.operands.some(o => dirty.has(o))) {
                this.run(node);
                dirty.add(node);
            }
        }
        return dirty.size;
    }

    private run(node: Node): void {
        const arena = this.arena;
        const from = arena?.taken.length ?? 0;
        this.compute(node);
        if (arena && arena.taken.length > from) this.giveBackTemporaries(arena, from);
    }

    private compute(node: Node): void {
        if (node.error === CYCLE || node.error === INVALID_DEFINITION || node.error === INPUT_IN_ERROR) return;
        if (node.operands.some(o => o.error !== undefined)) {
            // the operand's problem is reported where it is; its dependents stay quiet
            this.setValue(node, EMPTY);
            node.error = UPSTREAM_ERROR;
            return;
        }
        let value: NodeValue;
        try {
            value = node.compute();
        } catch (e) {
            this.fail(node, e);
            return;
        }
        if (!isFiniteValue(value)) {
            // too large to compute with: reported once, on the input that makes it so; what uses it stays quiet
            this.setValue(node, EMPTY);
            const report = overflowReport(node, value);
            node.error = report.message;
            if (!this.overflowing.has(report.input)) {
                this.overflowing.add(report.input);
                this.report('error', 'out-of-range', report.message, report.origin, report.hint);
            }
            return;
        }
        try {
            if (node.kind === 'calculated') this.checkCalculated(node, value);
        } catch (e) {
            this.fail(node, e);
            return;
        }
        this.setValue(node, value);
        node.error = undefined;
    }

    /** A value that could not be computed: empty, in error, reported where it arises (or already elsewhere). */
    private fail(node: Node, e: unknown): void {
        this.setValue(node, EMPTY);
        if (e instanceof ReportedElsewhere) {
            node.error = UPSTREAM_ERROR;
            return;
        }
        const problem = reportable(e);
        if (!problem) throw e;
        node.error = problem.message;
        if (e instanceof SeriesBudgetError) {
            // past the budget, every value that needs an array fails alike: said once, on the first
            if (this.budgetReported) {
                node.error = UPSTREAM_ERROR;
                return;
            }
            this.budgetReported = true;
        }
        this.reportNodeError(node, problem);
    }

    /** A calculated value within its spec's bounds: not negative where it cannot be, no longer than the period. */
    private checkCalculated(node: Node, value: NodeValue): void {
        const spec = this.calculatedSpecs.get(node);
        if (!spec) return;
        checkCalculatedMin(spec, value, node.unit, node.formula);
        if (spec.withinModelingPeriod && value.kind === 'quantity') {
            const tooLong = longerThanPeriod(value.value, spec.withinModelingPeriod, this.period);
            if (tooLong) throw tooLong;
        }
    }

    /** Input errors read on their own (they are located on the input); calculated ones name the value. */
    private reportNodeError(node: Node, e: ModelError | ValueError): void {
        const origin = (e instanceof ModelError ? e.origin : undefined) ?? node.input?.origin ?? node.object.origin;
        // one cause, one message: an unknown catalogue name makes several of an object's values fail alike
        if (origin && this.causesAt.get(origin)?.has(e.message)) return;
        // a vague error on an object one of whose inputs is said to be missing or wrong comes from that input
        if (!(e instanceof ModelError) && node.object.inputsInError.size > 0) return;
        // so may a calculated value's, there or anywhere in a model whose text names something unknown (left out):
        // it is said once the text is whole, if it still is one
        if (node.kind === 'calculated' && (node.object.inputsInError.size > 0 || this.namesUnresolved)) return;
        const message = node.kind === 'input' ? e.message : `${node.object}: ${node.attribute}: ${e.message}`;
        if (e instanceof ModelError) this.report('error', e.code, message, origin, e.hint, e.data);
        else this.report('error', 'evaluation-error', message, origin);
    }

    private report(severity: EngineDiagnostic['severity'], code: DiagnosticCode, message: string, origin?: Origin, hint?: string, data?: DiagnosticData): void {
        this.add({ severity, code, message, origin, hint, data });
    }

    private add(diagnostic: EngineDiagnostic): void {
        this.diagnostics.push(diagnostic);
        const { origin, message } = diagnostic;
        if (!origin) return;
        // what follows each `: ` of the message (`server x: power: <cause>`), looked up by reportNodeError
        let causes = this.causesAt.get(origin);
        if (!causes) this.causesAt.set(origin, (causes = new Set()));
        for (let at = message.indexOf(': '); at >= 0; at = message.indexOf(': ', at + 1)) causes.add(message.slice(at + 2));
    }

    /** The environment of values that name no other value. */
    private get numbersOnly(): ExpressionEnvironment {
        return this.numbersOnlyEnvironment ??= {
            period: this.period,
            files: this.description.files,
            valueOfRef: ref => { throw new ModelError('invalid-value', 'this value names no other value', ref.origin); },
            dimensionOfRef: ref => { throw new ModelError('invalid-value', 'this value names no other value', ref.origin); }
        };
    }

    private readPeriod(): ModelPeriod {
        const { start_date, modeling_duration } = this.description.settings;
        let start = utcHourOf(DEFAULT_START);
        if (start_date) {
            if (start_date.expr.kind === 'date') {
                try {
                    start = utcHourOf(start_date.expr.value);
                } catch (e) {
                    this.report('error', 'invalid-value', (e as Error).message, start_date.expr.origin);
                }
            } else {
                this.report('error', 'invalid-value', 'start_date must be a date like 2025-01-01', start_date.origin);
            }
        }
        let durationValue = DEFAULT_DURATION.value;
        let durationUnit = DEFAULT_DURATION.unit;
        if (modeling_duration) {
            const expr = modeling_duration.expr;
            try {
                const value = evaluateExpression(expr, this.constantEnvironment(start));
                if (value.kind !== 'quantity' || !value.dimension.equals(Dimension.base('time')) || value.value <= 0) {
                    throw new ModelError('invalid-value', 'modeling_duration must be a positive duration such as 3 year', expr.origin);
                }
                if (expr.kind === 'number' && expr.unit) {
                    durationValue = expr.value;
                    durationUnit = expr.unit;
                } else {
                    durationValue = value.value / 86400;
                    durationUnit = 'day';
                }
            } catch (e) {
                if (!(e instanceof ModelError)) throw e;
                this.report('error', e.code, e.message, e.origin ?? modeling_duration.origin, e.hint, e.data);
            }
        }
        let hours = durationValue * parseUnit(durationUnit).factor / 3600;
        if (hours > MAX_MODELING_HOURS) {
            this.report('error', 'out-of-range', `modeling_duration must be at most ${MAX_MODELING_YEARS} years, got ${+yearsOf(hours).toPrecision(4)} years`,
                modeling_duration?.expr.origin, 'Hourly series over longer periods would not fit in memory.');
            hours = MAX_MODELING_HOURS;
            durationValue = MAX_MODELING_YEARS;
            durationUnit = 'year';
        }
        return { start, length: Math.trunc(hours + 1e-9), durationValue, durationUnit };
    }

    /** For values that must not depend on the model (the modeling period itself). */
    private constantEnvironment(start: number): ExpressionEnvironment {
        return {
            period: { start, length: 0, durationValue: 0, durationUnit: 'h' },
            valueOfRef: ref => { throw new ModelError('invalid-value', 'this value cannot depend on other values', ref.origin); },
            dimensionOfRef: ref => { throw new ModelError('invalid-value', 'this value cannot depend on other values', ref.origin); }
        };
    }

    private createObjects(): void {
        for (const description of this.description.objects) {
            const spec = this.registry.classSpec(description.className);
            if (!spec) {
                this.report('error', 'unknown-class', `unknown kind of object '${description.className}'`, description.origin,
                    `Kinds: ${this.registry.specs.map(c => c.keyword).join(', ')}.`);
                continue;
            }
            const table = description.builtin ? this.builtins : this.objects;
            const first = table.get(description.id);
            if (first) {
                // reported on both, as they may be in different files
                const where = (o?: Origin) => (o ? ` (${o.uri.split('/').pop()}:${o.range.start.line + 1})` : '');
                this.report('error', 'duplicate-name', `'${description.id}' is declared twice${where(first.origin)}`, description.origin, 'Give each object its own name.');
                this.report('error', 'duplicate-name', `'${description.id}' is declared twice${where(description.origin)}`, first.origin, 'Give each object its own name.');
                continue;
            }
            table.set(description.id, new EfpObject(description, spec));
        }
    }

    /** User value, else the archetype's (transitively), else e-footprint's default. */
    private resolveInputs(object: EfpObject): void {
        const description = object.description;
        const spec = object.spec;
        const unresolved = description.unresolvedInputs ?? {};
        for (const name in unresolved) {
            // reported by the front end: read as not written, and not as missing either
            object.inputsInError.add(name);
            if (isLink(spec.inputs.find(i => i.name === name))) this.linksIncomplete = true;
        }
        for (const name of [...Object.keys(description.inputs), ...Object.keys(unresolved)]) {
            const input = description.inputs[name] ?? unresolved[name];
            if (!spec.inputs.some(i => i.name === name)) {
                const guess = didYouMean(name, spec.inputs.map(i => i.name));
                this.report('error', 'unknown-attribute', `${spec.article} has no input '${name}'`, input.nameOrigin ?? input.origin,
                    guess ? didYouMeanHint(guess) : `Inputs of ${spec.keyword}: ${spec.inputs.map(i => i.name).join(', ')}.`, suggestionData(name, guess));
            }
        }
        const archetypes = this.archetypeChain(object);
        for (const input of spec.inputs) {
            if (object.inputsInError.has(input.name)) continue;
            const own = description.inputs[input.name];
            if (own) {
                object.inputs.set(input.name, resolvedInput(own, input, 'user', own.source ?? 'user_data', own.origin));
                continue;
            }
            let inherited: InputDescription | undefined;
            for (let i = 0; i < archetypes.length && !inherited; i++) inherited = archetypes[i].inputs[input.name];
            if (inherited) {
                object.inputs.set(input.name, resolvedInput(inherited, input, 'archetype', inherited.source, inherited.origin));
                continue;
            }
            const fallback = defaultInputOf(input);
            if (fallback) {
                object.inputs.set(input.name, resolvedInput(fallback, input, 'default', fallback.source, fallback.origin));
            } else if (input.type === 'refs' && input.requiredUnless?.some(other => description.inputs[other] ?? description.unresolvedInputs?.[other])) {
                const none: InputDescription = { expr: { kind: 'list', items: [] }, source: 'hypothesis' };
                object.inputs.set(input.name, resolvedInput(none, input, 'default', none.source, undefined));
            } else if (description.archetypeUnresolved) {
                // it may have come from the archetype the front end could not find: that error says it
                object.inputsInError.add(input.name);
                if (isLink(input)) this.linksIncomplete = true;
            } else if (isRequired(input)) {
                object.inputsInError.add(input.name);
                if (isLink(input)) this.linksIncomplete = true;
                const why = input.description.charAt(0).toLowerCase() + input.description.slice(1).replace(/\.$/, '');
                this.report('error', 'missing-input', `${object} needs '${input.name}' (${why})`, object.origin,
                    `Add '${input.name}: …' to ${object.id}.`, { kind: 'missing-input', input: input.name });
            }
        }
    }

    private archetypeChain(object: EfpObject): ObjectDescription[] {
        const chain: ObjectDescription[] = [];
        let id = object.description.archetype;
        let builtin = object.description.archetypeIsBuiltin ?? false;
        const seen = new Set<EfpObject>([object]);
        while (id !== undefined) {
            const archetype = this.lookup(id, builtin);
            if (!archetype) {
                this.report('error', 'unknown-object', `unknown archetype '${id}'`, object.origin);
                break;
            }
            if (seen.has(archetype)) {
                this.report('error', 'cycle', `${object} inherits from itself through '${id}'`, object.origin);
                break;
            }
            if (archetype.className !== object.className) {
                this.report('error', 'wrong-kind', `${object} cannot be made from '${id}', which is ${archetype.spec.article}`, object.origin);
                break;
            }
            seen.add(archetype);
            chain.push(archetype.description);
            id = archetype.description.archetype;
            builtin = archetype.description.archetypeIsBuiltin ?? archetype.description.builtin ?? false;
        }
        return chain;
    }

    /** References, lists and weighted lists become links between objects; enums and texts are read. */
    private resolveStructure(object: EfpObject): void {
        for (const [name, input] of object.inputs) {
            const spec = input.spec;
            try {
                switch (spec.type) {
                    case 'ref':
                        object.refs.set(name, this.objectRef(input.expr, spec.classes, name));
                        break;
                    case 'refs':
                        object.lists.set(name, this.listItems(input.expr, name).map(e => this.objectRef(e, spec.classes, name)));
                        break;
                    case 'weighted':
                        object.weighted.set(name, this.weightedItems(input.expr, spec.classes, name));
                        break;
                    case 'enum':
                        object.texts.set(name, this.enumValue(input.expr, spec.values, name));
                        break;
                    case 'text':
                        if (input.expr.kind !== 'text') throw new ModelError('invalid-value', `'${name}' expects a text in quotes`, input.expr.origin);
                        if (name === 'timezone' && !isValidTimezone(input.expr.value)) {
                            throw new ModelError('invalid-value', `unknown time zone '${input.expr.value}'`, input.expr.origin,
                                'Use an IANA time zone name such as "Europe/Paris" or "America/New_York".');
                        }
                        object.texts.set(name, input.expr.value);
                        break;
                    default:
                        break;
                }
            } catch (e) {
                if (!(e instanceof ModelError)) throw e;
                object.inputsInError.add(name);
                if (isLink(spec)) this.linksIncomplete = true;
                this.report('error', e.code, `${object}: ${e.message}`, e.origin ?? input.origin, e.hint, e.data);
            }
        }
    }

    private objectRef(expr: ExprDescription, classes: readonly string[], input: string): EfpObject {
        if (expr.kind !== 'ref' || expr.path.length > 0) {
            throw new ModelError('wrong-kind', `'${input}' expects ${this.articleOf(classes)}`, expr.origin);
        }
        const target = this.lookup(expr.object, expr.builtin);
        if (!target) throw new ModelError('unknown-object', `unknown object '${expr.object}'`, expr.origin);
        if (!classes.some(c => this.registry.isA(target.className, c))) {
            throw new ModelError('wrong-kind', `'${input}' expects ${this.articleOf(classes)}, but '${expr.object}' is ${target.spec.article}`, expr.origin);
        }
        return target;
    }

    /** `a server or a cloud server`: the classes an input accepts (those it names and their subclasses), in words. */
    private articleOf(classes: readonly string[]): string {
        return this.registry.classesOf(classes).map(c => this.registry.classSpec(c)?.article ?? c).join(' or ');
    }

    private listItems(expr: ExprDescription, input: string): readonly ExprDescription[] {
        if (expr.kind === 'list') return expr.items;
        if (expr.kind === 'ref') return [expr];
        throw new ModelError('invalid-value', `'${input}' expects a list like [a, b]`, expr.origin);
    }

    private weightedItems(expr: ExprDescription, classes: readonly string[], input: string): Weighted[] {
        const merged: Weighted[] = [];
        /** Where each object is in `merged` (a scan of it for each item was quadratic in a journey's steps). */
        const position = new Map<EfpObject, number>();
        for (const item of this.listItems(expr, input)) {
            let ref = item;
            let weight = 1;
            if (item.kind === 'binary' && item.operator === '*') {
                const [r, w] = item.left.kind === 'ref' ? [item.left, item.right] : [item.right, item.left];
                if (w.kind !== 'number' || (w.unit ?? '') !== '') {
                    throw new ModelError('invalid-value', `a weight in '${input}' must be a plain number, as in [step * 2]`, w.origin ?? item.origin);
                }
                ref = r;
                weight = w.value;
            }
            const object = this.objectRef(ref, classes, input);
            const existing = position.get(object);
            // e-footprint keeps one entry per object: repeats add up
            if (existing !== undefined) merged[existing] = { object, weight: merged[existing].weight + weight };
            else position.set(object, merged.push({ object, weight }) - 1);
        }
        return merged;
    }

    private enumValue(expr: ExprDescription, values: readonly string[], input: string): string {
        const written = expr.kind === 'symbol' ? expr.label ?? expr.name : expr.kind === 'text' ? expr.value
            : expr.kind === 'ref' && expr.path.length === 0 ? expr.object : undefined;
        const value = values.find(v => v === written || v.replace(/-/g, '_') === written);
        if (value === undefined) {
            throw new ModelError('invalid-value', `'${input}' is one of ${values.map(v => v.replace(/-/g, '_')).join(', ')}`, expr.origin);
        }
        return value;
    }

    /**
     * User objects, and the built-in ones they reach (countries, archetype devices...). Objects are
     * resolved as they are reached, so the hundred-odd built-ins a model does not use cost nothing.
     */
    private collectInstances(): void {
        const included = new Set<EfpObject>();
        // depth first, in the order of a recursive walk (its diagnostics come in that order), on a stack of
        // its own: a chain of objects naming the next one may be longer than the JavaScript stack is deep
        const stack: EfpObject[] = [];
        for (const root of this.objects.values()) {
            stack.push(root);
            while (stack.length > 0) {
                const o = stack.pop()!;
                if (included.has(o)) continue;
                included.add(o);
                this.resolveInputs(o);
                this.resolveStructure(o);
                const next = linkedObjects(o);
                for (const input of o.inputs.values()) {
                    if (input.spec.type !== 'quantity' && input.spec.type !== 'hourly') continue;
                    for (const ref of collectRefs(input.expr)) {
                        const target = this.lookup(ref.object, ref.builtin);
                        if (target) next.push(target);
                    }
                }
                for (let i = next.length - 1; i >= 0; i--) if (!included.has(next[i])) stack.push(next[i]);
            }
        }
        for (const o of this.allObjects()) if (included.has(o)) this.instances.push(o);
    }

    /**
     * Inputs written where e-footprint does not read them (a spec's `usedWhen`: fixed_nb_of_instances on
     * an autoscaling server, a storage's power): a warning on the input, saying why, rather than a number
     * silently left out; its data lets the editor remove the input.
     */
    private reportIgnoredInputs(): void {
        for (const object of this.objects.values()) {
            for (const spec of object.spec.inputs) {
                const input = object.inputs.get(spec.name);
                if (!spec.usedWhen || input?.given !== 'user') continue;
                const ignored = ignoredBecause(spec.name, spec.usedWhen, object, input, this.relations);
                if (ignored) {
                    this.report('warning', 'ignored-input', ignored.message, input.nameOrigin ?? input.origin, ignored.hint,
                        { kind: 'ignored-input', input: spec.name });
                }
            }
        }
    }

    /** Objects no system uses (a hint: their footprint counts nowhere), when the model has a system. */
    private reportUnused(): void {
        const systems = this.instances.filter(o => o.className === 'System');
        // with a link missing or wrong, or a name unknown (a scenario's change left out), an object may be unused
        // only because of it: that error is the one to fix
        if (systems.length === 0 || this.linksIncomplete || this.namesUnresolved) return;
        const used = this.relations.usedBy(systems);
        // what a scenario adds (a step it puts in a journey) is used from the scenario on
        for (const o of objectsReachedByScenarios(this.description, (id, builtin) => this.lookup(id, builtin))) used.add(o);
        for (const object of this.objects.values()) {
            // a budget stands beside the systems, limiting them
            if (used.has(object) || object.spec.efpOnly) continue;
            this.report('hint', 'unused', `${object} is not used by any system, so its footprint counts nowhere`, object.origin,
                'Reference it from a usage pattern, journey, step or job of a system, or remove it.');
        }
    }

    private createNodes(): void {
        // every node first (formulas look up the nodes of other objects), then their definitions
        const created: Node[] = [];
        for (const object of this.instances) {
            for (const input of object.spec.inputs) {
                const resolved = object.inputs.get(input.name);
                if (!resolved || (input.type !== 'quantity' && input.type !== 'hourly')) continue;
                const node = this.newNode(object, input.name, 'input', input.label, unitFor(input, object));
                node.input = resolved;
                created.push(node);
            }
            for (const calculated of object.spec.calculated) {
                const node = this.newNode(object, calculated.name, 'calculated', calculated.label, unitFor(calculated, object));
                node.itemLabel = calculated.itemLabel;
                this.calculatedSpecs.set(node, calculated);
                created.push(node);
            }
        }
        for (const node of created) {
            try {
                if (node.input) {
                    this.defineInputNode(node, node.object.inputs.get(node.attribute)!);
                } else {
                    const definition = this.calculatedSpecs.get(node)!.define(node.object, this);
                    node.operands = definition.operandOrder ? definition.operandOrder.slice() : operandList(definition.operands);
                    node.formula = definition.formula;
                    node.compute = definition.compute;
                }
            } catch (e) {
                if (!(e instanceof ModelError || e instanceof ValueError || e instanceof ReportedElsewhere)) throw e;
                node.compute = computeEmpty;
                node.operands = [];
                node.value = EMPTY;
                if (e instanceof ReportedElsewhere) {
                    node.error = INPUT_IN_ERROR;
                } else {
                    node.error = INVALID_DEFINITION;
                    this.reportNodeError(node, e);
                }
            }
            for (const op of node.operands) op.dependents.push(node);
        }
        // a list grown by push keeps room for 17 (152 bytes); most values have one or two dependents
        for (const node of created) if (node.dependents.length > 0) node.dependents = node.dependents.slice();
    }

    private newNode(object: EfpObject, attribute: string, kind: Node['kind'], label: string, unit: string): Node {
        // every property from the start: one shape for all nodes, none added later
        const node: Node = {
            key: nodeKey(object.key, attribute), object, attribute, kind, label, unit, formula: '', operands: [], dependents: [],
            compute: computeEmpty, value: undefined, error: undefined, order: -1, input: undefined, itemLabel: undefined
        };
        this.nodes.set(node.key, node);
        object.nodes.set(attribute, node);
        return node;
    }

    /** An input's operands are the values its expression names; its value is checked against the input's dimension. */
    private defineInputNode(node: Node, input: ResolvedInput): void {
        const spec = input.spec as Extract<InputSpec, { type: 'quantity' | 'hourly' }>;
        node.operands = [];
        node.formula = input.text ?? '';
        node.compute = computeEmpty;
        const refs = collectRefs(input.expr);
        // most inputs are numbers: they share one environment, where a map and two functions each added up
        let env = this.numbersOnly;
        if (refs.length > 0) {
            const refNodes = new Map<RefExpr, Node>();
            env = {
                period: this.period,
                files: this.description.files,
                valueOfRef: ref => {
                    const value = refNodes.get(ref)?.value;
                    if (value === undefined || value.kind === 'dict') return EMPTY;
                    return value;
                },
                dimensionOfRef: ref => parseUnit(refNodes.get(ref)!.unit).dimension
            };
            for (const ref of refs) {
                const target = this.resolveRefNode(ref);
                refNodes.set(ref, target);
                if (!node.operands.includes(target)) node.operands.push(target);
            }
        }
        // a unit the object's links give (a need's, its component's): unknown while one of its inputs is in error
        if (spec.type === 'hourly' && spec.unitOf && spec.unitOf(node.object) === undefined && node.object.inputsInError.size > 0) throw new ReportedElsewhere();
        const specUnit = unitFor(spec, node.object);
        const expected = parseUnit(specUnit).dimension;
        const actual = inferDimension(input.expr, env);
        const coercion = coercionBetween(actual, expected);
        if (coercion === undefined) {
            const written = input.text ? `; \`${input.text}\` is ${describeDimension(actual)}` : `, got ${describeDimension(actual)}`;
            // a number and its unit: the quick fix offers it in the unit expected, or converted (unit-choices.ts)
            const data: DiagnosticData | undefined = input.expr.kind === 'number' && input.expr.origin
                ? { kind: 'wrong-unit', value: input.expr.value, unit: input.expr.unit ?? '', expected: specUnit }
                : undefined;
            throw new ModelError('dimension-mismatch', `'${spec.name}' expects ${describeDimension(expected)}${written}`, input.expr.origin ?? input.origin,
                dimensionHint(specUnit), data);
        }
        const written = writtenUnit(input.expr);
        node.unit = written !== undefined && written !== '' ? coerceUnitText(written, coercion) : specUnit;
        const period = this.period;
        node.compute = () => {
            let value = evaluateExpression(input.expr, env);
            if (value.kind !== 'empty' && coercion !== 'none') value = { ...value, dimension: expected };
            if (spec.type === 'hourly' && spec.weekly) {
                value = typicalWeek(value, spec.name, input);
            } else if (spec.type === 'hourly' && value.kind === 'quantity') {
                value = hourly(HourlySeries.constant(period.start, period.length, value.value), value.dimension);
            }
            if (spec.type === 'quantity' && value.kind === 'hourly') {
                throw new ModelError('invalid-value', `'${spec.name}' takes a single value, not an hourly series`, input.expr.origin ?? input.origin);
            }
            if (!isFinite(value)) {
                throw new ModelError('invalid-value', `'${spec.name}' is not a finite number`, input.expr.origin ?? input.origin,
                    'Check for a division by zero or a number too large to compute with.');
            }
            if (spec.type === 'quantity' && value.kind === 'quantity') {
                checkRange(spec, value.value, input);
                const tooLong = spec.withinModelingPeriod && longerThanPeriod(value.value, spec.withinModelingPeriod, period,
                    input.expr.kind === 'number' ? input.text : undefined);
                if (tooLong) throw new ModelError(tooLong.code, tooLong.message, input.expr.origin ?? input.origin, tooLong.hint);
            }
            if (spec.type === 'hourly' && value.kind === 'hourly') checkHourlyRange(spec, value.series, specUnit, input);
            return value;
        };
    }

    /** `web.ram`, `job.server.power`: the node a reference names. */
    private resolveRefNode(ref: RefExpr): Node {
        const first = this.lookup(ref.object, ref.builtin);
        if (!first) throw new ModelError('unknown-object', `unknown object '${ref.object}'`, ref.origin);
        let object: EfpObject = first;
        if (ref.path.length === 0) {
            throw new ModelError('invalid-value', `'${ref.object}' is ${object.spec.article}, not a number`, ref.origin,
                `Name one of its values, e.g. ${ref.object}.${object.spec.inputs.find(i => i.type === 'quantity')?.name ?? 'value'}.`);
        }
        for (const step of ref.path.slice(0, -1)) {
            const next: EfpObject | undefined = object.refs.get(step);
            if (!next && object.inputsInError.has(step)) throw new ReportedElsewhere();
            if (!next) {
                throw new ModelError('unknown-attribute', `${object} has no reference '${step}' to follow`, ref.origin);
            }
            object = next;
        }
        const attribute = ref.path[ref.path.length - 1];
        const node = this.findNode(object.key, attribute);
        if (!node && object.inputsInError.has(attribute)) throw new ReportedElsewhere();
        if (!node) {
            const names = [...object.spec.inputs.map(i => i.name), ...object.spec.calculated.map(c => c.name)];
            const known = names.includes(attribute);
            const guess = known ? undefined : didYouMean(attribute, names);
            throw new ModelError('unknown-attribute', known ? `${object} has no value for '${attribute}'` : `${object.spec.article} has no value '${attribute}'`,
                ref.origin, guess ? didYouMeanHint(guess) : undefined, suggestionData(attribute, guess));
        }
        if (node.itemLabel) {
            throw new ModelError('invalid-value', `'${attribute}' has one value per ${attribute.endsWith('_job') ? 'job' : 'usage pattern'}; it cannot be used in an expression`, ref.origin);
        }
        return node;
    }

    private orderNodes(): Node[] {
        const { order, cycles } = topologicalOrder([...this.nodes.values()]);
        for (const cycle of cycles) {
            const path = cyclePath(cycle.map(n => `${n.object.id}.${n.attribute}`));
            const message = shownInFull(cycle.length) ? `reference cycle: ${path}` : `reference cycle of ${formatNumber(cycle.length, 0)} values: ${path}`;
            for (const node of cycle) {
                node.error = CYCLE;
                node.value = EMPTY;
                this.report('error', 'cycle', message, node.input?.origin ?? node.object.origin,
                    'A value cannot depend on itself; break the cycle by giving one of these a number.');
            }
        }
        order.forEach((n, i) => { n.order = i; });
        return order;
    }
}

/** An input that links objects (a reference, a list of them): without it, what the systems use is not known. */
function isLink(spec: InputSpec | undefined): boolean {
    return spec?.type === 'ref' || spec?.type === 'refs' || spec?.type === 'weighted';
}

/**
 * The problems a value can have that are the model's (reported, located), as opposed to bugs: a model or
 * value error, or a series the budget refuses (reported on the value that asked for it).
 */
function reportable(e: unknown): ModelError | ValueError | undefined {
    if (e instanceof ModelError || e instanceof ValueError) return e;
    if (e instanceof SeriesLimitError || e instanceof SeriesBudgetError) return new ModelError('out-of-range', e.message, undefined, e.hint);
    return undefined;
}

/** Lets pending events run (setImmediate where there is one: a timer waits a millisecond or more). */
function yieldToEventLoop(): Promise<void> {
    const immediate = (globalThis as { setImmediate?: (f: () => void) => void }).setImmediate;
    return new Promise(resolve => (immediate ? immediate(resolve) : setTimeout(resolve, 0)));
}

/** Calls `f` with every hourly array a value holds (a value per object may hold several). */
function forEachArray(value: NodeValue | undefined, f: (values: Float64Array) => void): void {
    if (!value) return;
    if (value.kind === 'hourly') f(value.series.base);
    else if (value.kind === 'dict') for (const item of value.items.values()) if (item.kind === 'hourly') f(item.series.base);
}

function isFinite(value: NumericValue): boolean {
    if (value.kind === 'quantity') return Number.isFinite(value.value);
    if (value.kind === 'hourly') {
        if (!Number.isFinite(value.series.factor)) return false;
        const v = value.series.base;
        for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
    }
    return true;
}

/** A typical week's input: a single value fills the week; a list must have a value for each of its 168 hours. */
function typicalWeek(value: NumericValue, name: string, input: ResolvedInput): NumericValue {
    if (value.kind === 'quantity') return hourly(constantWeek(value.value), value.dimension);
    if (value.kind === 'hourly') {
        if (value.series.length !== HOURS_IN_WEEK) {
            throw new ModelError('invalid-value', `'${name}' is a typical week: it needs ${HOURS_IN_WEEK} hourly values (from Monday 00:00), got ${value.series.length}`,
                input.expr.origin ?? input.origin, 'Write weekly_values([…]) with 168 values, or a single value for every hour.');
        }
        return hourly(new HourlySeries(TYPICAL_WEEK_START, value.series.values), value.dimension);
    }
    return value;
}

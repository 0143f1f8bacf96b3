import type { EfpObject } from './efp-object.js';
import type { Model } from './model.js';
import type { Node, NodeValue } from './node.js';

/** A built-in default: a value in a unit, with the source e-footprint gives for it. */
export interface DefaultValue {
    readonly value: number;
    readonly unit: string;
    readonly source?: string;
}

interface InputSpecBase {
    /** e-footprint's parameter name. */
    readonly name: string;
    /** e-footprint's label for the value. */
    readonly label: string;
    /** One line, in our words, for completion and hover. */
    readonly description: string;
    /**
     * efp's own input, which e-footprint's class does not take: never written to e-footprint JSON (its
     * loader passes every key to the class, so an unknown one would stop the load).
     */
    readonly efpOnly?: boolean;
    /**
     * The input whose data fills this one in when the model does not give it: a measurement's values are
     * read from its `file`. Such an input is never missing, though it has no default.
     */
    readonly readFrom?: string;
    /** When e-footprint reads it, if not always: written where it is not read, it changes nothing. */
    readonly usedWhen?: InputUse;
}

/**
 * When e-footprint reads an input. A model that writes it where it is not read gets a warning on it
 * (`ignored-input`, with a quick fix removing it) rather than a number silently left out; the model reads
 * these generically (model.ts, `reportIgnoredInputs`).
 */
export type InputUse =
    /** When an enumerated input of the object itself has one of `values` (spelled as e-footprint spells them). */
    | { readonly when: 'own-input'; readonly input: string; readonly values: readonly string[] }
    /** When that enumerated input of the server the object is attached to (a storage's) has one of `values`. */
    | { readonly when: 'server-input'; readonly input: string; readonly values: readonly string[] }
    /**
     * Never: e-footprint sets the value itself, `why` says how ("storage energy is not modeled"). Writing
     * the value e-footprint sets, the input's default, is no mistake: e-footprint's own JSON writes it, so imported
     * models do.
     */
    | { readonly when: 'never'; readonly why: string };

/** A number with a unit; `unit` fixes the expected dimension and the unit values are shown in. */
export interface QuantityInputSpec extends InputSpecBase {
    readonly type: 'quantity';
    readonly unit: string;
    readonly default?: DefaultValue;
    /** Absent means e-footprint's "no value" rather than a default (on-premise fixed instances). */
    readonly optional?: boolean;
    /** Inclusive bounds of a sensible value, in `unit`. */
    readonly min?: number;
    readonly max?: number;
    /** Values above `min` only. */
    readonly exclusiveMin?: boolean;
    /**
     * A duration that cannot be longer than the modeling period (a step's user time, a request): e-footprint
     * would spread it over hours past the period's end, each an array slot, so `20000 year` for `20000 min`
     * would take gigabytes. The text names it in the message ("user time").
     */
    readonly withinModelingPeriod?: string;
}

/**
 * An hourly series (a usage pattern's journey starts), or with `weekly` a typical week: 168 values from
 * Monday 00:00 local time, e-footprint's recurrent quantities (an edge need's `recurrent_need`).
 */
export interface HourlyInputSpec extends InputSpecBase {
    readonly type: 'hourly';
    readonly unit: string;
    readonly weekly?: boolean;
    /** A single value given here means that value every hour of the week. */
    readonly default?: DefaultValue;
    /** The unit when it depends on the object (a component need's unit follows its component's kind). */
    readonly unitOf?: (object: EfpObject) => string | undefined;
    /** Inclusive bounds of every hour's value, in the unit (journey starts are never negative). */
    readonly min?: number;
    readonly max?: number;
}

/** One object of the given classes (a class names it and those that inherit from it: `ServerBase`). */
export interface RefInputSpec extends InputSpecBase {
    readonly type: 'ref';
    readonly classes: readonly string[];
}

/** A list of objects of the given classes (and of those that inherit from them). */
export interface RefsInputSpec extends InputSpecBase {
    readonly type: 'refs';
    readonly classes: readonly string[];
    /** A required list that may be left out when the object gives one of these other inputs: it is then empty. */
    readonly requiredUnless?: readonly string[];
}

/** A list of objects of the given classes (and of those that inherit from them) with a number of times each (`[watch * 2, capture]`). */
export interface WeightedInputSpec extends InputSpecBase {
    readonly type: 'weighted';
    readonly classes: readonly string[];
    /** e-footprint's label of a weight ("Times per journey"). */
    readonly weightLabel: string;
}

/** One of a fixed set of values; `values` are e-footprint's spellings. */
export interface EnumInputSpec extends InputSpecBase {
    readonly type: 'enum';
    readonly values: readonly string[];
    readonly default?: string;
}

/** Free text (a time zone). */
export interface TextInputSpec extends InputSpecBase {
    readonly type: 'text';
    readonly default?: string;
    /** Absent means no value rather than a default (a cloud server's region, a BoAmps field not reported). */
    readonly optional?: boolean;
}

/** An input whose value is objects: one, a list, or a weighted list. */
export type ReferenceInputSpec = RefInputSpec | RefsInputSpec | WeightedInputSpec;

export type InputSpec = QuantityInputSpec | HourlyInputSpec | RefInputSpec | RefsInputSpec | WeightedInputSpec
    | EnumInputSpec | TextInputSpec;

/**
 * The values a formula reads, keyed by the e-footprint name of the attribute each one is: one node of an
 * object, or a list of the same attribute read on several objects (each job's
 * `hourly_avg_occurrences_across_usage_patterns`), possibly empty. A formula's text names exactly these
 * keys (test/engine/formula-texts.test.ts), so what a hover shows is what the code reads.
 */
export type FormulaOperands = Readonly<Record<string, Node | readonly Node[]>>;

/** What a calculated attribute needs and how it is computed, for one object. */
export interface FormulaDefinition {
    /** The nodes it reads (its operands in the calculus graph), by name. */
    readonly operands: FormulaOperands;
    /**
     * The same nodes in the order the node keeps them, when it is not name after name: a formula that reads
     * several values of each of many objects (each job's duration, occurrences and energy) lists them object
     * by object, as hovers and the calculus graph (whose layout follows the order) have always shown them.
     */
    readonly operandOrder?: readonly Node[];
    /** The formula in e-footprint's attribute names, for hover and the calculus graph. */
    readonly formula: string;
    readonly compute: () => NodeValue;
}

/**
 * A formula's operands as one list, what nodes keep: key after key in the order they were written, each
 * list in its order (attribute names are never integer-like keys, which objects would put first).
 */
export function operandList(operands: FormulaOperands): Node[] {
    const list: Node[] = [];
    for (const key in operands) {
        const value = operands[key];
        if (isNodeList(value)) for (const node of value) list.push(node);
        else list.push(value);
    }
    // a list grown by push keeps room for 17; a model may have 100,000 nodes, most with one to five operands
    return list.slice();
}

function isNodeList(value: Node | readonly Node[]): value is readonly Node[] {
    return Array.isArray(value);
}

export interface CalculatedSpec {
    readonly name: string;
    readonly label: string;
    /** Unit of the values (of each item, for a value per object). */
    readonly unit: string;
    /** A value per usage pattern or per job, keyed by that object; `itemLabel` names each item. */
    readonly itemLabel?: (item: EfpObject) => string;
    /** The unit when it depends on the object (an edge need's values are in its component's unit). */
    readonly unitOf?: (object: EfpObject) => string | undefined;
    readonly define: (object: EfpObject, model: Model) => FormulaDefinition;
    /**
     * The least value any hour (of any item) may take, in the unit: a footprint or a stored volume cannot
     * be negative, and one that comes out negative is an error on the object rather than a result.
     */
    readonly min?: number;
    /** As for an input: a computed duration that cannot be longer than the modeling period, named in messages. */
    readonly withinModelingPeriod?: string;
    /**
     * Why the value is empty when it is, in a few words that the calculus graph and hovers show instead of
     * a bare "empty" (model/empty-reason.ts): a value empty by definition (a check, a footprint e-footprint
     * does not model), or a sum over related objects there are none of (a server's jobs). Values empty
     * because what they are computed from is empty need none: the reason is found there. A text speaks of
     * the value itself ("it"); a function is given the object and names it.
     */
    readonly emptyBecause?: string | ((object: EfpObject) => string);
}

/** Object categories of e-footprint's system totals. */
export type FootprintCategory = 'Servers' | 'Storage' | 'ExternalAPIs' | 'Network' | 'Devices' | 'EdgeDevices'
    /** efp's addition: runs measured by CodeCarbon that a system lists. */
    | 'Measurements';

export interface ClassSpec {
    /** e-footprint's class name. */
    readonly className: string;
    /**
     * The e-footprint classes it directly inherits from, as e-footprint 22.2.1 declares it: concrete ones
     * (a cloud server is a `Server`) or abstract ones (`ServerBase`, `JobBase`: src/engine/classes/abstract-classes.ts);
     * `ModelingObject` for a class with no other base. Absent for efp's own classes (a budget, a measurement),
     * which e-footprint does not know. Inputs name the classes they take the same way (`classes: ['JobBase']`).
     */
    readonly extends?: readonly string[];
    /** The .efp keyword that declares it. */
    readonly keyword: string;
    /** In words, with article: "a server". */
    readonly article: string;
    readonly description: string;
    readonly inputs: readonly InputSpec[];
    /**
     * The inputs people most often set, besides those a model must give: the class's snippet offers them,
     * with e-footprint's defaults as placeholders (a server's power, lifespan and RAM). In the spec's order.
     */
    readonly typicalInputs?: readonly string[];
    readonly calculated: readonly CalculatedSpec[];
    /** The reference input `kind x on y` gives (a job's server, a video job's service); none: `on` is not allowed. */
    readonly onInput?: string;
    /** efp's own (a budget), not an e-footprint class: never written to e-footprint JSON. */
    readonly efpOnly?: boolean;
    /** Objects whose footprint the system totals count, and under which category. */
    readonly category?: FootprintCategory;
    /** How the class reads and writes e-footprint's JSON where that is not its inputs one for one. */
    readonly efootprintJson?: EfootprintJsonMapping;
}

/**
 * Where a class and e-footprint 22's JSON differ: what the importer drops or keeps aside, what the exporter
 * writes instead. A class without one maps its inputs one for one, under its own class name.
 */
export interface EfootprintJsonMapping {
    /**
     * e-footprint 22 has no such class: its objects are written as a plain `Job` (a web application's job,
     * with the values efp computed, as e-footprint's own 15→16 upgrade does), or not at all.
     */
    readonly writtenAs?: 'Job' | 'nothing';
    /** Fields e-footprint writes that efp computes itself: read past on import (a GenAI call's duration). */
    readonly derivedFields?: readonly string[];
    /** Fields efp does not model but e-footprint needs back: kept beside the model on import (a country's short name). */
    readonly keptFields?: readonly string[];
    /** e-footprint classes whose objects efp folds into this class: skipped on import (a GenAI API's hidden server). */
    readonly foldedClasses?: readonly string[];
}

/** The unit of an input or calculated attribute for this object. */
export function unitFor(spec: { readonly unit: string; readonly unitOf?: (object: EfpObject) => string | undefined }, object: EfpObject): string {
    return spec.unitOf?.(object) ?? spec.unit;
}

/**
 * A model as plain data: what the engine evaluates. The .efp front end builds it from the syntax tree;
 * importers (e-footprint JSON) can build it from their own formats. Nothing here depends on Langium.
 */

/** Where something was written, for messages: an LSP-style range in a document. */
export interface Origin {
    readonly uri: string;
    readonly range: {
        readonly start: { readonly line: number; readonly character: number };
        readonly end: { readonly line: number; readonly character: number };
    };
}

export type BinaryOperator = '+' | '-' | '*' | '/';

export type ExprDescription =
    | { kind: 'number'; value: number; unit?: string; origin?: Origin }
    /** A unit used as a value: `GB` in `0.05 kWh/GB` is one gigabyte. */
    | { kind: 'unit'; unit: string; origin?: Origin }
    /**
     * `web` (the object) or `web.ram` (an attribute), by object id; `builtin` when the name means the
     * built-in object even though the model declares one of the same name.
     */
    | { kind: 'ref'; object: string; path: readonly string[]; builtin?: boolean; origin?: Origin }
    /** An enumerated value such as `autoscaling`. */
    | { kind: 'symbol'; name: string; label?: string; origin?: Origin }
    | { kind: 'binary'; operator: BinaryOperator; left: ExprDescription; right: ExprDescription; origin?: Origin }
    | { kind: 'negate'; operand: ExprDescription; origin?: Origin }
    | { kind: 'call'; function: string; args: readonly ArgumentDescription[]; origin?: Origin }
    | { kind: 'list'; items: readonly ExprDescription[]; origin?: Origin }
    | { kind: 'text'; value: string; origin?: Origin }
    | { kind: 'date'; value: string; origin?: Origin }
    /** `300 W in kW`: the value, shown in another unit. */
    | { kind: 'convert'; expr: ExprDescription; unit: string; origin?: Origin }
    /** Hourly values given as data (imports): values in `unit`, starting at `start` (ISO date, UTC). */
    | { kind: 'series'; start: string; values: readonly number[]; unit: string; origin?: Origin };

export interface ArgumentDescription {
    readonly name?: string;
    readonly value: ExprDescription;
    /** `73000 per year`: the timespan a volume or rate refers to. */
    readonly per?: string;
    readonly origin?: Origin;
}

export type Confidence = 'low' | 'medium' | 'high';

export interface InputDescription {
    readonly expr: ExprDescription;
    /** The value as written (`300 W`), for messages. */
    readonly text?: string;
    /** Id of a source. */
    readonly source?: string;
    readonly confidence?: Confidence;
    readonly comment?: string;
    /** Range of the whole `name: value` entry. */
    readonly origin?: Origin;
    /** Range of the attribute name. */
    readonly nameOrigin?: Origin;
}

export interface ObjectDescription {
    /** Unique identifier, as written in .efp. */
    readonly id: string;
    /** e-footprint class name: `Server`, `GPUServer`, `UsagePattern`, ... */
    readonly className: string;
    /** Display name (e-footprint's `name`); the id when none is given. */
    readonly name: string;
    /** Id of the object whose inputs serve as this one's defaults (`from ssd`). */
    readonly archetype?: string;
    /** The archetype is the built-in object of that name (`storage ssd from ssd`). */
    readonly archetypeIsBuiltin?: boolean;
    readonly inputs: Readonly<Record<string, InputDescription>>;
    /**
     * Inputs written with a name the front end could not resolve (`usage_journey: daily_vide`, `power:
     * 300 Wat`), which it reported: left out of `inputs`, and neither missing nor given a default. What
     * reads them is in error quietly, so that one unknown name is one error, not a cascade.
     */
    readonly unresolvedInputs?: Readonly<Record<string, InputDescription>>;
    /** Its `from` names an object the front end could not resolve (and reported): its inputs may all come from there. */
    readonly archetypeUnresolved?: boolean;
    /** Range of the object's name. */
    readonly origin?: Origin;
    /** Declared by efp's built-in library (countries, archetypes), not by the user. */
    readonly builtin?: boolean;
}

export interface SourceDescription {
    readonly id: string;
    readonly name: string;
    readonly link?: string;
}

export interface ModelSettingsDescription {
    readonly title?: string;
    readonly start_date?: InputDescription;
    readonly modeling_duration?: InputDescription;
}

/** A data file a model reads (a measurement's emissions.csv): its text, or why it could not be read. */
export type DataFileContent = { readonly text: string } | { readonly error: string; readonly hint?: string };

export interface ModelDescription {
    readonly settings: ModelSettingsDescription;
    readonly sources: readonly SourceDescription[];
    readonly objects: readonly ObjectDescription[];
    /**
     * The data files the objects name, by `dataFileKey` (the document and the path written in it), read by the front end: the
     * engine reads no files, so that it runs alike in the CLI, the language server and tests.
     */
    readonly files?: Readonly<Record<string, DataFileContent>>;
    /** What-if changes evaluated beside the model (e-footprint's ModelingUpdate); the model itself is the baseline. */
    readonly scenarios?: readonly ScenarioDescription[];
    /**
     * Its text names something the front end could not resolve (and reported): what names it is left
     * out (an object's `unresolvedInputs`, a scenario's change), and the model has errors though the
     * engine says none of them, so its figures are never taken for the model's.
     */
    readonly namesUnresolved?: boolean;
}

/** `daily_video.uj_steps: [watch, llm_chat]` in a scenario: a new value for one input of one object. */
export interface ScenarioChangeDescription {
    /** Id of the changed object (the model's, else the built-in one of that name). */
    readonly object: string;
    readonly attribute: string;
    /** The new value, with its annotations; its origin is the whole line, its nameOrigin the `object.attribute` part. */
    readonly input: InputDescription;
    /** Range of the object's name on the line. */
    readonly objectOrigin?: Origin;
}

/**
 * `scenario llm_chat "Add an LLM chat step" at 2026-01-01 { … }`: e-footprint's ModelingUpdate. With a
 * date (its simulation_date) the changes take effect from that hour on; without one, from the start.
 */
export interface ScenarioDescription {
    readonly id: string;
    /** Display name; the id when none is given. */
    readonly name: string;
    /** ISO date (UTC) the changes take effect, as written. */
    readonly date?: string;
    readonly dateOrigin?: Origin;
    readonly changes: readonly ScenarioChangeDescription[];
    /** Range of the scenario's name. */
    readonly origin?: Origin;
}

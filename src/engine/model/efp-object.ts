import type { ClassSpec, InputSpec } from './class-spec.js';
import type { InputDescription, ObjectDescription, Origin } from './description.js';
import type { Node } from './node.js';

/** An input of an object once defaults and archetypes are applied. */
export interface ResolvedInput extends InputDescription {
    readonly spec: InputSpec;
    /** The user wrote it, an archetype gave it, or it is e-footprint's default. */
    readonly given: 'user' | 'archetype' | 'default';
}

/** A weighted reference: a step in a journey (times per journey), a job in a step (times per step). */
export interface Weighted {
    readonly object: EfpObject;
    readonly weight: number;
}

/** An instance of an e-footprint class in the model. */
export class EfpObject {
    readonly inputs = new Map<string, ResolvedInput>();
    /** Structural links resolved from ref/refs/weighted inputs. */
    readonly refs = new Map<string, EfpObject | undefined>();
    readonly lists = new Map<string, EfpObject[]>();
    readonly weighted = new Map<string, Weighted[]>();
    /** Enumerated and text inputs, in e-footprint's spelling. */
    readonly texts = new Map<string, string>();
    /** The object's values (inputs and calculated attributes) by attribute name, once the model has them. */
    readonly nodes = new Map<string, Node>();
    /**
     * Inputs whose problem is said on them already (missing, naming something unknown, linking to the
     * wrong kind of object): what reads them is in error quietly, not a second, vaguer error.
     */
    readonly inputsInError = new Set<string>();

    constructor(readonly description: ObjectDescription, readonly spec: ClassSpec) {}

    get id(): string { return this.description.id; }
    /** Unique among all objects: built-ins are prefixed, since a model may reuse their names. */
    get key(): string { return this.description.builtin ? `builtin:${this.description.id}` : this.description.id; }
    get name(): string { return this.description.name; }
    get className(): string { return this.spec.className; }
    get origin(): Origin | undefined { return this.description.origin; }

    ref(name: string): EfpObject | undefined {
        return this.refs.get(name);
    }

    list(name: string): EfpObject[] {
        return this.lists.get(name) ?? [];
    }

    weights(name: string): Weighted[] {
        return this.weighted.get(name) ?? [];
    }

    text(name: string): string | undefined {
        return this.texts.get(name);
    }

    /** `server web` as in messages. */
    toString(): string {
        return `${this.spec.keyword} ${this.id}`;
    }
}

/** A class and the classes it directly inherits from (e-footprint's Python bases). */
export interface ClassDeclaration {
    readonly name: string;
    readonly parents: readonly string[];
}

/**
 * Who inherits from whom: e-footprint's `is_subclass_of`, so that an input says what e-footprint says (a
 * job's server is a `ServerBase`) and a role is asked of the hierarchy (every `JobBase`) instead of a list of
 * classes written again wherever it is needed. Built once from declarations; answers are cached, since the
 * model asks for every reference it resolves.
 */
export class ClassHierarchy {
    private readonly parents = new Map<string, readonly string[]>();
    private readonly ancestorCache = new Map<string, ReadonlySet<string>>();
    private readonly classesCache = new Map<string, readonly string[]>();

    /**
     * `concrete`: the classes objects can be of, in the order lists of them are written (the registry's);
     * the other declared classes are abstract (`JobBase`) or not modelled.
     */
    constructor(declarations: readonly ClassDeclaration[], private readonly concrete: readonly string[]) {
        for (const d of declarations) {
            if (this.parents.has(d.name)) throw new Error(`class '${d.name}' is declared twice`);
            this.parents.set(d.name, d.parents);
        }
        for (const d of declarations) {
            for (const p of d.parents) if (!this.parents.has(p)) throw new Error(`class '${d.name}' extends '${p}', which is not declared`);
        }
        for (const c of concrete) if (!this.parents.has(c)) throw new Error(`class '${c}' is not declared`);
        // a class that inherits from itself is refused here rather than at the first question asked
        for (const d of declarations) this.ancestors(d.name);
    }

    /** Whether the class is declared (own entries only: a JSON's class named `constructor` is none). */
    knows(className: string): boolean {
        return this.parents.has(className);
    }

    /** The classes it directly inherits from; none for an unknown class. */
    parentsOf(className: string): readonly string[] {
        return this.parents.get(className) ?? [];
    }

    /** The class is `ancestor` or inherits from it; false for a class not declared. */
    isA(className: string, ancestor: string): boolean {
        return this.ancestors(className).has(ancestor);
    }

    /**
     * The concrete classes that are `ancestors` (one, or any of several) or inherit from one, each once: the
     * concrete ones named, in the order named, then the others in the order of `concrete` (an edge device,
     * then a computer, then an appliance; a system, then the classes with a footprint).
     */
    classesOf(ancestor: string | readonly string[]): readonly string[] {
        const ancestors: readonly string[] = typeof ancestor === 'string' ? [ancestor] : ancestor;
        const key = ancestors.join(' ');
        let classes = this.classesCache.get(key);
        if (!classes) {
            const named = [...new Set(ancestors.filter(a => this.concrete.includes(a)))];
            classes = [...named, ...this.concrete.filter(c => !named.includes(c) && ancestors.some(a => this.isA(c, a)))];
            this.classesCache.set(key, classes);
        }
        return classes;
    }

    /** The class itself and every class it inherits from, directly or not. */
    private ancestors(className: string): ReadonlySet<string> {
        let found = this.ancestorCache.get(className);
        if (found) return found;
        const all = new Set<string>();
        const visit = (c: string, path: readonly string[]) => {
            if (path.includes(c)) throw new Error(`class '${c}' inherits from itself (${[...path, c].join(' -> ')})`);
            if (all.has(c)) return;
            all.add(c);
            for (const p of this.parentsOf(c)) visit(p, [...path, c]);
        };
        if (this.knows(className)) visit(className, []);
        found = all;
        this.ancestorCache.set(className, found);
        return found;
    }
}

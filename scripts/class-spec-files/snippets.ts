import type { ClassSpec, InputSpec, ReferenceInputSpec } from '../../src/engine/model/class-spec.js';
import { acceptedClasses, CLASS_SPECS, classSpec } from '../../src/engine/classes/registry.js';
import { enumMember } from '../../src/engine/classes/builtin-enums.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';
import { classTitle } from './class-title.js';
import { requirementOf } from './input-requirement.js';

export const HAND_WRITTEN_SNIPPETS_PATH = 'snippets/hand-written.json';
export const SNIPPETS_PATH = 'snippets/efp.json';

/** A snippet in VS Code's format (contributes.snippets). */
interface Snippet {
    readonly prefix: readonly string[];
    readonly description: string;
    readonly body: readonly string[];
}

/** Text inside a placeholder, `${1:text}`: `$`, `}` and `\` would be snippet syntax. */
function placeholderText(text: string): string {
    return text.replace(/[$}\\]/g, '\\$&');
}

/** A value in a choice, `${1|a,b|}`: `,` and `|` would end it, `\` would escape. */
function choiceText(text: string): string {
    return text.replace(/[,|\\]/g, '\\$&');
}

/**
 * The name a reference's placeholder shows: no object of the model, but the kind expected (`storage_name`),
 * or the input's own name when it takes several kinds (`edge_component_name`).
 */
function referencePlaceholder(input: ReferenceInputSpec): string {
    const classes = acceptedClasses(input);
    const only = classes.length === 1 ? classSpec(classes[0]) : undefined;
    return `${only?.keyword ?? input.name}_name`;
}

/** A number within the input's bounds, for a value the user is to replace. */
function placeholderNumber(input: { readonly min?: number; readonly max?: number; readonly exclusiveMin?: boolean }): number {
    let value = 1;
    if (input.min !== undefined && (value < input.min || (input.exclusiveMin && value <= input.min))) value = input.min + (input.exclusiveMin ? 1 : 0);
    if (input.max !== undefined && value > input.max) value = input.max;
    return value;
}

/**
 * `${3:1} kg`; a unit written `1/s` follows the number as `/s`. Bytes are written plain (`GB`, not
 * `GB_ram`): a plain byte unit means the kind the input expects, as people write it.
 */
function quantity(stop: number, value: number, specUnit: string): string {
    const unit = specUnit.replace(/([kMGTP]?B)_(ram|stored)\b/g, '$1');
    const number = `\${${stop}:${value}}`;
    if (unit === '') return number;
    return unit.startsWith('1/') ? `${number}/${unit.slice(2)}` : `${number} ${unit}`;
}

/** The value of an input the user must give, as tab stop `stop`. */
function placeholderValue(input: InputSpec, stop: number): string {
    switch (input.type) {
        case 'quantity':
            return quantity(stop, placeholderNumber(input), input.unit);
        case 'hourly':
            // one value stands for every hour (of the modeling period, or of the typical week)
            return quantity(stop, placeholderNumber(input), input.unit);
        case 'ref':
            return `\${${stop}:${placeholderText(referencePlaceholder(input))}}`;
        case 'refs':
        case 'weighted':
            return `[\${${stop}:${placeholderText(referencePlaceholder(input))}}]`;
        case 'enum':
            return `\${${stop}|${input.values.map(v => choiceText(enumMember(v).name)).join(',')}|}`;
        case 'text':
            return `"\${${stop}:${placeholderText(efpString(input.name).slice(1, -1))}}"`;
    }
}

/**
 * The value of an input the class's snippet offers as typical: e-footprint's default where there is one
 * (the number and unit, the choice first), else a placeholder as for a required input.
 */
function typicalValue(input: InputSpec, stop: number): string {
    switch (input.type) {
        case 'quantity':
        case 'hourly':
            return input.default ? quantity(stop, input.default.value, input.default.unit) : placeholderValue(input, stop);
        case 'enum': {
            if (input.default === undefined) return placeholderValue(input, stop);
            const values = [input.default, ...input.values.filter(v => v !== input.default)];
            return `\${${stop}|${values.map(v => choiceText(enumMember(v).name)).join(',')}|}`;
        }
        case 'text':
            return input.default === undefined ? placeholderValue(input, stop) : `"\${${stop}:${placeholderText(efpString(input.default).slice(1, -1))}}"`;
        default:
            return placeholderValue(input, stop);
    }
}

/**
 * An object's declaration: its keyword, a name and a label to type, what it runs `on` if it does, and the
 * inputs the model must give and those its spec names typical, in the spec's order, each a tab stop;
 * `$0` after it.
 */
function objectSnippet(spec: ClassSpec): Snippet {
    const title = classTitle(spec);
    let stop = 1;
    let head = `${spec.keyword} \${${stop++}:${spec.keyword}_name} "\${${stop++}:${placeholderText(efpString(title).slice(1, -1))}}"`;
    const on = spec.onInput === undefined ? undefined : spec.inputs.find(i => i.name === spec.onInput);
    if (spec.onInput !== undefined && !on) throw new Error(`${spec.className}: its onInput '${spec.onInput}' is none of its inputs`);
    if (on) head += ` on ${placeholderValue(on, stop++)}`;
    const typical = new Set(spec.typicalInputs ?? []);
    for (const name of typical) {
        if (!spec.inputs.some(i => i.name === name)) throw new Error(`${spec.className}: its typical input '${name}' is none of its inputs`);
    }
    const lines = spec.inputs
        .filter(input => input !== on && (requirementOf(input) === 'required' || typical.has(input.name)))
        .map(input => `\t${input.name}: ${requirementOf(input) === 'required' ? placeholderValue(input, stop++) : typicalValue(input, stop++)}`);
    return {
        prefix: [spec.keyword],
        description: spec.description,
        body: [`${head} {`, ...(lines.length > 0 ? lines : [`\t$${stop}`]), '}', '$0']
    };
}

/** snippets/efp.json: the hand-written snippets (model settings, imports, sources, scenarios), then one per class. */
export function snippetsFile(handWritten: string): string {
    const snippets: Record<string, Snippet> = { ...(JSON.parse(handWritten) as Record<string, Snippet>) };
    const prefixes = new Set(Object.values(snippets).flatMap(s => s.prefix));
    for (const spec of CLASS_SPECS) {
        const title = classTitle(spec);
        if (snippets[title] || prefixes.has(spec.keyword)) throw new Error(`${HAND_WRITTEN_SNIPPETS_PATH} already has a snippet '${title}' or '${spec.keyword}'`);
        snippets[title] = objectSnippet(spec);
    }
    return `${JSON.stringify(snippets, null, 2)}\n`;
}

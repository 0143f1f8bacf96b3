import type { ClassSpec, InputSpec, ReferenceInputSpec } from '../model/class-spec.js';
import { requirementOf } from '../model/input-defaults.js';
import { acceptedClasses, classSpec } from '../classes/registry.js';
import { enumMember } from '../classes/builtin-enums.js';
import { ARCHETYPES } from '../library/archetypes.js';
import { efpIdentifier, efpString } from '../text/efp-syntax.js';
import { unitSuffix } from '../units/written-unit.js';

/**
 * A new object of a class as .efp text, with values the user is to replace: what the class's snippet
 * inserts (scripts/class-spec-files/snippets.ts writes it with tab stops) and what the quick fix "Create
 * storage `disk`" writes (plain text, with the name written). One template, so that the two never differ.
 */

/** A class in words, as a title: `a GPU server` -> `GPU server`. */
export function classTitle(spec: ClassSpec): string {
    const words = spec.article.replace(/^an? /, '');
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * An object that belongs to the one object naming it, keyed by class, with the archetype a declaration
 * starts one from: e-footprint attaches a storage to one server, so a server declares its own storage
 * rather than share the built-in `ssd` with every other server.
 */
const OWN_PART_ARCHETYPES: Readonly<Record<string, string>> = { Storage: 'ssd' };

/** The object's own part (a server's storage), declared after it from an archetype and named after it. */
export interface OwnPart {
    readonly keyword: string;
    readonly archetype: string;
    /** Its name is the object's with this suffix (`web_storage`). */
    readonly suffix: string;
}

/** A piece of an input's value. */
export type TemplatePiece =
    /** Text as it is (a unit, a bracket, a quote). */
    | { readonly kind: 'text'; readonly text: string }
    /** A value the user is to replace, shown as `text` (a snippet's tab stop). */
    | { readonly kind: 'placeholder'; readonly text: string }
    /** One of `choices`, the first by default. */
    | { readonly kind: 'choice'; readonly choices: readonly string[] }
    /**
     * An object the input names: a built-in one (`laptop`, shared by every model), or a name standing for
     * an object of the kind expected (`storage_name`; `edge_component_name` for an input that takes several).
     */
    | { readonly kind: 'reference'; readonly input: ReferenceInputSpec; readonly name: string; readonly builtin: boolean }
    /** The object's own part, declared after it. */
    | { readonly kind: 'part'; readonly part: OwnPart };

export interface TemplateInput {
    readonly input: InputSpec;
    readonly pieces: readonly TemplatePiece[];
    /** The model must give it (no default): a declaration without it is an error. */
    readonly required: boolean;
}

export interface ObjectTemplate {
    readonly spec: ClassSpec;
    /** What it runs on (`job x on server_name`), when its class has `on`. */
    readonly on?: TemplateInput;
    /** The inputs the model must give and those its spec names typical, in the spec's order. */
    readonly inputs: readonly TemplateInput[];
    /** Its own parts, declared after it. */
    readonly parts: readonly OwnPart[];
}

const text = (t: string): TemplatePiece => ({ kind: 'text', text: t });
const placeholder = (t: string): TemplatePiece => ({ kind: 'placeholder', text: t });

/** A number within the input's bounds, for a value the user is to replace. */
function placeholderNumber(input: { readonly min?: number; readonly max?: number; readonly exclusiveMin?: boolean }): number {
    let value = 1;
    if (input.min !== undefined && (value < input.min || (input.exclusiveMin && value <= input.min))) value = input.min + (input.exclusiveMin ? 1 : 0);
    if (input.max !== undefined && value > input.max) value = input.max;
    return value;
}

/** `1 kg`, with the number to replace; a unit written `1/s` follows the number as `/s`; bytes plain (`GB`). */
function quantity(value: number, specUnit: string): TemplatePiece[] {
    const suffix = unitSuffix(specUnit);
    return suffix === '' ? [placeholder(String(value))] : [placeholder(String(value)), text(suffix)];
}

/** A built-in object a reference can name as it is, shared by every model: the first archetype of the first class it takes (`laptop`). */
function builtinFor(input: ReferenceInputSpec): string | undefined {
    const [first] = acceptedClasses(input);
    return ARCHETYPES.find(a => a.className === first)?.id;
}

/**
 * The kind a reference's stand-in names, so that it is the name that kind's own snippet declares by default: the
 * one class the input takes, or the class its family is named after. e-footprint names the abstract base of a
 * family after its plain member (`JobBase`, `ServerBase`): a step's `jobs` stand for `job_name`, which the job
 * snippet declares, not `jobs_name`, which nothing declares. Undefined for an input that takes several kinds alike.
 */
function expectedKind(input: ReferenceInputSpec, classes: readonly string[]): string | undefined {
    if (classes.length === 1) return classSpec(classes[0])?.keyword;
    if (input.classes.length !== 1) return undefined;
    const [named] = input.classes;
    const plain = named.endsWith('Base') ? named.slice(0, -'Base'.length) : named;
    return classes.includes(plain) ? classSpec(plain)?.keyword : undefined;
}

/** A reference's object: the own part, a built-in one, or a name standing for the kind expected. */
function referencePieces(input: ReferenceInputSpec): TemplatePiece[] {
    const classes = acceptedClasses(input);
    const archetype = input.type === 'ref' && classes.length === 1 ? OWN_PART_ARCHETYPES[classes[0]] : undefined;
    if (archetype !== undefined) return [{ kind: 'part', part: { keyword: classSpec(classes[0])!.keyword, archetype, suffix: `_${input.name}` } }];
    const builtin = builtinFor(input);
    // no object of the model, but the kind expected (`storage_name`), or the input's own name when it takes several (`edge_component_name`)
    const name = builtin ?? `${expectedKind(input, classes) ?? input.name}_name`;
    const reference: TemplatePiece = { kind: 'reference', input, name, builtin: builtin !== undefined };
    return input.type === 'ref' ? [reference] : [text('['), reference, text(']')];
}

/** The value of an input the model must give. */
function requiredPieces(input: InputSpec): TemplatePiece[] {
    switch (input.type) {
        case 'quantity':
        case 'hourly':
            // one value stands for every hour (of the modeling period, or of the typical week)
            return quantity(placeholderNumber(input), input.unit);
        case 'ref':
        case 'refs':
        case 'weighted':
            return referencePieces(input);
        case 'enum':
            return [{ kind: 'choice', choices: input.values.map(v => enumMember(v).name) }];
        case 'text':
            return [text('"'), placeholder(efpString(input.name).slice(1, -1)), text('"')];
    }
}

/**
 * The value of an input the template offers as typical: e-footprint's default where there is one (the
 * number and unit, the choice first), else as for a required input.
 */
function typicalPieces(input: InputSpec): TemplatePiece[] {
    switch (input.type) {
        case 'quantity':
        case 'hourly':
            return input.default ? quantity(input.default.value, input.default.unit) : requiredPieces(input);
        case 'enum':
            if (input.default === undefined) return requiredPieces(input);
            return [{ kind: 'choice', choices: [input.default, ...input.values.filter(v => v !== input.default)].map(v => enumMember(v).name) }];
        case 'text':
            return input.default === undefined ? requiredPieces(input) : [text('"'), placeholder(efpString(input.default).slice(1, -1)), text('"')];
        default:
            return requiredPieces(input);
    }
}

/**
 * The template of a class: what it runs `on` if it does, then the inputs the model must give and those its
 * spec names typical, in the spec's order.
 */
export function objectTemplate(spec: ClassSpec): ObjectTemplate {
    const onSpec = spec.onInput === undefined ? undefined : spec.inputs.find(i => i.name === spec.onInput);
    const typical = new Set(spec.typicalInputs ?? []);
    const inputs = spec.inputs
        .filter(input => input !== onSpec && (requirementOf(input) === 'required' || typical.has(input.name)))
        .map(input => {
            const required = requirementOf(input) === 'required';
            return { input, required, pieces: required ? requiredPieces(input) : typicalPieces(input) };
        });
    const parts = inputs.flatMap(i => i.pieces.flatMap(p => (p.kind === 'part' ? [p.part] : [])));
    return { spec, on: onSpec && { input: onSpec, required: true, pieces: requiredPieces(onSpec) }, inputs, parts };
}

/** How a template is written as a declaration with its name. */
export interface DeclarationOptions {
    /** The new object's name: an .efp identifier. */
    readonly name: string;
    /**
     * An object the model has, for a reference the model must give (else the template's name for the kind,
     * which the model then lacks). References the model may leave out are left out, unless built-in.
     */
    readonly objectFor?: (input: ReferenceInputSpec) => string | undefined;
    /** The name of an own part, given the one it would take (`web_storage`): another when that one is taken. */
    readonly partName?: (name: string) => string;
    /** One level of indentation (two spaces, as the examples and the formatter write). */
    readonly indent?: string;
}

/**
 * The declaration, as text with no label and each value at its default (a choice's first): the object,
 * then its own parts, each on lines of its own, no line break at the end.
 */
export function declarationText(template: ObjectTemplate, options: DeclarationOptions): string {
    const name = efpIdentifier(options.name);
    const indent = options.indent ?? '  ';
    const partNames = new Map<OwnPart, string>();
    const partName = (part: OwnPart) => {
        let chosen = partNames.get(part);
        if (chosen === undefined) partNames.set(part, (chosen = efpIdentifier(options.partName?.(`${name}${part.suffix}`) ?? `${name}${part.suffix}`)));
        return chosen;
    };
    /** The value's text, or undefined when the input is better left out. */
    const valueText = ({ pieces, required }: TemplateInput): string | undefined => {
        let written = '';
        for (const piece of pieces) {
            switch (piece.kind) {
                case 'text': case 'placeholder': written += piece.text; break;
                case 'choice': written += piece.choices[0]; break;
                case 'part': written += partName(piece.part); break;
                case 'reference': {
                    // an input the model may leave out is left out: naming an object the model has would change its figures
                    const object = piece.builtin ? piece.name : required ? options.objectFor?.(piece.input) ?? piece.name : undefined;
                    if (object === undefined) return undefined;
                    written += efpIdentifier(object);
                }
            }
        }
        return written;
    };
    const on = template.on && valueText(template.on);
    const head = `${template.spec.keyword} ${name}${on !== undefined ? ` on ${on}` : ''} {`;
    const lines: string[] = [];
    for (const input of template.inputs) {
        const value = valueText(input);
        if (value !== undefined) lines.push(`${indent}${input.input.name}: ${value}`);
    }
    const declaration = lines.length === 0 ? [`${head}}`] : [head, ...lines, '}'];
    for (const part of template.parts) declaration.push(`${part.keyword} ${partName(part)} from ${part.archetype} {}`);
    return declaration.join('\n');
}

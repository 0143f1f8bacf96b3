import type { CalculatedSpec, ClassSpec, InputSpec } from '../../src/engine/model/class-spec.js';
import { acceptedClasses, CLASS_SPECS, classSpec } from '../../src/engine/classes/registry.js';
import { enumMember } from '../../src/engine/classes/builtin-enums.js';
import { BUILTIN_SOURCES } from '../../src/engine/library/sources.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';
import { markdownCode, markdownLink, markdownText } from '../../src/engine/text/markdown.js';
import { classTitle } from '../../src/engine/export/object-template.js';
import { requirementOf } from '../../src/engine/model/input-defaults.js';
import { specMarkdown } from './spec-markdown.js';
import type { FormulaTexts, ShownFormula } from './formula-texts.js';

export const REFERENCE_FOLDER = 'docs/reference';

const GENERATED_NOTE = '<!-- Written by `npm run generate` (scripts/generate-from-class-specs.mjs) from the class descriptions in src/engine/classes/: edit those, not this page. -->';

const cell = (text: string) => markdownText(text);
const code = (text: string) => markdownCode(text, { inTable: true });

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
    return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.join(' | ')} |`)];
}

/** `[`storage`](storage.md)`: a class by its keyword, linked to its page (keywords are plain names). */
function classLink(className: string): string {
    const spec = classSpec(className);
    if (!spec) throw new Error(`no class '${className}' in the registry`);
    return `[${code(spec.keyword)}](${spec.keyword}.md)`;
}

function orList(items: readonly string[]): string {
    return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function typeCell(input: InputSpec): string {
    switch (input.type) {
        case 'quantity': return 'quantity';
        case 'hourly': return input.weekly ? 'typical week (168 hourly values, or one for every hour)' : 'hourly series (or one value for every hour)';
        case 'ref': return `one ${orList(acceptedClasses(input).map(classLink))}`;
        case 'refs': return `list of ${orList(acceptedClasses(input).map(classLink))}`;
        case 'weighted': return `list of ${orList(acceptedClasses(input).map(classLink))}, each with a weight (${cell(input.weightLabel)})`;
        case 'enum': return 'one of the choices';
        case 'text': return 'text';
    }
}

function unitCell(input: InputSpec): string {
    if (input.type !== 'quantity' && input.type !== 'hourly') return '';
    if (input.type === 'hourly' && input.unitOf) return input.unit === '' ? 'the object\'s (see the description)' : `${code(input.unit)} or the object's`;
    return input.unit === '' ? 'none (a number)' : code(input.unit);
}

/** The source the spec gives for a default, linked when it has a link. */
function sourceOf(id: string | undefined): string {
    if (id === undefined) return '';
    const source = BUILTIN_SOURCES.find(s => s.id === id);
    if (!source) throw new Error(`no built-in source '${id}'`);
    return `, source: ${markdownLink(source.name, source.link)}`;
}

function defaultCell(input: InputSpec): string {
    switch (requirementOf(input)) {
        case 'required': {
            const unless = input.type === 'refs' && input.requiredUnless?.length ? ` unless ${orList(input.requiredUnless.map(code))} is given` : '';
            return `**required**${unless}`;
        }
        case 'optional': return 'none (optional)';
        case 'read': return `read from ${code(input.readFrom!)}`;
        case 'default': break;
    }
    switch (input.type) {
        case 'quantity':
        case 'hourly': {
            const d = input.default!;
            const every = input.type === 'hourly' ? ' every hour' : '';
            return `${cell(`${d.value}${d.unit ? ` ${d.unit}` : ''}`)}${every}${sourceOf(d.source)}`;
        }
        case 'enum': return code(enumMember(input.default!).name);
        case 'text': return code(efpString(input.default!));
        default: return 'an empty list';
    }
}

function choicesCell(input: InputSpec): string {
    if (input.type !== 'enum') return '';
    return input.values.map(v => {
        const member = enumMember(v);
        return member.label === undefined ? code(member.name) : `${code(member.name)} (${cell(member.label)})`;
    }).join(', ');
}

function rangeCell(input: InputSpec): string {
    if (input.type !== 'quantity' && input.type !== 'hourly') return '';
    const exclusive = input.type === 'quantity' && input.exclusiveMin;
    const { min, max } = input;
    const bounds = min !== undefined && max !== undefined ? (exclusive ? `more than ${min}, at most ${max}` : `from ${min} to ${max}`)
        : min !== undefined ? `${exclusive ? 'more than' : 'at least'} ${min}`
        : max !== undefined ? `at most ${max}` : '';
    const hourly = bounds && input.type === 'hourly' ? ', each hour' : '';
    const period = input.type === 'quantity' && input.withinModelingPeriod ? `${bounds ? ', ' : ''}at most the modeling period` : '';
    return cell(`${bounds}${hourly}${period}`);
}

function descriptionCell(input: InputSpec): string {
    const notes: string[] = [];
    const use = input.usedWhen;
    if (use?.when === 'never') {
        // the value e-footprint sets itself is the input's default
        const fixed = input.type === 'quantity' ? input.default : undefined;
        const value = fixed ? ` other than ${cell(`${fixed.value}${fixed.unit ? ` ${fixed.unit}` : ''}`)}` : '';
        notes.push(`Not taken into account: ${cell(use.why)}; a value${value} gets a warning.`);
    } else if (use) {
        const values = use.values.map(v => code(enumMember(v).name));
        const whose = use.when === 'server-input' ? 'its server\'s ' : '';
        notes.push(`Taken into account only when ${whose}${code(use.input)} is ${orList(values)}; otherwise it gets a warning.`);
    }
    if (input.efpOnly) notes.push('efp\'s own input: not written to e-footprint JSON.');
    return [specMarkdown(input.description, { inTable: true }), ...notes].join(' ');
}

function calculatedUnitCell(calculated: CalculatedSpec): string {
    const unit = calculated.unitOf ? (calculated.unit === '' ? 'the object\'s' : `${code(calculated.unit)} or the object's`)
        : calculated.unit === '' ? 'none (a number)' : code(calculated.unit);
    return calculated.itemLabel ? `${unit}, one value per linked object` : unit;
}

function declaration(spec: ClassSpec): string {
    return spec.onInput === undefined ? `${spec.keyword} name "label" { … }` : `${spec.keyword} name "label" on ${spec.onInput} { … }`;
}

/** A formula as a hover shows it, and the example it is read in; none when no example computes the attribute. */
function formulaCell(formula: ShownFormula | undefined): string {
    if (!formula) return 'no example computes it';
    return `${code(formula.text)} (in [${cell(formula.example.split('/').pop()!)}](../../${formula.example}))`;
}

/** The page of one class: what it declares, its inputs and its calculated attributes with their formulas. */
export function referencePage(spec: ClassSpec, formulas: FormulaTexts = new Map()): string {
    const facts = [
        `- Class: ${markdownCode(spec.className)}${spec.efpOnly ? ' (efp\'s own, not an e-footprint class: never written to e-footprint JSON)' : ''}`,
        `- Declared as ${markdownCode(declaration(spec))}${spec.onInput === undefined ? '' : `: ${markdownCode('on')} gives its input ${markdownCode(spec.onInput)}`}`,
        ...(spec.category ? [`- A system's totals count its footprint under ${markdownText(spec.category)}.`] : [])
    ];
    const inputs = table(['Input', 'Label', 'Type', 'Unit', 'Default', 'Choices', 'Range', 'Description'],
        spec.inputs.map(i => [code(i.name), cell(i.label), typeCell(i), unitCell(i), defaultCell(i), choicesCell(i), rangeCell(i), descriptionCell(i)]));
    const shown = formulas.get(spec.className);
    const calculated = table(['Attribute', 'Label', 'Unit', 'Formula, as a hover shows it in an example'],
        spec.calculated.map(c => [code(c.name), cell(c.label), calculatedUnitCell(c), formulaCell(shown?.get(c.name))]));
    return [
        GENERATED_NOTE, '',
        `# ${markdownText(classTitle(spec))}: ${markdownCode(spec.keyword)}`, '',
        specMarkdown(spec.description), '',
        ...facts, '',
        '## Inputs', '',
        ...(spec.inputs.length > 0 ? inputs : ['None.']), '',
        '## Calculated attributes', '',
        ...(spec.calculated.length > 0 ? calculated : ['None.']), '',
        '[All object kinds](README.md)', ''
    ].join('\n');
}

/** docs/reference/README.md: every class, in the registry's order. */
export function referenceIndex(): string {
    return [
        GENERATED_NOTE, '',
        '# Object kinds', '',
        'Every kind of object a .efp model declares, with its inputs (units, defaults, choices, ranges) and the attributes efp calculates. The language itself is described in [the language guide](../language.md).', '',
        ...table(['Keyword', 'Class', 'Description'], CLASS_SPECS.map(spec => [
            `[${code(spec.keyword)}](${spec.keyword}.md)`, code(spec.className), specMarkdown(spec.description, { inTable: true })
        ])), ''
    ].join('\n');
}

/** Every page of the reference, by file name. */
export function referencePages(formulas: FormulaTexts): Map<string, string> {
    const pages = new Map<string, string>([['README.md', referenceIndex()]]);
    for (const spec of CLASS_SPECS) pages.set(`${spec.keyword}.md`, referencePage(spec, formulas));
    return pages;
}

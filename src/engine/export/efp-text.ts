import { classSpec, isA } from '../classes/registry.js';
import type { ExprDescription, InputDescription, ModelDescription, ObjectDescription } from '../model/description.js';
import { efpComment, efpIdentifier, efpString, efpWord } from '../text/efp-syntax.js';
import { BUILTIN_IDS_PREFIX } from './efootprint-ids.js';

/**
 * A model description printed as .efp text, for importers: one object per block, inputs one per line
 * with their annotations, hourly values a day per line. What a description cannot hold but a round trip
 * to e-footprint needs (e-footprint ids, a country's short name) goes into a trailing comment on the
 * declaration's first line, `// e-footprint id: …`, which `efp export` reads back (efootprint-ids.ts).
 * Imported text goes only into string literals, one-line comments and kept words (src/engine/text/efp-syntax.ts),
 * names only where they are identifiers: nothing a file holds becomes .efp syntax.
 */
export interface PrintOptions {
    /** First lines of the file, as comments. */
    readonly header?: readonly string[];
    /** efp object name -> e-footprint id. */
    readonly objectIds?: ReadonlyMap<string, string>;
    /** efp source name -> e-footprint id. */
    readonly sourceIds?: ReadonlyMap<string, string>;
    readonly extras?: ReadonlyMap<string, Readonly<Record<string, string>>>;
}

/** The shortest decimal that reads back as the same number; as float32 when it is one (decoded series). */
export function formatNumber(value: number): string {
    if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
    if (Math.fround(value) === value) {
        for (let digits = 1; digits <= 9; digits++) {
            const text = value.toPrecision(digits);
            if (Math.fround(Number(text)) === value) return String(Number(text));
        }
    }
    return String(value);
}

const HOURS_PER_LINE = 24;

function quantity(value: number, unit: string | undefined): string {
    const number = formatNumber(value);
    // a frequency is written as a division: `30 / s`
    if (unit?.startsWith('1/')) return `${number} / ${unit.slice(2)}`;
    return unit ? `${number} ${unit}` : number;
}

const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

function printExpr(expr: ExprDescription, indent: string): string {
    switch (expr.kind) {
        case 'number': return quantity(expr.value, expr.unit);
        case 'unit': return expr.unit;
        case 'ref': return [expr.object, ...expr.path].map(efpIdentifier).join('.');
        case 'symbol': return efpIdentifier(expr.name);
        case 'text': return efpString(expr.value);
        case 'date': return expr.value;
        case 'negate': return `-${wrap(expr.operand, 3, indent)}`;
        case 'convert': return `${printExpr(expr.expr, indent)} in ${expr.unit}`;
        case 'binary': {
            const p = PRECEDENCE[expr.operator];
            // a compound unit in a literal (`0.05 kWh/GB`) binds as (0.05 kWh)/GB: parenthesize it on the right
            return `${wrap(expr.left, p, indent)} ${expr.operator} ${wrap(expr.right, p + 1, indent)}`;
        }
        case 'list': return `[${expr.items.map(i => printExpr(i, indent)).join(', ')}]`;
        case 'series': return printCall({
            kind: 'call', function: 'hourly_values',
            args: [{ name: 'values', value: { kind: 'list', items: expr.values.map(v => ({ kind: 'number', value: v, unit: expr.unit || undefined })) } },
                { name: 'start_date', value: { kind: 'date', value: expr.start } }]
        }, indent);
        case 'call': return printCall(expr, indent);
    }
}

function wrap(expr: ExprDescription, precedence: number, indent: string): string {
    const text = printExpr(expr, indent);
    const own = expr.kind === 'binary' ? PRECEDENCE[expr.operator]
        : expr.kind === 'number' && expr.unit?.includes('/') ? 2 : 9;
    return own < precedence ? `(${text})` : text;
}

/** Long value lists (hourly values) go one day per line under the input. */
function printCall(expr: Extract<ExprDescription, { kind: 'call' }>, indent: string): string {
    const args = expr.args.map(a => {
        const name = a.name ? `${efpIdentifier(a.name)}: ` : '';
        const per = a.per ? ` per ${efpIdentifier(a.per)}` : '';
        if (a.value.kind === 'list' && a.value.items.length > HOURS_PER_LINE) {
            const inner = indent + '    ';
            const lines: string[] = [];
            for (let i = 0; i < a.value.items.length; i += HOURS_PER_LINE) {
                lines.push(inner + a.value.items.slice(i, i + HOURS_PER_LINE).map(item => printExpr(item, inner)).join(', ') + ',');
            }
            return `${name}[\n${lines.join('\n')}\n${indent}]${per}`;
        }
        return `${name}${printExpr(a.value, indent)}${per}`;
    });
    return `${efpIdentifier(expr.function)}(${args.join(', ')})`;
}

function annotations(input: InputDescription): string {
    let text = '';
    // user data is what a written value means without a source; everything else is said
    if (input.source && input.source !== 'user_data') text += `  source ${efpIdentifier(input.source)}`;
    if (input.confidence) text += `  confidence ${efpIdentifier(input.confidence)}`;
    if (input.comment) text += `  comment ${efpString(input.comment)}`;
    return text;
}

function idComment(name: string, options: PrintOptions, ids: ReadonlyMap<string, string> | undefined): string {
    const id = ids?.get(name);
    if (id === undefined) return '';
    const extras = Object.entries(options.extras?.get(name) ?? {}).map(([k, v]) => `, ${efpIdentifier(k)}: ${efpWord(v)}`).join('');
    return `  // e-footprint id: ${efpWord(id)}${extras}`;
}

function printObject(object: ObjectDescription, options: PrintOptions): string {
    const spec = classSpec(object.className);
    if (!spec) throw new Error(`no .efp keyword for ${object.className}`);
    // `job x on web`: the input the class gives `on` to (read loosely: older class specs have no onInput)
    const onInput = (spec as { onInput?: string }).onInput ?? (isA(object.className, 'DirectServerJob') ? 'server' : undefined);
    const on = onInput !== undefined ? object.inputs[onInput] : undefined;
    const onServer = on && on.expr.kind === 'ref' && !annotations(on) ? ` on ${printExpr(on.expr, '')}` : '';
    const label = object.name !== object.id ? ` ${efpString(object.name)}` : '';
    const from = object.archetype ? ` from ${efpIdentifier(object.archetype)}` : '';
    const head = `${spec.keyword} ${efpIdentifier(object.id)}${label}${from}${onServer}`;
    const comment = idComment(object.id, options, options.objectIds);
    const lines = [`${head} {${comment}`];
    for (const [name, input] of Object.entries(object.inputs)) {
        if (name === onInput && onServer) continue;
        lines.push(`  ${efpIdentifier(name)}: ${printExpr(input.expr, '  ')}${annotations(input)}`);
    }
    // nothing beyond its archetype or defaults: one line, its kept ids still on it
    if (lines.length === 1) return `${head} {}${comment}`;
    lines.push('}');
    return lines.join('\n');
}

/** Entries a line of built-in ids: each line reads on its own, and stays short enough to review. */
const BUILTIN_IDS_PER_LINE = 3;

/**
 * The e-footprint ids of the built-in objects and sources an import uses in place of the file's own
 * (`devices: [laptop]` for e-footprint's default laptop): comment lines, which `efp export` reads back
 * (efootprint-ids.ts) so that the ids survive the round trip.
 */
function builtinIdsComment(description: ModelDescription, options: PrintOptions): string | undefined {
    const objects = new Set(description.objects.filter(o => !o.builtin).map(o => o.id));
    const sources = new Set(description.sources.map(s => s.id));
    const entries = [
        ...[...options.objectIds ?? []].filter(([name]) => !objects.has(name)).map(([name, id]) => `${efpIdentifier(name)}: ${efpWord(id)}`),
        ...[...options.sourceIds ?? []].filter(([name]) => !sources.has(name)).map(([name, id]) => `source ${efpIdentifier(name)}: ${efpWord(id)}`)
    ];
    if (entries.length === 0) return undefined;
    const lines: string[] = [];
    for (let i = 0; i < entries.length; i += BUILTIN_IDS_PER_LINE) lines.push(`${BUILTIN_IDS_PREFIX} ${entries.slice(i, i + BUILTIN_IDS_PER_LINE).join(', ')}`);
    return lines.join('\n');
}

export function printModel(description: ModelDescription, options: PrintOptions = {}): string {
    const blocks: string[] = [];
    const header = [...(options.header ?? []).map(efpComment)];
    const builtinIds = builtinIdsComment(description, options);
    if (builtinIds) header.push(builtinIds);
    if (header.length) blocks.push(header.join('\n'));
    const { title, start_date, modeling_duration } = description.settings;
    if (title !== undefined || start_date || modeling_duration) {
        const lines = [`model${title !== undefined ? ' ' + efpString(title) : ''} {`];
        if (start_date) lines.push(`  start_date: ${printExpr(start_date.expr, '  ')}`);
        if (modeling_duration) lines.push(`  modeling_duration: ${printExpr(modeling_duration.expr, '  ')}`);
        lines.push('}');
        blocks.push(lines.join('\n'));
    }
    if (description.sources.length > 0) {
        blocks.push(description.sources.map(s => `source ${efpIdentifier(s.id)} ${efpString(s.name)}${s.link ? ' ' + efpString(s.link) : ''}`
            + idComment(s.id, options, options.sourceIds)).join('\n'));
    }
    for (const object of description.objects.filter(o => !o.builtin)) blocks.push(printObject(object, options));
    return blocks.join('\n\n') + '\n';
}

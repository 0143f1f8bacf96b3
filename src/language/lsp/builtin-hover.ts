import {
    BUILTIN_SOURCES, classSpec, formatMagnitude, markdownCode, markdownLink, markdownTableCell, markdownText, type BuiltinObject, type BuiltinValue
} from '../../engine/index.js';

const sources = new Map(BUILTIN_SOURCES.map(s => [s.id, s]));

/** `156 kg`, `0.05 kWh/GB`, `3` (a plain number), `Europe/Paris`. */
function valueText(v: BuiltinValue): string {
    if (typeof v.value === 'string') return markdownTableCell(v.value);
    return markdownTableCell(v.unit === '' ? formatMagnitude(v.value) : `${formatMagnitude(v.value)} ${v.unit}`);
}

/** The source's name, linked to it when it has a link, and the confidence e-footprint gives the value. */
function sourceText(v: BuiltinValue): string {
    const source = sources.get(v.source);
    const cited = source ? markdownLink(source.name, source.link) : markdownText(v.source);
    return v.confidence ? `${cited}, ${markdownText(v.confidence)} confidence` : cited;
}

/**
 * A built-in object (an archetype, a country) on hover, wherever its name is written (`devices: [laptop]`,
 * `country: France`, `from ssd`): e-footprint's name and class, what it is, each of its values with its
 * unit, source (linked) and confidence, and the notes on them; then `footprint`, what the model around
 * makes of it, when there is one. Every text goes through the Markdown escapers: the data is efp's own,
 * but the escaping does not rely on that.
 */
export function hoverForBuiltinObject(object: BuiltinObject, footprint: readonly string[] = []): string {
    const spec = classSpec(object.className);
    const keyword = spec?.keyword ?? object.className;
    const kind = object.className === 'Country'
        ? `e-footprint ${markdownText(object.className)} from its country table`
        : `e-footprint ${markdownText(object.className)}, archetype ${markdownCode(`${object.className}.${object.id}()`)}`;
    const lines = [`**${markdownText(keyword)} ${markdownText(object.id)}** — "${markdownText(object.name)}" (${kind}), built in`, '', markdownText(object.description), ''];
    lines.push('| input | value | source |', '|---|---|---|');
    for (const [name, v] of Object.entries(object.inputs)) {
        lines.push(`| ${markdownCode(name, { inTable: true })} | ${valueText(v)} | ${sourceText(v)} |`);
    }
    const notes = Object.entries(object.inputs).filter(([, v]) => v.comment !== undefined);
    if (notes.length > 0) lines.push('', ...notes.map(([name, v]) => `${markdownCode(name)}: ${markdownText(v.comment!)}`));
    if (spec) lines.push('', markdownText(spec.description));
    if (footprint.length > 0) lines.push('', ...footprint);
    return lines.join('\n');
}

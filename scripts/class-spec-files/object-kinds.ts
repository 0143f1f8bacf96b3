import { CLASS_SPECS } from '../../src/engine/classes/registry.js';

/** A keyword as the grammar, the TextMate regexes and the snippets can take it as it is, unescaped. */
const KEYWORD = /^[a-z][a-z0-9_]*$/;

/** The .efp keywords that declare objects, in the registry's order (e-footprint's computation order). */
export function objectKinds(): string[] {
    const kinds = CLASS_SPECS.map(c => c.keyword);
    for (const kind of kinds) if (!KEYWORD.test(kind)) throw new Error(`class keyword '${kind}' is not a lower-case name`);
    const twice = kinds.find((kind, i) => kinds.indexOf(kind) !== i);
    if (twice) throw new Error(`two classes are declared with '${twice}'`);
    return kinds;
}

export const GRAMMAR_PATH = 'src/language/efp.langium';
const BEGIN = '// generated from the class registry: begin';
const END = '// generated from the class registry: end';
const LINE_WIDTH = 110;

/** Rule `ObjectKind`: one alternative per keyword, as many to a line as fit. */
function objectKindRule(kinds: readonly string[]): string[] {
    const lines: string[] = [];
    let line = '   ';
    kinds.forEach((kind, i) => {
        const alternative = `${i === 0 ? ' ' : ' | '}'${kind}'`;
        if (line.length + alternative.length > LINE_WIDTH) {
            lines.push(line);
            line = '   ';
        }
        line += alternative;
    });
    lines.push(`${line};`);
    return [
        '// The keywords of the classes in src/engine/classes/registry.ts, in its order: written by `npm run generate`',
        '// (scripts/generate-from-class-specs.mjs), not by hand.',
        'ObjectKind returns string:',
        ...lines
    ];
}

/** efp.langium with its `ObjectKind` rule made from the registry; the rest of the grammar is written by hand. */
export function grammarWithObjectKinds(grammar: string): string {
    const lines = grammar.split('\n');
    const begin = lines.findIndex(l => l.trim() === BEGIN);
    const end = lines.findIndex(l => l.trim() === END);
    if (begin < 0 || end < begin || lines.filter(l => l.trim() === BEGIN || l.trim() === END).length !== 2) {
        throw new Error(`${GRAMMAR_PATH} needs one '${BEGIN}' line and, after it, one '${END}' line`);
    }
    return [...lines.slice(0, begin + 1), ...objectKindRule(objectKinds()), ...lines.slice(end)].join('\n');
}

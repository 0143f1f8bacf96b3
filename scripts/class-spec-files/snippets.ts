import type { ClassSpec } from '../../src/engine/model/class-spec.js';
import { CLASS_SPECS } from '../../src/engine/classes/registry.js';
import { classTitle, objectTemplate, type TemplateInput } from '../../src/engine/export/object-template.js';
import { efpString } from '../../src/engine/text/efp-syntax.js';

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
 * An object's declaration, from its class's template (src/engine/export/object-template.ts, which the quick
 * fix "Create …" writes too): its keyword, a name and a label to type, what it runs `on` if it does, and
 * the inputs the model must give and those its spec names typical, each value a tab stop; then its own
 * parts (a server's storage), named after it as it is typed (`${1}_storage`, VS Code's mirror of the name);
 * `$0` after it.
 */
function objectSnippet(spec: ClassSpec): Snippet {
    const template = objectTemplate(spec);
    let stop = 1;
    const value = ({ pieces }: TemplateInput) => pieces.map(piece => {
        switch (piece.kind) {
            case 'text': return piece.text;
            case 'placeholder': return `\${${stop++}:${placeholderText(piece.text)}}`;
            case 'reference': return `\${${stop++}:${placeholderText(piece.name)}}`;
            case 'choice': return `\${${stop++}|${piece.choices.map(choiceText).join(',')}|}`;
            case 'part': return `\${1}${piece.part.suffix}`;
        }
    }).join('');
    let head = `${spec.keyword} \${${stop++}:${spec.keyword}_name} "\${${stop++}:${placeholderText(efpString(classTitle(spec)).slice(1, -1))}}"`;
    if (template.on) head += ` on ${value(template.on)}`;
    const lines = template.inputs.map(input => `\t${input.input.name}: ${value(input)}`);
    const parts = template.parts.map(part => `${part.keyword} \${1}${part.suffix} from ${part.archetype} {}`);
    return {
        prefix: [spec.keyword],
        description: spec.description,
        body: [`${head} {`, ...(lines.length > 0 ? lines : [`\t$${stop}`]), '}', ...parts, '$0']
    };
}

/** Generation stops on a spec that names an input it does not have. */
function checkSpec(spec: ClassSpec): void {
    if (spec.onInput !== undefined && !spec.inputs.some(i => i.name === spec.onInput)) {
        throw new Error(`${spec.className}: its onInput '${spec.onInput}' is none of its inputs`);
    }
    for (const name of spec.typicalInputs ?? []) {
        if (!spec.inputs.some(i => i.name === name)) throw new Error(`${spec.className}: its typical input '${name}' is none of its inputs`);
    }
}

/** snippets/efp.json: the hand-written snippets (model settings, imports, sources, scenarios), then one per class. */
export function snippetsFile(handWritten: string): string {
    const snippets: Record<string, Snippet> = { ...(JSON.parse(handWritten) as Record<string, Snippet>) };
    const prefixes = new Set(Object.values(snippets).flatMap(s => s.prefix));
    for (const spec of CLASS_SPECS) {
        checkSpec(spec);
        const title = classTitle(spec);
        if (snippets[title] || prefixes.has(spec.keyword)) throw new Error(`${HAND_WRITTEN_SNIPPETS_PATH} already has a snippet '${title}' or '${spec.keyword}'`);
        snippets[title] = objectSnippet(spec);
    }
    return `${JSON.stringify(snippets, null, 2)}\n`;
}

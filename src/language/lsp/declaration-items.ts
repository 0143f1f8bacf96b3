import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import snippetsFile from '../../../snippets/efp.json' with { type: 'json' };
import { classForKeyword } from '../../engine/index.js';

/**
 * What completion offers where a declaration can start: one item per keyword, the snippet of
 * snippets/efp.json (generated from the class specs, scripts/class-spec-files/snippets.ts) that writes the
 * whole declaration, documented and ranked for someone writing their first model. VS Code no longer reads
 * the snippet file itself (package.json has no `contributes.snippets`): its snippets showed up everywhere,
 * inside an object's body or a list of references, and each kind twice, beside the grammar's keyword.
 */

interface Snippet {
    readonly prefix: readonly string[];
    readonly description: string;
    readonly body: readonly string[];
}

const SNIPPETS = new Map<string, Snippet>(Object.values(snippetsFile as Record<string, Snippet>).map(s => [s.prefix[0], s]));

/**
 * The order a newcomer meets the kinds in: the objects of a first web service model (what runs, what it does
 * for a user, who uses it, the whole), then a file's other declarations, then the other kinds, e-footprint's
 * edge model after them, and the declarations only the built-in library writes last.
 */
const FIRST_KINDS = ['server', 'job', 'usage_journey_step', 'usage_journey', 'usage_pattern', 'system', 'storage', 'device', 'network', 'country'];
const FILE_DECLARATIONS = ['model', 'import', 'source', 'scenario'];
const LIBRARY_DECLARATIONS: Record<string, string> = {
    unit: 'A unit name, as the built-in library declares them (`unit kWh "energy"`); a model uses the library\'s.',
    enum: 'Enumerated values, as the built-in library declares them (`enum server_type { autoscaling, … }`); a model uses the library\'s.'
};

/** e-footprint's edge model: its usage patterns, functions, devices and their recurrent needs. */
function isEdgeKind(keyword: string): boolean {
    return keyword.startsWith('edge_') || keyword.startsWith('recurrent_');
}

/** The sort text of a declaration keyword: its group, then its place in the group (e-footprint's class order for the other kinds). */
export function declarationRank(keyword: string): string {
    const first = FIRST_KINDS.indexOf(keyword);
    if (first >= 0) return `a${String(first).padStart(2, '0')}`;
    const file = FILE_DECLARATIONS.indexOf(keyword);
    if (file >= 0) return `b${String(file).padStart(2, '0')}`;
    if (keyword in LIBRARY_DECLARATIONS) return `e_${keyword}`;
    return `${isEdgeKind(keyword) ? 'd' : 'c'}${String(snippetIndex(keyword)).padStart(3, '0')}`;
}

const SNIPPET_ORDER = [...SNIPPETS.keys()];
function snippetIndex(keyword: string): number {
    const index = SNIPPET_ORDER.indexOf(keyword);
    return index < 0 ? SNIPPET_ORDER.length : index;
}

/**
 * The text a snippet writes when each tab stop keeps its default (`${1:web}` -> `web`, `${2|a,b|}` -> `a`,
 * `$0` -> nothing), a mirror (`${1}_storage`, `$1`) writing what its tab stop holds: shown in the item's
 * documentation.
 */
export function snippetPreview(body: string): string {
    const held = new Map<string, string>();
    let out = '';
    let i = 0;
    while (i < body.length) {
        const c = body[i];
        if (c === '\\' && i + 1 < body.length) {
            out += body[i + 1];
            i += 2;
        } else if (c === '$' && body[i + 1] === '{') {
            const head = /^\$\{(\d+)([:|}])/.exec(body.slice(i));
            if (!head) {
                out += c;
                i++;
            } else if (head[2] === '}') {
                // a mirror: its tab stop's text (our snippets mirror a tab stop after it)
                out += held.get(head[1]) ?? '';
                i += head[0].length;
            } else if (head[2] === '|') {
                const end = body.indexOf('|}', i);
                const first = body.slice(i + head[0].length, end < 0 ? body.length : end).split(',')[0];
                held.set(head[1], first);
                out += first;
                i = end < 0 ? body.length : end + 2;
            } else {
                // a default (our snippets nest none): up to the unescaped `}`
                i += head[0].length;
                let text = '';
                while (i < body.length && body[i] !== '}') {
                    text += body[i] === '\\' ? body[++i] ?? '' : body[i];
                    i++;
                }
                held.set(head[1], text);
                out += text;
                i++;
            }
        } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
            const index = /^\$(\d+)/.exec(body.slice(i))!;
            out += held.get(index[1]) ?? '';
            i += index[0].length;
        } else {
            out += c;
            i++;
        }
    }
    return out;
}

/**
 * The item for a declaration keyword (`server`, `model`, `unit`…), or undefined for a keyword that starts
 * none. `keywordOnly`: the text after the cursor already holds the rest of a declaration (the keyword of
 * `ser|ver web { … }` is being retyped), so the item writes the keyword alone.
 */
export function declarationItem(keyword: string, keywordOnly: boolean): CompletionItem | undefined {
    const sortText = declarationRank(keyword);
    const libraryOnly = LIBRARY_DECLARATIONS[keyword];
    if (libraryOnly !== undefined) {
        return { label: keyword, kind: CompletionItemKind.Keyword, detail: 'built-in library declaration', documentation: libraryOnly, sortText };
    }
    const snippet = SNIPPETS.get(keyword);
    if (!snippet) return undefined;
    const spec = classForKeyword(keyword);
    const body = snippet.body.join('\n');
    const preview = snippetPreview(body).replace(/\n+$/, '').replace(/\t/g, '    ');
    return {
        label: keyword,
        // not CompletionItemKind.Snippet: VS Code hides those when snippets are turned off in the suggestions
        kind: spec ? CompletionItemKind.Class : CompletionItemKind.Keyword,
        detail: spec ? `${spec.className} (e-footprint)` : 'declaration',
        // the class specs' own text, and the snippet it inserts: neither comes from a model
        documentation: { kind: 'markdown', value: `${snippet.description}\n\n\`\`\`efp\n${preview}\n\`\`\`` },
        insertText: keywordOnly ? keyword : body,
        insertTextFormat: keywordOnly ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
        sortText
    };
}

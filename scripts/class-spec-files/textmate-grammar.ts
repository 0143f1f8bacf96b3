import { BUILTIN_ENUMS, enumMember } from '../../src/engine/classes/builtin-enums.js';
import { objectKinds } from './object-kinds.js';

export const TEXTMATE_TEMPLATE_PATH = 'syntaxes/efp.tmLanguage.template.json';
export const TEXTMATE_GRAMMAR_PATH = 'syntaxes/efp.tmLanguage.json';

/** An identifier as a regex alternative can take it unescaped. */
const NAME = /^[_a-zA-Z]\w*$/;

function alternation(names: readonly string[], what: string): string {
    for (const name of names) if (!NAME.test(name)) throw new Error(`${what} '${name}' is not a name a TextMate regex can list as it is`);
    return names.join('|');
}

/**
 * The TextMate grammar: the template, written by hand, with its placeholders filled in. Each list is an
 * alternation followed by `\b` wherever the template uses it, so that the order of its names does not
 * matter (`video_streaming` does not stop `video_streaming_job` from matching).
 */
export function textmateGrammar(template: string): string {
    const values: Record<string, string> = {
        object_kinds: alternation(objectKinds(), 'object kind'),
        builtin_enum_members: alternation(BUILTIN_ENUMS.flatMap(e => e.values.map(v => enumMember(v).name)), 'enumerated value')
    };
    const used = new Set<string>();
    const grammar = template.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => {
        const value = values[name];
        if (value === undefined) throw new Error(`${TEXTMATE_TEMPLATE_PATH}: unknown placeholder ${placeholder}`);
        used.add(name);
        return value;
    });
    for (const name of Object.keys(values)) if (!used.has(name)) throw new Error(`${TEXTMATE_TEMPLATE_PATH} no longer uses {{${name}}}`);
    // the result must still be JSON (a placeholder replaced inside a string cannot break it, but the template can be)
    JSON.parse(grammar);
    return grammar;
}

/**
 * The files made from the class registry (`npm run generate` runs this through
 * scripts/generate-from-class-specs.mjs): the grammar's object kinds, the TextMate grammar, the snippets
 * and the language reference. Each class is described once, by its ClassSpec; these follow from it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GRAMMAR_PATH, grammarWithObjectKinds } from './object-kinds.js';
import { formulaTexts } from './formula-texts.js';
import { REFERENCE_FOLDER, referencePages } from './reference-pages.js';
import { HAND_WRITTEN_SNIPPETS_PATH, SNIPPETS_PATH, snippetsFile } from './snippets.js';
import { TEXTMATE_GRAMMAR_PATH, TEXTMATE_TEMPLATE_PATH, textmateGrammar } from './textmate-grammar.js';

/** One written file: its path from the repository's root (with `/`), its text. */
export interface GeneratedFile {
    readonly path: string;
    readonly text: string;
}

/**
 * The files, from the hand-written parts found under `root` (the grammar, the TextMate template, the
 * hand-written snippets) and the formulas of the examples there.
 */
export async function classSpecFiles(root: string): Promise<GeneratedFile[]> {
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    const formulas = await formulaTexts(root);
    return [
        { path: GRAMMAR_PATH, text: grammarWithObjectKinds(read(GRAMMAR_PATH)) },
        { path: TEXTMATE_GRAMMAR_PATH, text: textmateGrammar(read(TEXTMATE_TEMPLATE_PATH)) },
        { path: SNIPPETS_PATH, text: snippetsFile(read(HAND_WRITTEN_SNIPPETS_PATH)) },
        ...[...referencePages(formulas)].map(([name, text]) => ({ path: `${REFERENCE_FOLDER}/${name}`, text }))
    ];
}

/**
 * Writes the files under `outDir` (the repository itself, or a temporary folder to compare with it), and
 * removes the reference pages of classes that are gone. Returns the paths written.
 */
export async function writeClassSpecFiles(root: string, outDir: string): Promise<string[]> {
    const files = await classSpecFiles(root);
    for (const file of files) {
        mkdirSync(dirname(join(outDir, file.path)), { recursive: true });
        writeFileSync(join(outDir, file.path), file.text);
    }
    const pages = new Set(files.map(f => f.path));
    for (const name of readdirSync(join(outDir, REFERENCE_FOLDER))) {
        if (name.endsWith('.md') && !pages.has(`${REFERENCE_FOLDER}/${name}`)) rmSync(join(outDir, REFERENCE_FOLDER, name));
    }
    return files.map(f => f.path);
}

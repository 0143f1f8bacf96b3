import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * A list spread into a call's arguments (`push(...items)`, `Math.max(...values)`) is a stack overflow
 * past about 125,000 items, and the engine and the CLI handle lists as long as users make them (objects,
 * CSV rows, operands, diagnostics). So neither spreads into a call at all: they loop, or reduce, and
 * this test holds every file of src/engine and src/cli to it.
 */
function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(e => {
        const path = join(dir, e.name);
        return e.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
    });
}

/** `file:line: call` for each argument spread in the file. */
function spreadArguments(file: string): string[] {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments?.some(ts.isSpreadElement)) {
            const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
            found.push(`${file}:${line}: ${node.expression.getText()}(...)`);
        }
        ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
}

describe('no list is spread into a call\'s arguments', () => {
    for (const dir of ['src/engine', 'src/cli']) {
        it(dir, () => {
            expect(sources(dir).flatMap(spreadArguments)).toEqual([]);
        });
    }
});

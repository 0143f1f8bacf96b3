import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../helpers/language-workspace.js';
import { analyzeDocument } from '../../src/language/document-analysis.js';
import { MAX_MODEL_FILES } from '../../src/language/efp-scope.js';

/** `n` files, each importing the next, the last declaring a system that evaluates. */
function chain(n: number): Record<string, string> {
    const files: Record<string, string> = {};
    for (let i = 0; i < n - 1; i++) files[`a${i}.efp`] = `import "a${i + 1}.efp"\nsource s${i} "Source ${i}"\n`;
    files[`a${n - 1}.efp`] = 'model { start_date: 2025-01-01  modeling_duration: 1 day }\nsystem lab { measurements: [] }\n';
    return files;
}

/**
 * Every document is a model of its own, so a chain of n files importing each other cost n evaluations of
 * up to n files (1,600 chained files took 30 s to check, 3,000 did not finish in 8 minutes). A model
 * reaches at most MAX_MODEL_FILES files.
 */
describe('the files one model reaches through its imports', () => {
    it(`${MAX_MODEL_FILES} files: evaluated`, async () => {
        const { Efp, documents } = await openWorkspace(chain(MAX_MODEL_FILES));
        const analysis = analyzeDocument(documents[0], Efp);
        expect(analysis.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        expect(analysis.model).toBeDefined();
    }, 120_000);

    it(`${MAX_MODEL_FILES + 1} files: an error on the first import, with a hint, and nothing evaluated`, async () => {
        const { Efp, documents } = await openWorkspace(chain(MAX_MODEL_FILES + 1));
        const [first, second] = documents;
        expect(first.diagnostics?.map(d => [d.message, d.range.start.line, d.range.start.character])).toEqual([[
            `this model reaches more than ${MAX_MODEL_FILES} files through its imports, more than efp evaluates as one model. `
            + 'Import only the files this model uses, or merge small files into larger ones.', 0, 7
        ]]);
        expect(Efp.evaluation.DocumentModels.modelFor(first)).toBeUndefined();
        // the next file reaches exactly the limit: a model like any other
        expect(second.diagnostics).toEqual([]);
        expect(Efp.evaluation.DocumentModels.modelFor(second)).toBeDefined();
    }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { AstUtils, DefaultAstNodeLocator } from 'langium';
import { EfpAstNodeLocator } from '../../src/language/efp-ast-node-locator.js';
import { isQuantityLiteral, type Document } from '../../src/language/generated/ast.js';
import { openWorkspace } from '../helpers/language-workspace.js';

/**
 * Paths of nodes in deep expressions stay short: Langium's spell every level, and the index keeps one
 * for each reference, so a sum of 1,000 `1 W` terms held 1,000 paths of up to 1,000 segments (100 such
 * sums: 3.5 GB for efp check).
 */
const QUICKSTART = readFileSync('examples/quickstart.efp', 'utf8');
const SUM = `${'1 W + '.repeat(999)}1 W`;
const TEXT = `${QUICKSTART}server summed { power: ${SUM}  idle_power: ((([[[1, 2 W]]]))) }\n`;

describe('the paths of syntax-tree nodes', () => {
    it('find every node of a model with deep sums and nested lists again', async () => {
        const { documents: [document] } = await openWorkspace(TEXT, false);
        const root = document.parseResult.value;
        const locator = new EfpAstNodeLocator();
        let count = 0;
        for (const node of AstUtils.streamAst(root)) {
            expect(locator.getAstNode(root, locator.getAstNodePath(node))).toBe(node);
            count++;
        }
        expect(count).toBeGreaterThan(2000);
    });

    it('are Langium\'s where no segment repeats, and a run of one segment is written once with its count', async () => {
        const { documents: [document] } = await openWorkspace(TEXT, false);
        const root = document.parseResult.value;
        const locator = new EfpAstNodeLocator();
        const langium = new DefaultAstNodeLocator();
        const units = AstUtils.streamAst(root).filter(isQuantityLiteral).filter(q => q.unit?.$refText === 'W').toArray();
        const first = units.find(q => q.$cstNode!.offset === TEXT.indexOf(SUM))!;
        expect(langium.getAstNodePath(first).split('/').length).toBe(1 + 3 + 999);
        expect(locator.getAstNodePath(first)).toBe(`/elements@${(root as Document).elements.length - 1}/attributes@0/value/left~999`);
        for (const node of AstUtils.streamAst(root)) {
            const path = langium.getAstNodePath(node);
            const segments = path.split('/');
            if (segments.every((s, i) => i === 0 || s !== segments[i - 1])) expect(locator.getAstNodePath(node)).toBe(path);
        }
    });
});

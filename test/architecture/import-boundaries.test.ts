import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering of ARCHITECTURE.md, checked on the code: dependency-cruiser applies the rules of
 * .dependency-cruiser.cjs to every import under src/, and the engine's folders must not import each other
 * in a circle (a folder may use the ones below it, never one that uses it back).
 */
interface CruiseResult {
    modules: Array<{ source: string; dependencies: Array<{ resolved: string; dependencyTypes: string[] }> }>;
    summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
}

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(): CruiseResult {
    const json = execFileSync(process.execPath, [cli, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
        { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return JSON.parse(json) as CruiseResult;
}

/** `src/engine/classes/edge/x.ts` → `classes/edge`; the engine's own files (its entry) → `.`. */
function engineFolder(file: string): string | undefined {
    if (!file.startsWith('src/engine/')) return undefined;
    const folder = path.posix.dirname(file.slice('src/engine/'.length));
    return folder;
}

/** The groups of folders that import each other in a circle (Tarjan's strongly connected components). */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
    let next = 0;
    const index = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
        index.set(v, next); low.set(v, next++); stack.push(v); onStack.add(v);
        for (const w of graph.get(v) ?? []) {
            if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
            else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        if (low.get(v) !== index.get(v)) return;
        const group: string[] = [];
        let w: string;
        do { w = stack.pop()!; onStack.delete(w); group.push(w); } while (w !== v);
        if (group.length > 1) cycles.push(group.sort());
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    return cycles;
}

describe('import boundaries', () => {
    const result = cruise();

    it('every import under src/ keeps to the layering rules', () => {
        const violations = result.summary.violations.map(v => `${v.rule.name}: ${v.from} → ${v.to}`);
        expect(violations).toEqual([]);
        // the rules did run: the whole source tree was read
        expect(result.modules.filter(m => m.source.startsWith('src/engine/model/')).length).toBeGreaterThan(20);
    });

    it("the engine's folders do not import each other in a circle, even by types", () => {
        const graph = new Map<string, Set<string>>();
        for (const module of result.modules) {
            const from = engineFolder(module.source);
            if (from === undefined) continue;
            for (const dependency of module.dependencies) {
                const to = engineFolder(dependency.resolved);
                if (to === undefined || to === from) continue;
                if (!graph.has(from)) graph.set(from, new Set());
                graph.get(from)!.add(to);
            }
        }
        expect(graph.get('model')).toBeDefined();
        expect(folderCycles(graph)).toEqual([]);
        // model/ is the bottom of the class machinery: units, series and data only
        expect([...graph.get('model')!].filter(f => !['units', 'series', 'data'].includes(f))).toEqual([]);
    });

    it('outside the engine, only its entries are imported', () => {
        const outside = result.modules.filter(m => m.source.startsWith('src/') && !m.source.startsWith('src/engine/'));
        const reached = new Set(outside.flatMap(m => m.dependencies.map(d => d.resolved)).filter(f => f.startsWith('src/engine/')));
        expect([...reached].sort()).toEqual(['src/engine/index.ts', 'src/engine/presentation.ts']);
    });
});

import { posix } from 'node:path';

/** An import line: `import "path"` (a path as the grammar reads it, relative to the importing file). */
const IMPORT = /^\s*import\s+"([^"]+)"/gm;

/**
 * The models among .efp files (paths with `/`): the files no other one of them imports, since an imported
 * file is part of the model that imports it. `read` gives a file's text; a file it cannot read imports
 * nothing here (checking or comparing it then says why).
 */
export async function rootModelPaths(paths: readonly string[], read: (path: string) => Promise<string>): Promise<string[]> {
    const imported = new Set<string>();
    for (const path of paths) {
        for (const m of (await read(path).catch(() => '')).matchAll(IMPORT)) imported.add(posix.normalize(posix.join(posix.dirname(path), m[1])));
    }
    return paths.filter(p => !imported.has(posix.normalize(p)));
}

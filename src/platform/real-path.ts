import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * The path with every symbolic link resolved (and `.`, `..` as the file system resolves them), so that
 * two spellings of a file compare equal: `./x`, `x`, `link/x`, an alias of x. A file that does not exist
 * yet is its nearest existing folder's real path followed by the rest as written, so an output under a
 * linked folder compares by where it will land.
 */
export function realPath(path: string): string {
    // not path.resolve: it would remove `link/..` by the text, where the file system follows the link
    let candidate = isAbsolute(path) ? path : `${process.cwd()}${sep}${path}`;
    const rest: string[] = [];
    for (;;) {
        try {
            // the native realpath: the JavaScript one removes `..` by the text before following links
            return join(realpathSync.native(candidate), ...rest);
        } catch {
            const parent = dirname(candidate);
            if (parent === candidate) return join(candidate, ...rest);
            rest.unshift(basename(candidate));
            candidate = parent;
        }
    }
}

/** Whether `path` is `folder` or inside it (both real paths). */
export function isInsideFolder(folder: string, path: string): boolean {
    const rel = relative(folder, path);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * How a model description keys the data files it names (a measurement's `file: "runs/emissions.csv"`,
 * `hourly_values(file: "traffic.csv")`): by the
 * document the path is written in and the path as written. The front end, which has a file system,
 * resolves the path relative to that document and reads the file; the engine only looks the text up,
 * so both agree on the key without the engine knowing about URIs or file systems.
 */
export function dataFileKey(documentUri: string, path: string): string {
    return `${documentUri}\u0000${path}`;
}

/** The document and the path a `dataFileKey` was made of (a URI holds no NUL: the first one parts them). */
export function dataFileOfKey(key: string): { readonly documentUri: string; readonly path: string } {
    const at = key.indexOf('\u0000');
    return { documentUri: key.slice(0, at), path: key.slice(at + 1) };
}

/** The last part of a data file's path: what messages and sources call the file. */
export function fileName(path: string): string {
    return path.split(/[\\/]/).pop() || path;
}

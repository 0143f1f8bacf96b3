import { URI, UriUtils } from 'langium';
import type { DataFileContent, ObjectDescription } from '../engine/model/description.js';
import { dataFileKey } from '../engine/codecarbon/data-file-key.js';

/** Reads a file's text (Langium's FileSystemProvider.readFileSync in the CLI and the language server). */
export type DataFileReader = (uri: URI) => string;

/** The objects that name a data file, and the input that names it. */
const DATA_FILE_INPUTS: Readonly<Record<string, string>> = { Measurement: 'file' };

/** Where a path written in a document points: relative to the document, as imports are. */
export function resolveDataFile(documentUri: string, path: string): URI {
    if (path.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(path)) return URI.file(path);
    return UriUtils.resolvePath(UriUtils.dirname(URI.parse(documentUri)), path);
}

/**
 * The data files a model's objects name, read now, keyed as the engine looks them up. A file that
 * cannot be read is kept with the reason, which the engine reports on the attribute that names it.
 */
export function readDataFiles(objects: readonly ObjectDescription[], read: DataFileReader | undefined): Record<string, DataFileContent> {
    const files: Record<string, DataFileContent> = {};
    for (const object of objects) {
        const name = DATA_FILE_INPUTS[object.className];
        const input = name ? object.inputs[name] : undefined;
        const uri = input?.expr.origin?.uri ?? input?.origin?.uri;
        if (!input || input.expr.kind !== 'text' || !uri) continue;
        const key = dataFileKey(uri, input.expr.value);
        if (key in files) continue;
        if (!read) {
            files[key] = { error: 'no file system to read it from' };
            continue;
        }
        try {
            files[key] = { text: read(resolveDataFile(uri, input.expr.value)) };
        } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            files[key] = { error: code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? (e as Error).message };
        }
    }
    return files;
}

import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { readTextFile, readTextFileSync } from '../../platform/text-files.js';
import { fileLimitOf } from '../data-files.js';

/**
 * Langium's file system on disk, reading text through efp's checked reader (src/platform/text-files.ts):
 * sizes checked before reading (models against the model limit, anything else against the data-file
 * limit), strict UTF-8, failures as FileErrors saying why. The language server and the CLI read models,
 * imports and data files through it.
 */
export class CheckedFileSystemProvider extends NodeFileSystemProvider {
    override readFile(uri: URI): Promise<string> {
        return readTextFile(uri.fsPath, fileLimitOf(uri));
    }

    override readFileSync(uri: URI): string {
        return readTextFileSync(uri.fsPath, fileLimitOf(uri));
    }
}

export const CheckedFileSystem = {
    fileSystemProvider: () => new CheckedFileSystemProvider()
};

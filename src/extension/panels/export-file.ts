import { posix } from 'node:path';
import { writeFileSafely } from '../../platform/safe-write.js';
import { realPath } from '../../platform/real-path.js';

/** Where an export goes, as VS Code names it (a `vscode.Uri`; kept to these fields so it tests without VS Code). */
export interface ExportTarget {
    readonly scheme: string;
    readonly path: string;
    readonly fsPath: string;
}

/**
 * Writes an export of the dashboard (a chart's PNG, a table's CSV) where the user chose to save it. Never
 * over a model (the document the dashboard shows, or any .efp file, which a save dialog's "Replace" would
 * otherwise lose), and never half: on disk through efp's safe writer (a temporary file renamed over the
 * target); elsewhere (a remote file system) through `writeElsewhere`, VS Code's own.
 */
export async function writeExport(target: ExportTarget, content: Uint8Array, model: ExportTarget,
    writeElsewhere: (content: Uint8Array) => Promise<void>): Promise<void> {
    const name = posix.basename(target.path);
    const isModel = target.path.endsWith('.efp')
        || (target.scheme === 'file' && model.scheme === 'file' && realPath(target.fsPath) === realPath(model.fsPath));
    if (isModel) throw new Error(`${name} is a model: save the export under another name`);
    if (target.scheme === 'file') await writeFileSafely(target.fsPath, content);
    else await writeElsewhere(content);
}

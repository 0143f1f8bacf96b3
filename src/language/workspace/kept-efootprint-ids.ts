import type { EfpServices } from '../efp-module.js';
import { BUILTIN_LIBRARY_URI } from '../builtin-library.js';
import { type EfootprintIds, emptyIds, readEfootprintIds } from '../../engine/index.js';

/**
 * The e-footprint ids that `efp import` kept in the comments of a loaded model's files (the model does not
 * keep comments): what `efp export` writes back and what a diff recognises a renamed object by.
 */
export function keptEfootprintIds(services: EfpServices): EfootprintIds {
    const ids = emptyIds();
    for (const doc of services.shared.workspace.LangiumDocuments.all) {
        if (doc.uri.toString() !== BUILTIN_LIBRARY_URI) readEfootprintIds(doc.textDocument.getText(), ids);
    }
    return ids;
}

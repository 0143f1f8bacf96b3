import { DefaultRenameProvider } from 'langium/lsp';
import type { LangiumDocument } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isEfpIdentifier, isReservedWord } from '../../engine/index.js';

/**
 * Langium's rename, with the new name checked first: Langium writes whatever the editor sends in place
 * of every reference, so `x { }\nserver y` would have become two objects. A new name must be a name the
 * grammar reads as one (letters, digits, underscores, not starting with a digit) and not a word the
 * language or the built-in library already means something by.
 */
export class EfpRenameProvider extends DefaultRenameProvider {
    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const problem = newNameProblem(params.newName);
        if (problem) throw new ResponseError(LSPErrorCodes.RequestFailed, problem);
        return super.rename(document, params, cancelToken);
    }
}

/** Why `name` cannot name an object or source; undefined when it can. */
export function newNameProblem(name: string): string | undefined {
    const shown = JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);
    if (!isEfpIdentifier(name)) return `${shown} is not a name: names are letters, digits and underscores, and do not start with a digit`;
    if (isReservedWord(name)) return `${shown} already means something in efp (a keyword, a unit or an enumerated value): choose another name`;
    return undefined;
}

import * as vscode from 'vscode';
import { BUILTIN_LIBRARY_SCHEME, BuiltinLibraryRequest, type RequestDescriptor } from '../language/protocol.js';

/**
 * The built-in library as a read-only document (`efp-builtin:/library.efp`): where go to definition on
 * `France`, `ssd` or `kWh` lands, highlighted as .efp. Documents of a content provider cannot be
 * edited or saved; the text is the server's, asked when the document opens.
 */
export function registerBuiltinLibraryDocument(
    request: <P, R>(type: RequestDescriptor<P, R>, params: P) => Promise<R>
): vscode.Disposable {
    const provider: vscode.TextDocumentContentProvider = {
        provideTextDocumentContent: uri => request(BuiltinLibraryRequest.type, { uri: uri.toString() })
    };
    return vscode.workspace.registerTextDocumentContentProvider(BUILTIN_LIBRARY_SCHEME, provider);
}

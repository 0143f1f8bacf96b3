import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractSignatureHelpProvider } from 'langium/lsp';
import type { SignatureHelp, SignatureHelpOptions, SignatureHelpParams } from 'vscode-languageserver';
import { isCall, type Call } from '../generated/ast.js';
import { BUILDERS } from '../../engine/index.js';

/** The parameters of a time-series builder while its arguments are typed, the current one highlighted. */
export class EfpSignatureHelpProvider extends AbstractSignatureHelpProvider {
    override get signatureHelpOptions(): SignatureHelpOptions {
        return { triggerCharacters: ['('], retriggerCharacters: [','] };
    }

    override provideSignatureHelp(document: LangiumDocument, params: SignatureHelpParams): SignatureHelp | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root && (CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset));
        const call = leaf && (isCall(leaf.astNode) ? leaf.astNode : AstUtils.getContainerOfType(leaf.astNode, isCall));
        return call ? this.signatureOf(call, offset) : undefined;
    }

    protected getSignatureFromElement(element: AstNode): SignatureHelp | undefined {
        const call = isCall(element) ? element : AstUtils.getContainerOfType(element, isCall);
        return call ? this.signatureOf(call, call.$cstNode?.end ?? 0) : undefined;
    }

    private signatureOf(call: Call, offset: number): SignatureHelp | undefined {
        const builder = BUILDERS.get(call.function);
        if (!builder) return undefined;
        const parameters = builder.parameters.map(p => ({
            label: `${p.name}${p.optional ? '?' : ''}${p.per ? ' per …' : ''}`,
            documentation: p.description
        }));
        // the argument the cursor is in: named, or by position
        const before = call.arguments.filter(a => (a.$cstNode?.offset ?? Infinity) < offset);
        const current = before[before.length - 1];
        const byName = current?.name ? builder.parameters.findIndex(p => p.name === current.name) : -1;
        const activeParameter = byName >= 0 ? byName : Math.max(0, Math.min(before.length - 1, parameters.length - 1));
        return {
            signatures: [{
                label: `${builder.name}(${parameters.map(p => p.label).join(', ')})`,
                documentation: builder.description,
                parameters
            }],
            activeSignature: 0,
            activeParameter
        };
    }
}

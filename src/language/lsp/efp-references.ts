import {
    AstUtils, CstUtils, DefaultReferences, stream, UriUtils, type AstNode, type FindReferencesOptions, type LangiumDocument, type MaybePromise,
    type ReferenceDescription, type Stream
} from 'langium';
import { DefaultDocumentHighlightProvider } from 'langium/lsp';
import type { DocumentHighlight, DocumentHighlightParams } from 'vscode-languageserver';

/**
 * Langium's references, without spreading them into one call (`refs.push(...references)`): a unit used
 * on each of 130,000 values ran finding and highlighting its uses out of stack.
 */
export class EfpReferences extends DefaultReferences {
    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const references: ReferenceDescription[] = options.includeDeclaration ? this.getSelfReferences(targetNode) : [];
        let indexed = this.index.findAllReferences(targetNode, this.nodeLocator.getAstNodePath(targetNode));
        if (options.documentUri) {
            const uri = options.documentUri;
            indexed = indexed.filter(ref => UriUtils.equals(ref.sourceUri, uri));
        }
        for (const reference of indexed) references.push(reference);
        return stream(references);
    }
}

/** Langium's highlights of a name's uses, without spreading them into one call either. */
export class EfpDocumentHighlightProvider extends DefaultDocumentHighlightProvider {
    override getDocumentHighlight(document: LangiumDocument, params: DocumentHighlightParams): MaybePromise<DocumentHighlight[] | undefined> {
        const rootNode = document.parseResult.value.$cstNode;
        if (!rootNode) return undefined;
        const selected = CstUtils.findDeclarationNodeAtOffset(rootNode, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        if (!selected) return undefined;
        const highlights: DocumentHighlight[] = [];
        for (const target of this.references.findDeclarations(selected)) {
            const includeDeclaration = UriUtils.equals(AstUtils.getDocument(target).uri, document.uri);
            for (const reference of this.references.findReferences(target, { documentUri: document.uri, includeDeclaration })) {
                highlights.push(this.createDocumentHighlight(reference));
            }
        }
        return highlights;
    }
}

import {
    AstUtils, CstUtils, type AstNode, type AstNodeDescription, type AstNodeDescriptionProvider, type AstNodeLocator,
    type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type NameProvider, type URI
} from 'langium';

/**
 * A name in the index, as Langium describes it, at a fraction of the memory. Langium's description is
 * an object literal with a getter, a closure and an eagerly computed segment: V8 keeps each in a
 * dictionary of its own, about 1 kB for every declaration, and a model has two descriptions of each
 * (exported, local). 100,000 declarations held 430 MB, half of it descriptions. Here a description is
 * an instance of one class: its fields in a fixed shape, its segments computed when first read (by
 * go-to-definition, rename, outline), most never are.
 */
class EfpAstNodeDescription implements AstNodeDescription {
    readonly #nameProvider: NameProvider;
    #nameSegment: DocumentSegment | undefined;
    #selectionSegment: DocumentSegment | undefined;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        readonly path: string,
        nameProvider: NameProvider
    ) {
        this.#nameProvider = nameProvider;
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.#nameSegment ??= CstUtils.toDocumentSegment(this.#nameProvider.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.#selectionSegment ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

export class EfpAstNodeDescriptionProvider implements AstNodeDescriptionProvider {
    private readonly astNodeLocator: AstNodeLocator;
    private readonly nameProvider: NameProvider;

    constructor(services: LangiumCoreServices) {
        this.astNodeLocator = services.workspace.AstNodeLocator;
        this.nameProvider = services.references.NameProvider;
    }

    createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const path = this.astNodeLocator.getAstNodePath(node);
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${path} has no name.`);
        const uri = (document ?? AstUtils.getDocument(node)).uri;
        return new EfpAstNodeDescription(node, name, node.$type, uri, path, this.nameProvider);
    }
}

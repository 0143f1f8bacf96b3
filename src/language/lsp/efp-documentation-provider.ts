import { isJSDoc, parseJSDoc, type AstNode, type CommentProvider, type DocumentationProvider } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { markdownText } from '../../engine/index.js';

/**
 * A declaration's doc comment (a `/**` comment above it), shown with completions, as the text it is: Langium's
 * default renders it as Markdown, which VS Code shows with efp's command links trusted, so a comment in
 * someone else's model could show links or images. Each line is escaped (src/engine/text/markdown.ts);
 * blank lines still separate paragraphs.
 */
export class EfpDocumentationProvider implements DocumentationProvider {
    private readonly comments: CommentProvider;

    constructor(services: LangiumServices) {
        this.comments = services.documentation.CommentProvider;
    }

    getDocumentation(node: AstNode): string | undefined {
        const comment = this.comments.getComment(node);
        if (!comment || !isJSDoc(comment)) return undefined;
        const text = parseJSDoc(comment).toString().trim();
        return text ? text.split(/\r?\n|\r/).map(line => markdownText(line)).join('\n') : undefined;
    }
}

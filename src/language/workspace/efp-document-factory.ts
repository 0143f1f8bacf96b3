import {
    DefaultLangiumDocumentFactory, type AstNode, type LangiumDocument, type LangiumSharedCoreServices, type ParseResult,
    type ParserOptions, type TextDocument, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { FileError } from '../../platform/file-errors.js';
import { fileSize } from '../../platform/text-files.js';
import { modelFileLimit } from '../data-files.js';
import { unreadableFiles, type UnreadableFile } from './unreadable-files.js';

/**
 * Langium's document factory, keeping to efp's limits on model files. A file that cannot be read from
 * disk (too large, not UTF-8: src/platform/text-files.ts) becomes an empty document instead of an error
 * that would stop the workspace from loading; a text over the model-file limit (an open editor's too) is
 * not parsed. Either way the reason is recorded (./unreadable-files.ts): the validator reports it once
 * on the file, and on the lines that import it, and nothing is evaluated from it.
 */
export class EfpDocumentFactory extends DefaultLangiumDocumentFactory {
    constructor(private readonly shared: LangiumSharedCoreServices) {
        super(shared);
    }

    /** Looked up when needed: the documents service, which keys it, is built from this factory. */
    private get unreadable(): Map<string, UnreadableFile> {
        return unreadableFiles(this.shared);
    }

    protected override async getInitialText(uri: URI, token: CancellationToken): Promise<string> {
        return this.readOrRecord(uri, () => super.getInitialText(uri, token));
    }

    protected override async getUpdatedText<T extends AstNode>(document: LangiumDocument<T>, textDocument: TextDocument | undefined, token: CancellationToken): Promise<string> {
        return this.readOrRecord(document.uri, () => super.getUpdatedText(document, textDocument, token));
    }

    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return super.parse(uri, this.withinLimit(uri, text), options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, token: CancellationToken): Promise<ParseResult<T>> {
        return super.parseAsync(uri, this.withinLimit(uri, text), token);
    }

    private async readOrRecord(uri: URI, read: () => Promise<string>): Promise<string> {
        try {
            const text = await read();
            this.unreadable.delete(uri.toString());
            return text;
        } catch (e) {
            if (!(e instanceof FileError)) throw e;
            this.unreadable.set(uri.toString(), { reason: e.reason, hint: e.hint });
            return '';
        }
    }

    private withinLimit(uri: URI, text: string): string {
        const limit = modelFileLimit();
        if (text.length <= limit.bytes) return text;
        this.unreadable.set(uri.toString(), { reason: `it is ${fileSize(text.length)}, more than the ${fileSize(limit.bytes)} efp reads`, hint: limit.hint });
        return '';
    }
}

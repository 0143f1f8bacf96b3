/**
 * What keeps a template from being written (an unknown name, files that are already there, a folder that
 * is a file), said in words with what to do. The CLI reports it as a usage error (exit 2), the editor in a
 * message.
 */
export class TemplateError extends Error {
    constructor(message: string, readonly hint: string) {
        super(message);
    }
}

/**
 * A model's files cannot be had: an unreadable file, a folder that is not a git repository, an unknown
 * revision, git missing. Said in one line (and a hint): the CLI exits with code 2, the server shows it in
 * the panel.
 */
export class SourceUnavailableError extends Error {
    constructor(message: string, readonly hint?: string) {
        super(message);
    }
}

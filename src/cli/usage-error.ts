/** A bad command line: reported in one line, exit code 2 (as is a SourceUnavailableError: a file that cannot be read). */
export class UsageError extends Error {}

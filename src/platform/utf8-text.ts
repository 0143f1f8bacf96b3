/**
 * Text files as efp reads them: UTF-8, strictly. A byte that is not UTF-8 (a Latin-1 `é`, a Windows-1252
 * quote) would otherwise turn silently into U+FFFD, and a name or a number with it; instead the file is
 * refused, saying where its first bad byte is and how to fix it. A UTF-8 byte order mark is dropped.
 */

export const SAVE_AS_UTF8_HINT = 'save it as UTF-8 (in VS Code: click the encoding in the status bar, then Save with Encoding, UTF-8)';

/** Text that is not UTF-8: the reason in words, with the line and column (1-based) of the first bad byte. */
export class NotUtf8Error extends Error {
    readonly hint = SAVE_AS_UTF8_HINT;

    constructor(message: string, readonly line?: number, readonly column?: number) {
        super(message);
    }
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The text of UTF-8 bytes; a NotUtf8Error for UTF-16 (by its byte order mark) or any invalid byte. */
export function decodeUtf8(bytes: Uint8Array): string {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
        throw new NotUtf8Error('it is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8');
    }
    try {
        // strips a UTF-8 byte order mark
        return strict.decode(bytes);
    } catch {
        const at = Math.min(firstInvalidByte(bytes), bytes.length - 1);
        const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
        let line = 1;
        for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
        // columns count characters as editors do (UTF-16 code units), after a BOM on the first line
        const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at));
        const column = before.length + 1;
        const byte = bytes[at].toString(16).toUpperCase().padStart(2, '0');
        throw new NotUtf8Error(`it is not UTF-8 text: byte 0x${byte} at line ${line}, column ${column}`, line, column);
    }
}

/** Where the first ill-formed sequence starts (Unicode's table 3-7 of well-formed UTF-8 byte sequences). */
function firstInvalidByte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        let length: number, low = 0x80, high = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) length = 2;
        else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            if (b === 0xe0) low = 0xa0; // overlong
            if (b === 0xed) high = 0x9f; // surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            if (b === 0xf0) low = 0x90; // overlong
            if (b === 0xf4) high = 0x8f; // past U+10FFFF
        } else return i;
        if (i + length > bytes.length) return i;
        for (let k = 1; k < length; k++) {
            const c = bytes[i + k];
            const [lo, hi] = k === 1 ? [low, high] : [0x80, 0xbf];
            if (c < lo || c > hi) return i;
        }
        i += length;
    }
    return i;
}

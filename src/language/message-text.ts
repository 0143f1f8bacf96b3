/** The longest user text (a name, a token) a message quotes whole. */
const MAX_QUOTED = 40;

/**
 * User text as a message quotes it: `'web'`, or for text longer than a name ever is, its start and its
 * length (`'xxxxxxxx…' (10485760 characters)`), so that a 10 MB token does not make a 10 MB message.
 */
export function quoted(text: string, mark = "'"): string {
    if (text.length <= MAX_QUOTED) return `${mark}${text}${mark}`;
    return `${mark}${text.slice(0, MAX_QUOTED)}…${mark} (${text.length} characters)`;
}

/** Items in first-seen order without repeats (objects reached through several paths are counted once). */
export function unique<T>(items: Iterable<T>): T[] {
    return [...new Set(items)];
}

/** How many members of a cycle a message lists in full; a longer one shows its first three and its last. */
const SHOWN_IN_FULL = 10;

/**
 * `a → b → a`: a cycle's members in order, back to the first. A cycle through 200,000 values reported on
 * each of them would make messages as long as the model, 200,000 times: past ten members it reads
 * `a → b → c → … → z → a`.
 */
export function cyclePath(members: readonly string[]): string {
    if (members.length <= SHOWN_IN_FULL) return [...members, members[0]].join(' → ');
    return longCyclePath(members.slice(0, 3), members[members.length - 1]);
}

/** `a → b → c → … → z → a`: the first members of a long cycle, then its last one, back to the first. */
export function longCyclePath(first: readonly string[], last: string): string {
    return [...first, '…', last, first[0]].join(' → ');
}

/** Whether a cycle of `count` members is listed in full. */
export function shownInFull(count: number): boolean {
    return count <= SHOWN_IN_FULL;
}

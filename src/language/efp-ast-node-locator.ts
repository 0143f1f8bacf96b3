import { DefaultAstNodeLocator, type AstNode } from 'langium';

/**
 * Paths of syntax-tree nodes (the index's record of where each reference is, a declaration's place) that
 * stay short in deep expressions. Langium's spells every level, `/value/left/left/left/…/unit`, built by
 * concatenation one level at a time: in a sum of 1,000 terms each unit's path has up to 1,000 segments,
 * held as as many pieces of string, and the index keeps one path per reference (a sum of 1,000 `1 W`
 * terms cost 32 MB, quadratic in its length). Here a run of one segment is written once with its count,
 * `/value/left~999/left/unit`... `/value/left~1000/unit`, and a path is built as one string. Paths without
 * runs are Langium's.
 */
export class EfpAstNodeLocator extends DefaultAstNodeLocator {
    private readonly repeatSeparator = '~';

    override getAstNodePath(node: AstNode): string {
        const segments: string[] = [];
        for (let n: AstNode = node; n.$container; n = n.$container) segments.push(this.getPathSegment(n));
        // from the root: `''` first, for the leading separator
        const parts = [''];
        for (let i = segments.length - 1; i >= 0;) {
            const segment = segments[i];
            let count = 1;
            while (i - count >= 0 && segments[i - count] === segment) count++;
            parts.push(count > 1 ? `${segment}${this.repeatSeparator}${count}` : segment);
            i -= count;
        }
        // joined: one flat string, not a chain of concatenations
        return parts.length > 1 ? parts.join(this.segmentSeparator) : '';
    }

    override getAstNode<T extends AstNode = AstNode>(node: AstNode, path: string): T | undefined {
        let current: unknown = node;
        for (const part of path.split(this.segmentSeparator)) {
            if (part.length === 0) continue;
            const repeat = part.lastIndexOf(this.repeatSeparator);
            const segment = repeat > 0 ? part.slice(0, repeat) : part;
            const count = repeat > 0 ? Number(part.slice(repeat + 1)) : 1;
            for (let k = 0; k < count; k++) {
                if (!current) return undefined;
                current = this.step(current as Record<string, unknown>, segment);
            }
        }
        return current as T | undefined;
    }

    private step(node: Record<string, unknown>, segment: string): unknown {
        const at = segment.indexOf(this.indexSeparator);
        if (at > 0) return (node[segment.substring(0, at)] as unknown[] | undefined)?.[parseInt(segment.substring(at + 1))];
        return node[segment];
    }
}

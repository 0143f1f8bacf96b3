import type { DrawnGraph } from './graph-drawing.js';

/**
 * Finds nodes by name: every node whose title, subtitle or value contains the query is highlighted;
 * Enter moves to the next match (Shift+Enter the previous one) and centres it.
 */
export class GraphSearch {
    private drawn: DrawnGraph | undefined;
    private matches: string[] = [];
    private current = -1;
    private query = '';

    constructor(private readonly counter: HTMLElement, private readonly centre: (id: string) => void) {}

    /** A new drawing: the same query applies to it. */
    attach(drawn: DrawnGraph): void {
        this.drawn = drawn;
        const was = this.matches[this.current];
        this.apply(this.query);
        this.current = was === undefined ? -1 : this.matches.indexOf(was);
        this.mark();
    }

    apply(query: string): void {
        this.query = query.trim().toLowerCase();
        this.matches = [];
        this.current = -1;
        for (const [id, { view, element }] of this.drawn?.nodes ?? []) {
            const hit = this.query !== '' && [view.title, view.subtitle, view.value, view.id].some(t => t.toLowerCase().includes(this.query));
            element.classList.toggle('match', hit);
            if (hit) this.matches.push(id);
        }
        this.mark();
    }

    /** Steps to the next (or previous) match and centres it. */
    step(backwards = false): void {
        if (this.matches.length === 0) return;
        const n = this.matches.length;
        this.current = this.current < 0 ? (backwards ? n - 1 : 0) : (this.current + (backwards ? n - 1 : 1)) % n;
        this.mark();
        this.centre(this.matches[this.current]);
    }

    private mark(): void {
        const currentId = this.matches[this.current];
        for (const [id, { element }] of this.drawn?.nodes ?? []) element.classList.toggle('current-match', id === currentId);
        this.counter.textContent = this.query === '' ? ''
            : this.matches.length === 0 ? 'no match'
                : this.current < 0 ? `${this.matches.length} match${this.matches.length === 1 ? '' : 'es'}`
                    : `${this.current + 1} of ${this.matches.length}`;
    }
}

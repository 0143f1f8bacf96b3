/**
 * The hover card of a node: its formula with its operands' values, or an input with its source. One
 * element for the page, positioned next to the node (with element.style, which the CSP allows, unlike
 * style attributes); it is also the nodes' aria-describedby, so screen readers read it on focus.
 */
export class Tooltip {
    private readonly element: HTMLDivElement;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(parent: HTMLElement) {
        this.element = document.createElement('div');
        this.element.id = 'graph-tooltip';
        this.element.className = 'tooltip';
        this.element.setAttribute('role', 'tooltip');
        this.element.hidden = true;
        parent.appendChild(this.element);
    }

    /** Shows `text` beside `target` after a short delay (immediately for keyboard focus). */
    show(target: Element, text: string, delay = 350): void {
        clearTimeout(this.timer);
        this.element.textContent = text;
        this.timer = setTimeout(() => this.place(target), delay);
    }

    hide(): void {
        clearTimeout(this.timer);
        this.element.hidden = true;
    }

    /** Below the target if there is room, else above; kept inside the window. */
    private place(target: Element): void {
        if (!target.isConnected) return;
        const box = target.getBoundingClientRect();
        this.element.hidden = false;
        const { width, height } = this.element.getBoundingClientRect();
        const gap = 6;
        const left = Math.max(gap, Math.min(box.left, window.innerWidth - width - gap));
        const below = box.bottom + gap;
        const top = below + height <= window.innerHeight ? below : Math.max(gap, box.top - height - gap);
        this.element.style.left = `${left}px`;
        this.element.style.top = `${top}px`;
    }
}

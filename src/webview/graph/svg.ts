const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes (never `style`: the page's content security policy forbids inline styles). */
export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
    const element = document.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
    parent?.appendChild(element);
    return element;
}

/** `Server` -> `cls-Server`: class names become CSS classes, for colours; anything odd is dropped. */
export function classToken(className: string): string {
    return `cls-${className.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/**
 * Shortens a line of text to `maxWidth` with an ellipsis. The server sized the box from estimated
 * character widths; this measures the real font. Needs the text to be rendered (not display:none).
 */
export function fitText(text: SVGTextElement, maxWidth: number): void {
    const full = text.textContent ?? '';
    if (full.length === 0 || text.getComputedTextLength() <= maxWidth) return;
    let low = 0, high = full.length;
    // the longest prefix that fits with the ellipsis
    while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        text.textContent = `${full.slice(0, mid)}…`;
        if (text.getComputedTextLength() <= maxWidth) low = mid;
        else high = mid - 1;
    }
    text.textContent = `${full.slice(0, low)}…`;
}

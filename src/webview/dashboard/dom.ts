/** Attributes and text of an element made by `h` (no `style`: the page's CSP forbids inline styles). */
export interface Props {
    readonly class?: string;
    readonly text?: string;
    readonly attrs?: Readonly<Record<string, string | undefined>>;
}

/** An element with its attributes and children, built with the DOM (never innerHTML). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
    const element = document.createElement(tag);
    if (props.class) element.className = props.class;
    for (const [name, value] of Object.entries(props.attrs ?? {})) {
        if (value !== undefined) element.setAttribute(name, value);
    }
    if (props.text !== undefined) element.textContent = props.text;
    for (const child of children) {
        if (child !== undefined) element.append(child);
    }
    return element;
}

/** A `vscode-button` with a visible label and an accessible name. */
export function button(label: string, onClick: () => void, options: { secondary?: boolean; ariaLabel?: string; focusKey?: string } = {}): HTMLElement {
    const b = h('vscode-button', { text: label, attrs: { 'aria-label': options.ariaLabel, 'data-focus-key': options.focusKey } });
    if (options.secondary) b.setAttribute('secondary', '');
    b.addEventListener('click', onClick);
    return b;
}

/**
 * Runs `rebuild` (which replaces elements) and gives the focus back to the element with the same
 * `data-focus-key`, so that keyboard users stay in place when new results redraw the page.
 */
export function keepingFocus(rebuild: () => void): void {
    const key = (document.activeElement as HTMLElement | null)?.closest?.('[data-focus-key]')?.getAttribute('data-focus-key');
    rebuild();
    if (!key) return;
    const again = document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`);
    if (again && again !== document.activeElement) again.focus();
}

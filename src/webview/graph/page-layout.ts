import { svgElement } from './svg.js';

/** The elements of the graph page, built once. */
export interface PageElements {
    readonly heading: HTMLHeadingElement;
    readonly search: HTMLElement & { value: string };
    readonly searchCount: HTMLSpanElement;
    readonly zoomIn: HTMLElement;
    readonly zoomOut: HTMLElement;
    readonly fit: HTMLElement;
    readonly expandAll: HTMLElement;
    readonly staleBanner: HTMLDivElement;
    readonly status: HTMLDivElement;
    readonly canvas: SVGSVGElement;
    readonly layer: SVGGElement;
    readonly message: HTMLDivElement;
    readonly hints: HTMLElement;
    readonly wrap: HTMLDivElement;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, parent: HTMLElement, text?: string): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    parent.appendChild(e);
    return e;
}

function button(parent: HTMLElement, text: string, label: string): HTMLElement {
    const b = document.createElement('vscode-button');
    b.setAttribute('secondary', '');
    b.setAttribute('aria-label', label);
    b.title = label;
    b.textContent = text;
    parent.appendChild(b);
    return b;
}

/**
 * The page: a toolbar (title, search, zoom buttons), a banner for stale results, a status line, the
 * canvas, and a line of hints. Built with DOM calls rather than markup: nothing here needs styles
 * inline, and the text never goes through an HTML parser.
 */
export function buildPage(app: HTMLElement): PageElements {
    const toolbar = element('header', 'toolbar', app);
    const heading = element('h1', 'graph-title', toolbar, 'Graph');
    const find = element('div', 'find', toolbar);
    const search = document.createElement('vscode-textfield') as unknown as HTMLElement & { value: string };
    search.setAttribute('placeholder', 'Find a value');
    search.setAttribute('aria-label', 'Find nodes by name; Enter goes to the next match');
    find.appendChild(search);
    const searchCount = element('span', 'search-count', find);
    searchCount.setAttribute('aria-live', 'polite');
    const buttons = element('div', 'buttons', toolbar);
    const zoomOut = button(buttons, '−', 'Zoom out (-)');
    const zoomIn = button(buttons, '+', 'Zoom in (+)');
    const fit = button(buttons, 'Fit', 'Fit the graph to the view (0)');
    const expandAll = button(buttons, 'Expand all', 'Show every collapsed value\'s ancestors again');
    expandAll.hidden = true;

    const staleBanner = element('div', 'banner stale', app, 'The document has errors: this graph shows the last version of the model that evaluated.');
    staleBanner.setAttribute('role', 'status');
    staleBanner.hidden = true;
    const status = element('div', 'status', app);
    status.setAttribute('aria-live', 'polite');

    const wrap = element('div', 'canvas-wrap', app);
    const canvas = svgElement('svg', { class: 'canvas', tabindex: 0, role: 'group', 'aria-label': 'Graph' }, wrap);
    // tabindex -1: Chromium makes an SVG element with focus listeners (the page's focusin/focusout on
    // the layer) a Tab stop of its own, an invisible one before the first node
    const layer = svgElement('g', { class: 'layer', tabindex: -1 }, canvas);
    const message = element('div', 'message', wrap);
    message.setAttribute('role', 'status');
    message.hidden = true;
    const hints = element('footer', 'hints', app);
    return { heading, search, searchCount, zoomIn, zoomOut, fit, expandAll, staleBanner, status, canvas, layer, message, hints, wrap };
}

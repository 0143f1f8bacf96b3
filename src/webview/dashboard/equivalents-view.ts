import { equivalentsOf, formatMagnitude, formatNumber } from '../../engine/presentation.js';
import { h } from './dom.js';

/** A count people can picture: whole numbers from ten up, one or two decimals below. */
export function formatCount(value: number): string {
    const abs = Math.abs(value);
    return formatNumber(value, abs >= 10 ? 0 : abs >= 1 ? 1 : 2);
}

/**
 * The footprint as everyday quantities, each with its factor, source and licence (the figures are
 * rough and people should be able to check them).
 */
export function equivalentsList(kg: number): HTMLElement {
    const list = h('ul', { class: 'equivalents', attrs: { 'data-testid': 'equivalents' } });
    for (const e of equivalentsOf(kg)) {
        const source = e.url
            ? h('a', { text: e.source, attrs: { href: e.url, title: e.url } })
            : h('span', { text: e.source });
        list.append(h('li', { class: 'equivalent', attrs: { 'data-testid': `equivalent-${e.id}` } },
            h('span', { class: 'equivalent-value', text: formatCount(e.value) }),
            ' ',
            h('span', { class: 'equivalent-label', text: e.label }),
            h('div', { class: 'equivalent-source' },
                `${formatMagnitude(e.factor)} g CO2e each — `,
                source,
                e.licence ? ` (${e.licence})` : '')));
    }
    return list;
}

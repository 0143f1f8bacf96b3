import { PER_YEAR } from '../../engine/presentation.js';
import { h } from './dom.js';
import type { ObjectRow, SummaryTable } from './summary-table.js';

export interface TableActions {
    /** Show the object's definition in the editor. */
    reveal(row: ObjectRow): void;
    readonly selectedObject?: string;
}

function numeric(text: string, testId: string): HTMLTableCellElement {
    return h('td', { class: 'num', text, attrs: { 'data-testid': testId } });
}

function headerRow(...labels: string[]): HTMLTableSectionElement {
    return h('thead', {}, h('tr', {}, ...labels.map((label, i) => h('th', { text: label, class: i > 0 ? 'num' : undefined, attrs: { scope: 'col' } }))));
}

/**
 * The totals as tables, with exactly the CLI's numbers. Every number has a `data-testid`: `total`,
 * `per-year`, `phase-<phase>` (and `-share`), rows `object-<id>` with cells `object-<id>-fabrication`,
 * `-energy`, `-total`, `-share`, rows `year-<year>` with cells `year-<year>-fabrication`, `-energy`, `-total`.
 */
export function totalsLine(table: SummaryTable): HTMLElement {
    return h('p', { class: 'totals' },
        'Total footprint: ',
        h('strong', { text: table.total, attrs: { 'data-testid': 'total' } }),
        ' CO2e over the period',
        ...(table.perYear ? [', ', h('strong', { text: table.perYear, attrs: { 'data-testid': 'per-year' } }), ` ${PER_YEAR} on average`] : []));
}

export function phaseTable(table: SummaryTable): HTMLTableElement {
    return h('table', { class: 'summary', attrs: { 'data-testid': 'phase-table' } },
        h('caption', { text: 'By life-cycle phase' }),
        headerRow('Phase', 'CO2e', 'Share'),
        h('tbody', {}, ...table.phases.map(p => h('tr', { attrs: { 'data-testid': `phase-row-${p.phase}` } },
            h('th', { text: p.label, attrs: { scope: 'row' } }),
            numeric(p.mass, `phase-${p.phase}`),
            numeric(p.share, `phase-${p.phase}-share`)))));
}

export function objectTable(table: SummaryTable, actions: TableActions): HTMLTableElement {
    const groups = table.categories.map(c => h('tbody', { attrs: { 'data-testid': `category-${c.category}` } },
        h('tr', { class: 'group' }, h('th', { text: c.label, attrs: { scope: 'rowgroup', colspan: '5' } })),
        ...c.objects.map(o => {
            const name = o.origin
                ? h('button', {
                    class: 'link', text: o.name,
                    attrs: { type: 'button', title: `Go to ${o.className} ${o.id}`, 'aria-label': `${o.name}: go to its definition`, 'data-focus-key': `object-${o.id}` }
                })
                : h('span', { text: o.name });
            name.addEventListener('click', () => actions.reveal(o));
            const row = h('tr', { class: o.id === actions.selectedObject ? 'selected' : undefined, attrs: { 'data-testid': `object-${o.id}` } },
                h('th', { class: 'object-name', attrs: { scope: 'row' } }, name),
                numeric(o.fabrication, `object-${o.id}-fabrication`),
                numeric(o.energy, `object-${o.id}-energy`),
                numeric(o.total, `object-${o.id}-total`),
                numeric(o.share, `object-${o.id}-share`));
            if (o.id === actions.selectedObject) row.setAttribute('aria-current', 'true');
            return row;
        })));
    return h('table', { class: 'summary', attrs: { 'data-testid': 'object-table' } },
        h('caption', { text: 'By object' }),
        headerRow('Object', 'Fabrication', 'Energy', 'Total', 'Share'),
        ...groups);
}

export function yearTable(table: SummaryTable): HTMLTableElement | undefined {
    if (table.years.length === 0) return undefined;
    return h('table', { class: 'summary', attrs: { 'data-testid': 'year-table' } },
        h('caption', { text: 'By year (UTC)' }),
        headerRow('Year', 'Fabrication', 'Energy', 'Total'),
        h('tbody', {}, ...table.years.map(y => h('tr', { attrs: { 'data-testid': `year-${y.year}` } },
            h('th', { text: String(y.year), attrs: { scope: 'row' } }),
            numeric(y.fabrication, `year-${y.year}-fabrication`),
            numeric(y.energy, `year-${y.year}-energy`),
            numeric(y.total, `year-${y.year}-total`)))));
}

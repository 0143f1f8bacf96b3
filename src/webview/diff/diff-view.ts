import type { DiffResult } from '../../language/protocol.js';
import {
    annotationText, type AttributeChange, changeDetails, type ModelDiff, type ObjectChange, type Origin, periodChanged, periodText, type Place, sourceText,
    splitAnnotations, type SystemFootprintDiff, versionText
} from '../../engine/presentation.js';
import type { VsCodeApi } from '../vscode-api.js';
import type { MassUnitSetting } from '../dashboard/messages.js';
import { button, h, keepingFocus } from '../dashboard/dom.js';
import { currentTheme, watchTheme } from '../dashboard/theme.js';
import type { DiffState, FromDiffWebview, ToDiffWebview } from './messages.js';
import { changeText, diffMassScales, direction, formatMass, massScale, percent, signedMass } from './format.js';
import type { DiffScales } from '../../engine/presentation.js';
import { waterfallColumns } from './waterfall-columns.js';
import { WaterfallChart, waterfallColours } from './waterfall-chart.js';

/**
 * The emission diff page: the total change, a waterfall per system, the objects whose footprint
 * changed, and the inputs that changed (a click goes to the line). Everything is rebuilt from the
 * latest result; the charts redraw when the theme changes.
 */
export class DiffView {
    private fileName = '';
    private result?: DiffResult;
    private massUnit: MassUnitSetting = 'auto';
    private failure?: string;
    private loading = true;
    private charts: WaterfallChart[] = [];

    constructor(private readonly root: HTMLElement, private readonly vscode: VsCodeApi<FromDiffWebview, DiffState>) {
        watchTheme(() => this.render());
        this.render();
    }

    receive(message: ToDiffWebview): void {
        switch (message.type) {
            case 'document':
                this.fileName = message.fileName;
                this.vscode.setState({ uri: message.uri, against: message.against });
                break;
            case 'loading':
                this.loading = true;
                break;
            case 'result':
                this.loading = false;
                this.failure = undefined;
                this.result = message.result;
                this.massUnit = message.massUnit;
                break;
            case 'error':
                this.loading = false;
                this.failure = message.message;
                break;
        }
        keepingFocus(() => this.render());
    }

    private render(): void {
        for (const chart of this.charts) chart.destroy();
        this.charts = [];
        const result = this.result;
        const page: Node[] = [this.header(result)];
        if (this.failure) page.push(banner('error', `The language server did not answer: ${this.failure}`));
        if (result?.message) page.push(banner(result.messageKind ?? 'info', result.message));
        if (!result && !this.failure) page.push(h('p', { class: 'hint', text: 'Comparing…' }));
        if (result?.diff) page.push(...this.body(result, result.diff));
        this.root.replaceChildren(...page);
        // the charts measure their containers: draw them once the page is in the document
        this.drawCharts();
    }

    private header(result: DiffResult | undefined): HTMLElement {
        const sides = result && result.oldLabel ? `${result.oldLabel} → ${result.newLabel}` : '';
        return h('header', { class: 'page-header' },
            h('div', {},
                h('h1', { text: `Emission diff${this.fileName ? ` — ${this.fileName}` : ''}` }),
                sides ? h('p', { class: 'sides', text: sides, attrs: { 'data-testid': 'diff-sides' } }) : undefined),
            h('div', { class: 'controls' },
                this.loading ? h('span', { class: 'hint', text: 'Comparing…', attrs: { role: 'status' } }) : undefined,
                button('Refresh', () => this.vscode.postMessage({ type: 'refresh' }), { secondary: true, focusKey: 'refresh', ariaLabel: 'Compare again' })));
    }

    private body(result: DiffResult, diff: ModelDiff): Node[] {
        const scales = diffMassScales(diff, this.massUnit);
        const { changes } = scales;
        const { total, fabrication, energy } = diff.summary;
        // the headline in its own scale, as `efp diff` and the Scenarios view write it
        const headline = massScale(total.change, this.massUnit);
        const nothing = total.change === 0 && diff.inputs.objects.length === 0 && diff.inputs.settings.length === 0;
        const summary = h('section', { class: 'summary', attrs: { 'aria-label': 'Total change' } },
            h('div', { class: 'headline' },
                h('span', { class: `total-change ${direction(total.change, headline)}`, text: `${signedMass(total.change, headline)} CO2e`, attrs: { 'data-testid': 'diff-total', 'data-kg': String(total.change) } }),
                h('span', { class: `relative ${direction(total.change, headline)}`, text: percent(total), attrs: { 'data-testid': 'diff-relative' } })),
            h('p', { class: 'totals', text: `${formatMass(total.old, scales.totals)} → ${formatMass(total.new, scales.totals)} CO2e over the modeling period`, attrs: { 'data-testid': 'diff-totals' } }),
            h('p', { class: 'phases' },
                h('span', { text: 'Fabrication ' }), h('span', { class: direction(fabrication.change, changes), text: signedMass(fabrication.change, changes), attrs: { 'data-testid': 'diff-fabrication' } }),
                h('span', { text: ' · Energy ' }), h('span', { class: direction(energy.change, changes), text: signedMass(energy.change, changes), attrs: { 'data-testid': 'diff-energy' } }),
                h('span', { class: 'hint', text: ` · ${countsText(diff)}` })));
        const nodes: Node[] = [summary];
        if (nothing) nodes.push(h('p', { class: 'hint', text: 'Nothing changed: the inputs and the footprint are the same on both sides.' }));
        const many = diff.systems.length > 1;
        diff.systems.forEach((system, i) => {
            if (system.total.change === 0 && system.objects.every(o => o.total.change === 0) && !many) return;
            nodes.push(this.systemSection(system, scales, many, result.origins ?? {}, i));
        });
        nodes.push(this.inputSection(diff));
        return nodes;
    }

    private systemSection(system: SystemFootprintDiff, scales: DiffScales, titled: boolean, origins: Readonly<Record<string, Origin>>, index: number): HTMLElement {
        const section = h('section', { class: 'system', attrs: { 'aria-label': `System ${system.name}` } });
        if (titled || system.status !== 'same') {
            section.append(h('h2', { text: `system "${system.name}"${system.status !== 'same' ? ` (${system.status})` : ''}: ${changeText(system.total, this.massUnit)}` }));
        }
        if (periodChanged(system)) {
            section.append(h('p', { class: 'hint', text: `The modeling period changed (${periodText(system.oldPeriod!)} → ${periodText(system.newPeriod!)}): per year on average, ${changeText(system.perYear, this.massUnit)}.` }));
        }
        const columns = waterfallColumns(system);
        const description = columns.map(c => `${c.label} ${signedMass(c.change, scales.changes)}`).join('; ');
        const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': `Waterfall of the change, object by object: ${description}`, 'data-testid': 'waterfall' } });
        section.append(h('figure', { class: 'waterfall' },
            h('figcaption', { text: 'How the change adds up, object by object (fabrication light, energy solid)' }),
            h('div', { class: 'chart-box' }, canvas)));
        const chart = new WaterfallChart(canvas);
        this.charts.push(chart);
        this.pending.set(chart, () => chart.update(columns, scales.changes, currentTheme(), waterfallColours()));
        section.append(this.objectTable(system, scales, origins, index));
        return section;
    }

    /** Charts to draw once their canvases are in the page. */
    private readonly pending = new Map<WaterfallChart, () => void>();

    private drawCharts(): void {
        for (const draw of this.pending.values()) draw();
        this.pending.clear();
    }

    private objectTable(system: SystemFootprintDiff, scales: DiffScales, origins: Readonly<Record<string, Origin>>, index: number): HTMLElement {
        const changed = system.objects.filter(o => o.total.change !== 0 || o.status !== 'same');
        const unchanged = system.objects.length - changed.length;
        const head = h('thead', {}, h('tr', {},
            h('th', { text: 'Object', attrs: { scope: 'col' } }),
            h('th', { class: 'num', text: 'Fabrication', attrs: { scope: 'col' } }),
            h('th', { class: 'num', text: 'Energy', attrs: { scope: 'col' } }),
            h('th', { class: 'num', text: 'Total change', attrs: { scope: 'col' } }),
            h('th', { class: 'num', text: 'Before → after', attrs: { scope: 'col' } }),
            h('th', { class: 'num', text: '%', attrs: { scope: 'col' } })));
        const rows = changed.map(o => {
            const origin = origins[o.id];
            const label = `${o.name}${o.oldId ? ` (was ${o.oldId})` : ''}${o.status !== 'same' ? ` (${o.status})` : ''}`;
            // a plain link-styled button: keyboard reachable, and quieter than a vscode-button in a table
            const name = origin
                ? h('button', { class: 'link', text: label, attrs: { type: 'button', title: `Go to ${o.className} ${o.id}`, 'data-focus-key': `object-${index}-${o.id}` } })
                : h('span', { text: label });
            if (origin) name.addEventListener('click', () => this.reveal(origin));
            const cell = (kg: number, key: string) => h('td', { class: `num ${direction(kg, scales.changes)}`, text: signedMass(kg, scales.changes), attrs: { 'data-testid': `object-${o.id}-${key}` } });
            return h('tr', {},
                h('th', { attrs: { scope: 'row' } }, name, h('span', { class: 'hint class-name', text: ` ${o.className}` })),
                cell(o.fabrication.change, 'fabrication'), cell(o.energy.change, 'energy'), cell(o.total.change, 'total'),
                h('td', { class: 'num', text: `${formatMass(o.total.old, scales.objects)} → ${formatMass(o.total.new, scales.objects)}` }),
                h('td', { class: 'num', text: percent(o.total) }));
        });
        const table = h('table', { class: 'objects', attrs: { 'data-testid': 'footprint-changes', 'aria-label': 'Footprint change by object' } }, head, h('tbody', {}, ...rows));
        return h('div', { class: 'table-box' },
            h('h3', { text: 'Footprint change by object' }),
            rows.length > 0 ? h('div', { class: 'scroll' }, table) : h('p', { class: 'hint', text: 'No object\'s footprint changed.' }),
            unchanged > 0 ? h('p', { class: 'hint', text: `${unchanged} other object${unchanged === 1 ? '' : 's'} of the system did not change.` }) : undefined);
    }

    private inputSection(diff: ModelDiff): HTMLElement {
        const section = h('section', { class: 'inputs', attrs: { 'data-testid': 'input-changes', 'aria-label': 'Input changes' } }, h('h2', { text: 'Input changes' }));
        const { objects, annotations } = splitAnnotations(diff.inputs.objects);
        if (diff.inputs.settings.length === 0 && objects.length === 0) section.append(h('p', { class: 'hint', text: 'No input changed.' }));
        if (diff.inputs.settings.length > 0) {
            section.append(h('div', { class: 'object-group' }, h('h3', { text: 'model' }),
                h('ul', { class: 'input-list' }, ...diff.inputs.settings.map(a => this.attributeRow('model', a)))));
        }
        for (const o of objects) {
            const identity = (o.new ?? o.old)!;
            const id = o.change === 'renamed' ? `${o.old!.id} → ${o.new!.id}` : identity.id;
            const title = `${o.keyword} ${id}${identity.name !== identity.id ? ` "${identity.name}"` : ''}`;
            const status = o.moved ? `${o.change === 'moved' ? 'moved' : `${o.change}, moved`} from ${o.moved.from} to ${o.moved.to}` : o.change;
            section.append(h('div', { class: 'object-group', attrs: { 'data-testid': `inputs-${identity.id}` } },
                h('h3', {}, h('span', { text: title }), h('span', { class: `status ${o.change}`, text: status })),
                o.attributes.length > 0
                    ? h('ul', { class: 'input-list' }, ...o.attributes.map(a => this.attributeRow(identity.id, a, o)))
                    : h('p', { class: 'hint', text: 'Same inputs.' })));
        }
        if (annotations.length > 0) {
            section.append(h('div', { class: 'object-group', attrs: { 'data-testid': 'annotation-changes' } },
                h('h3', { text: 'Annotations changed (same values)' }),
                h('ul', { class: 'input-list' }, ...annotations.map(({ object, attribute }) => {
                    const objectId = (object.new ?? object.old)!.id;
                    return h('li', { class: 'input-change', attrs: { 'data-testid': `annotation-${objectId}.${attribute.attribute}` } },
                        h('code', { class: 'attribute', text: `${objectId}.${attribute.attribute}` }), ' ', h('span', { class: 'values', text: annotationText(attribute) }));
                }))));
        }
        return section;
    }

    private attributeRow(objectId: string, a: AttributeChange, object?: ObjectChange): HTMLElement {
        // where it is written now; a removed object's place is in the old text, which the editor does not show
        const place = a.new?.place ?? (object?.change === 'removed' ? undefined : object?.new?.place);
        const origin = place ? originOf(place) : undefined;
        const source = sourceText(a);
        const row = h('li', { class: `input-change${origin ? ' clickable' : ''}`, attrs: { 'data-testid': `input-${objectId}.${a.attribute}` } },
            h('code', { class: 'attribute', text: `${objectId}.${a.attribute}` }), ' ',
            h('span', { class: 'values', text: valuesText(a) }),
            source ? ' ' : undefined, source ? h('span', { class: 'source', text: source }) : undefined,
            place ? ' ' : undefined, place ? h('span', { class: 'place', text: `${fileOf(place.file)}:${place.line}` }) : undefined);
        if (origin) {
            row.tabIndex = 0;
            row.setAttribute('role', 'button');
            row.setAttribute('data-focus-key', `input-${objectId}.${a.attribute}`);
            row.setAttribute('aria-label', `${objectId}.${a.attribute}: ${valuesText(a)}. Go to ${fileOf(place!.file)} line ${place!.line}`);
            row.addEventListener('click', () => this.reveal(origin));
            row.addEventListener('keydown', event => {
                if (event.key === 'Enter' || event.key === ' ') {
                    event.preventDefault();
                    this.reveal(origin);
                }
            });
        }
        return row;
    }

    private reveal(origin: Origin): void {
        this.vscode.postMessage({ type: 'reveal', origin });
    }
}

function banner(kind: 'info' | 'error', text: string): HTMLElement {
    return h('div', { class: `banner ${kind}`, text, attrs: { role: kind === 'error' ? 'alert' : 'status', 'data-testid': 'diff-message' } });
}

function countsText(diff: ModelDiff): string {
    const { objects, changedInputs, changedAnnotations } = diff.summary;
    const values = changedInputs - changedAnnotations;
    const parts = [`${values} input${values === 1 ? '' : 's'} changed`];
    if (changedAnnotations) parts.push(`${changedAnnotations} annotation${changedAnnotations === 1 ? '' : 's'}`);
    if (objects.added) parts.push(`${objects.added} object${objects.added === 1 ? '' : 's'} added`);
    if (objects.removed) parts.push(`${objects.removed} removed`);
    if (objects.renamed) parts.push(`${objects.renamed} renamed`);
    if (objects.moved) parts.push(`${objects.moved} moved`);
    return parts.join(', ');
}

/** `300 W → 600 W`, `[watch] → [watch, browse] (+browse)`, `600 W` (an added object's). */
function valuesText(a: AttributeChange): string {
    const parts: string[] = [];
    if (a.old && a.new) parts.push(a.aspects.includes('value') ? `${versionText(a.old)} → ${versionText(a.new)}` : versionText(a.new));
    else parts.push(versionText(a.new ?? a.old) + (a.new ? '' : ' (removed)'));
    parts.push(...changeDetails(a));
    return parts.join(' ');
}

/** The server names places by document URI: the file's name is what people read. */
function fileOf(uri: string): string {
    const path = uri.replace(/[?#].*$/, '');
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function originOf(place: Place): Origin {
    const line = Math.max(0, place.line - 1);
    return { uri: place.file, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

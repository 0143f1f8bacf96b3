import type { FootprintResult } from '../../language/protocol.js';
import { type MassScale, massScale, type SystemFootprintSummary } from '../../engine/presentation.js';
import { categoryBars, chartScale, KILOGRAMS, objectBars, phaseBars, yearBars, type PhaseBars } from './bar-data.js';
import { PhaseBarChart } from './bar-chart.js';
import { seriesCsv, summaryCsv } from './csv.js';
import { button, h, keepingFocus } from './dom.js';
import { equivalentsList } from './equivalents-view.js';
import type { DashboardState, EquivalentsBasis, MassUnitSetting, PanelToWebview, Resolution, SeriesSplit, WebviewToPanel } from './messages.js';
import { chartPng } from './png.js';
import { calendarBuckets } from './resample.js';
import { systemSeries, type HourlySeries } from './series-decode.js';
import { summaryTable, type SummaryTable } from './summary-table.js';
import { objectTable, phaseTable, totalsLine, yearTable } from './table-view.js';
import { currentTheme, watchTheme, type Theme } from './theme.js';
import { TimelineChart } from './timeline-chart.js';
import { stackLayers, timelineData } from './timeline-data.js';
import type { VsCodeApi } from '../vscode-api.js';

const RESOLUTIONS: readonly { value: Resolution; label: string }[] = [
    { value: 'hour', label: 'Hour' }, { value: 'day', label: 'Day' }, { value: 'month', label: 'Month' }, { value: 'year', label: 'Year' }
];

/** A bar chart card: its title, the chart, and how to get its bars from a system's summary. */
interface BarCard {
    readonly title: string;
    readonly slug: string;
    readonly chart: PhaseBarChart;
    readonly canvas: HTMLCanvasElement;
    readonly box: HTMLElement;
    readonly bars: (s: SystemFootprintSummary, unit: MassScale) => PhaseBars;
    /** Bar height in pixels when the chart grows with its number of bars (objects, years). */
    readonly perBar?: number;
    current?: PhaseBars;
}

/**
 * The footprint dashboard of one document: it keeps the page's elements and charts for the panel's
 * life and redraws them in place when results, settings, the theme or the user's choices change.
 */
export class Dashboard {
    private state: DashboardState;
    private result?: FootprintResult;
    private errors = 0;
    private massUnit: MassUnitSetting = 'auto';
    private failure?: string;
    private fileName = '';
    private theme: Theme = currentTheme();
    private series?: { result: FootprintResult; systemId: string; hourly: HourlySeries[] };

    private readonly heading = h('h1', { text: 'Footprint' });
    private readonly period = h('p', { class: 'period' });
    private readonly systemPicker = h('vscode-single-select', { attrs: { 'aria-label': 'System', 'data-testid': 'system-picker' } });
    private readonly systemField = h('label', { class: 'field hidden' }, h('span', { text: 'System' }), this.systemPicker);
    private readonly banner = h('div', { class: 'banner hidden', attrs: { role: 'status', 'data-testid': 'stale-banner' } });
    private readonly notice = h('div', { class: 'notice hidden', attrs: { role: 'status', 'data-testid': 'message' } });
    private readonly content = h('div', { class: 'content hidden' });
    private readonly totals = h('div', { class: 'totals-box' });
    private readonly tables = h('div', { class: 'tables' });
    private readonly equivalents = h('div', { class: 'equivalents-box' });
    private readonly basisPicker = h('vscode-single-select', { attrs: { 'aria-label': 'Compare' } });
    private readonly splitPicker = h('vscode-single-select', { attrs: { 'aria-label': 'Stack the areas by' } });
    private readonly resolutionGroup = h('vscode-radio-group', { attrs: { 'aria-label': 'Resolution', 'data-testid': 'resolution' } });
    private readonly timelineBox = h('div', { class: 'timeline', attrs: { 'data-testid': 'timeline' } });
    private readonly summaryExport = button('Export summary CSV', () => this.exportSummary(), { secondary: true, focusKey: 'export-summary' });
    private readonly timeline: TimelineChart;
    private readonly cards: BarCard[] = [];

    constructor(root: HTMLElement, private readonly vscode: VsCodeApi<WebviewToPanel, DashboardState>) {
        this.state = vscode.getState() ?? {};
        this.timeline = new TimelineChart(this.timelineBox, range => this.setState({ xRange: range }));
        root.append(
            h('header', { class: 'page-header' },
                h('div', {}, this.heading, this.period),
                h('div', { class: 'controls' }, this.systemField, this.summaryExport)),
            this.banner,
            this.notice,
            this.content);
        this.content.append(this.totals, this.chartSection(), this.timelineSection(), this.tables, this.equivalentsSection());
        this.systemPicker.addEventListener('change', () => {
            this.setState({ systemId: this.systemPicker.value, selectedObject: undefined });
            this.render();
        });
        watchTheme(() => {
            this.theme = currentTheme();
            this.render();
        });
        this.render();
    }

    receive(message: PanelToWebview): void {
        switch (message.type) {
            case 'document':
                this.fileName = message.fileName;
                if (this.state.uri !== message.uri) this.setState({ uri: message.uri });
                break;
            case 'result':
                this.result = message.result;
                this.errors = message.errors;
                this.massUnit = message.massUnit;
                this.failure = undefined;
                if (message.system && message.result.systems.some(s => s.systemId === message.system)) this.setState({ systemId: message.system });
                break;
            case 'error':
                this.failure = message.message;
                break;
            case 'errors':
                this.errors = message.errors;
                break;
            case 'settings':
                this.massUnit = message.massUnit;
                break;
        }
        this.render();
    }

    private setState(change: Partial<DashboardState>): void {
        this.state = { ...this.state, ...change };
        this.vscode.setState(this.state);
    }

    private get system(): SystemFootprintSummary | undefined {
        const systems = this.result?.systems ?? [];
        return systems.find(s => s.systemId === this.state.systemId) ?? systems[0];
    }

    private render(): void {
        this.renderNotice();
        const system = this.system;
        this.content.classList.toggle('hidden', !system);
        this.summaryExport.classList.toggle('hidden', !system);
        this.renderBanner();
        this.renderSystemPicker();
        if (!system) {
            this.heading.textContent = this.fileName ? `Footprint of ${this.fileName}` : 'Footprint';
            this.period.textContent = '';
            return;
        }
        const table = summaryTable(system, this.massUnit);
        this.heading.textContent = table.heading;
        this.period.textContent = table.period;
        keepingFocus(() => {
            this.totals.replaceChildren(totalsLine(table));
            this.renderTables(table);
            this.equivalents.replaceChildren(equivalentsList(this.state.basis === 'year' ? system.perYear : system.total));
        });
        for (const card of this.cards) {
            // each chart in the scale of its longest bar (an object's chart need not read in the total's unit)
            const scale = chartScale(card.bars(system, KILOGRAMS), this.massUnit);
            card.current = card.bars(system, scale);
            if (card.perBar) card.box.style.height = `${Math.max(140, card.current.labels.length * card.perBar + 70)}px`;
            card.chart.update(card.current, scale, this.theme);
        }
        this.renderTimeline(system);
    }

    private renderNotice(): void {
        let text: string | undefined;
        if (this.failure) text = `The footprint could not be computed: ${this.failure}`;
        else if (!this.result) text = this.fileName ? `Evaluating ${this.fileName}…` : 'Evaluating…';
        else if (this.result.systems.length === 0) text = this.result.message ?? 'The model has no system to total.';
        this.notice.classList.toggle('hidden', text === undefined);
        if (text === undefined) return;
        this.notice.replaceChildren(h('p', { text }));
        if (this.failure) this.notice.append(button('Retry', () => this.vscode.postMessage({ type: 'retry' }), { focusKey: 'retry' }));
    }

    private renderBanner(): void {
        const stale = this.result?.stale === true && (this.result.systems.length > 0);
        this.banner.classList.toggle('hidden', !stale);
        if (!stale) return;
        const errors = this.errors === 1 ? '1 error' : `${this.errors} errors`;
        this.banner.textContent = this.errors > 0
            ? `Showing the last results that evaluated — the file currently has ${errors}. Fix ${this.errors === 1 ? 'it' : 'them'} and save to update.`
            : 'Showing the last results that evaluated — the current text of the file does not evaluate.';
    }

    private renderSystemPicker(): void {
        const systems = this.result?.systems ?? [];
        this.systemField.classList.toggle('hidden', systems.length < 2);
        if (systems.length < 2) return;
        const current = this.system?.systemId;
        const ids = systems.map(s => s.systemId).join('\n');
        if (this.systemPicker.dataset.ids !== ids) {
            this.systemPicker.dataset.ids = ids;
            this.systemPicker.replaceChildren(...systems.map(s => h('vscode-option', { text: s.system, attrs: { value: s.systemId } })));
        }
        for (const option of this.systemPicker.querySelectorAll('vscode-option')) option.selected = option.value === current;
        if (current !== undefined && this.systemPicker.value !== current) this.systemPicker.value = current;
    }

    private renderTables(table: SummaryTable): void {
        const objects = objectTable(table, {
            selectedObject: this.state.selectedObject,
            reveal: row => {
                if (!row.origin) return;
                this.setState({ selectedObject: row.id });
                this.vscode.postMessage({ type: 'reveal', origin: row.origin });
                this.render();
            }
        });
        this.tables.replaceChildren(
            h('h2', { text: 'Totals' }),
            h('p', { class: 'hint', text: 'In CO2e, as `efp eval` prints them. Select an object to go to its definition.' }),
            h('div', { class: 'table-grid' }, phaseTable(table), objects, yearTable(table)));
    }

    private renderTimeline(system: SystemFootprintSummary): void {
        const hourly = this.hourlySeries(system);
        const resolution = this.state.resolution ?? 'hour';
        const data = timelineData(hourly, system.periodStart, system.hours, resolution, this.state.split ?? 'category');
        const top = stackLayers(data.layers).at(-1) ?? new Float64Array();
        let max = 0;
        for (const v of top) max = Math.max(max, v);
        const unit = massScale(max, this.massUnit);
        for (const radio of this.resolutionGroup.querySelectorAll('vscode-radio')) {
            radio.checked = radio.value === resolution;
            // the group gives the Tab stop to its first radio, not the checked one: Tab should land on the choice
            radio.tabIndex = radio.checked ? 0 : -1;
        }
        this.timeline.render({ data, unit, theme: this.theme, xRange: this.state.xRange });
    }

    /** The system's decoded hourly series, decoded once per result. */
    private hourlySeries(system: SystemFootprintSummary): HourlySeries[] {
        if (this.series?.result !== this.result || this.series?.systemId !== system.systemId) {
            this.series = { result: this.result!, systemId: system.systemId, hourly: systemSeries(this.result!.series, system.systemId) };
        }
        return this.series.hourly;
    }

    private chartSection(): HTMLElement {
        const section = h('section', { class: 'charts', attrs: { 'aria-label': 'Footprint charts' } });
        const add = (title: string, slug: string, bars: BarCard['bars'], options: { perBar?: number; clickable?: boolean } = {}) => {
            const canvas = h('canvas', { attrs: { role: 'img', 'aria-label': `${title}: bar chart of fabrication and energy CO2e (the tables below hold the same numbers)` } });
            const box = h('div', { class: `chart-box ${slug}` }, canvas);
            const card: BarCard = {
                title, slug, canvas, box, bars, perBar: options.perBar,
                chart: new PhaseBarChart(canvas, options.clickable ? index => this.revealBar(card, index) : undefined)
            };
            this.cards.push(card);
            section.append(h('div', { class: 'card', attrs: { 'data-testid': `chart-${slug}` } },
                h('div', { class: 'card-header' },
                    h('h2', { text: title }),
                    button('Save PNG', () => this.savePng(canvas, title, slug), { secondary: true, ariaLabel: `Save the chart ${title} as PNG`, focusKey: `png-${slug}` })),
                box));
        };
        add('By life-cycle phase', 'phases', phaseBars);
        add('By category', 'categories', categoryBars, { perBar: 34 });
        add('By object', 'objects', objectBars, { perBar: 30, clickable: true });
        add('By year (UTC)', 'years', yearBars, { perBar: 30 });
        return section;
    }

    private revealBar(card: BarCard, index: number): void {
        const origin = card.current?.origins?.[index];
        const id = card.current?.ids?.[index];
        if (!origin) return;
        this.setState({ selectedObject: id });
        this.vscode.postMessage({ type: 'reveal', origin });
        this.render();
    }

    private timelineSection(): HTMLElement {
        for (const r of RESOLUTIONS) this.resolutionGroup.append(h('vscode-radio', { attrs: { name: 'resolution', value: r.value, label: r.label } }));
        const onResolution = () => {
            const checked = [...this.resolutionGroup.querySelectorAll('vscode-radio')].find(r => r.checked);
            if (!checked || checked.value === (this.state.resolution ?? 'hour')) return;
            this.setState({ resolution: checked.value as Resolution });
            this.render();
        };
        this.resolutionGroup.addEventListener('change', onResolution);
        // the group checks radios on arrow keys without a change event
        this.resolutionGroup.addEventListener('keyup', onResolution);
        this.splitPicker.append(
            h('vscode-option', { text: 'Category', attrs: { value: 'category' } }),
            h('vscode-option', { text: 'Life-cycle phase', attrs: { value: 'phase' } }));
        this.selectOption(this.splitPicker, this.state.split ?? 'category');
        this.splitPicker.addEventListener('change', () => {
            this.setState({ split: this.splitPicker.value as SeriesSplit });
            this.render();
        });
        return h('section', { class: 'card timeline-card', attrs: { 'aria-label': 'Footprint over time' } },
            h('div', { class: 'card-header' },
                h('h2', { text: 'Footprint over time' }),
                h('div', { class: 'controls' },
                    this.resolutionGroup,
                    h('label', { class: 'field' }, h('span', { text: 'Stack by' }), this.splitPicker))),
            h('div', { class: 'toolbar', attrs: { role: 'toolbar', 'aria-label': 'Footprint over time' } },
                button('Zoom in', () => this.timeline.zoom(0.5), { secondary: true, ariaLabel: 'Zoom in on the time axis', focusKey: 'zoom-in' }),
                button('Zoom out', () => this.timeline.zoom(2), { secondary: true, ariaLabel: 'Zoom out on the time axis', focusKey: 'zoom-out' }),
                button('Whole period', () => this.timeline.resetZoom(), { secondary: true, ariaLabel: 'Show the whole modeling period', focusKey: 'zoom-reset' }),
                button('Save PNG', () => this.saveTimelinePng(), { secondary: true, ariaLabel: 'Save the footprint over time as PNG', focusKey: 'png-timeline' }),
                button('Export CSV', () => this.exportSeries(), { secondary: true, ariaLabel: 'Export the footprint over time by category and phase as CSV', focusKey: 'csv-series' })),
            h('p', { class: 'hint', text: 'Drag across the chart to zoom, double-click to see the whole period; click a legend entry to hide it.' }),
            this.timelineBox);
    }

    private equivalentsSection(): HTMLElement {
        this.basisPicker.append(
            h('vscode-option', { text: 'Over the period', attrs: { value: 'period' } }),
            h('vscode-option', { text: 'Per year', attrs: { value: 'year' } }));
        this.selectOption(this.basisPicker, this.state.basis ?? 'period');
        this.basisPicker.addEventListener('change', () => {
            this.setState({ basis: this.basisPicker.value as EquivalentsBasis });
            this.render();
        });
        return h('section', { class: 'card', attrs: { 'aria-label': 'Everyday equivalents' } },
            h('div', { class: 'card-header' },
                h('h2', { text: 'As much CO2e as' }),
                h('label', { class: 'field' }, h('span', { text: 'Footprint' }), this.basisPicker)),
            this.equivalents);
    }

    private selectOption(select: HTMLElementTagNameMap['vscode-single-select'], value: string): void {
        for (const option of select.querySelectorAll('vscode-option')) option.selected = option.value === value;
    }

    private baseName(): string {
        const file = this.fileName.replace(/\.efp$/, '') || 'footprint';
        const systems = this.result?.systems.length ?? 0;
        return systems > 1 && this.system ? `${file}-${this.system.systemId}` : file;
    }

    private savePng(canvas: HTMLCanvasElement, title: string, slug: string): void {
        const system = this.system;
        const heading = system ? `${title} — ${summaryTable(system, this.massUnit).heading}` : title;
        this.vscode.postMessage({ type: 'savePng', fileName: `${this.baseName()}-${slug}.png`, dataUrl: chartPng(canvas, heading, this.theme) });
    }

    private saveTimelinePng(): void {
        const canvas = this.timeline.canvas;
        const system = this.system;
        if (!canvas || !system) return;
        const resolution = this.state.resolution ?? 'hour';
        const title = `Footprint per ${resolution} — ${summaryTable(system, this.massUnit).heading}`;
        this.vscode.postMessage({ type: 'savePng', fileName: `${this.baseName()}-over-time.png`, dataUrl: chartPng(canvas, title, this.theme, this.timeline.legend()) });
    }

    private exportSeries(): void {
        const system = this.system;
        if (!system) return;
        const resolution = this.state.resolution ?? 'hour';
        const text = seriesCsv(this.hourlySeries(system), calendarBuckets(system.periodStart, system.hours, resolution));
        this.vscode.postMessage({ type: 'saveCsv', fileName: `${this.baseName()}-by-${resolution}.csv`, text });
    }

    private exportSummary(): void {
        const system = this.system;
        if (!system) return;
        this.vscode.postMessage({ type: 'saveCsv', fileName: `${this.baseName()}-summary.csv`, text: summaryCsv(system) });
    }
}

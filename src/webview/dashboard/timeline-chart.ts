import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type FootprintCategory, formatMass, formatNumber, type MassScale, type Phase } from '../../engine/presentation.js';
import type { LegendEntry } from './png.js';
import { withAlpha, type Theme } from './theme.js';
import { stackLayers, type TimelineData } from './timeline-data.js';
import { axisTimeLabel, bucketLabel } from './time-format.js';

const HEIGHT = 320;
const SECONDS_PER_HOUR = 3600;

export interface TimelineView {
    readonly data: TimelineData;
    /** The scale of the chart's highest point (mass-format.ts): its axis's unit, and how values under the cursor are written. */
    readonly unit: MassScale;
    readonly theme: Theme;
    /** The x range to show (seconds since the epoch); the whole period when absent. */
    readonly xRange?: readonly [number, number];
}

/**
 * The footprint over time as stacked areas (uPlot: it draws 26,000+ hourly points without effort).
 * Coarser resolutions draw steps: a day's or a month's footprint is a total over that bucket, not a
 * value at an instant. The visible x range is reported with `onZoom` and put back after every redraw.
 */
export class TimelineChart {
    private plot?: uPlot;
    private view?: TimelineView;
    /** What the chart was built for; a different shape needs a new uPlot, the same one takes `setData`. */
    private shape = '';
    /** Layers switched off in the legend, by key: they stay off across results and resolutions. */
    private readonly hidden = new Set<string>();
    /** Set while the chart itself moves the x scale, so that only the user's zooms are reported. */
    private settingScale = false;

    constructor(private readonly container: HTMLElement, private readonly onZoom: (range: [number, number] | undefined) => void) {
        new ResizeObserver(() => {
            if (this.plot && this.container.clientWidth > 0) this.plot.setSize({ width: this.container.clientWidth, height: HEIGHT });
        }).observe(container);
    }

    render(view: TimelineView): void {
        this.view = view;
        const { data, unit, theme } = view;
        const shape = JSON.stringify([data.resolution, data.layers.map(l => l.key), unit, theme]);
        if (this.plot && shape === this.shape) {
            this.withScale(() => this.plot!.setData(this.alignedData(), true));
        } else {
            this.plot?.destroy();
            this.shape = shape;
            this.settingScale = true;
            try {
                this.plot = new uPlot(this.options(view), this.alignedData(), this.container);
            } finally {
                this.settingScale = false;
            }
            this.withScale(() => undefined);
        }
    }

    /** Narrows (factor < 1) or widens (factor > 1) the visible range around its middle: the zoom buttons. */
    zoom(factor: number): void {
        const plot = this.plot;
        if (!plot) return;
        const [first, last] = this.fullRange();
        const { min = first, max = last } = plot.scales.x;
        const middle = (min + max) / 2;
        const half = Math.max(((max - min) * factor) / 2, SECONDS_PER_HOUR * 2);
        const from = Math.max(first, middle - half), to = Math.min(last, middle + half);
        plot.setScale('x', { min: from, max: to });
    }

    resetZoom(): void {
        const [min, max] = this.fullRange();
        this.plot?.setScale('x', { min, max });
    }

    get canvas(): HTMLCanvasElement | undefined {
        return this.plot?.ctx.canvas;
    }

    /** The visible layers and their colours, for the PNG export. */
    legend(): LegendEntry[] {
        if (!this.view) return [];
        return this.view.data.layers.filter(l => !this.hidden.has(l.key)).map(l => ({ label: l.label, color: this.colorOf(l.key) }));
    }

    destroy(): void {
        this.plot?.destroy();
        this.plot = undefined;
        this.shape = '';
    }

    /** Runs `change` (which resets the x scale) and then puts the wanted x range back. */
    private withScale(change: () => void): void {
        const plot = this.plot!;
        this.settingScale = true;
        try {
            change();
            const range = this.view?.xRange;
            const [first, last] = this.fullRange();
            if (range) {
                const min = Math.max(first, range[0]), max = Math.min(last, range[1]);
                // a range outside the new period (the start date changed) falls back to the whole period
                plot.setScale('x', max > min ? { min, max } : { min: first, max: last });
            }
        } finally {
            this.settingScale = false;
        }
    }

    /**
     * Each visible layer fills from its top down to the visible layer below it, not to zero (uPlot
     * draws no band whose edge is hidden, so the bands follow the legend's choices).
     */
    private bands(): uPlot.Band[] {
        const visible = this.view!.data.layers.flatMap((l, i) => (this.hidden.has(l.key) ? [] : [i + 1]));
        return visible.slice(1).map((series, k) => ({ series: [series, visible[k]] }));
    }

    private fullRange(): [number, number] {
        const xs = this.plot?.data[0] ?? [];
        return xs.length > 0 ? [xs[0], xs[xs.length - 1]] : [0, 1];
    }

    private colorOf(key: FootprintCategory | Phase): string {
        const theme = this.view!.theme;
        return key === 'fabrication' || key === 'energy' ? theme.phase[key] : theme.category[key];
    }

    /** x in seconds, then the running sums of the visible layers (a hidden layer adds nothing). */
    private alignedData(): uPlot.AlignedData {
        const { data, unit } = this.view!;
        const stepped = data.resolution !== 'hour';
        const xs = Array.from(data.buckets.starts, h => h * SECONDS_PER_HOUR);
        // a step chart needs where the last bucket ends to draw it
        if (stepped) xs.push(data.end * SECONDS_PER_HOUR);
        const visible = data.layers.map(l => (this.hidden.has(l.key) ? { ...l, values: new Float64Array(l.values.length) } : l));
        const stacked = stackLayers(visible).map(top => {
            const ys = Array.from(top, v => v / unit.kg);
            if (stepped) ys.push(ys[ys.length - 1] ?? 0);
            return ys;
        });
        return [xs, ...stacked];
    }

    private options(view: TimelineView): uPlot.Options {
        const { data, unit, theme } = view;
        const font = `${theme.fontSize}px ${theme.fontFamily}`;
        const stepped = data.resolution !== 'hour';
        const rawValue = (layer: number, index: number | null): string => {
            if (index === null) return '—';
            const values = data.layers[layer].values;
            return formatMass(values[Math.min(index, values.length - 1)], unit);
        };
        const axis = { stroke: theme.foreground, font, labelFont: font, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
        return {
            width: Math.max(this.container.clientWidth, 320),
            height: HEIGHT,
            // the model is in UTC hours: label the axis in UTC, not in the viewer's zone
            tzDate: ts => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC'),
            cursor: { drag: { x: true, y: false, setScale: true } },
            scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] } },
            legend: { live: true },
            series: [
                {
                    label: 'Time (UTC)',
                    value: (_u, v) => (v === null || v === undefined ? '—' : bucketLabel(v / SECONDS_PER_HOUR, data.resolution))
                },
                ...data.layers.map((layer, i) => {
                    const color = this.colorOf(layer.key);
                    return {
                        label: layer.label,
                        show: !this.hidden.has(layer.key),
                        stroke: color,
                        width: theme.highContrast ? 2 : 1,
                        fill: withAlpha(color, theme.highContrast ? 0.15 : 0.45),
                        paths: stepped ? uPlot.paths.stepped!({ align: 1 }) : undefined,
                        points: { show: false },
                        value: (_u: uPlot, _v: number | null, _series: number, index: number | null) => rawValue(i, index)
                    } satisfies uPlot.Series;
                })
            ],
            bands: this.bands(),
            axes: [
                // ISO dates are wider than uPlot's default labels: more room between ticks
                { ...axis, space: 80, values: (_u, splits, _axis, _space, increment) => splits.map((tick, i) => axisTimeLabel(tick, increment, splits[i - 1])) },
                {
                    ...axis,
                    label: `${unit.unit} CO2e per ${data.resolution}`,
                    size: 72,
                    values: (_u, splits) => splits.map(v => formatNumber(v, Math.abs(v) < 10 && v !== 0 ? 1 : 0))
                }
            ],
            hooks: {
                setScale: [(u, key) => {
                    if (key !== 'x' || this.settingScale) return;
                    const [first, last] = this.fullRange();
                    const { min, max } = u.scales.x;
                    if (min === undefined || max === undefined) return;
                    const whole = min <= first && max >= last;
                    this.view = { ...this.view!, xRange: whole ? undefined : [min, max] };
                    this.onZoom(whole ? undefined : [min, max]);
                }],
                setSeries: [(u, index) => {
                    if (index === null || index === 0 || !this.view) return;
                    const key = this.view.data.layers[index - 1].key;
                    if (u.series[index].show) this.hidden.delete(key);
                    else this.hidden.add(key);
                    // re-stack so that the visible bands sit on each other
                    u.delBand(null);
                    for (const band of this.bands()) u.addBand(band);
                    this.withScale(() => u.setData(this.alignedData(), true));
                }]
            }
        };
    }
}
